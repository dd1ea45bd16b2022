package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserFreeTagPromotedThenMerged follows a free tag through the real
// program: a member types a new tag on a public note; a curator finds it
// in the review queue, promotes it with an English label, then merges it
// into another tag of the taxonomy. The note keeps its tag all along and
// the old tag's address leads to the tag it was merged into.
func TestBrowserFreeTagPromotedThenMerged(t *testing.T) {
	ctx0 := context.Background()
	m := boot(t)
	s := m.Service
	member, mv := testutil.User(t, s, "Mia Tremblay", "mia@exemple.org")
	curator, _ := testutil.User(t, s, "Curtis Gagnon", "curtis@exemple.org")
	if err := s.SetCuratorByOperator(ctx0, curator.ID, true); err != nil {
		t.Fatal(err)
	}
	cv := testutil.ViewerOf(t, s, curator.ID)
	if _, err := s.CreateCuratedTag(ctx0, cv, service.TagInput{Label: "Logistique urbaine", LabelEn: "Urban logistics"}); err != nil {
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
		browser.Do(t, ctx,
			chromedp.Click(chromedp.CSS(`.account-menu > summary`)), chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)),
			chromedp.WaitVisible(chromedp.CSS(`a[href="/signin"]`)),
		)
	}
	location := func() string {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return strings.SplitN(strings.TrimPrefix(loc, m.URL()), "?", 2)[0]
	}

	// The member writes a public note with a tag nobody used before.
	signIn(member.Email)
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/notes/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Livrer à vélo-cargo dans le quartier"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Notre expérience de livraison à vélo."),
		chromedp.Click(chromedp.CSS(`input[name=visibility][value=public]`)),
		chromedp.SendKeys(chromedp.CSS("#f-tags"), "Vélo-cargo"),
		chromedp.Click(chromedp.CSS(`main form button[name=action][value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	notePath := location()
	if !strings.HasPrefix(notePath, "/notes/") {
		t.Fatalf("after saving, at %s", notePath)
	}
	noteID := strings.TrimPrefix(notePath, "/notes/")
	if got := browser.Text(t, ctx, "main"); !strings.Contains(got, "Vélo-cargo") {
		t.Fatalf("the note does not show its tag:\n%s", got)
	}
	signOut()

	// The curator finds it in the review queue and promotes it.
	signIn(curator.Email)
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/admin/tags"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/admin/tags/velo-cargo"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/admin/tags/velo-cargo"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-promote-label-en")),
		chromedp.SendKeys(chromedp.CSS("#f-promote-label-en"), "Cargo bike"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/tags/velo-cargo/promote"] button[type=submit]`)),
		// Promoted, the tag's page has no promotion form any more.
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/admin/tags/velo-cargo/promote"]`)),
	)
	if got := browser.Text(t, ctx, "main .page-header"); !strings.Contains(got, "Taxonomie") || !strings.Contains(got, "Cargo bike") {
		t.Fatalf("after promotion: %s", got)
	}
	tag, _, err := s.ResolveTag(ctx0, mv, "velo-cargo")
	if err != nil || !tag.Curated() || tag.LabelEn != "Cargo bike" {
		t.Fatalf("promoted tag: %+v %v", tag, err)
	}

	// Then merges it into « Logistique urbaine ».
	browser.Do(t, ctx,
		// Type the start, pick the suggestion (curated tags come first).
		chromedp.SendKeys(chromedp.CSS("#f-into"), "logist"),
		chromedp.WaitVisible(chromedp.CSS(`.autocomplete button[data-tag="Logistique urbaine"]`)),
		// The suggestion is offered; the field is then filled with it and
		// the form sent (clicking the list item raced the list's removal
		// in recent Chromium builds under load).
		chromedp.SetValue(chromedp.CSS("#f-into"), "Logistique urbaine"),
		chromedp.Submit(chromedp.CSS(`form[action="/admin/tags/velo-cargo/merge"]`)),
	)
	// The page the merge leads to: the tag it was merged into. Waited for
	// in a run of its own: a query queued in the run that clicked can stay
	// bound to the page being left.
	browser.Do(t, ctx,
		chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/tags/logistique-urbaine/merge"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if got := location(); got != "/admin/tags/logistique-urbaine" {
		t.Fatalf("after the merge, at %s", got)
	}
	if got := browser.Text(t, ctx, "#synonyms-heading + p + ul"); !strings.Contains(got, "Vélo-cargo") {
		t.Errorf("the old label is not a synonym: %q", got)
	}

	// The note kept a tag: the one it was merged into.
	n, err := s.Note(ctx0, mv, noteID)
	if err != nil || len(n.Tags) != 1 || n.Tags[0].Slug != "logistique-urbaine" {
		t.Fatalf("note tags after the merge: %+v %v", n, err)
	}
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+notePath),
		chromedp.WaitVisible(chromedp.CSS(`a.tag[href="/tags/logistique-urbaine"]`)),
	)
	// The old address leads to the tag it became, which lists the note.
	browser.Do(t, ctx,
		chromedp.Navigate(m.URL()+"/tags/velo-cargo"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="`+notePath+`"]`)),
	)
	if got := location(); got != "/tags/logistique-urbaine" {
		t.Errorf("the old tag page is at %s", got)
	}
	if got := browser.Text(t, ctx, "h1"); got != "Logistique urbaine" {
		t.Errorf("the old tag page shows %q", got)
	}
}
