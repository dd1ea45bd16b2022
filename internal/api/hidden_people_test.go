package api

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestHiddenPeopleStayHidden: dave's profile is for members only. An
// anonymous caller gets neither his ID nor his name from anything he
// wrote, reacted to, joined, manages, filed or is mentioned in: note
// authors, note lists, person cards, mentions (rendered and in the
// Markdown source), threads, replies, reactions, member lists of
// communities, notebooks, knowledge bases and organisations, and who
// filed a note in a notebook. A signed-in caller sees him everywhere.
func TestHiddenPeopleStayHidden(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	dave := e.users["dave"]
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(e.svc.Join(ctx, e.viewer("dave"), e.pub.ID))
	vd, va := e.viewer("dave"), e.viewer("alice")

	own, err := e.svc.CreateNote(ctx, vd, maillage.NoteInput{Title: "Note du trésorier", Body: "Texte", Visibility: "public"})
	must(err)
	mention, err := e.svc.CreateNote(ctx, va, maillage.NoteInput{Title: "Remerciements",
		Body: "## Merci @[Dave Côté](user:" + dave.ID + ")\n\nMerci @[Dave Côté](user:" + dave.ID + ") !", Visibility: "public"})
	must(err)
	card, err := e.svc.CreateNote(ctx, va, maillage.NoteInput{Title: "Fiche", Kind: "person", PersonUserID: dave.ID, Visibility: "public"})
	must(err)
	th, err := e.svc.CreateThread(ctx, vd, e.pub.ID, maillage.ThreadInput{Title: "Fil du trésorier", Body: "Bonjour"})
	must(err)
	reply, err := e.svc.CreateReply(ctx, vd, th.ID, maillage.ReplyInput{Body: "Réponse du trésorier"})
	must(err)
	ath, err := e.svc.CreateThread(ctx, va, e.pub.ID, maillage.ThreadInput{Title: "Fil d’Alice", Body: "Salut @[Dave](user:" + dave.ID + ")"})
	must(err)
	_, err = e.svc.ToggleReaction(ctx, vd, maillage.SubjectThread, ath.ID, maillage.ReactionHeart)
	must(err)
	nb, err := e.svc.CreateNotebook(ctx, vd, maillage.NotebookInput{Title: "Carnet du trésorier", Description: "Par @[Dave](user:" + dave.ID + ")", Visibility: "public"})
	must(err)
	for _, id := range []string{mention.ID, own.ID} {
		_, err = e.svc.AddNoteToNotebook(ctx, vd, nb.ID, id, "")
		must(err)
	}
	kb, err := e.svc.CreateKnowledgeBase(ctx, vd, maillage.NotebookInput{Title: "Base du trésorier", Visibility: "public"})
	must(err)
	must(e.svc.DeclareAffiliation(ctx, vd, e.org.ID, "trésorier"))

	paths := []string{
		"/api/v1/notes/" + own.ID, "/api/v1/notes/" + mention.ID, "/api/v1/notes/" + card.ID,
		"/api/v1/notes", "/api/v1/notes?q=note", "/api/v1/tags/cuisine",
		"/api/v1/threads/" + th.ID, "/api/v1/threads/" + ath.ID, "/api/v1/threads/" + th.ID + "/replies",
		"/api/v1/replies/" + reply.ID, "/api/v1/communities/" + e.pub.ID + "/threads",
		"/api/v1/communities/" + e.pub.ID + "/members", "/api/v1/communities/" + e.pub.ID,
		"/api/v1/notebooks/" + nb.ID, "/api/v1/notebooks/" + nb.ID + "/members", "/api/v1/notebooks",
		"/api/v1/knowledge-bases/" + kb.ID, "/api/v1/knowledge-bases/" + kb.ID + "/members",
		"/api/v1/organizations/" + e.org.ID, "/api/v1/users",
	}
	for _, p := range paths {
		w := e.call(http.MethodGet, p, "", "")
		if w.Code != http.StatusOK {
			t.Fatalf("anonymous %s: %d %s", p, w.Code, w.Body.String())
		}
		for _, leak := range []string{dave.ID, "Dave"} {
			if strings.Contains(w.Body.String(), leak) {
				t.Errorf("anonymous %s shows %q:\n%s", p, leak, w.Body.String())
			}
		}
	}
	// The note still reads well: the mention names "a member".
	w := e.call(http.MethodGet, "/api/v1/notes/"+mention.ID+"?lang=en", "", "")
	m := decodeBody(t, w)
	if html, _ := m["html"].(string); !strings.Contains(html, "Merci a member !") {
		t.Errorf("hidden mention in English: %s", html)
	}
	w = e.call(http.MethodGet, "/api/v1/notes/"+mention.ID, "", "")
	if m := decodeBody(t, w); !strings.Contains(m["html"].(string), "Merci un·e membre !") || !strings.Contains(m["body"].(string), "Merci un·e membre !") {
		t.Errorf("hidden mention in French: %v / %v", m["html"], m["body"])
	}
	// Nor does filtering by his ID tell which notes he wrote.
	for _, p := range []string{"/api/v1/notes?author=" + dave.ID, "/api/v1/notebooks/" + nb.ID + "?author=" + dave.ID} {
		if body := e.call(http.MethodGet, p, "", "").Body.String(); strings.Contains(body, own.ID) {
			t.Errorf("anonymous %s finds what he wrote:\n%s", p, body)
		}
		if body := e.call(http.MethodGet, p, "carol", "").Body.String(); !strings.Contains(body, own.ID) {
			t.Errorf("carol %s does not find his note:\n%s", p, body)
		}
	}
	// Dave's own note has no author a visitor may name.
	if m := decodeBody(t, e.call(http.MethodGet, "/api/v1/notes/"+own.ID, "", "")); len(m["author_ids"].([]any)) != 0 {
		t.Errorf("author_ids for a visitor: %v", m["author_ids"])
	}

	// Signed in, Carol sees Dave wherever he is.
	for _, p := range []string{"/api/v1/notes/" + own.ID, "/api/v1/notes/" + mention.ID, "/api/v1/notes/" + card.ID,
		"/api/v1/threads/" + th.ID, "/api/v1/threads/" + th.ID + "/replies", "/api/v1/threads/" + ath.ID,
		"/api/v1/communities/" + e.pub.ID + "/members", "/api/v1/notebooks/" + nb.ID,
		"/api/v1/knowledge-bases/" + kb.ID + "/members", "/api/v1/organizations/" + e.org.ID} {
		w := e.call(http.MethodGet, p, "carol", "")
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), dave.ID) && !strings.Contains(w.Body.String(), "Dave Côté") {
			t.Errorf("carol %s: %d, Dave missing:\n%s", p, w.Code, w.Body.String())
		}
	}
	m = decodeBody(t, e.call(http.MethodGet, "/api/v1/notes/"+own.ID, "carol", ""))
	if ids, _ := m["author_ids"].([]any); len(ids) != 1 || ids[0] != dave.ID {
		t.Errorf("author_ids for carol: %v", m["author_ids"])
	}
	m = decodeBody(t, e.call(http.MethodGet, "/api/v1/notes/"+mention.ID, "carol", ""))
	if !strings.Contains(m["html"].(string), `href="/people/`+dave.ID+`"`) || !strings.Contains(m["body"].(string), "(user:"+dave.ID+")") {
		t.Errorf("mention for carol: %v", m["html"])
	}
}
