package benchgen

import (
	"math/rand/v2"
	"time"
)

// crockford is the alphabet of auth.NewID.
const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

// newID returns an ID in exactly auth.NewID's form (48 bits of
// milliseconds since 1970, then 80 random bits, 26 Crockford base32
// characters), made at t with bits from r: generated IDs sort by creation
// time like the app's, and the same seed gives the same IDs.
func newID(t time.Time, r *rand.Rand) string {
	var out [26]byte
	ms := uint64(t.UnixMilli()) & (1<<48 - 1)
	for i := 9; i >= 0; i-- {
		out[i] = crockford[ms&31]
		ms >>= 5
	}
	for g := range 2 {
		v := r.Uint64() & (1<<40 - 1)
		for i := 7; i >= 0; i-- {
			out[10+g*8+i] = crockford[v&31]
			v >>= 5
		}
	}
	return string(out[:])
}
