package httpx

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestValidUTF8(t *testing.T) {
	var got string
	h := ValidUTF8(http.NotFoundHandler())(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.Query().Get("q")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x?q=%FFa&tag=ok", nil))
	if rec.Code != 200 || got != "\uFFFDa" {
		t.Fatalf("query not repaired: %d %q", rec.Code, got)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/people/%FF", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("invalid path: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x?q=%C3%A9", nil))
	if got != "é" {
		t.Fatalf("valid query changed: %q", got)
	}
}
