package api

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// withCurators makes carol a curator and adds erin, an administrator.
func withCurators(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	if err := e.svc.SetCuratorByOperator(ctx, e.users["carol"].ID, true); err != nil {
		t.Fatal(err)
	}
	u, err := e.svc.CreateUser(ctx, maillage.SignUpInput{Email: "erin@example.test", Name: "Erin Admin", Password: testutil.Password}, true)
	if err != nil {
		t.Fatal(err)
	}
	e.users["erin"] = u
	tok, _, err := e.svc.CreateToken(ctx, e.viewer("erin"), "tests")
	if err != nil {
		t.Fatal(err)
	}
	e.tokens["erin"] = tok
}

// TestEveryTaxonomyRouteAnswers calls each curation route, in an order
// where each has something to act on, as a curator (or an administrator
// for roles), and checks that a member is refused.
func TestEveryTaxonomyRouteAnswers(t *testing.T) {
	e := newEnv(t)
	withCurators(t, e)
	note, err := e.svc.CreateNote(context.Background(), e.viewer("alice"), maillage.NoteInput{Title: "Vélos partagés", Body: "x",
		Visibility: "public", Tags: []string{"vélo partage"}})
	if err != nil {
		t.Fatal(err)
	}
	var actionID, batchID string
	steps := []struct {
		op, method, path, who, body string
		status                      int
		after                       func(m map[string]any)
	}{
		{"loadStarterTaxonomy", "POST", "/api/v1/taxonomy/starter", "carol", "", 200, nil},
		{"createTag", "POST", "/api/v1/tags", "carol", `{"label":"Vélopartage","label_en":"Bike sharing","parent":"mobilite-durable","synonyms":["vélo en libre-service"]}`, 201, nil},
		{"updateTag", "PATCH", "/api/v1/tags/velopartage", "carol", `{"definition":"Des vélos en libre-service."}`, 200, nil},
		{"promoteTag", "POST", "/api/v1/tags/velo-partage/promote", "carol", `{"label_en":"Bike share","parent":"mobilite-durable"}`, 200, nil},
		{"addSynonym", "POST", "/api/v1/tags/velopartage/synonyms", "carol", `{"label":"Bixi","lang":"fr"}`, 201, nil},
		{"removeSynonym", "DELETE", "/api/v1/tags/velopartage/synonyms/Bixi", "carol", "", 204, nil},
		{"listTagUses", "GET", "/api/v1/tags/velo-partage/uses", "carol", "", 200, nil},
		{"splitTag", "POST", "/api/v1/tags/velo-partage/split", "carol", `{"uses":[{"kind":"note","id":"` + note.ID + `","to":"velopartage"}]}`, 200, nil},
		{"mergeTag", "POST", "/api/v1/tags/velo-partage/merge", "carol", `{"into":"velopartage"}`, 200, nil},
		{"deprecateTag", "POST", "/api/v1/tags/autopartage/deprecate", "carol", `{"deprecated":true}`, 200, nil},
		{"reviewQueue", "GET", "/api/v1/taxonomy/review?sort=uses", "carol", "", 200, nil},
		{"bulkTags", "POST", "/api/v1/taxonomy/bulk", "carol", `{"action":"review","tags":["cuisine","gestion"]}`, 200,
			func(m map[string]any) { batchID, _ = m["batch_id"].(string) }},
		{"undoTagBatch", "POST", "/api/v1/taxonomy/batches/{batch}/undo", "carol", "", 204, nil},
		{"listTagActions", "GET", "/api/v1/taxonomy/actions?tag=autopartage", "carol", "", 200,
			func(m map[string]any) { actionID = m["items"].([]any)[0].(map[string]any)["id"].(string) }},
		{"undoTagAction", "POST", "/api/v1/taxonomy/actions/{action}/undo", "carol", "", 204, nil},
		{"importTaxonomy", "PUT", "/api/v1/taxonomy?format=csv", "carol", "id,label_fr,label_en\nvelo-cargo,Vélo-cargo,Cargo bike\n", 200, nil},
		{"setCurator", "PUT", "/api/v1/users/{bob}/curator", "erin", `{"curator":true}`, 200, nil},
	}
	called := map[string]bool{}
	for _, st := range steps {
		path := strings.NewReplacer("{batch}", batchID, "{action}", actionID, "{bob}", e.users["bob"].ID).Replace(st.path)
		w := e.call(st.method, path, st.who, st.body, "Content-Type", "application/json")
		if st.op == "importTaxonomy" {
			w = e.call(st.method, path, st.who, st.body, "Content-Type", "text/csv")
		}
		if w.Code != st.status {
			t.Fatalf("%s %s: %d, want %d: %s", st.method, path, w.Code, st.status, w.Body)
		}
		if st.after != nil {
			st.after(decodeBody(t, w))
		}
		called[st.op] = true
	}
	for _, rt := range e.srv.routes() {
		if rt.Group != "taxonomy" {
			continue
		}
		if !called[rt.Op] {
			t.Errorf("%s is not called", rt.Op)
		}
		// A member who is not a curator may do none of it.
		path := strings.NewReplacer("{slug}", "velopartage", "{label}", "x", "{id}", e.users["bob"].ID).Replace(rt.Path)
		if w := e.call(rt.Method, path, "dave", `{}`); w.Code != 403 && w.Code != 400 {
			t.Errorf("a member: %s %s answered %d", rt.Method, path, w.Code)
		}
	}
}

func TestTaxonomyContract(t *testing.T) {
	e := newEnv(t)
	withCurators(t, e)
	ctx := context.Background()
	if _, err := e.svc.LoadStarterTaxonomy(ctx, e.viewer("carol")); err != nil {
		t.Fatal(err)
	}
	runScenarios(t, e, []scenario{
		{Name: "autocomplete ranks curated first", Method: "GET", URL: "/api/v1/tags?q=CUISINE", Status: 200,
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				tags := decodeBody(t, w)["tags"].([]any)
				first := tags[0].(map[string]any)
				if first["curated"] != true || tags[len(tags)-1].(map[string]any)["curated"] != false {
					t.Errorf("order %v", tags)
				}
				for _, k := range []string{"slug", "label", "label_en", "curated", "uses"} {
					if _, ok := first[k]; !ok {
						t.Errorf("no %q in %v", k, first)
					}
				}
			}},
		{Name: "autocomplete by English synonym", Method: "GET", URL: "/api/v1/tags?q=green+trans", Status: 200,
			Contains: []string{`"slug":"transition-socio-ecologique"`}},
		{Name: "tag page shape", Method: "GET", URL: "/api/v1/tags/mobilite-durable", Status: 200,
			Contains: []string{`"parent":{"slug":"transition-socio-ecologique"`, `"children":[{`, `"Transport durable"`,
				`"counts":{"user":0,"organization":0,"actor":0,"note":0,"notebook":0,"community":0,"meeting":0}`, `"curated":true`}},
		{Name: "a synonym's slug redirects", Method: "GET", URL: "/api/v1/tags/transport-durable", Status: 301,
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				if w.Header().Get("Location") != "/api/v1/tags/mobilite-durable" {
					t.Errorf("Location %q", w.Header().Get("Location"))
				}
			}},
		{Name: "a label folded equal is a conflict", Method: "POST", URL: "/api/v1/tags", As: "carol",
			Body: `{"label":"MOBILITÉ-durable","label_en":"x"}`, Status: 409, ErrCode: "conflict", ErrField: "label"},
		{Name: "a synonym folded equal is a conflict", Method: "POST", URL: "/api/v1/tags", As: "carol",
			Body: `{"label":"transport, durable"}`, Status: 409, ErrCode: "conflict"},
		{Name: "an empty label", Method: "POST", URL: "/api/v1/tags", As: "carol", Body: `{"label":" "}`, Status: 400, ErrField: "label"},
		{Name: "a member may not create", Method: "POST", URL: "/api/v1/tags", As: "bob", Body: `{"label":"Nouveau"}`, Status: 403},
		{Name: "a visitor may not create", Method: "POST", URL: "/api/v1/tags", Body: `{"label":"Nouveau"}`, Status: 401},
		{Name: "merge into a descendant", Method: "POST", URL: "/api/v1/tags/transition-socio-ecologique/merge", As: "carol",
			Body: `{"into":"mobilite-durable"}`, Status: 400, ErrField: "into"},
		{Name: "merge into itself", Method: "POST", URL: "/api/v1/tags/cuisine/merge", As: "carol", Body: `{"into":"cuisine"}`,
			Status: 400, ErrField: "into"},
		{Name: "a cycle", Method: "PATCH", URL: "/api/v1/tags/transition-socio-ecologique", As: "carol",
			Body: `{"parent":"covoiturage"}`, Status: 400, ErrField: "parent"},
		{Name: "export", Method: "GET", URL: "/api/v1/taxonomy?format=json", Status: 200, Contains: []string{`"id": "mobilite-durable"`}},
		{Name: "malformed import", Method: "PUT", URL: "/api/v1/taxonomy?format=skos", As: "carol", Body: "<a> a <b>\n<c>",
			Headers: []string{"Content-Type", "text/turtle"}, Status: 400, ErrField: "file", Contains: []string{"2"}},
		{Name: "bad format", Method: "GET", URL: "/api/v1/taxonomy?format=xml", Status: 400, ErrField: "format"},
	})
	// The starter taxonomy absorbed the free tag "économie sociale" (one
	// of its synonyms): every use moved, the old slug answers 301.
	runScenarios(t, e, []scenario{
		{Name: "the merged slug redirects", Method: "GET", URL: "/api/v1/tags/economie-sociale", Status: 301,
			Contains: []string{`"slug":"economie-sociale-et-solidaire"`}},
		{Name: "autocomplete through the absorbed label", Method: "GET", URL: "/api/v1/tags?q=economie+soc", Status: 200,
			Contains: []string{`"slug":"economie-sociale-et-solidaire"`}, NotContains: []string{`"curated":false`}},
		{Name: "counts only count what the caller may see (outsider)", Method: "GET", URL: "/api/v1/tags/economie-sociale-et-solidaire", As: "carol",
			Status: 200, Contains: []string{`"community":1`, `"organization":1`, `"user":1`}},
		{Name: "counts only count what the caller may see (member)", Method: "GET", URL: "/api/v1/tags/economie-sociale-et-solidaire", As: "bob",
			Status: 200, Contains: []string{`"community":2`}},
		{Name: "counts only count what the caller may see (visitor)", Method: "GET", URL: "/api/v1/tags/economie-sociale-et-solidaire",
			Status: 200, Contains: []string{`"community":1`, `"user":0`}, NotContains: []string{"Comité secret"}},
		{Name: "filters take the old label", Method: "GET", URL: "/api/v1/organizations?tag=" + url.QueryEscape("économie sociale"), Status: 200,
			Contains: []string{"Coop du Quartier"}},
		{Name: "filters take an English synonym", Method: "GET", URL: "/api/v1/organizations?tag=SSE", Status: 200,
			Contains: []string{"Coop du Quartier"}},
	})
	_ = service.FormatSKOS
}
