package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/graph"
)

// graphFilterKinds pairs each kind of graph node with the store filter
// its page and lists use.
func graphFilterKinds() map[graph.Kind]string {
	return map[graph.Kind]string{
		graph.KindUser:      "profile",
		graph.KindCommunity: "community-see",
		graph.KindNote:      "note",
		graph.KindNotebook:  "notebook",
		graph.KindThread:    "thread",
		graph.KindMeeting:   "meeting",
	}
}

// TestGraphAudiencesAgree builds the random worlds of
// TestDerivedFiltersAgree, loads the relation graph, and checks for
// every viewer that the nodes their sight sees are exactly the items
// the store's SQL filters let them see, and that a community membership
// exists for them exactly when they may see both the person and the
// community's member list (so a private membership never counts for an
// outsider). MAILLAGE_POLICY_SEED and MAILLAGE_POLICY_WORLDS replay and
// widen it likewise.
func TestGraphAudiencesAgree(t *testing.T) {
	eachPolicyWorld(t, checkGraphAudiences)
}

func checkGraphAudiences(t *testing.T, w *policyWorld) {
	ctx := context.Background()
	b := graph.NewBuilder()
	if err := w.db.LoadGraph(ctx, b); err != nil {
		t.Fatal(err)
	}
	g := b.Build()
	// Every membership, as a sight holding every viewer's keys sees them.
	var all []string
	for _, v := range w.viewers {
		all = append(all, v.AudienceKeys()...)
	}
	god := g.Sight(all)
	type pair struct{ user, community string }
	var memberships []pair
	for _, u := range g.OfKind(graph.KindUser) {
		g.Neighbors(god, u, func(nb graph.Neighbor) bool {
			if nb.Kind == graph.EdgeMembership {
				memberships = append(memberships, pair{g.Ref(u).ID, g.Ref(nb.Node).ID})
			}
			return true
		})
	}
	if len(memberships) == 0 {
		t.Fatal("no membership in the world")
	}
	for _, v := range w.viewers {
		s := g.Sight(v.AudienceKeys())
		visible := map[string]map[string]bool{}
		for kind, filter := range graphFilterKinds() {
			var got []string
			for _, i := range g.OfKind(kind) {
				if s.Node(i) {
					got = append(got, g.Ref(i).ID)
				}
			}
			want, err := w.db.VisibleIDs(ctx, filter, v)
			if err != nil {
				t.Fatal(err)
			}
			if !sameSet(got, want) {
				t.Errorf("%s nodes for viewer %q (admin %v, roles %v): the graph shows %d, the SQL filter %d: %s",
					kind, v.UserID, v.Admin, v.Roles, len(got), len(want), diffSets(got, want))
			}
			visible[filter] = map[string]bool{}
			for _, id := range want {
				visible[filter][id] = true
			}
		}
		readable, err := w.db.VisibleIDs(ctx, "community-read", v)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range memberships {
			u, _ := g.Node(graph.NodeRef{Kind: graph.KindUser, ID: m.user})
			seen := false
			g.Neighbors(s, u, func(nb graph.Neighbor) bool {
				seen = seen || (nb.Kind == graph.EdgeMembership && g.Ref(nb.Node).ID == m.community)
				return !seen
			})
			want := visible["profile"][m.user] && visible["community-see"][m.community] && slices.Contains(readable, m.community)
			if seen != want {
				t.Errorf("viewer %q (roles %v): the membership of %s in %s exists %v, the policy says %v",
					v.UserID, v.Roles, m.user, m.community, seen, want)
			}
		}
	}
}
