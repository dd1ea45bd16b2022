package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

func TestNotificationSettingsPage(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	if err := e.Svc.Follow(ctx, e.viewer(w.Bob.ID), maillage.FollowPerson, w.Alice.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, legend, inherit, follow string }{
		{"fr-CA", "Courriels, par défaut", "Comme mon choix par défaut", "Ne plus suivre"},
		{"en", "Email, by default", "Same as my default", "Unfollow"},
	} {
		bob := e.client()
		bob.get("/?lang=" + c.lang)
		bob.signIn("bob@example.org", testPassword)
		r := bob.get("/settings/notifications")
		wantStatus(t, r, http.StatusOK)
		mustContain(t, r, `<html lang="`+c.lang+`">`, c.legend, c.inherit, c.follow, "Alice Côté", w.Public.Name, w.Secret.Name,
			`name="community_`+w.Public.ID+`"`, `value="daily" checked`)
		if m := missingNotificationKey.FindString(r.Body); m != "" {
			t.Errorf("%s: untranslated %s", c.lang, m)
		}
	}
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r := bob.post("/settings/notifications", url.Values{"default": {"daily"}, "community_" + w.Public.ID: {"none"},
		"community_" + w.Listed.ID: {""}})
	if r.URL.Path != "/settings/notifications" {
		t.Fatalf("saving led to %s", r.URL)
	}
	mustContain(t, r, "Vos préférences de notification sont enregistrées.", `value="daily" checked`, `<option value="none" selected>`)
	p, err := e.Svc.NotificationPreferences(ctx, e.viewer(w.Bob.ID))
	if err != nil || p.Default != maillage.NotifyDaily {
		t.Fatalf("preferences %+v %v", p, err)
	}
	for _, c := range p.Communities {
		if want := map[string]maillage.NotifyMode{w.Public.ID: maillage.NotifyNone}[c.CommunityID]; c.Mode != want {
			t.Errorf("%s: %q, want %q", c.CommunityName, c.Mode, want)
		}
	}
	// Bad input is refused with the reasons, nothing lost, nothing saved.
	r = bob.post("/settings/notifications", url.Values{"default": {"hourly"}, "community_" + w.Public.ID: {"each"},
		"community_nowhere": {"each"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `id="form-errors"`, "Choisissez une des options proposées.", "Vous n’êtes pas membre de cette communauté.",
		`<option value="each" selected>`)
	if p, _ := e.Svc.NotificationPreferences(ctx, e.viewer(w.Bob.ID)); p.Default != maillage.NotifyDaily {
		t.Errorf("refused input was saved: %s", p.Default)
	}
	// Unfollowing from the list.
	r = bob.post("/follows/delete", url.Values{"target_type": {"person"}, "target_id": {w.Alice.ID}, "next": {"/settings/notifications"}})
	mustContain(t, r, "Vous ne suivez plus cet élément.", "Vous ne suivez rien pour l’instant.")
}
