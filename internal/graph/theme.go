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
	var out []int32
	seen := map[int32]bool{}
	for _, t := range tags {
		g.Neighbors(s, t, func(nb Neighbor) bool {
			if nb.Kind == EdgeTagged && !seen[nb.Node] {
				seen[nb.Node] = true
				out = append(out, nb.Node)
			}
			return true
		})
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
	items := g.ThemeItems(s, q.Tags)
	inTheme := make(map[int32]bool, len(items))
	for _, it := range items {
		inTheme[it] = true
	}
	cands := map[int32]*KeyActor{}
	cand := func(i int32) *KeyActor {
		a := cands[i]
		if a == nil {
			a = &KeyActor{Node: i}
			cands[i] = a
		}
		return a
	}
	recentSince := q.Now.Add(-q.Recent).Unix()
	for _, it := range items {
		switch k := g.refs[it].Kind; {
		case k.IsActor():
			cand(it).Tagged = true
		case k == KindNote:
			recent := q.Recent > 0 && g.at[it] >= recentSince
			g.Neighbors(s, it, func(nb Neighbor) bool {
				if nb.Kind == EdgeAuthor || (nb.Kind == EdgeAbout && g.refs[nb.Node].Kind.IsActor()) {
					a := cand(nb.Node)
					a.Publications++
					if recent {
						a.Recent++
					}
				}
				return true
			})
		case k == KindCommunity:
			g.Neighbors(s, it, func(nb Neighbor) bool {
				if nb.Kind == EdgeMembership {
					cand(nb.Node).Communities++
				}
				return true
			})
		case k == KindThread:
			posted := map[int32]bool{}
			g.Neighbors(s, it, func(nb Neighbor) bool {
				if nb.Kind == EdgePost && !posted[nb.Node] {
					posted[nb.Node] = true
					cand(nb.Node).Discussions++
				}
				return true
			})
		}
	}
	g.countNominations(s, q.Tags, cand)
	// Only actors the viewer may see are ranked.
	for i := range cands {
		if !s.Node(i) || !g.refs[i].Kind.IsActor() {
			delete(cands, i)
		}
	}
	g.countRelations(s, cands, inTheme)
	list := make([]*KeyActor, 0, len(cands))
	best := 0.0
	for i, a := range cands {
		if g.Public(i) {
			a.Centrality = q.Centrality[i]
			best = max(best, a.Centrality)
		}
		list = append(list, a)
	}
	for _, a := range list {
		if best > 0 {
			a.Centrality /= best
		}
		a.Score = combinedScore(a)
	}
	slices.SortFunc(list, func(a, b *KeyActor) int { return compareActors(q.Order, a, b, g) })
	if q.Limit > 0 && len(list) > q.Limit {
		list = list[:q.Limit]
	}
	out := make([]KeyActor, len(list))
	for i, a := range list {
		out[i] = *a
	}
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

// countRelations counts each candidate's links with other candidates:
// affiliations, declared acquaintances, and co-authorship of the
// theme's notes.
func (g *Graph) countRelations(s *Sight, cands map[int32]*KeyActor, inTheme map[int32]bool) {
	for i, a := range cands {
		linked := map[int32]bool{}
		g.Neighbors(s, i, func(nb Neighbor) bool {
			switch nb.Kind {
			case EdgeAffiliation, EdgeKnows:
				if cands[nb.Node] != nil {
					linked[nb.Node] = true
				}
			case EdgeAuthor, EdgeAbout:
				if !inTheme[nb.Node] {
					return true
				}
				g.Neighbors(s, nb.Node, func(co Neighbor) bool {
					if (co.Kind == EdgeAuthor || co.Kind == EdgeAbout) && co.Node != i && cands[co.Node] != nil {
						linked[co.Node] = true
					}
					return true
				})
			}
			return true
		})
		a.Relations = len(linked)
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
