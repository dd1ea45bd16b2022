package auth

import (
	"crypto/rand"
	"time"
)

// crockford is Crockford's base32 alphabet in lowercase: no i, l, o or u,
// so ids survive being read aloud or retyped. Its characters are in
// ascending byte order, which makes string order follow numeric order.
const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

// IDLen is the length of the ids returned by NewID.
const IDLen = 26

// NewID returns a new opaque id, ULID-like: a 48-bit millisecond Unix
// timestamp followed by 80 random bits, as 26 lowercase Crockford base32
// characters. Ids sort by creation time (to the millisecond; ids made
// within the same millisecond are in random order) which keeps database
// indexes compact, and the random part makes collisions negligible.
func NewID() string {
	var r [10]byte
	_, _ = rand.Read(r[:]) // never fails since Go 1.24
	return newID(time.Now(), r)
}

func newID(t time.Time, random [10]byte) string {
	var out [IDLen]byte
	// 48 bits of time in 10 characters (50 bits: the first holds 3 bits).
	ms := uint64(t.UnixMilli()) & (1<<48 - 1)
	for i := 9; i >= 0; i-- {
		out[i] = crockford[ms&31]
		ms >>= 5
	}
	// 80 random bits in exactly 16 characters, 5 bytes giving 8 characters.
	for g := range 2 {
		var v uint64
		for _, b := range random[g*5 : g*5+5] {
			v = v<<8 | uint64(b)
		}
		for i := 7; i >= 0; i-- {
			out[10+g*8+i] = crockford[v&31]
			v >>= 5
		}
	}
	return string(out[:])
}
