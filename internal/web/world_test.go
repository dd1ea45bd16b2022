package web

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// world is a populated instance: people, organisations, communities of
// every visibility, tags and a pending join request.
type world struct {
	Alice, Bob, Carol      *maillage.User // Alice manages; Bob is a member; Carol an outsider
	Org                    *maillage.Organization
	Public, Listed, Secret *maillage.Community
	Password               string
}

const testPassword = "mot de passe solide"

func (e *env) world() *world {
	e.t.Helper()
	ctx := context.Background()
	w := &world{Password: testPassword}
	w.Alice = e.user("Alice Côté", "alice@example.org", "économie sociale", "numérique")
	w.Bob = e.user("Bob Lavoie", "bob@example.org", "numérique")
	w.Carol = e.user("Carol Roy", "carol@example.org")
	alice := e.viewer(w.Alice.ID)
	// Alice's profile is public, with links and an email shown to members.
	_, err := e.Svc.UpdateProfile(ctx, alice, w.Alice.ID, maillage.ProfileInput{
		Name: "Alice Côté", Pronouns: "elle", Bio: "Animatrice.\nTransition socio-écologique.", Region: "06",
		Language: "fr-CA", ProfileVisibility: "public", Contact: "email",
		Interests: []string{"économie sociale", "numérique"},
		Links:     []maillage.Link{{Kind: maillage.LinkLinkedIn, URL: "https://www.linkedin.com/in/alice"}},
	})
	if err != nil {
		e.t.Fatal(err)
	}
	w.Org, err = e.Svc.CreateOrganization(ctx, alice, maillage.OrganizationInput{
		Name: "Coop du Quartier", Description: "Une coopérative de solidarité.", Type: "cooperative", Region: "06",
		Website: "https://coop.example.org", Latitude: "45.5", Longitude: "-73.56", Tags: []string{"économie sociale"},
	}, false)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.Svc.SetAffiliation(ctx, alice, w.Org.ID, w.Alice.ID, "coordonnatrice", false); err != nil {
		e.t.Fatal(err)
	}
	mk := func(name, vis string, listed bool) *maillage.Community {
		c, err := e.Svc.CreateCommunity(ctx, e.viewer(w.Alice.ID), maillage.CommunityInput{
			Name: name, Description: "À propos de " + name + ".", Visibility: vis, Listed: listed, Region: "06",
			Tags: []string{"numérique"}})
		if err != nil {
			e.t.Fatal(err)
		}
		return c
	}
	w.Public = mk("Numérique communautaire", "public", true)
	w.Listed = mk("Cercle des animatrices", "private", true)
	w.Secret = mk("Comité confidentiel", "private", false)
	for _, c := range []*maillage.Community{w.Public, w.Listed, w.Secret} {
		testutil.AddMember(e.t, e.Svc, e.viewer(w.Alice.ID), c.ID, w.Bob.ID, maillage.RoleMember)
	}
	if err := e.Svc.RequestToJoin(ctx, e.viewer(w.Carol.ID), w.Listed.ID, "Bonjour !\nJe voudrais participer."); err != nil {
		e.t.Fatal(err)
	}
	if _, _, err := e.Svc.CreateToken(ctx, alice, "script d’import"); err != nil {
		e.t.Fatal(err)
	}
	return w
}
