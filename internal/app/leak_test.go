package app_test

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"testing"
)

// The visibility leak test. It builds random worlds from a seed (see
// leak_world_test.go) and, for every viewer — a visitor, each person, an
// administrator — visits every GET route of both route tables with every
// item of the world its parameters can name (leak_routes_test.go). Each
// answer must be what the access policy says: allowed, refused, or
// exactly like an absent item; no page, API answer or email may show the
// name, text or ID of anything the viewer or recipient may not see; API
// lists hold exactly the items the policy allows (leak_check_test.go).
//
// MAILLAGE_LEAK_SEED=N replays a run; MAILLAGE_LEAK_WORLDS=N builds more
// worlds (2 by default).
func TestVisibilityLeaks(t *testing.T) {
	seed := leakSeed(t)
	worlds := 2
	if s := os.Getenv("MAILLAGE_LEAK_WORLDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("MAILLAGE_LEAK_WORLDS=%q: want a positive number", s)
		}
		worlds = n
	}
	replay := fmt.Sprintf("MAILLAGE_LEAK_SEED=%d go test -count=1 -run Leak ./internal/app/", seed)
	t.Logf("seed %d, %d worlds; to replay: %s", seed, worlds, replay)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("replay with: %s", replay)
		}
	})
	routes, problems := leakRoutes()
	for _, p := range problems {
		t.Error(p)
	}
	for i := 0; i < worlds; i++ {
		t.Run(fmt.Sprint("world", i), func(t *testing.T) {
			w := buildLeakWorld(t, seed, i)
			w.checkCoverage(t, routes)
			t.Run("viewers", func(t *testing.T) {
				for _, v := range w.viewers {
					t.Run(v.name, func(t *testing.T) {
						t.Parallel()
						w.visit(t, v, routes)
					})
				}
			})
			t.Logf("world %d: %d viewers, %d notes, %d notebooks, %d threads, %d replies, %d conversations, %d notifications, %d tags, "+
				"%d pending invitations; %d emails; %d GET requests", i, len(w.viewers), len(w.notes), len(w.notebooks), len(w.threads),
				len(w.replies), len(w.convs), len(w.notifs), len(w.tags), w.pendingCount(), w.emailsAtOnce+w.emailsLater, w.requests.Load())
		})
	}
}

// leakSeed is MAILLAGE_LEAK_SEED, or a new random seed.
func leakSeed(t *testing.T) uint64 {
	if s := os.Getenv("MAILLAGE_LEAK_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("MAILLAGE_LEAK_SEED=%q: want a number", s)
		}
		return n
	}
	var b [8]byte
	rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:]) % 1_000_000_000
}

// checkCoverage fails on a GET route the world gives nothing to visit
// with: every route is visited with at least one real item. Emails were
// read both as things happened and in the digests.
func (w *leakWorld) checkCoverage(t *testing.T, routes []leakRoute) {
	if w.emailsAtOnce == 0 || w.emailsLater == 0 {
		t.Errorf("[seed %d world %d] %d emails at once and %d digests: the world must send both", w.seed, w.index, w.emailsAtOnce, w.emailsLater)
	}
	for i := range routes {
		r := &routes[i]
		kind := r.itemKind()
		if kind != "" && len(w.items[kind]) == 0 {
			t.Errorf("[seed %d world %d] %s is not visited: the world has no %s", w.seed, w.index, r.pattern, kind)
		}
	}
}
