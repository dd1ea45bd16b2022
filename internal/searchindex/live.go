// Package searchindex keeps an in-process search index (package search)
// current with the store. The store is the source of truth: the index is
// built from it at start-up, follows the change log that database
// triggers write in the same transaction as every change, and can be
// rebuilt at any time. Several app nodes on one PostgreSQL each follow the
// same log, so each stays current, and a crash loses nothing: the next
// start rebuilds.
package searchindex

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// Source is what the index needs from the store.
type Source interface {
	LastSearchChange(ctx context.Context) (int64, error)
	FirstSearchChange(ctx context.Context) (int64, error)
	SearchChanges(ctx context.Context, after int64, limit int) ([]store.SearchChange, error)
	AffectedSearchDocuments(ctx context.Context, changes []store.SearchChange) ([]store.SearchDocRef, error)
	SearchDocuments(ctx context.Context, refs []store.SearchDocRef) ([]search.Document, error)
	EachSearchDocument(ctx context.Context, kind search.Kind, batch int, fn func([]search.Document) error) error
}

// Options tunes a Live index; zero values take the defaults.
type Options struct {
	Logger *slog.Logger
	// GapWait is how long a missing change number is waited for before it
	// is taken for a rolled-back transaction. On PostgreSQL, numbers are
	// taken when a row is written but seen when its transaction commits,
	// so a later number can be seen first.
	GapWait time.Duration
	// Batch is how many changes one catch-up step reads.
	Batch int
	// Now is the clock (tests move it).
	Now func() time.Time
}

// rebuildLookback is how many changes before a build's starting point are
// applied again after it.
const rebuildLookback = 500

// Live is a search index that follows the store.
type Live struct {
	src  Source
	opts Options
	idx  atomic.Pointer[search.Index]

	// building serialises builds.
	building sync.Mutex
	// mu serialises catch-ups and rebuilds; the fields below it belong to it.
	mu sync.Mutex
	// mark is the change number up to which every change is applied or
	// given up as rolled back.
	mark int64
	// applied holds change numbers above mark already applied, waiting for
	// the gaps below them to fill.
	applied map[int64]bool
	// gaps are missing change numbers above mark, with when they were
	// first noticed.
	gaps map[int64]time.Time
	// read is the highest change number read so far.
	read int64
	// started is when the last catch-up began, so requests that queued
	// behind it need not run another.
	started time.Time

	caughtUp atomic.Int64 // unix nanoseconds of the last finished catch-up
	built    atomic.Bool
}

// New returns a Live index over src; it is empty until Build.
func New(src Source, opts Options) *Live {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.GapWait <= 0 {
		// Writes give up after 30 s, so a number still missing after
		// that belongs to a transaction that rolled back.
		opts.GapWait = 40 * time.Second
	}
	if opts.Batch <= 0 {
		opts.Batch = 1000
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	l := &Live{src: src, opts: opts, applied: map[int64]bool{}, gaps: map[int64]time.Time{}}
	l.idx.Store(search.New())
	return l
}

// Index returns the current index (for statistics and benchmarks).
func (l *Live) Index() *search.Index { return l.idx.Load() }

// Ready reports whether the index was built and caught up within the
// last maxAge.
func (l *Live) Ready(maxAge time.Duration) bool {
	if !l.built.Load() {
		return false
	}
	return l.opts.Now().Sub(time.Unix(0, l.caughtUp.Load())) <= maxAge
}

// BuildStats says what a build did.
type BuildStats struct {
	Docs     int
	Duration time.Duration
	Stats    search.Stats
}

// Build loads every document from the store into a new index, then
// swaps it in and applies the changes made meanwhile. Searches keep
// using the previous index until the swap.
func (l *Live) Build(ctx context.Context) (BuildStats, error) {
	l.building.Lock()
	defer l.building.Unlock()
	return l.build(ctx)
}

// ensureBuilt builds the index on first use, for a service that was not
// started by the app (commands, tests).
func (l *Live) ensureBuilt(ctx context.Context) error {
	if l.built.Load() {
		return nil
	}
	l.building.Lock()
	defer l.building.Unlock()
	if l.built.Load() {
		return nil
	}
	_, err := l.build(ctx)
	return err
}

func (l *Live) build(ctx context.Context) (BuildStats, error) {
	begin := time.Now()
	mark, err := l.src.LastSearchChange(ctx)
	if err != nil {
		return BuildStats{}, fmt.Errorf("search index: %w", err)
	}
	idx := search.New()
	n := 0
	for _, kind := range search.Kinds() {
		err := l.src.EachSearchDocument(ctx, kind, 2000, func(docs []search.Document) error {
			idx.Upsert(docs...)
			n += len(docs)
			return ctx.Err()
		})
		if err != nil {
			return BuildStats{}, fmt.Errorf("search index: loading %s: %w", kind, err)
		}
	}
	l.mu.Lock()
	l.idx.Store(idx)
	// Changes after mark were maybe loaded already, maybe not: applying
	// them again is harmless (documents are reloaded, not patched). The
	// last few before it are applied again too: on PostgreSQL a
	// transaction can commit a number below mark after mark was read.
	l.mark, l.read = max(0, mark-rebuildLookback), mark
	l.applied, l.gaps = map[int64]bool{}, map[int64]time.Time{}
	l.started = time.Time{}
	err = l.catchUpLocked(ctx)
	l.mu.Unlock()
	if err != nil {
		return BuildStats{}, err
	}
	l.built.Store(true)
	st := BuildStats{Docs: n, Duration: time.Since(begin), Stats: idx.Stats()}
	l.opts.Logger.Info("search index built", "docs", n, "duration", st.Duration.Round(time.Millisecond),
		"terms", st.Stats.Terms, "bytes", st.Stats.Bytes)
	return st, nil
}

// CatchUp applies the changes logged since the last catch-up. Callers
// that queued behind a catch-up which started after they asked return
// at once: that one already saw their writes.
func (l *Live) CatchUp(ctx context.Context) error {
	asked := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.started.After(asked) {
		return nil
	}
	return l.catchUpLocked(ctx)
}

func (l *Live) catchUpLocked(ctx context.Context) error {
	l.started = time.Now()
	if l.mark < l.read {
		// Changes that were missing may have committed since (or a build
		// asked to look back): look again just above the mark.
		if _, err := l.step(ctx, l.mark); err != nil {
			return err
		}
	}
	for {
		n, err := l.step(ctx, max(l.mark, l.read))
		if err != nil {
			return err
		}
		if n < l.opts.Batch {
			break
		}
	}
	l.caughtUp.Store(l.opts.Now().UnixNano())
	return nil
}

// step reads one batch of changes after the given number, applies those
// not applied yet and moves the mark; it returns how many it read.
func (l *Live) step(ctx context.Context, after int64) (int, error) {
	changes, err := l.src.SearchChanges(ctx, after, l.opts.Batch)
	if err != nil {
		return 0, fmt.Errorf("search index: reading changes: %w", err)
	}
	fresh := changes[:0:0]
	rebuild := false
	for _, c := range changes {
		l.read = max(l.read, c.Seq)
		if c.Seq <= l.mark || l.applied[c.Seq] {
			continue
		}
		if c.Source == store.SearchSourceAll {
			rebuild = true
		}
		fresh = append(fresh, c)
	}
	if rebuild {
		// Another node (or the rebuild command) asked for a full
		// rebuild: it runs in the background while this index serves.
		go l.rebuildAsync()
	}
	if err := l.apply(ctx, fresh); err != nil {
		return 0, err
	}
	for _, c := range fresh {
		l.applied[c.Seq] = true
		delete(l.gaps, c.Seq)
	}
	l.advance()
	return len(changes), nil
}

// apply reloads the documents the changes touch: those the store still
// has are upserted, the others deleted.
func (l *Live) apply(ctx context.Context, changes []store.SearchChange) error {
	if len(changes) == 0 {
		return nil
	}
	refs, err := l.src.AffectedSearchDocuments(ctx, changes)
	if err != nil {
		// A source this version does not know (written by a newer
		// version during a rolling upgrade): rebuild rather than guess.
		l.opts.Logger.Warn("search index: changes not understood, rebuilding", "err", err)
		go l.rebuildAsync()
		return nil
	}
	docs, err := l.src.SearchDocuments(ctx, refs)
	if err != nil {
		return fmt.Errorf("search index: loading documents: %w", err)
	}
	found := make(map[store.SearchDocRef]bool, len(docs))
	for _, d := range docs {
		found[store.SearchDocRef{Kind: d.Kind, ID: d.ID}] = true
	}
	idx := l.idx.Load()
	idx.Upsert(docs...)
	for _, r := range refs {
		if !found[r] {
			idx.Delete(r.Kind, r.ID)
		}
	}
	return nil
}

// advance moves the mark over every change number that is applied or
// given up, remembering the gaps still open.
func (l *Live) advance() {
	now := l.opts.Now()
	for seq := l.mark + 1; seq <= l.read; seq++ {
		if !l.applied[seq] {
			if _, ok := l.gaps[seq]; !ok {
				l.gaps[seq] = now
			}
		}
	}
	for {
		next := l.mark + 1
		if l.applied[next] {
			delete(l.applied, next)
			l.mark = next
			continue
		}
		if first, ok := l.gaps[next]; ok && now.Sub(first) >= l.opts.GapWait {
			delete(l.gaps, next)
			l.mark = next
			continue
		}
		return
	}
}

// rebuildAsync rebuilds in the background and logs a failure: the
// current index keeps serving.
func (l *Live) rebuildAsync() {
	if _, err := l.Build(context.Background()); err != nil {
		l.opts.Logger.Error("search index rebuild", "err", err)
	}
}

// Follow catches up every period until ctx ends, so an idle node stays
// current too (searches also catch up before they answer).
func (l *Live) Follow(ctx context.Context, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := l.followOnce(ctx); err != nil && ctx.Err() == nil {
			l.opts.Logger.Warn("search index: catching up", "err", err)
		}
	}
}

// followOnce is one step of Follow: it first checks that no change this
// index never read was pruned (a node asleep for longer than the log
// keeps changes), which only a rebuild mends, then catches up. Searches
// skip the check: it costs a query and pruning happens a day later.
func (l *Live) followOnce(ctx context.Context) error {
	first, err := l.src.FirstSearchChange(ctx)
	if err != nil {
		return fmt.Errorf("search index: reading changes: %w", err)
	}
	l.mu.Lock()
	if first > l.read+1 {
		l.opts.Logger.Warn("search index: missed pruned changes, rebuilding", "next", l.read+1, "first", first)
		l.read = first - 1
		l.mark = max(l.mark, l.read)
		go l.rebuildAsync()
	}
	l.mu.Unlock()
	return l.CatchUp(ctx)
}

// Search catches up with the store, then answers q from the index.
func (l *Live) Search(ctx context.Context, q search.Query) (search.Results, error) {
	if err := l.ensureBuilt(ctx); err != nil {
		return search.Results{}, err
	}
	if err := l.CatchUp(ctx); err != nil {
		return search.Results{}, err
	}
	return l.idx.Load().Search(q), nil
}
