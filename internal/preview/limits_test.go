package preview

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// endlessHandler serves a head, then an unterminated comment padded with up
// to total bytes, counting what the connection actually accepted.
func endlessHandler(head string, total int, served *atomic.Int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		n, _ := fmt.Fprint(w, head+"<!--")
		served.Add(int64(n))
		chunk := []byte(strings.Repeat("x", 32<<10))
		for written := n; written < total; written += len(chunk) {
			n, err := w.Write(chunk)
			served.Add(int64(n))
			if err != nil || r.Context().Err() != nil {
				return
			}
		}
	}
}

func TestFetchStopsAtMaxBytes(t *testing.T) {
	const total = 256 << 20
	var served atomic.Int64
	srv := httptest.NewServer(endlessHandler(
		`<html><head><title>Grande page</title><meta property="og:description" content="Tête lue">`,
		total, &served))
	start := time.Now()
	p, err := localFetcher(Options{MaxBytes: 64 << 10, Timeout: 10 * time.Second}).Fetch(context.Background(), srv.URL)
	elapsed := time.Since(start)
	srv.Close() // waits for the handler, so served is final
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Grande page" || p.Description != "Tête lue" {
		t.Fatalf("got %+v", p)
	}
	// Socket buffers on loopback absorb a few MiB that were never read; a
	// fetcher reading everything would take all 256 MiB.
	if got := served.Load(); got > 32<<20 {
		t.Fatalf("server wrote %d bytes; the fetch read far past MaxBytes", got)
	}
	t.Logf("served %d KiB in %v", served.Load()>>10, elapsed)
}

func TestFetchMaxBytesCutsLateMetadata(t *testing.T) {
	page := `<html><head><title>Tôt</title><!--` + strings.Repeat("x", 100<<10) +
		`--><meta property="og:title" content="Tard"></head>`
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	for _, c := range []struct {
		maxBytes int64
		want     string
	}{{64 << 10, "Tôt"}, {1 << 20, "Tard"}} {
		p, err := localFetcher(Options{MaxBytes: c.maxBytes}).Fetch(context.Background(), srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != c.want {
			t.Errorf("MaxBytes %d: title %q, want %q", c.maxBytes, p.Title, c.want)
		}
	}
}

func TestFetchTimesOutOnSlowServer(t *testing.T) {
	const timeout = 300 * time.Millisecond
	cases := map[string]http.HandlerFunc{
		"no headers": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		},
		"dripping body": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusOK)
			for i := 0; i < 100; i++ {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-time.After(50 * time.Millisecond):
				case <-r.Context().Done():
					return
				}
			}
		},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			srv := serve(t, h)
			start := time.Now()
			_, err := localFetcher(Options{Timeout: timeout}).Fetch(context.Background(), srv.URL)
			elapsed := time.Since(start)
			if err == nil {
				t.Fatal("slow server: no error")
			}
			if elapsed > timeout+700*time.Millisecond {
				t.Fatalf("gave up after %v, timeout is %v", elapsed, timeout)
			}
		})
	}
}

func TestFetchCapsRedirectLoop(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/a", http.StatusMovedPermanently)
	})
	_, err := localFetcher(Options{MaxRedirects: 3}).Fetch(context.Background(), srv.URL+"/a")
	if !errors.Is(err, ErrTooManyRedirects) {
		t.Fatalf("err = %v, want ErrTooManyRedirects", err)
	}
	if got := hits.Load(); got != 4 {
		t.Fatalf("%d requests, want 4 (the first and 3 redirects)", got)
	}

	hits.Store(0)
	_, err = localFetcher(Options{MaxRedirects: -1}).Fetch(context.Background(), srv.URL+"/a")
	if !errors.Is(err, ErrTooManyRedirects) || hits.Load() != 1 {
		t.Fatalf("MaxRedirects -1: err = %v after %d requests, want ErrTooManyRedirects after 1", err, hits.Load())
	}
}
