package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/service"
)

func TestBadInputKeepsWhatWasTyped(t *testing.T) {
	e := newEnv(t)
	c := e.client()

	// Sign-up: every problem at once, next to its field, with a summary.
	r := c.post("/signup", url.Values{
		"name": {strings.Repeat("n", 121)}, "email": {"pas-un-courriel"}, "password": {""},
		"region": {"99"}, "interests": {"économie sociale, " + strings.Repeat("x", 61)},
	})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, `class="form-errors" role="alert"`,
		"Ce champ ne peut pas dépasser 120 caractères.", "Entrez une adresse courriel valide",
		"Ce champ est obligatoire.", "Choisissez une des options proposées.", "ne peut pas dépasser 60 caractères",
		`aria-describedby="f-email-hint f-email-error" aria-invalid="true"`, `href="#f-email"`,
		`value="pas-un-courriel"`, "économie sociale, xxxx")
	mustNotContain(t, r, `type="password" id="f-password" name="password" value=`)

	// Nothing was written.
	if n, err := e.DB.CountUsers(context.Background()); err != nil || n != 0 {
		t.Fatalf("%d users after a refused sign-up (%v)", n, err)
	}

	w := e.world()
	c.signIn("alice@example.org", testPassword)

	// Organisation: invalid URL and coordinates, missing name.
	r = c.post("/organizations", url.Values{"name": {" "}, "website": {"coop.example"}, "latitude": {"95"}, "longitude": {"abc"},
		"type": {"cooperative"}, "description": {"Gardée telle quelle"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Ce champ est obligatoire.", "Entrez une adresse Web valide", "Entrez un nombre entre -90 et 90.",
		"Entrez un nombre entre -180 et 180.", "Gardée telle quelle", `value="coop.example"`)
	r = c.post("/organizations", url.Values{"name": {"Solo"}, "latitude": {"45.5"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Indiquez la latitude et la longitude, ou aucune des deux.")

	// Profile: invalid link URL, too long bio.
	r = c.post("/settings/profile", url.Values{"name": {"Alice Côté"}, "bio": {strings.Repeat("b", 4001)},
		"link_kind": {"website"}, "link_url": {"javascript:alert(1)"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "ne peut pas dépasser 4000 caractères", "Entrez une adresse Web valide", `id="f-links-error"`)

	// Community: missing visibility and name.
	r = c.post("/communities", url.Values{"description": {"Sans nom"}, "visibility": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Sans nom", "Ce champ est obligatoire.")

	// Password change with the wrong current password.
	r = c.post("/settings/password", url.Values{"current_password": {"faux faux faux"}, "password": {"nouveau mot de passe"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Ce n’est pas votre mot de passe actuel.")

	// Adding an unknown person to a community.
	r = c.post("/communities/"+w.Public.ID+"/members", url.Values{"user_id": {e.URL + "/people/inconnu"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Nous ne trouvons pas cette personne.")

	// Nothing half-written: still one organisation, three communities.
	alice := e.viewer(w.Alice.ID)
	if _, n, _ := e.Svc.Organizations(context.Background(), alice, service.OrganizationFilter{}); n != 1 {
		t.Errorf("%d organisations", n)
	}
	if _, n, _ := e.Svc.Communities(context.Background(), alice, service.CommunityFilter{}); n != 3 {
		t.Errorf("%d communities", n)
	}
	if p, _ := e.Svc.Profile(context.Background(), alice, w.Alice.ID); !strings.HasPrefix(p.Bio, "Animatrice") || len(p.Links) != 1 {
		t.Errorf("profile changed by a refused edit: %q %v", p.Bio, p.Links)
	}
}

func TestDuplicateOrganization(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	c := e.client()
	c.signIn("bob@example.org", testPassword)

	form := url.Values{"name": {"Coop du quartier"}, "type": {"cooperative"}, "region": {"03"}}
	r := c.post("/organizations", form)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Une organisation nommée « Coop du Quartier » existe déjà", `href="/organizations/`+w.Org.ID+`"`,
		`name="distinct_name" value="1"`, `value="Coop du quartier"`)

	// Confirming it is another organisation creates it.
	form.Set("distinct_name", "1")
	r = c.post("/organizations", form)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "L’organisation a été ajoutée au répertoire.")

	// The same website is final: no checkbox to override.
	r = c.post("/organizations", url.Values{"name": {"Autre nom"}, "website": {"https://coop.example.org/"}, "distinct_name": {"1"}})
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Une organisation avec ce site Web existe déjà", `href="/organizations/`+w.Org.ID+`"`)
	mustNotContain(t, r, `name="distinct_name"`)

	if _, n, _ := e.Svc.Organizations(context.Background(), e.viewer(w.Bob.ID), service.OrganizationFilter{}); n != 2 {
		t.Errorf("%d organisations, want 2", n)
	}
}

func TestErrorStatuses(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	c := e.client()
	c.signIn("bob@example.org", testPassword)

	for _, p := range []string{"/people/nope", "/organizations/nope", "/organizations/nope/edit", "/communities/nope",
		"/communities/nope/members", "/tags/nope", "/no/such/page"} {
		if r := c.get(p); r.Status != http.StatusNotFound {
			t.Errorf("%s: %d", p, r.Status)
		} else {
			mustContain(t, r, "Page introuvable")
		}
	}
	if r := c.post("/organizations/nope/delete", nil); r.Status != http.StatusNotFound {
		t.Errorf("delete unknown organisation: %d", r.Status)
	}

	// Bob may not edit Alice's organisation nor manage the community.
	if r := c.get("/organizations/" + w.Org.ID + "/edit"); r.Status != http.StatusForbidden {
		t.Errorf("edit someone else's organisation: %d", r.Status)
	}
	if r := c.get("/communities/" + w.Public.ID + "/edit"); r.Status != http.StatusForbidden {
		t.Errorf("edit a community one does not manage: %d", r.Status)
	}
	if r := c.post("/communities/"+w.Public.ID+"/members/"+w.Alice.ID+"/remove", nil); r.Status != http.StatusForbidden {
		t.Errorf("remove a member without managing: %d", r.Status)
	}

	// The last manager cannot leave.
	alice := e.client()
	alice.signIn("alice@example.org", testPassword)
	r := alice.post("/communities/"+w.Public.ID+"/leave", nil)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "au moins un·e responsable")

	// Oversized body.
	big := url.Values{"name": {strings.Repeat("a", 2<<20)}}
	r = c.post("/communities", big)
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	mustContain(t, r, "Le contenu envoyé est trop volumineux.")

	// A cross-origin POST is refused, and changes nothing.
	req, _ := http.NewRequest(http.MethodPost, e.URL+"/communities/"+w.Listed.ID+"/request", strings.NewReader("message=hi"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	r = c.do(req)
	wantStatus(t, r, http.StatusForbidden)
	mustContain(t, r, "provient d’un autre site")

	// Visitors are sent to sign in, and come back.
	v := e.client()
	r = v.get("/communities/new")
	if r.URL.Path != "/signin" || r.URL.Query().Get("next") != "/communities/new" {
		t.Errorf("visitor on a members' page ends at %s", r.URL)
	}
	r = v.post("/communities/"+w.Public.ID+"/join", nil)
	if r.URL.Path != "/signin" {
		t.Errorf("visitor posting ends at %s", r.URL)
	}
}
