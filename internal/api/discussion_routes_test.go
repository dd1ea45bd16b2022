package api

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// discussionRouteCount is how many routes the discussion group has; a
// route added to the group without a case here makes
// TestEveryDiscussionRouteAnswers fail.
const discussionRouteCount = 19

// discussionFixture is what one discussion route is called on: a public
// community managed by alice where bob is a member, a thread of alice's
// with a reply, a note of the community alice may share, and an open
// report of bob's.
type discussionFixture struct {
	community *maillage.Community
	thread    *maillage.Thread
	reply     *maillage.Reply
	note      *maillage.Note
	reportID  string
}

func newDiscussionFixture(t *testing.T, e *env, name string) discussionFixture {
	t.Helper()
	ctx := context.Background()
	var f discussionFixture
	var err error
	f.community, err = e.svc.CreateCommunity(ctx, e.viewer("alice"), maillage.CommunityInput{Name: "Communauté " + name,
		Visibility: "public", Listed: true})
	if err != nil {
		t.Fatal(err)
	}
	alice := e.viewer("alice") // now a manager of the community
	testutil.AddMember(t, e.svc, alice, f.community.ID, e.users["bob"].ID, maillage.RoleMember)
	if f.thread, err = e.svc.CreateThread(ctx, alice, f.community.ID, maillage.ThreadInput{Title: "Fil " + name,
		Body: "De quoi parle-t-on ?"}); err != nil {
		t.Fatal(err)
	}
	if f.reply, err = e.svc.CreateReply(ctx, alice, f.thread.ID, maillage.ReplyInput{Body: "D’une réponse."}); err != nil {
		t.Fatal(err)
	}
	// Public: everyone reads the community's discussion, so a note for
	// its members alone could not be shared there.
	if f.note, err = e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Note " + name, Body: "À partager.",
		Visibility: "public", CommunityID: f.community.ID}); err != nil {
		t.Fatal(err)
	}
	bob := e.viewer("bob")
	if err := e.svc.ReportPost(ctx, bob, maillage.SubjectThread, f.thread.ID, "Hors sujet"); err != nil {
		t.Fatal(err)
	}
	reports, err := e.svc.Reports(ctx, alice, f.community.ID, maillage.ReportOpen)
	if err != nil || len(reports) != 1 {
		t.Fatalf("reports: %v %v", reports, err)
	}
	f.reportID = reports[0].ID
	return f
}

// path fills a route's path parameters with the fixture's IDs: {id} is
// the community, thread or reply, after the segment before it.
func (f discussionFixture) path(pattern string) string {
	id := f.community.ID
	switch {
	case strings.HasPrefix(pattern, "/api/v1/threads/"):
		id = f.thread.ID
	case strings.HasPrefix(pattern, "/api/v1/replies/"):
		id = f.reply.ID
	}
	return strings.NewReplacer("{id}", id, "{report_id}", f.reportID).Replace(pattern)
}

// TestEveryDiscussionRouteAnswers calls every route of the discussion
// group on fresh resources, as the community's manager (reports as a
// member), and expects the status the table documents.
func TestEveryDiscussionRouteAnswers(t *testing.T) {
	e := newEnv(t)
	bodies := map[string]string{
		"createThread":   `{"title":"Un nouveau fil","body":"Bonjour à toutes et à tous"}`,
		"updateThread":   `{"title":"Titre revu"}`,
		"moderateThread": `{"pinned":true,"locked":true}`,
		"reactToThread":  `{"reaction":"thumbs_up"}`,
		"reportThread":   `{"reason":"Propos blessants"}`,
		"createReply":    `{"body":"Une autre réponse"}`,
		"updateReply":    `{"body":"Réponse revue"}`,
		"moderateReply":  `{"hidden":true}`,
		"reactToReply":   `{"reaction":"heart"}`,
		"reportReply":    `{"reason":"Publicité"}`,
	}
	callers := map[string]string{"reportThread": "bob", "reportReply": "bob"}
	n := 0
	for _, rt := range e.srv.routes() {
		if rt.Group != "discussion" {
			continue
		}
		n++
		t.Run(rt.Op, func(t *testing.T) {
			f := newDiscussionFixture(t, e, rt.Op)
			body := bodies[rt.Op]
			if rt.Op == "shareNote" {
				body = `{"note_id":"` + f.note.ID + `"}`
			}
			who := callers[rt.Op]
			if who == "" {
				who = "alice"
			}
			path := f.path(rt.Path)
			w := e.call(rt.Method, path, who, body)
			if w.Code != rt.Status {
				t.Fatalf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
			checkDiscussionRouteEffect(t, e, rt.Op, f, w)
		})
	}
	if n < discussionRouteCount {
		t.Errorf("only %d discussion routes, want %d", n, discussionRouteCount)
	}
}

// checkDiscussionRouteEffect checks that a route that answered as
// documented did what it says, seen through the API afterwards.
func checkDiscussionRouteEffect(t *testing.T, e *env, op string, f discussionFixture, w *httptest.ResponseRecorder) {
	t.Helper()
	thread, reply := "/api/v1/threads/"+f.thread.ID, "/api/v1/replies/"+f.reply.ID
	reports := "/api/v1/communities/" + f.community.ID + "/reports"
	has := func(target, who string, want ...string) {
		t.Helper()
		g := e.call("GET", target, who, "")
		for _, s := range want {
			if !strings.Contains(g.Body.String(), s) {
				t.Errorf("%s: GET %s lacks %s: %d %s", op, target, s, g.Code, g.Body)
			}
		}
	}
	gone := func(target string) {
		t.Helper()
		if g := e.call("GET", target, "alice", ""); g.Code != 404 {
			t.Errorf("%s: GET %s answers %d after deletion", op, target, g.Code)
		}
	}
	switch op {
	case "listThreads":
		has("/api/v1/communities/"+f.community.ID+"/threads", "alice", `"total":1`, `"id":"`+f.thread.ID+`"`, `"reply_count":1`)
	case "createThread", "shareNote":
		id, _ := decodeBody(t, w)["id"].(string)
		if id == "" || id == f.thread.ID || w.Header().Get("Location") != "/api/v1/threads/"+id {
			t.Errorf("%s: %v %s", op, w.Header(), w.Body)
		}
		if op == "shareNote" && !strings.Contains(w.Body.String(), `"note_id":"`+f.note.ID+`"`) {
			t.Errorf("shared thread does not name the note: %s", w.Body)
		}
	case "getThread":
		has(thread, "alice", `"id":"`+f.thread.ID+`"`, `"html":"`)
	case "updateThread":
		has(thread, "alice", `"title":"Titre revu"`, `"version":2`)
	case "deleteThread":
		gone(thread)
		gone(reply)
	case "moderateThread":
		has(thread, "alice", `"pinned":true`, `"locked":true`)
	case "reactToThread", "reactToReply":
		if !strings.Contains(w.Body.String(), `"count":1`) || !strings.Contains(w.Body.String(), `"mine":true`) {
			t.Errorf("%s: %s", op, w.Body)
		}
	case "reportThread", "reportReply":
		has(reports, "alice", `"reason":"`+map[string]string{"reportThread": "Propos blessants", "reportReply": "Publicité"}[op]+`"`)
	case "listReplies":
		has(thread+"/replies", "alice", `"total":1`, `"id":"`+f.reply.ID+`"`)
	case "createReply":
		has(thread+"/replies", "alice", `"total":2`, `Une autre réponse`)
	case "getReply":
		has(reply, "alice", `"id":"`+f.reply.ID+`"`)
	case "updateReply":
		has(reply, "alice", `"body":"Réponse revue"`, `"version":2`)
	case "deleteReply":
		gone(reply)
	case "moderateReply":
		has(reply, "alice", `"hidden":true`)
	case "listReports":
		has(reports, "alice", `"id":"`+f.reportID+`"`, `"status":"open"`)
	case "resolveReport":
		has(reports+"?status=resolved", "alice", `"id":"`+f.reportID+`"`, `"status":"resolved"`)
	}
}
