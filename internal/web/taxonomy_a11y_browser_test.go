package web

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserAccessibilityOfTheTaxonomy checks the administration area
// and the tag pages with axe-core against WCAG 2.1 AA, in both languages,
// as a curator: the lists, the forms with their errors, the tag pages
// with their hierarchy.
func TestBrowserAccessibilityOfTheTaxonomy(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newEnv(t)
	w := e.curatedWorld()
	if _, err := e.Svc.CreateNote(context.Background(), e.viewer(w.Bob.ID), maillage.NoteInput{Title: "Vélos", Body: "x",
		Visibility: "public", Tags: []string{"vélo-cargo"}}); err != nil {
		t.Fatal(err)
	}
	base := withCSP(t, e)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	browser.Do(t, a.ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "carol@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), w.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)
	pages := []struct{ name, path string }{
		{"administration", "/admin"},
		{"review queue", "/admin/tags"},
		{"taxonomy", "/admin/tags?view=curated"},
		{"new tag", "/admin/taxonomy/new"},
		{"free tag", "/admin/tags/velo-cargo"},
		{"curated tag", "/admin/tags/mobilite-durable"},
		{"split", "/admin/tags/velo-cargo/split"},
		{"log", "/admin/taxonomy/log"},
		{"import", "/admin/taxonomy/import"},
		{"tag page", "/tags/mobilite-durable"},
	}
	for _, lang := range []string{"fr-CA", "en"} {
		for _, p := range pages {
			sep := "?"
			if strings.Contains(p.path, "?") {
				sep = "&"
			}
			browser.Do(t, a.ctx,
				chromedp.Navigate(base+p.path+sep+"lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("main h1")),
			)
			a.check("curator: " + p.name + " (" + lang + ")")
		}
		// A new tag sent empty comes back with its errors.
		browser.Do(t, a.ctx,
			chromedp.Navigate(base+"/admin/taxonomy/new?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("#f-label")),
			chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS("#form-errors")),
		)
		a.check("curator: new tag with errors (" + lang + ")")
	}
	t.Logf("axe-core: %d pages checked", a.pages)
}
