package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
)

// Ranking. Text relevance is BM25F: each field's term frequency is
// normalised by the field's length and weighted (the title far above
// the rest), then saturated once for the document. Mild bonuses follow:
// every word in the title, query words close together, recent and
// well-linked items.
const (
	k1 = 1.2

	weightTitle   = 8.0
	weightTags    = 4.0
	weightExtra   = 2.0
	weightBroader = 1.2
	weightBody    = 1.0

	// BM25's length normalisation per field: a long title or body
	// dilutes a word; a tag is a tag, however many an item has.
	bTitle   = 0.5
	bTags    = 0
	bBroader = 0
	bExtra   = 0.3
	bBody    = 0.75

	titleBonus     = 1.5 // every query word is in the title
	proximityBonus = 0.3 // at most, when all words follow each other
	// rerankWindow is how many of the best documents get the proximity
	// bonus: it needs positions, too costly for every match.
	rerankWindow = 100

	recencyBonus    = 0.1 // at most, for the newest item; halves every recencyHalfLife days
	recencyHalfLife = 180
	recencyDays     = 6 * recencyHalfLife
	relationsBonus  = 0.1 // at most, reached at relationsFull links
	relationsFull   = 100
)

// bm25 holds the per-query constants of BM25F.
type bm25 struct {
	weight    [numFields]float64
	oneMinusB [numFields]float64
	bOverAvg  [numFields]float64
}

func newBM25(ix *Index) bm25 {
	weights := [numFields]float64{weightTitle, weightTags, weightBroader, weightExtra, weightBody}
	bs := [numFields]float64{bTitle, bTags, bBroader, bExtra, bBody}
	var b bm25
	for f := range numFields {
		b.weight[f] = weights[f]
		b.oneMinusB[f] = 1 - bs[f]
		if n := len(ix.docs); n > 0 && ix.fieldLenSum[f] > 0 {
			b.bOverAvg[f] = bs[f] / (float64(ix.fieldLenSum[f]) / float64(n))
		}
	}
	return b
}

// score is the saturated BM25F term frequency of the cursor's posting
// (to be multiplied by the term's idf).
func (b *bm25) score(c *cursor, m *docMeta) float64 {
	w := 0.0
	for f, mask := 0, c.mask; mask != 0; f, mask = f+1, mask>>1 {
		if mask&1 == 0 {
			continue
		}
		norm := b.oneMinusB[f] + b.bOverAvg[f]*float64(m.fieldLen[f])
		w += b.weight[f] * float64(c.tf[f]) / norm
	}
	return w * (k1 + 1) / (k1 + w)
}

// boosts are the static bonuses, tabulated once.
type boosts struct {
	recency   [recencyDays]float64
	relations [relationsFull + 1]float64
}

// sharedBoosts is built once and only read after.
var sharedBoosts = sync.OnceValue(func() *boosts {
	b := &boosts{}
	for d := range b.recency {
		b.recency[d] = 1 + recencyBonus*math.Exp2(-float64(d)/recencyHalfLife)
	}
	for r := range b.relations {
		b.relations[r] = 1 + relationsBonus*math.Log1p(float64(r))/math.Log1p(relationsFull)
	}
	return b
})

// static returns the bonus of a document for its age (relative to the
// newest document, so results do not drift with the clock) and links.
func (s *searcher) static(m *docMeta) float64 {
	b := sharedBoosts()
	out := b.relations[min(int(m.relations), relationsFull)]
	if m.updated > 0 && s.ix.newest > 0 {
		if d := (s.ix.newest - m.updated) / 86400; d < recencyDays {
			out *= b.recency[max(d, 0)]
		}
	}
	return out
}

// finish turns the text scores into final scores.
func (s *searcher) finish(cands []cand) {
	all := uint32(0)
	for g := range s.groups {
		if !s.groups[g].optional {
			all |= 1 << g
		}
	}
	for i := range cands {
		c := &cands[i]
		m := &s.ix.docs[c.slot]
		if len(s.groups) == 0 {
			c.score = 1
		} else if c.title&all == all {
			c.score *= titleBonus
		}
		c.score *= s.static(m)
	}
	s.sc.cands = cands[:0]
}

// sortOrder returns the query's sort, relevance when unset or unknown.
func (s *searcher) sortOrder() Sort {
	if s.q.Sort.Valid() {
		return s.q.Sort
	}
	return SortRelevance
}

// compare orders two candidates: the sort's signal, then score, then
// kind and ID so that equal scores always come in the same order.
func (s *searcher) compare(a, b *cand) int {
	ma, mb := &s.ix.docs[a.slot], &s.ix.docs[b.slot]
	var c int
	switch s.sortOrder() {
	case SortRelations:
		c = cmp.Compare(mb.relations, ma.relations)
	case SortPublications:
		c = cmp.Compare(mb.publications, ma.publications)
	case SortRecent:
		c = cmp.Compare(mb.updated, ma.updated)
	}
	if c != 0 {
		return c
	}
	if c = cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if c = strings.Compare(s.ix.kinds.names[ma.kind], s.ix.kinds.names[mb.kind]); c != 0 {
		return c
	}
	return strings.Compare(ma.id, mb.id)
}

// top returns the hits from offset to offset+limit in the query's order.
func (s *searcher) top(cands []cand, offset, limit int) []Hit {
	if offset >= len(cands) {
		return nil
	}
	k := offset + limit
	rerank := s.sortOrder() == SortRelevance && len(s.groups) >= 2
	window := k
	if rerank {
		window = max(window, rerankWindow)
	}
	sel := s.best(cands, min(window, len(cands)))
	if rerank {
		n := float64(len(s.groups) - 1)
		for i := range sel {
			if p := s.proximity(sel[i].slot); p > 0 {
				sel[i].score *= 1 + proximityBonus*float64(p)/n
			}
		}
		slices.SortFunc(sel, func(a, b cand) int { return s.compare(&a, &b) })
	}
	sel = sel[offset:min(k, len(sel))]
	hits := make([]Hit, len(sel))
	for i, c := range sel {
		m := &s.ix.docs[c.slot]
		hits[i] = Hit{Kind: Kind(s.ix.kinds.names[m.kind]), ID: m.id, Title: m.title, Score: c.score}
	}
	return hits
}

// best returns the k best candidates, sorted, without sorting them all:
// a heap of the k best so far, its worst on top.
func (s *searcher) best(cands []cand, k int) []cand {
	if k*4 >= len(cands) {
		out := slices.Clone(cands)
		slices.SortFunc(out, func(a, b cand) int { return s.compare(&a, &b) })
		return out[:k]
	}
	h := make([]cand, 0, k)
	worse := func(i, j int) bool { return s.compare(&h[i], &h[j]) > 0 }
	for _, c := range cands {
		if len(h) < k {
			h = append(h, c)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !worse(i, p) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			continue
		}
		if s.compare(&c, &h[0]) >= 0 {
			continue
		}
		h[0] = c
		for i := 0; ; {
			l, r, w := 2*i+1, 2*i+2, i
			if l < len(h) && worse(l, w) {
				w = l
			}
			if r < len(h) && worse(r, w) {
				w = r
			}
			if w == i {
				break
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	slices.SortFunc(h, func(a, b cand) int { return s.compare(&a, &b) })
	return h
}
