// Package graphindex keeps the relation graph (package graph) of an app
// process current: it builds the graph from the store, rebuilds it when
// the store's change log moves (so several app nodes on one database
// stay current), and caches the viewer-independent topic PageRank of
// themes for the graph it was computed on.
package graphindex

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/store"
)

// Source is what the graph is built from (a *store.DB).
type Source interface {
	LoadGraph(ctx context.Context, b *graph.Builder) error
	GraphMarkNow(ctx context.Context, base int64) (store.GraphMark, error)
}

// Options tune a Live graph.
type Options struct {
	Logger *slog.Logger
	// SyncBuild is the longest a build may have taken for a request to
	// wait for the next one when the store changed: small graphs (a
	// test, a small network) answer with what was just written; larger
	// ones answer at once from the current graph while a new one builds.
	// Zero means 200 ms.
	SyncBuild time.Duration
	// CentralityCache bounds the themes whose PageRank is kept.
	CentralityCache int
}

// Live is the current relation graph of the process.
type Live struct {
	src  Source
	opts Options

	cur atomic.Pointer[state]

	building sync.Mutex   // one build at a time
	async    atomic.Bool  // a background build is under way
	checked  atomic.Int64 // unix nanoseconds of the last mark check

	cmu   sync.Mutex
	cache map[string]*centrality
	order []string
}

type state struct {
	g     *graph.Graph
	mark  store.GraphMark
	took  time.Duration
	built time.Time
}

// centrality is one theme's PageRank and the graph it is indexed by.
type centrality struct {
	mu         sync.Mutex
	g          *graph.Graph
	scores     map[int32]float64
	refreshing bool
}

// New returns a Live graph over src; it builds on first use.
func New(src Source, opts Options) *Live {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.SyncBuild <= 0 {
		opts.SyncBuild = 200 * time.Millisecond
	}
	if opts.CentralityCache <= 0 {
		opts.CentralityCache = 128
	}
	return &Live{src: src, opts: opts, cache: map[string]*centrality{}}
}

// BuildStats says what a build did.
type BuildStats struct {
	Duration time.Duration
	Stats    graph.Stats
}

// Build loads the whole graph from the store and swaps it in.
func (l *Live) Build(ctx context.Context) (BuildStats, error) {
	l.building.Lock()
	defer l.building.Unlock()
	return l.build(ctx)
}

func (l *Live) build(ctx context.Context) (BuildStats, error) {
	start := time.Now()
	base := int64(-1)
	if st := l.cur.Load(); st != nil {
		base = st.mark.Base
	}
	mark, err := l.src.GraphMarkNow(ctx, base)
	if err != nil {
		return BuildStats{}, err
	}
	if mark.Last-mark.Base > 4*5000 {
		// Far behind: start a new window below the last change.
		if mark, err = l.src.GraphMarkNow(ctx, -1); err != nil {
			return BuildStats{}, err
		}
	}
	b := graph.NewBuilder()
	if err := l.src.LoadGraph(ctx, b); err != nil {
		return BuildStats{}, fmt.Errorf("relation graph: %w", err)
	}
	g := b.Build()
	took := time.Since(start)
	l.cur.Store(&state{g: g, mark: mark, took: took, built: time.Now()})
	l.checked.Store(time.Now().UnixNano())
	return BuildStats{Duration: took, Stats: g.Stats()}, nil
}

// Graph returns a current graph: it builds the first one, and when the
// store changed since, waits for a new one if building is quick, or
// starts one in the background and answers with the current graph.
func (l *Live) Graph(ctx context.Context) (*graph.Graph, error) {
	st := l.cur.Load()
	if st == nil {
		l.building.Lock()
		defer l.building.Unlock()
		if st = l.cur.Load(); st == nil {
			if _, err := l.build(ctx); err != nil {
				return nil, err
			}
			st = l.cur.Load()
		}
		return st.g, nil
	}
	changed, err := l.changed(ctx, st)
	if err != nil || !changed {
		return st.g, err
	}
	if st.took <= l.opts.SyncBuild {
		l.building.Lock()
		defer l.building.Unlock()
		if cur := l.cur.Load(); cur != st {
			return cur.g, nil // built by another request meanwhile
		}
		if _, err := l.build(ctx); err != nil {
			return nil, err
		}
		return l.cur.Load().g, nil
	}
	l.rebuildAsync()
	return st.g, nil
}

// changed reports whether the change log moved since st was built.
func (l *Live) changed(ctx context.Context, st *state) (bool, error) {
	m, err := l.src.GraphMarkNow(ctx, st.mark.Base)
	if err != nil {
		return false, err
	}
	l.checked.Store(time.Now().UnixNano())
	return m != st.mark, nil
}

// rebuildAsync builds a new graph in the background unless one is being
// built; the current one keeps answering.
func (l *Live) rebuildAsync() {
	if !l.async.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer l.async.Store(false)
		if _, err := l.Build(context.Background()); err != nil {
			l.opts.Logger.Error("relation graph: rebuilding", "err", err)
		}
	}()
}

// Follow checks the change log every period until ctx ends and rebuilds
// when it moved, no sooner than twice the last build's duration after
// it, so a large graph is not rebuilt back to back under a stream of
// writes.
func (l *Live) Follow(ctx context.Context, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		st := l.cur.Load()
		if st == nil || time.Since(st.built) < 2*st.took {
			continue
		}
		changed, err := l.changed(ctx, st)
		if err != nil {
			if ctx.Err() == nil {
				l.opts.Logger.Warn("relation graph: reading changes", "err", err)
			}
			continue
		}
		if changed {
			l.rebuildAsync()
		}
	}
}

// Ready reports whether a graph was built.
func (l *Live) Ready() bool { return l.cur.Load() != nil }

// Age is how long ago the current graph was built (0 before the first).
func (l *Live) Age() time.Duration {
	st := l.cur.Load()
	if st == nil {
		return 0
	}
	return time.Since(st.built)
}

// Centrality returns the topic PageRank of a theme (its tag nodes) over
// g's public part, for the actors only. It is computed once per theme and
// kept for the most recent themes. When the graph was rebuilt since (a
// write somewhere), the scores of the previous graph are carried over
// to the new one's nodes at once and computed again in the background:
// a small change barely moves a PageRank, and a large network must not
// pay a whole PageRank on the first request after every write.
func (l *Live) Centrality(g *graph.Graph, tags []int32) map[int32]float64 {
	key := themeKey(g, tags)
	l.cmu.Lock()
	c := l.cache[key]
	if c == nil {
		c = &centrality{}
		l.cache[key] = c
		l.order = append(l.order, key)
		for len(l.order) > l.opts.CentralityCache {
			delete(l.cache, l.order[0])
			l.order = l.order[1:]
		}
	}
	l.cmu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.g == g:
		return c.scores
	case c.g == nil:
		c.g, c.scores = g, pageRankOf(g, tags)
		return c.scores
	}
	// A newer graph: carry the scores over, refresh aside.
	c.g, c.scores = g, carryOver(c.g, g, c.scores)
	if !c.refreshing {
		c.refreshing = true
		refs := make([]graph.NodeRef, len(tags))
		for i, t := range tags {
			refs[i] = g.Ref(t)
		}
		go l.refresh(c, g, refs)
	}
	return c.scores
}

// refresh computes a theme's PageRank on g and keeps it unless a newer
// graph came meanwhile (whose own refresh follows).
func (l *Live) refresh(c *centrality, g *graph.Graph, refs []graph.NodeRef) {
	var tags []int32
	for _, r := range refs {
		if i, ok := g.Node(r); ok {
			tags = append(tags, i)
		}
	}
	scores := pageRankOf(g, tags)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refreshing = false
	if c.g == g {
		c.scores = scores
	}
}

// pageRankOf is the theme's PageRank for the actors only.
func pageRankOf(g *graph.Graph, tags []int32) map[int32]float64 {
	pr := g.PageRank(g.ThemeSeeds(tags))
	scores := map[int32]float64{}
	for _, k := range []graph.Kind{graph.KindUser, graph.KindOrganization, graph.KindActor} {
		for _, i := range g.OfKind(k) {
			if pr[i] > 0 {
				scores[i] = pr[i]
			}
		}
	}
	return scores
}

// carryOver maps scores from one graph's nodes to another's.
func carryOver(from, to *graph.Graph, scores map[int32]float64) map[int32]float64 {
	out := make(map[int32]float64, len(scores))
	for i, v := range scores {
		if j, ok := to.Node(from.Ref(i)); ok {
			out[j] = v
		}
	}
	return out
}

func themeKey(g *graph.Graph, tags []int32) string {
	ids := make([]string, len(tags))
	for i, t := range tags {
		ids[i] = g.Ref(t).ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}
