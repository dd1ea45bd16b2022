package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestOrganizationEditorsManageMembers: editors grant and remove the right
// to edit and remove people; others cannot; changing one's own title keeps
// one's rights.
func TestOrganizationEditorsManageMembers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ana := e.user("Ana Diallo", "ana@example.org")
	bob := e.user("Bob Côté", "bob@example.org")
	e.user("Carla Joseph", "carla@example.org")
	o, err := e.Svc.CreateOrganization(ctx, e.viewer(ana.ID), maillage.OrganizationInput{Name: "Coop du Quartier"}, false)
	if err != nil {
		t.Fatal(err)
	}
	base := "/organizations/" + o.ID

	bc := e.client()
	bc.signIn("bob@example.org", "mot de passe solide")
	wantStatus(t, bc.post(base+"/affiliation", url.Values{"role": {"Coordonnateur"}}), http.StatusOK)

	// Carla is no editor: she sees no management buttons and cannot act.
	cc := e.client()
	cc.signIn("carla@example.org", "mot de passe solide")
	mustNotContain(t, cc.get(base), "/members/"+bob.ID+"/editor")
	wantStatus(t, cc.post(base+"/members/"+bob.ID+"/editor", url.Values{"editor": {"1"}}), http.StatusForbidden)
	wantStatus(t, cc.post(base+"/members/"+bob.ID+"/remove", nil), http.StatusForbidden)

	// Ana, who added the organisation, makes Bob an editor.
	ac := e.client()
	ac.signIn("ana@example.org", "mot de passe solide")
	page := ac.get(base)
	mustContain(t, page, "/members/"+bob.ID+"/editor", "Permettre à Bob Côté de modifier la fiche")
	r := ac.post(base+"/members/"+bob.ID+"/editor", url.Values{"editor": {"1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Les droits ont été mis à jour", "Peut modifier")

	// Bob fixes his title and keeps the right to edit.
	wantStatus(t, bc.post(base+"/affiliation", url.Values{"role": {"Directeur général"}}), http.StatusOK)
	r = bc.get(base + "/edit")
	wantStatus(t, r, http.StatusOK)
	got, _ := e.Svc.Organization(ctx, e.viewer(ana.ID), o.ID)
	if len(got.Members) != 1 || !got.Members[0].Admin || got.Members[0].Role != "Directeur général" {
		t.Fatalf("members after the title change: %+v", got.Members)
	}

	// Unknown people answer 404; removal works.
	wantStatus(t, ac.post(base+"/members/nobody/editor", url.Values{"editor": {"1"}}), http.StatusNotFound)
	r = ac.post(base+"/members/"+bob.ID+"/remove", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "La personne a été retirée")
	if strings.Contains(r.Body, "/people/"+bob.ID) {
		t.Fatal("the removed person is still listed")
	}
}
