package httpx

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestMaxBodyBytes(t *testing.T) {
	var readErr error
	var n int
	h := MaxBodyBytes(10)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		var b []byte
		b, readErr = io.ReadAll(r.Body)
		n = len(b)
	}))

	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/", strings.NewReader("0123456789")))
	if readErr != nil || n != 10 {
		t.Errorf("at the limit: read %d bytes, err %v", n, readErr)
	}

	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/", strings.NewReader("0123456789A")))
	var mbe *http.MaxBytesError
	if !errors.As(readErr, &mbe) || mbe.Limit != 10 {
		t.Errorf("over the limit: err %v, want *http.MaxBytesError with limit 10", readErr)
	}
}

func TestMaxBodyBytesNoBody(t *testing.T) {
	called := false
	h := MaxBodyBytes(1)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		called = r.Body == http.NoBody
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if !called {
		t.Error("an empty body should be left alone")
	}
}
