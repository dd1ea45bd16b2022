package web

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestRoutePatternsListTheTable: the list tests walk is the table the
// server mounts: every pattern once, the contract's pages among them, and
// each GET pattern answered by its own route rather than the catch-all.
func TestRoutePatternsListTheTable(t *testing.T) {
	patterns := RoutePatterns()
	seen := map[string]bool{}
	for _, p := range patterns {
		if seen[p] {
			t.Errorf("pattern %q listed twice", p)
		}
		seen[p] = true
	}
	for _, want := range []string{"GET /notes/{id}", "GET /communities/{id}", "GET /tags/{slug}", "POST /signin",
		"GET /unsubscribe/{token}", "POST /unsubscribe/{token}", "GET /static/{hash}/{path...}", "/"} {
		if !slices.Contains(patterns, want) {
			t.Errorf("RoutePatterns lacks %q", want)
		}
	}
	// Registering the list on a mux of its own finds the same routes.
	mux := http.NewServeMux()
	for _, p := range patterns {
		mux.HandleFunc(p, func(http.ResponseWriter, *http.Request) {})
	}
	for _, p := range patterns {
		method, path, ok := strings.Cut(p, " ")
		if !ok || method != http.MethodGet || strings.Contains(path, "...") {
			continue
		}
		path = strings.NewReplacer("{$}", "", "{", "x", "}", "").Replace(path)
		if _, got := mux.Handler(httptest.NewRequest(method, path, nil)); got != p {
			t.Errorf("%s is served by %q", path, got)
		}
	}
}
