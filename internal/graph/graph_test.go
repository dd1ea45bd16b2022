package graph

import (
	"math"
	"testing"
	"time"
)

var (
	everyone = [][]string{{"everyone"}}
	now      = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
)

func ref(k Kind, id string) NodeRef { return NodeRef{k, id} }

// smallWorld is a theme "transition" with:
//   - Léa and Marc, who co-wrote two public notes tagged transition;
//     Léa works at Vivre en ville, tagged transition;
//   - Sami, who wrote a note tagged transition visible only to the
//     members of the private community "c-priv", of which Sami is a
//     member (the membership is for members only);
//   - Zoé, a members-only profile, who wrote a public note tagged
//     transition;
//   - Nina, named by Léa in Paul's nomination request;
//   - Omar, Marc's co-author on an untagged note: second degree from Léa.
func smallWorld(t *testing.T) *Graph {
	t.Helper()
	b := NewBuilder()
	b.Node(ref(KindTag, "transition"), "transition", everyone, now)
	b.Node(ref(KindTag, "autre"), "autre", everyone, now)
	for _, p := range []string{"lea", "marc", "sami", "nina", "omar", "paul"} {
		b.Node(ref(KindUser, p), p, everyone, now)
	}
	b.Node(ref(KindUser, "zoe"), "zoe", [][]string{{"signed-in"}}, now)
	b.Node(ref(KindOrganization, "vev"), "Vivre en ville", everyone, now)
	b.Node(ref(KindCommunity, "c-priv"), "Privée", [][]string{{"admins", "community:c-priv"}}, now)
	notes := []struct {
		id     string
		aud    [][]string
		tagged bool
		at     time.Time
		by     []string
	}{
		{"n1", everyone, true, now.Add(-24 * time.Hour), []string{"lea", "marc"}},
		{"n2", everyone, true, now.Add(-400 * 24 * time.Hour), []string{"lea", "marc"}},
		{"n3", [][]string{{"community:c-priv", "person:sami"}}, true, now, []string{"sami"}},
		{"n4", everyone, true, now, []string{"zoe"}},
		{"n5", everyone, false, now, []string{"marc", "omar"}},
	}
	for _, n := range notes {
		b.Node(ref(KindNote, n.id), n.id, n.aud, n.at)
		if n.tagged {
			b.Edge(EdgeTagged, ref(KindNote, n.id), ref(KindTag, "transition"), nil)
		}
		for _, a := range n.by {
			b.Edge(EdgeAuthor, ref(KindUser, a), ref(KindNote, n.id), nil)
		}
	}
	b.Edge(EdgeAffiliation, ref(KindUser, "lea"), ref(KindOrganization, "vev"), nil)
	b.Edge(EdgeTagged, ref(KindOrganization, "vev"), ref(KindTag, "transition"), nil)
	b.Edge(EdgeTagged, ref(KindCommunity, "c-priv"), ref(KindTag, "transition"), nil)
	b.Edge(EdgeMembership, ref(KindUser, "sami"), ref(KindCommunity, "c-priv"), [][]string{{"admins", "community:c-priv"}})
	lea := ref(KindUser, "lea")
	b.Nomination("lea", &lea, ref(KindUser, "nina"), [][]string{{"person:paul"}}, "transition")
	// Someone asked by email names Nina too; a nomination on an absent
	// tag is dropped.
	b.Nomination("respondent-7", nil, ref(KindUser, "nina"), [][]string{{"person:paul"}}, "transition")
	if b.Nomination("respondent-8", nil, ref(KindUser, "nina"), [][]string{{"person:paul"}}, "absent") {
		t.Fatal("a nomination on an absent tag was kept")
	}
	if b.Edge(EdgeAuthor, ref(KindUser, "ghost"), ref(KindNote, "n1"), nil) {
		t.Fatal("an edge to an absent node was kept")
	}
	return b.Build()
}

func node(t *testing.T, g *Graph, k Kind, id string) int32 {
	t.Helper()
	i, ok := g.Node(ref(k, id))
	if !ok {
		t.Fatalf("no node %s %s", k, id)
	}
	return i
}

func keyActors(t *testing.T, g *Graph, keys []string, viewer int32, o Order) map[string]KeyActor {
	t.Helper()
	tag := node(t, g, KindTag, "transition")
	s := g.Sight(keys)
	list := g.KeyActors(s, ThemeQuery{Tags: []int32{tag}, Viewer: viewer, Now: now, Recent: 90 * 24 * time.Hour,
		Order: o, Centrality: centralityOf(g, g.PageRank(g.ThemeSeeds([]int32{tag})))})
	out := map[string]KeyActor{}
	for i, a := range list {
		if i > 0 && o == OrderCombined && list[i-1].Score < a.Score {
			t.Errorf("not in score order: %v before %v", list[i-1], a)
		}
		out[g.Ref(a.Node).ID] = a
	}
	return out
}

func TestKeyActorsCountOnlyWhatTheViewerSees(t *testing.T) {
	g := smallWorld(t)
	visitor := keyActors(t, g, []string{"everyone"}, -1, OrderCombined)
	if a := visitor["lea"]; a.Publications != 2 || a.Recent != 1 || a.Relations != 2 {
		t.Errorf("Léa for a visitor: %+v (want 2 publications, 1 recent, 2 relations: Marc and Vivre en ville)", a)
	}
	if a := visitor["vev"]; !a.Tagged || a.Relations != 1 {
		t.Errorf("Vivre en ville: %+v", a)
	}
	for _, hidden := range []string{"sami", "zoe", "nina"} {
		if a, ok := visitor[hidden]; ok {
			t.Errorf("a visitor sees %s ranked: %+v", hidden, a)
		}
	}
	member := keyActors(t, g, []string{"everyone", "signed-in", "person:omar", "community:c-priv"}, -1, OrderCombined)
	if a := member["sami"]; a.Publications != 1 || a.Communities != 1 {
		t.Errorf("Sami for a member of the private community: %+v", a)
	}
	if _, ok := member["zoe"]; !ok {
		t.Error("a signed-in person does not see Zoé, whose profile is for members")
	}
	if a := member["nina"]; a.Nominations != 0 {
		t.Errorf("a nomination shows to someone other than its requester: %+v", a)
	}
	paul := keyActors(t, g, []string{"everyone", "signed-in", "person:paul"}, node(t, g, KindUser, "paul"), OrderNominations)
	if a := paul["nina"]; a.Nominations != 2 {
		t.Errorf("Paul does not see Nina's nomination: %+v", a)
	}
	if first := g.KeyActors(g.Sight([]string{"everyone", "signed-in", "person:paul"}), ThemeQuery{
		Tags: []int32{node(t, g, KindTag, "transition")}, Viewer: -1, Order: OrderNominations, Limit: 1}); len(first) != 1 || g.Ref(first[0].Node).ID != "nina" {
		t.Errorf("ordered by nominations, Paul's first actor is %+v", first)
	}
}

func TestKeyActorsKnownPeople(t *testing.T) {
	g := smallWorld(t)
	omar := node(t, g, KindUser, "omar")
	got := keyActors(t, g, []string{"everyone", "signed-in", "person:omar"}, omar, OrderCombined)
	lea := got["lea"]
	if lea.KnownCount != 1 || len(lea.Known) != 1 || g.Ref(lea.Known[0]).ID != "marc" {
		t.Errorf("Omar should know Léa through Marc: %+v", lea)
	}
}

func TestSecondDegree(t *testing.T) {
	g := smallWorld(t)
	lea := node(t, g, KindUser, "lea")
	s := g.Sight([]string{"everyone"})
	got := g.SecondDegree(s, SecondQuery{From: []int32{lea}, Viewer: -1})
	if len(got) != 1 || g.Ref(got[0].Node).ID != "omar" {
		t.Fatalf("second degree from Léa: %+v", got)
	}
	v := got[0].Via
	if len(v) != 1 || g.Ref(v[0].Node).ID != "marc" || v[0].Kind != EdgeAuthor || v[0].Count != 1 {
		t.Errorf("via: %+v", v)
	}
	// On the theme, Omar (who wrote nothing tagged transition) goes.
	tag := node(t, g, KindTag, "transition")
	if got := g.SecondDegree(s, SecondQuery{From: []int32{lea}, Viewer: -1, Tags: []int32{tag}}); len(got) != 0 {
		t.Errorf("tag filter kept %+v", got)
	}
	// Someone already linked to Omar is not offered him.
	if got := g.SecondDegree(s, SecondQuery{From: []int32{lea}, Viewer: node(t, g, KindUser, "marc")}); len(got) != 0 {
		t.Errorf("Marc is offered people he knows: %+v", got)
	}
	// The nomination link exists for Paul only.
	paul := g.Sight([]string{"everyone", "signed-in", "person:paul"})
	nina := node(t, g, KindUser, "nina")
	found := false
	for _, sg := range g.SecondDegree(paul, SecondQuery{From: []int32{node(t, g, KindUser, "marc")}, Viewer: -1}) {
		found = found || sg.Node == nina
	}
	if !found {
		t.Error("Paul, who asked, does not reach Nina through Léa's nomination")
	}
	for _, sg := range g.SecondDegree(s, SecondQuery{From: []int32{node(t, g, KindUser, "marc")}, Viewer: -1}) {
		if sg.Node == nina {
			t.Error("a visitor reaches Nina through a nomination")
		}
	}
}

func TestPageRankMatchesDenseComputation(t *testing.T) {
	b := NewBuilder()
	ids := []string{"a", "b", "c", "d", "e"}
	for _, id := range ids {
		b.Node(ref(KindUser, id), id, everyone, now)
	}
	b.Node(ref(KindUser, "hidden"), "hidden", [][]string{{"person:x"}}, now)
	pairs := [][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}, {"c", "d"}, {"d", "hidden"}}
	for _, p := range pairs {
		b.Edge(EdgeKnows, ref(KindUser, p[0]), ref(KindUser, p[1]), nil)
	}
	g := b.Build()
	got := g.PageRank([]int32{0})
	// Dense reference: public nodes a..e (e is dangling), weights 1.
	n := 5
	adj := make([][]float64, n)
	for i := range adj {
		adj[i] = make([]float64, n)
	}
	for _, p := range pairs[:4] {
		i, j := int(p[0][0]-'a'), int(p[1][0]-'a')
		adj[i][j], adj[j][i] = 1, 1
	}
	tele := []float64{1, 0, 0, 0, 0}
	r := append([]float64(nil), tele...)
	for range 200 {
		next := make([]float64, n)
		lost := r[4]
		for i := range n {
			for j := range n {
				if adj[j][i] > 0 {
					deg := 0.0
					for _, w := range adj[j] {
						deg += w
					}
					next[i] += 0.85 * r[j] / deg
				}
			}
			next[i] += (0.15 + 0.85*lost) * tele[i]
		}
		r = next
	}
	sum := 0.0
	for i := range n {
		sum += got[i]
		if math.Abs(got[i]-r[i]) > 1e-5 {
			t.Errorf("node %s: %.6f, dense %.6f", ids[i], got[i], r[i])
		}
	}
	if math.Abs(sum-1) > 1e-5 || got[5] != 0 {
		t.Errorf("sum %.6f, hidden node %.6f", sum, got[5])
	}
}

func TestClassesAreShared(t *testing.T) {
	g := smallWorld(t)
	st := g.Stats()
	if st.Nodes != 16 || st.Edges != 17 {
		t.Errorf("stats %+v", st)
	}
	if st.Classes > 10 {
		t.Errorf("%d classes for a handful of audiences", st.Classes)
	}
}

func centralityOf(g *Graph, pr []float64) map[int32]float64 {
	out := map[int32]float64{}
	for i, v := range pr {
		if g.Ref(int32(i)).Kind.IsActor() {
			out[int32(i)] = v
		}
	}
	return out
}

func TestPageRankFixedMatchesConverged(t *testing.T) {
	g := smallWorld(t)
	n := g.PageRankConvergence(nil)
	if n <= 1 || n > prMaxIterates {
		t.Fatalf("converged in %d iterations", n)
	}
	a, b := g.PageRank(nil), g.PageRankFixed(nil, n)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %v vs %v", i, a[i], b[i])
		}
	}
	if p := g.PlainPageRank(n); len(p) != g.Len() {
		t.Fatal("plain kernel size")
	}
}

func TestTopActorsMatchesASort(t *testing.T) {
	var list []KeyActor
	for i := range 500 {
		list = append(list, KeyActor{Node: int32(i), Score: float64((i * 7919) % 97), Relations: i % 13})
	}
	cmp := func(a, b *KeyActor) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return int(a.Node - b.Node)
	}
	all := topActors(list, 0, cmp)
	for _, k := range []int{1, 7, 20, 499, 500, 600} {
		got := topActors(list, k, cmp)
		want := all[:min(k, len(all))]
		if len(got) != len(want) {
			t.Fatalf("top %d: %d actors", k, len(got))
		}
		for i := range got {
			if got[i].Node != want[i].Node {
				t.Fatalf("top %d: position %d is %d, want %d", k, i, got[i].Node, want[i].Node)
			}
		}
	}
}
