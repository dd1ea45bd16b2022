package web

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// envDocsScreenshots, set to 1, makes TestBrowserNewAccountHome write
// the screenshots of docs/ui.md into docs/screenshots.
const envDocsScreenshots = "MAILLAGE_DOCS_SCREENSHOTS"

// headerRow measures the header's visible items: the spread of their top
// offsets and of their vertical centres, in CSS pixels.
const headerRow = `(() => {
	const items = [...document.querySelectorAll('.header-bar > *')].filter(e => e.getClientRects().length > 0);
	const r = items.map(e => e.getBoundingClientRect());
	const tops = r.map(b => b.top), mids = r.map(b => b.top + b.height / 2);
	return {count: items.length, top: Math.max(...tops) - Math.min(...tops), mid: Math.max(...mids) - Math.min(...mids)};
})()`

type headerSpread struct {
	Count int     `json:"count"`
	Top   float64 `json:"top"`
	Mid   float64 `json:"mid"`
}

// TestBrowserNewAccountHome follows a new account: it signs up with the
// interest « numérique », a facilitator invites it, it confirms its
// address on the same device and lands signed in on a home showing the
// invitation and « Numériques et données » among its suggestions. The
// header holds one row at 1280 px and nothing scrolls sideways at 320 px;
// the home, the notifications and the account pages pass axe-core.
func TestBrowserNewAccountHome(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newEnv(t)
	ctx0 := context.Background()
	alice := e.user("Alice Côté", "alice@example.org", "numérique")
	av := e.viewer(alice.ID)
	if _, err := e.Svc.CreateCommunity(ctx0, av, maillage.CommunityInput{Name: "Numériques et données",
		Description: "Communauté thématique publique sur le numérique dans l’économie sociale.", Visibility: "public",
		Tags: []string{"données ouvertes"}}); err != nil {
		t.Fatal(err)
	}
	estrie, err := e.Svc.CreateCommunity(ctx0, av, maillage.CommunityInput{Name: "CdP Transformation numérique Estrie",
		Description: "Communauté de pratique privée : une rencontre de deux heures tous les deux mois.", Visibility: "private", Region: "05"})
	if err != nil {
		t.Fatal(err)
	}
	av = e.viewer(alice.ID)
	for _, title := range []string{"Ordre du jour de la rencontre de mars", "Ressources partagées après la rencontre"} {
		if _, err := e.Svc.CreateThread(ctx0, av, estrie.ID, maillage.ThreadInput{Title: title, Body: "Vos idées sont les bienvenues."}); err != nil {
			t.Fatal(err)
		}
	}
	base := withCSP(t, e)
	ctx := browser.New(t)
	a := &axeAudit{t: t, ctx: ctx, script: string(script), reviews: map[string][]string{}}
	defer a.logReviews()

	browser.Do(t, ctx,
		chromedp.Navigate(base+"/signup?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Béatrice Nguyen"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "beatrice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "une longue phrase de passe"),
		chromedp.SendKeys(chromedp.CSS("#f-interests"), "numérique"),
		chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	creds, err := e.DB.Credentials(ctx0, "beatrice@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.AddMember(ctx0, av, estrie.ID, creds.User.ID, maillage.RoleMember); err != nil {
		t.Fatal(err)
	}
	link, err := url.Parse(e.lastLink("beatrice@example.org", "/email/confirm"))
	if err != nil {
		t.Fatal(err)
	}
	browser.Do(t, ctx,
		chromedp.Navigate(base+link.RequestURI()),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/email/confirm"] button[type=submit]`)),
		chromedp.Click(chromedp.CSS(`form[action="/email/confirm"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".account-menu > summary")),
	)
	if h1 := browser.Text(t, ctx, "main h1"); h1 != "Bonjour, Béatrice Nguyen" {
		t.Errorf("home heading after confirmation = %q", h1)
	}
	if waiting := browser.Text(t, ctx, `section[aria-labelledby="home-waiting"]`); !strings.Contains(waiting, "CdP Transformation numérique Estrie") ||
		!strings.Contains(waiting, "Accepter") {
		t.Errorf("the invitation does not wait on the home:\n%s", waiting)
	}
	if sg := browser.Text(t, ctx, `section[aria-labelledby="home-suggestions"]`); !strings.Contains(sg, "Numériques et données") {
		t.Errorf("« Numériques et données » is not suggested from « numérique »:\n%s", sg)
	}
	a.check("new account: home (fr-CA)")

	// One header row at 1280 px, in both languages, signed in and out.
	checkRow := func(who string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[headerSpread](headerRow))
		if err != nil {
			t.Fatal(err)
		}
		if got.Count < 4 || got.Top > 8 || got.Mid > 2 {
			t.Errorf("%s: the header at 1280 px is not one row: %+v", who, got)
		}
	}
	checkRow("member (fr-CA)")
	browser.Do(t, ctx, chromedp.Navigate(base+"/?lang=en"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	checkRow("member (en)")
	a.check("new account: home (en)")
	browser.Do(t, ctx, chromedp.Navigate(base+"/notifications?lang=fr-CA"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	a.check("new account: notifications (fr-CA)")

	// The account menu opens from the keyboard and holds sign-out.
	browser.Do(t, ctx,
		chromedp.Focus(chromedp.CSS(".account-menu > summary")),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu form[action="/signout"] button`)),
	)
	a.check("new account: account menu open")
	// Escape closes it and returns to its button.
	browser.Do(t, ctx, chromedp.KeyEvent(kb.Escape))
	closed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector(".account-menu").open && document.activeElement.matches(".account-menu > summary")`))
	if err != nil || !closed {
		t.Errorf("Escape left the account menu open or lost the focus (%v)", err)
	}

	// Screenshots for docs/ui.md, and the phone widths.
	shoot := func(name string) {
		if os.Getenv(envDocsScreenshots) == "1" {
			browser.Screenshot(t, ctx, filepath.Join(mustAbs(t, filepath.Join("..", "..", "docs", "screenshots")), name))
		}
	}
	sizes := []int64{1280, 390, 320}
	visit := func(names ...string) {
		for _, width := range sizes {
			browser.Do(t, ctx, chromedp.EmulateViewport(width, 900))
			for _, name := range names {
				path := map[string]string{"home": "/", "community": "/communities/" + estrie.ID, "notifications": "/notifications"}[name]
				browser.Do(t, ctx, chromedp.Navigate(base+path+"?lang=fr-CA"), chromedp.WaitVisible(chromedp.CSS("main h1")))
				noSideways(t, ctx, name, width)
				browser.Screenshot(t, ctx, fmt.Sprintf("home-test-%s-%d.png", name, width))
				if width != 320 && name != "notifications" {
					shoot(fmt.Sprintf("%s-%d.png", name, width))
				}
			}
		}
	}
	// The home while the invitation waits; the community once accepted.
	visit("home")
	inv, err := e.Svc.PendingInvitation(ctx0, e.viewer(creds.User.ID), estrie.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.AnswerInvitation(ctx0, e.viewer(creds.User.ID), inv.ItemID, true); err != nil {
		t.Fatal(err)
	}
	visit("community", "notifications")
	// On a phone the sections are behind the menu button, which opens.
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(".nav-menu > summary")),
		chromedp.WaitVisible(chromedp.CSS(`.nav-menu a[href="/communities"]`)),
	)
	a.check("phone: menu open")
	browser.Do(t, ctx, chromedp.EmulateViewport(1280, 900))

	// The same link, opened signed out, says the address is confirmed and
	// leads to sign-in with the address filled in.
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(".account-menu > summary")),
		chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".hero")),
	)
	checkRow("visitor (fr-CA)")
	browser.Do(t, ctx,
		chromedp.Navigate(base+link.RequestURI()),
		chromedp.WaitVisible(chromedp.CSS(`main a[href="/signin"]`)),
	)
	a.check("visitor: confirmation link used")
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`main a[href="/signin"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-password")),
	)
	if v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-email"))); err != nil || v != "beatrice@example.org" {
		t.Errorf("sign-in address after the used link = %q (%v)", v, err)
	}
	browser.Do(t, ctx, chromedp.Navigate(base+"/email/confirm?token=perime&lang=en"), chromedp.WaitVisible(chromedp.CSS("#f-email")))
	a.check("visitor: expired link (en)")
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
