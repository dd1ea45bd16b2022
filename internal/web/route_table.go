package web

import "net/http"

// routeTable is what the route table is written against: it registers
// each route on its mux behind the right middleware and remembers every
// pattern, so the table can also be listed without serving anything
// (RoutePatterns). With nil muxes it only records.
type routeTable struct {
	pages *http.ServeMux // behind pageMiddleware
	top   *http.ServeMux // served directly
	// uploads and oneClick wrap the routes mounted outside the pages'
	// middleware (larger bodies; no cross-origin protection).
	uploads, oneClick func(http.Handler) http.Handler
	patterns          []string
}

// page registers a page: session, viewer, cross-origin protection and the
// form body limit apply.
func (t *routeTable) page(pattern string, h http.HandlerFunc) {
	t.patterns = append(t.patterns, pattern)
	if t.pages != nil {
		t.pages.HandleFunc(pattern, h)
	}
}

// direct registers a handler that needs no page middleware (static files).
func (t *routeTable) direct(pattern string, h http.Handler) {
	t.patterns = append(t.patterns, pattern)
	if t.top != nil {
		t.top.Handle(pattern, h)
	}
}

// upload registers a page that receives files past the form body limit.
func (t *routeTable) upload(pattern string, h http.HandlerFunc) {
	t.patterns = append(t.patterns, pattern)
	if t.top != nil {
		t.top.Handle(pattern, t.uploads(h))
	}
}

// oneClickPage registers a page whose token is its credential, so it is
// exempt from cross-origin protection.
func (t *routeTable) oneClickPage(pattern string, h http.HandlerFunc) {
	t.patterns = append(t.patterns, pattern)
	if t.top != nil {
		t.top.Handle(pattern, t.oneClick(h))
	}
}
