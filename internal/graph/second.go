package graph

import (
	"cmp"
	"math"
	"slices"
)

// SecondQuery asks for the actors two steps away from some actors.
type SecondQuery struct {
	// From are the actors to start from (a person, an organisation, or
	// a selection).
	From []int32
	// Viewer is the viewer's node, or -1: the people the viewer is
	// already linked with are not suggested.
	Viewer int32
	// Tags, when set, keep suggestions on the theme: actors carrying
	// one of the tags, or who wrote a note carrying one.
	Tags  []int32
	Limit int
}

// Suggestion is an actor linked to the starting actors' relations but
// not to the viewer, with the paths that explain it.
type Suggestion struct {
	Node  int32
	Score float64
	// Via are the strongest intermediaries, best first (at most 3).
	Via []Via
}

// Via is an intermediary: who links the suggestion to the starting
// actors, by which relation (between the intermediary and the
// suggestion) and how many times.
type Via struct {
	Node  int32
	Kind  EdgeKind
	Count int
}

// maxFirst bounds the first-degree actors walked from: the strongest
// ones, so that a hub's suggestions stay fast.
const maxFirst = 100

// strength damps a number of shared links.
func strength(n int) float64 { return 1 + math.Log(float64(n)) }

// linkCounts aggregates Links by actor: how many links, by which kind
// mostly.
type linkCount struct {
	count int
	kinds [numEdgeKinds]uint16
}

func (lc *linkCount) top() EdgeKind {
	best := EdgeKind(0)
	for k := range numEdgeKinds {
		if lc.kinds[k] > lc.kinds[best] {
			best = k
		}
	}
	return best
}

func (g *Graph) linkCounts(s *Sight, x int32) map[int32]*linkCount {
	out := map[int32]*linkCount{}
	g.Links(s, x, func(l Link) {
		lc := out[l.Node]
		if lc == nil {
			lc = &linkCount{}
			out[l.Node] = lc
		}
		lc.count++
		lc.kinds[l.Kind]++
	})
	return out
}

// linkTally aggregates the links of one actor in the scratch arrays: a
// dense alternative to linkCounts for the inner loop of SecondDegree.
type linkTally struct {
	nodes  []int32
	counts []linkCount
}

func (g *Graph) tallyLinks(s *Sight, sc *scratch, x int32, t *linkTally) {
	t.nodes, t.counts = t.nodes[:0], t.counts[:0]
	sc.stamp++
	if sc.stamp == 0 {
		clear(sc.idxStamp)
		sc.stamp = 1
	}
	g.Links(s, x, func(l Link) {
		if sc.idxStamp[l.Node] != sc.stamp {
			sc.idxStamp[l.Node], sc.idx[l.Node] = sc.stamp, int32(len(t.nodes))
			t.nodes = append(t.nodes, l.Node)
			t.counts = append(t.counts, linkCount{})
		}
		lc := &t.counts[sc.idx[l.Node]]
		lc.count++
		lc.kinds[l.Kind]++
	})
}

// SecondDegree suggests the actors linked to the starting actors'
// relations whom the viewer has no link with yet, ranked by the number
// and strength of the links that lead to them.
func (g *Graph) SecondDegree(s *Sight, q SecondQuery) []Suggestion {
	exclude := map[int32]bool{}
	first := map[int32]*linkCount{}
	for _, f := range q.From {
		if !s.Node(f) {
			continue
		}
		exclude[f] = true
		for n, lc := range g.linkCounts(s, f) {
			if cur := first[n]; cur != nil {
				cur.count += lc.count
				for k := range lc.kinds {
					cur.kinds[k] += lc.kinds[k]
				}
			} else {
				first[n] = lc
			}
		}
	}
	if q.Viewer >= 0 {
		exclude[q.Viewer] = true
		g.Links(s, q.Viewer, func(l Link) { exclude[l.Node] = true })
	}
	type step struct {
		node int32
		w    float64
	}
	firsts := make([]step, 0, len(first))
	for n, lc := range first {
		exclude[n] = true
		firsts = append(firsts, step{n, strength(lc.count)})
	}
	slices.SortFunc(firsts, func(a, b step) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return cmp.Compare(a.node, b.node)
	})
	if len(firsts) > maxFirst {
		firsts = firsts[:maxFirst]
	}
	onTheme := g.themeFilter(s, q.Tags)
	found := map[int32]*Suggestion{}
	sc := g.getScratch()
	defer g.putScratch(sc)
	var t linkTally
	themed := map[int32]bool{}
	for _, f := range firsts {
		g.tallyLinks(s, sc, f.node, &t)
		for k, n := range t.nodes {
			lc := &t.counts[k]
			if exclude[n] {
				continue
			}
			on, ok := themed[n]
			if !ok {
				on = onTheme(n)
				themed[n] = on
			}
			if !on {
				continue
			}
			sg := found[n]
			if sg == nil {
				sg = &Suggestion{Node: n}
				found[n] = sg
			}
			w := f.w * strength(lc.count)
			sg.Score += w
			sg.Via = append(sg.Via, Via{Node: f.node, Kind: lc.top(), Count: lc.count})
		}
	}
	list := make([]*Suggestion, 0, len(found))
	for _, sg := range found {
		sg.Score = math.Round(sg.Score*1000) / 1000
		list = append(list, sg)
	}
	slices.SortFunc(list, func(a, b *Suggestion) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(g.labels[a.Node], g.labels[b.Node]); c != 0 {
			return c
		}
		return cmp.Compare(g.refs[a.Node].ID, g.refs[b.Node].ID)
	})
	if q.Limit > 0 && len(list) > q.Limit {
		list = list[:q.Limit]
	}
	out := make([]Suggestion, len(list))
	for i, sg := range list {
		slices.SortFunc(sg.Via, func(a, b Via) int {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
			return cmp.Compare(g.labels[a.Node], g.labels[b.Node])
		})
		if len(sg.Via) > 3 {
			sg.Via = sg.Via[:3]
		}
		out[i] = *sg
	}
	return out
}

// themeFilter says whether an actor is on the theme: carries one of the
// tags, or wrote (or is the subject of) a note carrying one. No tags:
// everyone is.
func (g *Graph) themeFilter(s *Sight, tags []int32) func(int32) bool {
	if len(tags) == 0 {
		return func(int32) bool { return true }
	}
	items := map[int32]bool{}
	for _, it := range g.ThemeItems(s, tags) {
		items[it] = true
	}
	return func(n int32) bool {
		if items[n] {
			return true
		}
		on := false
		g.Neighbors(s, n, func(nb Neighbor) bool {
			if (nb.Kind == EdgeAuthor || nb.Kind == EdgeAbout) && items[nb.Node] {
				on = true
				return false
			}
			return true
		})
		return on
	}
}
