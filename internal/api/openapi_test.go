package api

import (
	"encoding/json"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestOpenAPIDocumentMatchesRoutes walks the route table: every route is
// in the served document, every reference resolves to a component, and
// the document is valid JSON that names OpenAPI 3.1.
func TestOpenAPIDocumentMatchesRoutes(t *testing.T) {
	e := newEnv(t)
	w := e.call("GET", "/api/v1/openapi.json", "", "")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	if !json.Valid(w.Body.Bytes()) {
		t.Fatal("the document is not valid JSON")
	}
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas   map[string]any `json:"schemas"`
			Responses map[string]any `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	table := e.srv.routes()
	count := 0
	for _, rt := range table {
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("%s %s is not in the document", rt.Method, rt.Path)
			continue
		}
		if op["operationId"] != rt.Op {
			t.Errorf("%s %s: operationId %v", rt.Method, rt.Path, op["operationId"])
		}
		for _, name := range []string{rt.Request, rt.Response} {
			if _, ok := doc.Components.Schemas[name]; name != "" && !ok {
				t.Errorf("%s %s: schema %s missing from components", rt.Method, rt.Path, name)
			}
		}
		// Path parameters in the pattern are declared.
		params, _ := op["parameters"].([]any)
		for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
			found := false
			for _, p := range params {
				pm := p.(map[string]any)
				found = found || (pm["name"] == m[1] && pm["in"] == "path")
			}
			if !found {
				t.Errorf("%s %s: path parameter %s undeclared", rt.Method, rt.Path, m[1])
			}
		}
		count++
	}
	// And nothing in the document is missing from the table.
	documented := 0
	for _, ops := range doc.Paths {
		documented += len(ops)
	}
	if documented != count {
		t.Errorf("document has %d operations, table %d", documented, count)
	}
	// Every reference resolves.
	refs := regexp.MustCompile(`"\$ref":\s*"#/components/(schemas|responses)/([^"]+)"`).FindAllStringSubmatch(w.Body.String(), -1)
	if len(refs) == 0 {
		t.Fatal("no references at all")
	}
	for _, m := range refs {
		var ok bool
		if m[1] == "schemas" {
			_, ok = doc.Components.Schemas[m[2]]
		} else {
			_, ok = doc.Components.Responses[m[2]]
		}
		if !ok {
			t.Errorf("unresolved reference %s/%s", m[1], m[2])
		}
	}
}

// TestEveryRouteIsServed sends each route of the table to the mux and
// checks it reaches its own handler rather than the fallback.
func TestEveryRouteIsServed(t *testing.T) {
	e := newEnv(t)
	for _, rt := range e.srv.routes() {
		path := pathParam.ReplaceAllString(rt.Path, "x")
		r := httptest.NewRequest(rt.Method, path, nil)
		if _, pattern := e.srv.mux.Handler(r); pattern != rt.Method+" "+rt.Path {
			t.Errorf("%s %s is served by %q", rt.Method, path, pattern)
		}
	}
}

// TestNewRejectsUnknownSchemas makes sure a route naming a schema that
// does not exist fails at start-up rather than in the document.
func TestNewRejectsUnknownSchemas(t *testing.T) {
	_, err := buildOpenAPI([]route{{Method: "GET", Path: "/api/v1/x", Op: "x", Response: "Nope", Status: 200}})
	if err == nil {
		t.Error("unknown schema accepted")
	}
	_, err = buildOpenAPI([]route{{Method: "GET", Path: "/api/v1/x", Op: "x", Status: 200}, {Method: "GET", Path: "/api/v1/x", Op: "y", Status: 200}})
	if err == nil {
		t.Error("duplicate route accepted")
	}
}
