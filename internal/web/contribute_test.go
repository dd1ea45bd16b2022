package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestNoteCommentsThroughPages: a reader comments under a note and
// answers; an empty comment comes back with its error; a note the reader
// may not see takes no comment (404); the note's author hides a comment,
// which disappears for others.
func TestNoteCommentsThroughPages(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	bob, carol, alice := e.signedIn("bob@example.org"), e.signedIn("carol@example.org"), e.signedIn("alice@example.org")
	page := "/notes/" + w.Resource.ID

	r := carol.post(page+"/comments", url.Values{"body": {"  "}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `id="comment-error"`, "Ce champ est obligatoire")
	r = carol.post(page+"/comments", url.Values{"body": {"Merci pour **ces ressources**."}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Votre commentaire est publié", "<strong>ces ressources</strong>", "1 commentaire")
	comments, _, err := e.Svc.NoteComments(context.Background(), e.viewer(w.Carol.ID), w.Resource.ID)
	if err != nil || len(comments) != 1 {
		t.Fatalf("comments: %v %v", comments, err)
	}
	first := comments[0]
	r = bob.post(page+"/comments", url.Values{"body": {"Je confirme."}, "parent_id": {first.ID}})
	mustContain(t, r, "2 commentaires", "comment-answers", "Je confirme.")
	// A visitor reads them, with no form but a way to sign in.
	r = e.client().get(page)
	mustContain(t, r, "Merci pour", "Connectez-vous pour commenter")
	mustNotContain(t, r, `action="`+page+`/comments"`)

	// The private minute: carol may not see it, so she may not comment.
	r = carol.post("/notes/"+w.Minute.ID+"/comments", url.Values{"body": {"Intrus"}})
	wantStatus(t, r, http.StatusNotFound)

	// Moderation by the note's author: hidden for others, kept for its author.
	if r := bob.post("/comments/"+first.ID+"/hide", url.Values{"hidden": {"1"}}); r.Status != http.StatusForbidden {
		t.Fatalf("a reader hides a comment: %d", r.Status)
	}
	r = alice.post("/comments/"+first.ID+"/hide", url.Values{"hidden": {"1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Masqué par les auteur·rices de la note")
	mustNotContain(t, bob.get(page), "Merci pour", "Je confirme.")
	mustContain(t, carol.get(page), "Merci pour")
	r = carol.post("/comments/"+first.ID+"/delete", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Le commentaire est supprimé")

	// In English too.
	r = e.client().get(page + "?lang=en")
	mustContain(t, r, "Sign in to comment on this note")
}

// TestProposalsThroughPages: a reader without a role proposes a note from
// the notebook's page, or from the note's page by the notebook's address;
// the manager sees the proposals and accepts one, which files the note;
// other readers see nothing of it.
func TestProposalsThroughPages(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	ctx := context.Background()
	bob, carol, alice := e.signedIn("bob@example.org"), e.signedIn("carol@example.org"), e.signedIn("alice@example.org")
	nbPage := "/notebooks/" + w.NB.ID
	mine, err := e.Svc.CreateNote(ctx, e.viewer(w.Bob.ID), maillage.NoteInput{Title: "Guide de Bob", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := e.Svc.CreateNote(ctx, e.viewer(w.Bob.ID), maillage.NoteInput{Title: "Lexique de Bob", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	r := bob.get(nbPage)
	mustContain(t, r, "Proposer une note", `action="`+nbPage+`/proposals"`)
	mustNotContain(t, r, `action="`+nbPage+`/notes"`)
	// A title that matches nothing comes back with an error and the message kept.
	r = bob.post(nbPage+"/proposals", url.Values{"note": {"zzz introuvable"}, "message": {"Mon mot"}})
	wantStatus(t, r, http.StatusNotFound)
	mustContain(t, r, "Aucune note visible ne correspond", "Mon mot")
	r = bob.post(nbPage+"/proposals", url.Values{"note": {"Guide de Bob"}, "message": {"Pour la communauté"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Votre proposition est envoyée", "Mes propositions", "Guide de Bob", "En attente")
	// From the note's page, by the notebook's address.
	r = bob.post("/notes/"+other.ID+"/propose", url.Values{"notebook_address": {"https://maillage.example" + nbPage}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Votre proposition est envoyée")
	r = bob.post("/notes/"+other.ID+"/propose", url.Values{"notebook_address": {"/notebooks/absent"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Nous ne trouvons pas ce carnet")

	// Carol, a contributor, does not see bob's proposals.
	mustNotContain(t, carol.get(nbPage), "Pour la communauté", "Guide de Bob")
	// Alice, the manager, sees both and accepts one.
	r = alice.get(nbPage)
	mustContain(t, r, "Notes proposées", "Guide de Bob", "Lexique de Bob", "Pour la communauté")
	list, err := e.Svc.NotebookProposals(ctx, e.viewer(w.Alice.ID), w.NB.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("proposals: %v %v", list, err)
	}
	var accept, decline string
	for _, p := range list {
		if p.NoteID == mine.ID {
			accept = p.ID
		} else {
			decline = p.ID
		}
	}
	if r := bob.post(nbPage+"/proposals/"+accept+"/accept", nil); r.Status != http.StatusForbidden {
		t.Fatalf("the proposer accepts: %d", r.Status)
	}
	r = alice.post(nbPage+"/proposals/"+accept+"/accept", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "La note est ajoutée au carnet")
	r = alice.post(nbPage+"/proposals/"+decline+"/decline", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, e.client().get(nbPage), "Guide de Bob")
	mustNotContain(t, e.client().get(nbPage), "Lexique de Bob")
	r = bob.get(nbPage + "?lang=en")
	mustContain(t, r, "My proposals", "Declined")
	if !strings.Contains(r.Body, "Lexique de Bob") {
		t.Error("bob does not see his declined proposal")
	}
}
