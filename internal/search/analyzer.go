package search

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
)

// Language is the language a text is stemmed in.
type Language uint8

// The languages of the analyzer. French is the default: most of
// Maillage's content is French, and a text with no clue is French.
const (
	French Language = iota
	English
)

// maxCachedWords bounds the stem cache. The vocabulary of real text is
// Zipfian, so a few hundred thousand words cover almost every token;
// beyond that, rare words (and whatever people type in the search box)
// are stemmed each time instead of growing the cache without end.
const maxCachedWords = 1 << 18

// word flags.
const (
	flagStop    = 1 << iota // a stop word in either language: not indexed
	flagFrench              // in the French stop list (language detection)
	flagEnglish             // in the English stop list
)

// wordInfo is what the analyzer knows about one folded word.
type wordInfo struct {
	word   string // the folded word itself
	fr, en string // its French and English stems
	flags  uint8
}

func (w wordInfo) stem(l Language) string {
	if l == English {
		return w.en
	}
	return w.fr
}

// Analyzer turns text into index terms: folded words, stop words
// dropped, stemmed. It caches the stems of the words it sees; it is safe
// for concurrent use.
type Analyzer struct {
	t     *tables
	mu    sync.RWMutex
	cache map[string]wordInfo
}

// NewAnalyzer returns an analyzer with an empty stem cache.
func NewAnalyzer() *Analyzer {
	return &Analyzer{t: sharedTables(), cache: make(map[string]wordInfo)}
}

// Token is one indexed word of a text.
type Token struct {
	Term       string // the stem, as the index stores it
	Start, End int    // byte offsets of the word in the text
	Pos        int    // word position; stop words count, so phrases keep their gaps
}

// Analyze returns the index terms of text stemmed in lang; stop words
// are left out. The joined form of a hyphenated compound comes right
// after its parts, with the first part's position.
func (a *Analyzer) Analyze(text string, lang Language) []Token {
	tz := newTokenizer()
	tz.run(text, 0, 0)
	var out []Token
	for _, k := range tz.toks {
		w := a.info(tz.word(k))
		if w.flags&flagStop != 0 {
			continue
		}
		out = append(out, Token{Term: w.stem(lang), Start: k.start, End: k.end, Pos: k.pos})
	}
	return out
}

// DetectLanguage guesses the language of text from its stop words:
// English when it has clearly more English than French ones, French
// otherwise. It is cheap and wrong only on texts too short to matter.
func (a *Analyzer) DetectLanguage(text string) Language {
	tz := newTokenizer()
	tz.run(text, 0, detectTokens)
	fr, en := 0, 0
	for _, k := range tz.toks {
		w := a.info(tz.word(k))
		fr, en = countLanguage(w.flags, fr, en)
	}
	return pickLanguage(fr, en)
}

// detectTokens is how many words language detection looks at.
const detectTokens = 400

func countLanguage(flags uint8, fr, en int) (int, int) {
	switch flags & (flagFrench | flagEnglish) {
	case flagFrench:
		fr++
	case flagEnglish:
		en++
	}
	return fr, en
}

func pickLanguage(fr, en int) Language {
	if en >= 2 && en > 2*fr {
		return English
	}
	return French
}

// Stems returns the distinct stems of a folded word in both languages
// (French first): a query word matches either, so English content is
// found with English words. A stop word has no stem.
func (a *Analyzer) stems(word []byte) []string {
	w := a.info(word)
	if w.flags&flagStop != 0 {
		return nil
	}
	if w.fr == w.en {
		return []string{w.fr}
	}
	return []string{w.fr, w.en}
}

// info returns what the analyzer knows of a folded word, from the cache
// when it can.
func (a *Analyzer) info(word []byte) wordInfo {
	if a.cache != nil {
		a.mu.RLock()
		w, ok := a.cache[string(word)]
		a.mu.RUnlock()
		if ok {
			return w
		}
	}
	return a.learn(string(word))
}

// lookupAll fills infos with the wordInfo of every token, taking the
// cache's read lock once rather than once per word: indexing calls it
// from several goroutines.
func (a *Analyzer) lookupAll(tz *tokenizer, infos []wordInfo) []wordInfo {
	infos = infos[:0]
	var missing []int
	a.mu.RLock()
	for i, k := range tz.toks {
		w, ok := a.cache[string(tz.word(k))]
		if !ok {
			missing = append(missing, i)
		}
		infos = append(infos, w)
	}
	a.mu.RUnlock()
	for _, i := range missing {
		infos[i] = a.learn(string(tz.word(tz.toks[i])))
	}
	return infos
}

// learn computes a word's stems and stop flags and caches them.
func (a *Analyzer) learn(word string) wordInfo {
	w := wordInfo{word: word}
	if a.t.french[word] {
		w.flags |= flagStop | flagFrench
	}
	if a.t.english[word] {
		w.flags |= flagStop | flagEnglish
	}
	if w.flags&flagStop == 0 {
		w.fr, w.en = stemFrench(word), stemEnglish(word)
		if w.fr == word {
			w.fr = word // share the memory of equal strings
		}
		if w.en == w.fr {
			w.en = w.fr
		}
	}
	if a.cache == nil {
		return w
	}
	a.mu.Lock()
	if len(a.cache) < maxCachedWords {
		a.cache[word] = w
	}
	a.mu.Unlock()
	return w
}

// stemFrench stems a folded French word with Snowball.
//
// Words are folded before stemming, not after: people type "mobilite"
// as often as "mobilité", and Snowball stems the two differently
// (mobil, mobilit), so stemming the folded form is what makes both find
// the same documents. Folding loses one distinction Snowball relies on:
// "ée" (employée, aînées) reads as a doubled e and keeps its extra
// letter, so the feminine "ee" ending is first reduced to "e" to share
// the stem of employé, aîné. Snowball already gives coopérative,
// coopératives, coopératif and coopération one stem (cooper).
func stemFrench(w string) string {
	if isNumber(w) {
		return w
	}
	if len(w) >= 5 {
		switch {
		case strings.HasSuffix(w, "ees"):
			w = w[:len(w)-3] + "es"
		case strings.HasSuffix(w, "ee"):
			w = w[:len(w)-1]
		}
	}
	return french.Stem(w, true)
}

// stemEnglish stems a folded English word with Snowball (Porter2).
func stemEnglish(w string) string {
	if isNumber(w) {
		return w
	}
	return english.Stem(w, true)
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
