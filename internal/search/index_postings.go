package search

import (
	"encoding/binary"
	"slices"
	"sort"
)

// The fields of a document, in the order of a posting's field mask.
const (
	fieldTitle = iota
	fieldTags
	fieldBroader
	fieldExtra
	fieldBody
	numFields
)

// skipEvery is how many postings a skip entry covers: advancing a
// cursor to a far slot jumps whole blocks instead of decoding them.
const skipEvery = 64

// Posting header bits: the low bits are the field mask.
const (
	fieldMaskBits = 1<<numFields - 1
	headerTFOne   = 1 << 7 // every field present has a term frequency of 1 (the common case)
)

// skipEntry is the first slot of a block of postings and where it starts.
type skipEntry struct {
	slot, off uint32
}

// postingList holds the documents of one term, sorted by slot, as
// compact bytes. Each posting is:
//
//	uvarint  slot - previous slot
//	byte     header: field mask, headerTFOne
//	uvarint* term frequency per field in the mask (unless headerTFOne)
//	uvarint  length in bytes of the positions
//	uvarint* per field in the mask: its positions, delta-encoded
//
// Slots only grow (an update takes a new slot), so adding a document is
// an append.
type postingList struct {
	data  []byte
	skips []skipEntry
	n     uint32 // postings, tombstoned ones included
	last  uint32 // slot of the last posting
}

// add appends the posting of slot; payload is what follows the slot
// delta, encoded by encodePayload.
func (pl *postingList) add(slot uint32, payload []byte) {
	if pl.n%skipEvery == 0 {
		pl.skips = append(pl.skips, skipEntry{slot: slot, off: uint32(len(pl.data))})
	}
	pl.data = binary.AppendUvarint(pl.data, uint64(slot-pl.last))
	pl.data = append(pl.data, payload...)
	pl.last = slot
	pl.n++
}

// encodePayload appends the payload of one posting: positions[f] are the
// term's positions in field f (sorted, possibly empty).
func encodePayload(dst []byte, positions *[numFields][]uint32) []byte {
	header := byte(headerTFOne)
	for f := range numFields {
		if n := len(positions[f]); n > 0 {
			header |= 1 << f
			if n > 1 {
				header &^= headerTFOne
			}
		}
	}
	dst = append(dst, header)
	if header&headerTFOne == 0 {
		for f := range numFields {
			if n := len(positions[f]); n > 0 {
				dst = binary.AppendUvarint(dst, uint64(n))
			}
		}
	}
	size := 0
	for f := range numFields {
		prev := uint32(0)
		for _, p := range positions[f] {
			size += uvarintLen(uint64(p - prev))
			prev = p
		}
	}
	dst = binary.AppendUvarint(dst, uint64(size))
	for f := range numFields {
		prev := uint32(0)
		for _, p := range positions[f] {
			dst = binary.AppendUvarint(dst, uint64(p-prev))
			prev = p
		}
	}
	return dst
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

// cursor walks a posting list.
type cursor struct {
	pl   *postingList
	off  int // where the next posting starts
	idx  int // index of the next posting
	slot uint32
	mask uint8
	tf   [numFields]uint32
	// positions of the current posting: data[posOff:posEnd]
	posOff, posEnd int
	done           bool
}

func newCursor(pl *postingList) cursor { return cursor{pl: pl} }

// next moves to the next posting; false at the end.
func (c *cursor) next() bool {
	if c.done || c.idx >= int(c.pl.n) {
		c.done = true
		return false
	}
	d, n := binary.Uvarint(c.pl.data[c.off:])
	c.off += n
	c.slot += uint32(d)
	c.decode()
	return true
}

// decode reads the payload of the posting whose slot delta was just read.
func (c *cursor) decode() {
	data := c.pl.data
	h := data[c.off]
	c.off++
	c.mask = h & fieldMaskBits
	for f := range numFields {
		c.tf[f] = 0
		if c.mask&(1<<f) == 0 {
			continue
		}
		if h&headerTFOne != 0 {
			c.tf[f] = 1
			continue
		}
		v, n := binary.Uvarint(data[c.off:])
		c.off += n
		c.tf[f] = uint32(v)
	}
	size, n := binary.Uvarint(data[c.off:])
	c.off += n
	c.posOff = c.off
	c.off += int(size)
	c.posEnd = c.off
	c.idx++
}

// advance moves to the first posting whose slot is at least target
// (staying put if the current one is); false when there is none.
func (c *cursor) advance(target uint32) bool {
	if c.done {
		return false
	}
	if c.idx > 0 && c.slot >= target {
		return true
	}
	// Jump to the last block that starts at or before target, if it is
	// ahead of the current position.
	skips := c.pl.skips
	block := (c.idx + skipEvery - 1) / skipEvery // first block not yet entered
	if block < len(skips) && skips[block].slot <= target {
		j := block + sort.Search(len(skips)-block, func(i int) bool { return skips[block+i].slot > target }) - 1
		c.off = int(skips[j].off)
		c.idx = j * skipEvery
		_, n := binary.Uvarint(c.pl.data[c.off:])
		c.off += n
		c.slot = skips[j].slot
		c.decode()
		if c.slot >= target {
			return true
		}
	}
	for c.next() {
		if c.slot >= target {
			return true
		}
	}
	return false
}

// seek positions a fresh cursor on slot; false if the list lacks it.
func (c *cursor) seek(slot uint32) bool {
	return c.advance(slot) && c.slot == slot
}

// positions appends the positions of the current posting in field f.
func (c *cursor) positions(f int, dst []uint32) []uint32 {
	if c.mask&(1<<f) == 0 {
		return dst
	}
	data := c.pl.data[c.posOff:c.posEnd]
	off := 0
	for g := range f {
		for range c.tf[g] {
			_, n := binary.Uvarint(data[off:])
			off += n
		}
	}
	p := uint32(0)
	for range c.tf[f] {
		d, n := binary.Uvarint(data[off:])
		off += n
		p += uint32(d)
		dst = append(dst, p)
	}
	return dst
}

// payload returns the bytes after the slot delta of the current posting.
func (c *cursor) payload(start int) []byte { return c.pl.data[start:c.off] }

// rebuild re-encodes the list keeping the postings whose slot maps to a
// new slot (remap[old] >= 0), for compaction.
func (pl *postingList) rebuild(remap []int32) postingList {
	var out postingList
	c := newCursor(pl)
	for {
		start := c.off
		if !c.next() {
			break
		}
		// The payload starts after the slot delta.
		_, n := binary.Uvarint(pl.data[start:])
		if ns := remap[c.slot]; ns >= 0 {
			out.add(uint32(ns), c.payload(start+n))
		}
	}
	out.data = slices.Clip(out.data)
	out.skips = slices.Clip(out.skips)
	return out
}
