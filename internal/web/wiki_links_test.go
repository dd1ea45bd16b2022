package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestWikiLinkNotTakenOverOverHTTP: Alice's public note links to her note
// « Budget participatif ». Carol, a stranger, then publishes a note with
// the same title through the form. Alice's page still links to Alice's
// note for Alice, for a visitor and for Carol, never to Carol's.
func TestWikiLinkNotTakenOverOverHTTP(t *testing.T) {
	e := newEnv(t)
	e.world()
	create := func(c *client, title, body string) string {
		t.Helper()
		r := c.post("/notes", url.Values{"title": {title}, "body": {body}, "visibility": {"public"}, "kind": {"general"}})
		wantStatus(t, r, http.StatusOK)
		id := strings.TrimPrefix(r.URL.Path, "/notes/")
		if id == r.URL.Path || strings.Contains(id, "/") {
			t.Fatalf("note %q not created: %s", title, r.URL)
		}
		return id
	}
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	target := create(alice, "Budget participatif", "Le budget voté en assemblée.")
	victim := create(alice, "Nos sources", "Tout part du [[Budget participatif|budget]].")

	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	attack := create(carol, "Budget participatif", "Un faux budget.")

	wantLink := `<a class="wikilink" href="/notes/` + target + `">budget</a>`
	for who, c := range map[string]*client{"author": alice, "visitor": e.client(), "attacker": carol} {
		r := c.get("/notes/" + victim)
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.Body, wantLink) || strings.Contains(r.Body, "/notes/"+attack) {
			t.Errorf("%s: the link does not reach Alice's note (%s), or reaches Carol's (%s):\n%s",
				who, target, attack, excerptBody(r.Body))
		}
	}
	// Carol's note lists no backlink from Alice's; Alice's target does.
	mustNotContain(t, carol.get("/notes/"+attack), "/notes/"+victim)
	mustContain(t, e.client().get("/notes/"+target), `href="/notes/`+victim+`"`)
}
