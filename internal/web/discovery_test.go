package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// discoveryWorld adds to the standard world a public note on « numérique »
// that Alice and Bob wrote together.
func (e *env) discoveryWorld() *world {
	e.t.Helper()
	w := e.world()
	n, err := e.Svc.CreateNote(context.Background(), e.viewer(w.Alice.ID), maillage.NoteInput{Title: "Atelier numérique",
		Body: "Compte rendu.", Kind: "general", Visibility: "public", Tags: []string{"numérique"}, AuthorIDs: []string{w.Bob.ID}})
	if err != nil {
		e.t.Fatal(err)
	}
	testutil.AcceptNote(e.t, e.Svc, n.ID, w.Bob.ID)
	return w
}

func TestKeyActorsPages(t *testing.T) {
	e := newEnv(t)
	w := e.discoveryWorld()
	visitor := e.client()
	// The tag page leads with the key actors and their reasons; a visitor
	// counts Alice's public community only.
	r := visitor.get("/tags/numerique")
	if r.Status != http.StatusOK {
		t.Fatalf("tag page: %d", r.Status)
	}
	mustContain(t, r, "Acteur·trices clés", "Alice Côté", "1 note visible sur «\u202fnumérique\u202f»",
		"Membre de 1 communauté sur ce thème", `href="/tags/numerique/key-actors?order=combined"`)
	mustNotContain(t, r, "Comité confidentiel", "Membre de 3 communautés")
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r = bob.get("/tags/numerique/key-actors?order=relations")
	if r.Status != http.StatusOK {
		t.Fatalf("key actors page: %d", r.Status)
	}
	mustContain(t, r, "Membre de 3 communautés sur ce thème", `aria-current="true"`, "Relations",
		`form="write-key-actors"`, `action="/messages/new"`)
	// Exports hold what the page shows.
	r = bob.get("/tags/numerique/key-actors?format=csv")
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("CSV export: %s", ct)
	}
	mustContain(t, r, "rank,type,id,name", "Alice Côté", "Membre de 3 communautés")
	r = bob.get("/tags/numerique/key-actors?format=vcf")
	mustContain(t, r, "BEGIN:VCARD\r\nVERSION:4.0", "FN:Alice Côté", "/people/"+w.Alice.ID)
	mustNotContain(t, r, "alice@example.org")
	// English, and an absent theme.
	en := e.client()
	mustContain(t, en.get("/tags/numerique/key-actors?lang=en"), "Key actors", "1 visible note on “numérique”")
	if r := visitor.get("/tags/zeta-absente/key-actors"); r.Status != http.StatusNotFound {
		t.Errorf("an absent tag: %d", r.Status)
	}
}

func TestSecondDegreePages(t *testing.T) {
	e := newEnv(t)
	w := e.discoveryWorld()
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	// From the Coop: Alice works there; Bob wrote with Alice.
	r := carol.get("/organizations/" + w.Org.ID + "/second-degree")
	if r.Status != http.StatusOK {
		t.Fatalf("second degree: %d", r.Status)
	}
	mustContain(t, r, "Deuxième degré", "Bob Lavoie", "par Alice Côté\u202f: 1 note écrite ensemble")
	mustContain(t, carol.get("/people/"+w.Alice.ID), "/people/"+w.Alice.ID+"/second-degree")
	mustContain(t, carol.get("/organizations/"+w.Org.ID+"/second-degree?tag=numerique"), "Bob Lavoie")
	mustNotContain(t, carol.get("/organizations/"+w.Org.ID+"/second-degree?tag=economie-sociale"), "Bob Lavoie")
	if r := carol.get("/organizations/" + w.Org.ID + "/second-degree?tag=zeta-absente"); r.Status != http.StatusBadRequest ||
		!strings.Contains(r.Body, "Aucune étiquette «\u202fzeta-absente\u202f»") {
		t.Errorf("an unknown theme: %d", r.Status)
	}
	// Bob's profile is for members: a visitor gets the 404 of an absent
	// person, and finds him nowhere on a second degree.
	visitor := e.client()
	if r := visitor.get("/people/" + w.Bob.ID + "/second-degree"); r.Status != http.StatusNotFound {
		t.Errorf("a hidden person's second degree: %d", r.Status)
	}
	mustNotContain(t, visitor.get("/organizations/"+w.Org.ID+"/second-degree"), "Bob Lavoie")
	if r := visitor.get("/people/01zzzzzzzzzzzzzzzzzzzzzz01/second-degree"); r.Status != http.StatusNotFound {
		t.Errorf("an absent person's second degree: %d", r.Status)
	}
}

func TestAcquaintancePanel(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	alice, bob := e.client(), e.client()
	alice.signIn("alice@example.org", testPassword)
	bob.signIn("bob@example.org", testPassword)
	mustContain(t, alice.get("/people/"+w.Bob.ID), "Vous connaissez Bob Lavoie\u202f?", `action="/people/`+w.Bob.ID+`/acquaintance"`)
	r := alice.post("/people/"+w.Bob.ID+"/acquaintance", url.Values{"kind": {"worked_with"}})
	if r.Status != http.StatusOK {
		t.Fatalf("declare: %d %s", r.Status, excerptBody(r.Body))
	}
	mustContain(t, r, "Demande envoyée\u202f: cette personne pourra la confirmer.", "en attente de sa confirmation")
	mustContain(t, bob.get("/people/"+w.Alice.ID), "Alice Côté indique vous connaître. Le confirmez-vous\u202f?")
	r = bob.post("/people/"+w.Alice.ID+"/acquaintance/answer", url.Values{"accept": {"1"}})
	mustContain(t, r, "Lien confirmé.", "Vous avez travaillé ensemble.")
	mustContain(t, alice.get("/people/"+w.Bob.ID), "Vous avez travaillé ensemble.", "Retirer ce lien")
	// A bad kind is refused with a message; a visitor has no panel.
	r = alice.post("/people/"+w.Carol.ID+"/acquaintance", url.Values{"kind": {"cousin"}})
	if r.Status != http.StatusBadRequest {
		t.Errorf("a bad kind: %d", r.Status)
	}
	mustNotContain(t, e.client().get("/people/"+w.Alice.ID), "Vous connaissez")
	r = alice.post("/people/"+w.Bob.ID+"/acquaintance/delete", nil)
	mustContain(t, r, "Lien retiré.", "Vous connaissez Bob Lavoie\u202f?")
}
