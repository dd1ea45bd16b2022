package search

import "slices"

// phraseCheck is a phrase ("économie sociale") or an excluded word or
// phrase: its words as groups, with their positions relative to the
// first word (stop words leave gaps).
type phraseCheck struct {
	groups []group
	offs   []int
	phrase bool // positions must line up; otherwise presence is enough
}

// keepPhrases keeps the candidates that match p (keep true) or that do
// not (keep false, for exclusions).
func (s *searcher) keepPhrases(cands []cand, p *phraseCheck, keep bool) []cand {
	curs := make([][]cursor, len(p.groups))
	for i, g := range p.groups {
		curs[i] = make([]cursor, len(g.alts))
		for j, a := range g.alts {
			curs[i][j] = newCursor(&s.ix.postings[a.term])
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		if s.phraseAt(p, curs, c.slot) == keep {
			kept = append(kept, c)
		}
	}
	return kept
}

// phraseAt reports whether the document in slot holds every word of p
// and, for a phrase, holds them in order in one field. The cursors only
// move forward: slots must come in increasing order.
func (s *searcher) phraseAt(p *phraseCheck, curs [][]cursor, slot uint32) bool {
	present := true
	for i := range curs {
		found := false
		for j := range curs[i] {
			if curs[i][j].advance(slot) && curs[i][j].slot == slot {
				found = true
			}
		}
		if !found {
			present = false
		}
	}
	if !present || !p.phrase {
		return present
	}
	pos := s.sc.positions(len(curs))
	for f := range numFields {
		for i := range curs {
			pos[i] = pos[i][:0]
			for j := range curs[i] {
				c := &curs[i][j]
				if !c.done && c.slot == slot {
					pos[i] = c.positions(f, pos[i])
				}
			}
			if len(curs[i]) > 1 {
				slices.Sort(pos[i])
			}
		}
		if lineUp(pos, p.offs) {
			return true
		}
	}
	return false
}

// lineUp reports whether some position of the first word, shifted by
// each word's offset, is a position of every word.
func lineUp(pos [][]uint32, offs []int) bool {
	for _, p0 := range pos[0] {
		all := true
		for i := 1; i < len(pos) && all; i++ {
			want := int(p0) - offs[0] + offs[i]
			if want < 0 {
				all = false
				break
			}
			_, all = slices.BinarySearch(pos[i], uint32(want))
		}
		if all {
			return true
		}
	}
	return false
}

// proximity counts the consecutive query words that appear close
// together, in order, in one field of the document in slot (at most
// proximityWindow positions apart: stop words in between are fine).
func (s *searcher) proximity(slot uint32) int {
	n := len(s.groups)
	pos := s.sc.positions(n * numFields)
	for i, g := range s.groups {
		for f := range numFields {
			pos[i*numFields+f] = pos[i*numFields+f][:0]
		}
		for _, a := range g.alts {
			c := newCursor(&s.ix.postings[a.term])
			if !c.seek(slot) {
				continue
			}
			for f := range numFields {
				pos[i*numFields+f] = c.positions(f, pos[i*numFields+f])
			}
		}
		if len(g.alts) > 1 {
			for f := range numFields {
				slices.Sort(pos[i*numFields+f])
			}
		}
	}
	pairs := 0
	for i := 0; i+1 < n; i++ {
		for f := range numFields {
			if closeAfter(pos[i*numFields+f], pos[(i+1)*numFields+f]) {
				pairs++
				break
			}
		}
	}
	return pairs
}

// proximityWindow is how far apart two query words may be to count as
// a pair ("économie de la connaissance" counts).
const proximityWindow = 3

// closeAfter reports whether some b follows some a within the window;
// both are sorted.
func closeAfter(a, b []uint32) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] <= x {
			j++
		}
		if j == len(b) {
			return false
		}
		if b[j]-x <= proximityWindow {
			return true
		}
	}
	return false
}
