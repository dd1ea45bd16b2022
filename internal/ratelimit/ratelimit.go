// Package ratelimit counts security-relevant events (sign-in failures,
// sign-ups, emailed links) per key in fixed time windows. The counts live
// in the database, so they survive restarts and hold across several app
// nodes sharing one PostgreSQL; process memory would forget them and
// multiply every limit by the number of nodes.
package ratelimit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Rule is a named limit: at most Limit events per key in each Window.
// Windows are fixed and aligned on the clock (an hour-long window starts
// on the hour), so a client may fit up to twice the limit across a window
// boundary, never more.
type Rule struct {
	Name   string
	Limit  int
	Window time.Duration
}

// Limiter counts events against rules. Implementations must be safe for
// concurrent use by several processes.
type Limiter interface {
	// Take counts one event for key under r unless the current window is
	// full; it reports whether the event was counted (allowed).
	Take(ctx context.Context, r Rule, key string) (bool, error)
	// Return gives back an event counted by Take in the current window,
	// for an attempt that turned out not to count.
	Return(ctx context.Context, r Rule, key string) error
}

// Counters is the storage behind Store: fixed-window counters updated
// atomically. *store.DB implements it.
type Counters interface {
	TakeRateSlot(ctx context.Context, key string, windowStart, windowEnd time.Time, limit int) (bool, error)
	ReturnRateSlot(ctx context.Context, key string, windowStart time.Time) error
}

// Store is the Limiter kept in the database.
type Store struct {
	counters Counters
	now      func() time.Time
}

// NewStore returns a Limiter over counters, reading time from now.
func NewStore(counters Counters, now func() time.Time) *Store {
	return &Store{counters: counters, now: now}
}

// Take implements Limiter.
func (s *Store) Take(ctx context.Context, r Rule, key string) (bool, error) {
	start := s.now().UTC().Truncate(r.Window)
	return s.counters.TakeRateSlot(ctx, storedKey(r, key), start, start.Add(r.Window), r.Limit)
}

// Return implements Limiter.
func (s *Store) Return(ctx context.Context, r Rule, key string) error {
	start := s.now().UTC().Truncate(r.Window)
	return s.counters.ReturnRateSlot(ctx, storedKey(r, key), start)
}

// storedKey names a counter by its rule and a hash of what it counts, so
// the table holds no email or IP address in clear.
func storedKey(r Rule, key string) string {
	sum := sha256.Sum256([]byte(r.Name + "\x00" + key))
	return r.Name + ":" + hex.EncodeToString(sum[:16])
}
