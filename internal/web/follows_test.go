package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

func TestFollowButton(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	next := "/communities/" + w.Public.ID
	r := carol.post("/follows", url.Values{"target_type": {"community"}, "target_id": {w.Public.ID}, "next": {next}})
	if r.URL.Path != next {
		t.Errorf("following led to %s", r.URL)
	}
	mustContain(t, r, "C’est noté : vous serez avisé·e des nouveautés.")
	if ok, _ := e.Svc.IsFollowing(ctx, e.viewer(w.Carol.ID), maillage.FollowCommunity, w.Public.ID); !ok {
		t.Fatal("not following")
	}
	// What Carol may not see is not found, whatever the kind.
	for _, f := range [][2]string{{"community", w.Secret.ID}, {"thread", "nope"}, {"meeting", w.Public.ID}} {
		wantStatus(t, carol.post("/follows", url.Values{"target_type": {f[0]}, "target_id": {f[1]}}), http.StatusNotFound)
	}
	// With htmx, the answer is the button in its new state.
	req, _ := http.NewRequest(http.MethodPost, e.URL+"/follows/delete",
		strings.NewReader(url.Values{"target_type": {"community"}, "target_id": {w.Public.ID}, "label": {w.Public.Name}, "next": {next}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	r = carol.do(req)
	wantStatus(t, r, http.StatusOK)
	if strings.Contains(r.Body, "<html") || !strings.Contains(r.Body, `action="/follows"`) || !strings.Contains(r.Body, ">Suivre<span class=\"visually-hidden\"> "+w.Public.Name) {
		t.Errorf("htmx answer:\n%s", r.Body)
	}
	if ok, _ := e.Svc.IsFollowing(ctx, e.viewer(w.Carol.ID), maillage.FollowCommunity, w.Public.ID); ok {
		t.Error("still following")
	}
	// Visitors are sent to sign in; the partial shows them nothing.
	if r := e.client().post("/follows", url.Values{"target_type": {"community"}, "target_id": {w.Public.ID}}); r.URL.Path != "/signin" {
		t.Errorf("a visitor reached %s", r.URL)
	}
}

// TestFollowButtonPartial draws the partial as other pages will, through
// followButton, for a follower and a visitor, in both languages.
func TestFollowButtonPartial(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	s := &server{svc: e.Svc, bundle: bundle, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if s.static, err = newStaticFiles(); err != nil {
		t.Fatal(err)
	}
	if s.tmpl, err = parseTemplates(s.static); err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.Follow(context.Background(), e.viewer(w.Bob.ID), maillage.FollowCommunity, w.Public.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang   string
		viewer maillage.Viewer
		want   string
	}{
		{"fr-CA", e.viewer(w.Bob.ID), ">Ne plus suivre<"},
		{"en", e.viewer(w.Carol.ID), ">Follow<"},
		{"en", maillage.Anonymous(), ""},
	} {
		r := httptest.NewRequest(http.MethodGet, "/communities/"+w.Public.ID, nil)
		r = r.WithContext(withState(r, &requestState{Viewer: c.viewer, L: s.bundle.Localizer(c.lang)}))
		var buf bytes.Buffer
		if err := s.tmpl.partials.ExecuteTemplate(&buf, "follow_button", s.followButton(r, maillage.FollowCommunity, w.Public.ID, w.Public.Name)); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		if c.want == "" && strings.TrimSpace(got) != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q", c.lang, got)
		}
	}
}
