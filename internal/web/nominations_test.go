package web

import (
	"context"
	htmlpkg "html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestNominationPages runs a request through the pages: the form from a
// tag, bad input shown again with nothing lost, the answer page for the
// member asked (with "did you mean …?"), the secret link for a person
// asked by email, the results for the requester alone, and closing.
func TestNominationPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	alice := e.user("Alice Nadeau", "alice@exemple.org", "transformation numérique")
	bob := e.user("Bob Girard", "bob@exemple.org")
	carol := e.user("Carole Pelletier", "carol@exemple.org")
	c, err := e.Svc.CreateCommunity(ctx, e.viewer(alice.ID), maillage.CommunityInput{Name: "Numérique communautaire", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.Join(ctx, e.viewer(bob.ID), c.ID); err != nil {
		t.Fatal(err)
	}
	ca := e.client()
	ca.signIn("alice@exemple.org", "mot de passe solide")

	r := ca.get("/nominations/new?tag=transformation-numerique")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Nommez jusqu’à 5 personnes ou organisations qui comptent sur le thème «\u202ftransformation numérique\u202f»", "Bob Girard")

	// Bad input: the form comes back with the message and what was typed.
	form := url.Values{"tag": {"transformation numérique"}, "question": {"Qui compte vraiment ?"}, "emails": {"claire@"}}
	r = ca.post("/nominations", form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "n’est pas une adresse courriel valide", "Qui compte vraiment ?", "claire@")

	form.Set("emails", "claire@exemple.org")
	form["respondent_ids"] = []string{bob.ID}
	r = ca.post("/nominations", form)
	wantStatus(t, r, http.StatusOK)
	id := strings.TrimPrefix(r.URL.Path, "/nominations/")
	mustContain(t, r, "Votre demande est envoyée", "Qui compte vraiment ?", "Aucune réponse", "claire@exemple.org", "Bob Girard")

	// Only the requester sees the results; only the people asked, the question.
	cb, cc := e.client(), e.client()
	cb.signIn("bob@exemple.org", "mot de passe solide")
	cc.signIn("carol@exemple.org", "mot de passe solide")
	wantStatus(t, cb.get("/nominations/"+id), http.StatusNotFound)
	wantStatus(t, cc.get("/nominations/"+id+"/answer"), http.StatusNotFound)
	wantStatus(t, e.client().get("/nominations/"+id), http.StatusOK) // the sign-in page
	r = cb.get("/nominations/" + id + "/answer")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Qui compte vraiment ?", htmlpkg.EscapeString("Seul·e Alice Nadeau verra vos réponses"))

	// Bob names Carole: asked "did you mean …?", he confirms.
	answer := url.Values{"name_0": {"carole pelletier"}, "reason_0": {"Elle anime le réseau"}}
	r = cb.post("/nominations/"+id+"/answer", answer)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vouliez-vous dire", "Carole Pelletier", `value="user:`+carol.ID+`"`, "Elle anime le réseau")
	answer.Set("choice_0", "user:"+carol.ID)
	r = cb.post("/nominations/"+id+"/answer", answer)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Merci")
	// Naming oneself is refused on its row, the rest kept.
	r = cb.post("/nominations/"+id+"/answer", url.Values{"name_0": {"Bob Girard"}, "choice_0": {"user:" + bob.ID}, "reason_0": {"moi"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "vous ne pouvez pas vous nommer vous-même", `value="moi"`)

	// Claire answers through her secret link, without an account.
	mails := e.emailsTo("claire@exemple.org")
	if len(mails) != 1 {
		t.Fatalf("emails to Claire: %d", len(mails))
	}
	link := regexp.MustCompile(regexp.QuoteMeta(e.URL) + `/nominate/[A-Za-z0-9_=-]+`).FindString(mails[0])
	if link == "" || !strings.Contains(mails[0], "Alice Nadeau") {
		t.Fatalf("no link in %s", mails[0])
	}
	path := strings.TrimPrefix(link, e.URL)
	visitor := e.client()
	r = visitor.get(path)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Qui compte vraiment ?", "Alice Nadeau")
	// A reason without a name is not dropped silently.
	r = visitor.post(path, url.Values{"name_0": {"Marie Tremblay"}, "kind_0": {"person"}, "reason_1": {"sans nom"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Inscrivez le nom", `value="sans nom"`, `value="Marie Tremblay"`)
	r = visitor.post(path, url.Values{"name_0": {"Marie Tremblay"}, "kind_0": {"person"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Merci")
	wantStatus(t, visitor.get("/nominate/mlg_nom_faux"), http.StatusNotFound)

	// The results: who was named, how often, by whom and why.
	r = ca.get("/nominations/" + id)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Carole Pelletier", "Marie Tremblay", "Nommé·e par Bob Girard", "Elle anime le réseau", "Nommé·e par claire@exemple.org")
	r = ca.get("/nominations/" + id + "?lang=en")
	mustContain(t, r, "Nominations: transformation numérique", "Named by Bob Girard")
	r = ca.get("/nominations?lang=fr-CA")
	mustContain(t, r, "transformation numérique", "2 réponses sur 2")
	mustContain(t, cb.get("/nominations"), "Demandé par Alice Nadeau")

	// Closing: answers are refused after it.
	r = ca.post("/nominations/"+id+"/close", nil)
	mustContain(t, r, "La demande est fermée")
	r = cb.post("/nominations/"+id+"/answer", url.Values{"name_0": {"Carole Pelletier"}, "choice_0": {"user:" + carol.ID}})
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Cette demande est fermée")

	// The second wave asks Carole in turn.
	r = ca.post("/nominations/"+id+"/wave", url.Values{"nominee": {"user:" + carol.ID}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vague 2")
	mustContain(t, cc.get("/nominations"), "Demandé par Alice Nadeau")
}
