package httpx

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func serveRequestID(t *testing.T, incoming string) (seen, echoed string) {
	t.Helper()
	h := RequestID(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		seen = RequestIDFrom(r.Context())
	}))
	req := httptest.NewRequest("GET", "/", nil)
	if incoming != "" {
		req.Header.Set(RequestIDHeader, incoming)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return seen, rec.Header().Get(RequestIDHeader)
}

func TestRequestIDGenerated(t *testing.T) {
	a, echoed := serveRequestID(t, "")
	if a == "" || a != echoed {
		t.Fatalf("context id %q, response header %q", a, echoed)
	}
	b, _ := serveRequestID(t, "")
	if a == b {
		t.Errorf("two requests got the same id %q", a)
	}
}

func TestRequestIDKeptFromProxy(t *testing.T) {
	seen, echoed := serveRequestID(t, "abc-123_DEF.4:5")
	if seen != "abc-123_DEF.4:5" || echoed != seen {
		t.Errorf("context id %q, response header %q", seen, echoed)
	}
}

func TestRequestIDRejectsUnsafe(t *testing.T) {
	for _, bad := range []string{"a b", "x\"y", "line\u2028break", "é", strings.Repeat("a", 129)} {
		seen, _ := serveRequestID(t, bad)
		if seen == bad || seen == "" {
			t.Errorf("incoming %q: got %q, want a fresh id", bad, seen)
		}
	}
}

func TestRequestIDFromEmptyContext(t *testing.T) {
	if got := RequestIDFrom(context.Background()); got != "" {
		t.Errorf("got %q", got)
	}
	if got := RequestIDFrom(WithRequestID(context.Background(), "job-7")); got != "job-7" {
		t.Errorf("got %q", got)
	}
}
