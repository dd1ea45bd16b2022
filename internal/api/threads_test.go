package api

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// idOf reads the "id" of an answer into dst.
func idOf(dst *string) func(t *testing.T, w *httptest.ResponseRecorder) {
	return func(t *testing.T, w *httptest.ResponseRecorder) {
		t.Helper()
		*dst, _ = decodeBody(t, w)["id"].(string)
		if *dst == "" {
			t.Fatalf("no id: %s", w.Body.String())
		}
	}
}

func TestThreadsAPI(t *testing.T) {
	e := newEnv(t)
	pub, priv, secret := e.pub, e.priv, e.secret
	var thread, secretThread string
	runScenarios(t, e, []scenario{
		{Name: "create", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads", As: "alice",
			Body:   `{"title":"Recettes d’hiver","body":"Qui a une **soupe** à partager ? Voir <https://exemple.org/soupe>"}`,
			Status: 201, Contains: []string{`"title":"Recettes d’hiver"`, `<strong>soupe</strong>`, `"pinned":false`, `"edited_at":null`},
			Check: idOf(&thread)},
		{Name: "create anonymous", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads",
			Body: `{"title":"x","body":"y"}`, Status: 401},
		{Name: "create as a reader who is not a member", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads", As: "carol",
			Body: `{"title":"x","body":"y"}`, Status: 403, ErrCode: "forbidden"},
		{Name: "create in an invisible community", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/threads", As: "carol",
			Body: `{"title":"x","body":"y"}`, Status: 404, ErrCode: "not_found"},
		{Name: "create empty", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads", As: "alice",
			Body: `{"title":"","body":" "}`, Status: 400, ErrField: "title"},
		{Name: "create huge", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads", As: "alice",
			Body: `{"title":"x","body":"` + strings.Repeat("a", 50001) + `"}`, Status: 400, ErrField: "body"},
		{Name: "create unknown field", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads", As: "alice",
			Body: `{"title":"x","body":"y","pinned":true}`, Status: 400},
		{Name: "create secret", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/threads", As: "bob",
			Body: `{"title":"Ordre du jour","body":"Confidentiel"}`, Status: 201, Check: idOf(&secretThread)},
	})
	runScenarios(t, e, []scenario{
		{Name: "duplicate submission", Method: "POST", URL: "/api/v1/communities/" + pub.ID + "/threads", As: "alice",
			Body:   `{"title":"Recettes d’hiver","body":"Qui a une **soupe** à partager ? Voir <https://exemple.org/soupe>"}`,
			Status: 201, Contains: []string{`"id":"` + thread + `"`}},
		{Name: "list anonymous", Method: "GET", URL: "/api/v1/communities/" + pub.ID + "/threads", Status: 200,
			Contains: []string{`"total":1`, `"reply_count":0`, `"id":"` + thread + `"`}},
		{Name: "list private from outside", Method: "GET", URL: "/api/v1/communities/" + priv.ID + "/threads", As: "carol", Status: 403},
		{Name: "list invisible", Method: "GET", URL: "/api/v1/communities/" + secret.ID + "/threads", As: "carol", Status: 404},
		{Name: "get secret as outsider", Method: "GET", URL: "/api/v1/threads/" + secretThread, As: "carol", Status: 404, ErrCode: "not_found"},
		{Name: "get absent", Method: "GET", URL: "/api/v1/threads/" + absentID, As: "carol", Status: 404, ErrCode: "not_found"},
		{Name: "get secret as member", Method: "GET", URL: "/api/v1/threads/" + secretThread, As: "bob", Status: 200,
			Contains: []string{`"title":"Ordre du jour"`}},
		{Name: "reply", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "alice",
			Body: `{"body":"Une soupe aux pois !"}`, Status: 201, Contains: []string{`"thread_id":"` + thread + `"`, `"deleted":false`}},
		{Name: "reply by a reader who is not a member", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "carol",
			Body: `{"body":"Moi aussi"}`, Status: 403},
		{Name: "reply to an invisible thread", Method: "POST", URL: "/api/v1/threads/" + secretThread + "/replies", As: "carol",
			Body: `{"body":"Moi aussi"}`, Status: 404},
		{Name: "reply empty", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "alice",
			Body: `{"body":""}`, Status: 400, ErrField: "body"},
		{Name: "edit by another", Method: "PATCH", URL: "/api/v1/threads/" + thread, As: "carol", Body: `{"title":"Pirate"}`, Status: 403},
		{Name: "edit", Method: "PATCH", URL: "/api/v1/threads/" + thread, As: "alice", Body: `{"title":"Recettes d’hiver 2026"}`,
			Status: 200, Contains: []string{`"title":"Recettes d’hiver 2026"`, `"version":2`}, NotContains: []string{`"edited_at":null`}},
		{Name: "edit stale", Method: "PATCH", URL: "/api/v1/threads/" + thread, As: "alice", Body: `{"title":"Autre","version":1}`,
			Status: 409},
		{Name: "react", Method: "POST", URL: "/api/v1/threads/" + thread + "/reactions", As: "alice", Body: `{"reaction":"heart"}`,
			Status: 200, Contains: []string{`"reaction":"heart"`, `"count":1`, `"mine":true`, `"emoji":"❤️"`}},
		{Name: "react unknown", Method: "POST", URL: "/api/v1/threads/" + thread + "/reactions", As: "alice", Body: `{"reaction":"fire"}`,
			Status: 400, ErrField: "reaction"},
		{Name: "react again takes back", Method: "POST", URL: "/api/v1/threads/" + thread + "/reactions", As: "alice",
			Body: `{"reaction":"heart"}`, Status: 200, Contains: []string{`"reactions":[]`}},
		{Name: "report", Method: "POST", URL: "/api/v1/threads/" + thread + "/reports", As: "carol", Body: `{"reason":"Publicité"}`,
			Status: 202},
		{Name: "reports as non-manager", Method: "GET", URL: "/api/v1/communities/" + pub.ID + "/reports", As: "carol", Status: 403},
		{Name: "reports", Method: "GET", URL: "/api/v1/communities/" + pub.ID + "/reports", As: "alice", Status: 200,
			Contains: []string{`"reason":"Publicité"`, `"reporter_name":"Carol Roy"`, `"status":"open"`}},
		{Name: "lock by a non-manager", Method: "POST", URL: "/api/v1/threads/" + secretThread + "/moderation", As: "bob",
			Body: `{"locked":true}`, Status: 403},
		{Name: "lock", Method: "POST", URL: "/api/v1/threads/" + thread + "/moderation", As: "alice",
			Body: `{"locked":true,"pinned":true}`, Status: 200, Contains: []string{`"locked":true`, `"pinned":true`}},
		{Name: "reply to locked", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "alice",
			Body: `{"body":"Encore"}`, Status: 409, ErrCode: "conflict"},
		{Name: "hide", Method: "POST", URL: "/api/v1/threads/" + thread + "/moderation", As: "alice",
			Body: `{"hidden":true}`, Status: 200, Contains: []string{`"hidden":true`}},
		{Name: "hidden thread for a visitor", Method: "GET", URL: "/api/v1/threads/" + thread, Status: 404},
		{Name: "hidden thread not listed", Method: "GET", URL: "/api/v1/communities/" + pub.ID + "/threads", Status: 200,
			Contains: []string{`"total":0`}},
		{Name: "delete by another", Method: "DELETE", URL: "/api/v1/threads/" + secretThread, As: "carol", Status: 404},
		{Name: "delete", Method: "DELETE", URL: "/api/v1/threads/" + thread, As: "alice", Status: 204},
		{Name: "deleted", Method: "GET", URL: "/api/v1/threads/" + thread, As: "alice", Status: 404},
	})
}

func TestRepliesAPI(t *testing.T) {
	e := newEnv(t)
	var thread, first, answer string
	runScenarios(t, e, []scenario{
		{Name: "thread", Method: "POST", URL: "/api/v1/communities/" + e.priv.ID + "/threads", As: "bob",
			Body: `{"title":"Budget","body":"Premier jet"}`, Status: 201, Check: idOf(&thread)},
	})
	runScenarios(t, e, []scenario{
		{Name: "reply", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "alice",
			Body: `{"body":"Merci @[Bob Gagnon](user:` + e.users["bob"].ID + `)"}`, Status: 201,
			Contains: []string{`/people/` + e.users["bob"].ID}, Check: idOf(&first)},
	})
	runScenarios(t, e, []scenario{
		{Name: "answer", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "bob",
			Body: `{"body":"Avec plaisir","parent_id":"` + first + `"}`, Status: 201, Contains: []string{`"parent_id":"` + first + `"`},
			Check: idOf(&answer)},
		{Name: "unknown parent", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "bob",
			Body: `{"body":"x","parent_id":"` + absentID + `"}`, Status: 400, ErrField: "parent_id"},
	})
	runScenarios(t, e, []scenario{
		{Name: "answer to an answer joins the parent", Method: "POST", URL: "/api/v1/threads/" + thread + "/replies", As: "alice",
			Body: `{"body":"De rien","parent_id":"` + answer + `"}`, Status: 201, Contains: []string{`"parent_id":"` + first + `"`}},
		{Name: "list", Method: "GET", URL: "/api/v1/threads/" + thread + "/replies", As: "bob", Status: 200,
			Contains: []string{`"total":3`, `"limit":20`, `"offset":0`, `"items":[`}},
		{Name: "list from outside", Method: "GET", URL: "/api/v1/threads/" + thread + "/replies", As: "carol", Status: 404},
		{Name: "edit", Method: "PATCH", URL: "/api/v1/replies/" + answer, As: "bob", Body: `{"body":"Avec grand plaisir"}`,
			Status: 200, Contains: []string{`"body":"Avec grand plaisir"`}, NotContains: []string{`"edited_at":null`}},
		{Name: "edit by another member", Method: "PATCH", URL: "/api/v1/replies/" + first, As: "bob", Body: `{"body":"x"}`, Status: 403},
		{Name: "delete with answers", Method: "DELETE", URL: "/api/v1/replies/" + first, As: "alice", Status: 204},
		{Name: "tombstone", Method: "GET", URL: "/api/v1/replies/" + first, As: "bob", Status: 200,
			Contains: []string{`"deleted":true`, `"body":""`}},
		{Name: "hide by a member", Method: "POST", URL: "/api/v1/replies/" + answer + "/moderation", As: "bob",
			Body: `{"hidden":true}`, Status: 403},
		{Name: "hide", Method: "POST", URL: "/api/v1/replies/" + answer + "/moderation", As: "alice",
			Body: `{"hidden":true}`, Status: 200, Contains: []string{`"hidden":true`}},
		{Name: "react", Method: "POST", URL: "/api/v1/replies/" + answer + "/reactions", As: "alice", Body: `{"reaction":"tada"}`,
			Status: 200, Contains: []string{`"count":1`}},
		{Name: "report", Method: "POST", URL: "/api/v1/replies/" + answer + "/reports", As: "bob", Body: `{"reason":"Doublon"}`,
			Status: 202},
	})
}

func TestInvitationsAPI(t *testing.T) {
	e := newEnv(t)
	secret := e.secret
	carol := e.users["carol"].ID
	runScenarios(t, e, []scenario{
		{Name: "invite by a member", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitations", As: "bob",
			Body: `{"user_id":"` + carol + `"}`, Status: 403},
		{Name: "invite without person", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitations", As: "alice",
			Body: `{"user_id":""}`, Status: 400, ErrField: "user_id"},
		{Name: "invite", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitations", As: "alice",
			Body: `{"user_id":"` + carol + `"}`, Status: 201, Contains: []string{`"status":"pending"`, `"name":"Carol Roy"`}},
		{Name: "list", Method: "GET", URL: "/api/v1/communities/" + secret.ID + "/invitations", As: "alice", Status: 200,
			Contains: []string{`"user_id":"` + carol + `"`}},
		{Name: "mine", Method: "GET", URL: "/api/v1/invitations", As: "carol", Status: 200,
			Contains: []string{`"community_name":"Comité secret"`}},
		{Name: "still invisible", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "carol", Status: 404},
		{Name: "accept", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitation/accept", As: "carol", Status: 200,
			Contains: []string{`"status":"accepted"`}},
		{Name: "now a member", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "carol", Status: 200,
			Contains: []string{`"role":"member"`}},
		{Name: "accept twice", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitation/accept", As: "carol", Status: 404},
		// Managing takes consent too: handing over invites carol to manage.
		{Name: "transfer", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/transfer", As: "alice",
			Body: `{"user_id":"` + carol + `"}`, Status: 202, Contains: []string{`"role":"manager"`, `"status":"pending"`}},
		{Name: "carol does not manage yet", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "carol", Status: 200,
			Contains: []string{`"role":"member"`}},
		{Name: "carol accepts to manage", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/invitation/accept", As: "carol",
			Status: 200},
		{Name: "carol manages", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "carol", Status: 200,
			Contains: []string{`"role":"manager"`}},
		{Name: "alice still manages", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "alice", Status: 200,
			Contains: []string{`"role":"manager"`}},
		{Name: "transfer to a manager", Method: "POST", URL: "/api/v1/communities/" + secret.ID + "/transfer", As: "alice",
			Body: `{"user_id":"` + carol + `"}`, Status: 204},
		{Name: "alice stepped down", Method: "GET", URL: "/api/v1/communities/" + secret.ID, As: "alice", Status: 200,
			Contains: []string{`"role":"member"`}},
	})
}
