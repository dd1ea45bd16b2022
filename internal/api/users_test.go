package api

import (
	"net/http/httptest"
	"net/url"
	"testing"
)

func TestUsers(t *testing.T) {
	e := newEnv(t)
	alice, dave := e.users["alice"], e.users["dave"]
	runScenarios(t, e, []scenario{
		{Name: "list anonymous hides members-only profiles", Method: "GET", URL: "/api/v1/users", Status: 200,
			Contains: []string{`"total":3`, "Alice Tremblay"}, NotContains: []string{"Dave", "@example.test"}},
		{Name: "list signed in", Method: "GET", URL: "/api/v1/users?limit=100", As: "carol", Status: 200,
			Contains: []string{`"total":4`, "Dave Côté", `"limit":100`, `"offset":0`}},
		{Name: "list by tag", Method: "GET", URL: "/api/v1/users?tag=" + url.QueryEscape(sharedTag), As: "carol", Status: 200,
			Contains: []string{`"total":1`, "Dave Côté"}},
		{Name: "list by query", Method: "GET", URL: "/api/v1/users?q=trembl", Status: 200, Contains: []string{`"total":1`}},
		{Name: "list page", Method: "GET", URL: "/api/v1/users?limit=1&offset=1", Status: 200,
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				m := decodeBody(t, w)
				if len(m["items"].([]any)) != 1 || m["total"].(float64) != 3 {
					t.Errorf("page: %v", m)
				}
			}},
		{Name: "bad limit", Method: "GET", URL: "/api/v1/users?limit=101", Status: 400, ErrField: "limit"},
		{Name: "bad limit text", Method: "GET", URL: "/api/v1/users?limit=abc", Status: 400, ErrField: "limit"},
		{Name: "bad offset", Method: "GET", URL: "/api/v1/users?offset=-1", Status: 400, ErrField: "offset"},
		{Name: "bad region", Method: "GET", URL: "/api/v1/users?region=99", Status: 400, ErrField: "region"},
		{Name: "one", Method: "GET", URL: "/api/v1/users/" + alice.ID, Status: 200,
			Contains: []string{`"name":"Alice Tremblay"`}, NotContains: []string{"alice@example.test"}},
		{Name: "members-only anonymous", Method: "GET", URL: "/api/v1/users/" + dave.ID, Status: 404, ErrCode: "not_found"},
		{Name: "members-only signed in", Method: "GET", URL: "/api/v1/users/" + dave.ID, As: "carol", Status: 200,
			NotContains: []string{"dave@example.test"}},
		{Name: "own email", Method: "GET", URL: "/api/v1/users/" + dave.ID, As: "dave", Status: 200,
			Contains: []string{"dave@example.test"}},
		{Name: "unknown", Method: "GET", URL: "/api/v1/users/" + absentID, Status: 404, ErrCode: "not_found"},
	})
	// Absent and members-only answer alike for anonymous callers.
	a := e.call("GET", "/api/v1/users/"+dave.ID, "", "")
	b := e.call("GET", "/api/v1/users/"+absentID, "", "")
	if a.Body.String() != b.Body.String() {
		t.Errorf("members-only profile %s, absent one %s", a.Body, b.Body)
	}
}
