package search

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The benchmark corpus: 200,000 notes and 100,000 people, a tenth of
// that with -short. Run, in about two minutes on two cores:
//
//	go test ./internal/search -run '^$' -bench . -benchtime 200x
//
// BenchmarkIndexBuild builds the whole corpus once, whatever
// -benchtime says.
func benchSize() (notes, people int) {
	if testing.Short() {
		return 20_000, 10_000
	}
	return 200_000, 100_000
}

// built is the corpus index the benchmarks share, with what building
// it cost: building takes most of a run, so it is done once.
type built struct {
	ix      *Index
	docs    int
	wall    time.Duration
	cpu     time.Duration // CPU time of the whole process
	heapInc uint64        // live heap the index added
}

var benchIndex = sync.OnceValue(func() built {
	notes, people := benchSize()
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	docs := newCorpus(1).documents(notes, people)
	b := built{docs: len(docs)}
	c0 := processCPU()
	t0 := time.Now()
	b.ix = New()
	b.ix.Upsert(docs...)
	b.wall = time.Since(t0)
	b.cpu = processCPU() - c0
	docs = nil
	runtime.GC()
	runtime.ReadMemStats(&m1)
	b.heapInc = m1.HeapAlloc - min(m0.HeapAlloc, m1.HeapAlloc)
	return b
})

// BenchmarkIndexBuild reports the build of the shared corpus index (once,
// whatever -benchtime says): documents per second of wall clock and per
// second of CPU (the machine may be busy), and memory per document, as
// the heap measures it and as Stats estimates it.
func BenchmarkIndexBuild(b *testing.B) {
	bi := benchIndex()
	st := bi.ix.Stats()
	b.Logf("%d documents in %v (%v CPU): %+v", bi.docs, bi.wall, bi.cpu, st)
	b.ReportMetric(float64(bi.docs)/bi.wall.Seconds(), "docs/s")
	if bi.cpu > 0 {
		b.ReportMetric(float64(bi.docs)/bi.cpu.Seconds(), "docs/cpu-s")
	}
	b.ReportMetric(float64(bi.heapInc)/float64(bi.docs), "heap-B/doc")
	b.ReportMetric(float64(st.Bytes)/float64(bi.docs), "stats-B/doc")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkIndexUpsertOne replaces one note at a time in the full index:
// the steady state, when the change log feeds the index.
func BenchmarkIndexUpsertOne(b *testing.B) {
	ix := benchIndex().ix
	c := newCorpus(3)
	notes, people := benchSize()
	docs := make([]Document, 1000)
	for i := range docs {
		docs[i] = c.note(i*(notes/len(docs)), people)
	}
	b.ResetTimer()
	c0 := processCPU()
	for i := range b.N {
		ix.Upsert(docs[i%len(docs)])
	}
	b.ReportMetric(float64((processCPU()-c0).Microseconds())/float64(b.N), "cpu-µs/op")
}

// viewer is a signed-in person in three communities.
func benchViewer() []string {
	return []string{"public", "signed_in", "member:c3", "member:c17", "member:c150", "owner:u42"}
}

// busyViewer holds many private audiences: half the communities, their
// moderation, and thousands of owner and thread keys.
func busyViewer() []string {
	v := []string{"public", "signed_in"}
	for i := 0; i < benchCommunities; i += 2 {
		v = append(v, fmt.Sprintf("member:c%d", i), fmt.Sprintf("moderator:c%d", i))
	}
	for i := range 2000 {
		v = append(v, fmt.Sprintf("owner:u%d", i*7), fmt.Sprintf("visible:n%d", i*11))
	}
	return v
}

// benchWords returns n content words of middle frequency.
func benchWords(c *corpus, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = c.content[8+(i*37)%400]
	}
	return out
}

// benchPhrases returns two-word phrases that occur in the corpus's text.
func benchPhrases(c *corpus, n int) []string {
	stop := NewAnalyzer()
	var out []string
	for len(out) < n {
		ws := strings.Fields(strings.NewReplacer(".", "", ",", "").Replace(c.text(50, false)))
		for i := 0; i+1 < len(ws) && len(out) < n; i += 9 {
			a, b := ws[i], ws[i+1]
			if len(stop.Analyze(a, French)) == 1 && len(stop.Analyze(b, French)) == 1 {
				out = append(out, `"`+a+" "+b+`"`)
			}
		}
	}
	return out
}

// runQueries searches the corpus index with the queries in turn and
// reports latency percentiles, wall clock and CPU time of the searching
// thread (the machine may be busy: the wall clock then includes waiting
// for a core), and the average number of matches.
func runQueries(b *testing.B, queries []Query) {
	ix := benchIndex().ix
	runtime.GC() // not the garbage of building the index during the run
	lat := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	total := 0
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := range b.N {
		c0, cpuOK := threadCPU()
		t0 := time.Now()
		r := ix.Search(queries[i%len(queries)])
		lat = append(lat, time.Since(t0))
		if c1, ok := threadCPU(); ok && cpuOK {
			cpu = append(cpu, c1-c0)
		}
		total += r.Total
	}
	b.StopTimer()
	pct := func(ds []time.Duration, p float64) float64 {
		slices.Sort(ds)
		return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(lat, 0.5), "p50-ms")
	b.ReportMetric(pct(lat, 0.99), "p99-ms")
	if len(cpu) > 0 {
		b.ReportMetric(pct(cpu, 0.5), "p50-cpu-ms")
		b.ReportMetric(pct(cpu, 0.99), "p99-cpu-ms")
	}
	b.ReportMetric(float64(total)/float64(b.N), "matches")
}

// benchQueries builds n queries from texts, the viewer's defaults set.
func benchQueries(texts []string, edit func(i int, q *Query)) []Query {
	qs := make([]Query, len(texts))
	for i, t := range texts {
		qs[i] = Query{Text: t, Audience: benchViewer(), Limit: 20, Facets: true}
		if edit != nil {
			edit(i, &qs[i])
		}
	}
	return qs
}

func BenchmarkSearchOneWord(b *testing.B) {
	runQueries(b, benchQueries(benchWords(newCorpus(2), 100), nil))
}

func BenchmarkSearchTwoWords(b *testing.B) {
	ws := benchWords(newCorpus(2), 200)
	var texts []string
	for i := 0; i < len(ws); i += 2 {
		texts = append(texts, ws[i]+" "+ws[i+1])
	}
	runQueries(b, benchQueries(texts, nil))
}

func BenchmarkSearchPhrase(b *testing.B) {
	runQueries(b, benchQueries(benchPhrases(newCorpus(2), 100), nil))
}

func BenchmarkSearchPrefix(b *testing.B) {
	var texts []string
	for _, w := range benchWords(newCorpus(2), 100) {
		r := []rune(w)
		texts = append(texts, string(r[:min(len(r), 3+len(texts)%3)]))
	}
	runQueries(b, benchQueries(texts, func(_ int, q *Query) { q.AsYouType, q.Facets = true, false }))
}

func BenchmarkSearchTagFilter(b *testing.B) {
	runQueries(b, benchQueries(benchWords(newCorpus(2), 100), func(i int, q *Query) {
		q.TagIDs = []string{fmt.Sprintf("tag%d", (i*3)%50)}
	}))
}

func BenchmarkSearchBusyViewer(b *testing.B) {
	viewer := busyViewer()
	runQueries(b, benchQueries(benchWords(newCorpus(2), 100), func(i int, q *Query) {
		q.Audience = viewer
		if i%2 == 0 {
			q.TagIDs = []string{fmt.Sprintf("tag%d", i%50)}
		}
	}))
}

func BenchmarkSearchBrowseTag(b *testing.B) {
	var texts []string
	for range 100 {
		texts = append(texts, "")
	}
	runQueries(b, benchQueries(texts, func(i int, q *Query) {
		q.TagIDs = []string{fmt.Sprintf("tag%d", i%100)}
		q.Sort = SortRecent
	}))
}

func BenchmarkSearchTypo(b *testing.B) {
	var texts []string
	for _, w := range benchWords(newCorpus(2), 100) {
		r := []rune(w)
		if len(r) >= 6 {
			r[2], r[3] = r[3], r[2] // swap two letters
		}
		texts = append(texts, string(r))
	}
	runQueries(b, benchQueries(texts, nil))
}

// BenchmarkIndexCompact deletes a quarter of the notes and compacts the
// index once: how long the write lock is held. It comes last, since it
// changes the index the others share.
func BenchmarkIndexCompact(b *testing.B) {
	ix := benchIndex().ix
	notes, _ := benchSize()
	for i := 0; i < notes; i += 4 {
		ix.Delete(KindNote, fmt.Sprintf("n%d", i))
	}
	b.ResetTimer()
	t0, c0 := time.Now(), processCPU()
	ix.Compact()
	b.ReportMetric(float64(time.Since(t0).Milliseconds()), "ms")
	b.ReportMetric(float64((processCPU() - c0).Milliseconds()), "cpu-ms")
	b.ReportMetric(0, "ns/op")
}
