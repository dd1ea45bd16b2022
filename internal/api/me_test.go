package api

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestMeAndTokens(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("é", 121)
	runScenarios(t, e, []scenario{
		{Name: "me", Method: "GET", URL: "/api/v1/me", As: "alice", Status: 200,
			Contains: []string{`"id":"` + e.users["alice"].ID + `"`, `"name":"Alice Tremblay"`, `"email":"alice@example.test"`,
				`"interests":["cuisine"]`}},
		{Name: "me anonymous", Method: "GET", URL: "/api/v1/me", Status: 401, ErrCode: "unauthorized",
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if w.Header().Get("WWW-Authenticate") == "" {
					t.Error("no WWW-Authenticate")
				}
			}},
		{Name: "me bad token", Method: "GET", URL: "/api/v1/me", As: "mlg_not-a-real-token", Status: 401, ErrCode: "unauthorized",
			Contains: []string{"jeton"}},
		{Name: "public data with bad token", Method: "GET", URL: "/api/v1/communities", As: "mlg_nope", Status: 401},
		{Name: "malformed authorization", Method: "GET", URL: "/api/v1/me", Headers: []string{"Authorization", "Basic abc"},
			Status: 401, ErrCode: "unauthorized"},
		{Name: "patch keeps omitted fields", Method: "PATCH", URL: "/api/v1/me", As: "alice",
			Body: `{"pronouns":"elle","bio":"Cuisinière","region":"06","interests":["cuisine","économie sociale"],
				"links":[{"kind":"website","url":"https://alice.example.test"}]}`, Status: 200,
			Contains: []string{`"name":"Alice Tremblay"`, `"pronouns":"elle"`, `"region":"06"`, `"économie sociale"`,
				`"url":"https://alice.example.test"`, `"language":"fr-CA"`}},
		{Name: "patch persisted", Method: "GET", URL: "/api/v1/me", As: "alice", Status: 200,
			Contains: []string{`"bio":"Cuisinière"`, `"interest_slugs":[`}},
		{Name: "patch anonymous", Method: "PATCH", URL: "/api/v1/me", Body: `{"bio":"x"}`, Status: 401, ErrCode: "unauthorized"},
		{Name: "patch wrong type", Method: "PATCH", URL: "/api/v1/me", As: "alice", Body: `{"name":42}`, Status: 400,
			ErrCode: "invalid", ErrField: "name", Contains: []string{"« name »"}},
		{Name: "patch wrong list type", Method: "PATCH", URL: "/api/v1/me", As: "alice", Body: `{"interests":"cuisine"}`, Status: 400,
			ErrCode: "invalid", ErrField: "interests"},
		{Name: "patch unknown field", Method: "PATCH", URL: "/api/v1/me", As: "alice", Body: `{"admin":true}`, Status: 400,
			ErrCode: "invalid", ErrField: "admin"},
		{Name: "patch too long", Method: "PATCH", URL: "/api/v1/me", As: "alice", Body: `{"name":"` + long + `"}`, Status: 400,
			ErrCode: "invalid", ErrField: "name", Contains: []string{"120"}},
		{Name: "patch bad choice", Method: "PATCH", URL: "/api/v1/me", As: "alice", Body: `{"profile_visibility":"everyone"}`,
			Status: 400, ErrField: "profile_visibility"},
		{Name: "patch empty name", Method: "PATCH", URL: "/api/v1/me", As: "alice", Body: `{"name":"  "}`, Status: 400, ErrField: "name"},

		{Name: "tokens list", Method: "GET", URL: "/api/v1/tokens", As: "alice", Status: 200,
			Contains: []string{`"total":1`, `"name":"tests"`}, NotContains: []string{"mlg_"}},
		{Name: "tokens anonymous", Method: "GET", URL: "/api/v1/tokens", Status: 401},
		{Name: "token create", Method: "POST", URL: "/api/v1/tokens", As: "alice", Body: `{"name":"script"}`, Status: 201,
			Contains: []string{`"token":"mlg_`, `"name":"script"`}},
		{Name: "token create no name", Method: "POST", URL: "/api/v1/tokens", As: "alice", Body: `{}`, Status: 400, ErrField: "name"},
		{Name: "token create anonymous", Method: "POST", URL: "/api/v1/tokens", Body: `{"name":"x"}`, Status: 401},
		{Name: "token delete unknown", Method: "DELETE", URL: "/api/v1/tokens/" + absentID, As: "alice", Status: 404, ErrCode: "not_found"},
		{Name: "tokens bad limit", Method: "GET", URL: "/api/v1/tokens?limit=0", As: "alice", Status: 400, ErrField: "limit"},
	})
}

func TestTokenLifecycle(t *testing.T) {
	e := newEnv(t)
	w := e.call("POST", "/api/v1/tokens", "carol", `{"name":"import"}`)
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	m := decodeBody(t, w)
	plain, id := m["token"].(string), m["id"].(string)
	if w := e.call("GET", "/api/v1/me", plain, ""); w.Code != 200 || !strings.Contains(w.Body.String(), "Carol Roy") {
		t.Fatalf("new token does not work: %d %s", w.Code, w.Body)
	}
	// Someone else cannot revoke it: it does not exist for them.
	if w := e.call("DELETE", "/api/v1/tokens/"+id, "alice", ""); w.Code != 404 {
		t.Fatalf("other's token: %d", w.Code)
	}
	if w := e.call("DELETE", "/api/v1/tokens/"+id, "carol", ""); w.Code != 204 || w.Body.Len() != 0 {
		t.Fatalf("revoke: %d %s", w.Code, w.Body)
	}
	if w := e.call("GET", "/api/v1/me", plain, ""); w.Code != 401 {
		t.Fatalf("revoked token still works: %d", w.Code)
	}
	if w := e.call("GET", "/api/v1/me", "carol", ""); w.Code != 200 {
		t.Fatalf("other token of the same person stopped working: %d", w.Code)
	}
}
