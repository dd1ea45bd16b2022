package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
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

// TestNewNoteFromANotebookAndTemplates: a template fills a new note in
// one click; a note written from a notebook is filed there for a
// contributor, proposed to the managers for anyone else.
func TestNewNoteFromANotebookAndTemplates(t *testing.T) {
	e := newEnv(t)
	w := e.notebookWorld()
	ctx := context.Background()
	carol, bob := e.signedIn("carol@example.org"), e.signedIn("bob@example.org")
	nbPage := "/notebooks/" + w.NB.ID

	r := carol.get(nbPage)
	mustContain(t, r, `href="/notes/new?notebook=`+w.NB.ID+`"`)
	r = carol.get("/notes/new?notebook=" + w.NB.ID + "&template=minutes")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Compte rendu — rencontre du", "## Décisions", `name="notebook" value="`+w.NB.ID+`"`,
		"sera rangée dans le carnet", `aria-current="true"`, `role="toolbar"`, "Mentionner une personne")
	mustContain(t, carol.get("/notes/new?template=term&lang=en"), "Term: ", `<option value="term" selected`)
	carol.get("/?lang=fr")
	r = carol.post("/notes", url.Values{"title": {"Compte rendu de Carol"}, "body": {"Texte"}, "kind": {"general"},
		"visibility": {"public"}, "license": {"cc-by-4.0"}, "notebook": {w.NB.ID}, "action": {"save"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "rangée dans son carnet")
	mustContain(t, e.client().get(nbPage), "Compte rendu de Carol")

	// Bob reads the notebook without a role: his note goes to the managers.
	r = bob.get("/notes/new?notebook=" + w.NB.ID)
	mustContain(t, r, "sera proposée aux responsables")
	r = bob.post("/notes", url.Values{"title": {"Ressource de Bob"}, "body": {"Texte"}, "kind": {"general"},
		"visibility": {"public"}, "license": {"cc-by-4.0"}, "notebook": {w.NB.ID}, "action": {"save"}})
	mustContain(t, r, "proposée aux responsables du carnet")
	mustNotContain(t, e.client().get(nbPage), "Ressource de Bob")
	list, err := e.Svc.NotebookProposals(ctx, e.viewer(w.Alice.ID), w.NB.ID)
	if err != nil || len(list) != 1 || list[0].NoteTitle != "Ressource de Bob" {
		t.Fatalf("proposals: %v %v", list, err)
	}
	// A notebook the writer may not see is ignored, like an absent one.
	priv, err := e.Svc.CreateNotebook(ctx, e.viewer(w.Alice.ID), maillage.NotebookInput{Title: "Carnet secret", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	// (Only the language links repeat the address as it was asked for.)
	mustNotContain(t, bob.get("/notes/new?notebook="+priv.ID), "Carnet secret", `name="notebook"`, "notebook="+priv.ID+"&amp;template")
}

// TestSeparateMessagesAndCommunityRecipients: picks sent "separately"
// make one conversation per person; a manager writes to the members of
// their community, others may not.
func TestSeparateMessagesAndCommunityRecipients(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	alice, bob := e.signedIn("alice@example.org"), e.signedIn("bob@example.org")
	r := alice.get("/messages/new?to=" + w.Bob.ID + "&to=" + w.Carol.ID)
	mustContain(t, r, `name="mode" value="separate"`, "Séparément\u202f: 2 messages")
	r = alice.post("/messages", url.Values{"to": {w.Bob.ID, w.Carol.ID}, "mode": {"separate"}, "message_body": {"Bonjour, chacun·e à part."}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "une conversation par personne")
	for _, u := range []*maillage.User{w.Bob, w.Carol} {
		list, _, err := e.Svc.Conversations(ctx, e.viewer(u.ID), service.ConversationFilter{Page: service.Page{Limit: 10}})
		if err != nil || len(list) != 1 || len(list[0].Participants) != 2 {
			t.Fatalf("%s's conversations: %+v %v", u.Name, list, err)
		}
	}
	// An empty message sends nothing and keeps the recipients.
	r = alice.post("/messages", url.Values{"to": {w.Bob.ID, w.Carol.ID}, "mode": {"separate"}, "message_body": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Bob Lavoie", "Carol Roy")

	// Alice manages the public community: its members become recipients.
	r = alice.get("/communities/" + w.Public.ID)
	mustContain(t, r, `href="/messages/new?community=`+w.Public.ID+`"`)
	r = alice.get("/messages/new?community=" + w.Public.ID)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Écrivez aux membres de la communauté")
	if r := bob.get("/messages/new?community=" + w.Public.ID); r.Status != http.StatusForbidden {
		t.Fatalf("a member writes to all members: %d", r.Status)
	}
	if r := e.signedIn("carol@example.org").get("/messages/new?community=" + w.Secret.ID); r.Status != http.StatusNotFound {
		t.Fatalf("a hidden community: %d", r.Status)
	}
}
