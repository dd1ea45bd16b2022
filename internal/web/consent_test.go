package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// Finding 1 through the pages: naming Bob in the note form invites him;
// he sees the invitation (and the private note's title, nothing more),
// and answers it with plain forms. Alice cannot leave a note to someone
// who did not write it.
func TestCoAuthorInvitationPages(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	alice, bob, carol := e.client(), e.client(), e.client()
	alice.signIn("alice@example.org", testPassword)
	bob.signIn("bob@example.org", testPassword)
	carol.signIn("carol@example.org", testPassword)

	r := alice.post("/notes", url.Values{"title": {"Budget secret"}, "body": {"Chiffres confidentiels."}, "visibility": {"private"},
		"kind": {"general"}, "license": {"cc-by-4.0"}, "add_authors": {e.URL + "/people/" + w.Bob.ID}})
	wantStatus(t, r, http.StatusOK)
	id := strings.TrimPrefix(r.URL.Path, "/notes/")
	mustContain(t, r, "Les personnes que vous avez nommées sont invitées à la cosigner.", "Invitations envoyées", "Bob Lavoie",
		`action="/notes/`+id+`/invitations/`+w.Bob.ID+`/withdraw"`)
	mustNotContain(t, r, `/authors/`+w.Bob.ID+`/remove`)
	r = alice.get("/notes/" + id + "/edit")
	mustContain(t, r, "Invitées, en attente de réponse :", "Bob Lavoie", "Chaque personne reçoit une invitation")
	mustNotContain(t, r, `name="author_ids" value="`+w.Bob.ID+`"`)

	// The invitee sees the title and the answer buttons; not the note.
	r = bob.get("/notes/" + id)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Budget secret", "Vous êtes invité·e à cosigner cette note", "Alice Côté",
		`action="/notes/`+id+`/invitation/accept"`, `action="/notes/`+id+`/invitation/decline"`)
	mustNotContain(t, r, "Chiffres confidentiels")
	wantStatus(t, bob.get("/notes/"+id+"/edit"), http.StatusNotFound)
	wantStatus(t, carol.get("/notes/"+id), http.StatusNotFound)
	r = bob.get("/notes/" + id + "?lang=en")
	mustContain(t, r, "You are invited to co-author this note", "Accept the invitation")
	bob.get("/?lang=fr-CA")
	for _, page := range []string{"/", "/notifications", "/invitations"} {
		r = bob.get(page)
		mustContain(t, r, "Invitations en attente de votre réponse", "Budget secret")
	}
	mustNotContain(t, carol.get("/"), "Budget secret")

	// Declining from the home page comes back there; the note is gone.
	r = bob.post("/notes/"+id+"/invitation/decline", url.Values{"next": {"/"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/" {
		t.Errorf("after declining at %s", r.URL.Path)
	}
	mustContain(t, r, "Vous avez décliné l’invitation.")
	mustNotContain(t, r, "Budget secret")
	wantStatus(t, bob.get("/notes/"+id), http.StatusNotFound)
	wantStatus(t, bob.post("/notes/"+id+"/invitation/accept", nil), http.StatusNotFound)

	// Asked again, Bob accepts and then reads and signs the note.
	r = alice.post("/notes/"+id+"/edit", url.Values{"title": {"Budget secret"}, "body": {"Chiffres confidentiels."}, "visibility": {"private"},
		"kind": {"general"}, "license": {"cc-by-4.0"}, "version": {"1"}, "add_authors": {w.Bob.ID}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Les personnes que vous avez nommées sont invitées à cosigner la note.")
	r = bob.post("/notes/"+id+"/invitation/accept", nil)
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/notes/"+id {
		t.Errorf("after accepting at %s", r.URL.Path)
	}
	mustContain(t, r, "Invitation acceptée", "Chiffres confidentiels", "Bob Lavoie")

	// Alice may not leave Bob alone on what she wrote.
	r = alice.post("/notes/"+id+"/authors/"+w.Alice.ID+"/remove", nil)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Une note garde au moins un·e auteur·rice qui l’a écrite.")
}

// Finding 2 through the pages: managers of a notebook and of a knowledge
// base invite; invitees are listed apart, with a Withdraw button, and
// answer on the item's page.
func TestRoleInvitationPages(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	nb, err := e.Svc.CreateNotebook(ctx, e.viewer(w.Alice.ID), maillage.NotebookInput{Title: "Carnet du comité", Visibility: "private",
		Description: "Description réservée."})
	if err != nil {
		t.Fatal(err)
	}
	kb, err := e.Svc.CreateKnowledgeBase(ctx, e.viewer(w.Alice.ID), maillage.NotebookInput{Title: "Base du comité", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	alice, carol := e.client(), e.client()
	alice.signIn("alice@example.org", testPassword)
	carol.signIn("carol@example.org", testPassword)

	r := alice.post("/notebooks/"+nb.ID+"/members", url.Values{"user_id": {w.Carol.ID}, "role": {"manager"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Invitation à devenir responsable envoyée", "Invitations envoyées", "Carol Roy", "En attente",
		`action="/notebooks/`+nb.ID+`/invitations/`+w.Carol.ID+`/withdraw"`)
	// Carol is no member yet: the members table lists Alice alone.
	if strings.Count(r.Body, `href="/people/`+w.Carol.ID+`"`) != 1 {
		t.Errorf("Carol is listed as a member before accepting")
	}
	r = carol.get("/notebooks/" + nb.ID)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Carnet du comité", "Vous êtes invité·e à devenir responsable de ce carnet")
	mustNotContain(t, r, "Description réservée.")
	r = carol.post("/notebooks/"+nb.ID+"/invitation/accept", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Invitation acceptée", "Description réservée.")
	r = carol.get("/notebooks/" + nb.ID + "/members")
	mustContain(t, r, "Carol Roy", "Invitations envoyées", "Aucune invitation en attente.")

	// The knowledge base: invited, then withdrawn before Carol answers.
	r = alice.post("/knowledge-bases/"+kb.ID+"/members", url.Values{"user_id": {w.Carol.ID}, "role": {"contributor"}})
	mustContain(t, r, "Invitation envoyée. La personne fera partie des membres une fois l’invitation acceptée.")
	mustContain(t, carol.get("/knowledge-bases/"+kb.ID), "Vous êtes invité·e à contribuer à cette base de connaissances")
	r = alice.post("/knowledge-bases/"+kb.ID+"/invitations/"+w.Carol.ID+"/withdraw", url.Values{"next": {"/knowledge-bases/" + kb.ID + "/members"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/knowledge-bases/"+kb.ID+"/members" {
		t.Errorf("after withdrawing at %s", r.URL.Path)
	}
	mustContain(t, r, "L’invitation est retirée.")
	wantStatus(t, carol.post("/knowledge-bases/"+kb.ID+"/invitation/accept", nil), http.StatusNotFound)
	wantStatus(t, carol.get("/knowledge-bases/"+kb.ID), http.StatusNotFound)

	// Withdrawing is for the item's managers.
	if _, err := e.Svc.AddKnowledgeBaseMember(ctx, e.viewer(w.Alice.ID), kb.ID, w.Bob.ID, maillage.NotebookContributor); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, carol.post("/knowledge-bases/"+kb.ID+"/invitations/"+w.Bob.ID+"/withdraw", nil), http.StatusNotFound)
}

// The community members page lists invitations apart, with Withdraw.
func TestCommunityMembersPageListsInvitations(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	alice, carol := e.client(), e.client()
	alice.signIn("alice@example.org", testPassword)
	carol.signIn("carol@example.org", testPassword)
	r := alice.post("/communities/"+w.Secret.ID+"/members", url.Values{"user_id": {w.Carol.ID}, "role": {"member"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Invitation envoyée", "Invitations envoyées", "Carol Roy",
		`action="/communities/`+w.Secret.ID+`/invitations/`+w.Carol.ID+`/withdraw"`)
	// The unlisted community shows itself to Carol as her invitation only.
	r = carol.get("/communities/" + w.Secret.ID)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Comité confidentiel", "Vous êtes invité·e à rejoindre cette communauté")
	r = alice.post("/communities/"+w.Secret.ID+"/invitations/"+w.Carol.ID+"/withdraw",
		url.Values{"next": {"/communities/" + w.Secret.ID + "/members"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/communities/"+w.Secret.ID+"/members" {
		t.Errorf("after withdrawing at %s", r.URL.Path)
	}
	mustContain(t, r, "L’invitation est retirée.")
	wantStatus(t, carol.get("/communities/"+w.Secret.ID), http.StatusNotFound)
	wantStatus(t, carol.post("/communities/"+w.Secret.ID+"/invitation/accept", nil), http.StatusNotFound)
}
