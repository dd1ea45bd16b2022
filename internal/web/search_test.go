package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// searchWorld adds notes to the standard world: a public one tagged with a
// curated tag, one for the secret community's members, a private one.
func (e *env) searchWorld() *world {
	e.t.Helper()
	w := e.curatedWorld()
	ctx := context.Background()
	alice := e.viewer(w.Alice.ID)
	for _, in := range []maillage.NoteInput{
		{Title: "Guide des coopératives d’habitation", Body: "Fonder une coopérative d’habitation : assemblée et financement.",
			Visibility: "public", Tags: []string{"Mobilité durable"}},
		{Title: "Coopérative secrète du comité", Body: "Plan du comité pour la coopérative.", Visibility: "community", CommunityID: w.Secret.ID},
		{Title: "Coopérative : mes brouillons", Body: "Notes personnelles sur la coopérative.", Visibility: "private"},
	} {
		in.Kind = "general"
		if _, err := e.Svc.CreateNote(ctx, alice, in); err != nil {
			e.t.Fatal(err)
		}
	}
	return w
}

func TestSearchPageInBothLanguages(t *testing.T) {
	e := newEnv(t)
	e.searchWorld()
	for _, lang := range []string{"fr-CA", "en"} {
		c := e.client()
		c.get("/?lang=" + lang)
		r := c.get("/search?q=coop%C3%A9ratives")
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", lang, r.Status)
		}
		if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
			t.Errorf("%s: wrong <html lang>", lang)
		}
		// The note, the organisation and Alice's bio all match; the
		// highlighted word is marked.
		mustContain(t, r, "Guide des", "<mark>coopératives</mark>", "Coop du Quartier")
		// A visitor sees neither the community's note nor the private one.
		for _, secret := range []string{"secrète", "brouillons"} {
			if strings.Contains(r.Body, secret) {
				t.Errorf("%s: a visitor's results show %q", lang, secret)
			}
		}
		// Facets: by type, with counts.
		mustContain(t, r, `id="facet-type"`)
		if lang == "fr-CA" {
			mustContain(t, r, "Recherche : « coopératives »", "Organisation")
		} else {
			mustContain(t, r, "Search: “coopératives”", "Organisation")
		}
		// The header box keeps the query on the results page.
		mustContain(t, r, `id="site-search-q" name="q" maxlength="500" autocomplete="off"`+"\n      "+`value="coopératives"`)
	}
}

func TestSearchPageShowsWhatMembersMaySee(t *testing.T) {
	e := newEnv(t)
	w := e.searchWorld()
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r := bob.get("/search?q=coop%C3%A9rative")
	mustContain(t, r, "secrète du comité")
	if strings.Contains(r.Body, "brouillons") {
		t.Error("Bob sees Alice's private note in his results")
	}
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	mustContain(t, alice.get("/search?q=coop%C3%A9rative"), "mes brouillons")
	// Filtering on the secret community: its members get its content;
	// Carol, who may not see it, gets the same answer as for no such
	// community.
	mustContain(t, bob.get("/search?q=coop%C3%A9rative&community="+w.Secret.ID), "secrète du comité")
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	hidden := carol.get("/search?q=coop%C3%A9rative&community=" + w.Secret.ID)
	absent := carol.get("/search?q=coop%C3%A9rative&community=nope")
	if hidden.Status != http.StatusBadRequest || absent.Status != http.StatusBadRequest {
		t.Fatalf("community filters: %d and %d, want 400 both", hidden.Status, absent.Status)
	}
	if strings.Contains(hidden.Body, "secrète") || strings.Contains(hidden.Body, "Comité confidentiel") {
		t.Error("filtering on a community one may not see shows its content or name")
	}
}

func TestSearchPageFiltersAndBadParameters(t *testing.T) {
	e := newEnv(t)
	e.searchWorld()
	c := e.client()
	// A tag filter, through a synonym-free slug, and a type filter.
	r := c.get("/search?tag=mobilite-durable")
	mustContain(t, r, "Guide des coopératives")
	r = c.get("/search?q=coop%C3%A9rative&type=organization")
	mustContain(t, r, "Coop du Quartier")
	if strings.Contains(r.Body, "Guide des coopératives") {
		t.Error("the type filter lets notes through")
	}
	// Wrong parameters: a clear, translated 400 with the form to go on.
	for path, want := range map[string]string{
		"/search?q=a&type=planet":      "Type inconnu",
		"/search?q=a&sort=random":      "Tri inconnu",
		"/search?q=a&tag=no-such-tag":  "Cette étiquette n’existe pas",
		"/search?q=a&region=99":        "Région inconnue",
		"/search?q=a&org_type=dragons": "Type d’organisation inconnu",
	} {
		r := c.get(path)
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", path, r.Status)
		}
		mustContain(t, r, want, `id="search-q"`)
	}
	// Odd text is never an error.
	for _, q := range []string{"%22", "C%2B%2B", "*", "%F0%9F%99%82", "a%00b", strings.Repeat("x", 5000), "le+la+les"} {
		if r := c.get("/search?q=" + q); r.Status != http.StatusOK {
			t.Errorf("q=%.20s: %d", q, r.Status)
		}
	}
	// A page beyond the end says so and keeps the true total.
	r = c.get("/search?q=coop%C3%A9rative&page=40")
	if r.Status != http.StatusOK {
		t.Fatalf("page 40: %d", r.Status)
	}
	mustContain(t, r, "Il n’y a plus de résultats")
}

func TestSearchSuggestionsAndOpenSearch(t *testing.T) {
	e := newEnv(t)
	e.searchWorld()
	c := e.client()
	// As the person types: the last word is a prefix.
	r := c.get("/search/suggest?q=coop%C3%A9")
	if r.Status != http.StatusOK {
		t.Fatalf("suggest: %d", r.Status)
	}
	mustContain(t, r, `role="option"`, "Guide des", `data-href="/search?q=coop%C3%A9"`)
	if strings.Contains(r.Body, "secrète") || strings.Contains(r.Body, "brouillons") {
		t.Error("suggestions show what a visitor may not see")
	}
	// A theme's tag leads the suggestions: its page gathers everything on it.
	r = c.get("/search/suggest?q=mobil")
	mustContain(t, r, `data-href="/tags/mobilite-durable"`, "Mobilité durable")
	if i, j := strings.Index(r.Body, "/tags/mobilite-durable"), strings.Index(r.Body, "/notes/"); j >= 0 && j < i {
		t.Error("notes come before the tag in the suggestions")
	}
	if r := c.get("/search/suggest?q="); r.Status != http.StatusOK || strings.Contains(r.Body, "role=\"option\"") {
		t.Errorf("empty suggest: %d %q", r.Status, r.Body)
	}
	r = c.get("/opensearch.xml")
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/opensearchdescription+xml") {
		t.Fatalf("opensearch: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	mustContain(t, r, `template="`+e.URL+`/search?q={searchTerms}"`, "<ShortName>Maillage</ShortName>")
	// Every page points browsers to it.
	mustContain(t, c.get("/"), `rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"`)
}
