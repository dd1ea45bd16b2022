package web

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserNominationAccessibility checks the nomination pages with
// axe-core (WCAG 2.1 AA), in French and in English: the list, the form,
// the results, the answer page, its "did you mean …?" step and the page
// of a secret link.
func TestBrowserNominationAccessibility(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	ctx0 := context.Background()
	e := newEnv(t)
	w := e.world()
	tag := w.Bob.Interests[0].Label
	mine, err := e.Svc.CreateNominationRequest(ctx0, e.viewer(w.Alice.ID), service.NominationRequestInput{Tag: tag,
		Question: "Qui compte ?", RespondentIDs: []string{w.Bob.ID}, Emails: []string{"claire@exemple.org"}})
	if err != nil {
		t.Fatal(err)
	}
	err = e.Svc.AnswerNomination(ctx0, e.viewer(w.Bob.ID), mine.ID, []service.NomineeInput{
		{UserID: w.Carol.ID, Reason: "Elle connaît le terrain"}, {Name: "Marie Tremblay"}})
	if err != nil {
		t.Fatal(err)
	}
	asked, err := e.Svc.CreateNominationRequest(ctx0, e.viewer(w.Bob.ID), service.NominationRequestInput{Tag: tag,
		Question: "Qui compte ?", RespondentIDs: []string{w.Alice.ID}})
	if err != nil {
		t.Fatal(err)
	}
	link := ""
	for _, m := range e.emailsTo("claire@exemple.org") {
		if i := strings.Index(m, "/nominate/"); i >= 0 {
			link = strings.Fields(m[i:])[0]
		}
	}
	if link == "" {
		t.Fatal("no secret link emailed")
	}
	base := withCSP(t, e)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	open := func(path, lang string) {
		t.Helper()
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		browser.Do(t, a.ctx, chromedp.Navigate(base+path+sep+"lang="+lang), chromedp.WaitVisible(chromedp.CSS("main h1")))
	}
	for _, lang := range []string{"fr-CA", "en"} {
		open(link, lang)
		a.check("secret link (" + lang + ")")
	}
	browser.Do(t, a.ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "alice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), w.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"]`)),
	)
	for _, lang := range []string{"fr-CA", "en"} {
		for _, p := range []struct{ name, path string }{
			{"list", "/nominations"},
			{"form", "/nominations/new?tag=" + w.Bob.Interests[0].Slug},
			{"results", "/nominations/" + mine.ID},
			{"answer", "/nominations/" + asked.ID + "/answer"},
		} {
			open(p.path, lang)
			a.check("nominations: " + p.name + " (" + lang + ")")
		}
		// A name that matches someone: the "did you mean …?" step.
		browser.Do(t, a.ctx,
			chromedp.SendKeys(chromedp.CSS("#f-name-0"), "Carol Roy"),
			chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(".did-you-mean")),
		)
		a.check("nominations: did you mean (" + lang + ")")
	}
}
