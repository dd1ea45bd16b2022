package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// searchNotes adds three notes about "coopérative": public, for the
// secret community, private to alice.
func (e *env) searchNotes() (pub, comm, priv string) {
	e.t.Helper()
	ctx := context.Background()
	mk := func(title, vis, community string) string {
		n, err := e.svc.CreateNote(ctx, e.viewer("alice"), maillage.NoteInput{Title: title, Body: "Une coopérative de quartier.",
			Kind: "general", Visibility: vis, CommunityID: community, Tags: []string{sharedTag}})
		if err != nil {
			e.t.Fatal(err)
		}
		return n.ID
	}
	return mk("Coopératives publiques", "public", ""), mk("Coopératives du comité", "community", e.secret.ID),
		mk("Coopératives en brouillon", "private", "")
}

func TestSearchContract(t *testing.T) {
	e := newEnv(t)
	pub, comm, priv := e.searchNotes()
	get := func(who, query string) map[string]any {
		t.Helper()
		w := e.call(http.MethodGet, "/api/v1/search?"+query, who, "")
		if w.Code != http.StatusOK {
			t.Fatalf("%s as %q: %d %s", query, who, w.Code, w.Body.String())
		}
		return decodeBody(t, w)
	}
	q := "q=" + url.QueryEscape("coopératives")
	// Anonymous: public things only, with the true total.
	m := get("", q)
	got := ids(m, "results")
	if !got[pub] || !got[e.org.ID] || got[comm] || got[priv] {
		t.Errorf("anonymous results: %v", m["results"])
	}
	if int(m["total"].(float64)) != len(got) {
		t.Errorf("anonymous total %v for %d results", m["total"], len(got))
	}
	for _, r := range m["results"].([]any) {
		r := r.(map[string]any)
		for _, field := range []string{"type", "id", "title", "url"} {
			if s, _ := r[field].(string); s == "" {
				t.Errorf("a result without %s: %v", field, r)
			}
		}
	}
	// Bob is in the secret community; alice wrote the private note.
	if got := ids(get("bob", q), "results"); !got[comm] || got[priv] {
		t.Errorf("bob's results: %v", got)
	}
	if got := ids(get("alice", q), "results"); !got[comm] || !got[priv] || !got[pub] {
		t.Errorf("alice's results: %v", got)
	}
	// type, tag, sort, limit, offset.
	m = get("", q+"&type=organization")
	if got := ids(m, "results"); !got[e.org.ID] || got[pub] {
		t.Errorf("type=organization: %v", m["results"])
	}
	m = get("", q+"&type=note,organization&sort=recent&limit=1")
	if n := len(m["results"].([]any)); n != 1 || int(m["total"].(float64)) != 2 {
		t.Errorf("limit=1: %d results, total %v", n, m["total"])
	}
	m = get("", "tag=economie-sociale&type=note")
	if got := ids(m, "results"); !got[pub] || got[comm] || len(got) != 1 {
		t.Errorf("tag filter: %v", m["results"])
	}
	for _, sort := range []string{"relevance", "relations", "publications", "recent"} {
		get("", q+"&sort="+sort)
	}
	// An offset beyond the end: 200, no results, the true total.
	m = get("", q+"&offset=500")
	if n := len(m["results"].([]any)); n != 0 || int(m["total"].(float64)) != 2 {
		t.Errorf("offset beyond the end: %d results, total %v", n, m["total"])
	}
	m = get("", q+"&offset=900000")
	if n := len(m["results"].([]any)); n != 0 || int(m["total"].(float64)) != 2 {
		t.Errorf("a huge offset: %d results, total %v", n, m["total"])
	}
	// Facets count only what the caller may see.
	m = get("", q+"&facets=true")
	facets := m["facets"].(map[string]any)
	types := map[string]float64{}
	for _, v := range facets["type"].([]any) {
		v := v.(map[string]any)
		types[v["value"].(string)] = v["count"].(float64)
	}
	if types["note"] != 1 || types["organization"] != 1 {
		t.Errorf("anonymous type facet: %v", types)
	}
}

func TestSearchBadInput(t *testing.T) {
	e := newEnv(t)
	e.searchNotes()
	// The text itself is never an error.
	for _, q := range []string{`"`, `"coop`, "C++", "*", "-", "🙂", "a\x00b", strings.Repeat("é", 10000), "le la les", "AND OR NOT ((("} {
		w := e.call(http.MethodGet, "/api/v1/search?q="+url.QueryEscape(q), "", "")
		if w.Code != http.StatusOK {
			t.Errorf("q=%.30q: %d %s", q, w.Code, w.Body.String())
		}
	}
	// Wrong parameters are a clear 400 naming them.
	for query, field := range map[string]string{
		"type=planet": "type", "sort=random": "sort", "limit=0": "limit", "limit=101": "limit", "limit=x": "limit",
		"offset=-1": "offset", "tag=nothing-like-it": "tag", "region=99": "region", "org_type=dragons": "org_type",
		"facets=maybe": "facets", "community=" + absentID: "community",
	} {
		w := e.call(http.MethodGet, "/api/v1/search?q=a&"+query, "", "")
		if w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", query, w.Code)
			continue
		}
		body := w.Body.String()
		if !strings.Contains(body, `"code":"invalid"`) || !strings.Contains(body, field) {
			t.Errorf("%s: %s", query, body)
		}
	}
	// A community one may not see is exactly like one that does not exist.
	hidden := e.call(http.MethodGet, "/api/v1/search?q=a&community="+e.secret.ID, "carol", "")
	absent := e.call(http.MethodGet, "/api/v1/search?q=a&community="+absentID, "carol", "")
	if hidden.Code != absent.Code || hidden.Body.String() != absent.Body.String() {
		t.Errorf("hidden community %d %s, absent %d %s", hidden.Code, hidden.Body, absent.Code, absent.Body)
	}
}
