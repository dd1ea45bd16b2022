package search

import (
	"unicode"
	"unicode/utf8"
)

// Limits that keep hostile or binary text cheap to tokenize.
const (
	// maxWordBytes caps a folded word (URLs, long runs of CJK text).
	maxWordBytes = 64
	// maxCompoundParts caps the parts of a hyphenated compound.
	maxCompoundParts = 8
	// maxJoinedBytes caps the joined form of a compound (vélo-cargo ->
	// velocargo); longer compounds are only indexed by their parts.
	maxJoinedBytes = 48
	// maxSuffixBytes caps one suffix of an inclusive form after a middle
	// dot (acteur·rice·s, chercheur·euse·s).
	maxSuffixBytes = 6
)

// token is one word of a text: its folded form (in the tokenizer's
// arena) and where it is in the original text.
type token struct {
	start, end int // byte offsets of the word in the original text
	w0, w1     int // the folded word is arena[w0:w1]
	pos        int // word position (stop words count, elided articles do not)
	joined     bool
}

// tokenizer splits text into folded words. It keeps its buffers between
// calls, so one tokenizer per goroutine allocates almost nothing.
type tokenizer struct {
	t     *tables
	arena []byte
	toks  []token
	parts []token
}

func newTokenizer() *tokenizer { return &tokenizer{t: sharedTables()} }

func (tz *tokenizer) reset() {
	tz.arena = tz.arena[:0]
	tz.toks = tz.toks[:0]
}

func (tz *tokenizer) word(k token) []byte { return tz.arena[k.w0:k.w1] }

// run appends the tokens of text to tz.toks, numbering positions from
// pos, and returns the next free position. It stops once maxTokens
// tokens are in tz.toks (maxTokens <= 0: no limit).
//
// What it does, in French terms:
//   - accents, case and ligatures are folded (Œuvre -> oeuvre);
//   - elisions are split off and dropped: l'économie -> economie
//     (also with ’), jusqu'au -> au;
//   - inclusive forms give their base word: bénévole·s, aîné·es,
//     citoyen·ne·s, étudiant.e.s, employé(e)s, étudiant-e-s;
//   - hyphenated compounds give their parts and their joined form:
//     vélo-cargo -> velo, cargo, velocargo (the joined form shares the
//     first part's position, so phrases over the parts still match).
func (tz *tokenizer) run(text string, pos, maxTokens int) int {
	i := 0
	for i < len(text) {
		if maxTokens > 0 && len(tz.toks) >= maxTokens {
			return pos
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		i = tz.compound(text, i)
		pos = tz.emit(pos)
	}
	return pos
}

// compound reads the words joined by hyphens starting at i into
// tz.parts and returns the offset after them.
func (tz *tokenizer) compound(text string, i int) int {
	tz.parts = tz.parts[:0]
	for {
		var k token
		i, k = tz.word1(text, i)
		tz.parts = append(tz.parts, k)
		r, n := runeAt(text, i)
		if !isHyphen(r) || !isWordRune(runeAfter(text, i+n)) {
			return i
		}
		if j, ok := tz.hyphenSuffixes(text, i); ok {
			// étudiant-e-s: an inclusive form, not a compound.
			tz.parts[len(tz.parts)-1].end = j
			i = j
			if r, n = runeAt(text, i); !isHyphen(r) || !isWordRune(runeAfter(text, i+n)) {
				return i
			}
		}
		if len(tz.parts) >= maxCompoundParts {
			return i
		}
		i += n
	}
}

// word1 reads one word at i: drops elided articles, reads inclusive
// suffixes. It returns the offset after the word and its token (no
// position yet).
func (tz *tokenizer) word1(text string, i int) (int, token) {
	start := i
	w0 := len(tz.arena)
	i = tz.segment(text, i)
	for {
		r, n := runeAt(text, i)
		if isApostrophe(r) && isWordRune(runeAfter(text, i+n)) && isElision(tz.arena[w0:]) {
			tz.arena = tz.arena[:w0]
			i += n
			start = i
			i = tz.segment(text, i)
			continue
		}
		break
	}
	i = tz.inclusiveSuffixes(text, i, len(tz.arena)-w0)
	return i, token{start: start, end: i, w0: w0, w1: len(tz.arena)}
}

// segment appends the folded word characters at i to the arena and
// returns the offset after them.
func (tz *tokenizer) segment(text string, i int) int {
	w0 := len(tz.arena)
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		if len(tz.arena)-w0 < maxWordBytes {
			tz.arena = tz.t.appendFolded(tz.arena, r)
		}
		i += n
	}
	if len(tz.arena)-w0 > maxWordBytes {
		// Keep the cut on a rune boundary.
		cut := w0 + maxWordBytes
		for cut > w0 && !utf8.RuneStart(tz.arena[cut]) {
			cut--
		}
		tz.arena = tz.arena[:cut]
	}
	return i
}

// emit turns tz.parts into tokens with positions.
func (tz *tokenizer) emit(pos int) int {
	first := pos
	letters := true
	size := 0
	kept := tz.parts[:0]
	for _, k := range tz.parts {
		if k.w1 > k.w0 {
			kept = append(kept, k) // a lone combining accent folds to nothing
		}
	}
	tz.parts = kept
	for _, k := range tz.parts {
		k.pos = pos
		pos++
		tz.toks = append(tz.toks, k)
		size += k.w1 - k.w0
		if !hasLetter(tz.word(k)) {
			letters = false
		}
	}
	if len(tz.parts) > 1 && letters && size <= maxJoinedBytes {
		w0 := len(tz.arena)
		for _, k := range tz.parts {
			tz.arena = append(tz.arena, tz.arena[k.w0:k.w1]...)
		}
		last := tz.parts[len(tz.parts)-1]
		tz.toks = append(tz.toks, token{start: tz.parts[0].start, end: last.end, w0: w0,
			w1: len(tz.arena), pos: first, joined: true})
	}
	return pos
}

// inclusiveSuffixes reads the suffixes of an inclusive form right after
// a base word of baseLen folded bytes and returns the offset after them
// (i when there is none): ·e·s, .e.s, (e)s.
func (tz *tokenizer) inclusiveSuffixes(text string, i, baseLen int) int {
	if baseLen < 2 {
		return i
	}
	r, n := runeAt(text, i)
	switch {
	case isMiddleDot(r):
		// Any short run of letters after a middle dot is a suffix: the
		// middle dot has no other use inside French words.
		end := i
		for isMiddleDot(r) {
			j, ok := tz.suffix(text, end+n, func(s []byte) bool { return len(s) <= maxSuffixBytes })
			if !ok {
				break
			}
			end = j
			r, n = runeAt(text, end)
		}
		return end
	case r == '.':
		// A dot also ends sentences and splits domain names: only known
		// lowercase suffixes count (étudiant.e.s, but not coop.ca).
		end := i
		for r == '.' {
			j, ok := tz.suffix(text, end+1, isDotSuffix)
			if !ok || !isLowerRun(text[end+1:j]) {
				break
			}
			end = j
			r, _ = runeAt(text, end)
		}
		return end
	case r == '(':
		j, ok := tz.suffix(text, i+1, isDotSuffix)
		if !ok || j >= len(text) || text[j] != ')' || !isLowerRun(text[i+1:j]) {
			return i
		}
		j++
		// employé(e)s: a plural may follow the parenthesis.
		k, ok := tz.suffix(text, j, func(s []byte) bool { return len(s) <= 2 })
		if ok {
			j = k
		}
		return j
	}
	return i
}

// hyphenSuffixes reads the inclusive suffixes of a hyphenated form
// (étudiant-e-s, acteur-trice-s) at the hyphen at i.
func (tz *tokenizer) hyphenSuffixes(text string, i int) (int, bool) {
	end := i
	r, n := runeAt(text, end)
	for isHyphen(r) {
		j, ok := tz.suffix(text, end+n, isHyphenSuffix)
		if !ok || !isLowerRun(text[end+n:j]) {
			break
		}
		end = j
		r, n = runeAt(text, end)
	}
	return end, end > i
}

// suffix reads a run of letters at i that accept approves, without
// keeping it in the arena. It reports the offset after it.
func (tz *tokenizer) suffix(text string, i int, accept func([]byte) bool) (int, bool) {
	w0 := len(tz.arena)
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) {
			break
		}
		if !unicode.IsLetter(r) || len(tz.arena)-w0 > maxSuffixBytes {
			tz.arena = tz.arena[:w0]
			return i, false
		}
		tz.arena = tz.t.appendFolded(tz.arena, r)
		j += n
	}
	ok := j > i && accept(tz.arena[w0:])
	tz.arena = tz.arena[:w0]
	if !ok {
		return i, false
	}
	return j, true
}

// isDotSuffix reports whether s is a feminine or plural ending written
// after a dot or in parentheses.
func isDotSuffix(s []byte) bool {
	switch string(s) {
	case "e", "es", "s", "x", "ne", "nes", "se", "ses", "te", "tes", "ve", "ves", "fe", "fes",
		"ere", "eres", "ice", "ices", "rice", "rices", "trice", "trices", "euse", "euses", "eure", "eures":
		return true
	}
	return false
}

// isHyphenSuffix is isDotSuffix for hyphens, where fewer endings are
// safe (a hyphen also joins real compounds).
func isHyphenSuffix(s []byte) bool {
	switch string(s) {
	case "e", "es", "s", "ne", "nes", "rice", "rices", "trice", "trices", "euse", "euses":
		return true
	}
	return false
}

// isElision reports whether a folded word is an article or pronoun that
// French elides before a vowel (l'économie, qu'elle, jusqu'à).
func isElision(w []byte) bool {
	switch string(w) {
	case "l", "d", "j", "n", "s", "c", "m", "t", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu", "presqu", "quelqu":
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isMiddleDot reports the points used in French inclusive writing.
func isMiddleDot(r rune) bool {
	return r == '·' || r == '•' || r == '⋅' || r == '‧' || r == '∙'
}

func hasLetter(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return true
		}
	}
	return false
}

func isLowerRun(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// runeAt decodes the rune at i (utf8.RuneError, 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

func runeAfter(s string, i int) rune {
	r, _ := runeAt(s, i)
	return r
}
