package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is a piece of highlighted text: Match pieces are words the
// query matched.
type Segment struct {
	Text  string
	Match bool
}

// ellipsis marks where a snippet cuts the text.
const ellipsis = "…"

// Snippet returns the part of text, at most maxRunes runes long (plus
// ellipses), that holds the most words matching terms (Results.Terms),
// with those words marked. It works on the original text: accents, case
// and inclusive forms are kept as written. White space is collapsed. A
// text with no match gives its beginning; maxRunes <= 0 keeps it whole.
func Snippet(text string, terms []string, maxRunes int) []Segment {
	spans := newHighlighter(terms).spans(text)
	start, end := 0, len(text)
	if maxRunes > 0 && utf8.RuneCountInString(text) > maxRunes {
		start, end = window(text, spans, maxRunes)
	}
	var out []Segment
	if start > 0 {
		out = appendText(out, ellipsis, false)
	}
	out = appendSegments(out, text, spans, start, end, true)
	if end < len(text) {
		out = appendText(out, ellipsis, false)
	}
	return out
}

// HighlightTitle marks the words of title that match terms, without
// cutting it.
func HighlightTitle(title string, terms []string) []Segment {
	return appendSegments(nil, title, newHighlighter(terms).spans(title), 0, len(title), false)
}

// span is a matched byte range of the text.
type span struct{ start, end int }

// highlighter decides which words of a text match a query's terms.
type highlighter struct {
	t     *tables
	terms map[string]bool
	// heads holds the first two bytes of every term: a word is only
	// stemmed when its start could give one of them, so a long text
	// costs a few stems rather than one per word.
	heads map[string]bool
	memo  map[string]bool
}

func newHighlighter(terms []string) *highlighter {
	h := &highlighter{t: sharedTables(), terms: make(map[string]bool), heads: make(map[string]bool), memo: make(map[string]bool)}
	for _, t := range terms {
		h.terms[t] = true
		h.heads[t[:min(2, len(t))]] = true
	}
	return h
}

// matches reports whether a folded word has a stem among the terms.
func (h *highlighter) matches(word string) bool {
	if len(h.terms) == 0 || h.t.french[word] || h.t.english[word] {
		return false
	}
	if m, ok := h.memo[word]; ok {
		return m
	}
	m := h.terms[word]
	if !m && h.heads[word[:min(2, len(word))]] {
		m = h.terms[stemFrench(word)] || h.terms[stemEnglish(word)]
	}
	h.memo[word] = m
	return m
}

// spans returns the sorted, merged byte ranges of the matching words.
func (h *highlighter) spans(text string) []span {
	if len(h.terms) == 0 {
		return nil
	}
	tz := newTokenizer()
	tz.run(text, 0, 0)
	var out []span
	for _, k := range tz.toks {
		if h.matches(string(tz.word(k))) {
			out = append(out, span{k.start, k.end})
		}
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	merged := out[:0]
	for _, s := range out {
		// Overlapping spans merge, and so do the parts of a compound
		// (vélo-cargo is one match, not two).
		if n := len(merged); n > 0 && (s.start <= merged[n-1].end || isHyphenGap(text[merged[n-1].end:s.start])) {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

func isHyphenGap(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && isHyphen(r)
}

// window returns the byte range of at most maxRunes runes that holds
// the most matches, starting a little before the first of them and cut
// at word boundaries.
func window(text string, spans []span, maxRunes int) (int, int) {
	if len(spans) == 0 {
		return 0, cutBack(text, 0, advanceRunes(text, 0, maxRunes))
	}
	// Rune offsets of the spans, in one pass over the text.
	rs, re := make([]int, len(spans)), make([]int, len(spans))
	pos, runes := 0, 0
	for i, s := range spans {
		runes += utf8.RuneCountInString(text[pos:s.start])
		rs[i] = runes
		runes += utf8.RuneCountInString(text[s.start:s.end])
		re[i] = runes
		pos = s.end
	}
	best, bestN, bestLast := 0, 0, 0
	j := 0
	for i := range spans {
		j = max(j, i)
		for j+1 < len(spans) && re[j+1]-rs[i] <= maxRunes {
			j++
		}
		if n := j - i + 1; n > bestN {
			best, bestN, bestLast = i, n, j
		}
	}
	// Lead in with some context: half the room left, at most a third.
	room := maxRunes - (re[bestLast] - rs[best])
	lead := max(0, min(room/2, maxRunes/3, rs[best]))
	start := backRunes(text, spans[best].start, lead)
	start = cutForward(text, start, spans[best].start)
	end := advanceRunes(text, start, maxRunes)
	end = max(cutBack(text, start, end), min(spans[bestLast].end, end))
	return start, end
}

// advanceRunes returns the byte offset n runes after from (or the end).
func advanceRunes(text string, from, n int) int {
	for i := from; i < len(text); n-- {
		if n == 0 {
			return i
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return len(text)
}

// backRunes returns the byte offset n runes before from (or 0).
func backRunes(text string, from, n int) int {
	for ; n > 0 && from > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	return from
}

// cutForward moves a start inside a word to the next word, not past limit.
func cutForward(text string, start, limit int) int {
	if start == 0 || !isWordRune(lastRune(text[:start])) {
		return start
	}
	for i := start; i < limit; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return limit
}

// cutBack moves an end inside a word back to the end of the previous
// word, not before start.
func cutBack(text string, start, end int) int {
	if end >= len(text) || !isWordRune(firstRune(text[end:])) {
		return end
	}
	for i := end; i > start; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			return i - size
		}
		i -= size
	}
	return end
}

// appendSegments appends text[start:end] as segments, matches marked.
func appendSegments(out []Segment, text string, spans []span, start, end int, collapse bool) []Segment {
	pos := start
	for _, s := range spans {
		if s.end <= start || s.start >= end {
			continue
		}
		a, b := max(s.start, start), min(s.end, end)
		out = appendPlain(out, text[pos:a], collapse)
		out = append(out, Segment{Text: text[a:b], Match: true})
		pos = b
	}
	return appendPlain(out, text[pos:end], collapse)
}

// appendPlain appends unmatched text, its white space collapsed in a
// snippet.
func appendPlain(out []Segment, s string, collapse bool) []Segment {
	if collapse {
		s = collapseSpace(s)
	}
	return appendText(out, s, false)
}

// appendText appends s, merged into the last segment when alike.
func appendText(out []Segment, s string, match bool) []Segment {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Match == match {
		out[n-1].Text += s
		return out
	}
	return append(out, Segment{Text: s, Match: match})
}

// collapseSpace turns every run of white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
