package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// axeScript is the axe-core rule engine, vendored for tests only (see
// testdata/axe/README.md). It is injected into each page through the
// DevTools protocol, so the page's content security policy does not apply
// and nothing in the program serves it.
var axeScript = filepath.Join("testdata", "axe", "axe.min.js")

// axeTags are the rule sets run on every page: WCAG 2.0 and 2.1, levels A
// and AA. The set is never narrowed and no element is excluded: a violation
// is fixed in the templates or the CSS.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeRun runs axe on the whole document and keeps, for each rule that failed
// or that needs a person to check, its id, impact, help text and elements.
var axeRun = `(() => {
	const brief = list => list.map(v => ({
		id: v.id,
		impact: v.impact || '',
		help: v.help,
		helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)),
			summary: n.failureSummary || ''
		}))
	}));
	return axe.run(document, {
		runOnly: {type: 'tag', values: ` + jsStrings(axeTags) + `},
		resultTypes: ['violations', 'incomplete']
	}).then(r => ({violations: brief(r.violations), incomplete: brief(r.incomplete)}));
})()`

func jsStrings(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "'" + s + "'"
	}
	return "[" + strings.Join(q, ", ") + "]"
}

type axeResult struct {
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"`
}

type axeRule struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

// axeAudit checks pages of one browser tab and remembers what axe could not
// decide, to list it once at the end.
type axeAudit struct {
	t       *testing.T
	ctx     context.Context
	script  string
	pages   int
	reviews map[string][]string // rule id and reason -> elements
}

// TestBrowserAccessibility loads the main pages in Chromium, in French and
// in English, as a visitor and as a signed-in community manager, and checks
// each one with axe-core against WCAG 2.1 level AA. Every violation fails
// the test. What axe cannot decide alone (for example the contrast of text
// over a gradient) is listed with t.Log for a person to check.
func TestBrowserAccessibility(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	e := newEnv(t)
	w := e.world()
	// Invitations on both sides: Carol to the listed community (its members
	// page lists it), Alice to a private note of Bob's (her home page, her
	// invitations and the note's page show it).
	if _, err := e.Svc.AddMember(context.Background(), e.viewer(w.Alice.ID), w.Listed.ID, w.Carol.ID, maillage.RoleMember); err != nil {
		t.Fatal(err)
	}
	invited, err := e.Svc.CreateNote(context.Background(), e.viewer(w.Bob.ID), maillage.NoteInput{Title: "Note à cosigner",
		Visibility: "private", AuthorIDs: []string{w.Alice.ID}})
	if err != nil {
		t.Fatal(err)
	}
	base := withCSP(t, e)
	a := &axeAudit{t: t, ctx: browser.New(t), script: string(script), reviews: map[string][]string{}}
	langs := []string{"fr-CA", "en"}

	// open loads path in lang and waits for the page heading.
	open := func(path, lang string) {
		t.Helper()
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		browser.Do(t, a.ctx,
			chromedp.Navigate(base+path+sep+"lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("main h1")),
		)
	}

	visitor := []struct{ name, path string }{
		{"home", "/"},
		{"sign-up", "/signup"},
		{"sign-up sent", "/signup?sent=1"},
		{"sign-in", "/signin"},
		{"forgot password", "/password/forgot"},
		{"people", "/people"},
		{"profile", "/people/" + w.Alice.ID},
		{"organisations", "/organizations"},
		{"organisation", "/organizations/" + w.Org.ID},
		{"communities", "/communities"},
		{"public community", "/communities/" + w.Public.ID},
		{"private listed community", "/communities/" + w.Listed.ID},
		{"tag", "/tags/" + w.Alice.Interests[0].Slug},
		{"not found", "/nulle-part"},
	}
	for _, lang := range langs {
		for _, p := range visitor {
			open(p.path, lang)
			a.check("visitor: " + p.name + " (" + lang + ")")
		}
		// The sign-up form sent empty comes back with its error summary and
		// the fields marked invalid; then the interest suggestions open.
		open("/signup", lang)
		browser.Do(t, a.ctx,
			chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS("#form-errors")),
		)
		a.check("visitor: sign-up with errors (" + lang + ")")
		browser.Do(t, a.ctx,
			chromedp.SendKeys(chromedp.CSS("#f-interests"), "num"),
			chromedp.WaitVisible(chromedp.CSS("#f-interests-suggestions button[data-tag]")),
		)
		a.check("visitor: sign-up with interest suggestions (" + lang + ")")
	}

	// Alice manages the communities and the organisation.
	browser.Do(t, a.ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "alice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), w.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)
	manager := []struct{ name, path string }{
		{"home", "/"},
		{"profile", "/people/" + w.Bob.ID},
		{"organisation", "/organizations/" + w.Org.ID},
		{"organisation form", "/organizations/" + w.Org.ID + "/edit"},
		{"communities", "/communities"},
		{"community", "/communities/" + w.Listed.ID},
		{"community members", "/communities/" + w.Listed.ID + "/members"},
		{"join requests", "/communities/" + w.Listed.ID + "/requests"},
		{"community form", "/communities/" + w.Listed.ID + "/edit"},
		{"settings: profile", "/settings/profile"},
		{"settings: tokens", "/settings/tokens"},
		{"my invitations", "/invitations"},
		{"invitation to a private note", "/notes/" + invited.ID},
	}
	for _, lang := range langs {
		for _, p := range manager {
			open(p.path, lang)
			a.check("manager: " + p.name + " (" + lang + ")")
		}
	}

	t.Logf("axe-core: %d pages checked against %s", a.pages, strings.Join(axeTags, ", "))
	if len(a.reviews) > 0 {
		keys := make([]string, 0, len(a.reviews))
		for k := range a.reviews {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var b strings.Builder
		b.WriteString("axe-core could not decide these alone (not failures; check them by hand when they change):")
		for _, k := range keys {
			fmt.Fprintf(&b, "\n  - %s: %s", k, strings.Join(a.reviews[k], ", "))
		}
		t.Log(b.String())
	}
}

// check injects axe-core into the current page, runs it and reports every
// violation as a test error.
func (a *axeAudit) check(page string) {
	t := a.t
	t.Helper()
	a.pages++
	// The script defines the global axe once per document.
	if _, err := chromedp.Run(a.ctx, chromedp.Evaluate[chromedp.Void](a.script)); err != nil {
		t.Fatalf("%s: injecting axe-core: %v", page, err)
	}
	res, err := chromedp.Run(a.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", page, err)
	}
	for _, r := range res.Incomplete {
		for _, n := range r.Nodes {
			key := r.ID + " (" + firstLine(n.Summary) + ")"
			if target := strings.Join(n.Target, " "); !slices.Contains(a.reviews[key], target) {
				a.reviews[key] = append(a.reviews[key], target)
			}
		}
	}
	if len(res.Violations) == 0 {
		return
	}
	loc, _ := chromedp.Run(a.ctx, chromedp.Location())
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d accessibility violation(s) at %s", page, len(res.Violations), loc)
	for _, v := range res.Violations {
		fmt.Fprintf(&b, "\n  - %s [%s] %s (%d element(s); %s)", v.ID, v.Impact, v.Help, len(v.Nodes), v.HelpURL)
		for i, n := range v.Nodes {
			if i == 3 {
				b.WriteString("\n      …")
				break
			}
			fmt.Fprintf(&b, "\n      %s", strings.Join(n.Target, ", "))
			if s := strings.TrimSpace(n.Summary); s != "" {
				fmt.Fprintf(&b, "\n        %s", strings.ReplaceAll(s, "\n", "\n        "))
			}
		}
	}
	t.Error(b.String())
}

// firstLine is the reason axe gives, without its "Fix any of the following"
// preamble.
func firstLine(summary string) string {
	for l := range strings.Lines(summary) {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "Fix ") {
			return l
		}
	}
	return strings.TrimSpace(summary)
}
