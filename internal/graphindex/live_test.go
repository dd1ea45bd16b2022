package graphindex_test

import (
	"context"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/graphindex"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// member reports whether the graph holds userID's membership of
// communityID as an administrator may see it.
func member(g *graph.Graph, userID, communityID string) bool {
	u, ok := g.Node(graph.NodeRef{Kind: graph.KindUser, ID: userID})
	if !ok {
		return false
	}
	found := false
	g.Neighbors(g.Sight([]string{"everyone", "signed-in", "community:" + communityID}), u, func(nb graph.Neighbor) bool {
		found = nb.Kind == graph.EdgeMembership && g.Ref(nb.Node).ID == communityID
		return !found
	})
	return found
}

// TestLiveFollowsTheStore: a membership (which no search document reads)
// changes the change log, and the next request sees a new graph; a
// large graph answers at once from the current one and rebuilds aside.
func TestLiveFollowsTheStore(t *testing.T) {
	ctx := context.Background()
	svc, db := testutil.Service(t)
	alice, av := testutil.User(t, svc, "Alice", "alice@example.test")
	bob, _ := testutil.User(t, svc, "Bob", "bob@example.test")
	c, err := svc.CreateCommunity(ctx, av, maillage.CommunityInput{Name: "Cercle", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	live := graphindex.New(db, graphindex.Options{})
	g1, err := live.Graph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !member(g1, alice.ID, c.ID) || member(g1, bob.ID, c.ID) {
		t.Fatal("the first graph does not hold the memberships of the store")
	}
	if g, _ := live.Graph(ctx); g != g1 {
		t.Error("the graph was rebuilt without any change")
	}
	av = testutil.ViewerOf(t, svc, alice.ID)
	testutil.AddMember(t, svc, av, c.ID, bob.ID, maillage.RoleMember)
	g2, err := live.Graph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g2 == g1 || !member(g2, bob.ID, c.ID) {
		t.Fatal("bob's new membership is not in the graph after the change")
	}

	// A graph whose build is "slow" answers with the current one and
	// swaps in the new one when built.
	slow := graphindex.New(db, graphindex.Options{SyncBuild: time.Nanosecond})
	s1, err := slow.Graph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Leave(ctx, testutil.ViewerOf(t, svc, bob.ID), c.ID); err != nil {
		t.Fatal(err)
	}
	if g, _ := slow.Graph(ctx); g != s1 {
		t.Error("a slow graph waited for its rebuild")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		g, err := slow.Graph(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if g != s1 && !member(g, bob.ID, c.ID) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the background rebuild never came")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !slow.Ready() || slow.Age() < 0 {
		t.Error("Ready/Age")
	}
}

// TestCentralityIsCachedPerGraph: a theme's PageRank is computed once per
// graph.
func TestCentralityIsCachedPerGraph(t *testing.T) {
	_, db := testutil.Service(t)
	live := graphindex.New(db, graphindex.Options{CentralityCache: 1})
	g, err := live.Graph(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a := live.Centrality(g, nil)
	b := live.Centrality(g, nil)
	if a == nil || len(a) != len(b) {
		t.Fatalf("centrality %v %v", a, b)
	}
}

// TestCentralityCarriesOverToANewGraph: after a rebuild, a theme's
// PageRank answers at once from the previous graph's scores, mapped to
// the new nodes, and is refreshed in the background.
func TestCentralityCarriesOverToANewGraph(t *testing.T) {
	ctx := context.Background()
	svc, db := testutil.Service(t)
	alice, av := testutil.User(t, svc, "Alice", "alice@example.test")
	bob, _ := testutil.User(t, svc, "Bob", "bob@example.test")
	if _, err := svc.UpdateProfile(ctx, av, alice.ID, maillage.ProfileInput{Name: "Alice", Language: "fr-CA",
		ProfileVisibility: "public", Contact: "messages", Interests: []string{"transition"}}); err != nil {
		t.Fatal(err)
	}
	n, err := svc.CreateNote(ctx, av, maillage.NoteInput{Title: "Note", Body: "x", Kind: "general", Visibility: "public",
		Tags: []string{"transition"}, AuthorIDs: []string{bob.ID}})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AcceptNote(t, svc, n.ID, bob.ID)
	live := graphindex.New(db, graphindex.Options{})
	g1, err := live.Graph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tag := tagNode(t, g1, svc, "transition")
	s1 := live.Centrality(g1, []int32{tag})
	a1, _ := g1.Node(graph.NodeRef{Kind: graph.KindUser, ID: alice.ID})
	if s1[a1] <= 0 {
		t.Fatalf("alice has no centrality: %v", s1)
	}
	// Another write: a new graph, whose node numbers may differ.
	testutil.User(t, svc, "Carol", "carol@example.test")
	g2, err := live.Graph(ctx)
	if err != nil || g2 == g1 {
		t.Fatalf("no new graph: %v", err)
	}
	s2 := live.Centrality(g2, []int32{tagNode(t, g2, svc, "transition")})
	a2, _ := g2.Node(graph.NodeRef{Kind: graph.KindUser, ID: alice.ID})
	if s2[a2] != s1[a1] {
		t.Errorf("alice's carried-over centrality: %v, was %v", s2[a2], s1[a1])
	}
}

func tagNode(t *testing.T, g *graph.Graph, svc interface {
	ThemeTags(context.Context, maillage.Viewer, string, bool) (*maillage.Tag, []string, error)
}, label string) int32 {
	t.Helper()
	_, ids, err := svc.ThemeTags(context.Background(), maillage.Anonymous(), label, false)
	if err != nil {
		t.Fatal(err)
	}
	i, ok := g.Node(graph.NodeRef{Kind: graph.KindTag, ID: ids[0]})
	if !ok {
		t.Fatal("no tag node")
	}
	return i
}
