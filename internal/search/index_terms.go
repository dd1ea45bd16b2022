package search

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Expansion limits and weights.
const (
	// maxPrefixTerms caps the terms a prefix expands to, the most
	// frequent first; a prefix of one or two letters gets fewer, since
	// its terms are both many and long lists.
	maxPrefixTerms      = 64
	maxShortPrefixTerms = 16
	// maxPrefixScan caps the indexed words a prefix looks at.
	maxPrefixScan = 4096
	// maxTypoTerms caps the terms a misspelt word may stand for.
	maxTypoTerms = 8
	// minTypoRunes: shorter words have too many neighbours to guess.
	minTypoRunes = 5

	weightExact  = 1.0
	weightPrefix = 0.9 // a completion, likely but not certain
	weightTypo   = 0.5 // a guess: ranked below every exact match
)

// alt is one index term a query word may match.
type alt struct {
	term   uint32
	weight float64 // the word's confidence times the term's idf
}

// group is one query word, as the terms it may match: any of them
// (OR), the best one scoring.
type group struct {
	alts     []alt
	df       int  // postings over all alternatives: the cost of walking them
	optional bool // adds to the score, not required
}

// resolve returns the alternatives of a query word: its stems in both
// languages, plus completions for a prefix, or close terms when the
// word is absent from the index. expand is false for excluded words.
func (s *searcher) resolve(w queryWord, expand bool) group {
	ix := s.ix
	var g group
	add := func(id uint32, weight float64) {
		for _, a := range g.alts {
			if a.term == id {
				return
			}
		}
		pl := &ix.postings[id]
		g.alts = append(g.alts, alt{term: id, weight: weight * s.idf(pl.n)})
		g.df += int(pl.n)
	}
	stems := ix.an.stems([]byte(w.word))
	for _, st := range stems {
		if id, ok := ix.vocab.ids[st]; ok {
			add(id, weightExact)
		}
	}
	switch {
	case w.prefix:
		for _, id := range s.completions(w.word) {
			add(id, weightPrefix)
		}
	case expand && len(g.alts) == 0 && utf8.RuneCountInString(w.word) >= minTypoRunes:
		for _, id := range s.typos(w.word) {
			add(id, weightTypo)
		}
	}
	return g
}

// idf is BM25's inverse document frequency of a term in n documents.
func (s *searcher) idf(n uint32) float64 {
	N := float64(len(s.ix.docs))
	df := float64(n)
	return math.Log(1 + (N-df+0.5)/(df+0.5))
}

// completions returns the terms a prefix may stand for, the most
// frequent first: the terms that start with it, and the terms of the
// indexed words that start with it ("coopérati" is a prefix of the word
// "coopératives", not of its stem "cooper").
func (s *searcher) completions(p string) []uint32 {
	ix := s.ix
	seen := make(map[uint32]bool)
	var ids []uint32
	collect := func(id uint32) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	ix.vocab.withPrefix(p, collect)
	scanned := 0
	ix.surface.withPrefix(p, func(id uint32) {
		// A short prefix starts thousands of words; the terms that start
		// with it already cover them.
		if scanned < maxPrefixScan {
			ix.surface.each(id, collect)
		}
		scanned++
	})
	limit := maxPrefixTerms
	if utf8.RuneCountInString(p) < 3 {
		limit = maxShortPrefixTerms
	}
	return s.mostFrequent(ids, limit)
}

// typos returns the terms of the indexed words at one edit from w
// (Damerau-Levenshtein: a letter added, dropped, replaced, or two
// swapped). Only the words that share w's first letter are looked at,
// a sorted range of the vocabulary.
func (s *searcher) typos(w string) []uint32 {
	sv := &s.ix.surface
	seen := make(map[uint32]bool)
	var ids []uint32
	sv.withPrefix(w[:1], func(id uint32) {
		t := sv.text[id]
		if len(t) < len(w)-1 || len(t) > len(w)+1 || !withinOneEdit(t, w) {
			return
		}
		sv.each(id, func(term uint32) {
			if !seen[term] {
				seen[term] = true
				ids = append(ids, term)
			}
		})
	})
	return s.mostFrequent(ids, maxTypoTerms)
}

// mostFrequent keeps the limit terms with the most postings (ties: in
// text order, for stable results).
func (s *searcher) mostFrequent(ids []uint32, limit int) []uint32 {
	ix := s.ix
	slices.SortFunc(ids, func(a, b uint32) int {
		if na, nb := ix.postings[a].n, ix.postings[b].n; na != nb {
			if na > nb {
				return -1
			}
			return 1
		}
		return strings.Compare(ix.vocab.text[a], ix.vocab.text[b])
	})
	if len(ids) > limit {
		ids = ids[:limit]
	}
	return ids
}

// withinOneEdit reports whether a and b are at most one insertion,
// deletion, substitution or transposition of adjacent letters apart
// (optimal string alignment distance <= 1).
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true // equal, or one letter added at the end
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:] // one letter inserted at i
	}
	if a[i+1:] == b[i+1:] {
		return true // one letter replaced at i
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
