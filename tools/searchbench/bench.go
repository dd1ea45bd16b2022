package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// bench runs one comparison.
type bench struct {
	opts options
	log  io.Writer
	db   *store.DB
}

func (b *bench) close() {
	if b.db != nil {
		b.db.Close()
	}
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.log, format+"\n", args...)
}

func (b *bench) run(ctx context.Context) (*report, error) {
	o := b.opts
	db, err := store.Open(ctx, store.Options{DataDir: o.DataDir, URL: o.DatabaseURL})
	if err != nil {
		return nil, err
	}
	b.db = db
	c, err := loadCorpus(ctx, db)
	if err != nil {
		return nil, err
	}
	if len(c.Docs) == 0 {
		return nil, fmt.Errorf("the database holds no search documents (generate some with `maillage bench generate`)")
	}
	if err := checkAudiences(c.Docs); err != nil {
		return nil, err
	}
	b.logf("loaded %d documents in %s", len(c.Docs), c.LoadTime.Round(time.Millisecond))

	voc := buildVocabulary(c.Docs)
	var tagIDs []string
	for _, d := range c.Docs {
		if len(d.TagIDs) > 0 {
			tagIDs = append(tagIDs, d.TagIDs[0])
		}
	}
	tags, err := tagFilters(ctx, db, tagIDs)
	if err != nil {
		return nil, err
	}
	anon := anonymous()
	member, err := busiestMember(ctx, db, c.Docs)
	if err != nil {
		return nil, err
	}
	b.logf("busiest member: %d communities, %d audience keys", member.Communities, len(member.Keys))
	qs := querySet(c.Docs, voc, tags, &anon, &member, o.Queries, o.Seed)

	rep := newReport(o, c, &member)
	rep.FrequentDF[0], rep.FrequentDF[1] = voc.dfRange(voc.frequent)
	rep.RareDF[0], rep.RareDF[1] = voc.dfRange(voc.rare)
	for _, name := range o.Engines {
		if name == engPostgres && o.PostgresURL == "" {
			b.logf("skipping postgres: no --database-url or --postgres-url")
			continue
		}
		r, err := b.runEngine(ctx, name, c.Docs, qs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		rep.Engines = append(rep.Engines, r)
	}
	if o.HTTP != "" {
		h, err := b.runHTTP(ctx, qs, &member)
		if err != nil {
			return nil, fmt.Errorf("http: %w", err)
		}
		rep.HTTP = h
		if m := rep.engine(engMaillage); m != nil {
			rep.HTTP.Mismatches = compareTotals(m.Totals, h.Totals)
		}
	}
	return rep, nil
}

// engineResult is what one engine measured.
type engineResult struct {
	Name      string
	Note      string
	BuildTime time.Duration
	HeapBytes int64 // Go heap in use after GC, after the build minus before
	DiskBytes int64
	Classes   map[string]latencies
	// Totals holds each query's total, by class, for cross-checks.
	Totals map[string][]int
}

// warmup is how many queries of each class run before the timed ones.
const warmup = 20

func (b *bench) runEngine(ctx context.Context, name string, docs []search.Document, qs map[string][]benchQuery) (*engineResult, error) {
	scratch, err := os.MkdirTemp("", "searchbench-"+name+"-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	e := newEngine(name, scratch, b.opts)
	if e == nil {
		return nil, fmt.Errorf("not available in this build")
	}
	defer e.Close()

	b.logf("%s: building", name)
	before := heapInUse()
	start := time.Now()
	if err := e.Build(ctx, docs); err != nil {
		return nil, err
	}
	r := &engineResult{Name: name, BuildTime: time.Since(start), Classes: map[string]latencies{}, Totals: map[string][]int{}}
	r.HeapBytes = heapInUse() - before
	if r.DiskBytes, err = e.DiskBytes(ctx); err != nil {
		return nil, err
	}
	r.Note = e.Note()
	b.logf("%s: built in %s (%.0f docs/s), heap %s, disk %s", name, r.BuildTime.Round(time.Millisecond),
		docsPerSecond(len(docs), r.BuildTime), bytesText(r.HeapBytes), bytesText(r.DiskBytes))

	for _, class := range classes() {
		list := qs[class]
		for _, q := range list[:min(warmup, len(list))] {
			if _, _, err := e.Search(ctx, q); err != nil {
				return nil, err
			}
		}
		lat := make(latencies, 0, len(list))
		totals := make([]int, 0, len(list))
		for _, q := range list {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			t := time.Now()
			total, _, err := e.Search(ctx, q)
			lat = append(lat, time.Since(t))
			if err != nil {
				return nil, err
			}
			totals = append(totals, total)
		}
		r.Classes[class], r.Totals[class] = lat, totals
		b.logf("%s: %-20s p50 %s p99 %s", name, class, lat.percentile(50), lat.percentile(99))
	}
	return r, nil
}

// heapInUse is the Go heap in use once garbage is collected: what an
// in-process index keeps alive.
func heapInUse() int64 {
	runtime.GC()
	debug.FreeOSMemory() // a second, full collection that also returns memory
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

func docsPerSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// compareTotals counts the queries whose totals differ between two runs
// of the same engine (in process and over HTTP).
func compareTotals(a, b map[string][]int) int {
	n := 0
	for class, ta := range a {
		tb := b[class]
		for i := range min(len(ta), len(tb)) {
			if ta[i] != tb[i] {
				n++
			}
		}
	}
	return n
}

// median is the middle of a list of totals.
func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
