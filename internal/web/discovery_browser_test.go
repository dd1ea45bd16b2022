package web

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserKeyActorsAndSecondDegree follows a facilitator: she opens a
// tag, reads its key actors and their reasons, opens the whole ranking
// and orders it by relations, opens one of the actors and reads the
// second degree from them, with its paths. Each page passes axe-core.
func TestBrowserKeyActorsAndSecondDegree(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newEnv(t)
	w := e.discoveryWorld()
	base := withCSP(t, e)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	ctx := a.ctx
	text := func(sel string) string {
		t.Helper()
		return browser.Text(t, ctx, sel)
	}
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "carol@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), w.Password),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitNotPresent(chromedp.CSS("#f-password")),
	)
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/tags/numerique"),
		chromedp.WaitVisible(chromedp.CSS("#key-actors-title")),
	)
	if got := text(".key-actors-section .key-actor"); !containsAll(got, "Alice Côté", "1 note visible sur «\u202fnumérique\u202f»") {
		t.Errorf("the first key actor reads %q", got)
	}
	a.check("tag page with its key actors")
	browser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.key-actors-section a[href$="key-actors?order=combined"]`)))
	browser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".order-switch")))
	browser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.order-switch a[href*="order=relations"]`)))
	browser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`.order-switch a[aria-current="true"][href*="order=relations"]`)))
	a.check("the whole ranking, by relations")
	// Bob, Alice's co-author, is ranked; from him, the second degree
	// reaches the Coop through Alice.
	browser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.key-actor h3 a[href="/people/`+w.Bob.ID+`"]`)))
	browser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".second-degree-link a")))
	browser.Do(t, ctx, chromedp.Click(chromedp.CSS(".second-degree-link a")))
	browser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(".key-actors .key-actor")))
	if got := text(".key-actors .key-actor"); !containsAll(got, "Coop du Quartier", "par Alice Côté\u202f: même organisation") {
		t.Errorf("the second degree from Bob reads %q", got)
	}
	a.check("second degree")
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
