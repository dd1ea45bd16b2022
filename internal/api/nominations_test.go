package api

import (
	"fmt"
	"net/http"
	"testing"
)

// TestEveryNominationRouteAnswers drives every nomination call through
// the real handler: creating, the question, answering, the results for
// the author alone (404 for anyone else), the second wave and closing,
// with bad input refused.
func TestEveryNominationRouteAnswers(t *testing.T) {
	e := newEnv(t)
	bob, carol := e.users["bob"].ID, e.users["carol"].ID
	create := func(body string) (int, map[string]any) {
		w := e.call(http.MethodPost, "/api/v1/nominations", "alice", body)
		return w.Code, decodeBody(t, w)
	}
	for _, c := range []struct {
		body string
		code int
	}{
		{`{"tag":"économie sociale","question":"Qui compte ?","respondent_ids":[],"emails":[]}`, http.StatusBadRequest},
		{`{"tag":"économie sociale","question":"Qui compte ?","emails":["pas-une-adresse"]}`, http.StatusBadRequest},
		{`{"tag":"zeta inconnue","question":"Qui compte ?","respondent_ids":["` + bob + `"]}`, http.StatusBadRequest},
		{`{"tag":"économie sociale","question":"Qui compte ?","respondent_ids":["` + bob + `","` + bob + `"]}`, http.StatusBadRequest},
	} {
		code, body := create(c.body)
		errBody, _ := body["error"].(map[string]any)
		if code != c.code || errBody["message"] == "" {
			t.Errorf("%s: %d %v, want %d with a message", c.body, code, body, c.code)
		}
	}
	if w := e.call(http.MethodPost, "/api/v1/nominations", "", `{"tag":"économie sociale","question":"Q","respondent_ids":["`+bob+`"]}`); w.Code != http.StatusUnauthorized {
		t.Fatalf("visitor: %d", w.Code)
	}
	code, body := create(`{"tag":"économie sociale","question":"Qui compte ?","respondent_ids":["` + bob + `"],"emails":["claire@example.test"]}`)
	if code != http.StatusCreated || body["id"] == "" || body["tag"] != "économie sociale" || body["asked"] != 2.0 {
		t.Fatalf("create: %d %v", code, body)
	}
	id := body["id"].(string)
	path := "/api/v1/nominations/" + id

	// The results are the author's alone.
	for _, who := range []string{"bob", "carol", "dave", ""} {
		if w := e.call(http.MethodGet, path, who, ""); w.Code != http.StatusNotFound {
			t.Errorf("results for %q: %d", who, w.Code)
		}
	}
	if w := e.call(http.MethodGet, path+"/question", "carol", ""); w.Code != http.StatusNotFound {
		t.Errorf("question for someone not asked: %d", w.Code)
	}
	w := e.call(http.MethodGet, path+"/question", "bob", "")
	q := decodeBody(t, w)
	if w.Code != http.StatusOK || q["question"] != "Qui compte ?" || q["requester_name"] != "Alice Tremblay" || q["privacy"] == "" {
		t.Fatalf("question: %d %v", w.Code, q)
	}

	answer := func(who, body string) int {
		t.Helper()
		return e.call(http.MethodPost, path+"/answers", who, body).Code
	}
	six := `{"nominees":[{"name":"A"},{"name":"B"},{"name":"C"},{"name":"D"},{"name":"E"},{"name":"F"}]}`
	for _, c := range []struct {
		who, body string
		code      int
	}{
		{"carol", `{"nominees":[{"organization_id":"` + e.org.ID + `"}]}`, http.StatusNotFound},
		{"alice", `{"nominees":[{"organization_id":"` + e.org.ID + `"}]}`, http.StatusForbidden},
		{"bob", six, http.StatusBadRequest},
		{"bob", `{"nominees":[]}`, http.StatusBadRequest},
		{"bob", `{"nominees":[{"user_id":"` + bob + `"}]}`, http.StatusBadRequest},
		{"bob", `{"nominees":[{"user_id":"` + carol + `"},{"user_id":"` + carol + `"}]}`, http.StatusBadRequest},
	} {
		if got := answer(c.who, c.body); got != c.code {
			t.Errorf("%s %s: %d, want %d", c.who, c.body, got, c.code)
		}
	}
	good := `{"nominees":[{"organization_id":"` + e.org.ID + `","reason":"Le réseau"},{"name":"Marie Lavoie"},{"user_id":"` + carol + `"}]}`
	for range 2 { // a double submission replaces, nothing doubles
		if got := answer("bob", good); got != http.StatusCreated {
			t.Fatalf("answer: %d", got)
		}
	}
	w = e.call(http.MethodGet, path, "alice", "")
	res := decodeBody(t, w)
	nominees, _ := res["nominees"].([]any)
	if w.Code != http.StatusOK || res["answers"] != 1.0 || len(nominees) != 3 {
		t.Fatalf("results: %d %v", w.Code, res)
	}
	byName := map[string]map[string]any{}
	for _, n := range nominees {
		m := n.(map[string]any)
		byName[m["name"].(string)] = m
	}
	org := byName["Coop du Quartier"]
	if org == nil || org["type"] != "organization" || org["count"] != 1.0 {
		t.Fatalf("organisation: %v", byName)
	}
	by := org["nominated_by"].([]any)[0].(map[string]any)
	if by["name"] != "Bob Gagnon" || by["reason"] != "Le réseau" {
		t.Fatalf("nominated_by: %v", by)
	}
	if m := byName["Marie Lavoie"]; m == nil || m["type"] != "actor" {
		t.Fatalf("new name: %v", byName)
	}

	// The second wave asks the member named, in a new linked request.
	if w := e.call(http.MethodPost, path+"/waves", "alice", `{"nominees":[{"type":"user","id":"`+e.users["dave"].ID+`"}]}`); w.Code != http.StatusBadRequest {
		t.Errorf("wave to someone not named: %d", w.Code)
	}
	if w := e.call(http.MethodPost, path+"/waves", "bob", `{"nominees":[{"type":"user","id":"`+carol+`"}]}`); w.Code != http.StatusNotFound {
		t.Errorf("wave by a respondent: %d", w.Code)
	}
	w = e.call(http.MethodPost, path+"/waves", "alice", `{"nominees":[{"type":"user","id":"`+carol+`"}]}`)
	wave := decodeBody(t, w)
	if w.Code != http.StatusCreated || wave["parent_id"] != id || wave["wave"] != 2.0 {
		t.Fatalf("wave: %d %v", w.Code, wave)
	}
	if w := e.call(http.MethodGet, fmt.Sprintf("/api/v1/nominations/%s/question", wave["id"]), "carol", ""); w.Code != http.StatusOK {
		t.Fatalf("the nominee asked in turn: %d", w.Code)
	}

	// Closing: the author alone; answers after it are refused (409).
	if w := e.call(http.MethodPost, path+"/close", "bob", ""); w.Code != http.StatusNotFound {
		t.Errorf("closed by a respondent: %d", w.Code)
	}
	w = e.call(http.MethodPost, path+"/close", "alice", "")
	if closed := decodeBody(t, w); w.Code != http.StatusOK || closed["closed"] != true {
		t.Fatalf("close: %d %v", w.Code, closed)
	}
	if got := answer("bob", good); got != http.StatusConflict {
		t.Fatalf("answer after closing: %d", got)
	}
}
