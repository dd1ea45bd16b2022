package graph

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Order is how key actors are ranked.
type Order uint8

// The orders people switch between.
const (
	OrderCombined Order = iota
	OrderRelations
	OrderPublications
	OrderNominations
)

// ParseOrder is the order named s ("combined", "relations",
// "publications", "nominations"); anything else is combined.
func ParseOrder(s string) Order {
	switch s {
	case "relations":
		return OrderRelations
	case "publications":
		return OrderPublications
	case "nominations":
		return OrderNominations
	}
	return OrderCombined
}

// String names the order.
func (o Order) String() string {
	return [...]string{"combined", "relations", "publications", "nominations"}[o]
}

// ThemeQuery asks for the key actors of a theme.
type ThemeQuery struct {
	// Tags are the theme's tag nodes: the tag, and its descendants when
	// asked. A tag's synonyms are labels of the same node.
	Tags []int32
	// Viewer is the viewer's own node, or -1 for a visitor: it adds
	// "people you know" to the reasons.
	Viewer int32
	// Now and Recent say what counts as recent activity.
	Now    time.Time
	Recent time.Duration
	Order  Order
	Limit  int
	// Centrality is the theme's topic-sensitive PageRank over the public
	// graph (Graph.PageRank of ThemeSeeds) by actor node, or nil.
	Centrality map[int32]float64
}

// KeyActor is one ranked actor with what its score rests on, all of it
// visible to the viewer.
type KeyActor struct {
	Node  int32
	Score float64
	// Publications are the theme's notes they wrote (people) or that are
	// about them (organisations, cards); Recent, those of them changed
	// within ThemeQuery.Recent.
	Publications, Recent int
	// Relations are the other actors of the theme they are linked with
	// (affiliation, co-authorship on the theme, declared acquaintance).
	Relations int
	// Communities and Discussions: the theme's communities they belong
	// to and its threads they took part in.
	Communities, Discussions int
	// Nominations: the people who named them on the theme, in the
	// viewer's own nomination requests.
	Nominations int
	// Tagged: the actor carries the tag itself (an interest, a sector).
	Tagged bool
	// Centrality is their topic PageRank relative to the best of the
	// ranking (0 to 1).
	Centrality float64
	// Known are people the viewer is linked with who are linked to them
	// (at most 3 named; KnownCount counts them all).
	Known      []int32
	KnownCount int
}

// ThemeItems returns the items carrying one of the tags that exist for
// the sight.
func (g *Graph) ThemeItems(s *Sight, tags []int32) []int32 {
	sc := g.getScratch()
	defer g.putScratch(sc)
	return g.themeItems(s, sc, tags)
}

// themeItems lists the theme's items and marks them in sc.mark.
func (g *Graph) themeItems(s *Sight, sc *scratch, tags []int32) []int32 {
	var out []int32
	for _, t := range tags {
		for p := g.off[t]; p < g.off[t+1]; p++ {
			j := g.adj[p]
			if EdgeKind(g.ekind[p]&^reversed) != EdgeTagged || sc.mark[j] == sc.stamp || !s.class(g.ecls[p]) {
				continue
			}
			sc.mark[j] = sc.stamp
			out = append(out, j)
		}
	}
	return out
}

// ThemeSeeds are the theme's items everyone may see: the teleport set
// of its topic PageRank, the same for every viewer.
func (g *Graph) ThemeSeeds(tags []int32) []int32 {
	return g.ThemeItems(g.Sight([]string{everyoneKey}), tags)
}

// KeyActors ranks the people, organisations and actor cards of a theme
// as the sight sees it. Everything counted is visible to the viewer: an
// item, membership or nomination the viewer may not see neither raises
// a score nor appears in a reason.
func (g *Graph) KeyActors(s *Sight, q ThemeQuery) []KeyActor {
	sc := g.getScratch()
	defer g.putScratch(sc)
	items := g.themeItems(s, sc, q.Tags)
	list := make([]KeyActor, 0, len(items))
	cand := func(i int32) *KeyActor {
		if sc.idxStamp[i] != sc.stamp {
			sc.idxStamp[i], sc.idx[i] = sc.stamp, int32(len(list))
			list = append(list, KeyActor{Node: i})
		}
		return &list[sc.idx[i]]
	}
	recentSince := q.Now.Add(-q.Recent).Unix()
	// pairs are the actors linked on the theme: co-authors (and subjects)
	// of its notes, then direct links; see countRelations.
	pairs := map[uint64]struct{}{}
	var sharers []int32
	for _, it := range items {
		k := g.refs[it].Kind
		switch {
		case k.IsActor():
			cand(it).Tagged = true
			continue
		case k != KindNote && k != KindCommunity && k != KindThread:
			continue
		}
		recent := k == KindNote && q.Recent > 0 && g.at[it] >= recentSince
		sc.tick()
		sharers = sharers[:0]
		for p := g.off[it]; p < g.off[it+1]; p++ {
			j := g.adj[p]
			ek := EdgeKind(g.ekind[p] &^ reversed)
			switch {
			case k == KindNote && (ek == EdgeAuthor || (ek == EdgeAbout && g.refs[j].Kind.IsActor())):
			case k == KindCommunity && ek == EdgeMembership:
			case k == KindThread && ek == EdgePost:
			default:
				continue
			}
			if !s.class(g.ecls[p]) || !sc.see(j) {
				continue
			}
			a := cand(j)
			switch k {
			case KindNote:
				a.Publications++
				if recent {
					a.Recent++
				}
				for _, o := range sharers {
					pairs[pairKey(o, j)] = struct{}{}
				}
				sharers = append(sharers, j)
			case KindCommunity:
				a.Communities++
			case KindThread:
				a.Discussions++
			}
		}
	}
	g.countNominations(s, q.Tags, cand)
	// Only actors the viewer may see are ranked.
	kept := list[:0]
	for _, a := range list {
		if g.refs[a.Node].Kind.IsActor() && s.Node(a.Node) {
			kept = append(kept, a)
		}
	}
	list = kept
	sc.stamp++ // a new stamp for the kept list's positions; marks stay
	for i := range list {
		sc.idxStamp[list[i].Node], sc.idx[list[i].Node] = sc.stamp, int32(i)
	}
	for i := range items {
		sc.mark[items[i]] = sc.stamp
	}
	g.countRelations(s, sc, list, pairs)
	best := 0.0
	for i := range list {
		a := &list[i]
		if g.Public(a.Node) {
			a.Centrality = q.Centrality[a.Node]
			best = max(best, a.Centrality)
		}
	}
	for i := range list {
		a := &list[i]
		if best > 0 {
			a.Centrality /= best
		}
		a.Score = combinedScore(a)
	}
	out := topActors(list, q.Limit, func(a, b *KeyActor) int { return compareActors(q.Order, a, b, g) })
	if q.Viewer >= 0 && s.Node(q.Viewer) {
		g.addKnown(s, q.Viewer, out)
	}
	return out
}

// combinedScore weighs what an actor's rank rests on. Counts are damped
// (log) so that one prolific author does not drown a well-connected
// organisation; being named by people the facilitator asked weighs most,
// as it does in the field.
func combinedScore(a *KeyActor) float64 {
	l := func(n int) float64 { return math.Log1p(float64(n)) }
	s := 3*l(a.Publications) + l(a.Recent) + 2*l(a.Relations) + 1.5*l(a.Communities) +
		l(a.Discussions) + 4*l(a.Nominations) + 6*a.Centrality
	if a.Tagged {
		s++
	}
	return math.Round(s*1000) / 1000
}

func compareActors(o Order, a, b *KeyActor, g *Graph) int {
	var c int
	switch o {
	case OrderRelations:
		c = cmp.Compare(b.Relations, a.Relations)
	case OrderPublications:
		c = cmp.Compare(b.Publications, a.Publications)
	case OrderNominations:
		c = cmp.Compare(b.Nominations, a.Nominations)
	}
	if c != 0 {
		return c
	}
	if c = cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	if c = cmp.Compare(g.labels[a.Node], g.labels[b.Node]); c != 0 {
		return c
	}
	return cmp.Compare(g.refs[a.Node].ID, g.refs[b.Node].ID)
}

// countNominations counts, for each nominee, the distinct people who
// named them on one of the tags in requests the sight may see.
func (g *Graph) countNominations(s *Sight, tags []int32, cand func(int32) *KeyActor) {
	if len(g.nominations) == 0 {
		return
	}
	topic := map[int32]bool{}
	for _, t := range tags {
		topic[t] = true
	}
	seen := map[[2]int32]bool{}
	for _, n := range g.nominations {
		if !topic[n.topic] || !s.class(n.class) || seen[[2]int32{n.from, n.to}] {
			continue
		}
		seen[[2]int32{n.from, n.to}] = true
		cand(n.to).Nominations++
	}
}

// pairKey names an unordered pair of nodes.
func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(uint32(a))<<32 | uint64(uint32(b))
}

// countRelations counts each candidate's links with other candidates:
// the co-authors (and subjects) of the theme's notes gathered in pairs,
// and direct links (affiliations, acquaintances) added to them, each
// pair once. sc.idx holds the candidates' positions under sc.stamp.
func (g *Graph) countRelations(s *Sight, sc *scratch, list []KeyActor, pairs map[uint64]struct{}) {
	isCand := func(j int32) bool { return sc.idxStamp[j] == sc.stamp }
	for ci := range list {
		i := list[ci].Node
		for _, p := range g.dpos[g.doff[i]:g.doff[i+1]] {
			if j := g.adj[p]; isCand(j) && s.class(g.ecls[p]) {
				pairs[pairKey(i, j)] = struct{}{}
			}
		}
	}
	for k := range pairs {
		a, b := int32(k>>32), int32(uint32(k))
		if isCand(a) && isCand(b) {
			list[sc.idx[a]].Relations++
			list[sc.idx[b]].Relations++
		}
	}
}

// addKnown fills Known: the people linked to the viewer (see
// Graph.Links) who are linked to each ranked actor.
func (g *Graph) addKnown(s *Sight, viewer int32, out []KeyActor) {
	mine := map[int32]bool{}
	g.Links(s, viewer, func(l Link) {
		if g.refs[l.Node].Kind == KindUser {
			mine[l.Node] = true
		}
	})
	if len(mine) == 0 {
		return
	}
	for i := range out {
		a := &out[i]
		if a.Node == viewer {
			continue
		}
		seen := map[int32]bool{}
		g.Links(s, a.Node, func(l Link) {
			if mine[l.Node] && !seen[l.Node] && l.Node != viewer {
				seen[l.Node] = true
				a.KnownCount++
				if len(a.Known) < 3 {
					a.Known = append(a.Known, l.Node)
				}
			}
		})
	}
}

// topActors returns the first limit actors of list in the order of cmp
// (all of them when limit is 0), selecting them with a bounded heap: a
// large theme has tens of thousands of candidates and a page shows a few.
func topActors(list []KeyActor, limit int, cmp func(a, b *KeyActor) int) []KeyActor {
	if limit <= 0 || limit >= len(list) {
		out := slices.Clone(list)
		slices.SortFunc(out, func(a, b KeyActor) int { return cmp(&a, &b) })
		return out
	}
	// h is a heap whose root is the worst of the best so far.
	h := make([]int, 0, limit)
	worse := func(i, j int) bool { return cmp(&list[h[i]], &list[h[j]]) > 0 }
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && worse(l, m) {
				m = l
			}
			if r := l + 1; r < len(h) && worse(r, m) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := range list {
		if len(h) < limit {
			h = append(h, i)
			for c := len(h) - 1; c > 0; {
				p := (c - 1) / 2
				if !worse(c, p) {
					break
				}
				h[c], h[p] = h[p], h[c]
				c = p
			}
			continue
		}
		if cmp(&list[i], &list[h[0]]) < 0 {
			h[0] = i
			down(0)
		}
	}
	out := make([]KeyActor, len(h))
	for i, j := range h {
		out[i] = list[j]
	}
	slices.SortFunc(out, func(a, b KeyActor) int { return cmp(&a, &b) })
	return out
}
