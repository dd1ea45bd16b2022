package search

import "math/bits"

// scratch holds the buffers of one query, kept in a pool between
// queries so that a search allocates little.
type scratch struct {
	open    []uint64  // per audience class: the groups open to the viewer
	classes []uint32  // the classes with an open group
	tagBits []uint64  // a bitmap over slots: the filter's tags
	cands   []cand    // candidates
	slots   []uint32  // the slots of several tags
	bits    []uint64  // a bitmap over slots
	best    []float32 // per slot: best score of a many-term group
	title   []uint64  // per slot: title match of a many-term group
	touched []uint64  // per slot: touched by a many-term group
	pos     [][]uint32
	count   []int32 // facet counts, zeroed by their reader
	top     []idCount
}

// counts returns n zeroed facet counters; facetValues zeroes them again.
func (sc *scratch) counts(n int) []int32 {
	if cap(sc.count) < n {
		sc.count = make([]int32, n, n+n/4)
	}
	return sc.count[:n]
}

// prepare sizes the buffers that depend on the index; the per-slot
// ones are sized when first used.
func (sc *scratch) prepare(classes int) {
	if cap(sc.open) < classes {
		sc.open = make([]uint64, classes, classes+classes/4)
	}
	sc.open = sc.open[:classes]
}

// reset clears the tag bitmap; the other buffers are cleared by their
// users (the visibility marks, the per-slot arrays as they are read).
func (sc *scratch) reset() {
	clear(sc.tagBits)
}

// tagBitmap returns a zeroed bitmap of n bits, cleared by reset.
func (sc *scratch) tagBitmap(n int) []uint64 {
	words := (n + 63) / 64
	if cap(sc.tagBits) < words {
		sc.tagBits = make([]uint64, words, words+words/4)
	}
	sc.tagBits = sc.tagBits[:words]
	return sc.tagBits
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
