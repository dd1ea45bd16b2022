package httpx

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecoverRendersCleanError(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	onPanic := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("<h1>Une erreur inattendue est survenue.</h1>"))
	}
	h := Chain(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Set-Cookie", "half=built")
		panic("kaboom: secret detail")
	}), RequestID, SecurityHeaders, Recover(logger, onPanic))
	req := httptest.NewRequest("GET", "/carte", nil)
	req.Header.Set(RequestIDHeader, "req-9")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if body != "<h1>Une erreur inattendue est survenue.</h1>" {
		t.Errorf("body %q", body)
	}
	if rec.Header().Get("Set-Cookie") != "" {
		t.Error("header set by the panicking handler leaked into the error page")
	}
	if rec.Header().Get(RequestIDHeader) != "req-9" || rec.Header().Get("X-Frame-Options") != "DENY" {
		t.Error("headers from outer middleware were lost")
	}
	log := buf.String()
	for _, want := range []string{"kaboom: secret detail", "req-9", "recover_test.go", "/carte"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q: %s", want, log)
		}
	}
}

func TestRecoverDefaultResponse(t *testing.T) {
	h := Recover(slog.New(slog.DiscardHandler), nil)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(errors.New("db exploded"))
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 500 {
		t.Errorf("status %d", rec.Code)
	}
	if b := rec.Body.String(); strings.Contains(b, "db exploded") || strings.Contains(b, "goroutine") {
		t.Errorf("internal detail sent to the client: %q", b)
	}
}

func TestRecoverAfterResponseStarted(t *testing.T) {
	called := false
	h := Recover(slog.New(slog.DiscardHandler), func(http.ResponseWriter, *http.Request) { called = true })(
		http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Write([]byte("partial"))
			panic("late")
		}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if called {
		t.Error("onPanic called after the response had started")
	}
	if rec.Body.String() != "partial" {
		t.Errorf("body %q", rec.Body.String())
	}
}

func TestRecoverPassesAbortHandler(t *testing.T) {
	h := Recover(slog.New(slog.DiscardHandler), nil)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	t.Error("panic was swallowed")
}

func TestRecoverNoPanic(t *testing.T) {
	h := Recover(slog.New(slog.DiscardHandler), nil)(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("ok"))
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 || rec.Body.String() != "ok" || rec.Header().Get("Content-Type") != "text/plain" {
		t.Errorf("got %d %q %v", rec.Code, rec.Body.String(), rec.Header())
	}
}
