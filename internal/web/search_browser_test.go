package web

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserSearchFromTheHeader follows a person searching: "/" focuses
// the header box, typing shows suggestions, the arrow keys and Enter open
// one; the full results page filters by a tag facet and opens a result.
// Each page passes axe-core, in both languages.
func TestBrowserSearchFromTheHeader(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newEnv(t)
	e.searchWorld()
	base := withCSP(t, e)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	ctx := a.ctx
	attr := func(sel, name string) string {
		t.Helper()
		res, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
		if err != nil {
			t.Fatalf("%s %s: %v", sel, name, err)
		}
		return res.Value
	}
	location := func() string {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimPrefix(loc, base)
	}

	browser.Do(t, ctx,
		chromedp.Navigate(base+"/communities?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		// "/" from the page focuses the box.
		chromedp.KeyEvent("/"),
		chromedp.WaitReady(chromedp.CSS("#site-search-q:focus")),
		chromedp.SendKeys(chromedp.CSS("#site-search-q"), "coopé"),
		chromedp.WaitVisible(chromedp.CSS(`#site-search-list [role=option][data-href^="/notes/"]`)),
	)
	if expanded := attr("#site-search-q", "aria-expanded"); expanded != "true" {
		t.Errorf("aria-expanded with suggestions shown: %q", expanded)
	}
	a.check("suggestions (fr-CA)")
	// The first suggestion is the best match: the note; arrow down, Enter.
	browser.Do(t, ctx,
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.WaitVisible(chromedp.CSS(`#site-search-list [aria-selected=true]`)),
	)
	if attr("#site-search-q", "aria-activedescendant") == "" {
		t.Error("no aria-activedescendant on the box after ArrowDown")
	}
	chosen := attr(`#site-search-list [aria-selected=true]`, "data-href")
	browser.Do(t, ctx,
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	if got := location(); got != chosen {
		t.Fatalf("Enter on a suggestion led to %s, want %s", got, chosen)
	}

	// The full results page: submit the box, filter by the tag facet,
	// open the result.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#site-search-q")),
		chromedp.SendKeys(chromedp.CSS("#site-search-q"), "coopérative\r"),
		chromedp.WaitVisible(chromedp.CSS("#facet-tag")),
	)
	a.check("results (fr-CA)")
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`section[aria-labelledby=facet-tag] a[href*="tag=mobilite-durable"]`)),
		chromedp.WaitVisible(chromedp.CSS(`section[aria-labelledby=facet-tag] a[aria-current=true]`)),
	)
	if got := browser.Text(t, ctx, "main .search-results"); !strings.Contains(got, "Guide des coopératives") || strings.Contains(got, "Coop du Quartier") {
		t.Fatalf("results filtered by the tag:\n%s", got)
	}
	a.check("results filtered by a tag (fr-CA)")
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`.search-hit h3 a[href^="/notes/"]`)),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	if got := browser.Text(t, ctx, "main h1"); !strings.Contains(got, "Guide des coopératives") {
		t.Fatalf("the result opened %q", got)
	}
	// The English page, and a search that finds nothing.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/search?q=coop%C3%A9rative&lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#facet-type")),
	)
	a.check("results (en)")
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/search?q=zzzyx&lang=en"),
		chromedp.WaitVisible(chromedp.CSS(".empty-state")),
	)
	a.check("no results (en)")
	a.logReviews()
}
