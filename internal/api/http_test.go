package api

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/httpx"
)

func TestBadInput(t *testing.T) {
	e := newEnv(t)
	big := `{"name":"` + strings.Repeat("a", 3<<19) + `","visibility":"public"}` // 1.5 MiB
	runScenarios(t, e, []scenario{
		{Name: "no content type", Method: "POST", URL: "/api/v1/communities", As: "alice",
			Body: `{"name":"x","visibility":"public"}`, Headers: []string{"Content-Type", ""}, Status: 400, ErrCode: "invalid",
			Contains: []string{"Content-Type"}},
		{Name: "form content type", Method: "POST", URL: "/api/v1/communities", As: "alice",
			Body: `name=x`, Headers: []string{"Content-Type", "application/x-www-form-urlencoded"}, Status: 400, ErrCode: "invalid"},
		{Name: "json with charset", Method: "POST", URL: "/api/v1/tokens", As: "alice",
			Body: `{"name":"ok"}`, Headers: []string{"Content-Type", "application/json; charset=utf-8"}, Status: 201},
		{Name: "syntax error", Method: "POST", URL: "/api/v1/communities", As: "alice", Body: `{"name":"x",}`, Status: 400,
			ErrCode: "invalid", Contains: []string{"JSON"}},
		{Name: "truncated", Method: "POST", URL: "/api/v1/communities", As: "alice", Body: `{"name":"x"`, Status: 400, ErrCode: "invalid"},
		{Name: "empty body", Method: "POST", URL: "/api/v1/communities", As: "alice", Body: ` `, Status: 400, ErrCode: "invalid"},
		{Name: "array body", Method: "POST", URL: "/api/v1/communities", As: "alice", Body: `[1]`, Status: 400, ErrCode: "invalid"},
		{Name: "trailing data", Method: "POST", URL: "/api/v1/communities", As: "alice",
			Body: `{"name":"x","visibility":"public"}{"name":"y"}`, Status: 400, ErrCode: "invalid"},
		{Name: "trailing garbage", Method: "POST", URL: "/api/v1/communities", As: "alice",
			Body: `{"name":"x","visibility":"public"} x`, Status: 400, ErrCode: "invalid"},
		{Name: "trailing white space is fine", Method: "POST", URL: "/api/v1/tokens", As: "alice",
			Body: "{\"name\":\"ok2\"}\n\n", Status: 201},
		{Name: "wrong type names field", Method: "POST", URL: "/api/v1/communities", As: "alice",
			Body: `{"name":["x"],"visibility":"public"}`, Status: 400, ErrField: "name", Contains: []string{"du texte"}},
		{Name: "wrong type in English", Method: "POST", URL: "/api/v1/communities?lang=en", As: "alice",
			Body: `{"name":true,"visibility":"public"}`, Status: 400, ErrField: "name", Contains: []string{"“name” must be text"}},
		{Name: "nested wrong type", Method: "PATCH", URL: "/api/v1/me", As: "alice",
			Body: `{"links":[{"kind":"website","url":3}]}`, Status: 400, ErrField: "links.url"},
		{Name: "unknown field", Method: "POST", URL: "/api/v1/communities", As: "alice",
			Body: `{"name":"x","visibility":"public","owner":"me"}`, Status: 400, ErrField: "owner", Contains: []string{"owner"}},
		{Name: "body of 1.5 MiB", Method: "POST", URL: "/api/v1/communities", As: "alice", Body: big, Status: 413, ErrCode: "too_large"},
		{Name: "body of 1.5 MiB on a patch", Method: "PATCH", URL: "/api/v1/me", As: "alice",
			Body: `{"bio":"` + strings.Repeat("b", 3<<19) + `"}`, Status: 413, ErrCode: "too_large"},

		{Name: "unknown route", Method: "GET", URL: "/api/v1/nothing", Status: 404, ErrCode: "not_found"},
		{Name: "unknown nested route", Method: "GET", URL: "/api/v1/communities/x/y/z", Status: 404, ErrCode: "not_found"},
		{Name: "wrong method", Method: "DELETE", URL: "/api/v1/me", As: "alice", Status: 405, ErrCode: "method_not_allowed",
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if got := w.Header().Get("Allow"); got != "GET, HEAD, PATCH" {
					t.Errorf("Allow %q", got)
				}
			}},
		{Name: "wrong method on item", Method: "PUT", URL: "/api/v1/communities/" + e.pub.ID, As: "alice", Status: 405,
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if got := w.Header().Get("Allow"); got != "GET, HEAD, PATCH" {
					t.Errorf("Allow %q", got)
				}
			}},
	})
	// Unknown route and invisible resource answer alike.
	a := e.call("GET", "/api/v1/nothing", "", "")
	b := e.call("GET", "/api/v1/communities/"+absentID, "", "")
	if a.Body.String() != b.Body.String() {
		t.Errorf("unknown route %s, absent resource %s", a.Body, b.Body)
	}
}

func TestLanguage(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		name, url, who, acceptLang, want string
	}{
		{"default French", "/api/v1/communities/" + absentID, "", "", "introuvable"},
		{"query", "/api/v1/communities/" + absentID + "?lang=en", "", "", "cannot be found"},
		{"header", "/api/v1/communities/" + absentID, "", "en-CA,en;q=0.8", "cannot be found"},
		{"user preference", "/api/v1/communities/" + absentID, "bob", "", "cannot be found"},
		{"query over preference", "/api/v1/communities/" + absentID + "?lang=fr", "bob", "", "introuvable"},
		{"preference over header", "/api/v1/communities/" + absentID, "alice", "en", "introuvable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := e.call("GET", c.url, c.who, "", "Accept-Language", c.acceptLang)
			if w.Code != 404 || !strings.Contains(w.Body.String(), c.want) {
				t.Errorf("%d %s, want %q", w.Code, w.Body, c.want)
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t)
	e.srv.writes = httpx.NewRateLimiter(1, 2)
	e.srv.badTokens = httpx.NewRateLimiter(1, 1)
	for i, want := range []int{201, 201, 429} {
		w := e.call("POST", "/api/v1/tokens", "alice", `{"name":"n"}`)
		if w.Code != want {
			t.Fatalf("call %d: %d, want %d", i, w.Code, want)
		}
		if want == 429 {
			checkErrorShape(t, w)
			if w.Header().Get("Retry-After") == "" {
				t.Error("no Retry-After")
			}
		}
	}
	// Another account has its own budget; reads are counted apart.
	if w := e.call("POST", "/api/v1/tokens", "bob", `{"name":"n"}`); w.Code != 201 {
		t.Errorf("bob: %d", w.Code)
	}
	if w := e.call("GET", "/api/v1/me", "alice", ""); w.Code != 200 {
		t.Errorf("read: %d", w.Code)
	}
	// Guessing tokens is slowed down per client address.
	codes := []int{e.call("GET", "/api/v1/me", "mlg_guess1", "").Code, e.call("GET", "/api/v1/me", "mlg_guess2", "").Code}
	if codes[0] != 401 || codes[1] != 429 {
		t.Errorf("bad tokens: %v", codes)
	}
}

func TestInternalErrorsStayInTheLog(t *testing.T) {
	e := newEnv(t)
	var logs bytes.Buffer
	e.srv.log = newTestLogger(&logs)
	if err := e.svc.DB().Close(); err != nil {
		t.Fatal(err)
	}
	w := e.call("GET", "/api/v1/communities", "", "")
	if w.Code != 500 {
		t.Fatalf("status %d %s", w.Code, w.Body)
	}
	code, _ := checkErrorShape(t, w)
	if code != "internal" || strings.Contains(strings.ToLower(w.Body.String()), "sql") || strings.Contains(w.Body.String(), "closed") {
		t.Errorf("answer %s", w.Body)
	}
	if !strings.Contains(logs.String(), "closed") {
		t.Errorf("detail not logged: %s", logs.String())
	}
}

func newTestLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// TestInvalidUTF8 : bytes that are not UTF-8 in a path or a query never
// reach the database (PostgreSQL would fail on them).
func TestInvalidUTF8(t *testing.T) {
	e := newEnv(t)
	for target, status := range map[string]int{
		"/api/v1/organizations?tag=%FF&q=%FE": 200,
		"/api/v1/communities?tag=%FF":         200,
		"/api/v1/users?q=%FF":                 200,
		"/api/v1/organizations/%FF":           404,
		"/api/v1/tags/%FF":                    404,
	} {
		if w := e.call("GET", target, "", ""); w.Code != status {
			t.Errorf("%s: %d, want %d: %s", target, w.Code, status, w.Body)
		}
	}
}
