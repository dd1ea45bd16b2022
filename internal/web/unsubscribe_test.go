package web

import (
	"context"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// unsubscribeLink reads the List-Unsubscribe link of the email sent to addr.
func (e *env) unsubscribeLink(addr string) string {
	e.t.Helper()
	files, _ := filepath.Glob(filepath.Join(e.Outbox, "notifications", "*.eml"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			e.t.Fatal(err)
		}
		msg, err := mail.ReadMessage(strings.NewReader(string(raw)))
		if err != nil {
			e.t.Fatal(err)
		}
		if to, _ := msg.Header.AddressList("To"); len(to) == 1 && to[0].Address == addr {
			m := regexp.MustCompile(`^<(.+)>$`).FindStringSubmatch(msg.Header.Get("List-Unsubscribe"))
			if m == nil {
				e.t.Fatalf("List-Unsubscribe %q", msg.Header.Get("List-Unsubscribe"))
			}
			return strings.TrimPrefix(m[1], e.URL)
		}
	}
	e.t.Fatalf("no notification email to %s", addr)
	return ""
}

// crossSite posts as a page of another site would, without cookies.
func (e *env) crossSite(path string, form url.Values) response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://mail.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	return e.client().do(req)
}

// TestOneClickUnsubscribe follows the link of a real notification email:
// GET only asks, the one-click POST works from anywhere without signing in
// (RFC 8058), and every other form still refuses cross-site posts.
func TestOneClickUnsubscribe(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	bob := e.viewer(w.Bob.ID)
	// Bob reads in English.
	u, _ := e.DB.User(ctx, w.Bob.ID)
	u.Language = "en"
	if err := e.DB.Update(ctx, func(tx *store.Tx) error { return tx.UpdateProfile(ctx, u, nil) }); err != nil {
		t.Fatal(err)
	}
	// Bob asked for each event by email.
	if err := e.Svc.SetNotificationPreferences(ctx, bob, maillage.NotificationPreferences{Default: maillage.NotifyEach}); err != nil {
		t.Fatal(err)
	}
	e.threadsWithNews(w.Public, w.Alice, "Assemblée")
	link := e.unsubscribeLink("bob@example.org")
	if !strings.HasPrefix(link, "/unsubscribe/mlg_unsub_") {
		t.Fatalf("link %q", link)
	}
	r := e.client().get(link)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `<html lang="en">`, "Stop receiving emails from Maillage about the community “"+w.Public.Name+"”?",
		`action="`+link+`"`, `href="/settings/notifications"`)
	if m, _ := e.DB.NotifyMode(ctx, w.Bob.ID, w.Public.ID); m != maillage.NotifyEach {
		t.Fatalf("a GET changed the mode to %s", m)
	}
	// A mail provider’s one-click POST: another origin, not signed in.
	r = e.crossSite(link, url.Values{"List-Unsubscribe": {"One-Click"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "You will no longer receive emails about the community “"+w.Public.Name+"”.")
	if m, _ := e.DB.NotifyMode(ctx, w.Bob.ID, w.Public.ID); m != maillage.NotifyNone {
		t.Errorf("mode after unsubscribing: %s", m)
	}
	if p, _ := e.Svc.NotificationPreferences(ctx, bob); p.Default != maillage.NotifyEach {
		t.Errorf("the default changed too: %s", p.Default)
	}
	// Again: harmless. A made-up link: the same page as an expired one.
	wantStatus(t, e.crossSite(link, nil), http.StatusOK)
	r = e.client().get("/unsubscribe/mlg_unsub_inconnu?lang=fr-CA")
	wantStatus(t, r, http.StatusNotFound)
	mustContain(t, r, "Ce lien de désabonnement n’est plus valide.")
	wantStatus(t, e.crossSite("/unsubscribe/mlg_unsub_inconnu", nil), http.StatusNotFound)
	// The exemption is this route's alone.
	for _, path := range []string{"/follows", "/settings/notifications", "/notifications/read-all", "/signin"} {
		if r := e.crossSite(path, url.Values{"target_type": {"community"}, "target_id": {w.Public.ID}}); r.Status != http.StatusForbidden {
			t.Errorf("cross-site POST %s: %d, want 403", path, r.Status)
		}
	}
}
