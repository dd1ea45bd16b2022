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

// TestBrowserRecruitmentAccessibility checks the recruitment pages with
// axe-core against WCAG 2.1 level AA, in French and in English: the
// shortlist (with search results, and with a form sent back with its
// errors), a candidate's page, and, signed out, the page of an emailed
// invitation and the sign-up form it fills.
func TestBrowserRecruitmentAccessibility(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newRecruitEnv(t)
	ctx := context.Background()
	av := e.viewer(e.aline.ID)
	cand, err := e.Svc.AddCandidate(ctx, av, e.c.ID, maillage.CandidateInput{Email: "amelie@exemple.org", Name: "Amélie Roy",
		Labels: []string{"Recherche"}, Note: "Appelée le 3 mars, intéressée"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.InviteToCommunity(ctx, av, e.c.ID, maillage.InviteInput{CandidateIDs: []string{cand.ID},
		Message: "Nous aimerions vous compter parmi nous."}, "fr-CA"); err != nil {
		t.Fatal(err)
	}
	link := e.joinLinks("amelie@exemple.org")[0]
	base := withCSP(t, e.env)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	open := func(path, lang string) {
		t.Helper()
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		browser.Do(t, a.ctx, chromedp.Navigate(base+path+sep+"lang="+lang), chromedp.WaitVisible(chromedp.CSS("main h1")))
	}
	page := "/communities/" + e.c.ID + "/recruitment"
	browser.Do(t, a.ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "aline@exemple.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "mot de passe solide"),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)
	for _, lang := range []string{"fr-CA", "en"} {
		open(page, lang)
		a.check("shortlist (" + lang + ")")
		open(page+"?find=Carole", lang)
		a.check("shortlist with search results (" + lang + ")")
		browser.Do(t, a.ctx,
			chromedp.SendKeys(chromedp.CSS("#f-email"), "pas-une-adresse"),
			chromedp.Click(chromedp.CSS(`form[action$="/recruitment/candidates"][novalidate] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS("#form-errors")),
		)
		a.check("shortlist with a form's errors (" + lang + ")")
		open(page+"/"+cand.ID, lang)
		a.check("candidate (" + lang + ")")
	}
	browser.Do(t, a.ctx, chromedp.Click(chromedp.CSS(`.account-menu > summary`)), chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.header-links a[href="/signin"]`)))
	token := strings.TrimPrefix(link, "/join/")
	for _, lang := range []string{"fr-CA", "en"} {
		open(link, lang)
		a.check("invitation link (" + lang + ")")
		open("/signup?invitation="+token, lang)
		a.check("sign-up from an invitation (" + lang + ")")
	}
	t.Logf("axe-core: %d pages checked", a.pages)
}
