package search

import (
	"slices"
	"strings"
)

// vocabTailMax is how many new terms wait, unsorted, before they are
// merged into the sorted vocabulary: prefix and typo look-ups scan the
// tail, and merging costs one pass over the vocabulary.
const vocabTailMax = 1024

// vocabulary is the index's term dictionary: term text to id, and the
// ids sorted by text for prefix and typo look-ups.
type vocabulary struct {
	ids    map[string]uint32
	text   []string
	sorted []uint32 // ids sorted by text
	tail   []uint32 // ids added since the last merge, unsorted
}

func newVocabulary() vocabulary {
	return vocabulary{ids: make(map[string]uint32)}
}

// id returns the id of term, adding it if new (then added is true).
func (v *vocabulary) id(term string) (id uint32, added bool) {
	if id, ok := v.ids[term]; ok {
		return id, false
	}
	id = uint32(len(v.text))
	v.ids[term] = id
	v.text = append(v.text, term)
	v.tail = append(v.tail, id)
	if len(v.tail) >= vocabTailMax {
		v.merge()
	}
	return id, true
}

// merge sorts the tail into the sorted ids.
func (v *vocabulary) merge() {
	slices.SortFunc(v.tail, func(a, b uint32) int { return strings.Compare(v.text[a], v.text[b]) })
	out := make([]uint32, 0, len(v.sorted)+len(v.tail))
	i, j := 0, 0
	for i < len(v.sorted) && j < len(v.tail) {
		if v.text[v.sorted[i]] < v.text[v.tail[j]] {
			out = append(out, v.sorted[i])
			i++
		} else {
			out = append(out, v.tail[j])
			j++
		}
	}
	out = append(out, v.sorted[i:]...)
	out = append(out, v.tail[j:]...)
	v.sorted = out
	v.tail = v.tail[:0]
}

// withPrefix calls fn with every term id whose text starts with p.
func (v *vocabulary) withPrefix(p string, fn func(id uint32)) {
	i, _ := slices.BinarySearchFunc(v.sorted, p, func(id uint32, p string) int { return strings.Compare(v.text[id], p) })
	for ; i < len(v.sorted) && strings.HasPrefix(v.text[v.sorted[i]], p); i++ {
		fn(v.sorted[i])
	}
	for _, id := range v.tail {
		if strings.HasPrefix(v.text[id], p) {
			fn(id)
		}
	}
}

// surfaceVocab is the folded words of the indexed text, each with the
// terms (stems) it was indexed as. Completions and typo guesses work on
// these words, since that is what people type: "coopérati" is a prefix
// of "cooperatives" but not of its stem "cooper".
type surfaceVocab struct {
	vocabulary
	terms [][2]uint32 // per word id: up to two term ids, plus one (0: none)
}

func newSurfaceVocab() surfaceVocab {
	return surfaceVocab{vocabulary: newVocabulary()}
}

// add records that word was indexed as term.
func (sv *surfaceVocab) add(word string, term uint32) {
	id, added := sv.id(word)
	if added {
		sv.terms = append(sv.terms, [2]uint32{})
	}
	ts := &sv.terms[id]
	switch term + 1 {
	case ts[0], ts[1]:
	default:
		if ts[0] == 0 {
			ts[0] = term + 1
		} else if ts[1] == 0 {
			ts[1] = term + 1
		}
	}
}

// each calls fn with the terms of word id.
func (sv *surfaceVocab) each(id uint32, fn func(term uint32)) {
	for _, t := range sv.terms[id] {
		if t != 0 {
			fn(t - 1)
		}
	}
}

// remap returns the surface vocabulary with term ids changed by remap
// (-1: the term is gone); words left with no term are dropped.
func (sv *surfaceVocab) remap(remap []int32) surfaceVocab {
	out := newSurfaceVocab()
	for id, ts := range sv.terms {
		for _, t := range ts {
			if t != 0 && remap[t-1] >= 0 {
				out.add(sv.text[id], uint32(remap[t-1]))
			}
		}
	}
	out.merge()
	return out
}
