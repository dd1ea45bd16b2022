package search

import (
	"unsafe"
)

// compactMinSlots keeps small indexes from compacting over and over:
// below it, tombstones cost too little to matter.
const compactMinSlots = 256

// compactTries is how many times a compaction built beside the live
// index may be overtaken by writes before one is done under the write
// lock, so that a steady stream of updates cannot starve it.
const compactTries = 3

// needsCompaction reports whether tombstones are more than a quarter of
// the slots. The caller holds a lock.
func (ix *Index) needsCompaction() bool {
	dead := len(ix.docs) - ix.live
	return len(ix.docs) >= compactMinSlots && 4*dead > len(ix.docs)
}

// compactIfNeeded compacts when tombstones are more than a quarter of
// the slots. The caller holds no lock.
func (ix *Index) compactIfNeeded() {
	ix.mu.RLock()
	need := ix.needsCompaction()
	ix.mu.RUnlock()
	if need && ix.compacting.CompareAndSwap(false, true) {
		defer ix.compacting.Store(false)
		if !ix.compactBeside() && ix.compactFailed.Add(1) >= compactTries {
			ix.compactLocked()
		}
	}
}

// Compact drops the postings of deleted and replaced documents and gives
// the live ones consecutive slots. The index compacts itself when a
// quarter of its slots are dead; this is for callers that know a burst
// of updates just ended. Searches go on while it works.
func (ix *Index) Compact() {
	for range compactTries {
		if ix.compactBeside() {
			return
		}
	}
	ix.compactLocked()
}

// compactBeside builds the compacted index under the read lock, so that
// searches go on, then swaps it in unless a write came in between.
func (ix *Index) compactBeside() bool {
	ix.mu.RLock()
	c := ix.compacted()
	ix.mu.RUnlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if c.gen != ix.gen {
		return false
	}
	ix.apply(c)
	return true
}

// compactLocked compacts under the write lock.
func (ix *Index) compactLocked() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.apply(ix.compacted())
}

// compaction is a compacted copy of the index, built from generation gen.
type compaction struct {
	gen         uint64
	hot         []docHot
	facet       []docFacet
	docs        []docMeta
	arena       []uint32
	byKey       map[docKey]uint32
	tagSlots    [][]uint32
	vocab       vocabulary
	surface     surfaceVocab
	postings    []postingList
	nPosting    int
	fieldLenSum [numFields]int64
}

// compacted builds a copy of the index without its tombstones. It only
// reads the index: the caller holds a lock.
func (ix *Index) compacted() *compaction {
	c := &compaction{
		gen:   ix.gen,
		hot:   make([]docHot, 0, ix.live),
		facet: make([]docFacet, 0, ix.live),
		docs:  make([]docMeta, 0, ix.live),
		arena: make([]uint32, 0, len(ix.tagArena)),
		byKey: make(map[docKey]uint32, len(ix.byKey)),
	}
	remap := make([]int32, len(ix.docs))
	for slot, h := range ix.hot {
		if h.deleted {
			remap[slot] = -1
			continue
		}
		remap[slot] = int32(len(c.docs))
		fc := ix.facet[slot]
		tags := ix.tagArena[fc.tagOff : fc.tagOff+uint32(fc.tagN)]
		fc.tagOff = uint32(len(c.arena))
		c.arena = append(c.arena, tags...)
		for f := range numFields {
			c.fieldLenSum[f] += int64(h.fieldLen[f])
		}
		c.hot = append(c.hot, h)
		c.facet = append(c.facet, fc)
		c.docs = append(c.docs, ix.docs[slot])
	}
	for k, slot := range ix.byKey {
		c.byKey[k] = uint32(remap[slot])
	}
	c.tagSlots = make([][]uint32, len(ix.tagSlots))
	for t, slots := range ix.tagSlots {
		var kept []uint32
		for _, s := range slots {
			if ns := remap[s]; ns >= 0 {
				kept = append(kept, uint32(ns))
			}
		}
		c.tagSlots[t] = kept
	}
	// Terms left with no posting leave the vocabulary: ids are given
	// again in the old order.
	c.vocab = newVocabularySized(len(ix.vocab.text))
	c.vocab.bulk = true
	c.postings = make([]postingList, 0, len(ix.postings))
	termRemap := make([]int32, len(ix.postings))
	for id := range ix.postings {
		pl := ix.postings[id].rebuild(remap)
		if pl.n == 0 {
			termRemap[id] = -1
			continue
		}
		nid, _ := c.vocab.id(ix.vocab.text[id])
		termRemap[id] = int32(nid)
		c.postings = append(c.postings, pl)
		c.nPosting += int(pl.n)
	}
	c.vocab.merge()
	c.vocab.bulk = false
	c.surface = ix.surface.remap(termRemap)
	return c
}

// apply swaps a compaction in. The caller holds the write lock.
func (ix *Index) apply(c *compaction) {
	ix.hot, ix.facet, ix.docs = c.hot, c.facet, c.docs
	ix.tagArena = c.arena
	ix.byKey = c.byKey
	ix.tagSlots = c.tagSlots
	ix.vocab, ix.surface = c.vocab, c.surface
	ix.postings, ix.nPosting = c.postings, c.nPosting
	ix.fieldLenSum = c.fieldLenSum
	ix.gen++
	ix.compactFailed.Store(0)
}

// Stats describes the size of an index.
type Stats struct {
	Docs     int   // slots: live documents and the tombstones not yet compacted
	Live     int   // live documents
	Terms    int   // distinct terms
	Postings int   // (term, document) pairs, tombstoned ones included
	Bytes    int64 // approximate memory held by the index and its analyzer
}

// Stats returns the size of the index.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s := Stats{Docs: len(ix.docs), Live: ix.live, Terms: len(ix.vocab.text), Postings: ix.nPosting}
	const mapEntry = 48 // a Go map entry with a string key, roughly
	b := int64(cap(ix.docs))*int64(unsafe.Sizeof(docMeta{})) + int64(cap(ix.hot))*int64(unsafe.Sizeof(docHot{})) +
		int64(cap(ix.facet))*int64(unsafe.Sizeof(docFacet{}))
	for _, m := range ix.docs {
		b += int64(len(m.id) + len(m.title))
	}
	b += int64(len(ix.byKey)) * (mapEntry + 16)
	for _, pl := range ix.postings {
		b += int64(cap(pl.data)) + int64(cap(pl.skips))*8 + int64(unsafe.Sizeof(pl))
	}
	for _, t := range ix.vocab.text {
		b += int64(len(t)) + 16 + mapEntry + 8
	}
	for _, t := range ix.surface.text {
		b += int64(len(t)) + 16 + mapEntry + 8 + 8
	}
	b += int64(cap(ix.tagArena)) * 4
	for _, s := range ix.tagSlots {
		b += int64(cap(s))*4 + 24
	}
	ix.an.mu.RLock()
	b += int64(len(ix.an.cache)) * (mapEntry + 40)
	ix.an.mu.RUnlock()
	s.Bytes = b
	return s
}
