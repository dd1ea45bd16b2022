package api

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// notebookNotes returns the IDs of the notes a notebook answer lists.
func notebookNotes(t *testing.T, w *httptest.ResponseRecorder) map[string]bool {
	t.Helper()
	return ids(decodeBody(t, w), "notes")
}

func TestNotebooksAPI(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice := e.viewer("alice")
	// Create through the API: 201 with the contract's fields.
	w := e.call("POST", "/api/v1/notebooks", "alice",
		`{"title":"Rencontre du 12 mars","description":"Les **traces**","visibility":"public","community_id":"`+e.priv.ID+`"}`)
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body.String())
	}
	nb := decodeBody(t, w)
	id, _ := nb["id"].(string)
	if id == "" || nb["title"] != "Rencontre du 12 mars" || nb["visibility"] != "public" || nb["community_id"] != e.priv.ID ||
		nb["role"] != "manager" || w.Header().Get("Location") != "/api/v1/notebooks/"+id {
		t.Fatalf("created: %s", w.Body.String())
	}
	mk := func(title, vis, community string) *maillage.Note {
		n, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: title, Body: "Corps", Visibility: vis, CommunityID: community})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	minute := mk("Compte rendu détaillé", "private", "")
	summary := mk("Synthèse", "community", e.priv.ID)
	resource := mk("Ressources", "public", "")
	base := "/api/v1/notebooks/" + id
	var categoryID string
	runScenarios(t, e, []scenario{
		{Name: "add private minute", Method: "POST", URL: base + "/notes", As: "alice", Body: `{"note_id":"` + minute.ID + `"}`,
			Status: 201, Contains: []string{`"id":"` + minute.ID + `"`, `"category":null`, `"pinned":false`}},
		{Name: "add summary in a new category", Method: "POST", URL: base + "/notes", As: "alice",
			Body: `{"note_id":"` + summary.ID + `","category":"Synthèses"}`, Status: 201, Contains: []string{`"category":"Synthèses"`}},
		{Name: "add resource", Method: "POST", URL: base + "/notes", As: "alice", Body: `{"note_id":"` + resource.ID + `"}`, Status: 201},
		{Name: "add again changes the category", Method: "POST", URL: base + "/notes", As: "alice",
			Body: `{"note_id":"` + resource.ID + `","category":"Ressources"}`, Status: 200, Contains: []string{`"category":"Ressources"`}},
		{Name: "add unknown note", Method: "POST", URL: base + "/notes", As: "alice", Body: `{"note_id":"` + absentID + `"}`,
			Status: 404, ErrCode: "not_found"},
		{Name: "add without note", Method: "POST", URL: base + "/notes", As: "alice", Body: `{}`, Status: 400, ErrField: "note_id"},
		{Name: "add long category", Method: "POST", URL: base + "/notes", As: "alice",
			Body: `{"note_id":"` + resource.ID + `","category":"` + strings.Repeat("c", 81) + `"}`, Status: 400, ErrField: "category"},
		{Name: "add by outsider", Method: "POST", URL: base + "/notes", As: "carol", Body: `{"note_id":"` + resource.ID + `"}`,
			Status: 403, ErrCode: "forbidden"},
		{Name: "add anonymous", Method: "POST", URL: base + "/notes", Body: `{"note_id":"` + resource.ID + `"}`, Status: 401},

		// Each viewer sees their share of the meeting notebook, counts included.
		{Name: "get as author", Method: "GET", URL: base, As: "alice", Status: 200,
			Contains: []string{`"note_count":3`, `"notes_total":3`, `"name":"Synthèses"`, `"guide":""`},
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if n := notebookNotes(t, w); len(n) != 3 {
					t.Errorf("alice sees %v", n)
				}
				var body struct {
					Categories []categoryJSON `json:"categories"`
				}
				json.Unmarshal(w.Body.Bytes(), &body)
				for _, c := range body.Categories {
					if c.Name == "Ressources" {
						categoryID = c.ID
					}
				}
			}},
		{Name: "get as community member", Method: "GET", URL: base, As: "bob", Status: 200,
			Contains: []string{`"note_count":2`, `"notes_total":2`, `"role":null`}, NotContains: []string{minute.ID, `"guide"`},
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if n := notebookNotes(t, w); len(n) != 2 || !n[summary.ID] || !n[resource.ID] {
					t.Errorf("bob sees %v", n)
				}
			}},
		{Name: "get as outsider", Method: "GET", URL: base, As: "carol", Status: 200,
			Contains: []string{`"note_count":1`, `"notes_total":1`}, NotContains: []string{minute.ID, summary.ID, "Compte rendu", "Synthèse\""}},
		{Name: "get anonymous", Method: "GET", URL: base, Status: 200,
			Contains:    []string{`"notes_total":1`, `"id":"` + resource.ID + `"`, `"feed_url":"/notebooks/` + id + `/feed.atom"`},
			NotContains: []string{minute.ID, summary.ID}},
		{Name: "get filtered by text", Method: "GET", URL: base + "?q=COMPTE", As: "alice", Status: 200, Contains: []string{`"notes_total":1`}},
		{Name: "get filtered anonymously", Method: "GET", URL: base + "?q=compte", Status: 200, Contains: []string{`"notes_total":0`}},
		{Name: "get bad sort", Method: "GET", URL: base + "?sort=random", Status: 400, ErrField: "sort"},
		{Name: "get unknown", Method: "GET", URL: "/api/v1/notebooks/" + absentID, Status: 404, ErrCode: "not_found"},
		{Name: "list anonymous", Method: "GET", URL: "/api/v1/notebooks", Status: 200, Contains: []string{`"total":1`, `"note_count":1`}},
		{Name: "list mine anonymous", Method: "GET", URL: "/api/v1/notebooks?member=me", Status: 401},

		// Roles: carol is invited to contribute and accepts; she still may not edit.
		{Name: "invite contributor", Method: "POST", URL: base + "/members", As: "alice",
			Body: `{"user_id":"` + e.users["carol"].ID + `","role":"contributor"}`, Status: 202,
			Contains: []string{`"invitation":{`, `"kind":"notebook"`, `"role":"contributor"`, `"status":"pending"`}},
		{Name: "invitee is not a member", Method: "GET", URL: base + "/members", Status: 200, Contains: []string{`"total":1`},
			NotContains: []string{e.users["carol"].ID}},
		{Name: "invitations sent", Method: "GET", URL: base + "/invitations", As: "alice", Status: 200,
			Contains: []string{`"user_id":"` + e.users["carol"].ID + `"`}},
		{Name: "invitations by a stranger", Method: "GET", URL: base + "/invitations", As: "carol", Status: 403},
		{Name: "carol accepts", Method: "POST", URL: base + "/invitation/accept", As: "carol", Status: 200,
			Contains: []string{`"status":"accepted"`}},
		{Name: "add member by contributor", Method: "POST", URL: base + "/members", As: "carol",
			Body: `{"user_id":"` + e.users["bob"].ID + `"}`, Status: 403},
		{Name: "add member bad role", Method: "POST", URL: base + "/members", As: "alice",
			Body: `{"user_id":"` + e.users["bob"].ID + `","role":"owner"}`, Status: 400, ErrField: "role"},
		{Name: "members", Method: "GET", URL: base + "/members", Status: 200, Contains: []string{`"total":2`, `"role":"contributor"`}},
		{Name: "patch by contributor", Method: "PATCH", URL: base, As: "carol", Body: `{"title":"x"}`, Status: 403, ErrCode: "forbidden"},
		{Name: "contributor adds an invisible note", Method: "POST", URL: base + "/notes", As: "carol",
			Body: `{"note_id":"` + minute.ID + `"}`, Status: 404},
		{Name: "contributor removes a manager's note", Method: "DELETE", URL: base + "/notes/" + resource.ID, As: "carol", Status: 403},
		{Name: "last manager leaves", Method: "DELETE", URL: base + "/members/" + e.users["alice"].ID, As: "alice", Status: 409},

		// Edits, pins, order and bad input.
		{Name: "patch", Method: "PATCH", URL: base, As: "alice", Body: `{"guide":"Écrivez court.","version":1}`, Status: 200,
			Contains: []string{`"guide":"Écrivez court."`, `"version":2`, `"title":"Rencontre du 12 mars"`}},
		{Name: "patch stale", Method: "PATCH", URL: base, As: "alice", Body: `{"description":"x","version":1}`, Status: 409, ErrCode: "conflict"},
		{Name: "patch long title", Method: "PATCH", URL: base, As: "alice",
			Body: `{"title":"` + strings.Repeat("t", 201) + `"}`, Status: 400, ErrField: "title"},
		{Name: "patch bad visibility", Method: "PATCH", URL: base, As: "alice", Body: `{"visibility":"secret"}`, Status: 400, ErrField: "visibility"},
		{Name: "pin", Method: "PATCH", URL: base + "/notes/" + resource.ID, As: "alice", Body: `{"pinned":true}`, Status: 200,
			Contains: []string{`"pinned":true`}},
		{Name: "move bad", Method: "PATCH", URL: base + "/notes/" + resource.ID, As: "alice", Body: `{"move":"sideways"}`, Status: 400, ErrField: "move"},
		{Name: "pin by contributor", Method: "PATCH", URL: base + "/notes/" + resource.ID, As: "carol", Body: `{"pinned":false}`, Status: 403},
		{Name: "remove", Method: "DELETE", URL: base + "/notes/" + summary.ID, As: "alice", Status: 204},
		{Name: "remove again", Method: "DELETE", URL: base + "/notes/" + summary.ID, As: "alice", Status: 404},

		// Creation: bad input and duplicates.
		{Name: "create anonymous", Method: "POST", URL: "/api/v1/notebooks", Body: `{"title":"x","visibility":"public"}`, Status: 401},
		{Name: "create no title", Method: "POST", URL: "/api/v1/notebooks", As: "carol", Body: `{"visibility":"public"}`, Status: 400, ErrField: "title"},
		{Name: "create unknown field", Method: "POST", URL: "/api/v1/notebooks", As: "carol", Body: `{"title":"x","visibility":"public","x":1}`,
			Status: 400, ErrField: "x"},
		{Name: "create community without membership", Method: "POST", URL: "/api/v1/notebooks", As: "carol",
			Body: `{"title":"x","visibility":"community","community_id":"` + e.priv.ID + `"}`, Status: 400, ErrField: "community_id"},
		{Name: "create duplicate", Method: "POST", URL: "/api/v1/notebooks", As: "alice",
			Body: `{"title":"rencontre du 12 MARS","visibility":"private"}`, Status: 201, Contains: []string{`"id":"` + id + `"`}},
	})
	runScenarios(t, e, []scenario{
		{Name: "category rename", Method: "PATCH", URL: base + "/categories/" + categoryID, As: "alice", Body: `{"name":"Lectures","move":"up"}`,
			Status: 200, Contains: []string{`"name":"Lectures"`, `"position":1`}},
		{Name: "category duplicate", Method: "POST", URL: base + "/categories", As: "alice", Body: `{"name":"lectures"}`, Status: 409,
			ErrField: "name"},
		{Name: "category create", Method: "POST", URL: base + "/categories", As: "alice", Body: `{"name":"Outils"}`, Status: 201},
		{Name: "category by contributor", Method: "POST", URL: base + "/categories", As: "carol", Body: `{"name":"X"}`, Status: 403},
		{Name: "category delete", Method: "DELETE", URL: base + "/categories/" + categoryID, As: "alice", Status: 204},
		{Name: "resource without category", Method: "GET", URL: base, Status: 200, Contains: []string{`"category":null`}},
		{Name: "cover needs multipart", Method: "PUT", URL: base + "/cover", As: "alice", Body: `{}`, Status: 400},
		{Name: "delete by contributor", Method: "DELETE", URL: base, As: "carol", Status: 403},
		{Name: "delete", Method: "DELETE", URL: base, As: "alice", Status: 204},
		{Name: "gone", Method: "GET", URL: base, As: "alice", Status: 404},
	})
}

func TestKnowledgeBasesAPI(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	alice := e.viewer("alice")
	pub, err := e.svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet public", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	priv, err := e.svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	w := e.call("POST", "/api/v1/knowledge-bases", "alice", `{"title":"Héritage","visibility":"public"}`)
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body.String())
	}
	id, _ := decodeBody(t, w)["id"].(string)
	base := "/api/v1/knowledge-bases/" + id
	runScenarios(t, e, []scenario{
		{Name: "add public", Method: "POST", URL: base + "/notebooks", As: "alice", Body: `{"notebook_id":"` + pub.ID + `"}`, Status: 201},
		{Name: "add private", Method: "POST", URL: base + "/notebooks", As: "alice", Body: `{"notebook_id":"` + priv.ID + `"}`, Status: 201,
			Contains: []string{`"notebook_count":2`}},
		{Name: "add again", Method: "POST", URL: base + "/notebooks", As: "alice", Body: `{"notebook_id":"` + priv.ID + `"}`, Status: 200},
		{Name: "add by outsider", Method: "POST", URL: base + "/notebooks", As: "bob", Body: `{"notebook_id":"` + pub.ID + `"}`, Status: 403},
		{Name: "anonymous sees the public notebook only", Method: "GET", URL: base, Status: 200,
			Contains: []string{`"notebook_count":1`, pub.ID}, NotContains: []string{priv.ID, "Carnet privé"}},
		{Name: "list", Method: "GET", URL: "/api/v1/knowledge-bases", Status: 200, Contains: []string{`"total":1`, `"notebook_count":1`}},
		{Name: "move", Method: "PATCH", URL: base + "/notebooks/" + priv.ID, As: "alice", Body: `{"move":"up"}`, Status: 200},
		{Name: "order", Method: "GET", URL: base, As: "alice", Status: 200, Check: func(t *testing.T, w *httptest.ResponseRecorder) {
			if i, j := strings.Index(w.Body.String(), priv.ID), strings.Index(w.Body.String(), pub.ID); i < 0 || j < 0 || i > j {
				t.Errorf("order after move: %s", w.Body.String())
			}
		}},
		{Name: "patch stale", Method: "PATCH", URL: base, As: "alice", Body: `{"title":"x","version":7}`, Status: 409},
		{Name: "patch by outsider", Method: "PATCH", URL: base, As: "bob", Body: `{"title":"x"}`, Status: 403},
		{Name: "remove", Method: "DELETE", URL: base + "/notebooks/" + priv.ID, As: "alice", Status: 204},
		{Name: "members", Method: "GET", URL: base + "/members", Status: 200, Contains: []string{`"role":"manager"`}},
		{Name: "delete", Method: "DELETE", URL: base, As: "alice", Status: 204},
		{Name: "gone", Method: "GET", URL: base, Status: 404},
	})
}

// TestNotebookRoutesAnswer calls every notebook and knowledge base route
// of the table on fresh resources, as their manager, and expects the
// status the table documents (202 where a role takes consent). Dave has
// an unanswered invitation to each notebook and knowledge base: the
// routes of invitations act on it, as dave when he answers.
func TestNotebookRoutesAnswer(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, rt := range e.srv.routes() {
		if rt.Group != "notebooks" && rt.Group != "knowledge-bases" {
			continue
		}
		n++
		t.Run(rt.Op, func(t *testing.T) {
			alice := e.viewer("alice")
			nb, err := e.svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet " + rt.Op, Visibility: "public"})
			if err != nil {
				t.Fatal(err)
			}
			note, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Note " + rt.Op, Body: "x", Visibility: "public"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.AddNoteToNotebook(ctx, alice, nb.ID, note.ID, "Catégorie"); err != nil {
				t.Fatal(err)
			}
			testutil.AddNotebookMember(t, e.svc, alice, nb.ID, e.users["bob"].ID, maillage.NotebookContributor)
			full, err := e.svc.Notebook(ctx, alice, nb.ID)
			if err != nil {
				t.Fatal(err)
			}
			other, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Autre " + rt.Op, Body: "x", Visibility: "public"})
			if err != nil {
				t.Fatal(err)
			}
			kb, err := e.svc.CreateKnowledgeBase(ctx, alice, maillage.NotebookInput{Title: "Base " + rt.Op, Visibility: "public"})
			if err != nil {
				t.Fatal(err)
			}
			testutil.AddKnowledgeBaseMember(t, e.svc, alice, kb.ID, e.users["bob"].ID, maillage.NotebookContributor)
			dave := e.users["dave"].ID
			if _, err := e.svc.InvitePerson(ctx, alice, maillage.InviteNotebook, nb.ID, dave, ""); err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.InvitePerson(ctx, alice, maillage.InviteKnowledgeBase, kb.ID, dave, "manager"); err != nil {
				t.Fatal(err)
			}
			id, userID, who := nb.ID, e.users["bob"].ID, "alice"
			if strings.Contains(rt.Path, "/invitation") {
				userID = dave
			}
			if strings.Contains(rt.Path, "/invitation/") {
				who = "dave"
			}
			if rt.Group == "knowledge-bases" {
				id = kb.ID
				if rt.Op != "addKnowledgeBaseNotebook" {
					if _, err := e.svc.AddNotebookToKnowledgeBase(ctx, alice, kb.ID, nb.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
			proposalID := ""
			if strings.Contains(rt.Path, "{proposal_id}") {
				p, err := e.svc.ProposeNote(ctx, e.viewer("carol"), nb.ID, maillage.ProposalInput{NoteID: other.ID})
				if err != nil {
					t.Fatal(err)
				}
				proposalID = p.ID
			}
			path := strings.NewReplacer("{id}", id, "{note_id}", note.ID, "{category_id}", full.Categories[0].ID,
				"{user_id}", userID, "{notebook_id}", nb.ID, "{proposal_id}", proposalID).Replace(rt.Path)
			body := map[string]string{
				"createNotebook":            `{"title":"Nouveau carnet","visibility":"public"}`,
				"updateNotebook":            `{"description":"Mise à jour"}`,
				"addNotebookNote":           `{"note_id":"` + other.ID + `"}`,
				"updateNotebookNote":        `{"pinned":true}`,
				"createNotebookCategory":    `{"name":"Nouvelle"}`,
				"updateNotebookCategory":    `{"name":"Renommée"}`,
				"addNotebookMember":         `{"user_id":"` + e.users["carol"].ID + `"}`,
				"createKnowledgeBase":       `{"title":"Nouvelle base","visibility":"public"}`,
				"updateKnowledgeBase":       `{"description":"Mise à jour"}`,
				"addKnowledgeBaseNotebook":  `{"notebook_id":"` + nb.ID + `"}`,
				"moveKnowledgeBaseNotebook": `{"move":"up"}`,
				"addKnowledgeBaseMember":    `{"user_id":"` + e.users["carol"].ID + `"}`,
				"proposeNotebookNote":       `{"note_id":"` + other.ID + `","message":"Pour ce carnet"}`,
			}[rt.Op]
			var w *httptest.ResponseRecorder
			if rt.Op == "putNotebookCover" {
				var buf bytes.Buffer
				mw := multipart.NewWriter(&buf)
				fw, _ := mw.CreateFormFile("file", "c.png")
				fw.Write(img.Bytes())
				mw.Close()
				w = e.call(rt.Method, path, "alice", buf.String(), "Content-Type", mw.FormDataContentType())
			} else {
				w = e.call(rt.Method, path, who, body)
			}
			if w.Code != rt.Status && !(rt.Invites && w.Code == http.StatusAccepted) {
				t.Errorf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
		})
	}
	if n < 25 {
		t.Errorf("only %d notebook routes", n)
	}
}
