package api

import (
	"encoding/json"
	"strings"
	"testing"
)

// jsonOf encodes v for a request body.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fieldCodes(m map[string]any) map[string]string {
	out := map[string]string{}
	e, _ := m["error"].(map[string]any)
	fields, _ := e["fields"].([]any)
	for _, f := range fields {
		fm := f.(map[string]any)
		out[fm["field"].(string)] = fm["code"].(string)
	}
	return out
}

func TestConversations(t *testing.T) {
	e := newEnv(t)
	alice, bob, carol, dave := e.users["alice"], e.users["bob"], e.users["carol"], e.users["dave"]

	w := e.call("POST", "/api/v1/conversations", "alice", jsonOf(t, map[string]any{
		"participant_ids": []string{bob.ID, carol.ID}, "subject": "Réunion", "body": "On se voit **jeudi** ?"}))
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	c := decodeBody(t, w)
	id, _ := c["id"].(string)
	if w.Header().Get("Location") != "/api/v1/conversations/"+id || c["kind"] != "group" || c["title"] != "Réunion" {
		t.Fatalf("created: %v %s", w.Header(), w.Body)
	}
	if parts, _ := c["participants"].([]any); len(parts) != 3 {
		t.Fatalf("participants: %v", c["participants"])
	}
	msgs := c["messages"].(map[string]any)
	items := msgs["items"].([]any)
	if msgs["total"] != float64(1) || !strings.Contains(items[0].(map[string]any)["html"].(string), "<strong>jeudi</strong>") {
		t.Fatalf("first message: %v", msgs)
	}

	// Bob's list: one unread conversation with its last message.
	w = e.call("GET", "/api/v1/conversations?unread=true", "bob", "")
	l := decodeBody(t, w)
	if w.Code != 200 || l["total"] != float64(1) {
		t.Fatalf("bob's unread list: %d %s", w.Code, w.Body)
	}
	first := l["items"].([]any)[0].(map[string]any)
	if first["unread"] != float64(1) || first["last_message"].(map[string]any)["author_name"] != alice.Name {
		t.Fatalf("list item: %v", first)
	}

	// Someone else and a missing conversation answer the same 404.
	absent := e.call("GET", "/api/v1/conversations/"+absentID, "dave", "")
	for _, call := range [][2]string{
		{"GET", "/api/v1/conversations/" + id},
		{"POST", "/api/v1/conversations/" + id + "/read"},
		{"POST", "/api/v1/conversations/" + id + "/mute"},
		{"POST", "/api/v1/conversations/" + id + "/leave"},
	} {
		w := e.call(call[0], call[1], "dave", "")
		if w.Code != 404 || w.Body.String() != absent.Body.String() {
			t.Errorf("dave %s %s: %d %s", call[0], call[1], w.Code, w.Body)
		}
	}
	for _, call := range [][3]string{
		{"POST", "/api/v1/conversations/" + id + "/messages", `{"body":"Je m'invite"}`},
		{"POST", "/api/v1/conversations/" + id + "/participants", `{"participant_ids":["` + dave.ID + `"]}`},
	} {
		if w := e.call(call[0], call[1], "dave", call[2]); w.Code != 404 {
			t.Errorf("dave %s %s: %d %s", call[0], call[1], w.Code, w.Body)
		}
	}
	if w := e.call("GET", "/api/v1/conversations", "dave", ""); decodeBody(t, w)["total"] != float64(0) {
		t.Fatalf("dave's list: %s", w.Body)
	}
	if w := e.call("GET", "/api/v1/conversations/"+id, "", ""); w.Code != 401 {
		t.Fatalf("anonymous: %d", w.Code)
	}

	// Replies; the same one twice is one message.
	w = e.call("POST", "/api/v1/conversations/"+id+"/messages", "bob", `{"body":"Oui !"}`)
	m1 := decodeBody(t, w)
	if w.Code != 201 || m1["author_id"] != bob.ID {
		t.Fatalf("reply: %d %s", w.Code, w.Body)
	}
	m2 := decodeBody(t, e.call("POST", "/api/v1/conversations/"+id+"/messages", "bob", `{"body":"Oui !"}`))
	if m2["id"] != m1["id"] {
		t.Fatal("double submission made two messages")
	}
	w = e.call("GET", "/api/v1/conversations/"+id+"?limit=1", "carol", "")
	page := decodeBody(t, w)["messages"].(map[string]any)
	if page["total"] != float64(2) || page["items"].([]any)[0].(map[string]any)["body"] != "Oui !" {
		t.Fatalf("messages, newest first: %v", page)
	}

	// Read, mute, add, leave.
	for _, call := range [][3]string{
		{"/read", "", "204"}, {"/mute", "", "204"}, {"/mute", `{"muted":false}`, "204"},
	} {
		if w := e.call("POST", "/api/v1/conversations/"+id+call[0], "carol", call[1]); w.Code != 204 {
			t.Fatalf("%s: %d %s", call[0], w.Code, w.Body)
		}
	}
	if c := decodeBody(t, e.call("GET", "/api/v1/conversations/"+id, "carol", "")); c["unread"] != float64(0) || c["muted"] != false {
		t.Fatalf("after read and unmute: %v", c)
	}
	w = e.call("POST", "/api/v1/conversations/"+id+"/participants", "carol", `{"participant_ids":["`+dave.ID+`"]}`)
	if parts, _ := decodeBody(t, w)["participants"].([]any); w.Code != 200 || len(parts) != 4 {
		t.Fatalf("add dave: %d %s", w.Code, w.Body)
	}
	if w := e.call("POST", "/api/v1/conversations/"+id+"/leave", "carol", ""); w.Code != 204 {
		t.Fatalf("leave: %d", w.Code)
	}
	if w := e.call("GET", "/api/v1/conversations/"+id, "carol", ""); w.Code != 404 {
		t.Fatalf("after leaving: %d", w.Code)
	}

	// A direct conversation is reused.
	d1 := decodeBody(t, e.call("POST", "/api/v1/conversations", "alice", `{"participant_ids":["`+dave.ID+`"],"body":"Bonjour Dave"}`))
	d2 := decodeBody(t, e.call("POST", "/api/v1/conversations", "dave", `{"participant_ids":["`+alice.ID+`"],"body":"Bonjour Alice"}`))
	if d1["id"] != d2["id"] || d1["kind"] != "direct" {
		t.Fatalf("direct conversation not reused: %v / %v", d1["id"], d2["id"])
	}
}

func TestConversationBadInputAndBlocks(t *testing.T) {
	e := newEnv(t)
	alice, bob := e.users["alice"], e.users["bob"]
	cases := []struct {
		body, field, code string
	}{
		{`{"participant_ids":["` + bob.ID + `"],"body":""}`, "body", "required"},
		{`{"participant_ids":["` + bob.ID + `"],"body":"` + strings.Repeat("a", 20001) + `"}`, "body", "too_long"},
		{`{"participant_ids":[],"body":"x"}`, "participant_ids", "no_recipient"},
		{`{"participant_ids":["` + alice.ID + `"],"body":"x"}`, "participant_ids", "only_yourself"},
		{`{"participant_ids":["` + absentID + `"],"body":"x"}`, "participant_ids", "unknown_recipient"},
		{`{"participant_ids":["` + bob.ID + `"],"body":"x","cc":[]}`, "cc", "unknown_field"},
	}
	for _, tc := range cases {
		w := e.call("POST", "/api/v1/conversations", "alice", tc.body)
		if got := fieldCodes(decodeBody(t, w))[tc.field]; w.Code != 400 || got != tc.code {
			t.Errorf("%.60s: %d %s, want %s on %s", tc.body, w.Code, w.Body, tc.code, tc.field)
		}
	}
	var many []string
	for i := 0; i < 50; i++ {
		many = append(many, absentID[:20]+strings.Repeat("z", i%6)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	w := e.call("POST", "/api/v1/conversations", "alice", jsonOf(t, map[string]any{"participant_ids": many, "body": "x"}))
	if fieldCodes(decodeBody(t, w))["participant_ids"] != "too_many" {
		t.Fatalf("too many: %d %s", w.Code, w.Body)
	}
	if w := e.call("POST", "/api/v1/conversations", "", `{"participant_ids":["`+bob.ID+`"],"body":"x"}`); w.Code != 401 {
		t.Fatalf("anonymous create: %d", w.Code)
	}

	// Bob blocks Alice: she is told, in her language, no more than needed.
	c := decodeBody(t, e.call("POST", "/api/v1/conversations", "alice", `{"participant_ids":["`+bob.ID+`"],"body":"Salut"}`))
	if w := e.call("POST", "/api/v1/me/blocks", "bob", `{"user_id":"`+alice.ID+`"}`); w.Code != 204 {
		t.Fatalf("block: %d %s", w.Code, w.Body)
	}
	blocks := decodeBody(t, e.call("GET", "/api/v1/me/blocks", "bob", ""))
	if blocks["total"] != float64(1) || blocks["items"].([]any)[0].(map[string]any)["user_id"] != alice.ID {
		t.Fatalf("bob's blocks: %v", blocks)
	}
	for _, call := range [][2]string{
		{"/api/v1/conversations", `{"participant_ids":["` + bob.ID + `"],"body":"Allô ?"}`},
		{"/api/v1/conversations/" + c["id"].(string) + "/messages", `{"body":"Allô ?"}`},
	} {
		w := e.call("POST", call[0], "alice", call[1])
		msg := decodeBody(t, w)["error"].(map[string]any)["message"]
		if w.Code != 403 || msg != "Cette personne ne reçoit pas vos messages." {
			t.Errorf("alice writes to bob who blocked her: %d %s", w.Code, w.Body)
		}
	}
	if w := e.call("POST", "/api/v1/me/blocks", "bob", `{"user_id":"`+bob.ID+`"}`); w.Code != 400 {
		t.Fatalf("block oneself: %d", w.Code)
	}
	if w := e.call("POST", "/api/v1/me/blocks", "bob", `{"user_id":"`+absentID+`"}`); w.Code != 404 {
		t.Fatalf("block someone unknown: %d", w.Code)
	}
	if w := e.call("DELETE", "/api/v1/me/blocks/"+alice.ID, "bob", ""); w.Code != 204 {
		t.Fatalf("unblock: %d", w.Code)
	}
	if w := e.call("POST", "/api/v1/conversations/"+c["id"].(string)+"/messages", "alice", `{"body":"Allô ?"}`); w.Code != 201 {
		t.Fatalf("after unblocking: %d %s", w.Code, w.Body)
	}
}

// TestEveryMessagingRouteAnswers calls each route of the messages group
// as someone allowed to, and expects the status the table documents.
func TestEveryMessagingRouteAnswers(t *testing.T) {
	e := newEnv(t)
	bob, carol := e.users["bob"], e.users["carol"]
	bodies := map[string]string{
		"createConversation":          `{"participant_ids":["` + bob.ID + `"],"body":"Bonjour"}`,
		"postConversationMessage":     `{"body":"Une réponse"}`,
		"muteConversation":            `{"muted":true}`,
		"addConversationParticipants": `{"participant_ids":["` + carol.ID + `"]}`,
		"createBlock":                 `{"user_id":"` + carol.ID + `"}`,
	}
	n := 0
	for _, rt := range e.srv.routes() {
		if rt.Group != "messages" {
			continue
		}
		n++
		t.Run(rt.Op, func(t *testing.T) {
			c := decodeBody(t, e.call("POST", "/api/v1/conversations", "alice",
				`{"participant_ids":["`+e.users["dave"].ID+`"],"subject":"`+rt.Op+`","body":"Pour `+rt.Op+`"}`))
			path := strings.NewReplacer("{id}", c["id"].(string), "{user_id}", carol.ID).Replace(rt.Path)
			if w := e.call(rt.Method, path, "alice", bodies[rt.Op]); w.Code != rt.Status {
				t.Errorf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
		})
	}
	if n != 11 {
		t.Errorf("%d messaging routes", n)
	}
}
