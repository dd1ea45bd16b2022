package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/maillage/maillage/internal/discovery"
	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/graphindex"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// percentile is the nearest-rank percentile p (0-100).
func percentile(l []time.Duration, p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank-1, 0), len(s)-1)]
}

func timeIt(runs int, f func() error) ([]time.Duration, error) {
	out := make([]time.Duration, 0, runs)
	for range runs {
		start := time.Now()
		if err := f(); err != nil {
			return nil, err
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}

func run(ctx context.Context, db *store.DB, o options, w io.Writer) error {
	before := heap()
	live := graphindex.New(db, graphindex.Options{})
	st, err := live.Build(ctx)
	if err != nil {
		return err
	}
	g, err := live.Graph(ctx)
	if err != nil {
		return err
	}
	after := heap()
	fmt.Fprintf(w, "## Relation graph\n\n| | |\n|---|---|\n")
	fmt.Fprintf(w, "| nodes | %d |\n| relations | %d |\n| audience classes | %d |\n", st.Stats.Nodes, st.Stats.Edges, st.Stats.Classes)
	fmt.Fprintf(w, "| load and build | %s |\n| heap held by the graph | %.0f MiB (arrays estimated at %.0f MiB) |\n\n",
		durText(st.Duration), float64(after-before)/(1<<20), float64(st.Stats.Bytes)/(1<<20))

	if !o.SkipPageRank {
		if err := pageRanks(g, w); err != nil {
			return err
		}
	}

	svc := service.New(service.Options{DB: db})
	disc := discovery.New(live, svc)
	tag, member, hub := pick(g)
	visitor := maillage.Anonymous()
	mv, _, err := svc.Viewer(ctx, g.Ref(member).ID)
	if err != nil {
		return err
	}
	slug := g.Label(tag)
	if t, _, err := svc.ThemeTags(ctx, maillage.Anonymous(), g.Ref(tag).ID, false); err == nil {
		slug = t.Slug
	}
	fmt.Fprintf(w, "## Discovery in process (%d runs each)\n\nThe largest tag: **%s** (%d relations). The member: %d communities. The hub: %d relations.\n\n",
		o.Runs, g.Label(tag), g.Degree(tag), len(mv.Roles), g.Degree(hub))
	fmt.Fprintf(w, "| query | first (cold) | p50 | p99 |\n|---|---|---|---|\n")
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for _, c := range []struct {
		name string
		v    maillage.Viewer
	}{{"key actors, visitor", visitor}, {"key actors, member of many private communities", mv}} {
		v := c.v
		f := func() error {
			_, err := disc.KeyActors(ctx, v, discovery.KeyActorsInput{Tag: slug, Limit: 20})
			return err
		}
		start := time.Now()
		if err := f(); err != nil {
			return err
		}
		cold := time.Since(start)
		lat, err := timeIt(o.Runs, f)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", c.name, durText(cold), durText(percentile(lat, 50)), durText(percentile(lat, 99)))
	}
	for _, c := range []struct {
		name string
		v    maillage.Viewer
	}{{"second degree of the hub, visitor", visitor}, {"second degree of the hub, member", mv}} {
		v := c.v
		ref := g.Ref(hub)
		lat, err := timeIt(o.Runs, func() error {
			_, _, err := disc.SecondDegree(ctx, v, discovery.SecondDegreeInput{From: []graph.NodeRef{ref}, Limit: 20})
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s | — | %s | %s |\n", c.name, durText(percentile(lat, 50)), durText(percentile(lat, 99)))
	}
	fmt.Fprintln(w)
	if o.HTTP != "" {
		return overHTTP(ctx, svc, mv, o, slug, g.Ref(hub), w)
	}
	return nil
}

// pick finds the largest tag, the member of the most private
// communities, and the person with the most relations.
func pick(g *graph.Graph) (tag, member, hub int32) {
	everyone := g.Sight([]string{"everyone"})
	best := -1
	for _, t := range g.OfKind(graph.KindTag) {
		if d := g.Degree(t); d > best {
			tag, best = t, d
		}
	}
	best, hubBest := -1, -1
	for _, u := range g.OfKind(graph.KindUser) {
		private := 0
		for _, nb := range neighborsAll(g, u) {
			if nb.Kind == graph.EdgeMembership && !everyone.Node(nb.Node) {
				private++
			}
		}
		if private > best {
			member, best = u, private
		}
		if d := g.Degree(u); d > hubBest && everyone.Node(u) {
			hub, hubBest = u, d
		}
	}
	return tag, member, hub
}

// neighborsAll lists every relation of node i whatever its audience.
func neighborsAll(g *graph.Graph, i int32) []graph.Neighbor {
	return g.AllNeighbors(i)
}

// pageRanks compares PageRank with the plain kernel and gonum on the
// public graph.
func pageRanks(g *graph.Graph, w io.Writer) error {
	const rounds = 3
	var ours, plain []time.Duration
	converged := g.PageRankConvergence(nil)
	for range rounds {
		start := time.Now()
		g.PageRankFixed(nil, 30)
		ours = append(ours, time.Since(start))
		start = time.Now()
		g.PlainPageRank(30)
		plain = append(plain, time.Since(start))
	}
	// gonum on the same public relations, unweighted, both directions.
	dg := simple.NewDirectedGraph()
	everyone := g.Sight([]string{"everyone"})
	edges := 0
	for i := range int32(g.Len()) {
		if !everyone.Node(i) {
			continue
		}
		dg.AddNode(simple.Node(i))
	}
	for i := range int32(g.Len()) {
		if !everyone.Node(i) {
			continue
		}
		g.Neighbors(everyone, i, func(nb graph.Neighbor) bool {
			if graph.Influences(nb.Kind) && nb.Node != i {
				dg.SetEdge(simple.Edge{F: simple.Node(i), T: simple.Node(nb.Node)})
				edges++
			}
			return true
		})
	}
	start := time.Now()
	network.PageRankSparse(dg, 0.85, 1e-7)
	gonumSparse := time.Since(start)
	fmt.Fprintf(w, "## PageRank over the public graph (%d directed relations)\n\n", edges)
	fmt.Fprintf(w, "| kernel | 30 iterations (best of %d) | ratio |\n|---|---|---|\n", rounds)
	p, q := slices.Min(plain), slices.Min(ours)
	fmt.Fprintf(w, "| plain CSR power iteration | %s | 1.00x |\n", durText(p))
	fmt.Fprintf(w, "| Maillage (weighted, seeded, dangling mass) | %s | %.2fx |\n", durText(q), float64(q)/float64(p))
	fmt.Fprintf(w, "| gonum network.PageRankSparse, to tolerance 1e-7 | %s | %.2fx (its own iteration count) |\n\n",
		durText(gonumSparse), float64(gonumSparse)/float64(p))
	if converged >= 60 {
		fmt.Fprintf(w, "Maillage's PageRank stops at its cap of %d iterations on this graph (the L1 change is still above 1e-7).\n\n", converged)
	} else {
		fmt.Fprintf(w, "Maillage's PageRank converges (L1 < 1e-7) in %d iterations on this graph.\n\n", converged)
	}
	return nil
}

// overHTTP measures the key actors and the second degree through the API
// of a running server.
func overHTTP(ctx context.Context, svc *service.Service, member maillage.Viewer, o options, slug string, hub graph.NodeRef, w io.Writer) error {
	token, _, err := svc.CreateToken(ctx, member, "graphbench")
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 30 * time.Second}
	get := func(path, tok string, n int) func() error {
		return func() error {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, o.HTTP+path, nil)
			if err != nil {
				return err
			}
			if tok != "" {
				req.Header.Set("Authorization", "Bearer "+tok)
			}
			// Each anonymous request from its own address: the API's
			// per-address limit would throttle a benchmark.
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", n%250, (n/250)%250, 1+n%200))
			res, err := client.Do(req)
			if err != nil {
				return err
			}
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				return fmt.Errorf("GET %s: %d", path, res.StatusCode)
			}
			return nil
		}
	}
	fmt.Fprintf(w, "## Over HTTP (%d sequential requests each)\n\n| request | p50 | p99 |\n|---|---|---|\n", o.Runs)
	kp := "/api/v1/tags/" + url.PathEscape(slug) + "/key-actors?limit=20"
	sp := "/api/v1/" + map[graph.Kind]string{graph.KindUser: "users", graph.KindOrganization: "organizations"}[hub.Kind] + "/" + hub.ID + "/second-degree?limit=20"
	for _, c := range []struct{ name, path, tok string }{
		{"key actors, visitor", kp, ""}, {"key actors, member of many private communities", kp, token},
		{"second degree of the hub, visitor", sp, ""}, {"second degree of the hub, member", sp, token},
	} {
		n := 0
		f := get(c.path, c.tok, n)
		if err := f(); err != nil { // warm: the first call may build the graph
			return err
		}
		lat, err := timeIt(o.Runs, func() error { n++; return get(c.path, c.tok, n)() })
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", c.name, durText(percentile(lat, 50)), durText(percentile(lat, 99)))
	}
	fmt.Fprintln(w)
	return nil
}
