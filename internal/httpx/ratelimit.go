package httpx

import (
	"container/list"
	"sync"
	"time"
)

// DefaultMaxKeys bounds the memory of a RateLimiter: about 100 bytes per
// key, so roughly 1 MB.
const DefaultMaxKeys = 10_000

// RateLimiter is a token bucket per key ("login:ip:203.0.113.9",
// "login:email:camille@example.ca"): each key may spend burst requests at
// once, refilled at perMinute per minute. It is safe for concurrent use.
//
// Memory is bounded: buckets are kept in least-recently-used order, those
// idle long enough to be full again are dropped (a fresh bucket is the
// same), and past the key limit the least recently used key is forgotten.
// Flooding the limiter with new keys therefore resets old ones rather than
// blocking everybody; pair a per-address limit with a per-account one.
type RateLimiter struct {
	perSecond float64
	burst     float64
	maxKeys   int
	now       func() time.Time

	mu      sync.Mutex
	buckets map[string]*list.Element // values are *bucket
	lru     *list.List               // front: most recently used
}

type bucket struct {
	key    string
	tokens float64
	last   time.Time
}

// RateLimiterOption adjusts a RateLimiter at construction.
type RateLimiterOption func(*RateLimiter)

// WithClock replaces time.Now, so tests can move time by hand.
func WithClock(now func() time.Time) RateLimiterOption {
	return func(l *RateLimiter) { l.now = now }
}

// WithMaxKeys sets how many keys are tracked at most (DefaultMaxKeys
// otherwise); values below 1 are ignored.
func WithMaxKeys(n int) RateLimiterOption {
	return func(l *RateLimiter) {
		if n >= 1 {
			l.maxKeys = n
		}
	}
}

// NewRateLimiter allows each key burst requests at once and perMinute
// requests per minute on average. Values below 1 count as 1, so a
// misconfigured limiter stays strict rather than open.
func NewRateLimiter(perMinute, burst int, opts ...RateLimiterOption) *RateLimiter {
	l := &RateLimiter{
		perSecond: float64(max(perMinute, 1)) / 60,
		burst:     float64(max(burst, 1)),
		maxKeys:   DefaultMaxKeys,
		now:       time.Now,
		buckets:   make(map[string]*list.Element),
		lru:       list.New(),
	}
	for _, opt := range opts {
		opt(l)
	}
	return l
}

// Allow spends one token of key's bucket and reports whether there was one.
func (l *RateLimiter) Allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.evictIdle(now)

	var b *bucket
	if e, ok := l.buckets[key]; ok {
		b = e.Value.(*bucket)
		l.refill(b, now)
		l.lru.MoveToFront(e)
	} else {
		if l.lru.Len() >= l.maxKeys {
			l.remove(l.lru.Back())
		}
		b = &bucket{key: key, tokens: l.burst, last: now}
		l.buckets[key] = l.lru.PushFront(b)
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Len returns the number of keys currently tracked.
func (l *RateLimiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

func (l *RateLimiter) refill(b *bucket, now time.Time) {
	// A clock stepping backwards must not drain or overfill the bucket.
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(l.burst, b.tokens+elapsed.Seconds()*l.perSecond)
		b.last = now
	}
}

// evictIdle drops, from the least recently used end, buckets that would be
// full by now: forgetting them changes nothing. It stops at the first one
// still recovering, so each call costs little beyond the keys it removes.
func (l *RateLimiter) evictIdle(now time.Time) {
	full := time.Duration(l.burst / l.perSecond * float64(time.Second))
	for e := l.lru.Back(); e != nil; e = l.lru.Back() {
		if now.Sub(e.Value.(*bucket).last) < full {
			return
		}
		l.remove(e)
	}
}

func (l *RateLimiter) remove(e *list.Element) {
	delete(l.buckets, e.Value.(*bucket).key)
	l.lru.Remove(e)
}
