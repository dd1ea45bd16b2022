package search

import (
	"slices"
	"unsafe"
)

// compactMinSlots keeps small indexes from compacting over and over:
// below it, tombstones cost too little to matter.
const compactMinSlots = 256

// maybeCompact compacts when tombstones are more than a quarter of the
// slots. The caller holds the write lock.
func (ix *Index) maybeCompact() {
	dead := len(ix.docs) - ix.live
	if len(ix.docs) >= compactMinSlots && 4*dead > len(ix.docs) {
		ix.compact()
	}
}

// Compact drops the postings of deleted and replaced documents and gives
// the live ones consecutive slots. The index compacts itself when a
// quarter of its slots are dead; this is for callers that know a burst
// of updates just ended.
func (ix *Index) Compact() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.compact()
}

func (ix *Index) compact() {
	remap := make([]int32, len(ix.docs))
	docs := make([]docMeta, 0, ix.live)
	arena := make([]uint32, 0, len(ix.tagArena))
	ix.fieldLenSum = [numFields]int64{}
	for slot, m := range ix.docs {
		if m.deleted {
			remap[slot] = -1
			continue
		}
		remap[slot] = int32(len(docs))
		tags := ix.tagArena[m.tagOff : m.tagOff+uint32(m.tagN)]
		m.tagOff = uint32(len(arena))
		arena = append(arena, tags...)
		for f := range numFields {
			ix.fieldLenSum[f] += int64(m.fieldLen[f])
		}
		docs = append(docs, m)
	}
	for k, slot := range ix.byKey {
		ix.byKey[k] = uint32(remap[slot])
	}
	for t, slots := range ix.tagSlots {
		kept := slots[:0]
		for _, s := range slots {
			if ns := remap[s]; ns >= 0 {
				kept = append(kept, uint32(ns))
			}
		}
		ix.tagSlots[t] = slices.Clip(kept)
	}
	// Terms left with no posting leave the vocabulary: ids are given
	// again in the old order.
	vocab := newVocabulary()
	postings := make([]postingList, 0, len(ix.postings))
	termRemap := make([]int32, len(ix.postings))
	ix.nPosting = 0
	for id := range ix.postings {
		pl := ix.postings[id].rebuild(remap)
		if pl.n == 0 {
			termRemap[id] = -1
			continue
		}
		nid, _ := vocab.id(ix.vocab.text[id])
		termRemap[id] = int32(nid)
		postings = append(postings, pl)
		ix.nPosting += int(pl.n)
	}
	vocab.merge()
	ix.vocab = vocab
	ix.surface = ix.surface.remap(termRemap)
	ix.postings = postings
	ix.docs = docs
	ix.tagArena = arena
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
	b := int64(cap(ix.docs)) * int64(unsafe.Sizeof(docMeta{}))
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
