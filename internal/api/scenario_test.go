package api

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// scenario is one API call and what must come back, in the style of
// pocketbase's tests/api.go.
type scenario struct {
	Name    string
	Method  string
	URL     string
	As      string // a user key, a raw token, or "" for anonymous
	Body    string
	Headers []string // pairs: name, value

	Status      int
	ErrCode     string   // for errors: the expected error code
	ErrField    string   // for errors: a field that must be named
	Contains    []string // substrings of the answer
	NotContains []string
	Check       func(t *testing.T, w *httptest.ResponseRecorder)
}

func runScenarios(t *testing.T, e *env, scenarios []scenario) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.Name, func(t *testing.T) {
			w := e.call(sc.Method, sc.URL, sc.As, sc.Body, sc.Headers...)
			if w.Code != sc.Status {
				t.Fatalf("%s %s: status %d, want %d\n%s", sc.Method, sc.URL, w.Code, sc.Status, w.Body.String())
			}
			body := w.Body.String()
			if w.Code != 204 && w.Code != 202 {
				if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type %q", ct)
				}
			}
			if w.Code >= 400 {
				code, fields := checkErrorShape(t, w)
				if sc.ErrCode != "" && code != sc.ErrCode {
					t.Errorf("error code %q, want %q: %s", code, sc.ErrCode, body)
				}
				if sc.ErrField != "" && !fields[sc.ErrField] {
					t.Errorf("error does not name field %q: %s", sc.ErrField, body)
				}
				for _, bad := range []string{"sql", "SQL", "goroutine", ".go:", "panic"} {
					if strings.Contains(body, bad) {
						t.Errorf("error answer leaks %q: %s", bad, body)
					}
				}
			}
			for _, s := range sc.Contains {
				if !strings.Contains(body, s) {
					t.Errorf("answer lacks %q:\n%s", s, body)
				}
			}
			for _, s := range sc.NotContains {
				if strings.Contains(body, s) {
					t.Errorf("answer contains %q:\n%s", s, body)
				}
			}
			if sc.Check != nil {
				sc.Check(t, w)
			}
		})
	}
}

// checkErrorShape asserts the contract's error body:
// {"error":{"code","message"}} plus optional fields (each with field,
// code and message), existing_id and request_id; nothing else.
func checkErrorShape(t *testing.T, w *httptest.ResponseRecorder) (code string, fields map[string]bool) {
	t.Helper()
	m := decodeBody(t, w)
	if len(m) != 1 {
		t.Errorf("error body has keys other than \"error\": %s", w.Body.String())
	}
	e, ok := m["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object: %s", w.Body.String())
	}
	code, _ = e["code"].(string)
	msg, _ := e["message"].(string)
	if code == "" || msg == "" {
		t.Errorf("error without code or message: %s", w.Body.String())
	}
	if strings.Contains(msg, "api.") || strings.Contains(msg, "error.") || strings.Contains(msg, "field.") {
		t.Errorf("untranslated message %q", msg)
	}
	for k := range e {
		switch k {
		case "code", "message", "fields", "existing_id", "request_id":
		default:
			t.Errorf("unexpected error key %q", k)
		}
	}
	fields = map[string]bool{}
	if fs, ok := e["fields"]; ok {
		list, ok := fs.([]any)
		if !ok || len(list) == 0 {
			t.Errorf("fields is not a non-empty list: %s", w.Body.String())
		}
		for _, f := range list {
			fm, _ := f.(map[string]any)
			name, _ := fm["field"].(string)
			fc, _ := fm["code"].(string)
			fmsg, _ := fm["message"].(string)
			if name == "" || fc == "" || fmsg == "" || len(fm) != 3 {
				t.Errorf("malformed field error %v", fm)
			}
			if strings.HasPrefix(fmsg, "field.") || strings.HasPrefix(fmsg, "api.") {
				t.Errorf("untranslated field message %q", fmsg)
			}
			fields[name] = true
		}
	}
	return code, fields
}
