package httpx

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// logLines decodes a JSON slog output, one record per line.
func logLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	dec := json.NewDecoder(buf)
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	h := Chain(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusCreated)
		w.Write([]byte("hello"))
		w.Write([]byte(" world"))
	}), RequestID, AccessLog(logger))
	req := httptest.NewRequest("POST", "/reinitialiser?token=secret-token", nil)
	req.Header.Set(RequestIDHeader, "req-1")
	h.ServeHTTP(httptest.NewRecorder(), req)

	lines := logLines(t, &buf)
	if len(lines) != 1 {
		t.Fatalf("%d log lines, want 1", len(lines))
	}
	l := lines[0]
	checks := map[string]any{
		"level": "INFO", "method": "POST", "path": "/reinitialiser",
		"status": float64(201), "bytes": float64(11), "request_id": "req-1",
	}
	for k, want := range checks {
		if l[k] != want {
			t.Errorf("%s = %v, want %v", k, l[k], want)
		}
	}
	if _, ok := l["duration"]; !ok {
		t.Error("no duration")
	}
	if bytes.Contains(buf.Bytes(), []byte("secret-token")) {
		t.Error("query string was logged")
	}
}

func TestAccessLogImplicitStatusAndErrors(t *testing.T) {
	cases := []struct {
		name    string
		handler http.HandlerFunc
		status  float64
		level   string
	}{
		{"nothing written", func(http.ResponseWriter, *http.Request) {}, 200, "INFO"},
		{"body only", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("x")) }, 200, "INFO"},
		{"not found", http.NotFound, 404, "INFO"},
		{"server error", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) }, 503, "ERROR"},
		{"early hints then ok", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusEarlyHints)
			w.WriteHeader(http.StatusAccepted)
		}, 202, "INFO"},
		{"double WriteHeader keeps first", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusConflict)
			w.WriteHeader(http.StatusOK)
		}, 409, "INFO"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			h := AccessLog(slog.New(slog.NewJSONHandler(&buf, nil)))(c.handler)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil))
			l := logLines(t, &buf)[0]
			if l["status"] != c.status || l["level"] != c.level {
				t.Errorf("status %v level %v, want %v %v", l["status"], l["level"], c.status, c.level)
			}
		})
	}
}

func TestAccessLogKeepsFlusherAndUnwrap(t *testing.T) {
	var flushed, unwrapped bool
	h := AccessLog(slog.New(slog.DiscardHandler))(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if f, ok := w.(http.Flusher); ok {
			w.Write([]byte("chunk"))
			f.Flush()
			flushed = true
		}
		if u, ok := w.(interface{ Unwrap() http.ResponseWriter }); ok {
			_, unwrapped = u.Unwrap().(*httptest.ResponseRecorder)
		}
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !flushed || !rec.Flushed {
		t.Error("Flush did not reach the underlying writer")
	}
	if !unwrapped {
		t.Error("Unwrap does not return the underlying writer")
	}
}

func TestAccessLogStreamsThroughRealServer(t *testing.T) {
	// http.ResponseController must reach the real connection's writer.
	srv := httptest.NewServer(AccessLog(slog.New(slog.DiscardHandler))(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		rc := http.NewResponseController(w)
		w.Write([]byte("a"))
		if err := rc.Flush(); err != nil {
			t.Errorf("Flush: %v", err)
		}
		if err := rc.EnableFullDuplex(); err != nil {
			t.Errorf("EnableFullDuplex: %v", err)
		}
	})))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
