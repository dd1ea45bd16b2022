package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// httpResult is Maillage measured over HTTP: each class sequentially,
// then every public query again from several clients at once.
type httpResult struct {
	BaseURL  string
	Classes  map[string]latencies
	Totals   map[string][]int
	Clients  int
	Parallel latencies
	// Wall is how long the concurrent run took; Requests / Wall is the
	// throughput.
	Wall     time.Duration
	Requests int
	// RateLimited counts the answers 429 that were retried (their time
	// is not counted).
	RateLimited int64
	// Mismatches counts the queries whose total differs from the
	// in-process index's.
	Mismatches int
}

// requireLoopback refuses a --http URL that leaves this machine: the
// tool sends a burst of requests and must never do so to another host.
func requireLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--http: %q is not an http:// URL", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--http: %s is not a loopback address (127.0.0.1, ::1, localhost)", host)
}

// httpClient searches a running server with keep-alive connections.
type httpClient struct {
	base    string
	client  *http.Client
	token   string // the busy member's API token
	limited atomic.Int64
	// forwarded numbers each request's X-Forwarded-For address, so a
	// server started with --trust-proxy counts every anonymous request
	// apart and its per-address rate limit does not throttle the run.
	forwarded atomic.Uint32
}

func newHTTPClient(base string, conns int) *httpClient {
	tr := &http.Transport{MaxIdleConns: conns * 2, MaxIdleConnsPerHost: conns * 2, IdleConnTimeout: time.Minute}
	return &httpClient{base: base, client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// search sends one query and returns its duration and total. A 429 is
// waited out and retried; only the answered attempt is timed.
func (c *httpClient) search(ctx context.Context, q benchQuery) (time.Duration, int, error) {
	v := url.Values{"q": {q.text()}, "limit": {strconv.Itoa(limit)}}
	if q.Tag != nil {
		// The engines filter on the tag and its descendants.
		v.Set("tag", q.Tag.Slug)
		v.Set("descendants", "true")
	}
	u := c.base + "/api/v1/search?" + v.Encode()
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return 0, 0, err
		}
		if q.Viewer.UserID != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		} else {
			n := c.forwarded.Add(1)
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", byte(n>>16), byte(n>>8), byte(n)))
		}
		start := time.Now()
		resp, err := c.client.Do(req)
		if err != nil {
			return 0, 0, err
		}
		var body struct {
			Total *int `json:"total"`
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		if err != nil {
			return 0, 0, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			c.limited.Add(1)
			select {
			case <-ctx.Done():
				return 0, 0, ctx.Err()
			case <-time.After(150 * time.Millisecond):
			}
			continue
		}
		if resp.StatusCode != http.StatusOK {
			return 0, 0, fmt.Errorf("GET %s: %s: %.200s", u, resp.Status, raw)
		}
		if err := json.Unmarshal(raw, &body); err != nil || body.Total == nil {
			return 0, 0, fmt.Errorf("GET %s: not a search answer: %.200s", u, raw)
		}
		return took, *body.Total, nil
	}
}

// memberToken makes an API token for the busy member, stored like any
// other, and returns it with a function that revokes it.
func memberToken(ctx context.Context, db *store.DB, userID string) (string, func(), error) {
	plain, hash, err := auth.NewToken(service.TokenPrefix)
	if err != nil {
		return "", nil, err
	}
	t := &maillage.APIToken{ID: auth.NewID(), UserID: userID, Name: "searchbench"}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.CreateAPIToken(ctx, t, hash) }); err != nil {
		return "", nil, fmt.Errorf("api token: %w", err)
	}
	revoke := func() {
		_ = db.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.DeleteAPIToken(ctx, userID, t.ID) })
	}
	return plain, revoke, nil
}

func (b *bench) runHTTP(ctx context.Context, qs map[string][]benchQuery, member *viewer) (*httpResult, error) {
	c := newHTTPClient(b.opts.HTTP, b.opts.Clients)
	token, revoke, err := memberToken(ctx, b.db, member.UserID)
	if err != nil {
		return nil, err
	}
	defer revoke()
	c.token = token
	r := &httpResult{BaseURL: b.opts.HTTP, Classes: map[string]latencies{}, Totals: map[string][]int{}, Clients: b.opts.Clients}

	var all []benchQuery
	for _, class := range classes() {
		list := qs[class]
		for _, q := range list[:min(warmup, len(list))] {
			if _, _, err := c.search(ctx, q); err != nil {
				return nil, err
			}
		}
		lat := make(latencies, 0, len(list))
		totals := make([]int, 0, len(list))
		for _, q := range list {
			d, total, err := c.search(ctx, q)
			if err != nil {
				return nil, err
			}
			lat, totals = append(lat, d), append(totals, total)
		}
		r.Classes[class], r.Totals[class] = lat, totals
		b.logf("http: %-20s p50 %s p99 %s", class, lat.percentile(50), lat.percentile(99))
		if class != classMember {
			all = append(all, list...)
		}
	}
	if n := c.limited.Load(); n > 0 {
		b.logf("http: the server rate-limited %d requests; start it with --trust-proxy (scripts/searchbench.sh does) so each anonymous query counts apart", n)
	}

	// The concurrent run replays the public classes: the member's
	// queries would all count against one account's rate limit.
	work := make(chan benchQuery)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	start := time.Now()
	for range b.opts.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine latencies
			for q := range work {
				d, _, err := c.search(ctx, q)
				if err != nil {
					mu.Lock()
					firstErr = cmpOr(firstErr, err)
					mu.Unlock()
					continue
				}
				mine = append(mine, d)
			}
			mu.Lock()
			r.Parallel = append(r.Parallel, mine...)
			mu.Unlock()
		}()
	}
	for _, q := range all {
		work <- q
	}
	close(work)
	wg.Wait()
	r.Wall, r.Requests = time.Since(start), len(all)
	if firstErr != nil {
		return nil, firstErr
	}
	r.RateLimited = c.limited.Load()
	b.logf("http: %d clients: %d requests in %s, p50 %s p99 %s, %d answers 429 retried", r.Clients, r.Requests,
		r.Wall.Round(time.Millisecond), r.Parallel.percentile(50), r.Parallel.percentile(99), r.RateLimited)
	return r, nil
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
