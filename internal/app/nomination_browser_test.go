package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserNominationRequest follows a facilitator through the real
// program: from a tag's page she asks a colleague to name who matters on
// the theme; the colleague answers with a new name and a reason; the
// facilitator finds the nominee, and who named them, on the results page.
func TestBrowserNominationRequest(t *testing.T) {
	ctx0 := context.Background()
	m := boot(t)
	s := m.Service
	alice, av := testutil.User(t, s, "Alice Côté", "alice@exemple.org")
	bea, bv := testutil.User(t, s, "Béatrice Nguyen", "bea@exemple.org")
	if _, err := s.UpdateProfile(ctx0, av, alice.ID, maillage.ProfileInput{Name: alice.Name, ProfileVisibility: "members",
		Contact: "messages", Language: "fr-CA", Interests: []string{"transformation numérique"}}); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCommunity(ctx0, testutil.ViewerOf(t, s, alice.ID), maillage.CommunityInput{Name: "CdP Numérique", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Join(ctx0, bv, c.ID); err != nil {
		t.Fatal(err)
	}
	ctx := browser.New(t)
	signIn := func(email string) {
		browser.Do(t, ctx,
			chromedp.Navigate(m.URL()+"/signin?lang=fr-CA"),
			chromedp.WaitVisible(chromedp.CSS("#f-email")),
			chromedp.SendKeys(chromedp.CSS("#f-email"), email),
			chromedp.SendKeys(chromedp.CSS("#f-password"), testutil.Password),
			chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
		)
	}
	signOut := func() {
		browser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.account-menu > summary`)), chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
			chromedp.WaitVisible(chromedp.CSS(`.header-links a[href="/signin"]`)))
	}
	signIn(alice.Email)

	// From the tag's page: the form comes with the theme and the question.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/tags/transformation-numerique"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/nominations/new?tag=transformation-numerique"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/nominations/new?tag=transformation-numerique"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-question")),
	)
	question, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("f-question").value`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(question, "transformation numérique") {
		t.Fatalf("question prefilled as %q", question)
	}
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`input[name=respondent_ids][value="`+bea.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`form[action="/nominations"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	results := strings.SplitN(strings.TrimPrefix(loc, m.URL()), "?", 2)[0]
	if !strings.HasPrefix(results, "/nominations/") {
		t.Fatalf("after sending: %s", loc)
	}
	if err := m.Worker.Drain(ctx0); err != nil {
		t.Fatal(err)
	}
	signOut()

	// Béatrice is told in the application, then answers from her list.
	signIn(bea.Email)
	browser.Do(t, ctx, chromedp.Navigate(m.URL()+"/notifications"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if page := browser.Text(t, ctx, "main"); !strings.Contains(page, "Alice Côté vous demande qui compte sur le thème") {
		t.Errorf("Béatrice's notifications do not tell of the request: %q", page)
	}
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/nominations"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="`+results+`/answer"]`)),
		chromedp.Click(chromedp.CSS(`a[href="`+results+`/answer"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-name-0")),
	)
	if page := browser.Text(t, ctx, "main"); !strings.Contains(page, "Seul·e Alice Côté verra vos réponses") {
		t.Errorf("the answer page does not say who sees the answers: %q", page)
	}
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-name-0"), "Marie Tremblay"),
		chromedp.SendKeys(chromedp.CSS("#f-reason-0"), "Elle anime le réseau régional"),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	signOut()

	// Alice sees the nominee, who named them and why.
	signIn(alice.Email)
	browser.Do(t, ctx, chromedp.Navigate(m.URL()+results), chromedp.WaitVisible(chromedp.CSS("#nominees-heading")))
	page := browser.Text(t, ctx, "main")
	for _, want := range []string{"Marie Tremblay", "Nommé·e par Béatrice Nguyen", "Elle anime le réseau régional", "1 réponse sur 1"} {
		if !strings.Contains(page, want) {
			t.Errorf("results lack %q: %q", want, page)
		}
	}
}
