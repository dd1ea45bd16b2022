package main

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/search"
)

// The query classes, in report order.
const (
	classFrequent = "one word, frequent"
	classRare     = "one word, rare"
	classTwo      = "two words"
	classPhrase   = "quoted phrase"
	classPrefix   = "prefix"
	classTag      = "word + tag filter"
	classMember   = "word, busy member"
)

// classes lists the query classes in report order.
func classes() []string {
	return []string{classFrequent, classRare, classTwo, classPhrase, classPrefix, classTag, classMember}
}

// limit is the page size every engine is asked for.
const limit = 20

// benchQuery is one search, described so that each engine can express it
// its own way. Every word is required (AND), as Maillage treats words.
type benchQuery struct {
	Class string
	Words []string
	// Phrase: Words must appear next to each other, in order.
	Phrase bool
	// Prefix: the last word is the beginning of a word.
	Prefix bool
	// Tag filters on a tag and its descendants; nil for no filter.
	Tag *tagFilter
	// Viewer is who searches (their audience keys filter the results).
	Viewer *viewer
}

// text is the query as a person types it in Maillage's search box.
func (q benchQuery) text() string {
	s := strings.Join(q.Words, " ")
	switch {
	case q.Phrase:
		return `"` + s + `"`
	case q.Prefix:
		return s + "*"
	}
	return s
}

// vocabulary holds the content words of the corpus and, for each, how
// many documents hold it.
type vocabulary struct {
	df       map[string]int
	frequent []string // the most widespread words
	rare     []string // the least widespread words found in 2 documents or more
	long     []string // widespread words of 7 letters or more, for prefixes
	stop     map[string]bool
}

// minWordLen keeps very short words (and most stop words) out of the
// query set.
const minWordLen = 4

// words splits text into lowercase words of letters (accents kept).
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !isLetter(r)
	})
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}

// contentWord tells words worth searching: long enough and not one of the
// French or English function words every engine drops or finds everywhere.
func (v *vocabulary) contentWord(w string) bool {
	return len([]rune(w)) >= minWordLen && !v.stop[w]
}

// stopWords are common French and English words of four letters or more
// that the engines' stop lists drop (so a query of them is meaningless).
func stopWords() map[string]bool {
	stop := map[string]bool{}
	for _, w := range strings.Fields(`avec dans pour sont leur leurs nous vous elle elles être avoir
		fait faire cette ceux celle cela ça aussi mais plus moins très tout tous toute toutes
		comme entre sans sous vers chez donc alors ainsi même autre autres était étaient sera
		seront peut peuvent notre votre nos aux quel quelle quels quelles dont encore depuis
		avant après pendant lors selon what that this with from have they their there which
		will would about were been into your more than when`) {
		stop[w] = true
	}
	return stop
}

// buildVocabulary counts in how many documents each content word appears.
func buildVocabulary(docs []search.Document) *vocabulary {
	v := &vocabulary{df: map[string]int{}, stop: stopWords()}
	seen := map[string]bool{}
	for _, d := range docs {
		clear(seen)
		for _, w := range docWords(d) {
			if v.contentWord(w) && !seen[w] {
				seen[w] = true
				v.df[w]++
			}
		}
	}
	all := make([]string, 0, len(v.df))
	for w := range v.df {
		all = append(all, w)
	}
	// Most widespread first; ties in word order so the set is reproducible.
	slices.SortFunc(all, func(a, b string) int {
		if v.df[a] != v.df[b] {
			return v.df[b] - v.df[a]
		}
		return strings.Compare(a, b)
	})
	n := max(1, min(vocabularyBand, len(all)/20))
	v.frequent = all[:min(n, len(all))]
	// Rare: the least widespread words found in more than one document
	// (a word of one document is more a typo than a search). A word rare
	// as written can share its stem with common ones ("coopératives" and
	// "coopérative"), which the stemming engines then all find; words
	// whose first letters (a stand-in for the stem) are rare too come
	// first. How rare depends on the corpus, so the report gives the range.
	stems := map[string]int{}
	for w, c := range v.df {
		stems[stemKey(w)] += c
	}
	taken := map[string]bool{}
	for _, w := range v.frequent {
		taken[w] = true
	}
	for _, rareStem := range []bool{true, false} {
		for i := len(all) - 1; i >= 0 && len(v.rare) < n; i-- {
			w := all[i]
			if v.df[w] < 2 || taken[w] || (rareStem && stems[stemKey(w)] > rareStemDocs) {
				continue
			}
			taken[w] = true
			v.rare = append(v.rare, w)
		}
	}
	for _, w := range all {
		if len([]rune(w)) >= 7 && v.df[w] >= 3 && len(v.long) < 500 {
			v.long = append(v.long, w)
		}
	}
	return v
}

// stemKey is a word's first letters, which its inflections share.
func stemKey(w string) string {
	r := []rune(w)
	return string(r[:min(len(r), 6)])
}

// rareStemDocs bounds how many documents may hold a rare word's stem
// (counted with repeats across its forms).
const rareStemDocs = 10

// vocabularyBand is how many words the frequent and rare lists hold at
// most.
const vocabularyBand = 200

// dfRange is the smallest and largest number of documents holding one of
// the words.
func (v *vocabulary) dfRange(ws []string) (lo, hi int) {
	for i, w := range ws {
		if c := v.df[w]; i == 0 || c < lo {
			lo = c
		}
		if c := v.df[w]; c > hi {
			hi = c
		}
	}
	return lo, hi
}

// docWords is the text of a document an engine indexes, as words.
func docWords(d search.Document) []string {
	return words(d.Title + " " + strings.Join(d.Tags, " ") + " " + d.Body)
}

// querySet draws n queries of each class from the corpus with a fixed
// seed: the same corpus and seed give the same queries, for every engine.
func querySet(docs []search.Document, voc *vocabulary, tags map[string]tagFilter, anon, member *viewer, n int, seed int64) map[string][]benchQuery {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5EA8C4))
	pick := func(ws []string) string { return ws[r.IntN(len(ws))] }
	out := map[string][]benchQuery{}
	add := func(q benchQuery) { out[q.Class] = append(out[q.Class], q) }

	// Bodies long enough to draw word pairs and phrases from.
	var texts [][]string
	var tagged []int
	for i, d := range docs {
		if ws := words(d.Body); len(ws) >= 4 {
			texts = append(texts, ws)
		}
		if len(d.TagIDs) > 0 && tags[d.TagIDs[0]].Slug != "" {
			tagged = append(tagged, i)
		}
	}
	for range n {
		if len(voc.frequent) > 0 {
			add(benchQuery{Class: classFrequent, Words: []string{pick(voc.frequent)}, Viewer: anon})
			add(benchQuery{Class: classMember, Words: []string{pick(voc.frequent)}, Viewer: member})
		}
		if len(voc.rare) > 0 {
			add(benchQuery{Class: classRare, Words: []string{pick(voc.rare)}, Viewer: anon})
		}
		if len(voc.long) > 0 {
			w := []rune(pick(voc.long))
			add(benchQuery{Class: classPrefix, Words: []string{string(w[:5])}, Prefix: true, Viewer: anon})
		}
		if len(texts) > 0 {
			if a, b, ok := voc.twoWords(r, texts[r.IntN(len(texts))]); ok {
				add(benchQuery{Class: classTwo, Words: []string{a, b}, Viewer: anon})
			}
			if a, b, ok := voc.phrase(r, texts[r.IntN(len(texts))]); ok {
				add(benchQuery{Class: classPhrase, Words: []string{a, b}, Phrase: true, Viewer: anon})
			}
		}
		if len(tagged) > 0 {
			d := docs[tagged[r.IntN(len(tagged))]]
			t := tags[d.TagIDs[0]]
			// A word of the document itself, or a widespread one, so the
			// filter has something to cut.
			w := ""
			if ws := voc.contentWords(docWords(d)); len(ws) > 0 && r.IntN(2) == 0 {
				w = ws[r.IntN(len(ws))]
			} else if len(voc.frequent) > 0 {
				w = pick(voc.frequent)
			}
			if w != "" {
				add(benchQuery{Class: classTag, Words: []string{w}, Tag: &t, Viewer: anon})
			}
		}
	}
	return out
}

func (v *vocabulary) contentWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if v.contentWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// twoWords draws two different content words of one document, so the
// conjunction matches at least that document.
func (v *vocabulary) twoWords(r *rand.Rand, ws []string) (string, string, bool) {
	cs := v.contentWords(ws)
	for range 10 {
		if len(cs) < 2 {
			return "", "", false
		}
		a, b := cs[r.IntN(len(cs))], cs[r.IntN(len(cs))]
		if a != b {
			return a, b, true
		}
	}
	return "", "", false
}

// phrase draws two adjacent content words of one document.
func (v *vocabulary) phrase(r *rand.Rand, ws []string) (string, string, bool) {
	for range 20 {
		i := r.IntN(len(ws) - 1)
		if v.contentWord(ws[i]) && v.contentWord(ws[i+1]) && ws[i] != ws[i+1] {
			return ws[i], ws[i+1], true
		}
	}
	return "", "", false
}
