package api

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestEveryRouteAnswers calls every route of the table on fresh, valid,
// existing resources, as someone allowed to, and expects the status the
// table documents: no route is missing, none answers 404 or 405.
func TestEveryRouteAnswers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	bob, carol := e.users["bob"], e.users["carol"]
	slug := tagSlug(t, e)
	bodies := map[string]string{
		"updateMe":           `{"bio":"Bonjour"}`,
		"createToken":        `{"name":"un autre"}`,
		"createOrganization": `{"name":"Organisation unique","tags":["économie sociale"]}`,
		"updateOrganization": `{"description":"Mise à jour"}`,
		"putAffiliation":     `{"role":"bénévole"}`,
		"createCommunity":    `{"name":"Une communauté","visibility":"public","tags":[]}`,
		"updateCommunity":    `{"description":"Mise à jour"}`,
		"addMember":          `{"user_id":"` + e.users["dave"].ID + `","role":"member"}`,
		"requestToJoin":      `{"message":"Bonjour"}`,
	}
	callers := map[string]string{"joinCommunity": "carol", "requestToJoin": "dave"}
	n := 0
	for _, rt := range e.srv.routes() {
		n++
		t.Run(rt.Op, func(t *testing.T) {
			// Fresh resources for each route, so destructive calls do not
			// get in each other's way.
			alice := e.viewer("alice")
			org, err := e.svc.CreateOrganization(ctx, alice, maillage.OrganizationInput{Name: "Organisation " + rt.Op}, true)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.svc.SetAffiliation(ctx, alice, org.ID, bob.ID, "membre", false); err != nil {
				t.Fatal(err)
			}
			vis := "private"
			if rt.Op == "joinCommunity" {
				vis = "public"
			}
			c, err := e.svc.CreateCommunity(ctx, alice, maillage.CommunityInput{Name: "Communauté " + rt.Op, Visibility: vis, Listed: true})
			if err != nil {
				t.Fatal(err)
			}
			alice = e.viewer("alice")
			if err := e.svc.AddMember(ctx, alice, c.ID, bob.ID, maillage.RoleMember); err != nil {
				t.Fatal(err)
			}
			if vis == "private" {
				if err := e.svc.RequestToJoin(ctx, e.viewer("carol"), c.ID, "svp"); err != nil {
					t.Fatal(err)
				}
			}
			_, tok, err := e.svc.CreateToken(ctx, alice, "à révoquer")
			if err != nil {
				t.Fatal(err)
			}
			id := map[string]string{"me": tok.ID, "organizations": org.ID, "communities": c.ID, "people": bob.ID,
				"tags": url.PathEscape(slug)}[rt.Group]
			userID := bob.ID
			if strings.Contains(rt.Path, "/requests/") {
				userID = carol.ID
			}
			path := strings.NewReplacer("{id}", id, "{user_id}", userID, "{slug}", url.PathEscape(slug)).Replace(rt.Path)
			who := callers[rt.Op]
			if who == "" {
				who = "alice"
			}
			w := e.call(rt.Method, path, who, bodies[rt.Op])
			if w.Code != rt.Status {
				t.Errorf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
		})
	}
	if n < 25 {
		t.Errorf("only %d routes", n)
	}
}
