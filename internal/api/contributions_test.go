package api

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestCommentsAndProposalsAPI: comments have the note's visibility (404
// for whoever may not see the note, like an absent one); anyone who may
// read a notebook and a note proposes it, only the notebook's managers
// answer, and proposals are seen by their author and the managers only.
func TestCommentsAndProposalsAPI(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice := e.viewer("alice")
	private, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Compte rendu privé", Body: "x", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	public, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Résumé public", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	mine, err := e.svc.CreateNote(ctx, e.viewer("bob"), maillage.NoteInput{Title: "Ressource de Bob", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	nb, err := e.svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet public", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	priv := "/api/v1/notes/" + private.ID + "/comments"
	pub := "/api/v1/notes/" + public.ID + "/comments"
	props := "/api/v1/notebooks/" + nb.ID + "/proposals"
	runScenarios(t, e, []scenario{
		{Name: "comment a hidden note", Method: "POST", URL: priv, As: "bob", Body: `{"body":"Bonjour"}`, Status: 404},
		{Name: "list a hidden note's comments", Method: "GET", URL: priv, As: "bob", Status: 404},
		{Name: "comment anonymously", Method: "POST", URL: pub, Body: `{"body":"Bonjour"}`, Status: 401},
		{Name: "empty comment", Method: "POST", URL: pub, As: "bob", Body: `{"body":" "}`, Status: 400},
		{Name: "comment", Method: "POST", URL: pub, As: "bob", Body: `{"body":"Très **utile**"}`, Status: 201,
			Contains: []string{`"html":"<p>Très <strong>utile</strong></p>`, `"author":{"id"`}},
		{Name: "author comments her private note", Method: "POST", URL: priv, As: "alice", Body: `{"body":"Note pour moi"}`, Status: 201},
		{Name: "visitors read public comments", Method: "GET", URL: pub, Status: 200, Contains: []string{`"total":1`, "Très **utile**"}},
		{Name: "the author reads hers", Method: "GET", URL: priv, As: "alice", Status: 200, Contains: []string{"Note pour moi"}},
		{Name: "propose a hidden note", Method: "POST", URL: props, As: "bob", Body: `{"note_id":"` + private.ID + `"}`, Status: 404},
		{Name: "propose", Method: "POST", URL: props, As: "bob", Body: `{"note_id":"` + mine.ID + `","message":"Pour vous"}`, Status: 201,
			Contains: []string{`"status":"pending"`, `"id"`}},
		{Name: "propose again", Method: "POST", URL: props, As: "carol", Body: `{"note_id":"` + mine.ID + `"}`, Status: 409},
		{Name: "the manager sees it", Method: "GET", URL: props, As: "alice", Status: 200, Contains: []string{"Pour vous", mine.ID}},
		{Name: "another reader does not", Method: "GET", URL: props, As: "carol", Status: 200, NotContains: []string{"Pour vous", mine.ID}},
		{Name: "visitors do not", Method: "GET", URL: props, Status: 200, NotContains: []string{"Pour vous", mine.ID}},
	})
	list, err := e.svc.NotebookProposals(ctx, alice, nb.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("proposals: %v %v", list, err)
	}
	answer := props + "/" + list[0].ID
	runScenarios(t, e, []scenario{
		{Name: "the proposer accepts", Method: "POST", URL: answer + "/accept", As: "bob", Status: 403},
		{Name: "a stranger declines", Method: "POST", URL: answer + "/decline", As: "carol", Status: 404},
		{Name: "the manager accepts", Method: "POST", URL: answer + "/accept", As: "alice", Status: 200, Contains: []string{`"status":"accepted"`}},
		{Name: "twice", Method: "POST", URL: answer + "/decline", As: "alice", Status: 409},
		{Name: "filed", Method: "GET", URL: "/api/v1/notebooks/" + nb.ID, Status: 200, Contains: []string{mine.ID}},
		{Name: "the proposer sees the answer", Method: "GET", URL: props, As: "bob", Status: 200, Contains: []string{`"status":"accepted"`}},
	})
}
