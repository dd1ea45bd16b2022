package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/store"
)

// TestEveryRecruitmentRouteAnswers calls each recruitment route as a
// manager (alice) on fresh resources and expects the documented status.
func TestEveryRecruitmentRouteAnswers(t *testing.T) {
	e := newEnv(t)
	id := e.priv.ID
	base := "/api/v1/communities/" + id
	w := e.call("POST", base+"/shortlist", "alice", `{"email":"amelie@exemple.org","name":"Amélie Roy","note":"Appelée le 3 mars"}`)
	if w.Code != http.StatusCreated {
		t.Fatalf("add: %d %s", w.Code, w.Body)
	}
	cand := decodeBody(t, w)
	cid := cand["id"].(string)
	if w.Header().Get("Location") != "/api/v1/communities/"+id+"/shortlist/"+cid {
		t.Errorf("Location %q", w.Header().Get("Location"))
	}
	steps := []struct {
		method, path, body string
		status             int
	}{
		{"GET", base + "/shortlist", "", 200},
		{"GET", base + "/shortlist?status=identified", "", 200},
		{"GET", base + "/shortlist/" + cid, "", 200},
		{"PATCH", base + "/shortlist/" + cid, `{"status":"contacted","note":"Rappelée","labels":["Recherche"]}`, 200},
		{"POST", base + "/invitations", `{"emails":["amelie@exemple.org","nouvelle@exemple.org"],"message":"Bienvenue"}`, 201},
		{"POST", base + "/invitations/remind", "", 200},
		{"POST", base + "/invitations/remind", `{"candidate_ids":["` + cid + `"]}`, 200},
		{"DELETE", base + "/shortlist/" + cid, "", 204},
	}
	for _, s := range steps {
		w := e.call(s.method, s.path, "alice", s.body)
		if w.Code != s.status {
			t.Errorf("%s %s: %d, want %d: %s", s.method, s.path, w.Code, s.status, w.Body)
		}
	}
}

// TestShortlistAPI follows the contract: the shortlist lists
// {"candidates":[{"id","name","status","source",...}]}; adding answers
// 201; bad input is a translated 400 on its field; the shortlist is 404
// to everyone but the community's managers, members included.
func TestShortlistAPI(t *testing.T) {
	e := newEnv(t)
	base := "/api/v1/communities/" + e.priv.ID + "/shortlist"
	for _, body := range []string{
		`{"user_id":"` + e.users["carol"].ID + `","status":"identified","source":"nomination","source_detail":"nommée par Bob"}`,
		`{"organization_id":"` + e.org.ID + `","status":"contacted"}`,
		`{"email":"amelie@exemple.org","name":"Amélie Roy","status":"identified","note":"Appelée le 3 mars, intéressée"}`,
	} {
		if w := e.call("POST", base, "alice", body); w.Code != http.StatusCreated {
			t.Fatalf("add %s: %d %s", body, w.Code, w.Body)
		}
	}
	w := e.call("GET", base, "alice", "")
	if w.Code != 200 {
		t.Fatalf("list: %d %s", w.Code, w.Body)
	}
	var list struct {
		Candidates []map[string]any `json:"candidates"`
		Counts     map[string]int   `json:"counts"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Candidates) != 3 || list.Counts["identified"] != 2 || list.Counts["contacted"] != 1 {
		t.Fatalf("list: %s", w.Body)
	}
	for _, c := range list.Candidates {
		for _, k := range []string{"id", "name", "status", "source", "kind", "labels", "notes"} {
			if _, ok := c[k]; !ok {
				t.Errorf("candidate without %q: %v", k, c)
			}
		}
	}
	if list.Candidates[0]["name"] != "Amélie Roy" || list.Candidates[1]["name"] != "Carol Roy" || list.Candidates[2]["kind"] != "organization" {
		t.Errorf("order or kinds: %v", list.Candidates)
	}

	// Bad input: a translated message on the field, nothing added.
	bad := []struct{ body, field string }{
		{`{"email":"pas-une-adresse"}`, "email"},
		{`{"email":"a@exemple.org","status":"peut-être"}`, "status"},
		{`{}`, "candidate"},
		{`{"user_id":"` + absentID + `"}`, "user_id"},
	}
	for _, b := range bad {
		w := e.call("POST", base+"?lang=en", "alice", b.body)
		if w.Code != http.StatusBadRequest && w.Code != http.StatusNotFound {
			t.Errorf("%s: %d %s", b.body, w.Code, w.Body)
			continue
		}
		if !strings.Contains(w.Body.String(), `"field":"`+b.field+`"`) {
			t.Errorf("%s: no message on %s: %s", b.body, b.field, w.Body)
		}
	}
	if w := e.call("POST", base, "alice", `{"email":"amelie@exemple.org"}`); w.Code != http.StatusConflict {
		t.Errorf("duplicate: %d %s", w.Code, w.Body)
	}

	// Not a manager: 404 like an absent community, for every call.
	cid := list.Candidates[0]["id"].(string)
	for _, who := range []string{"bob", "carol", ""} {
		absent := e.call("GET", "/api/v1/communities/"+absentID+"/shortlist", who, "")
		for _, c := range []struct{ method, path, body string }{
			{"GET", base, ""},
			{"POST", base, `{"email":"x@exemple.org"}`},
			{"GET", base + "/" + cid, ""},
			{"PATCH", base + "/" + cid, `{"status":"declined"}`},
			{"DELETE", base + "/" + cid, ""},
			{"POST", "/api/v1/communities/" + e.priv.ID + "/invitations", `{"emails":["y@exemple.org"],"message":"m"}`},
			{"POST", "/api/v1/communities/" + e.priv.ID + "/invitations/remind", ""},
		} {
			w := e.call(c.method, c.path, who, c.body)
			if who == "" && c.method != "GET" && w.Code == http.StatusUnauthorized {
				continue // writes ask visitors to sign in first
			}
			if w.Code != http.StatusNotFound || w.Body.String() != absent.Body.String() {
				t.Errorf("%q %s %s: %d %s, want the absent 404", who, c.method, c.path, w.Code, w.Body)
			}
		}
	}
	if w := e.call("GET", base+"/"+absentID, "alice", ""); w.Code != http.StatusNotFound {
		t.Errorf("absent candidate: %d", w.Code)
	}
	if n := len(mustList(t, e, base)); n != 3 {
		t.Errorf("%d candidates after the others' calls, want 3", n)
	}
}

func mustList(t *testing.T, e *env, base string) []any {
	t.Helper()
	w := e.call("GET", base, "alice", "")
	m := decodeBody(t, w)
	list, _ := m["candidates"].([]any)
	return list
}

// TestEmailInvitationsAPI invites members and addresses in one call: 201,
// one queued email per address, the member skipped with a reason; a
// second identical call queues nothing; invalid addresses and too many
// people are translated 400s that queue nothing. The single in-app
// invitation (user_id alone) still answers as before.
func TestEmailInvitationsAPI(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	path := "/api/v1/communities/" + e.priv.ID + "/invitations"
	body := `{"user_ids":["` + e.users["carol"].ID + `","` + e.users["bob"].ID + `"],"emails":["amelie@exemple.org","Amelie@Exemple.org"],` +
		`"message":"Nous aimerions vous compter parmi nous.","attachment":"description"}`
	w := e.call("POST", path+"?lang=en", "alice", body)
	if w.Code != http.StatusCreated {
		t.Fatalf("invite: %d %s", w.Code, w.Body)
	}
	var res struct {
		Invitations []map[string]any `json:"invitations"`
		Skipped     []map[string]any `json:"skipped"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Invitations) != 2 || len(res.Skipped) != 1 || res.Skipped[0]["reason"] != "member" ||
		res.Skipped[0]["message"] != "is already a member of the community" {
		t.Fatalf("answer: %s", w.Body)
	}
	for _, inv := range res.Invitations {
		if inv["user_id"] == e.users["carol"].ID && inv["email"] != nil {
			t.Errorf("a member's address in the answer: %v", inv)
		}
	}
	queued := func() int {
		t.Helper()
		n, err := countJobs(ctx, e.svc.DB(), "recruitment_email")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := queued(); n != 2 {
		t.Errorf("%d emails queued, want 2", n)
	}
	// A double click.
	w = e.call("POST", path, "alice", body)
	if w.Code != http.StatusCreated || !strings.Contains(w.Body.String(), `"invitations":[]`) {
		t.Errorf("second call: %d %s", w.Code, w.Body)
	}
	if n := queued(); n != 2 {
		t.Errorf("%d emails queued after a second call, want 2", n)
	}
	// Bad input.
	w = e.call("POST", path, "alice", `{"emails":["ok@exemple.org","pas une adresse"],"message":"m"}`, "Accept-Language", "fr-CA")
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "pas une adresse") || !strings.Contains(w.Body.String(), "aucune invitation") {
		t.Errorf("invalid address: %d %s", w.Code, w.Body)
	}
	var many []string
	for i := 0; i < 60; i++ {
		many = append(many, `"p`+strings.Repeat("x", i)+`@exemple.org"`)
	}
	w = e.call("POST", path+"?lang=en", "alice", `{"emails":[`+strings.Join(many, ",")+`],"message":"m"}`)
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "at most 50 invitations at a time") {
		t.Errorf("too many: %d %s", w.Code, w.Body)
	}
	if n := queued(); n != 2 {
		t.Errorf("bad input queued emails: %d", n)
	}
	// The single in-app form.
	w = e.call("POST", "/api/v1/communities/"+e.pub.ID+"/invitations", "alice", `{"user_id":"`+e.users["dave"].ID+`","role":"manager"}`)
	if w.Code != http.StatusCreated || decodeBody(t, w)["role"] != "manager" {
		t.Errorf("in-app invitation: %d %s", w.Code, w.Body)
	}
	// The shortlist shows everyone invited, with their invitation.
	w = e.call("GET", "/api/v1/communities/"+e.priv.ID+"/shortlist?status=invited", "alice", "")
	if w.Code != 200 || strings.Count(w.Body.String(), `"status":"pending"`) != 2 {
		t.Errorf("shortlist after inviting: %s", w.Body)
	}
}

// countJobs counts the queued jobs of a kind.
func countJobs(ctx context.Context, db *store.DB, kind string) (int, error) {
	s, err := db.JobCounts(ctx, kind)
	return s.Pending + s.Done + s.Failed, err
}
