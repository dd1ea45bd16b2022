package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/search"
)

// report is everything one run measured, printed as Markdown.
type report struct {
	Title    string
	Machine  string
	Date     string
	Commit   string
	Docs     int
	ByKind   map[search.Kind]int
	LoadTime time.Duration
	Queries  int
	// FrequentDF and RareDF are how many documents hold the words of the
	// one-word classes, least and most.
	FrequentDF, RareDF [2]int
	Seed               int64
	Member             *viewer
	Engines            []*engineResult
	HTTP               *httpResult
}

func newReport(o options, c *corpus, member *viewer) *report {
	return &report{
		Title: o.Title, Machine: machineLine(), Date: time.Now().UTC().Format("2006-01-02"), Commit: commit(),
		Docs: len(c.Docs), ByKind: c.ByKind, LoadTime: c.LoadTime, Queries: o.Queries, Seed: o.Seed, Member: member,
	}
}

func (r *report) engine(name string) *engineResult {
	for _, e := range r.Engines {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// machineLine names the CPU model, the cores and the Go version.
func machineLine() string {
	model := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	return fmt.Sprintf("%s, %d cores, %s %s/%s", model, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// commit is the checked-out commit, marked when the work tree differs.
func commit() string {
	out, err := exec.Command("git", "rev-parse", "--short=10", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		c += " (modified)"
	}
	return c
}

// write prints the report as Markdown, ready for docs/performance.md.
func (r *report) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format+"\n", args...) }
	title := r.Title
	if title == "" {
		title = fmt.Sprintf("Search engines compared on %d documents", r.Docs)
	}
	p("### %s", title)
	p("")
	p("Machine: %s. Date: %s. Commit: `%s`.", r.Machine, r.Date, r.Commit)
	p("")
	p("Corpus: %s, loaded through the store in %s.", r.kinds(), durText(r.LoadTime))
	p("%d queries per class drawn from the corpus (seed %d), each asking for the first %d hits and the total;"+
		" latencies are single queries in process, after %d warm-up queries per class. Every query but the"+
		" busy member's is anonymous; the busy member belongs to %d communities (%d audience keys).",
		r.Queries, r.Seed, limit, warmup, r.Member.Communities, len(r.Member.Keys))
	p("Frequent words are each in %d to %d documents, rare ones in %d to %d.", r.FrequentDF[0], r.FrequentDF[1], r.RareDF[0], r.RareDF[1])
	p("")
	p("| Engine | Build | Docs/s | Go heap after GC | On disk | Set-up |")
	p("|---|---:|---:|---:|---:|---|")
	for _, e := range r.Engines {
		p("| %s | %s | %.0f | %s | %s | %s |", e.Name, durText(e.BuildTime), docsPerSecond(r.Docs, e.BuildTime),
			bytesText(e.HeapBytes), bytesText(e.DiskBytes), e.Note)
	}
	p("")
	if len(r.Engines) > 0 {
		p("Latency, p50 / p99 (× the best other engine's p50):")
		p("")
		head, rule := "| Query class |", "|---|"
		for _, e := range r.Engines {
			head += " " + e.Name + " |"
			rule += "---:|"
		}
		p("%s", head)
		p("%s", rule)
		for _, class := range classes() {
			row := "| " + class + " |"
			for _, e := range r.Engines {
				l := e.Classes[class]
				row += fmt.Sprintf(" %s / %s%s |", durText(l.percentile(50)), durText(l.percentile(99)), r.ratio(e, class))
			}
			p("%s", row)
		}
		p("")
		p("Median total matches (the engines' analyzers differ: FTS5 does not stem, Bleve's light stemmer and PostgreSQL's Snowball do):")
		p("")
		p("%s", head)
		p("%s", rule)
		for _, class := range classes() {
			row := "| " + class + " |"
			for _, e := range r.Engines {
				row += fmt.Sprintf(" %d |", median(e.Totals[class]))
			}
			p("%s", row)
		}
		p("")
	}
	if h := r.HTTP; h != nil {
		p("Maillage over HTTP (`GET /api/v1/search`, keep-alive, loopback), sequential:")
		p("")
		p("| Query class | p50 | p99 |")
		p("|---|---:|---:|")
		for _, class := range classes() {
			l := h.Classes[class]
			p("| %s | %s | %s |", class, durText(l.percentile(50)), durText(l.percentile(99)))
		}
		p("")
		rps := 0.0
		if h.Wall > 0 {
			rps = float64(h.Requests) / h.Wall.Seconds()
		}
		p("%d concurrent clients, the %d public queries: p50 %s, p99 %s, %.0f requests/s.", h.Clients, h.Requests,
			durText(h.Parallel.percentile(50)), durText(h.Parallel.percentile(99)), rps)
		if h.RateLimited > 0 {
			p("%d answers were 429 (rate limited) and retried; their time is not counted.", h.RateLimited)
		}
		switch {
		case r.engine(engMaillage) == nil:
		case h.Mismatches == 0:
			p("Every total over HTTP equals the in-process index's.")
		default:
			p("%d queries had a different total over HTTP than in process.", h.Mismatches)
		}
		p("")
	}
	return bw.Flush()
}

// ratio is an engine's p50 over the best other engine's, for one class.
func (r *report) ratio(e *engineResult, class string) string {
	best := time.Duration(0)
	for _, o := range r.Engines {
		if o == e {
			continue
		}
		if d := o.Classes[class].percentile(50); d > 0 && (best == 0 || d < best) {
			best = d
		}
	}
	mine := e.Classes[class].percentile(50)
	if best == 0 || mine == 0 {
		return ""
	}
	x := float64(mine) / float64(best)
	if x >= 10 {
		return fmt.Sprintf(" (×%.0f)", x)
	}
	return fmt.Sprintf(" (×%.2g)", x)
}

// kinds lists the corpus by kind, largest first.
func (r *report) kinds() string {
	type kc struct {
		k search.Kind
		n int
	}
	var ks []kc
	for k, n := range r.ByKind {
		if n > 0 {
			ks = append(ks, kc{k, n})
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].n != ks[j].n {
			return ks[i].n > ks[j].n
		}
		return ks[i].k < ks[j].k
	})
	parts := make([]string, len(ks))
	for i, x := range ks {
		parts[i] = fmt.Sprintf("%d %s", x.n, x.k)
	}
	return fmt.Sprintf("%d documents (%s)", r.Docs, strings.Join(parts, ", "))
}
