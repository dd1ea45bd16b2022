package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// The visibility leak test. It builds small random worlds — people with
// every profile visibility, communities of every kind with random members
// and managers, tags shared between them — and asserts, for every viewer
// (visitor, each person, an administrator), that every surface of the web
// pages and the API shows exactly what the access policy allows: pages
// answer 200 or 404 as the policy says, lists and counts contain exactly
// the visible items, and no invisible name appears anywhere.
//
// Every later feature that lists, counts, searches, maps, feeds, exports or
// notifies adds its surface here.

type world struct {
	m           *app.Main
	users       []*maillage.User
	communities []*maillage.Community
	tagSlug     string
	tagged      map[string]bool // people with the world's tag as interest
	secret      string          // a tag only private communities carry
	secretBy    map[string]bool // the communities carrying it
	org         *maillage.Organization
	viewers     []leakViewer
}

type leakViewer struct {
	name   string
	policy maillage.Viewer
	web    *http.Client // signed in with a cookie session (visitor: no session)
	token  string       // API bearer token ("" for the visitor)
}

func TestVisibilityLeaks(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			w := buildWorld(t, seed)
			for _, v := range w.viewers {
				t.Run(v.name, func(t *testing.T) { w.check(t, v) })
			}
		})
	}
}

func buildWorld(t *testing.T, seed uint64) *world {
	ctx := context.Background()
	m := boot(t)
	s := m.Service
	r := rand.New(rand.NewPCG(seed, 42))
	w := &world{m: m, tagged: map[string]bool{}, secretBy: map[string]bool{}, secret: fmt.Sprintf("Confidentiel%d", seed)}
	tag := fmt.Sprintf("Thème %d", seed)
	for i := 0; i < 6; i++ {
		u, _ := testutil.User(t, s, fmt.Sprintf("Personne%dx%d", seed, i), fmt.Sprintf("p%d@exemple.org", i))
		vis := []string{"public", "members"}[r.IntN(2)]
		contact := []string{"messages", "email", "none"}[r.IntN(3)]
		in := maillage.ProfileInput{Name: u.Name, ProfileVisibility: vis, Contact: contact, Language: "fr-CA", Interests: []string{tag}}
		v := testutil.ViewerOf(t, s, u.ID)
		u, err := s.UpdateProfile(ctx, v, u.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		w.users = append(w.users, u)
		w.tagged[u.ID] = true
	}
	for i := 0; i < 5; i++ {
		creator := w.users[r.IntN(len(w.users))]
		vis := []string{"public", "private"}[r.IntN(2)]
		tags := []string{tag}
		if vis == "private" {
			tags = append(tags, w.secret)
		}
		c, err := s.CreateCommunity(ctx, testutil.ViewerOf(t, s, creator.ID), maillage.CommunityInput{
			Name: fmt.Sprintf("Communauté%dx%d", seed, i), Visibility: vis, Listed: r.IntN(2) == 0, Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		w.secretBy[c.ID] = vis == "private"
		for _, u := range w.users {
			if u.ID != creator.ID && r.IntN(3) == 0 {
				role := []maillage.Role{maillage.RoleMember, maillage.RoleManager}[r.IntN(2)]
				testutil.AddMember(t, s, testutil.ViewerOf(t, s, creator.ID), c.ID, u.ID, role) // invited, and accepts
			}
		}
		w.communities = append(w.communities, c)
	}
	w.tagSlug = fold.Slug(tag)
	// Everyone works at one organisation: its page lists them as each viewer may see them.
	org, err := s.CreateOrganization(ctx, testutil.ViewerOf(t, s, w.users[0].ID), maillage.OrganizationInput{Name: fmt.Sprintf("Org%d", seed)}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range w.users {
		if err := s.DeclareAffiliation(ctx, testutil.ViewerOf(t, s, u.ID), org.ID, "Membre"); err != nil {
			t.Fatal(err)
		}
	}
	w.org = org

	admin, err := s.CreateUser(ctx, maillage.SignUpInput{Email: "admin@exemple.org", Name: fmt.Sprintf("Admin%d", seed), Password: testutil.Password}, true)
	if err != nil {
		t.Fatal(err)
	}
	w.users = append(w.users, admin)
	w.viewers = append(w.viewers, leakViewer{name: "visitor", policy: maillage.Anonymous(), web: client(t)})
	for _, u := range w.users {
		v := testutil.ViewerOf(t, s, u.ID)
		plain, _, err := s.CreateToken(ctx, v, "leak test")
		if err != nil {
			t.Fatal(err)
		}
		w.viewers = append(w.viewers, leakViewer{name: u.Name, policy: v, web: w.signIn(t, u.Email), token: plain})
	}
	return w
}

func client(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (w *world) signIn(t *testing.T, email string) *http.Client {
	c := client(t)
	res, err := c.PostForm(w.m.URL()+"/signin", url.Values{"email": {email}, "password": {testutil.Password}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in %s: status %d", email, res.StatusCode)
	}
	return c
}

// page fetches a web page as the viewer.
func (w *world) page(t *testing.T, v leakViewer, path string) (int, string) {
	res, err := v.web.Get(w.m.URL() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// call fetches an API resource as the viewer.
func (w *world) call(t *testing.T, v leakViewer, path string) (int, map[string]any, string) {
	req, _ := http.NewRequest("GET", w.m.URL()+path, nil)
	if v.token != "" {
		req.Header.Set("Authorization", "Bearer "+v.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var body map[string]any
	if err := json.Unmarshal(b, &body); err != nil {
		t.Fatalf("GET %s: not JSON: %s", path, b)
	}
	return res.StatusCode, body, string(b)
}

func status(allowed bool) int {
	if allowed {
		return http.StatusOK
	}
	return http.StatusNotFound
}

func (w *world) check(t *testing.T, v leakViewer) {
	var hiddenNames, visibleCommunities []string
	seeCommunity := map[string]bool{}
	for _, c := range w.communities {
		see := maillage.CanSeeCommunity(v.policy, c.Access())
		read := maillage.CanReadCommunity(v.policy, c.Access())
		seeCommunity[c.ID] = see
		if see {
			visibleCommunities = append(visibleCommunities, c.ID)
		} else {
			hiddenNames = append(hiddenNames, c.Name)
		}
		// The community page and its API resource.
		if got, _ := w.page(t, v, "/communities/"+c.ID); got != status(see) {
			t.Errorf("page of %s %s: %d, policy says see=%v", c.Visibility, c.Name, got, see)
		}
		if got, _, _ := w.call(t, v, "/api/v1/communities/"+c.ID); got != status(see) {
			t.Errorf("API %s: %d, policy says see=%v", c.Name, got, see)
		}
		// Members: readable, forbidden (visible but private) or absent.
		want := http.StatusNotFound
		switch {
		case read:
			want = http.StatusOK
		case see:
			want = http.StatusForbidden
		}
		if got, _ := w.page(t, v, "/communities/"+c.ID+"/members"); got != want {
			t.Errorf("members page of %s: %d, want %d", c.Name, got, want)
		}
		if got, _, _ := w.call(t, v, "/api/v1/communities/"+c.ID+"/members"); got != want {
			t.Errorf("members API of %s: %d, want %d", c.Name, got, want)
		}
	}
	// An absent ID answers exactly like an invisible one.
	_, _, absent := w.call(t, v, "/api/v1/communities/01abcdefghjkmnpqrstvwxyz00")
	for _, c := range w.communities {
		if !seeCommunity[c.ID] {
			if _, _, body := w.call(t, v, "/api/v1/communities/"+c.ID); body != absent {
				t.Errorf("invisible community answers %s, absent one %s", body, absent)
			}
		}
	}

	var visiblePeople []string
	visibleTagged := 0
	for _, u := range w.users {
		see := maillage.CanViewProfile(v.policy, u.Access())
		if see {
			visiblePeople = append(visiblePeople, u.ID)
			if w.tagged[u.ID] {
				visibleTagged++
			}
		} else {
			hiddenNames = append(hiddenNames, u.Name)
		}
		if got, _ := w.page(t, v, "/people/"+u.ID); got != status(see) {
			t.Errorf("profile page of %s: %d, policy says %v", u.Name, got, see)
		}
		got, body, _ := w.call(t, v, "/api/v1/users/"+u.ID)
		if got != status(see) {
			t.Errorf("API profile of %s: %d, policy says %v", u.Name, got, see)
		}
		if email, _ := body["email"].(string); see && (email != "") != maillage.CanViewEmail(v.policy, u.Access()) {
			t.Errorf("email of %s shown=%v, policy says %v", u.Name, email != "", maillage.CanViewEmail(v.policy, u.Access()))
		}
	}

	// Lists and counts, in the API and on pages.
	w.checkList(t, v, "/api/v1/communities?limit=100", visibleCommunities)
	w.checkList(t, v, "/api/v1/users?limit=100", visiblePeople)
	w.checkList(t, v, "/api/v1/communities?limit=100&tag="+w.tagSlug, visibleCommunities)
	_, tagBody, tagRaw := w.call(t, v, "/api/v1/tags/"+w.tagSlug)
	for _, field := range []struct {
		name string
		want int
	}{{"communities_total", len(visibleCommunities)}, {"people_total", visibleTagged}} {
		if got, ok := tagBody[field.name].(float64); !ok || int(got) != field.want {
			t.Errorf("API tag page %s = %v, policy allows %d", field.name, tagBody[field.name], field.want)
		}
	}
	pages := []string{"/", "/communities", "/people", "/tags/" + w.tagSlug, "/communities?tag=" + w.tagSlug}
	// The tag only private communities carry exists only for those who see one of them.
	secretSeen := false
	for _, c := range w.communities {
		secretSeen = secretSeen || (w.secretBy[c.ID] && seeCommunity[c.ID])
	}
	secretSlug := fold.Slug(w.secret)
	if got, _ := w.page(t, v, "/tags/"+secretSlug); got != status(secretSeen) {
		t.Errorf("page of the private-only tag: %d, policy says %v", got, secretSeen)
	}
	if got, _, _ := w.call(t, v, "/api/v1/tags/"+secretSlug); got != status(secretSeen) {
		t.Errorf("API private-only tag: %d, policy says %v", got, secretSeen)
	}
	_, suggest := w.page(t, v, "/tags/suggest?q=confidentiel")
	_, _, apiSuggest := w.call(t, v, "/api/v1/tags?q=confidentiel")
	if strings.Contains(suggest, w.secret) != secretSeen || strings.Contains(apiSuggest, w.secret) != secretSeen {
		t.Errorf("suggestions of the private-only tag (web %v, API %v), policy says %v",
			strings.Contains(suggest, w.secret), strings.Contains(apiSuggest, w.secret), secretSeen)
	}
	_, orgPage := w.page(t, v, "/organizations/"+w.org.ID)
	_, _, orgRaw := w.call(t, v, "/api/v1/organizations/"+w.org.ID)
	bodies := []string{tagRaw, orgPage, orgRaw}
	for _, p := range pages {
		code, body := w.page(t, v, p)
		if code != http.StatusOK {
			t.Errorf("page %s: %d", p, code)
		}
		bodies = append(bodies, body)
	}
	for _, c := range w.communities {
		if seeCommunity[c.ID] && maillage.CanReadCommunity(v.policy, c.Access()) {
			_, body := w.page(t, v, "/communities/"+c.ID+"/members")
			_, _, raw := w.call(t, v, "/api/v1/communities/"+c.ID+"/members?limit=100")
			bodies = append(bodies, body, raw)
		}
	}
	for _, b := range bodies {
		for _, name := range hiddenNames {
			if strings.Contains(b, name) {
				t.Errorf("%q leaked to %s", name, v.name)
			}
		}
	}
}

// checkList compares an API list's items and total with the IDs the
// policy allows.
func (w *world) checkList(t *testing.T, v leakViewer, path string, want []string) {
	code, body, raw := w.call(t, v, path)
	if code != http.StatusOK {
		t.Fatalf("%s: %d %s", path, code, raw)
	}
	items, _ := body["items"].([]any)
	got := map[string]bool{}
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			got[fmt.Sprint(m["id"])] = true
		}
	}
	total, _ := body["total"].(float64)
	ok := len(got) == len(want) && int(total) == len(want)
	for _, id := range want {
		ok = ok && got[id]
	}
	if !ok {
		t.Errorf("%s: %d items (total %v), policy allows %d", path, len(got), total, len(want))
	}
}
