package auth

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func testHasher(t *testing.T, maxConcurrent int) *Hasher {
	t.Helper()
	return NewHasher(TestParams(), maxConcurrent)
}

func TestHashAndVerify(t *testing.T) {
	h := testHasher(t, 2)
	ctx := context.Background()
	pw := "correct horse battery staple é"
	encoded, err := h.Hash(ctx, pw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(encoded, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("unexpected encoding %q", encoded)
	}
	if strings.Contains(encoded, pw) {
		t.Error("hash contains the password")
	}
	ok, err := h.Verify(ctx, pw, encoded)
	if err != nil || !ok {
		t.Errorf("right password: ok=%v err=%v", ok, err)
	}
	ok, err = h.Verify(ctx, "correct horse battery staple e", encoded)
	if err != nil || ok {
		t.Errorf("wrong password: ok=%v err=%v", ok, err)
	}
	again, err := h.Hash(ctx, pw)
	if err != nil {
		t.Fatal(err)
	}
	if again == encoded {
		t.Error("two hashes of one password are equal: salt not random")
	}
}

func TestVerifyMalformedHash(t *testing.T) {
	h := testHasher(t, 1)
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$a2V5", "$argon2id$v=19$m=x$a$b"} {
		ok, err := h.Verify(context.Background(), "pw", bad)
		if err == nil || ok {
			t.Errorf("Verify(%q): ok=%v err=%v, want an error", bad, ok, err)
		}
	}
}

func TestVerifyHashFromOtherParams(t *testing.T) {
	// Hashes made before a params change must keep working.
	old := NewHasher(Params{Memory: 2048, Iterations: 2, Parallelism: 2, SaltLength: 16, KeyLength: 32}, 1)
	encoded, err := old.Hash(context.Background(), "pw")
	if err != nil {
		t.Fatal(err)
	}
	h := testHasher(t, 1)
	if ok, err := h.Verify(context.Background(), "pw", encoded); !ok || err != nil {
		t.Errorf("ok=%v err=%v", ok, err)
	}
	if !h.NeedsRehash(encoded) {
		t.Error("NeedsRehash = false for a hash with other params")
	}
	own, _ := h.Hash(context.Background(), "pw")
	if h.NeedsRehash(own) {
		t.Error("NeedsRehash = true for a hash with current params")
	}
	if !h.NeedsRehash("garbage") {
		t.Error("NeedsRehash = false for garbage")
	}
}

func TestDummyVerify(t *testing.T) {
	h := testHasher(t, 1)
	if !strings.HasPrefix(h.dummy, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("dummy hash %q does not use the hasher's params", h.dummy)
	}
	if err := h.DummyVerify(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := h.DummyVerify(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestDummyVerifyCostsLikeVerify: DummyVerify runs Verify against a hash
// made with the Hasher's own parameters, so it does exactly the work of a
// failed Verify (the same memory, iterations and key length). This checks
// the parameters rather than timing two calls, which a busy machine skews.
func TestDummyVerifyCostsLikeVerify(t *testing.T) {
	for _, p := range []Params{DefaultParams(), TestParams()} {
		h := NewHasher(p, 1)
		if h.NeedsRehash(h.dummy) {
			t.Errorf("dummy hash %q is not made with the hasher's parameters %+v", h.dummy, p)
		}
		if ok, err := h.Verify(context.Background(), "not the password", h.dummy); ok || err != nil {
			t.Errorf("dummy hash verified (%v, %v)", ok, err)
		}
	}
}

func TestHashRespectsCancellationWhenFull(t *testing.T) {
	h := testHasher(t, 1)
	// Occupy the only slot, as a long-running hash would.
	if err := h.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := h.Hash(ctx, "pw")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("gave up after %v", waited)
	}
	if _, err := h.Verify(ctx, "pw", h.dummy); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Verify err = %v, want context.DeadlineExceeded", err)
	}

	// Once the slot frees, hashing proceeds.
	h.release()
	if _, err := h.Hash(context.Background(), "pw"); err != nil {
		t.Fatal(err)
	}
}

func TestHashCancelledContextWithFreeSlot(t *testing.T) {
	h := testHasher(t, 4)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range 20 { // select between two ready cases is random: try often
		if _, err := h.Hash(ctx, "pw"); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	}
}

func TestHashBoundsConcurrency(t *testing.T) {
	const limit = 2
	h := testHasher(t, limit)
	var running, peak atomic.Int32
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			// Mirror Hash's own slot handling to observe occupancy.
			if err := h.acquire(context.Background()); err != nil {
				t.Error(err)
				return
			}
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(2 * time.Millisecond)
			running.Add(-1)
			h.release()
		})
	}
	// Real hashes compete for the same slots at the same time.
	for range 4 {
		wg.Go(func() {
			if _, err := h.Hash(context.Background(), "pw"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > limit {
		t.Errorf("%d ran at once, limit %d", p, limit)
	}
	if len(h.sem) != 0 {
		t.Errorf("%d slots still held", len(h.sem))
	}
}

func TestParamsValidate(t *testing.T) {
	for _, p := range []Params{DefaultParams(), TestParams()} {
		if err := p.Validate(); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
	cases := map[string]func(p *Params){
		"no lanes":       func(p *Params) { p.Parallelism = 0 },
		"too little mem": func(p *Params) { p.Memory, p.Parallelism = 15, 2 },
		"no iterations":  func(p *Params) { p.Iterations = 0 },
		"short salt":     func(p *Params) { p.SaltLength = 4 },
		"short key":      func(p *Params) { p.KeyLength = 8 },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			p := TestParams()
			mutate(&p)
			if err := p.Validate(); err == nil {
				t.Fatal("want an error")
			}
			assertPanics(t, func() { NewHasher(p, 1) })
		})
	}
	t.Run("no concurrency", func(t *testing.T) {
		assertPanics(t, func() { NewHasher(TestParams(), 0) })
	})
}

func assertPanics(t *testing.T, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Error("want a panic")
		}
	}()
	f()
}

func TestDefaultParamsFollowOWASP(t *testing.T) {
	p := DefaultParams()
	if p.Memory != 19456 || p.Iterations != 2 || p.Parallelism != 1 || p.SaltLength != 16 || p.KeyLength != 32 {
		t.Errorf("DefaultParams() = %+v", p)
	}
}
