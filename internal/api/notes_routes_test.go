package api

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// noteRouteCount is how many routes the notes group has; a route added
// to the group without a case here makes TestEveryNoteRouteAnswers fail.
const noteRouteCount = 20

// TestEveryNoteRouteAnswers calls every route of the notes group on a
// fresh note, as one of its authors, and expects the status the table
// documents. Each note has a co-author (so one may be taken off), two
// saved versions (so one may be restored) and a file; carol is invited to
// co-author it and has not answered (routes of invitations act on hers).
func TestEveryNoteRouteAnswers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	bob, carol := e.users["bob"], e.users["carol"]
	img := testPNG(t, 0)
	bodies := map[string]string{
		"createNote":          `{"title":"Une note toute neuve","body":"Voir [[Ailleurs]].","visibility":"public","tags":["économie sociale"]}`,
		"updateNote":          `{"summary":"Un résumé","tags":["cuisine"]}`,
		"createNoteComment":   `{"body":"Merci pour ce compte rendu."}`,
		"moderateNoteComment": `{"hidden":true}`,
	}
	n := 0
	for _, rt := range e.srv.routes() {
		if rt.Group != "notes" {
			continue
		}
		n++
		t.Run(rt.Op, func(t *testing.T) {
			alice := e.viewer("alice")
			note, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Note " + rt.Op, Body: "Premier jet.",
				Visibility: "public", AuthorIDs: []string{bob.ID, carol.ID}})
			if err != nil {
				t.Fatal(err)
			}
			testutil.AcceptNote(t, e.svc, note.ID, bob.ID)
			if _, err := e.svc.UpdateNote(ctx, alice, note.ID, maillage.NoteInput{Title: note.Title, Body: "Deuxième jet.",
				Visibility: "public", AuthorIDs: []string{bob.ID}, Version: note.Version}); err != nil {
				t.Fatal(err)
			}
			a, err := e.svc.UploadAttachment(ctx, alice, note.ID, "schéma.png", strings.NewReader(string(img)))
			if err != nil {
				t.Fatal(err)
			}
			who, userID := "alice", bob.ID
			if strings.Contains(rt.Path, "/invitation") {
				userID = carol.ID
			}
			if strings.Contains(rt.Path, "/invitation/") {
				who = "carol"
			}
			path := strings.NewReplacer("{id}", note.ID, "{user_id}", userID, "{n}", "1",
				"{attachment_id}", a.ID).Replace(rt.Path)
			if strings.HasPrefix(rt.Path, "/api/v1/comments/") {
				c, err := e.svc.CreateComment(ctx, e.viewer("bob"), note.ID, maillage.CommentInput{Body: "Un commentaire."})
				if err != nil {
					t.Fatal(err)
				}
				path = strings.Replace(rt.Path, "{id}", c.ID, 1)
			}
			var w *httptest.ResponseRecorder
			if rt.Op == "uploadNoteAttachment" {
				body, ct := multipartFile(t, "photo.png", img)
				w = e.call(rt.Method, path, "alice", body, "Content-Type", ct)
			} else {
				w = e.call(rt.Method, path, who, bodies[rt.Op])
			}
			if w.Code != rt.Status {
				t.Fatalf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
			checkNoteRouteEffect(t, e, rt.Op, note.ID, w)
		})
	}
	if n < noteRouteCount {
		t.Errorf("only %d note routes, want %d", n, noteRouteCount)
	}
}

// checkNoteRouteEffect checks that a route that answered as documented
// did what it says, seen through the API afterwards.
func checkNoteRouteEffect(t *testing.T, e *env, op, noteID string, w *httptest.ResponseRecorder) {
	t.Helper()
	base := "/api/v1/notes/" + noteID
	switch op {
	case "getNote", "updateNote", "restoreNoteRevision":
		m := decodeBody(t, w)
		if m["id"] != noteID {
			t.Errorf("%s answered another note: %s", op, w.Body)
		}
		want := map[string]any{"getNote": float64(2), "updateNote": float64(3), "restoreNoteRevision": float64(3)}[op]
		if m["version"] != want {
			t.Errorf("%s: version %v, want %v", op, m["version"], want)
		}
		if op == "restoreNoteRevision" && m["body"] != "Premier jet." {
			t.Errorf("restore did not bring back version 1: %s", w.Body)
		}
	case "createNote":
		id, _ := decodeBody(t, w)["id"].(string)
		if id == "" || w.Header().Get("Location") != "/api/v1/notes/"+id {
			t.Errorf("created: %v %s", w.Header(), w.Body)
		}
	case "deleteNote":
		if g := e.call("GET", base, "alice", ""); g.Code != 404 {
			t.Errorf("deleted note still answers %d", g.Code)
		}
	case "removeNoteAuthor":
		ids, _ := decodeBody(t, e.call("GET", base, "alice", ""))["author_ids"].([]any)
		if len(ids) != 1 || ids[0] != e.users["alice"].ID {
			t.Errorf("authors after removing bob: %v", ids)
		}
	case "listNoteRevisions":
		if m := decodeBody(t, w); m["total"] != float64(2) {
			t.Errorf("revisions: %s", w.Body)
		}
	case "getNoteRevision":
		if m := decodeBody(t, w); m["number"] != float64(1) || m["body"] != "Premier jet." {
			t.Errorf("revision 1: %s", w.Body)
		}
	case "listNoteInvitations":
		list, _ := decodeBody(t, w)["invitations"].([]any)
		if len(list) != 1 || list[0].(map[string]any)["user_id"] != e.users["carol"].ID {
			t.Errorf("invitations: %s", w.Body)
		}
	case "withdrawNoteInvitation", "declineNoteInvitation", "acceptNoteInvitation":
		ids, _ := decodeBody(t, e.call("GET", base, "alice", ""))["author_ids"].([]any)
		if want := map[string]int{"acceptNoteInvitation": 3}[op]; want == 0 && len(ids) != 2 || want != 0 && len(ids) != want {
			t.Errorf("%s: authors now %v", op, ids)
		}
		if op == "acceptNoteInvitation" && ids[2] != e.users["carol"].ID {
			t.Errorf("carol accepted and is not the last author: %v", ids)
		}
		if g := e.call("POST", base+"/invitation/accept", "carol", ""); g.Code != 404 {
			t.Errorf("%s, then accepting again: %d", op, g.Code)
		}
	case "listNoteAttachments", "uploadNoteAttachment", "deleteNoteAttachment":
		want := map[string]float64{"listNoteAttachments": 1, "uploadNoteAttachment": 2, "deleteNoteAttachment": 0}[op]
		l := e.call("GET", base+"/attachments", "alice", "")
		if m := decodeBody(t, l); m["total"] != want {
			t.Errorf("%s: attachments now %s", op, l.Body)
		}
	}
}
