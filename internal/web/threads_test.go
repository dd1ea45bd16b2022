package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// discussionWorld adds a discussion to the world: a thread by Alice in
// the public community mentioning Bob, Bob's reply and Alice's answer, a
// thread in the secret community, and an invitation of Carol to it.
type discussionWorld struct {
	*world
	Thread, SecretThread *maillage.Thread
	Reply, Answer        *maillage.Reply
}

func (e *env) discussionWorld() *discussionWorld {
	e.t.Helper()
	ctx := context.Background()
	w := &discussionWorld{world: e.world()}
	alice, bob := e.viewer(w.Alice.ID), e.viewer(w.Bob.ID)
	var err error
	w.Thread, err = e.Svc.CreateThread(ctx, alice, w.Public.ID, maillage.ThreadInput{Title: "Outils numériques libres",
		Body: "Qui utilise **Nextcloud** ? Merci @[Bob Lavoie](user:" + w.Bob.ID + ")."})
	if err != nil {
		e.t.Fatal(err)
	}
	if w.Reply, err = e.Svc.CreateReply(ctx, bob, w.Thread.ID, maillage.ReplyInput{Body: "Nous, depuis deux ans."}); err != nil {
		e.t.Fatal(err)
	}
	if w.Answer, err = e.Svc.CreateReply(ctx, alice, w.Thread.ID, maillage.ReplyInput{Body: "Super, merci !", ParentID: w.Reply.ID}); err != nil {
		e.t.Fatal(err)
	}
	if w.SecretThread, err = e.Svc.CreateThread(ctx, alice, w.Secret.ID, maillage.ThreadInput{Title: "Budget confidentiel",
		Body: "Chiffres internes"}); err != nil {
		e.t.Fatal(err)
	}
	if err := e.Svc.ReportPost(ctx, e.viewer(w.Carol.ID), maillage.SubjectThread, w.Thread.ID, "Hors sujet"); err != nil {
		e.t.Fatal(err)
	}
	if err := e.Svc.Invite(ctx, alice, w.Secret.ID, w.Carol.ID); err != nil {
		e.t.Fatal(err)
	}
	return w
}

// untranslatedDiscussion catches message IDs of this area shown as-is.
var untranslatedDiscussion = regexp.MustCompile(`\b(discussion|invite)\.[a-z_]+\b`)

func TestDiscussionPagesInBothLanguages(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	th, rep := w.Thread.ID, w.Reply.ID
	alicePages := []string{
		"/communities/" + w.Public.ID, "/communities/" + w.Secret.ID, "/communities/" + w.Public.ID + "?page=2",
		"/threads/" + th, "/threads/" + th + "?reply_to=" + rep, "/threads/" + th + "/edit", "/threads/" + th + "/delete",
		"/threads/" + th + "/report", "/replies/" + rep + "/edit", "/replies/" + rep + "/delete", "/replies/" + rep + "/report",
		"/communities/" + w.Public.ID + "/threads/new", "/communities/" + w.Public.ID + "/moderation",
		"/communities/" + w.Public.ID + "/moderation?status=resolved", "/communities/" + w.Secret.ID + "/invite?q=carol",
		"/communities/" + w.Public.ID + "/edit", "/communities/" + w.Public.ID + "/members", "/invitations",
	}
	carolPages := []string{"/communities/" + w.Secret.ID, "/invitations", "/communities/" + w.Public.ID, "/threads/" + th}
	visitorPages := []string{"/communities/" + w.Public.ID, "/threads/" + th}
	for _, lang := range []string{"fr-CA", "en"} {
		alice, carol, visitor := e.client(), e.client(), e.client()
		for _, c := range []*client{alice, carol, visitor} {
			c.get("/?lang=" + lang)
		}
		alice.signIn("alice@example.org", testPassword)
		carol.signIn("carol@example.org", testPassword)
		for who, set := range map[string]struct {
			c     *client
			pages []string
		}{"alice": {alice, alicePages}, "carol": {carol, carolPages}, "visitor": {visitor, visitorPages}} {
			for _, p := range set.pages {
				r := set.c.get(p)
				if r.Status != http.StatusOK {
					t.Errorf("%s %s %s: status %d\n%s", lang, who, p, r.Status, excerptBody(r.Body))
					continue
				}
				if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
					t.Errorf("%s %s %s: wrong language", lang, who, p)
				}
				body := stripURLs(r.Body)
				if m := append(missingKey.FindAllString(body, -1), untranslatedDiscussion.FindAllString(body, -1)...); len(m) > 0 {
					t.Errorf("%s %s %s: untranslated %q", lang, who, p, m)
				}
				for _, bad := range []string{"<script>", " style=", " onclick=", "hx-on"} {
					if strings.Contains(r.Body, bad) {
						t.Errorf("%s %s %s: inline %q", lang, who, p, bad)
					}
				}
			}
		}
	}
}

func TestThreadPageShowsTheConversation(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	visitor := e.client()
	r := visitor.get("/threads/" + w.Thread.ID)
	wantStatus(t, r, http.StatusOK)
	// Bob's profile is for members: a visitor sees no link to it, and the
	// mention renders as plain text.
	mustContain(t, r, "<h1 id=\"thread-title\">Outils numériques libres</h1>", "<strong>Nextcloud</strong>", "Nous, depuis deux ans.",
		`class="answers"`, "Super, merci !", "Se connecter pour répondre")
	mustNotContain(t, r, "/people/"+w.Bob.ID, `name="body"`)

	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r = bob.get("/threads/" + w.Thread.ID)
	mustContain(t, r, `href="/people/`+w.Bob.ID+`"`, `id="reply-form"`, `data-mentions="f-body-suggestions"`,
		`aria-pressed="false"`, `/replies/`+w.Reply.ID+`/edit`)
	mustNotContain(t, r, `/replies/`+w.Answer.ID+`/edit`, "/moderate")

	// Answering a reply works without JavaScript: ?reply_to= names it.
	r = bob.get("/threads/" + w.Thread.ID + "?reply_to=" + w.Answer.ID)
	mustContain(t, r, `name="parent_id" value="`+w.Answer.ID+`"`, "Répondre à Alice Côté")

	// Invisible threads are absent: the secret community's thread for an
	// outsider and a visitor, exactly like a thread that does not exist.
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	for _, c := range []*client{carol, visitor} {
		wantStatus(t, c.get("/threads/"+w.SecretThread.ID), http.StatusNotFound)
		wantStatus(t, c.get("/threads/"+w.SecretThread.ID+"/report"), http.StatusNotFound)
	}
	wantStatus(t, carol.get("/threads/nothing"), http.StatusNotFound)

	// A link's preview, once fetched, shows as a card under the post.
	ctx := context.Background()
	th, err := e.Svc.CreateThread(ctx, e.viewer(w.Bob.ID), w.Public.ID, maillage.ThreadInput{Title: "Lecture",
		Body: "À lire : <https://exemple.org/guide>"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.DB.SaveLinkPreview(ctx, &maillage.LinkPreview{URL: "https://exemple.org/guide", Status: maillage.LinkPreviewOK,
		Title: "Guide du numérique", SiteName: "Exemple", Description: "Tout sur les outils.", ImageURL: "https://exemple.org/a.png"}); err != nil {
		t.Fatal(err)
	}
	r = visitor.get("/threads/" + th.ID)
	mustContain(t, r, `class="link-preview"`, "Guide du numérique", "Tout sur les outils.", `rel="nofollow noopener noreferrer"`)
	mustNotContain(t, r, "https://exemple.org/a.png")
}

func TestPostingThroughForms(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)

	// A thread: an empty one comes back with its errors and text kept.
	r := bob.post("/communities/"+w.Public.ID+"/threads", url.Values{"title": {""}, "body": {"Un texte à garder"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Un texte à garder", `id="form-errors"`, "Titre")
	r = bob.post("/communities/"+w.Public.ID+"/threads", url.Values{"title": {"Atelier de mars"}, "body": {"Qui vient ?"}})
	wantStatus(t, r, http.StatusOK)
	if !strings.HasPrefix(r.URL.Path, "/threads/") {
		t.Fatalf("thread creation went to %s", r.URL)
	}
	threadURL := r.URL.Path
	mustContain(t, r, "Votre discussion est publiée.", "Atelier de mars")

	// A reply, empty then real; with htmx the discussion section comes back.
	r = bob.post(threadURL+"/replies", url.Values{"body": {"  "}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `id="form-errors"`)
	req, _ := http.NewRequest(http.MethodPost, bob.base+threadURL+"/replies", strings.NewReader(url.Values{"body": {"Moi !"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	r = bob.do(req)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `id="discussion"`, "Moi !")

	// Reactions: a toggle without JavaScript goes back to the thread,
	// with htmx the bar alone comes back.
	r = bob.post(threadURL+"/react", url.Values{"reaction": {"heart"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `value="heart" class="reaction" aria-pressed="true"`)
	req, _ = http.NewRequest(http.MethodPost, bob.base+threadURL+"/react", strings.NewReader("reaction=heart"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	r = bob.do(req)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `class="reactions"`, `value="heart" class="reaction" aria-pressed="false"`)
	mustNotContain(t, r, "<html")

	// An edit is marked.
	r = bob.post(threadURL+"/edit", url.Values{"title": {"Atelier de mars (salle B)"}, "body": {"Qui vient ?"}, "version": {"1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Atelier de mars (salle B)", `class="edited"`, "modifié")

	// Deleting a reply that has answers leaves its place.
	r = bob.post("/replies/"+w.Reply.ID+"/delete", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Réponse supprimée.", "Super, merci !")
	mustNotContain(t, r, "Nous, depuis deux ans.")

	// Carol, who only reads the public community, may not post.
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	wantStatus(t, carol.post(threadURL+"/replies", url.Values{"body": {"Coucou"}}), http.StatusForbidden)
	wantStatus(t, carol.get("/communities/"+w.Public.ID+"/threads/new"), http.StatusForbidden)
}

func TestModerationThroughForms(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	alice, bob, carol := e.client(), e.client(), e.client()
	alice.signIn("alice@example.org", testPassword)
	bob.signIn("bob@example.org", testPassword)
	carol.signIn("carol@example.org", testPassword)
	threadURL := "/threads/" + w.Thread.ID

	// Members may not moderate; managers lock, and the form goes away.
	wantStatus(t, bob.post(threadURL+"/moderate", url.Values{"flag": {"locked"}, "on": {"1"}}), http.StatusForbidden)
	r := alice.post(threadURL+"/moderate", url.Values{"flag": {"locked"}, "on": {"1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Verrouillé", "Déverrouiller")
	r = bob.get(threadURL)
	mustContain(t, r, "ne reçoit plus de réponses")
	mustNotContain(t, r, `id="reply-form"`)
	r = bob.post(threadURL+"/replies", url.Values{"body": {"Encore une"}})
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Encore une")

	// Reports: Carol reports a reply, the managers see it and close it.
	r = carol.post("/replies/"+w.Reply.ID+"/report", url.Values{"reason": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	r = carol.post("/replies/"+w.Reply.ID+"/report", url.Values{"reason": {"Information personnelle"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "les responsables ont reçu votre signalement")
	wantStatus(t, bob.get("/communities/"+w.Public.ID+"/moderation"), http.StatusForbidden)
	r = alice.get("/communities/" + w.Public.ID + "/moderation")
	mustContain(t, r, "Information personnelle", "Hors sujet", "Réponse signalée")
	m := regexp.MustCompile(`/communities/` + w.Public.ID + `/reports/([0-9a-z]+)/resolve`).FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatal("no resolve button")
	}
	r = alice.post(m[0], nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "marqué comme traité")

	// Hiding a thread keeps it for its author and the managers only.
	alice.post(threadURL+"/moderate", url.Values{"flag": {"hidden"}, "on": {"1"}})
	wantStatus(t, bob.get(threadURL), http.StatusNotFound)
	wantStatus(t, e.client().get(threadURL), http.StatusNotFound)
	mustContain(t, alice.get(threadURL), "Masqué")
	mustNotContain(t, bob.get("/communities/"+w.Public.ID), "Outils numériques libres")
}

func TestCommunityFeed(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	c := e.client()
	r := c.get("/communities/" + w.Public.ID + "/feed.atom")
	wantStatus(t, r, http.StatusOK)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Errorf("content type %q", ct)
	}
	var doc struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(r.Body), &doc); err != nil {
		t.Fatalf("feed is not Atom XML: %v\n%s", err, r.Body)
	}
	if doc.Title != w.Public.Name || doc.ID == "" || doc.Updated == "" || len(doc.Entries) != 1 {
		t.Fatalf("feed: %+v", doc)
	}
	en := doc.Entries[0]
	if en.Title != "Outils numériques libres" || !strings.HasPrefix(en.Link.Href, e.URL+"/threads/") || !strings.Contains(en.Content, "<strong>Nextcloud</strong>") {
		t.Fatalf("entry: %+v", en)
	}
	// Private communities have no feed: the same 404 as an absent one.
	absent := c.get("/communities/" + strings.Repeat("0", 26) + "/feed.atom")
	for _, id := range []string{w.Listed.ID, w.Secret.ID} {
		got := c.get("/communities/" + id + "/feed.atom")
		wantStatus(t, got, http.StatusNotFound)
		if excerptBody(got.Body) != excerptBody(absent.Body) {
			t.Errorf("a private community's feed differs from an absent one")
		}
	}
}

func TestInvitationPages(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	// The invitation opens the unlisted community's door, nothing more.
	r := carol.get("/communities/" + w.Secret.ID)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Comité confidentiel", "Vous êtes invité·e", "/invitation/accept")
	mustNotContain(t, r, "Budget confidentiel", "/members")
	wantStatus(t, carol.get("/communities/"+w.Secret.ID+"/members"), http.StatusNotFound)
	wantStatus(t, e.client().get("/communities/"+w.Secret.ID), http.StatusNotFound)
	mustContain(t, carol.get("/invitations"), "Comité confidentiel")
	r = carol.post("/communities/"+w.Secret.ID+"/invitation/accept", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Bienvenue dans la communauté", "Budget confidentiel")

	// Managers find people by name and invite them.
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	dan := e.user("Dan Ouellet", "dan@example.org")
	r = alice.get("/communities/" + w.Listed.ID + "/invite?q=ouellet")
	mustContain(t, r, "Dan Ouellet", `name="user_id" value="`+dan.ID+`"`)
	r = alice.post("/communities/"+w.Listed.ID+"/invitations", url.Values{"user_id": {dan.ID}, "q": {"ouellet"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "L’invitation est envoyée.", "Déjà invité·e")
	r = alice.post("/communities/"+w.Listed.ID+"/invitations", url.Values{"user_id": {w.Bob.ID}})
	mustContain(t, r, "fait déjà partie de la communauté")
}

func TestPeopleSuggestAndCover(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	r := alice.get("/people/suggest?q=lav")
	var people []struct{ ID, Name string }
	if err := json.Unmarshal([]byte(r.Body), &people); err != nil || len(people) != 1 || people[0].ID != w.Bob.ID {
		t.Fatalf("suggest: %v %s", err, r.Body)
	}
	// Visitors get nothing: the editor is for members.
	if r := e.client().get("/people/suggest?q=lav"); strings.TrimSpace(r.Body) != "[]" {
		t.Fatalf("visitor suggestions: %s", r.Body)
	}

	png, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
	upload := func(c *client, id string, content []byte) response {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("cover", "couverture.png")
		fw.Write(content)
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, c.base+"/communities/"+id+"/cover", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		return c.do(req)
	}
	r = upload(alice, w.Secret.ID, []byte("<svg onload=alert(1)></svg>"))
	mustContain(t, r, "Choisissez une image")
	r = upload(alice, w.Secret.ID, png)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "L’image de couverture est enregistrée.")
	mustContain(t, alice.get("/communities/"+w.Secret.ID), `class="community-cover" src="/communities/`+w.Secret.ID+`/cover?v=`)
	r = alice.get("/communities/" + w.Secret.ID + "/cover")
	if r.Status != http.StatusOK || r.Header.Get("Content-Type") != "image/png" || r.Body != string(png) {
		t.Fatalf("cover: %d %q", r.Status, r.Header.Get("Content-Type"))
	}
	// The cover of an unlisted community is as absent as the community.
	wantStatus(t, e.client().get("/communities/"+w.Secret.ID+"/cover"), http.StatusNotFound)
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	wantStatus(t, upload(bob, w.Secret.ID, png), http.StatusForbidden)
}

func TestShareNoteFromCommunityPage(t *testing.T) {
	e := newEnv(t)
	w := e.discussionWorld()
	ctx := context.Background()
	bob := e.viewer(w.Bob.ID)
	n, err := e.Svc.CreateNote(ctx, bob, maillage.NoteInput{Title: "Compte rendu d’atelier", Body: "Ce qui s’est dit.",
		Kind: "general", Visibility: "public", License: "cc-by-4.0"})
	if err != nil {
		t.Fatal(err)
	}
	nb, err := e.Svc.CreateNotebook(ctx, bob, maillage.NotebookInput{Title: "Ateliers", Visibility: "community", CommunityID: w.Listed.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.AddNoteToNotebook(ctx, bob, nb.ID, n.ID, ""); err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.signIn("bob@example.org", testPassword)
	r := c.get("/communities/" + w.Listed.ID)
	mustContain(t, r, `id="share-note"`, `<option value="`+n.ID+`">Compte rendu d’atelier</option>`, "Ateliers")
	r = c.post("/communities/"+w.Listed.ID+"/share-note", url.Values{"note_id": {n.ID}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Votre note est partagée", `class="card note-card"`, `href="/notes/`+n.ID+`"`)
	// Once shared, the note leaves the picker.
	mustNotContain(t, c.get("/communities/"+w.Listed.ID), `<option value="`+n.ID+`"`)
}
