package web

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil/browser"
)

// TestBrowserNoteBacklinkImageNotebooks follows a facilitator through the
// knowledge base: write a note linking to another, attach an image and
// put it in the text, file the note in two notebooks under different
// categories, then make it private and check it disappears for visitors.
func TestBrowserNoteBacklinkImageNotebooks(t *testing.T) {
	ctx0 := context.Background()
	e := newEnv(t)
	alice := e.user("Alice Côté", "alice@example.org")
	av := e.viewer(alice.ID)
	target, err := e.Svc.CreateNote(ctx0, av, maillage.NoteInput{Title: "Guide de l’animation", Kind: "general",
		Visibility: "public", Body: "Comment animer une rencontre."})
	if err != nil {
		t.Fatal(err)
	}
	var notebooks []*maillage.Notebook
	for _, title := range []string{"Rencontres 2026", "Ressources publiques"} {
		nb, err := e.Svc.CreateNotebook(ctx0, av, maillage.NotebookInput{Title: title, Visibility: "public"})
		if err != nil {
			t.Fatal(err)
		}
		notebooks = append(notebooks, nb)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	imgPath := filepath.Join(t.TempDir(), "tableau-blanc.png")
	if err := os.WriteFile(imgPath, img.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	base := withCSP(t, e)
	ctx := browser.New(t)
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/signin?lang=fr-CA"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "alice@example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.account-menu > summary`)),
	)

	// Write the note, with a wiki link to the guide.
	browser.Do(t, ctx,
		chromedp.Navigate(base+"/notes/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Compte rendu illustré"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Nous avons suivi le [[Guide de l’animation]].\n\n"),
		chromedp.Click(chromedp.CSS(`input[name=visibility][value=public]`)),
		chromedp.Click(chromedp.CSS(`form.note-editor button[value=save]`)),
		chromedp.WaitNotPresent(chromedp.CSS("form.note-editor")),
		chromedp.WaitVisible(chromedp.CSS(".note-body")),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	noteURL := strings.SplitN(strings.TrimPrefix(loc, base), "?", 2)[0]
	if !strings.HasPrefix(noteURL, "/notes/") {
		t.Fatalf("after creating the note at %s", loc)
	}
	if link := browser.Text(t, ctx, ".note-body a.wikilink"); link != "Guide de l’animation" {
		t.Errorf("wiki link text = %q", link)
	}

	// Attach an image, then put it in the text from the editor.
	browser.Do(t, ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{imgPath}),
	)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#f-file").files.length === 1`)); err != nil {
		t.Fatalf("choosing the file: %v", err)
	}
	browser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[enctype="multipart/form-data"] button[type=submit]`)),
		// The page still shows the creation's message: wait for the file itself.
		chromedp.WaitVisible(chromedp.CSS(`main a[href*="/files/"]`)),
		chromedp.Navigate(base+noteURL+"/edit"),
		chromedp.WaitVisible(chromedp.CSS("button[data-insert]")),
		chromedp.Click(chromedp.CSS("button[data-insert]")),
		chromedp.Click(chromedp.CSS(`form.note-editor button[value=save]`)),
		chromedp.WaitNotPresent(chromedp.CSS("form.note-editor")),
		chromedp.WaitVisible(chromedp.CSS(".note-body img")),
	)
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const i = document.querySelector(".note-body img"); return i.complete && i.naturalWidth === 4 })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		t.Error("the attached image does not load in the note")
	}

	// The guide lists the note among its backlinks.
	browser.Do(t, ctx, chromedp.Navigate(base+"/notes/"+target.ID), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if body := browser.Text(t, ctx, "main"); !strings.Contains(body, "Compte rendu illustré") {
		t.Error("the guide does not show the backlink")
	}

	// File the note in both notebooks, under a different category in each.
	for i, category := range []string{"Comptes rendus", "Illustrations"} {
		browser.Do(t, ctx,
			chromedp.Navigate(base+"/notebooks/"+notebooks[i].ID),
			// The add form is folded under its heading.
			chromedp.Click(chromedp.CSS("details.notebook-add > summary")),
			chromedp.WaitVisible(chromedp.CSS("#nb-note")),
			chromedp.SendKeys(chromedp.CSS("#nb-note"), "Compte rendu"),
			chromedp.WaitVisible(chromedp.CSS("#nb-note-suggestions button[data-note-id]")),
			chromedp.Click(chromedp.CSS("#nb-note-suggestions button[data-note-id]")),
			chromedp.SendKeys(chromedp.CSS("#nb-category"), category),
			chromedp.Click(chromedp.CSS(`form[action$="/notes"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(".notebook-category-links")),
		)
		if links := browser.Text(t, ctx, ".notebook-category-links"); !strings.Contains(links, category) {
			t.Errorf("notebook %s categories = %q, want %s", notebooks[i].Title, links, category)
		}
		if body := browser.Text(t, ctx, "main"); !strings.Contains(body, "Compte rendu illustré") {
			t.Errorf("notebook %s does not list the note", notebooks[i].Title)
		}
	}
	for i, want := range []string{"Comptes rendus", "Illustrations"} {
		entries, _, err := e.Svc.NotebookNotes(ctx0, e.viewer(alice.ID), notebooks[i].ID, serviceNotebookFilter())
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, en := range entries {
			if en.Note.Title == "Compte rendu illustré" {
				got = en.CategoryName
			}
		}
		if got != want {
			t.Errorf("category in %s = %q, want %q", notebooks[i].Title, got, want)
		}
	}

	// Make it private: visitors no longer find it, in the note or the notebooks.
	browser.Do(t, ctx,
		chromedp.Navigate(base+noteURL+"/edit"),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.Click(chromedp.CSS(`input[name=visibility][value=private]`)),
		chromedp.Click(chromedp.CSS(`form.note-editor button[value=save]`)),
		chromedp.WaitNotPresent(chromedp.CSS("form.note-editor")),
		chromedp.WaitVisible(chromedp.CSS(".note-body")),
	)
	res, err := http.Get(base + noteURL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor opens the private note: %d", res.StatusCode)
	}
	for _, nb := range notebooks {
		entries, _, err := e.Svc.NotebookNotes(ctx0, maillage.Anonymous(), nb.ID, serviceNotebookFilter())
		if err != nil {
			t.Fatal(err)
		}
		for _, en := range entries {
			if en.Note.Title == "Compte rendu illustré" {
				t.Errorf("notebook %s still lists the private note to visitors", nb.Title)
			}
		}
	}
	browser.Screenshot(t, ctx, "note-private-1280.png")
}

// serviceNotebookFilter lists a whole (small) notebook in manual order.
func serviceNotebookFilter() service.NotebookNoteFilter {
	return service.NotebookNoteFilter{Page: service.Page{Limit: 100}}
}
