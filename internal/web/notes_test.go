package web

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// noteMissingKey matches a message ID of the notes shown as-is.
var noteMissingKey = regexp.MustCompile(`\b(web\.notes?|note)\.[a-z_.-]+\b`)

// noteWorld adds notes to a world: a public note by Alice with headings,
// a link from Bob's private note, a file; a private note by Alice.
type noteWorld struct {
	*world
	Public, Private, BobsPrivate *maillage.Note
	File                         *maillage.Attachment
}

func (e *env) noteWorld() *noteWorld {
	e.t.Helper()
	ctx := context.Background()
	w := &noteWorld{world: e.world()}
	alice, bob := e.viewer(w.Alice.ID), e.viewer(w.Bob.ID)
	var err error
	w.Public, err = e.Svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Lexique de la transition", Kind: "term",
		Summary: "Les mots de la transition socio-écologique.", Visibility: "public", Tags: []string{"numérique"},
		Body: "## Sobriété\n\nMoins, mieux.\n\n## Résilience\n\nTenir.\n\n## Communs\n\nVoir [[Procès-verbal confidentiel]]."})
	if err != nil {
		e.t.Fatal(err)
	}
	w.Private, err = e.Svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Procès-verbal confidentiel", Visibility: "private",
		Body: "Décisions du comité."})
	if err != nil {
		e.t.Fatal(err)
	}
	w.BobsPrivate, err = e.Svc.CreateNote(ctx, bob, maillage.NoteInput{Title: "Notes personnelles de Bob", Visibility: "private",
		Body: "Relire le [[Lexique de la transition]]."})
	if err != nil {
		e.t.Fatal(err)
	}
	w.File, err = e.Svc.UploadAttachment(ctx, alice, w.Public.ID, "schéma.png", bytes.NewReader(testImage(e.t)))
	if err != nil {
		e.t.Fatal(err)
	}
	up := service.InputOf(w.Public)
	up.Body += "\n\n![Schéma](" + service.AttachmentHref(w.File) + ")"
	if w.Public, err = e.Svc.UpdateNote(ctx, alice, w.Public.ID, up); err != nil {
		e.t.Fatal(err)
	}
	return w
}

func testImage(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 6, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestNotePagesRenderInBothLanguages draws every note page for an author
// and a visitor, in French and English.
func TestNotePagesRenderInBothLanguages(t *testing.T) {
	e := newEnv(t)
	w := e.noteWorld()
	pub := "/notes/" + w.Public.ID
	authorPages := []string{"/notes", "/notes?kind=term&sort=title&mine=1&q=lex", "/notes/new", "/notes/new?title=Nouveau&kind=term",
		pub, pub + "/edit", pub + "/history", pub + "/history/1", pub + "/history/1?against=current", pub + "/history/2",
		pub + "/delete", "/notes/" + w.Private.ID}
	visitorPages := []string{"/notes", "/notes?tag=numerique", "/notes?author=" + w.Alice.ID, pub}
	for _, lang := range []string{"fr-CA", "en"} {
		author := e.client()
		author.get("/?lang=" + lang)
		author.signIn("alice@example.org", testPassword)
		visitor := e.client()
		visitor.get("/?lang=" + lang)
		check := func(who string, c *client, path string) {
			t.Helper()
			r := c.get(path)
			if r.Status != http.StatusOK {
				t.Errorf("%s %s %s: status %d\n%s", lang, who, path, r.Status, excerptBody(r.Body))
				return
			}
			if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
				t.Errorf("%s %s %s: wrong <html lang>", lang, who, path)
			}
			body := stripURLs(r.Body)
			if m := append(missingKey.FindAllString(body, -1), noteMissingKey.FindAllString(body, -1)...); len(m) > 0 {
				t.Errorf("%s %s %s: untranslated %q", lang, who, path, m)
			}
		}
		for _, p := range authorPages {
			check("author", author, p)
		}
		for _, p := range visitorPages {
			check("visitor", visitor, p)
		}
	}
}

func TestNotePageShowsWhatTheReaderMaySee(t *testing.T) {
	e := newEnv(t)
	w := e.noteWorld()
	pub := "/notes/" + w.Public.ID

	visitor := e.client()
	r := visitor.get(pub)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "<h1 id=\"note-title\">Lexique de la transition</h1>", "Sommaire", `href="#sobriete"`,
		`<span class="wikilink-missing">Procès-verbal confidentiel</span>`, "Côté, A. (", "creativecommons.org/licenses/by/4.0/deed.fr",
		`<img src="`+service.AttachmentHref(w.File))
	// No backlink from Bob's private note, no edit actions, no hidden title.
	mustNotContain(t, r, w.BobsPrivate.Title, "/notes/"+w.Private.ID, pub+"/edit", `action="`+pub+`/attachments"`)

	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r = bob.get(pub)
	mustContain(t, r, `<a href="/notes/`+w.BobsPrivate.ID+`">`+w.BobsPrivate.Title+`</a>`)
	mustNotContain(t, r, pub+"/edit")
	// Bob may read the page but not edit or see its history: 403; the
	// private note is 404 for him, exactly like a note that does not exist.
	wantStatus(t, bob.get(pub+"/edit"), http.StatusForbidden)
	wantStatus(t, bob.get(pub+"/history"), http.StatusForbidden)
	hidden, absent := bob.get("/notes/"+w.Private.ID), bob.get("/notes/"+w.Private.ID+"x")
	wantStatus(t, hidden, http.StatusNotFound)
	if hidden.Body != strings.ReplaceAll(absent.Body, w.Private.ID+"x", w.Private.ID) {
		t.Error("a hidden note's 404 differs from an absent one's")
	}
	wantStatus(t, visitor.get("/notes/"+w.Private.ID+"/edit"), http.StatusNotFound)
}

func TestNoteEditorKeepsTextOnErrors(t *testing.T) {
	e := newEnv(t)
	e.world()
	c := e.client()
	c.signIn("alice@example.org", testPassword)
	typed := "Un long texte que je ne veux pas perdre. <b>gras</b>"
	r := c.post("/notes", url.Values{"title": {""}, "body": {typed}, "visibility": {"public"}, "kind": {"term"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `href="#f-title">Titre`, "Ce champ est obligatoire.", `href="#f-summary">Définition ou résumé`,
		"Donnez une courte définition du terme.", "Un long texte que je ne veux pas perdre. &lt;b&gt;gras&lt;/b&gt;", `aria-invalid="true"`)
	huge := strings.Repeat("a", maillage.MaxNoteBodyLen+1)
	r = c.post("/notes", url.Values{"title": {"Trop long"}, "body": {huge}, "visibility": {"public"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `href="#f-body">Texte`, "Ce champ ne peut pas dépasser", huge)
	r = c.post("/notes", url.Values{"title": {"Co-autrice"}, "visibility": {"public"}, "add_authors": {"https://x.test/people/personne"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `href="#f-author-ids">Auteur·rices`, "Nous ne trouvons pas une des personnes")
	if _, total, _ := e.Svc.Notes(context.Background(), e.viewer(e.userID("alice@example.org")), service.NoteFilter{}); total != 0 {
		t.Fatalf("%d notes saved from refused forms", total)
	}
}

// userID finds a user by email through the store, for tests.
func (e *env) userID(email string) string {
	e.t.Helper()
	u, _, err := e.DB.UserCredentials(context.Background(), email)
	if err != nil {
		e.t.Fatal(err)
	}
	return u.ID
}

func TestNoteCreateEditConflictAndDelete(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	c := e.client()
	c.signIn("alice@example.org", testPassword)
	r := c.post("/notes", url.Values{"title": {"Ordre du jour"}, "body": {"1. Accueil"}, "visibility": {"community"},
		"community_id": {w.Public.ID}, "tags": {"numérique, rencontre"}, "add_authors": {"http://x.test/people/" + w.Bob.ID},
		"license": {"cc-by-sa-4.0"}, "kind": {"general"}})
	wantStatus(t, r, http.StatusOK)
	id := strings.TrimPrefix(r.URL.Path, "/notes/")
	// Bob is invited, not an author: he is listed apart, for the authors.
	mustContain(t, r, "Votre note est créée. Les personnes que vous avez nommées sont invitées à la cosigner.", "Ordre du jour",
		"Invitations envoyées", "Bob Lavoie", "rencontre")
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r = bob.get("/notes/" + id)
	mustContain(t, r, "Vous êtes invité·e à cosigner cette note", `action="/notes/`+id+`/invitation/accept"`)
	r = bob.post("/notes/"+id+"/invitation/accept", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Invitation acceptée")
	mustNotContain(t, r, "Vous êtes invité·e à cosigner cette note")
	// The same form sent again is the same note.
	again := c.post("/notes", url.Values{"title": {"Ordre du jour"}, "body": {"1. Accueil"}, "visibility": {"community"},
		"community_id": {w.Public.ID}})
	if again.URL.Path != "/notes/"+id {
		t.Fatalf("double submission made another note: %s", again.URL.Path)
	}

	// Two tabs edit version 1: the second save is refused, its text kept,
	// the current version shown and named in the form.
	form := func(body string) url.Values {
		return url.Values{"title": {"Ordre du jour"}, "body": {body}, "visibility": {"community"}, "community_id": {w.Public.ID},
			"version": {"1"}, "author_ids": {w.Bob.ID}, "kind": {"general"}, "license": {"cc-by-sa-4.0"}}
	}
	wantStatus(t, c.post("/notes/"+id+"/edit", form("1. Accueil\n2. Bilan")), http.StatusOK)
	r = c.post("/notes/"+id+"/edit", form("1. Accueil\n2. Tour de table"))
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "2. Tour de table", "Version enregistrée entre-temps", "2. Bilan", `name="version" value="2"`)
	// Saving again knowingly replaces it.
	f := form("1. Accueil\n2. Tour de table")
	f.Set("version", "2")
	r = c.post("/notes/"+id+"/edit", f)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Tour de table")

	// History lists three versions; restoring the second adds a fourth.
	r = c.get("/notes/" + id + "/history")
	mustContain(t, r, "3 versions enregistrées")
	r = c.get("/notes/" + id + "/history/3")
	mustContain(t, r, "<del>", "Bilan", "<ins>", "Tour de table")
	r = c.post("/notes/"+id+"/history/2/restore", url.Values{"version": {"3"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "La version est restaurée", "<li>Bilan</li>")
	mustNotContain(t, r, "Tour de table")

	// Bob, a co-author, leaves; then Alice deletes the note.
	r = bob.post("/notes/"+id+"/authors/"+w.Bob.ID+"/remove", nil)
	wantStatus(t, r, http.StatusOK)
	wantStatus(t, bob.get("/notes/"+id+"/edit"), http.StatusForbidden)
	wantStatus(t, c.get("/notes/"+id+"/delete"), http.StatusOK)
	r = c.post("/notes/"+id+"/delete", nil)
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/notes" {
		t.Fatalf("after delete: %s", r.URL.Path)
	}
	wantStatus(t, c.get("/notes/"+id), http.StatusNotFound)
}

func TestNotePreviewDraftsAndSuggestions(t *testing.T) {
	e := newEnv(t)
	w := e.noteWorld()
	c := e.client()
	c.signIn("alice@example.org", testPassword)

	// htmx preview: a fragment, links resolved for the writer.
	r := c.post("/notes/preview", url.Values{"body": {"# Titre\n\n[[Procès-verbal confidentiel]] <script>alert(1)</script>"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `href="/notes/`+w.Private.ID+`"`)
	mustNotContain(t, r, "<html", "<script")
	// Without JavaScript: the editor comes back with the preview, unsaved.
	r = c.post("/notes", url.Values{"title": {"Aperçu seulement"}, "body": {"**gras**"}, "visibility": {"public"}, "action": {"preview"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "<strong>gras</strong>", "**gras**")
	if _, total, _ := e.Svc.Notes(context.Background(), e.viewer(w.Alice.ID), service.NoteFilter{Query: "Aperçu"}); total != 0 {
		t.Fatal("a preview saved the note")
	}

	// Autosave, then the editor offers the draft and restores it on demand.
	r = c.post("/notes/drafts", url.Values{"note_id": {w.Public.ID}, "title": {w.Public.Title}, "body": {"Brouillon en cours"}})
	wantStatus(t, r, http.StatusOK)
	var answer struct {
		Saved   bool
		Message string
	}
	if err := json.Unmarshal([]byte(r.Body), &answer); err != nil || !answer.Saved || !strings.Contains(answer.Message, "Brouillon enregistré") {
		t.Fatalf("autosave answer: %s %v", r.Body, err)
	}
	r = c.get("/notes/" + w.Public.ID + "/edit")
	mustContain(t, r, "Vous avez un brouillon plus récent", "?draft=1")
	r = c.get("/notes/" + w.Public.ID + "/edit?draft=1")
	mustContain(t, r, ">Brouillon en cours</textarea>")
	// A reader of the note keeps no draft of it.
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r = bob.post("/notes/drafts", url.Values{"note_id": {w.Public.ID}, "title": {"x"}, "body": {"y"}})
	wantStatus(t, r, http.StatusForbidden)

	// [[link]] completion: titles Bob may see only.
	r = bob.get("/notes/suggest?q=proc")
	wantStatus(t, r, http.StatusOK)
	if strings.TrimSpace(r.Body) != "[]" {
		t.Fatalf("Bob is offered a hidden title: %s", r.Body)
	}
	r = c.get("/notes/suggest?q=proc")
	mustContain(t, r, `"title":"Procès-verbal confidentiel"`)
}

func TestHostileNoteBodyIsNeutralised(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	n, err := e.Svc.CreateNote(ctx, e.viewer(w.Alice.ID), maillage.NoteInput{Title: `<script>alert("titre")</script>`, Visibility: "public",
		Body: "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[clic](javascript:alert(3))\n\n" +
			"<iframe src=//evil.example></iframe>\n\n[[<svg onload=alert(4)>]]"})
	if err != nil {
		t.Fatal(err)
	}
	r := e.client().get("/notes/" + n.ID)
	wantStatus(t, r, http.StatusOK)
	main := excerptBody(r.Body)
	for _, bad := range []string{"<script", "javascript:", "<iframe", "<svg", "<img src=\"x\""} {
		if strings.Contains(main, bad) {
			t.Errorf("hostile %q reached the page:\n%s", bad, main)
		}
	}
	// No event handler attribute inside any tag.
	if m := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(main); m != "" {
		t.Errorf("event handler in the page: %s", m)
	}
	mustContain(t, r, "&lt;script&gt;alert(&#34;titre&#34;)&lt;/script&gt;")
}

// multipartRequest builds an upload of one file with extra fields.
func multipartRequest(t *testing.T, target, name string, content []byte, fields map[string]string) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, target, &buf)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

func TestNoteFilesUploadAndServe(t *testing.T) {
	e := newEnv(t)
	w := e.noteWorld()
	ctx := context.Background()
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)

	// Upload through the page's form, back to the editor.
	img := testImage(t)
	r := alice.do(multipartRequest(t, e.URL+"/notes/"+w.Private.ID+"/attachments", "plan du local.png", img, map[string]string{"return": "edit"}))
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/notes/"+w.Private.ID+"/edit" {
		t.Fatalf("after upload: %s", r.URL.Path)
	}
	mustContain(t, r, "Le fichier est joint à la note.", "plan du local.png", "![plan du local.png](/notes/"+w.Private.ID+"/files/")
	files, err := e.Svc.Attachments(ctx, e.viewer(w.Alice.ID), w.Private.ID)
	if err != nil || len(files) != 1 {
		t.Fatalf("files: %v %v", files, err)
	}
	href := service.AttachmentHref(&files[0])

	// The author gets the bytes with safe headers; ranges work.
	r = alice.get(href)
	wantStatus(t, r, http.StatusOK)
	if r.Body != string(img) {
		t.Fatal("served bytes differ")
	}
	h := r.Header
	for k, want := range map[string]string{"Content-Type": "image/png", "X-Content-Type-Options": "nosniff",
		"Content-Security-Policy": "default-src 'none'; sandbox", "Cache-Control": "private, no-cache"} {
		if h.Get(k) != want {
			t.Errorf("%s: %q, want %q", k, h.Get(k), want)
		}
	}
	if !strings.HasPrefix(h.Get("Content-Disposition"), `inline; filename="plan du local.png"`) {
		t.Errorf("Content-Disposition %q", h.Get("Content-Disposition"))
	}
	req, _ := http.NewRequest(http.MethodGet, e.URL+href, nil)
	req.Header.Set("Range", "bytes=0-7")
	r = alice.do(req)
	if r.Status != http.StatusPartialContent || r.Body != string(img[:8]) {
		t.Fatalf("range: %d %q", r.Status, r.Body)
	}
	// A public note's file may be cached publicly (and revalidated).
	if got := e.client().get(service.AttachmentHref(w.File)).Header.Get("Cache-Control"); got != "public, no-cache" {
		t.Errorf("public file Cache-Control %q", got)
	}

	// Anyone else gets the 404 of a file that does not exist.
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	for _, c := range []*client{bob, e.client()} {
		hidden := c.get(href)
		absent := c.get(strings.Replace(href, files[0].ID, files[0].ID+"x", 1))
		wantStatus(t, hidden, http.StatusNotFound)
		same := strings.ReplaceAll(absent.Body, url.PathEscape(files[0].ID+"x"), url.PathEscape(files[0].ID))
		if hidden.Body != same || hidden.Header.Get("Content-Type") != absent.Header.Get("Content-Type") {
			t.Error("a hidden file's 404 differs from an absent one's")
		}
	}
	// Bob cannot upload to Alice's public note (403) nor her private one (404).
	r = bob.do(multipartRequest(t, e.URL+"/notes/"+w.Public.ID+"/attachments", "x.png", img, nil))
	wantStatus(t, r, http.StatusForbidden)
	r = bob.do(multipartRequest(t, e.URL+"/notes/"+w.Private.ID+"/attachments", "x.png", img, nil))
	wantStatus(t, r, http.StatusNotFound)

	// Wrong type and wrong size are refused with a clear message.
	r = alice.do(multipartRequest(t, e.URL+"/notes/"+w.Private.ID+"/attachments", "page.png", []byte("<html><script>x</script>"), nil))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Ce type de fichier n’est pas accepté", "PNG, JPEG")
	big := append(append([]byte{}, img...), make([]byte, 10<<20)...)
	r = alice.do(multipartRequest(t, e.URL+"/notes/"+w.Private.ID+"/attachments", "immense.png", big, nil))
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	mustContain(t, r, "la limite pour ce type de fichier est de 10 Mo")
	r = alice.do(multipartRequest(t, e.URL+"/notes/"+w.Private.ID+"/attachments", "", nil, nil))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Choisissez un fichier à joindre.")

	// Removing the file makes its address absent.
	r = alice.post(href[:strings.LastIndex(href, "/")]+"/delete", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Le fichier est retiré.")
	wantStatus(t, alice.get(href), http.StatusNotFound)
	if n, _ := e.DB.JobCounts(ctx, service.JobDeleteFiles); n.Pending != 1 {
		t.Errorf("file deletion jobs: %+v", n)
	}
}
