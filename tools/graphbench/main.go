// Command graphbench measures the relation graph and discovery on a
// generated data set (maillage bench generate): the graph's load time
// and memory; PageRank over the whole graph against the plain CSR kernel
// and against gonum on the same graph; the key actors of the largest tag
// and the second degree of a hub, in process and, with --http, over
// HTTP, for a visitor and for the member of the most private
// communities. It prints a Markdown report. See docs/performance.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"time"

	"github.com/maillage/maillage/internal/store"
)

type options struct {
	DataDir, DatabaseURL, HTTP string
	Runs                       int
	CPUProfile                 string
	SkipPageRank               bool
}

func main() {
	var o options
	flag.StringVar(&o.DataDir, "data", "", "data folder of a SQLite database (maillage.db)")
	flag.StringVar(&o.DatabaseURL, "database-url", "", "postgres://... (instead of --data)")
	flag.StringVar(&o.HTTP, "http", "", "base URL of a running `maillage serve` on the same database")
	flag.IntVar(&o.Runs, "runs", 300, "requests per measured query")
	flag.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the discovery runs to this file")
	flag.BoolVar(&o.SkipPageRank, "skip-pagerank", false, "leave out the PageRank comparison")
	flag.Parse()
	if (o.DataDir == "") == (o.DatabaseURL == "") {
		fmt.Fprintln(os.Stderr, "graphbench: give --data or --database-url")
		os.Exit(2)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{DataDir: o.DataDir, URL: o.DatabaseURL})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if err := run(ctx, db, o, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// heap is the live heap after a collection.
func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func durText(d time.Duration) string {
	switch {
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns", d.Nanoseconds())
	case d < time.Millisecond:
		return fmt.Sprintf("%.3g µs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.3g ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.3g s", d.Seconds())
}
