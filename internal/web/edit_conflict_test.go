package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestEditConflictKeepsTheSecondEdit: two people open the same
// organisation's edit form; the first saves; the second's save is refused
// with a clear message, their text kept; saving again replaces knowingly.
func TestEditConflictKeepsTheSecondEdit(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ana := e.user("Ana Diallo", "ana@example.org")
	bob := e.user("Bob Côté", "bob@example.org")
	o, err := e.Svc.CreateOrganization(ctx, e.viewer(ana.ID), maillage.OrganizationInput{Name: "Coop du Quartier"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.SetAffiliation(ctx, e.viewer(ana.ID), o.ID, bob.ID, "", true); err != nil {
		t.Fatal(err)
	}
	edit := "/organizations/" + o.ID + "/edit"
	version := regexp.MustCompile(`name="version" value="(\d+)"`)

	ac, bc := e.client(), e.client()
	ac.signIn("ana@example.org", "mot de passe solide")
	bc.signIn("bob@example.org", "mot de passe solide")
	va := version.FindStringSubmatch(ac.get(edit).Body)
	vb := version.FindStringSubmatch(bc.get(edit).Body)
	if va == nil || vb == nil || va[1] != vb[1] {
		t.Fatalf("edit forms carry no version: %v %v", va, vb)
	}
	wantStatus(t, ac.post(edit, url.Values{"name": {"Coop du Quartier"}, "description": {"Texte d’Ana"}, "version": {va[1]}}), http.StatusOK)

	r := bc.post(edit, url.Values{"name": {"Coop du Quartier"}, "description": {"Texte de Bob"}, "version": {vb[1]}})
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Quelqu’un a enregistré des modifications", "Texte de Bob")
	got, _ := e.Svc.Organization(ctx, e.viewer(ana.ID), o.ID)
	if got.Description != "Texte d’Ana" {
		t.Fatalf("the refused save changed the organisation: %q", got.Description)
	}
	// The refused form now names the current version: saving it again wins.
	nv := version.FindStringSubmatch(r.Body)
	if nv == nil || nv[1] == vb[1] {
		t.Fatalf("the refused form still names the stale version: %v", nv)
	}
	wantStatus(t, bc.post(edit, url.Values{"name": {"Coop du Quartier"}, "description": {"Texte de Bob"}, "version": {nv[1]}}), http.StatusOK)
	got, _ = e.Svc.Organization(ctx, e.viewer(ana.ID), o.ID)
	if got.Description != "Texte de Bob" {
		t.Fatalf("the knowing save did not apply: %q", got.Description)
	}
}
