package auth

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNewIDShape(t *testing.T) {
	for range 1000 {
		id := NewID()
		if len(id) != IDLen {
			t.Fatalf("%q has length %d", id, len(id))
		}
		for _, c := range id {
			if !strings.ContainsRune(crockford, c) {
				t.Fatalf("%q contains %q, outside lowercase Crockford base32", id, c)
			}
		}
	}
}

func TestNewIDUnique(t *testing.T) {
	const n = 100_000
	seen := make(map[string]struct{}, n)
	for range n {
		id := NewID()
		if _, dup := seen[id]; dup {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = struct{}{}
	}
}

func TestNewIDSortsByTime(t *testing.T) {
	base := time.Date(2026, 11, 28, 14, 5, 0, 0, time.UTC)
	var ids []string
	var want []string
	// Random parts are chosen adversarially: a later id gets a smaller one.
	for i := range 200 {
		var r [10]byte
		for j := range r {
			r[j] = byte(255 - i)
		}
		id := newID(base.Add(time.Duration(i*i)*time.Millisecond), r)
		ids = append(ids, id)
		want = append(want, id)
	}
	slices.Reverse(ids)
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		t.Error("sorting ids does not follow time order")
	}

	// Across the whole 48-bit range, including the epoch and far future.
	times := []time.Time{time.UnixMilli(0), time.UnixMilli(1), time.UnixMilli(31), time.UnixMilli(32), base, time.UnixMilli(1<<48 - 1)}
	for i := 1; i < len(times); i++ {
		a, b := newID(times[i-1], [10]byte{255}), newID(times[i], [10]byte{})
		if a >= b {
			t.Errorf("id at %v (%s) does not sort before id at %v (%s)", times[i-1], a, times[i], b)
		}
	}
}

func TestNewIDKnownEncoding(t *testing.T) {
	// ULID spec example layout: time 0x01 and random bits all ones.
	var r [10]byte
	for i := range r {
		r[i] = 0xff
	}
	if got, want := newID(time.UnixMilli(1), r), "0000000001zzzzzzzzzzzzzzzz"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	r = [10]byte{0x80}
	if got, want := newID(time.UnixMilli(1<<48-1), r), "7zzzzzzzzzg000000000000000"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNewIDCarriesCurrentTime(t *testing.T) {
	before := newID(time.Now().Add(-time.Millisecond), [10]byte{255, 255, 255, 255, 255, 255, 255, 255, 255, 255})
	id := NewID()
	after := newID(time.Now().Add(time.Millisecond), [10]byte{})
	if id <= before || id >= after {
		t.Errorf("NewID %q not between %q and %q", id, before, after)
	}
}
