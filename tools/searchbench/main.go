// Command searchbench compares full-text search engines on the same
// corpus in one run: Maillage's in-process index (internal/search), Bleve
// v2 with its French analyzer (in memory, and scorch on disk), raw SQLite
// FTS5, and PostgreSQL full-text search. Every engine gets the same
// documents, the same visibility filter (audience keys, expressed its own
// way) and the same queries; the tool prints a Markdown report ready for
// docs/performance.md. See scripts/searchbench.sh.
//
//	go run ./tools/searchbench --data DIR [--queries 200] [--http http://127.0.0.1:8080]
//	go run ./tools/searchbench --database-url postgres://... [--engines maillage,postgres]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// options are the command line of the tool.
type options struct {
	DataDir     string
	DatabaseURL string
	// PostgresURL is where the postgres engine builds its scratch schema;
	// it defaults to DatabaseURL, so a SQLite corpus can be compared with
	// PostgreSQL too.
	PostgresURL string
	Queries     int
	Seed        int64
	HTTP        string
	Clients     int
	Engines     []string
	Title       string
}

func main() {
	var o options
	var engines string
	flag.StringVar(&o.DataDir, "data", "", "data folder of a SQLite database (maillage.db)")
	flag.StringVar(&o.DatabaseURL, "database-url", "", "postgres://... of a PostgreSQL database (instead of --data)")
	flag.StringVar(&o.PostgresURL, "postgres-url", "", "PostgreSQL server for the postgres engine's scratch schema (default: --database-url)")
	flag.IntVar(&o.Queries, "queries", 200, "queries per class")
	flag.Int64Var(&o.Seed, "seed", 1, "seed of the query set")
	flag.StringVar(&o.HTTP, "http", "", "base URL of a running `maillage serve` on the same database (loopback only)")
	flag.IntVar(&o.Clients, "clients", 8, "concurrent clients of the HTTP run")
	flag.StringVar(&engines, "engines", strings.Join(allEngines(), ","), "engines to compare, comma-separated")
	flag.StringVar(&o.Title, "title", "", "heading of the report (default: names the corpus size)")
	flag.Parse()
	o.Engines = splitList(engines)
	if o.PostgresURL == "" {
		o.PostgresURL = o.DatabaseURL
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

// run is the whole comparison: load, build, query, report. Progress goes
// to logw, the Markdown report to out.
func run(ctx context.Context, o options, out, logw io.Writer) error {
	if (o.DataDir == "") == (o.DatabaseURL == "") {
		return fmt.Errorf("give exactly one of --data and --database-url")
	}
	if o.Queries < 1 {
		return fmt.Errorf("--queries must be at least 1")
	}
	if o.Clients < 1 {
		return fmt.Errorf("--clients must be at least 1")
	}
	for _, e := range o.Engines {
		if !knownEngine(e) {
			return fmt.Errorf("unknown engine %q (known: %s)", e, strings.Join(allEngines(), ", "))
		}
	}
	if o.HTTP != "" {
		if err := requireLoopback(o.HTTP); err != nil {
			return err
		}
	}
	b := &bench{opts: o, log: logw}
	defer b.close()
	rep, err := b.run(ctx)
	if err != nil {
		return err
	}
	return rep.write(out)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
