package graph

import "math"

// publicCSR is the graph as everyone sees it, for PageRank: the
// relations that carry influence (tags and community memberships are left
// out: they join everyone to everyone and would flatten every score),
// each with its weight divided by the weighted degree of its far end, so
// that one pass of the kernel is r'[i] = Σ r[adj[p]]·w[p].
type publicCSR struct {
	off      []int32
	adj      []int32
	w        []float32
	dangling []int32 // nodes without public weighted relations
}

// influence is how much a relation of each kind passes on in PageRank;
// zero leaves the kind out.
var influence = [numEdgeKinds]float32{
	EdgeAffiliation: 1,
	EdgeAuthor:      1,
	EdgePost:        0.5,
	EdgeMention:     0.5,
	EdgeLink:        0.5,
	EdgeContains:    0.5,
	EdgeAbout:       1,
	EdgeKnows:       1,
	EdgeAttended:    0.5,
}

func (g *Graph) buildPublic() {
	n := len(g.refs)
	pub := publicCSR{off: make([]int32, n+1)}
	wdeg := make([]float32, n)
	for i := 0; i < n; i++ {
		if g.ncls[i] != classEveryone {
			pub.off[i+1] = pub.off[i]
			continue
		}
		cnt := int32(0)
		for p := g.off[i]; p < g.off[i+1]; p++ {
			w := influence[g.ekind[p]&^reversed]
			if w == 0 || g.ecls[p] != classEveryone {
				continue
			}
			wdeg[i] += w
			cnt++
		}
		pub.off[i+1] = pub.off[i] + cnt
	}
	pub.adj = make([]int32, pub.off[n])
	pub.w = make([]float32, pub.off[n])
	for i := 0; i < n; i++ {
		q := pub.off[i]
		if q == pub.off[i+1] {
			if g.ncls[i] == classEveryone {
				pub.dangling = append(pub.dangling, int32(i))
			}
			continue
		}
		for p := g.off[i]; p < g.off[i+1]; p++ {
			w := influence[g.ekind[p]&^reversed]
			if w == 0 || g.ecls[p] != classEveryone {
				continue
			}
			j := g.adj[p]
			pub.adj[q] = j
			pub.w[q] = w / wdeg[j]
			q++
		}
	}
	g.pub = pub
}

// PageRank options.
const (
	damping       = 0.85
	prTolerance   = 1e-7
	prMaxIterates = 60
)

// PageRank computes PageRank over the public graph, teleporting to the
// seeds (topic-sensitive PageRank: the seeds are a theme's items) or,
// with no seed, to every public node. Scores sum to 1 over public nodes;
// nodes everyone may not see score 0.
func (g *Graph) PageRank(seeds []int32) []float64 {
	r, _ := g.pageRank(seeds, prTolerance, prMaxIterates)
	return r
}

// PageRankFixed is PageRank run for exactly n iterations: for
// benchmarks, which compare kernels iteration for iteration.
func (g *Graph) PageRankFixed(seeds []int32, n int) []float64 {
	r, _ := g.pageRank(seeds, 0, n)
	return r
}

// PageRankConvergence is the number of iterations PageRank takes to
// converge from the seeds.
func (g *Graph) PageRankConvergence(seeds []int32) int {
	_, n := g.pageRank(seeds, prTolerance, prMaxIterates)
	return n
}

func (g *Graph) pageRank(seeds []int32, tolerance float64, iterations int) ([]float64, int) {
	n := len(g.refs)
	tele := make([]float64, n)
	var public []int32
	for i := range n {
		if g.ncls[i] == classEveryone {
			public = append(public, int32(i))
		}
	}
	var targets []int32
	for _, s := range seeds {
		if g.ncls[s] == classEveryone {
			targets = append(targets, s)
		}
	}
	if len(targets) == 0 {
		targets = public
	}
	if len(targets) == 0 {
		return tele, 0
	}
	for _, s := range targets {
		tele[s] += 1 / float64(len(targets))
	}
	r := make([]float64, n)
	next := make([]float64, n)
	copy(r, tele)
	pub := &g.pub
	iter := 0
	for iter < iterations {
		iter++
		var lost float64
		for _, d := range pub.dangling {
			lost += r[d]
		}
		base := 1 - damping + damping*lost
		var diff float64
		for _, i := range public {
			var sum float64
			for p := pub.off[i]; p < pub.off[i+1]; p++ {
				sum += r[pub.adj[p]] * float64(pub.w[p])
			}
			v := damping*sum + base*tele[i]
			diff += math.Abs(v - r[i])
			next[i] = v
		}
		r, next = next, r
		if diff < tolerance {
			break
		}
	}
	return r, iter
}

// PlainPageRank is the textbook kernel on the same public relations,
// unweighted and without seeds, kept as the yardstick PageRank is
// measured against (BenchmarkPageRank).
func (g *Graph) PlainPageRank(iterations int) []float64 {
	n := len(g.refs)
	pub := &g.pub
	deg := make([]float64, n)
	for i := range n {
		deg[i] = float64(pub.off[i+1] - pub.off[i])
	}
	r := make([]float64, n)
	next := make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
	}
	for range iterations {
		for i := range n {
			var sum float64
			for p := pub.off[i]; p < pub.off[i+1]; p++ {
				j := pub.adj[p]
				sum += r[j] / deg[j]
			}
			next[i] = (1-damping)/float64(n) + damping*sum
		}
		r, next = next, r
	}
	return r
}

// Influences reports whether relations of the kind pass influence in
// PageRank (tags and community memberships do not).
func Influences(k EdgeKind) bool { return k < numEdgeKinds && influence[k] > 0 }
