package search

import "math/bits"

// scratch holds the buffers of one query, kept in a pool between
// queries so that a search allocates little.
type scratch struct {
	seen    []uint8   // visibility per audience class
	cands   []cand    // candidates
	slots   []uint32  // the slots of several tags
	bits    []uint64  // a bitmap over slots
	best    []float32 // per slot: best score of a many-term group
	title   []uint64  // per slot: title match of a many-term group
	touched []uint64  // per slot: touched by a many-term group
	pos     [][]uint32
}

// prepare sizes the buffers that depend on the index.
func (sc *scratch) prepare(slots, classes int) {
	if cap(sc.seen) < classes {
		sc.seen = make([]uint8, classes, classes+classes/4)
	}
	sc.seen = sc.seen[:classes]
	_ = slots // the per-slot buffers are sized when first used
}

// reset clears what the next query must find empty. The per-slot
// buffers are cleared by their users as they read them.
func (sc *scratch) reset() {
	clear(sc.seen)
}

// bitmap returns a zeroed bitmap of n bits; its user clears it.
func (sc *scratch) bitmap(n int) []uint64 {
	words := (n + 63) / 64
	if cap(sc.bits) < words {
		sc.bits = make([]uint64, words, words+words/4)
	}
	return sc.bits[:words]
}

// dense returns the per-slot arrays of startDense, zeroed.
func (sc *scratch) dense(n int) (best []float32, title, touched []uint64) {
	words := (n + 63) / 64
	if cap(sc.best) < n {
		sc.best = make([]float32, n, n+n/4)
	}
	if cap(sc.touched) < words {
		sc.touched = make([]uint64, words, words+words/4)
		sc.title = make([]uint64, words, words+words/4)
	}
	return sc.best[:n], sc.title[:words], sc.touched[:words]
}

// positions returns n empty position lists.
func (sc *scratch) positions(n int) [][]uint32 {
	for len(sc.pos) < n {
		sc.pos = append(sc.pos, nil)
	}
	return sc.pos[:n]
}

func trailingZeros(x uint64) int { return bits.TrailingZeros64(x) }
