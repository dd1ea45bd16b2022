package api

import (
	"net/http/httptest"
	"testing"
)

func TestTags(t *testing.T) {
	e := newEnv(t)
	runScenarios(t, e, []scenario{
		{Name: "suggest", Method: "GET", URL: "/api/v1/tags?q=eco", Status: 200,
			Contains: []string{`"label":"économie sociale"`, `"slug":"`, `"uses":`}},
		{Name: "suggest accents", Method: "GET", URL: "/api/v1/tags?q=%C3%89CONOMIE", Status: 200,
			Contains: []string{`"label":"économie sociale"`}},
		{Name: "suggest empty", Method: "GET", URL: "/api/v1/tags", Status: 200, Contains: []string{`{"tags":[]}`}},
		{Name: "suggest odd input", Method: "GET", URL: "/api/v1/tags?q=%22%27%25_%5C", Status: 200},
		{Name: "suggest bad limit", Method: "GET", URL: "/api/v1/tags?q=a&limit=x", Status: 400, ErrField: "limit"},
		{Name: "page by label redirects to the slug", Method: "GET", URL: "/api/v1/tags/" + "%C3%A9conomie%20sociale", Status: 301,
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if loc := w.Header().Get("Location"); loc != "/api/v1/tags/economie-sociale" {
					t.Errorf("Location %q", loc)
				}
			}},
		{Name: "page unknown", Method: "GET", URL: "/api/v1/tags/nothing-here", Status: 404, ErrCode: "not_found"},
		{Name: "page anonymous", Method: "GET", URL: "/api/v1/tags/" + tagSlug(t, e), Status: 200,
			Contains: []string{`"communities_total":1`, `"people_total":0`, `"organizations_total":1`, "Cuisine collective",
				"Coop du Quartier"},
			NotContains: []string{"Comité secret", "Dave"}},
		{Name: "page outsider", Method: "GET", URL: "/api/v1/tags/" + tagSlug(t, e), As: "carol", Status: 200,
			Contains: []string{`"communities_total":1`, `"people_total":1`, "Dave Côté"}, NotContains: []string{"Comité secret"}},
		{Name: "page member", Method: "GET", URL: "/api/v1/tags/" + tagSlug(t, e), As: "bob", Status: 200,
			Contains: []string{`"communities_total":2`, "Comité secret"},
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if got := ids(decodeBody(t, w), "communities"); !got[e.secret.ID] || !got[e.pub.ID] {
					t.Errorf("communities %v", got)
				}
			}},
		{Name: "page bad limit", Method: "GET", URL: "/api/v1/tags/" + tagSlug(t, e) + "?limit=-3", Status: 400},
	})
}

// tagSlug finds the slug of the shared tag through the API.
func tagSlug(t *testing.T, e *env) string {
	t.Helper()
	w := e.call("GET", "/api/v1/tags?q=economie", "", "")
	m := decodeBody(t, w)
	tags, _ := m["tags"].([]any)
	if len(tags) == 0 {
		t.Fatalf("no tag: %s", w.Body)
	}
	return tags[0].(map[string]any)["slug"].(string)
}
