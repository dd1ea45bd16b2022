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

type centrality struct {
	g      *graph.Graph
	once   sync.Once
	scores map[int32]float64
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
// g's public part, for the actors only, computed once per graph and
// theme and kept for the most recent themes.
func (l *Live) Centrality(g *graph.Graph, tags []int32) map[int32]float64 {
	key := themeKey(g, tags)
	l.cmu.Lock()
	c := l.cache[key]
	if c == nil || c.g != g {
		c = &centrality{g: g}
		if _, ok := l.cache[key]; !ok {
			l.order = append(l.order, key)
		}
		l.cache[key] = c
		for len(l.order) > l.opts.CentralityCache {
			delete(l.cache, l.order[0])
			l.order = l.order[1:]
		}
	}
	l.cmu.Unlock()
	c.once.Do(func() {
		pr := g.PageRank(g.ThemeSeeds(tags))
		c.scores = map[int32]float64{}
		for _, k := range []graph.Kind{graph.KindUser, graph.KindOrganization, graph.KindActor} {
			for _, i := range g.OfKind(k) {
				if pr[i] > 0 {
					c.scores[i] = pr[i]
				}
			}
		}
	})
	return c.scores
}

func themeKey(g *graph.Graph, tags []int32) string {
	ids := make([]string, len(tags))
	for i, t := range tags {
		ids[i] = g.Ref(t).ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}
