// Command pageload serves Maillage over the demo dataset next to a
// baseline server that answers the same page bytes from memory, in one
// process, so a load generator (wrk) measures both under the same
// conditions. See docs/performance.md and scripts/pageload.sh.
//
//	go run ./tools/pageload -path /communities
//
// It prints the two URLs and serves until interrupted.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/config"
)

func main() {
	path := flag.String("path", "/", "page whose bytes the baseline serves")
	dataDir := flag.String("data", "", "data folder (default: a new temporary one)")
	dbURL := flag.String("database-url", "", "postgres://...; empty = SQLite")
	flag.Parse()
	if err := run(*path, *dataDir, *dbURL); err != nil {
		fmt.Fprintln(os.Stderr, "pageload:", err)
		os.Exit(1)
	}
}

func run(path, dataDir, dbURL string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if dataDir == "" {
		d, err := os.MkdirTemp("", "maillage-pageload-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dataDir = d
	}
	cfg := config.Default()
	cfg.Addr, cfg.DataDir, cfg.DatabaseURL, cfg.Demo = "127.0.0.1:0", dataDir, dbURL, true
	// Access logs would measure the terminal, not Maillage.
	m := &app.Main{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()

	rec := httptest.NewRecorder()
	m.Handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("%s answers %d", path, rec.Code)
	}
	body, header := rec.Body.Bytes(), rec.Header().Clone()
	baseline := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		w.Write(body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(ln, baseline)
	fmt.Printf("maillage %s%s\nbaseline http://%s%s\nbytes %d\n", m.URL(), path, ln.Addr(), path, len(body))
	return m.Run(ctx)
}
