package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

func TestOrganizationDuplicatesAndRights(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	bob, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	o, err := s.CreateOrganization(ctx, va, maillage.OrganizationInput{Name: "Coop Le Maillon", Website: "https://www.lemaillon.exemple.org/",
		Region: "06", Type: "cooperative", Latitude: "45.5", Longitude: "-73.6", Tags: []string{"Coopération", "coopération"}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Tags) != 1 || *o.Latitude != 45.5 {
		t.Fatalf("created: %+v", o)
	}
	// Same name, accents and case aside: a warning that names the existing entry.
	_, err = s.CreateOrganization(ctx, vb, maillage.OrganizationInput{Name: "COOP LE MAILLON"}, false)
	if e := maillage.AsError(err); e.MessageID != "organization.duplicate_name" || e.Data["ID"] != o.ID {
		t.Fatalf("duplicate name: %v", err)
	}
	// ... which the person may override for a homonym, but not with the same website.
	if _, err := s.CreateOrganization(ctx, vb, maillage.OrganizationInput{Name: "Coop Le Maillon", Region: "02"}, true); err != nil {
		t.Fatalf("homonym refused: %v", err)
	}
	_, err = s.CreateOrganization(ctx, vb, maillage.OrganizationInput{Name: "Autre nom", Website: "http://lemaillon.exemple.org"}, true)
	if maillage.AsError(err).MessageID != "organization.duplicate_website" {
		t.Fatalf("duplicate website: %v", err)
	}
	// Only its creator and its administrators edit it.
	if _, err := s.UpdateOrganization(ctx, vb, o.ID, maillage.OrganizationInput{Name: "Piraté"}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("stranger edited: %v", err)
	}
	if err := s.SetAffiliation(ctx, vb, o.ID, bob.ID, "Chargé de projet", true); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("made themself admin: %v", err)
	}
	if err := s.SetAffiliation(ctx, vb, o.ID, bob.ID, "Chargé de projet", false); err != nil {
		t.Fatalf("declare an affiliation: %v", err)
	}
	if err := s.SetAffiliation(ctx, va, o.ID, bob.ID, "Chargé de projet", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateOrganization(ctx, vb, o.ID, maillage.OrganizationInput{Name: "Coop Le Maillon", Description: "Mise à jour", Tags: []string{"Coopération"}}); err != nil {
		t.Fatalf("an organisation admin may edit: %v", err)
	}
	got, err := s.Organization(ctx, maillage.Anonymous(), o.ID)
	if err != nil || got.Description != "Mise à jour" {
		t.Fatalf("read back: %+v %v", got, err)
	}
	// Bob's profile is for members only: visitors see the organisation without him.
	if len(got.Members) != 0 {
		t.Fatalf("a members-only profile shows to visitors: %+v", got.Members)
	}
	list, total, err := s.Organizations(ctx, maillage.Anonymous(), service.OrganizationFilter{Tag: "cooperation"})
	if err != nil || total != 1 || list[0].ID != o.ID {
		t.Fatalf("filter by tag slug: %d %v", total, err)
	}
	if _, total, _ := s.Organizations(ctx, maillage.Anonymous(), service.OrganizationFilter{Tag: "n'existe pas"}); total != 0 {
		t.Fatal("an unknown tag must filter everything out")
	}
}

func TestProfilesAndTags(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	ana, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	in := maillage.ProfileInput{Name: "Ana Diallo", Pronouns: "elle", Bio: "Animatrice.", Region: "03", Language: "en",
		ProfileVisibility: "members", Contact: "email", Interests: []string{"Transition socio-écologique"},
		Links: []maillage.Link{{Kind: maillage.LinkWebsite, URL: "https://ana.exemple.org"}, {Kind: maillage.LinkOther, URL: " "}}}
	if _, err := s.UpdateProfile(ctx, vb, ana.ID, in); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("someone else edited a profile: %v", err)
	}
	if _, err := s.UpdateProfile(ctx, va, ana.ID, in); err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile(ctx, vb, ana.ID)
	if err != nil || p.Name != "Ana Diallo" || p.Email != "ana@exemple.org" || len(p.Links) != 1 || len(p.Interests) != 1 {
		t.Fatalf("profile as a member: %+v %v", p, err)
	}
	if _, err := s.Profile(ctx, maillage.Anonymous(), ana.ID); !maillage.IsNotFound(err) {
		t.Fatalf("members-only profile shown to a visitor: %v", err)
	}
	bad := in
	bad.Links = []maillage.Link{{Kind: maillage.LinkWebsite, URL: "javascript:alert(1)"}}
	if _, err := s.UpdateProfile(ctx, va, ana.ID, bad); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("hostile link accepted: %v", err)
	}
	// Only a members-only profile carries the tag: for a visitor it does not exist.
	if page, err := s.Tag(ctx, maillage.Anonymous(), "transition-socio-ecologique", 10); !maillage.IsNotFound(err) {
		t.Fatalf("tag page for a visitor: %+v %v", page, err)
	}
	page, err := s.Tag(ctx, vb, "transition-socio-ecologique", 10)
	if err != nil || page.PeopleTotal != 1 || page.Tag.Label != "Transition socio-écologique" {
		t.Fatalf("tag page for a member: %+v %v", page, err)
	}
	if sug, _ := s.AutocompleteTags(ctx, maillage.Anonymous(), "TRANS", 5); len(sug) != 0 {
		t.Fatalf("a visitor is offered a tag only members-only profiles carry: %+v", sug)
	}
	sug, err := s.AutocompleteTags(ctx, vb, "TRANS", 5)
	if err != nil || len(sug) != 1 {
		t.Fatalf("autocomplete: %+v %v", sug, err)
	}
}

func TestDeclaringOwnRoleKeepsEditRights(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	bob, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	o, err := s.CreateOrganization(ctx, va, maillage.OrganizationInput{Name: "Coop"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAffiliation(ctx, va, o.ID, bob.ID, "Coordonnateur", true); err != nil {
		t.Fatal(err)
	}
	if err := s.DeclareAffiliation(ctx, vb, o.ID, "Directeur général"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Organization(ctx, vb, o.ID)
	if len(got.Members) != 1 || got.Members[0].Role != "Directeur général" || !got.Members[0].Admin {
		t.Fatalf("changing one's title lost the right to edit: %+v", got.Members)
	}
	if err := s.DeclareAffiliation(ctx, maillage.Anonymous(), o.ID, "x"); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("anonymous: %v", err)
	}
}

func TestAddingAnOrganizationTwiceIsOneSubmission(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, v := testutil.User(t, s, "Ana", "ana@exemple.org")
	_, other := testutil.User(t, s, "Bob", "bob@exemple.org")
	in := maillage.OrganizationInput{Name: "Coop Le Maillon", Website: "https://lemaillon.exemple.org"}
	a, err := s.CreateOrganization(ctx, v, in, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.CreateOrganization(ctx, v, in, false)
	if err != nil || b.ID != a.ID {
		t.Fatalf("a double submission: %v %v", b, err)
	}
	// Another person adding the same entry still learns it exists.
	if _, err := s.CreateOrganization(ctx, other, in, false); maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("another person's duplicate: %v", err)
	}
}

// TestConcurrentEditsAreRefused: two editors start from the same version;
// the second save is refused and changes nothing; starting from the new
// version succeeds.
func TestConcurrentEditsAreRefused(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, v := testutil.User(t, s, "Ana", "ana@exemple.org")
	o, err := s.CreateOrganization(ctx, v, maillage.OrganizationInput{Name: "Coop"}, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCommunity(ctx, v, maillage.CommunityInput{Name: "CdP", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	v = testutil.ViewerOf(t, s, v.UserID)
	if _, err := s.UpdateOrganization(ctx, v, o.ID, maillage.OrganizationInput{Name: "Coop A", Version: o.Version}); err != nil {
		t.Fatal(err)
	}
	_, err = s.UpdateOrganization(ctx, v, o.ID, maillage.OrganizationInput{Name: "Coop B", Version: o.Version})
	if maillage.AsError(err).MessageID != "error.edit_conflict" {
		t.Fatalf("stale organisation edit: %v", err)
	}
	got, _ := s.Organization(ctx, v, o.ID)
	if got.Name != "Coop A" || got.Version != o.Version+1 {
		t.Fatalf("after the refused edit: %q v%d", got.Name, got.Version)
	}
	if _, err := s.UpdateOrganization(ctx, v, o.ID, maillage.OrganizationInput{Name: "Coop B", Version: got.Version}); err != nil {
		t.Fatalf("edit from the current version: %v", err)
	}

	if _, err := s.UpdateCommunity(ctx, v, c.ID, maillage.CommunityInput{Name: "CdP 1", Visibility: "public", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	_, err = s.UpdateCommunity(ctx, v, c.ID, maillage.CommunityInput{Name: "CdP 2", Visibility: "public", Version: c.Version})
	if maillage.AsError(err).MessageID != "error.edit_conflict" {
		t.Fatalf("stale community edit: %v", err)
	}
	if _, err := s.UpdateOrganization(ctx, v, "absent", maillage.OrganizationInput{Name: "X", Version: 1}); !maillage.IsNotFound(err) {
		t.Fatalf("unknown organisation: %v", err)
	}
}
