package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/benchgen"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// generateTiny fills a fresh database (SQLite, or PostgreSQL under
// MAILLAGE_TEST_DATABASE_URL) with the generator's tiny profile and
// returns how to open it.
func generateTiny(t *testing.T) store.Options {
	t.Helper()
	ctx := context.Background()
	opts := testutil.DBOptions(t)
	db, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	svc := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2),
		BaseURL: "http://maillage.test", Files: testutil.Files(t)})
	profile, ok := benchgen.ProfileNamed("tiny")
	if !ok {
		t.Fatal("no tiny profile")
	}
	if _, err := benchgen.Generate(ctx, svc, benchgen.Options{Profile: profile, Seed: benchgen.DefaultSeed}); err != nil {
		t.Fatalf("generate: %v", err)
	}
	return opts
}

// TestRunOnTinyProfile runs the whole comparison on the generator's tiny
// profile, so the tool keeps working as the store, the index and the
// generator change: every engine is built, every class has queries, and
// the report names them all.
func TestRunOnTinyProfile(t *testing.T) {
	opts := generateTiny(t)
	names, o := testEngines(t)
	o.DataDir, o.DatabaseURL = opts.DataDir, opts.URL
	o.Engines, o.Queries, o.Seed, o.Clients = names, 5, 1, 2
	o.HTTP = serve(t, opts)

	var out, log bytes.Buffer
	if err := run(context.Background(), o, &out, io.MultiWriter(&log)); err != nil {
		t.Fatalf("run: %v\n%s", err, log.String())
	}
	report := out.String()
	for _, name := range names {
		if !strings.Contains(report, "| "+name+" |") {
			t.Errorf("the report has no row for %s:\n%s", name, report)
		}
	}
	for _, class := range classes() {
		if !strings.Contains(report, "| "+class+" |") {
			t.Errorf("the report has no row for %q:\n%s", class, report)
		}
	}
	if !strings.Contains(report, "Machine: ") || !strings.Contains(report, "Commit: ") {
		t.Errorf("the report does not say where it ran:\n%s", report)
	}
	// The server's index is fed from the same store: over HTTP, every
	// query must count what the in-process index counts.
	if !strings.Contains(report, "Every total over HTTP equals the in-process index's.") {
		t.Errorf("the HTTP run disagrees with the in-process index:\n%s\n%s", report, log.String())
	}
}

// serve starts Maillage on the database, on a free loopback port, and
// waits until it is ready (its search index built). It trusts
// X-Forwarded-For, as scripts/searchbench.sh starts it, so the run is not
// rate limited.
func serve(t *testing.T, opts store.Options) string {
	t.Helper()
	cfg := config.Default()
	cfg.Addr, cfg.TrustProxy = "127.0.0.1:0", true
	cfg.DataDir, cfg.DatabaseURL = opts.DataDir, opts.URL
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	params := auth.TestParams()
	m := &app.Main{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), HashParams: &params}
	if err := m.Open(context.Background()); err != nil {
		t.Fatalf("open: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
		m.Close()
	})
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(m.URL() + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server is not ready after 30 s (last: %v)", err)
		}
	}
	return m.URL()
}

// TestQuerySetIsReproducible: the same corpus and seed give the same
// queries, so every engine and every run answers the same set.
func TestQuerySetIsReproducible(t *testing.T) {
	docs := smallCorpus()
	voc := buildVocabulary(docs)
	anon, member := anonymous(), anonymous()
	tags := map[string]tagFilter{"t1": {Slug: "mobilite", IDs: []string{"t1"}}}
	a := querySet(docs, voc, tags, &anon, &member, 20, 7)
	b := querySet(docs, voc, tags, &anon, &member, 20, 7)
	for _, class := range classes() {
		if len(a[class]) == 0 && class != classPrefix {
			t.Errorf("no %q queries drawn", class)
		}
		if len(a[class]) != len(b[class]) {
			t.Fatalf("%s: %d then %d queries", class, len(a[class]), len(b[class]))
		}
		for i := range a[class] {
			if a[class][i].text() != b[class][i].text() {
				t.Errorf("%s #%d: %q then %q", class, i, a[class][i].text(), b[class][i].text())
			}
		}
	}
}
