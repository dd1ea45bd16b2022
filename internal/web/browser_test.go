package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// withCSP serves the front end behind the production security headers, so
// the browser enforces the content security policy (no inline script or
// style) while the test runs.
func withCSP(t *testing.T, e *env) string {
	t.Helper()
	proxy := httpx.SecurityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), r.Method, e.URL+r.URL.RequestURI(), r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		req.Header = r.Header.Clone()
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, vs := range resp.Header {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
		w.WriteHeader(resp.StatusCode)
		buf := make([]byte, 32<<10)
		for {
			n, err := resp.Body.Read(buf)
			w.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}))
	srv := httptest.NewServer(proxy) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestBrowserSignUpSignInEditProfile(t *testing.T) {
	e := newEnv(t)
	seed := e.user("Alice Côté", "alice@example.org", "numérique")
	if _, err := e.Svc.CreateCommunity(context.Background(), e.viewer(seed.ID), maillage.CommunityInput{
		Name: "Numérique communautaire", Visibility: "public", Tags: []string{"numérique"}}); err != nil {
		t.Fatal(err)
	}
	base := withCSP(t, e)
	ctx := browser.New(t)

	// Sign up, choosing an interest from the suggestions with the keyboard.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/signup?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-interests")),
		chromedp.SendKeys(chromedp.CSS("#f-interests"), "numé"),
		chromedp.WaitVisible(chromedp.CSS("#f-interests-suggestions button[data-tag]")),
		chromedp.SendKeys(chromedp.CSS("#f-interests"), kb.ArrowDown),
		chromedp.SendKeys(chromedp.CSS("#f-interests-suggestions button[data-tag]"), kb.Enter),
	)
	got, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-interests")))
	if err != nil {
		t.Fatal(err)
	}
	if got != "numérique, " {
		t.Errorf("interest field after choosing a suggestion = %q", got)
	}
	browser.Screenshot(t, ctx, "signup-1280.png")
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Béatrice Nguyen"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "beatrice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "une longue phrase de passe"),
		chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if h1 := browser.Text(t, ctx, "main h1"); h1 != "Vérifiez vos courriels" {
		t.Errorf("heading after sign-up = %q", h1)
	}
	// The confirmation link, opened in the same browser, signs in.
	link, err := url.Parse(e.lastLink("beatrice@example.org", "/email/confirm"))
	if err != nil {
		t.Fatal(err)
	}
	browser.Do(t, ctx,
		chromedp.Navigate(base+link.RequestURI()),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/email/confirm"] button[type=submit]`)),
		chromedp.Click(chromedp.CSS(`form[action="/email/confirm"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if h1 := browser.Text(t, ctx, "main h1"); h1 != "Bonjour, Béatrice Nguyen" {
		t.Errorf("home heading after confirmation = %q", h1)
	}

	// Sign out, then sign in again.
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`.account-menu > summary`)), chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".hero")),
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "beatrice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "une longue phrase de passe"),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)

	// Edit the profile: pronouns, bio and one more interest.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/settings/profile"),
		chromedp.WaitVisible(chromedp.CSS("#f-pronouns")),
		chromedp.SendKeys(chromedp.CSS("#f-pronouns"), "elle"),
		chromedp.SendKeys(chromedp.CSS("#f-bio"), "Chargée de communauté.\nJ’aime les coopératives."),
		chromedp.SendKeys(chromedp.CSS("#f-interests"), "coopératives"),
		chromedp.Click(chromedp.CSS(`form[action="/settings/profile"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "/people/") {
		t.Fatalf("after saving the profile at %s", loc)
	}
	if got := browser.Text(t, ctx, ".pronouns"); got != "elle" {
		t.Errorf("pronouns = %q", got)
	}
	if got := browser.Text(t, ctx, ".bio"); !strings.Contains(got, "J’aime les coopératives.") {
		t.Errorf("bio = %q", got)
	}
	if got := browser.Text(t, ctx, "main .tag-list"); !strings.Contains(got, "coopératives") || !strings.Contains(got, "numérique") {
		t.Errorf("interests = %q", got)
	}
	browser.Screenshot(t, ctx, "profile-1280.png")
}

// TestBrowserScreenshots draws the main pages at phone and desktop widths,
// checks that nothing scrolls sideways, and writes screenshots when
// MAILLAGE_SCREENSHOTS names a folder, for a person to look at.
func TestBrowserPagesFitPhoneAndDesktop(t *testing.T) {
	if testing.Short() {
		t.Skip("screenshots")
	}
	e := newEnv(t)
	w := e.world()
	base := withCSP(t, e)
	ctx := browser.New(t)
	pages := map[string]string{
		"home":      "/",
		"signup":    "/signup",
		"community": "/communities/" + w.Public.ID,
		"people":    "/people",
	}
	for _, width := range []int64{360, 1280} {
		browser.Do(t, ctx, chromedp.EmulateViewport(width, 800))
		for name, path := range pages {
			browser.Do(t, ctx, chromedp.Navigate(base+path+"?lang=fr-CA"), chromedp.WaitVisible(chromedp.CSS("main h1")))
			noSideways(t, ctx, name, width)
			browser.Screenshot(t, ctx, name+"-"+strconv.FormatInt(width, 10)+".png")
		}
	}
	// Signed in: the member's home, profile settings and a community.
	browser.Do(t, ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "alice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)
	for _, width := range []int64{360, 1280} {
		browser.Do(t, ctx, chromedp.EmulateViewport(width, 800))
		for name, path := range map[string]string{"member-home": "/", "settings": "/settings/profile",
			"member-community": "/communities/" + w.Public.ID, "members": "/communities/" + w.Public.ID + "/members",
			"organization": "/organizations/" + w.Org.ID} {
			browser.Do(t, ctx, chromedp.Navigate(base+path+"?lang=fr-CA"), chromedp.WaitVisible(chromedp.CSS("main h1")))
			noSideways(t, ctx, name, width)
			browser.Screenshot(t, ctx, name+"-"+strconv.FormatInt(width, 10)+".png")
		}
	}
}

// noSideways fails when the page is wider than the window.
func noSideways(t *testing.T, ctx context.Context, name string, width int64) {
	t.Helper()
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int64]("document.documentElement.scrollWidth"))
	if err != nil {
		t.Fatal(err)
	}
	if w > width {
		t.Errorf("%s at %d px scrolls sideways (%d px wide)", name, width, w)
	}
}
