package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// env is a small world over a real database, called through the real
// handler:
//   - alice manages "Cuisine collective" (public), "Cercle des
//     gestionnaires" (private, listed) and "Comité secret" (private,
//     unlisted); bob is a member of the two private ones;
//   - carol belongs to nothing; dave's profile is for members only;
//   - alice created the organisation "Coop du Quartier".
//
// Everything public, the secret community and dave carry the tag
// "économie sociale".
type env struct {
	t      *testing.T
	svc    *service.Service
	srv    *server
	h      http.Handler
	users  map[string]*maillage.User
	tokens map[string]string

	pub, priv, secret *maillage.Community
	org               *maillage.Organization
}

const sharedTag = "économie sociale"

// absentID is a well-formed ID that names nothing.
const absentID = "01abcdefghjkmnpqrstvwxyz00"

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db := testutil.OpenDB(t)
	svc := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://example.test", Files: testutil.Files(t)})
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(Options{Service: svc, Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, svc: svc, srv: h.(*server), h: h, users: map[string]*maillage.User{}, tokens: map[string]string{}}
	for _, p := range []struct {
		key, name, lang string
		interests       []string
	}{
		{"alice", "Alice Tremblay", "fr-CA", []string{"cuisine"}},
		{"bob", "Bob Gagnon", "en", nil},
		{"carol", "Carol Roy", "fr-CA", nil},
		{"dave", "Dave Côté", "fr-CA", []string{sharedTag}},
	} {
		u, err := svc.CreateUser(ctx, maillage.SignUpInput{Email: p.key + "@example.test", Name: p.name,
			Password: testutil.Password, Language: p.lang, Interests: p.interests}, false)
		if err != nil {
			t.Fatal(err)
		}
		e.users[p.key] = u
		plain, _, err := svc.CreateToken(ctx, e.viewer(p.key), "tests")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[p.key] = plain
	}
	// Profiles are for members by default; all but dave's are made public.
	for key, u := range e.users {
		vis := "public"
		if key == "dave" {
			vis = "members"
		}
		labels := make([]string, len(u.Interests))
		for i, t := range u.Interests {
			labels[i] = t.Label
		}
		if _, err := svc.UpdateProfile(ctx, e.viewer(key), u.ID, maillage.ProfileInput{Name: u.Name, Language: u.Language,
			ProfileVisibility: vis, Contact: "messages", Interests: labels}); err != nil {
			t.Fatal(err)
		}
	}
	alice := e.viewer("alice")
	mk := func(name, vis string, listed bool, tags ...string) *maillage.Community {
		c, err := svc.CreateCommunity(ctx, alice, maillage.CommunityInput{Name: name, Description: "Description de " + name,
			Visibility: vis, Listed: listed, Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	e.pub = mk("Cuisine collective", "public", true, sharedTag, "alimentation")
	e.priv = mk("Cercle des gestionnaires", "private", true, "gestion")
	e.secret = mk("Comité secret", "private", false, sharedTag)
	alice = e.viewer("alice")
	for _, c := range []*maillage.Community{e.priv, e.secret} {
		testutil.AddMember(t, svc, alice, c.ID, e.users["bob"].ID, maillage.RoleMember)
	}
	e.org, err = svc.CreateOrganization(ctx, alice, maillage.OrganizationInput{Name: "Coop du Quartier",
		Description: "Une coopérative", Type: "cooperative", Region: "06", Website: "https://coop.example.test",
		Tags: []string{sharedTag}}, false)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// viewer loads a user's current viewer.
func (e *env) viewer(key string) maillage.Viewer {
	e.t.Helper()
	v, _, err := e.svc.Viewer(context.Background(), e.users[key].ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// call sends a request as who ("" for anonymous). A non-empty body is
// sent as JSON unless headers say otherwise.
func (e *env) call(method, target, who, body string, headers ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if who != "" {
		tok, ok := e.tokens[who]
		if !ok {
			tok = who // a raw token value
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, req)
	return w
}

// decodeBody parses a JSON answer into a generic map.
func decodeBody(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v\n%s", err, w.Body.String())
	}
	return m
}

// ids collects the "id" of a list's items.
func ids(m map[string]any, key string) map[string]bool {
	out := map[string]bool{}
	items, _ := m[key].([]any)
	for _, it := range items {
		if o, ok := it.(map[string]any); ok {
			if id, ok := o["id"].(string); ok {
				out[id] = true
			}
		}
	}
	return out
}
