package web

import (
	"net/http"
	"net/url"
	"testing"
)

func TestAccessRules(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	visitor := e.client()
	carol := e.client() // signed in, member of nothing
	carol.signIn("carol@example.org", testPassword)
	bob := e.client() // member of all three communities
	bob.signIn("bob@example.org", testPassword)

	// An unlisted private community does not exist for outsiders.
	for _, p := range []string{"", "/members", "/edit", "/requests"} {
		path := "/communities/" + w.Secret.ID + p
		for who, c := range map[string]*client{"visitor": visitor, "outsider": carol} {
			r := c.get(path)
			if r.Status != http.StatusNotFound || r.URL.Path != path {
				t.Errorf("%s on %s: %d at %s", who, path, r.Status, r.URL.Path)
			}
		}
	}
	for _, c := range []*client{visitor, carol} {
		mustNotContain(t, c.get("/communities"), "Comité confidentiel")
		mustNotContain(t, c.get("/people/"+w.Alice.ID), "Comité confidentiel")
	}
	if r := carol.post("/communities/"+w.Secret.ID+"/request", url.Values{"message": {"?"}}); r.Status != http.StatusNotFound {
		t.Errorf("request to join an invisible community: %d", r.Status)
	}
	mustContain(t, bob.get("/communities/"+w.Secret.ID), "Comité confidentiel", "Quitter la communauté")
	mustContain(t, bob.get("/people/"+w.Alice.ID), "Comité confidentiel")

	// A listed private community shows its name, description and the
	// request button, never its members.
	r := carol.get("/communities/" + w.Listed.ID)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Cercle des animatrices", "À propos de Cercle des animatrices.")
	mustNotContain(t, r, "Bob Lavoie", "membres", "/members", `action="/communities/`+w.Listed.ID+`/join"`)
	// Carol already asked: she may withdraw.
	mustContain(t, r, "Retirer ma demande")
	r = visitor.get("/communities/" + w.Listed.ID)
	wantStatus(t, r, http.StatusOK)
	mustNotContain(t, r, "Bob Lavoie", "2 membres")
	if r := carol.get("/communities/" + w.Listed.ID + "/members"); r.Status != http.StatusForbidden {
		t.Errorf("outsider on a listed private community's members: %d", r.Status)
	}
	if r := carol.post("/communities/"+w.Listed.ID+"/join", nil); r.Status != http.StatusForbidden {
		t.Errorf("direct join of a private community: %d", r.Status)
	}

	// The manager accepts; Carol then reads the member list.
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	r = alice.get("/communities/" + w.Listed.ID + "/requests")
	mustContain(t, r, "Carol Roy", "Je voudrais participer.")
	r = alice.post("/communities/"+w.Listed.ID+"/requests/"+w.Carol.ID+"/accept", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "La demande est acceptée")
	r = carol.get("/communities/" + w.Listed.ID + "/members")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Alice Côté", "Bob Lavoie")

	// Visitors see public profiles only; members see members-only ones.
	r = visitor.get("/people")
	mustContain(t, r, "Alice Côté")
	mustNotContain(t, r, "Bob Lavoie", "Carol Roy")
	if r := visitor.get("/people/" + w.Bob.ID); r.Status != http.StatusNotFound {
		t.Errorf("visitor on a members-only profile: %d", r.Status)
	}
	mustContain(t, carol.get("/people"), "Bob Lavoie")
	// Alice shows her email to signed-in members only.
	mustContain(t, carol.get("/people/"+w.Alice.ID), "alice@example.org")
	mustNotContain(t, visitor.get("/people/"+w.Alice.ID), "alice@example.org")

	// Join and leave a public community.
	r = carol.post("/communities/"+w.Public.ID+"/join", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Bienvenue dans la communauté", "Quitter la communauté")
	r = carol.post("/communities/"+w.Public.ID+"/leave", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vous avez quitté la communauté.", `action="/communities/`+w.Public.ID+`/join"`)

	// Leaving a private unlisted community lands on the list, not a 404.
	r = bob.post("/communities/"+w.Secret.ID+"/leave", nil)
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/communities" {
		t.Errorf("after leaving a hidden community at %s", r.URL.Path)
	}
}

func TestManagerActions(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)

	// Add Carol by pasting her profile address: she is invited, listed
	// apart until she accepts; then promote her (with her consent again)
	// and remove her.
	r := alice.post("/communities/"+w.Public.ID+"/members", url.Values{"user_id": {e.URL + "/people/" + w.Carol.ID}, "role": {"member"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Invitation envoyée", "Invitations envoyées", "Carol Roy", "En attente")
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	r = carol.get("/")
	mustContain(t, r, "Invitations en attente de votre réponse", "Vous êtes invité·e à rejoindre cette communauté",
		`action="/communities/`+w.Public.ID+`/invitation/accept"`)
	wantStatus(t, carol.post("/communities/"+w.Public.ID+"/invitation/accept", nil), http.StatusOK)
	r = alice.post("/communities/"+w.Public.ID+"/members/"+w.Carol.ID+"/role", url.Values{"role": {"manager"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Invitation à devenir responsable envoyée")
	r = carol.get("/communities/" + w.Public.ID)
	mustContain(t, r, "Vous êtes invité·e à devenir responsable de cette communauté")
	wantStatus(t, carol.post("/communities/"+w.Public.ID+"/invitation/accept", nil), http.StatusOK)
	r = alice.post("/communities/"+w.Public.ID+"/members/"+w.Carol.ID+"/role", url.Values{"role": {"member"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Le rôle a été modifié.")
	r = alice.post("/communities/"+w.Public.ID+"/members/"+w.Carol.ID+"/remove", nil)
	wantStatus(t, r, http.StatusOK)
	mustNotContain(t, r, "Carol Roy")

	// Edit the community and the organisation; declare and end an affiliation.
	r = alice.post("/communities/"+w.Public.ID+"/edit", url.Values{"name": {"Numérique communautaire QC"}, "visibility": {"public"},
		"tags": {"numérique, données"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Numérique communautaire QC", "données")
	r = alice.post("/organizations/"+w.Org.ID+"/edit", url.Values{"name": {"Coop du Quartier"}, "type": {"cooperative"},
		"website": {"https://coop.example.org"}, "description": {"Nouvelle description."}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Nouvelle description.")

	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r = bob.post("/organizations/"+w.Org.ID+"/affiliation", url.Values{"role": {"analyste terrain"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Bob Lavoie", "analyste terrain", "Je n’y travaille plus")
	mustContain(t, bob.get("/people/"+w.Bob.ID), "Coop du Quartier", "analyste terrain")
	r = bob.post("/organizations/"+w.Org.ID+"/affiliation/delete", nil)
	wantStatus(t, r, http.StatusOK)
	mustNotContain(t, r, "analyste terrain")

	// API tokens: shown once.
	r = alice.post("/settings/tokens", url.Values{"name": {"tableur"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "mlg_", "il ne sera plus jamais affiché")
	mustNotContain(t, alice.get("/settings/tokens"), "mlg_")

	// Delete the organisation after confirming.
	r = alice.get("/organizations/" + w.Org.ID + "/delete")
	mustContain(t, r, "Oui, supprimer")
	r = alice.post("/organizations/"+w.Org.ID+"/delete", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "L’organisation a été supprimée.")
	if r := alice.get("/organizations/" + w.Org.ID); r.Status != http.StatusNotFound {
		t.Errorf("deleted organisation: %d", r.Status)
	}
}
