package app_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"testing"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/testutil"
)

// boot starts the real program on a free loopback port over a fresh
// database and stops it when the test ends.
func boot(t *testing.T) *app.Main {
	t.Helper()
	return bootWith(t, func(*config.Config) {})
}

// bootWith is boot with changes to the configuration.
func bootWith(t *testing.T, change func(*config.Config)) *app.Main {
	t.Helper()
	opts := testutil.DBOptions(t)
	cfg := config.Default()
	cfg.Addr = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	cfg.DatabaseURL = opts.URL
	if opts.DataDir != "" {
		cfg.DataDir = opts.DataDir
	}
	change(&cfg)
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
	return m
}

// client is an HTTP client with cookies that does not follow redirects.
func client(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}
