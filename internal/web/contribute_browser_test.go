package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// EnvDocScreenshots, when set, makes TestBrowserContributions write the
// screenshots of docs/ui.md (a notebook and the note editor at desktop
// and phone widths) into docs/screenshots.
const EnvDocScreenshots = "MAILLAGE_DOC_SCREENSHOTS"

// TestBrowserContributions follows a participant and a facilitator:
// Paula writes a summary with the toolbar (bold, a person picked by
// name), proposes it to the notebook of a public thematic community and
// comments on Alice's note; Alice is told of both, accepts the proposal
// from the notebook, then picks twelve people over three pages of the
// directory and writes to each of them separately. Every new page passes
// axe-core.
func TestBrowserContributions(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	ctx0 := context.Background()
	e := newEnv(t)
	e.notifyJobs()
	alice := e.user("Alice Côté", "alice@example.org")
	paula := e.user("Paula Gagnon", "paula@example.org")
	av := e.viewer(alice.ID)
	c, err := e.Svc.CreateCommunity(ctx0, av, maillage.CommunityInput{Name: "Numérique et données", Description: "Une communauté thématique.",
		Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.Join(ctx0, e.viewer(paula.ID), c.ID); err != nil {
		t.Fatal(err)
	}
	nb, err := e.Svc.CreateNotebook(ctx0, e.viewer(alice.ID), maillage.NotebookInput{Title: "Ressources du numérique",
		Description: "Les ressources publiques de la communauté.", Visibility: "public", CommunityID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	guide, err := e.Svc.CreateNote(ctx0, av, maillage.NoteInput{Title: "Guide de la visioconférence", Body: "Jitsi, BigBlueButton…",
		Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Outils libres pour les OBNL", "Lexique des données ouvertes", "Sécurité numérique de base"} {
		n, err := e.Svc.CreateNote(ctx0, av, maillage.NoteInput{Title: title, Summary: "Une ressource choisie par la communauté.",
			Body: "Texte", Visibility: "public", Tags: []string{"numérique"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Svc.AddNoteToNotebook(ctx0, av, nb.ID, n.ID, []string{"Outils", "Lexique", "Outils"}[i]); err != nil {
			t.Fatal(err)
		}
	}
	// Enough people for three pages of the directory, written in one
	// transaction (they never sign in: no password to hash).
	err = e.DB.Update(ctx0, func(tx *store.Tx) error {
		now := time.Now().UTC()
		for i := 1; i <= 2*perPage+5; i++ {
			u := &maillage.User{ID: auth.NewID(), Name: fmt.Sprintf("Personne %02d", i), Email: fmt.Sprintf("personne%02d@example.org", i),
				EmailConfirmedAt: &now}
			if err := tx.CreateUser(ctx0, u, "!"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	base := withCSP(t, e)
	ctx := browser.New(t)
	a := &axeAudit{t: t, ctx: ctx, script: string(script), reviews: map[string][]string{}}
	signIn := func(email string) {
		t.Helper()
		browser.Do(t, ctx,
			chromedp.Navigate(base+"/signin?lang=fr-CA"),
			chromedp.WaitVisible(chromedp.CSS("#f-email")),
			chromedp.SendKeys(chromedp.CSS("#f-email"), email),
			chromedp.SendKeys(chromedp.CSS("#f-password"), testPassword),
			chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"]`)),
		)
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	signIn(paula.Email)

	// The editor: a template, then bold from the toolbar and a person
	// picked by name.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/notes/new?notebook="+nb.ID+"&lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS(`.note-templates a`)),
		chromedp.Click(chromedp.CSS(`.note-templates li:nth-child(2) a`)),
		chromedp.WaitVisible(chromedp.CSS(`.note-templates a[aria-current="true"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.note-toolbar button[data-format=bold]`)),
	)
	if title := eval(`document.querySelector("#f-title").value`); !strings.HasPrefix(title, "Résumé — rencontre du") {
		t.Errorf("the summary template's title = %q", title)
	}
	if eval(`document.querySelector("#f-organization-id").closest("[data-kinds]").hidden ? "hidden" : "shown"`) != "hidden" {
		t.Error("the organisation field shows for a general note")
	}
	browser.Do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#f-title").value = "Résumé de la rencontre de mars"; document.querySelector("#f-body").value = ""`),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Points clés"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#f-body").setSelectionRange(0, 11)`),
		// The keyboard reaches the toolbar like the mouse does.
		chromedp.SendKeys(chromedp.CSS(`.note-toolbar button[data-format=bold]`), "\r"),
	)
	if body := eval(`document.querySelector("#f-body").value`); body != "**Points clés**" {
		t.Fatalf("after the bold button the text is %q", body)
	}
	browser.Do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const a = document.querySelector("#f-body"); a.setSelectionRange(a.value.length, a.value.length) })()`),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "\nMerci à "),
		chromedp.SendKeys(chromedp.CSS(`.note-toolbar button[data-format=mention]`), "\r"),
		chromedp.WaitVisible(chromedp.CSS("#mention-q")),
		chromedp.SendKeys(chromedp.CSS("#mention-q"), "Alice"),
		chromedp.WaitVisible(chromedp.CSS(`#mention-list [role=option]`)),
	)
	a.check("participant: note editor with the person picker open (fr-CA)")
	browser.Do(t, ctx, chromedp.SendKeys(chromedp.CSS("#mention-q"), "\r"), chromedp.WaitNotVisible(chromedp.CSS("#mention-q")))
	if body := eval(`document.querySelector("#f-body").value`); !strings.Contains(body, "Merci à @Alice Côté") || strings.Contains(body, "user:") {
		t.Errorf("the editor shows %q, want the name without its address", body)
	}
	// The kind decides the fields: an organisation note asks for its organisation.
	setKind := func(kind string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](`(() => { const k = document.querySelector("#f-kind"); k.value = "` + kind + `"; k.dispatchEvent(new Event("change")) })()`)
	}
	browser.Do(t, ctx, setKind("organization"),
		chromedp.WaitVisible(chromedp.CSS("#f-organization-id")),
		setKind("general"),
		chromedp.WaitNotVisible(chromedp.CSS("#f-organization-id")),
	)
	docScreenshots(t, ctx, "note-editor")
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`input[name=visibility][value=public]`)),
		chromedp.Click(chromedp.CSS(`form.note-editor button[value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(".note-body")),
	)
	if got := browser.Text(t, ctx, ".note-body strong"); got != "Points clés" {
		t.Errorf("bold text = %q", got)
	}
	if got := browser.Text(t, ctx, ".note-body a.mention"); got != "@Alice Côté" {
		t.Errorf("mention = %q", got)
	}
	if flash := browser.Text(t, ctx, ".flash"); !strings.Contains(flash, "proposée aux responsables") {
		t.Errorf("after writing from the notebook: %q", flash)
	}
	notes, _, err := e.Svc.Notes(ctx0, e.viewer(paula.ID), service.NoteFilter{AuthorID: paula.ID, Page: service.Page{Limit: 5}})
	if err != nil || len(notes) != 1 {
		t.Fatalf("paula's notes: %v %v", notes, err)
	}
	summary, err := e.Svc.Note(ctx0, e.viewer(paula.ID), notes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "@[Alice Côté](user:" + alice.ID + ")"; !strings.Contains(summary.Body, want) {
		t.Errorf("stored body %q lacks %s", summary.Body, want)
	}
	a.check("participant: note with the notebooks form (fr-CA)")

	// The proposal is waiting; Paula sees it on the notebook. She also
	// proposes another note from the notebook itself.
	_, err = e.Svc.CreateNote(ctx0, e.viewer(paula.ID), maillage.NoteInput{Title: "Atelier sur les données ouvertes", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/notebooks/"+nb.ID+"?lang=fr-CA"),
		// Folded unless one has proposals waiting: Paula has one.
		chromedp.WaitVisible(chromedp.CSS("#nb-note")),
		chromedp.SendKeys(chromedp.CSS("#nb-note"), "Atelier"),
		chromedp.WaitVisible(chromedp.CSS("#nb-note-suggestions button[data-note-id]")),
		chromedp.Click(chromedp.CSS("#nb-note-suggestions button[data-note-id]")),
		chromedp.SendKeys(chromedp.CSS("#nb-message"), "Pour compléter les ressources."),
		chromedp.Click(chromedp.CSS(`form[action$="/proposals"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if mine := browser.Text(t, ctx, "#nb-proposals"); !strings.Contains(mine, "Atelier sur les données ouvertes") || !strings.Contains(mine, "Résumé de la rencontre de mars") {
		t.Errorf("Paula's proposals: %q", mine)
	}
	a.check("participant: notebook with the proposal form (fr-CA)")

	// A comment on Alice's note.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/notes/"+guide.ID+"?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#comment-body")),
		chromedp.SendKeys(chromedp.CSS("#comment-body"), "Merci! Nous utilisons aussi **Jitsi**."),
		chromedp.Click(chromedp.CSS(`form.comment-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".comment .comment-body strong")),
	)
	a.check("participant: note with a comment (fr-CA)")
	browser.Do(t, ctx, chromedp.Navigate(base+"/notes/"+guide.ID+"?lang=en"), chromedp.WaitVisible(chromedp.CSS("#comment-body")))
	a.check("participant: note with a comment (en)")

	// Alice is told of the comment and of the proposals.
	e.drain()
	browser.Do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('form[action="/signout"]').requestSubmit()`),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/signout"]`)))
	signIn(alice.Email)
	browser.Do(t, ctx, chromedp.Navigate(base+"/notifications?lang=fr-CA"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	told := browser.Text(t, ctx, "main")
	for _, want := range []string{"Paula Gagnon a commenté la note «\u202fGuide de la visioconférence\u202f»",
		"Paula Gagnon propose la note «\u202fRésumé de la rencontre de mars\u202f» pour le carnet «\u202fRessources du numérique\u202f»"} {
		if !strings.Contains(told, want) {
			t.Errorf("Alice's notifications lack %q:\n%s", want, told)
		}
	}

	// She accepts the summary from the notebook.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/notebooks/"+nb.ID+"?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#nb-proposals .proposal")),
	)
	a.check("manager: notebook with proposals (fr-CA)")
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`#nb-proposals form[action$="/accept"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	if list := browser.Text(t, ctx, ".notebook-layout"); !strings.Contains(list, "Atelier sur les données ouvertes") {
		t.Errorf("the accepted note is not listed: %q", list)
	}
	entries, _, err := e.Svc.NotebookNotes(ctx0, maillage.Anonymous(), nb.ID, service.NotebookNoteFilter{Page: service.Page{Limit: 20}})
	if err != nil || len(entries) != 4 {
		t.Fatalf("the notebook holds %d notes (%v), want 4", len(entries), err)
	}
	browser.Do(t, ctx, chromedp.Navigate(base+"/notebooks/"+nb.ID+"?organise=1&lang=en"), chromedp.WaitVisible(chromedp.CSS(".notebook-note-actions")))
	a.check("manager: notebook in organise mode (en)")
	browser.Do(t, ctx, chromedp.Navigate(base+"/notebooks/"+nb.ID+"?lang=fr-CA"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if n := eval(`String(document.querySelectorAll(".notebook-note-actions").length)`); n != "0" {
		t.Errorf("the default notebook view shows %s rows of controls", n)
	}
	docScreenshots(t, ctx, "notebook")

	// Twelve people picked over three pages, written to separately.
	var picked []string
	for page := 1; page <= 3; page++ {
		browser.Do(t, ctx,
			chromedp.Navigate(fmt.Sprintf("%s/people?page=%d&lang=fr-CA", base, page)),
			chromedp.WaitVisible(chromedp.CSS("main h1")),
		)
		for i := 0; i < 4; i++ {
			id := eval(fmt.Sprintf(`(() => { const b = document.querySelectorAll("input[data-pick-name]")[%d]; b.click(); return b.value })()`, i))
			picked = append(picked, id)
		}
		if got := browser.Text(t, ctx, "#pick-tray [data-pick-count]"); got != fmt.Sprintf("%d personnes choisies", 4*page) {
			t.Errorf("page %d: the tray says %q", page, got)
		}
	}
	a.check("manager: people directory with picks from three pages (fr-CA)")
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`#pick-tray form[data-pick-form] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=mode][value=separate]`)),
	)
	if n := eval(`String(document.querySelectorAll("input[type=hidden][name=to]").length)`); n != "12" {
		t.Fatalf("the new message goes to %s people, want 12", n)
	}
	a.check("manager: new message to twelve people (fr-CA)")
	browser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#f-message-subject"), "Invitation à notre communauté de pratique"),
		chromedp.SendKeys(chromedp.CSS("#f-message-body"), "Bonjour, nous lançons une communauté de pratique sur le numérique."),
		chromedp.Click(chromedp.CSS(`form[action="/messages"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash.success")),
	)
	for _, id := range picked {
		list, _, err := e.Svc.Conversations(ctx0, e.viewer(id), service.ConversationFilter{Page: service.Page{Limit: 5}})
		if err != nil || len(list) != 1 || len(list[0].Participants) != 2 {
			t.Errorf("%s's conversations: %+v %v", id, list, err)
		}
	}
	t.Logf("axe-core: %d pages checked", a.pages)
}

// notifyJobs lets the environment's worker run the notification jobs
// (fan-out, emails), as the real program does.
func (e *env) notifyJobs() {
	e.t.Helper()
	bundle, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	om, err := mail.NewOutbox(e.Outbox, "maillage@example.org")
	if err != nil {
		e.t.Fatal(err)
	}
	n := &service.Notifier{Service: e.Svc, Mailer: &service.Mailer{Mail: om, Bundle: bundle, From: "maillage@example.org", BaseURL: e.URL}}
	for kind, h := range n.Handlers() {
		e.worker.Handlers[kind] = h
	}
}

// docScreenshots writes the current page at desktop and phone widths into
// docs/screenshots when EnvDocScreenshots is set, and always checks that
// nothing scrolls sideways.
func docScreenshots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	for _, width := range []int64{1280, 390} {
		browser.Do(t, ctx, chromedp.EmulateViewport(width, 844), chromedp.Sleep(200*time.Millisecond))
		noSideways(t, ctx, name, width)
		if os.Getenv(EnvDocScreenshots) != "" {
			path, err := filepath.Abs(filepath.Join("..", "..", "docs", "screenshots", fmt.Sprintf("%s-%d.png", name, width)))
			if err != nil {
				t.Fatal(err)
			}
			browser.Screenshot(t, ctx, path)
		}
	}
	browser.Do(t, ctx, chromedp.EmulateViewport(1280, 844))
}
