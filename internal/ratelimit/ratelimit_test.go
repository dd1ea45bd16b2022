package ratelimit_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/ratelimit"
	"github.com/maillage/maillage/internal/testutil"
)

// TestStoreCountsAtomically runs many concurrent takes through two
// limiters over one database (two app nodes): exactly the limit pass.
func TestStoreCountsAtomically(t *testing.T) {
	db := testutil.OpenDB(t)
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	nodes := []ratelimit.Limiter{ratelimit.NewStore(db, clock), ratelimit.NewStore(db, clock)}
	rule := ratelimit.Rule{Name: "test", Limit: 7, Window: time.Hour}
	ctx := context.Background()
	var passed atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ok, err := nodes[i%2].Take(ctx, rule, "203.0.113.9")
			if err != nil {
				t.Error(err)
			}
			if ok {
				passed.Add(1)
			}
		}(i)
	}
	wg.Wait()
	if got := passed.Load(); got != int32(rule.Limit) {
		t.Fatalf("%d of 40 concurrent takes passed, want %d", got, rule.Limit)
	}
	// Another key has its own count; a returned take frees a place.
	if ok, _ := nodes[0].Take(ctx, rule, "203.0.113.10"); !ok {
		t.Fatal("another key was limited")
	}
	if err := nodes[1].Return(ctx, rule, "203.0.113.9"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := nodes[0].Take(ctx, rule, "203.0.113.9"); !ok {
		t.Fatal("a returned place was not freed")
	}
	if ok, _ := nodes[0].Take(ctx, rule, "203.0.113.9"); ok {
		t.Fatal("over the limit")
	}
	// The next window starts afresh, and ended windows are pruned.
	now = now.Add(time.Hour)
	if ok, _ := nodes[0].Take(ctx, rule, "203.0.113.9"); !ok {
		t.Fatal("the next window is still limited")
	}
	if err := db.DeleteExpired(ctx, now); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < rule.Limit; i++ {
		if ok, _ := nodes[0].Take(ctx, rule, "203.0.113.9"); !ok {
			t.Fatalf("take %d of the new window refused", i+1)
		}
	}
	if ok, _ := nodes[0].Take(ctx, rule, "203.0.113.9"); ok {
		t.Fatal("pruning lost the current window's count")
	}
}
