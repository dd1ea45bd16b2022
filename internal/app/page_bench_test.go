package app_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// BenchmarkPages renders typical pages over the demo dataset through the
// whole handler (middleware, session lookup, live database reads,
// templates), each next to a baseline that serves the same bytes from
// memory through a trivial handler. Compare the two with benchstat; the
// goal is a ratio of at least 0.25 (docs/performance.md).
func BenchmarkPages(b *testing.B) {
	opts := testutil.DBOptions(b)
	cfg := config.Default()
	cfg.Addr, cfg.DataDir, cfg.DatabaseURL, cfg.Demo = "127.0.0.1:0", b.TempDir(), opts.URL, true
	if opts.DataDir != "" {
		cfg.DataDir = opts.DataDir
	}
	params := auth.TestParams()
	m := &app.Main{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), HashParams: &params}
	if err := m.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	list, _, err := m.Service.Communities(context.Background(), maillage.Anonymous(), service.CommunityFilter{Query: "Numériques"})
	if err != nil || len(list) == 0 {
		b.Fatalf("demo community: %v", err)
	}
	for _, path := range []string{"/", "/communities", "/organizations", "/people", "/communities/" + list[0].ID} {
		rec := httptest.NewRecorder()
		m.Handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, rec.Code)
		}
		body := rec.Body.Bytes()
		ctype := rec.Header().Get("Content-Type")
		b.Run("page"+path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				m.Handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			}
		})
		b.Run("memory"+path, func(b *testing.B) {
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", ctype)
				w.Write(body)
			})
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			}
		})
	}
}
