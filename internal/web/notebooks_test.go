package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// nbWorld is the meeting notebook seen through the web: alice's public
// notebook, linked to the listed private community (bob is a member),
// holds a private minute, a community summary and a public resource;
// carol contributes to it without belonging to the community.
type nbWorld struct {
	*world
	NB                        *maillage.Notebook
	Minute, Summary, Resource *maillage.Note
}

func (e *env) notebookWorld() *nbWorld {
	e.t.Helper()
	ctx := context.Background()
	w := &nbWorld{world: e.world()}
	alice := e.viewer(w.Alice.ID)
	var err error
	w.NB, err = e.Svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Rencontre du 12 mars",
		Description: "Les traces de la **rencontre**.", Guide: "Un titre clair, une synthèse courte.",
		Visibility: "public", CommunityID: w.Listed.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	testutil.AddNotebookMember(e.t, e.Svc, alice, w.NB.ID, w.Carol.ID, maillage.NotebookContributor)
	mk := func(title, vis, community string) *maillage.Note {
		n, err := e.Svc.CreateNote(ctx, alice, maillage.NoteInput{Title: title, Body: "Corps de " + title, Summary: "Résumé de " + title,
			Visibility: vis, CommunityID: community})
		if err != nil {
			e.t.Fatalf("note %s: %v", title, err)
		}
		if _, err := e.Svc.AddNoteToNotebook(ctx, alice, w.NB.ID, n.ID, ""); err != nil {
			e.t.Fatal(err)
		}
		return n
	}
	w.Minute = mk("Compte rendu détaillé", "private", "")
	w.Summary = mk("Synthèse de la rencontre", "community", w.Listed.ID)
	w.Resource = mk("Ressources partagées", "public", "")
	return w
}

func (e *env) signedIn(email string) *client {
	c := e.client()
	c.signIn(email, testPassword)
	return c
}

func TestNotebookPageShowsEachViewerTheirShare(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	page := "/notebooks/" + w.NB.ID
	for _, c := range []struct {
		who    string
		client *client
		see    []string
		hidden []string
		count  string
	}{
		{"alice", e.signedIn("alice@example.org"), []string{w.Minute.Title, w.Summary.Title, w.Resource.Title}, nil, "3 notes"},
		{"bob", e.signedIn("bob@example.org"), []string{w.Summary.Title, w.Resource.Title}, []string{w.Minute.Title}, "2 notes"},
		{"carol", e.signedIn("carol@example.org"), []string{w.Resource.Title}, []string{w.Minute.Title, w.Summary.Title}, "1 note"},
		{"visitor", e.client(), []string{w.Resource.Title}, []string{w.Minute.Title, w.Summary.Title}, "1 note"},
	} {
		r := c.client.get(page)
		wantStatus(t, r, http.StatusOK)
		mustContain(t, r, c.see...)
		mustContain(t, r, c.count)
		mustNotContain(t, r, c.hidden...)
		for _, h := range []*maillage.Note{w.Minute, w.Summary} {
			if !strings.Contains(strings.Join(c.see, "|"), h.Title) {
				mustNotContain(t, r, h.ID)
			}
		}
		// The feed is announced in the head and on the page.
		mustContain(t, r, `<link rel="alternate" type="application/atom+xml"`, page+"/feed.atom")
		// The writing guide and the add form are for contributors only.
		if c.who == "alice" || c.who == "carol" {
			mustContain(t, r, "Un titre clair", `action="`+page+`/notes"`)
		} else {
			mustNotContain(t, r, "Un titre clair", `action="`+page+`/notes"`)
		}
		// Only managers get the edit and ordering buttons, the ordering
		// ones in organise mode: the default view is a plain list.
		mustNotContain(t, r, "/move")
		if c.who == "alice" {
			mustContain(t, r, page+"/edit", page+"?organise=1")
			mustContain(t, c.client.get(page+"?organise=1"), "/move")
		} else {
			mustNotContain(t, r, page+"/edit")
		}
	}
	// The feed is anonymous whoever reads it: a signed-in author gets the
	// public note only, with absolute links.
	for _, c := range []*client{e.client(), e.signedIn("alice@example.org")} {
		r := c.get(page + "/feed.atom")
		wantStatus(t, r, http.StatusOK)
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/atom+xml") {
			t.Errorf("feed type %q", r.Header.Get("Content-Type"))
		}
		var doc struct {
			Entries []struct {
				Title string `xml:"title"`
				ID    string `xml:"id"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(r.Body), &doc); err != nil {
			t.Fatalf("feed: %v\n%s", err, r.Body)
		}
		if len(doc.Entries) != 1 || doc.Entries[0].Title != w.Resource.Title || doc.Entries[0].ID != e.URL+"/notes/"+w.Resource.ID {
			t.Errorf("feed entries: %+v", doc.Entries)
		}
		mustNotContain(t, r, w.Minute.Title, w.Summary.Title)
	}
	// A private notebook has no feed: 404 like an absent one.
	priv, err := e.Svc.CreateNotebook(context.Background(), e.viewer(w.Alice.ID), maillage.NotebookInput{Title: "Privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	alice := e.signedIn("alice@example.org")
	for _, p := range []string{"/notebooks/" + priv.ID + "/feed.atom", "/notebooks/absent/feed.atom"} {
		if r := alice.get(p); r.Status != http.StatusNotFound {
			t.Errorf("%s: status %d", p, r.Status)
		}
	}
	// And the private notebook is absent for others, pages and actions alike.
	bob := e.signedIn("bob@example.org")
	for _, p := range []string{"/notebooks/" + priv.ID, "/notebooks/" + priv.ID + "/edit", "/notebooks/" + priv.ID + "/members"} {
		if r := bob.get(p); r.Status != http.StatusNotFound {
			t.Errorf("%s: status %d", p, r.Status)
		}
	}
	if r := bob.post("/notebooks/"+priv.ID+"/notes", url.Values{"note_id": {w.Resource.ID}}); r.Status != http.StatusNotFound {
		t.Errorf("add to an invisible notebook: status %d", r.Status)
	}
	// The list counts only what each viewer may see.
	r := e.client().get("/notebooks")
	mustContain(t, r, w.NB.Title, "1 note")
	mustNotContain(t, r, "Privé")
}

func TestNotebookFormsAndBadInput(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	alice := e.signedIn("alice@example.org")
	carol := e.signedIn("carol@example.org")
	// Too long: the form comes back with the error and the text as typed.
	long := strings.Repeat("t", maillage.MaxNotebookTitleLen+1)
	r := alice.post("/notebooks", url.Values{"title": {long}, "description": {"Ma description"}, "visibility": {"public"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Ma description", `aria-invalid="true"`, "Titre")
	// A community one does not belong to cannot be linked.
	r = carol.post("/notebooks", url.Values{"title": {"X"}, "visibility": {"public"}, "community_id": {w.Listed.ID}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	// Created, then the same form again is the same notebook.
	form := url.Values{"title": {"Lexique de la transition"}, "visibility": {"private"}}
	r = alice.post("/notebooks", form)
	wantStatus(t, r, http.StatusOK)
	first := r.URL.Path
	if !strings.HasPrefix(first, "/notebooks/") {
		t.Fatalf("created at %s", first)
	}
	if r = alice.post("/notebooks", form); r.URL.Path != first {
		t.Errorf("duplicate create went to %s, not %s", r.URL.Path, first)
	}
	// A contributor sees the notebook but may not edit it.
	page := "/notebooks/" + w.NB.ID
	for _, p := range []string{page + "/edit", page + "/categories", page + "/delete"} {
		if r := carol.get(p); r.Status != http.StatusForbidden {
			t.Errorf("contributor %s: status %d", p, r.Status)
		}
	}
	if r := carol.post(page+"/edit", url.Values{"title": {"X"}, "visibility": {"public"}}); r.Status != http.StatusForbidden {
		t.Errorf("contributor edits: status %d", r.Status)
	}
	// Two edits from the same version: the second is a conflict that
	// keeps its text and takes the current version.
	edit := alice.get(page + "/edit")
	wantStatus(t, edit, http.StatusOK)
	version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(edit.Body)
	if version == nil {
		t.Fatal("no version in the edit form")
	}
	base := url.Values{"title": {w.NB.Title}, "visibility": {"public"}, "community_id": {w.Listed.ID}, "version": {version[1]}}
	one, two := url.Values{}, url.Values{}
	for k, v := range base {
		one[k], two[k] = v, v
	}
	one.Set("description", "Première version")
	two.Set("description", "Seconde version concurrente")
	wantStatus(t, alice.post(page+"/edit", one), http.StatusOK)
	r = alice.post(page+"/edit", two)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Seconde version concurrente")
	if regexp.MustCompile(`name="version" value="` + version[1] + `"`).MatchString(r.Body) {
		t.Error("the conflicting form kept the stale version")
	}
	// Categories: a duplicate name comes back on the form.
	wantStatus(t, alice.post(page+"/categories", url.Values{"name": {"Ressources"}}), http.StatusOK)
	r = alice.post(page+"/categories", url.Values{"name": {"ressources"}})
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "déjà une catégorie")
	// The last manager cannot leave.
	r = alice.post(page+"/members/"+w.Alice.ID+"/remove", nil)
	wantStatus(t, r, http.StatusConflict)
}

func TestNotebookAddNoteWithoutJavaScript(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	w := e.notebookWorld()
	page := "/notebooks/" + w.NB.ID
	carol := e.signedIn("carol@example.org")
	carolV := e.viewer(w.Carol.ID)
	mine, err := e.Svc.CreateNote(ctx, carolV, maillage.NoteInput{Title: "Fiche : économie circulaire", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	// A typed title, accents and case aside, finds the note.
	r := carol.post(page+"/notes", url.Values{"note": {"FICHE : ECONOMIE CIRCULAIRE"}, "category": {"Ressources"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != page {
		t.Fatalf("after adding: %s", r.URL)
	}
	mustContain(t, r, mine.Title, "Ressources")
	// A note carol may not see is not found, like an unknown one, and the
	// form keeps what was typed.
	for _, typed := range []string{"/notes/" + w.Minute.ID, "Compte rendu détaillé", "absent"} {
		r = carol.post(page+"/notes", url.Values{"note": {typed}, "category": {"Cat"}})
		wantStatus(t, r, http.StatusNotFound)
		mustContain(t, r, "Aucune note visible ne correspond")
		mustNotContain(t, r, `href="/notes/`+w.Minute.ID)
	}
	// Several matches: the page offers them to choose from.
	for _, title := range []string{"Atelier A", "Atelier B"} {
		if _, err := e.Svc.CreateNote(ctx, carolV, maillage.NoteInput{Title: title, Body: "x", Visibility: "public"}); err != nil {
			t.Fatal(err)
		}
	}
	r = carol.post(page+"/notes", url.Values{"note": {"atelier"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `type="radio" name="note_id"`, "Atelier A", "Atelier B")
	// The picker's suggestions are notes carol may see, not yet in the notebook.
	r = carol.get(page + "/note-suggest?note=" + url.QueryEscape("a"))
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Atelier A", `data-note-id=`)
	mustNotContain(t, r, w.Minute.Title, mine.Title)
	// Someone without a role uses the picker to propose a note, not to add.
	bob := e.signedIn("bob@example.org")
	if r := bob.get(page + "/note-suggest?note=a"); r.Status != http.StatusOK {
		t.Errorf("suggestions for a reader who may propose: %d", r.Status)
	}
	if r := bob.post(page+"/notes", url.Values{"note_id": {w.Resource.ID}}); r.Status != http.StatusForbidden {
		t.Errorf("add by a non-contributor: %d", r.Status)
	}
	// Carol may take out what she added, not alice's notes.
	if r := carol.post(page+"/notes/"+w.Resource.ID+"/remove", nil); r.Status != http.StatusForbidden {
		t.Errorf("contributor removes another's note: %d", r.Status)
	}
	r = carol.post(page+"/notes/"+mine.ID+"/remove", nil)
	wantStatus(t, r, http.StatusOK)
	mustNotContain(t, r, mine.Title)
}

func TestNotebookOrderButtonsWithoutJavaScript(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	page := "/notebooks/" + w.NB.ID
	alice := e.signedIn("alice@example.org")
	order := func(r response) []string {
		t.Helper()
		var out []string
		for _, m := range regexp.MustCompile(`<a href="/notes/([0-9a-z]{20,})" id="nt-`).FindAllStringSubmatch(r.Body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	r := alice.get(page)
	if got := order(r); len(got) != 3 || got[0] != w.Minute.ID || got[2] != w.Resource.ID {
		t.Fatalf("initial order %v", got)
	}
	// Move the resource up, keeping the page's address.
	r = alice.post(page+"/notes/"+w.Resource.ID+"/move", url.Values{"dir": {"up"}, "back": {page + "?sort="}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.RequestURI() != page+"?sort=" {
		t.Errorf("back to %s", r.URL.RequestURI())
	}
	if got := order(r); got[1] != w.Resource.ID || got[2] != w.Summary.ID {
		t.Errorf("after moving up: %v", got)
	}
	// Pin the summary: it comes first.
	r = alice.post(page+"/notes/"+w.Summary.ID+"/pin", url.Values{"pinned": {"1"}, "back": {"https://evil.example/"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != page {
		t.Errorf("an outside back address was followed: %s", r.URL)
	}
	if got := order(r); got[0] != w.Summary.ID {
		t.Errorf("after pinning: %v", got)
	}
	// Categories group the notes into sections.
	wantStatus(t, alice.post(page+"/notes", url.Values{"note_id": {w.Minute.ID}, "category": {"Comptes rendus"}}), http.StatusOK)
	r = alice.get(page)
	mustContain(t, r, `<h3 class="notebook-section">Épinglées</h3>`, `<h3 class="notebook-section">Comptes rendus</h3>`,
		`<h3 class="notebook-section">Sans catégorie</h3>`)
}

func TestNotebookCoverUpload(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	page := "/notebooks/" + w.NB.ID
	alice := e.signedIn("alice@example.org")
	upload := func(c *client, name string, content []byte) response {
		t.Helper()
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, err := mw.CreateFormFile("cover", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(content)
		mw.Close()
		req, err := http.NewRequest(http.MethodPost, c.base+page+"/cover", &body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", mw.FormDataContentType())
		return c.do(req)
	}
	r := upload(alice, "c.png", []byte("<svg xmlns='http://www.w3.org/2000/svg'></svg>"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Choisissez une image")
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 8, 4))); err != nil {
		t.Fatal(err)
	}
	if r := upload(e.signedIn("carol@example.org"), "c.png", img.Bytes()); r.Status != http.StatusForbidden {
		t.Errorf("contributor uploads a cover: %d", r.Status)
	}
	// Past the page form limit but within the image limit: accepted;
	// past the image limit: refused on the form, nothing kept.
	r = upload(alice, "c.png", append(append([]byte(nil), img.Bytes()...), make([]byte, 2<<20)...))
	wantStatus(t, r, http.StatusOK)
	r = upload(alice, "c.png", append(append([]byte(nil), img.Bytes()...), make([]byte, 11<<20)...))
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	mustContain(t, r, "10 Mo")
	r = upload(alice, "c.png", img.Bytes())
	wantStatus(t, r, http.StatusOK)
	cover := e.client().get(page + "/cover")
	wantStatus(t, cover, http.StatusOK)
	if cover.Header.Get("Content-Type") != "image/png" || cover.Body != img.String() {
		t.Errorf("cover served as %q, %d bytes", cover.Header.Get("Content-Type"), len(cover.Body))
	}
	mustContain(t, e.client().get(page), page+"/cover")
}

func TestKnowledgeBasePageShowsVisibleNotebooks(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	w := e.notebookWorld()
	alice := e.viewer(w.Alice.ID)
	priv, err := e.Svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet privé d’Alice", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	ac := e.signedIn("alice@example.org")
	r := ac.post("/knowledge-bases", url.Values{"title": {"Héritage de la CdP"}, "visibility": {"public"}})
	wantStatus(t, r, http.StatusOK)
	kb := r.URL.Path
	for _, id := range []string{w.NB.ID, priv.ID} {
		wantStatus(t, ac.post(kb+"/notebooks", url.Values{"notebook": {e.URL + "/notebooks/" + id}}), http.StatusOK)
	}
	mustContain(t, ac.get(kb), w.NB.Title, priv.Title)
	r = e.client().get(kb)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, w.NB.Title, "1 carnet")
	mustNotContain(t, r, priv.Title, priv.ID)
	// A notebook the contributor may not see cannot be added.
	testutil.AddKnowledgeBaseMember(t, e.Svc, alice, strings.TrimPrefix(kb, "/knowledge-bases/"), w.Bob.ID, maillage.NotebookContributor)
	r = e.signedIn("bob@example.org").post(kb+"/notebooks", url.Values{"notebook": {priv.ID}})
	wantStatus(t, r, http.StatusNotFound)
	mustContain(t, r, "Aucun carnet visible")
}

// notebookKey matches a message ID of this area shown as-is.
var notebookKey = regexp.MustCompile(`\b(web\.(notebooks?|kb)|notebook)\.[a-z_.]+\b`)

func TestNotebookPagesRenderInBothLanguages(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	w := e.notebookWorld()
	k, err := e.Svc.CreateKnowledgeBase(ctx, e.viewer(w.Alice.ID), maillage.NotebookInput{Title: "Base", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.AddNotebookToKnowledgeBase(ctx, e.viewer(w.Alice.ID), k.ID, w.NB.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.CreateNotebookCategory(ctx, e.viewer(w.Alice.ID), w.NB.ID, "Ressources"); err != nil {
		t.Fatal(err)
	}
	nb, kb := "/notebooks/"+w.NB.ID, "/knowledge-bases/"+k.ID
	manager := []string{"/notebooks", "/notebooks?mine=1&q=rencontre", "/notebooks/new", nb, nb + "?sort=title&kind=general&q=r",
		nb + "/edit", nb + "/members", nb + "/categories", nb + "/delete", "/knowledge-bases", "/knowledge-bases/new",
		kb, kb + "/edit", kb + "/members", kb + "/delete", "/notebooks?community=" + w.Listed.ID}
	visitor := []string{"/notebooks", nb, nb + "/members", "/knowledge-bases", kb, kb + "/members"}
	for _, lang := range []string{"fr-CA", "en"} {
		for who, paths := range map[string][]string{"alice@example.org": manager, "": visitor} {
			c := e.client()
			c.get("/?lang=" + lang)
			if who != "" {
				c.signIn(who, testPassword)
			}
			for _, p := range paths {
				r := c.get(p)
				if r.Status != http.StatusOK {
					t.Errorf("%s %s %s: status %d\n%s", lang, who, p, r.Status, excerptBody(r.Body))
					continue
				}
				if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
					t.Errorf("%s %s: wrong language", lang, p)
				}
				if m := notebookKey.FindString(r.Body); m != "" {
					t.Errorf("%s %s %s: untranslated %q", lang, who, p, m)
				}
				if m := missingKey.FindString(excerptBody(r.Body)); m != "" {
					t.Errorf("%s %s %s: untranslated %q", lang, who, p, m)
				}
				if strings.Count(r.Body, "<h1") != 1 {
					t.Errorf("%s %s: %d h1", lang, p, strings.Count(r.Body, "<h1"))
				}
			}
		}
	}
}
