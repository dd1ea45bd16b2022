package httpx

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a settable time source for the limiter.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func allowN(l *RateLimiter, key string, n int) int {
	ok := 0
	for range n {
		if l.Allow(key) {
			ok++
		}
	}
	return ok
}

func TestRateLimiterBurstThenRefill(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(6, 3, WithClock(clock.Now)) // one token every 10 s
	if got := allowN(l, "login:ip:1", 5); got != 3 {
		t.Fatalf("burst allowed %d, want 3", got)
	}
	clock.Advance(9 * time.Second)
	if l.Allow("login:ip:1") {
		t.Fatal("allowed before a token was back")
	}
	clock.Advance(time.Second)
	if !l.Allow("login:ip:1") {
		t.Fatal("denied after 10 s")
	}
	if l.Allow("login:ip:1") {
		t.Fatal("allowed twice on one token")
	}
	// A long pause refills to the burst, never beyond.
	clock.Advance(time.Hour)
	if got := allowN(l, "login:ip:1", 10); got != 3 {
		t.Fatalf("after an hour allowed %d, want 3", got)
	}
}

func TestRateLimiterKeysIndependent(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(1, 2, WithClock(clock.Now))
	if got := allowN(l, "login:ip:1", 3); got != 2 {
		t.Fatalf("ip allowed %d", got)
	}
	if got := allowN(l, "login:email:camille@example.ca", 3); got != 2 {
		t.Fatalf("email allowed %d, want its own bucket", got)
	}
}

func TestRateLimiterClockBackwards(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(60, 1, WithClock(clock.Now))
	l.Allow("k")
	clock.Advance(-time.Hour)
	if l.Allow("k") {
		t.Fatal("a clock stepping back refilled the bucket")
	}
	clock.Advance(time.Hour + time.Second)
	if !l.Allow("k") {
		t.Fatal("denied once time caught up")
	}
}

func TestRateLimiterEvictsIdleKeys(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(60, 5, WithClock(clock.Now)) // full again after 5 s
	for i := range 100 {
		l.Allow(fmt.Sprint("ip:", i))
	}
	if l.Len() != 100 {
		t.Fatalf("tracking %d keys", l.Len())
	}
	clock.Advance(4 * time.Second)
	l.Allow("fresh")
	if l.Len() != 101 {
		t.Fatalf("keys evicted before they were full: %d", l.Len())
	}
	clock.Advance(2 * time.Second)
	l.Allow("fresh")
	if l.Len() != 1 {
		t.Fatalf("idle keys kept: %d", l.Len())
	}
}

func TestRateLimiterMaxKeys(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(1, 1, WithClock(clock.Now), WithMaxKeys(3))
	l.Allow("a")
	l.Allow("b")
	l.Allow("c")
	if l.Allow("a") { // "a" becomes the most recently used, still limited
		t.Fatal("a allowed twice")
	}
	l.Allow("d") // evicts "b", the least recently used
	if l.Len() != 3 {
		t.Fatalf("tracking %d keys, want 3", l.Len())
	}
	if l.Allow("a") || l.Allow("c") {
		t.Fatal("a recently used key was forgotten")
	}
	if !l.Allow("b") {
		t.Fatal("b should have been evicted and start afresh")
	}
}

func TestRateLimiterClampsConfig(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(0, 0, WithClock(clock.Now), WithMaxKeys(0))
	if !l.Allow("k") || l.Allow("k") {
		t.Fatal("want one request then a denial")
	}
	clock.Advance(time.Minute)
	if !l.Allow("k") {
		t.Fatal("want a token back after a minute")
	}
}

func TestRateLimiterConcurrent(t *testing.T) {
	clock := newFakeClock()
	l := NewRateLimiter(1, 50, WithClock(clock.Now), WithMaxKeys(1000))
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for g := range 20 {
		wg.Go(func() {
			for i := range 100 {
				if l.Allow("shared") {
					allowed.Add(1)
				}
				l.Allow(fmt.Sprint(g, ":", i))
			}
		})
	}
	wg.Wait()
	if got := allowed.Load(); got != 50 {
		t.Errorf("shared key allowed %d times, want exactly the burst of 50", got)
	}
	if l.Len() > 1000 {
		t.Errorf("tracking %d keys, above the limit", l.Len())
	}
}
