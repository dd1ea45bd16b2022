package api

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// coveredElsewhere names, per route group, the test that calls each of
// its routes on resources of its own (they need richer fixtures than the
// ones built here). A group in neither place fails TestEveryRouteAnswers.
var coveredElsewhere = map[string]string{
	"notes":           "TestEveryNoteRouteAnswers",
	"notebooks":       "TestNotebookRoutesAnswer",
	"knowledge-bases": "TestNotebookRoutesAnswer",
	"messages":        "TestEveryMessagingRouteAnswers",
	"discussion":      "TestEveryDiscussionRouteAnswers",
	"taxonomy":        "TestEveryTaxonomyRouteAnswers",
	"discovery":       "TestEveryDiscoveryRouteAnswers",
	"meetings":        "TestEveryMeetingRouteAnswers",
	"recruitment":     "TestEveryRecruitmentRouteAnswers",
	"actors":          "TestEveryActorRouteAnswers",
	"nominations":     "TestEveryNominationRouteAnswers",
}

// TestCoveringTestsExist keeps coveredElsewhere honest: each test it names
// is defined in this package's test files.
func TestCoveringTestsExist(t *testing.T) {
	var src strings.Builder
	names, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	for group, test := range coveredElsewhere {
		if !strings.Contains(src.String(), "func "+test+"(t *testing.T)") {
			t.Errorf("group %s is said to be covered by %s, which does not exist", group, test)
		}
	}
}

// TestEveryRouteAnswers calls every route of the table on fresh, valid,
// existing resources, as someone allowed to, and expects the status the
// table documents: no route is missing, none answers 404 or 405.
func TestEveryRouteAnswers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	bob, carol := e.users["bob"], e.users["carol"]
	slug := tagSlug(t, e)
	bodies := map[string]string{
		"updateMe":                   `{"bio":"Bonjour"}`,
		"createToken":                `{"name":"un autre"}`,
		"createOrganization":         `{"name":"Organisation unique","tags":["économie sociale"]}`,
		"updateOrganization":         `{"description":"Mise à jour"}`,
		"putAffiliation":             `{"role":"bénévole"}`,
		"createCommunity":            `{"name":"Une communauté","visibility":"public","tags":[]}`,
		"updateCommunity":            `{"description":"Mise à jour"}`,
		"addMember":                  `{"user_id":"` + e.users["dave"].ID + `","role":"member"}`,
		"requestToJoin":              `{"message":"Bonjour"}`,
		"invite":                     `{"user_id":"` + e.users["dave"].ID + `"}`,
		"transferManagement":         `{"user_id":"` + bob.ID + `"}`,
		"putNotificationPreferences": `{"default":"daily"}`,
		"readNotificationGroup":      `{"group":"discussions"}`,
	}
	callers := map[string]string{"joinCommunity": "carol", "requestToJoin": "dave",
		"acceptInvitation": "dave", "declineInvitation": "dave"}
	// Routes that act on a pending invitation (of dave's).
	invited := map[string]bool{"withdrawInvitation": true, "acceptInvitation": true, "declineInvitation": true}
	n := 0
	for _, rt := range e.srv.routes() {
		if _, ok := coveredElsewhere[rt.Group]; ok {
			continue
		}
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
			testutil.AddMember(t, e.svc, alice, c.ID, bob.ID, maillage.RoleMember)
			if vis == "private" {
				if err := e.svc.RequestToJoin(ctx, e.viewer("carol"), c.ID, "svp"); err != nil {
					t.Fatal(err)
				}
			}
			if invited[rt.Op] {
				if err := e.svc.Invite(ctx, alice, c.ID, e.users["dave"].ID); err != nil {
					t.Fatal(err)
				}
			}
			var tokID string
			if rt.Group == "me" { // tokens are capped per person: make one only where needed
				_, tok, err := e.svc.CreateToken(ctx, alice, "à révoquer")
				if err != nil {
					t.Fatal(err)
				}
				tokID = tok.ID
			}
			// Notification routes act on one of alice's notifications and
			// on her follow of the route's community.
			var notificationID string
			if rt.Group == "notifications" {
				if rt.Op == "deleteFollow" {
					if err := e.svc.Follow(ctx, alice, maillage.FollowCommunity, c.ID); err != nil {
						t.Fatal(err)
					}
				}
				th := e.tellThread(c, "bob", "Fil "+rt.Op)
				list, _, err := e.svc.Notifications(ctx, alice, false, service.Page{Limit: 10})
				if err != nil || len(list) == 0 {
					t.Fatalf("no notification about %s: %v", th.Title, err)
				}
				notificationID = list[0].ID
				bodies["createFollow"] = `{"target_type":"community","target_id":"` + c.ID + `"}`
			}
			id := map[string]string{"me": tokID, "notifications": notificationID, "organizations": org.ID, "communities": c.ID, "people": bob.ID,
				"tags": url.PathEscape(slug)}[rt.Group]
			userID := bob.ID
			if strings.Contains(rt.Path, "/requests/") {
				userID = carol.ID
			}
			if invited[rt.Op] {
				userID = e.users["dave"].ID
			}
			path := strings.NewReplacer("{id}", id, "{user_id}", userID, "{slug}", url.PathEscape(slug),
				"{target_type}", "community", "{target_id}", c.ID).Replace(rt.Path)
			who := callers[rt.Op]
			if who == "" {
				who = "alice"
			}
			w := e.call(rt.Method, path, who, bodies[rt.Op])
			if w.Code != rt.Status && !(rt.Invites && w.Code == http.StatusAccepted) {
				t.Errorf("%s %s: %d, want %d: %s", rt.Method, path, w.Code, rt.Status, w.Body)
			}
		})
	}
	if n < 25 {
		t.Errorf("only %d routes", n)
	}
}

// TestRoutePatternsListTheTable: the exported list is the mounted table.
func TestRoutePatternsListTheTable(t *testing.T) {
	e := newEnv(t)
	table, patterns := e.srv.routes(), RoutePatterns()
	if len(table) != len(patterns) {
		t.Fatalf("%d patterns for %d routes", len(patterns), len(table))
	}
	for i, rt := range table {
		if patterns[i] != rt.Method+" "+rt.Path {
			t.Errorf("pattern %d is %q, route %s %s", i, patterns[i], rt.Method, rt.Path)
		}
	}
}
