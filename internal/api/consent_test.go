package api

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// addAdmin gives the world a platform administrator, "root", with a token.
func (e *env) addAdmin() {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.svc.CreateUser(ctx, maillage.SignUpInput{Email: "root@example.test", Name: "Root", Password: "un mot de passe assez long"}, true)
	if err != nil {
		e.t.Fatal(err)
	}
	e.users["root"] = u
	plain, _, err := e.svc.CreateToken(ctx, e.viewer("root"), "tests")
	if err != nil {
		e.t.Fatal(err)
	}
	e.tokens["root"] = plain
}

// Finding 1 through the API: author_ids invites; the person named is
// listed nowhere until they accept, and the writer cannot leave them
// alone on a note they did not write (409).
func TestCoAuthorsConsentAPI(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.users["alice"].ID, e.users["bob"].ID
	w := e.call("POST", "/api/v1/notes", "alice", `{"title":"Tribune","body":"Ce que pense Bob.","visibility":"public","author_ids":["`+bob+`"]}`)
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	id, _ := decodeBody(t, w)["id"].(string)
	note := "/api/v1/notes/" + id
	runScenarios(t, e, []scenario{
		{Name: "not an author before consent", Method: "GET", URL: note, Status: 200,
			Contains: []string{`"author_ids":["` + alice + `"]`, `"citation":"Tremblay, A. (`}, NotContains: []string{bob, "Gagnon"}},
		{Name: "not among his notes", Method: "GET", URL: "/api/v1/notes?author=" + bob, Status: 200, Contains: []string{`"total":0`}},
		{Name: "the authors see the invitation", Method: "GET", URL: note + "/invitations", As: "alice", Status: 200,
			Contains: []string{`"user_id":"` + bob + `"`, `"role":"author"`, `"status":"pending"`}},
		{Name: "readers do not", Method: "GET", URL: note + "/invitations", As: "carol", Status: 403},
		{Name: "the writer rewrites the body", Method: "PATCH", URL: note, As: "alice", Body: `{"body":"Ce que Bob n’a jamais dit."}`,
			Status: 200},
		{Name: "and cannot leave the note to nobody", Method: "DELETE", URL: note + "/authors/" + alice, As: "alice", Status: 409,
			ErrCode: "conflict"},
		{Name: "Bob is invited", Method: "GET", URL: "/api/v1/invitations", As: "bob", Status: 200,
			Contains: []string{`"kind":"note"`, `"item_title":"Tribune"`}},
		{Name: "a stranger cannot accept for him", Method: "POST", URL: note + "/invitation/accept", As: "carol", Status: 404},
		{Name: "Bob accepts", Method: "POST", URL: note + "/invitation/accept", As: "bob", Status: 200,
			Contains: []string{`"status":"accepted"`, `"role":"author"`}},
		{Name: "accepting twice", Method: "POST", URL: note + "/invitation/accept", As: "bob", Status: 404},
		{Name: "Bob signs", Method: "GET", URL: note, Status: 200,
			Contains: []string{`"author_ids":["` + alice + `","` + bob + `"]`, `"citation":"Tremblay, A., & Gagnon, B. (`}},
		{Name: "the writer may not leave Bob alone on her words", Method: "DELETE", URL: note + "/authors/" + alice, As: "alice",
			Status: 409, ErrCode: "conflict", Contains: []string{"écrite"}},
		{Name: "Bob leaves", Method: "DELETE", URL: note + "/authors/" + bob, As: "bob", Status: 204},
		{Name: "Bob is gone", Method: "GET", URL: note, Status: 200, Contains: []string{`"author_ids":["` + alice + `"]`}},
	})
}

// Finding 2 through the API: adding another person to a community,
// notebook or knowledge base is an invitation (202) unless the caller is
// a platform administrator or the person (201).
func TestMembersConsentAPI(t *testing.T) {
	e := newEnv(t)
	e.addAdmin()
	ctx := context.Background()
	nb, err := e.svc.CreateNotebook(ctx, e.viewer("alice"), maillage.NotebookInput{Title: "Carnet secret", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	kb, err := e.svc.CreateKnowledgeBase(ctx, e.viewer("alice"), maillage.NotebookInput{Title: "Base secrète", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	secret := "/api/v1/communities/" + e.secret.ID
	carol, dave, root := e.users["carol"].ID, e.users["dave"].ID, e.users["root"].ID
	runScenarios(t, e, []scenario{
		{Name: "administrator adds directly", Method: "POST", URL: secret + "/members", As: "root",
			Body: `{"user_id":"` + carol + `","role":"member"}`, Status: 201, Contains: []string{`"role":"member"`}},
		{Name: "carol is in", Method: "GET", URL: secret, As: "carol", Status: 200, Contains: []string{`"role":"member"`}},
		{Name: "the caller adds themselves", Method: "POST", URL: secret + "/members", As: "root",
			Body: `{"user_id":"` + root + `","role":"manager"}`, Status: 201},
		{Name: "a manager invites", Method: "POST", URL: secret + "/members", As: "alice",
			Body: `{"user_id":"` + dave + `","role":"manager"}`, Status: 202,
			Contains: []string{`"invitation":{`, `"kind":"community"`, `"role":"manager"`, `"item_title":"Comité secret"`}},
		{Name: "twice is the same invitation", Method: "POST", URL: secret + "/members", As: "alice",
			Body: `{"user_id":"` + dave + `","role":"manager"}`, Status: 202},
		{Name: "the invitation shows to dave", Method: "GET", URL: "/api/v1/invitations", As: "dave", Status: 200,
			Contains: []string{`"item_id":"` + e.secret.ID + `"`}},
		{Name: "but not the community", Method: "GET", URL: secret, As: "dave", Status: 404},
		{Name: "members exclude him", Method: "GET", URL: secret + "/members", As: "alice", Status: 200, NotContains: []string{dave}},
		{Name: "withdrawn", Method: "DELETE", URL: secret + "/invitations/" + dave, As: "alice", Status: 204},
		{Name: "accepting a withdrawn invitation", Method: "POST", URL: secret + "/invitation/accept", As: "dave", Status: 404},
		{Name: "inviting oneself", Method: "POST", URL: secret + "/invitations", As: "alice",
			Body: `{"user_id":"` + e.users["alice"].ID + `"}`, Status: 400, ErrField: "user_id"},
		{Name: "inviting an unknown account", Method: "POST", URL: secret + "/members", As: "alice",
			Body: `{"user_id":"` + absentID + `"}`, Status: 404, ErrField: "user_id"},

		{Name: "notebook: invited", Method: "POST", URL: "/api/v1/notebooks/" + nb.ID + "/members", As: "alice",
			Body: `{"user_id":"` + carol + `","role":"manager"}`, Status: 202, Contains: []string{`"kind":"notebook"`}},
		{Name: "notebook: hidden from the invitee", Method: "GET", URL: "/api/v1/notebooks/" + nb.ID, As: "carol", Status: 404},
		{Name: "notebook: declined", Method: "POST", URL: "/api/v1/notebooks/" + nb.ID + "/invitation/decline", As: "carol", Status: 200,
			Contains: []string{`"status":"declined"`}},
		{Name: "notebook: still hidden", Method: "GET", URL: "/api/v1/notebooks/" + nb.ID, As: "carol", Status: 404},
		{Name: "notebook: the declined invitation", Method: "GET", URL: "/api/v1/notebooks/" + nb.ID + "/invitations", As: "alice",
			Status: 200, Contains: []string{`"status":"declined"`}},
		{Name: "knowledge base: invited", Method: "POST", URL: "/api/v1/knowledge-bases/" + kb.ID + "/members", As: "alice",
			Body: `{"user_id":"` + dave + `"}`, Status: 202, Contains: []string{`"kind":"knowledge_base"`, `"role":"contributor"`}},
		{Name: "knowledge base: members exclude him", Method: "GET", URL: "/api/v1/knowledge-bases/" + kb.ID + "/members", As: "alice",
			Status: 200, Contains: []string{`"total":1`}},
		{Name: "knowledge base: accepted", Method: "POST", URL: "/api/v1/knowledge-bases/" + kb.ID + "/invitation/accept", As: "dave",
			Status: 200},
		{Name: "knowledge base: a member now", Method: "GET", URL: "/api/v1/knowledge-bases/" + kb.ID + "/members", As: "dave",
			Status: 200, Contains: []string{`"total":2`, dave}},
	})
}

// Blocks stand between an inviter and the person, either way: refused on
// the field, saying no more than messages do.
func TestInvitationBlocksAPI(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if err := e.svc.BlockPerson(ctx, e.viewer("dave"), e.users["alice"].ID); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.BlockPerson(ctx, e.viewer("alice"), e.users["carol"].ID); err != nil {
		t.Fatal(err)
	}
	pub := "/api/v1/communities/" + e.pub.ID
	runScenarios(t, e, []scenario{
		{Name: "blocked by the person", Method: "POST", URL: pub + "/members", As: "alice",
			Body: `{"user_id":"` + e.users["dave"].ID + `"}`, Status: 403, ErrField: "user_id",
			Contains: []string{"ne reçoit pas vos invitations"}},
		{Name: "the person blocked", Method: "POST", URL: pub + "/members", As: "alice",
			Body: `{"user_id":"` + e.users["carol"].ID + `"}`, Status: 403, ErrField: "user_id", Contains: []string{"Carol Roy"}},
		// Among a note's other fields, it is one of the form's errors.
		{Name: "as co-author", Method: "POST", URL: "/api/v1/notes", As: "alice",
			Body: `{"title":"x","visibility":"public","author_ids":["` + e.users["dave"].ID + `"]}`, Status: 400, ErrField: "author_ids",
			Contains: []string{"ne reçoit pas vos invitations"}},
	})
}
