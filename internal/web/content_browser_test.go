package web

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/testutil/browser"
)

// contentPage is a page of notes, notebooks, discussion, messages or
// notifications, checked in the browser.
type contentPage struct{ name, path string }

// visitorContentPages are the pages a visitor may open in a contentWorld.
func visitorContentPages(cw *contentWorld) []contentPage {
	return []contentPage{
		{"notes", "/notes"},
		{"note", "/notes/" + cw.Guide.ID},
		{"notebooks", "/notebooks"},
		{"notebook", "/notebooks/" + cw.Notebook.ID},
		{"knowledge bases", "/knowledge-bases"},
		{"knowledge base", "/knowledge-bases/" + cw.Base.ID},
		{"community with discussion", "/communities/" + cw.Public.ID},
		{"thread", "/threads/" + cw.Thread.ID},
	}
}

// memberContentPages are the pages Alice, who manages the community and
// wrote most of the content, opens in a contentWorld.
func memberContentPages(cw *contentWorld) []contentPage {
	note := "/notes/" + cw.Guide.ID
	rev := strconv.Itoa(cw.Revision)
	c := "/communities/" + cw.Public.ID
	return []contentPage{
		{"notes", "/notes"},
		{"note", note},
		{"new note", "/notes/new"},
		{"note editor", note + "/edit"},
		{"note history", note + "/history"},
		{"note diff", note + "/history/" + rev},
		{"note diff with today", note + "/history/1?against=current"},
		{"notebooks", "/notebooks"},
		{"notebook", "/notebooks/" + cw.Notebook.ID},
		{"new notebook", "/notebooks/new"},
		{"knowledge bases", "/knowledge-bases"},
		{"knowledge base", "/knowledge-bases/" + cw.Base.ID},
		{"community with discussion", c},
		{"thread", "/threads/" + cw.Thread.ID},
		{"new thread", c + "/threads/new"},
		{"messages", "/messages"},
		{"conversation", "/messages/" + cw.Conversation},
		{"new message", "/messages/new"},
		{"notifications", "/notifications"},
		{"settings: notifications", "/settings/notifications"},
		{"settings: blocks", "/settings/blocks"},
		{"invite", c + "/invite?q=Roy"},
		{"moderation", c + "/moderation"},
	}
}

// TestContentPagesRender opens every page the browser tests check, without
// a browser, so a page that stops rendering fails here too.
func TestContentPagesRender(t *testing.T) {
	e := newEnv(t)
	cw := e.contentWorld()
	visitor := e.client()
	for _, p := range visitorContentPages(cw) {
		r := visitor.get(p.path)
		wantStatus(t, r, 200)
		mustContain(t, r, "<h1")
	}
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	for _, p := range memberContentPages(cw) {
		r := alice.get(p.path)
		wantStatus(t, r, 200)
		mustContain(t, r, "<h1")
	}
	// The fixtures are what the pages are meant to show.
	mustContain(t, alice.get("/notes/"+cw.Guide.ID), `class="note-toc`, "Compte rendu de mai", "tableau-blanc.png", "ordre-du-jour.txt")
	mustContain(t, alice.get("/notifications"), "Atelier vélo")
	mustContain(t, alice.get("/communities/"+cw.Public.ID+"/moderation"), "Hors sujet, à déplacer.")
	mustContain(t, alice.get("/settings/blocks"), cw.Carol.Name)
	mustContain(t, alice.get("/communities/"+cw.Public.ID+"/invite?q=Roy"), "Dominique Roy", `name="user_id"`)
}

// TestBrowserAccessibilityContentPages checks with axe-core (WCAG 2.1 AA,
// as TestBrowserAccessibility) the pages of notes, notebooks, knowledge
// bases, discussion, messages and notifications, filled with content, as
// a visitor and as the community's manager, in French and in English.
func TestBrowserAccessibilityContentPages(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newEnv(t)
	cw := e.contentWorld()
	base := withCSP(t, e)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	check := func(who string, pages []contentPage) {
		for _, lang := range []string{"fr-CA", "en"} {
			for _, p := range pages {
				browser.Do(t, a.ctx, chromedp.Navigate(base+withLang(p.path, lang)), chromedp.WaitVisible(chromedp.CSS("main h1")))
				a.check(who + ": " + p.name + " (" + lang + ")")
			}
		}
	}
	check("visitor", visitorContentPages(cw))
	signInBrowser(t, a.ctx, base, "alice@example.org")
	check("manager", memberContentPages(cw))
	// The forms sent empty come back with their error summary and the
	// fields marked invalid.
	for _, lang := range []string{"fr-CA", "en"} {
		for _, f := range []struct{ name, path, submit string }{
			{"new note", "/notes/new", `form.note-editor button[value=save]`},
			{"new notebook", "/notebooks/new", `form[action="/notebooks"] button[type=submit]`},
			{"new thread", "/communities/" + cw.Public.ID + "/threads/new", `form[action$="/threads"] button[type=submit]`},
			{"new message", "/messages/new?to=" + cw.Bob.ID, `form[action="/messages"] button[type=submit]`},
		} {
			browser.Do(t, a.ctx,
				chromedp.Navigate(base+withLang(f.path, lang)),
				chromedp.WaitVisible(chromedp.CSS(f.submit)),
				chromedp.Click(chromedp.CSS(f.submit)),
				chromedp.WaitVisible(chromedp.CSS("#form-errors")),
			)
			a.check("manager: " + f.name + " with errors (" + lang + ")")
		}
	}
	t.Logf("axe-core: %d pages checked", a.pages)
	a.logReviews()
}

// TestBrowserContentPagesFitPhoneAndDesktop checks that the same pages do
// not scroll sideways at phone and desktop widths.
func TestBrowserContentPagesFitPhoneAndDesktop(t *testing.T) {
	if testing.Short() {
		t.Skip("screenshots")
	}
	e := newEnv(t)
	cw := e.contentWorld()
	base := withCSP(t, e)
	ctx := browser.New(t)
	fit := func(who string, pages []contentPage) {
		for _, width := range []int64{360, 1280} {
			browser.Do(t, ctx, chromedp.EmulateViewport(width, 800))
			for _, p := range pages {
				browser.Do(t, ctx, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS("main h1")))
				name := who + "-" + strings.ReplaceAll(strings.ReplaceAll(p.name, ": ", "-"), " ", "-")
				noSideways(t, ctx, name, width)
				browser.Screenshot(t, ctx, name+"-"+strconv.FormatInt(width, 10)+".png")
			}
		}
	}
	fit("visitor", visitorContentPages(cw))
	browser.Do(t, ctx, chromedp.EmulateViewport(1280, 800))
	signInBrowser(t, ctx, base, "alice@example.org")
	// The visitor's pages are seen again signed in, with their forms.
	fit("member", memberContentPages(cw))
}

// logReviews lists, once, what axe could not decide alone.
func (a *axeAudit) logReviews() {
	if len(a.reviews) == 0 {
		return
	}
	keys := make([]string, 0, len(a.reviews))
	for k := range a.reviews {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("axe-core could not decide these alone (not failures; check them by hand when they change):")
	for _, k := range keys {
		b.WriteString("\n  - " + k + ": " + strings.Join(a.reviews[k], ", "))
	}
	a.t.Log(b.String())
}

// withLang adds the language to a page's address.
func withLang(path, lang string) string {
	if strings.Contains(path, "?") {
		return path + "&lang=" + lang
	}
	return path + "?lang=" + lang
}

// signInBrowser signs in through the form in the browser.
func signInBrowser(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)
}
