package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what a query may ask of the index. Text beyond them is
// ignored, not refused: a search box never errors.
const (
	maxQueryRunes = 500
	maxQueryWords = 16
)

// queryWord is one word of a parsed query, folded but not stemmed.
type queryWord struct {
	word   string
	off    int  // position relative to the clause's first word (phrases)
	prefix bool // matches every term that starts with it
	// optional words add to the score but are not required: a stop
	// word being typed ("communauté d") must not empty the results
	// before the person types the next word.
	optional bool
}

// clause is what one piece of a query asks for: a word, or a phrase
// whose words must follow each other in one field.
type clause struct {
	words   []queryWord
	phrase  bool
	exclude bool // -word: the documents with it are left out
}

// parsedQuery is a query as the index evaluates it: every clause that
// is not excluded must match (AND).
type parsedQuery struct {
	clauses []clause
	// blank is true when nothing was typed: the query then matches
	// every visible document that passes the filters. A query typed but
	// left with no word (only stop words or punctuation) matches nothing.
	blank bool
}

// positive reports whether the query has a clause that must match.
func (p parsedQuery) positive() bool {
	for _, c := range p.clauses {
		if !c.exclude {
			return true
		}
	}
	return false
}

// wordCount is the number of words in all clauses.
func (p parsedQuery) wordCount() int {
	n := 0
	for _, c := range p.clauses {
		n += len(c.words)
	}
	return n
}

// parseQuery reads what a person typed. It never fails: quotes make
// phrases (an unbalanced quote runs to the end), a trailing * makes a
// prefix, a leading - excludes a word, and anything else that is not a
// word (operators, punctuation, emoji, control characters) separates
// words. With asYouType, the last word is a prefix unless the text ends
// with a space. Stop words are dropped (kept in phrases as gaps), except
// a last word being typed ("économie d").
func parseQuery(a *Analyzer, text string, asYouType bool) parsedQuery {
	text = truncateRunes(strings.ToValidUTF8(text, " "), maxQueryRunes)
	if isBlank(text) {
		return parsedQuery{blank: true}
	}
	p := &queryParser{a: a, tz: newTokenizer()}
	pieces := splitQuery(text)
	typing := asYouType && !endsWithSpace(text)
	for i, pc := range pieces {
		last := typing && i == len(pieces)-1 && !pc.closed
		p.add(pc, last)
		if p.words >= maxQueryWords {
			break
		}
	}
	return parsedQuery{clauses: p.clauses}
}

// piece is a chunk of the query: a quoted phrase or a run of non-space
// characters.
type piece struct {
	text    string
	quoted  bool
	closed  bool // a quoted piece with its closing quote
	exclude bool
	star    bool
}

// splitQuery cuts text into pieces at white space and quotes.
func splitQuery(text string) []piece {
	var out []piece
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		exclude := false
		if r == '-' && isQuote(runeAfter(text, i+1)) && (i == 0 || isSpaceOrControl(lastRune(text[:i]))) {
			// -"a phrase": the phrase is excluded.
			exclude = true
			i++
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isSpaceOrControl(r):
			i += n
		case isQuote(r):
			j := i + n
			end := len(text)
			closed := false
			for k, q := range text[j:] {
				if isQuote(q) {
					end, closed = j+k, true
					break
				}
			}
			out = append(out, piece{text: text[j:end], quoted: true, closed: closed, exclude: exclude})
			i = end
			if closed {
				_, qn := utf8.DecodeRuneInString(text[end:])
				i += qn
			}
		default:
			j := i
			for j < len(text) {
				q, qn := utf8.DecodeRuneInString(text[j:])
				if isSpaceOrControl(q) || isQuote(q) {
					break
				}
				j += qn
			}
			pc := piece{text: text[i:j]}
			if rest, ok := strings.CutPrefix(pc.text, "-"); ok && rest != "" && isWordRune(firstRune(rest)) {
				pc.text, pc.exclude = rest, true
			}
			if trimmed := strings.TrimRight(pc.text, "*"); trimmed != pc.text {
				pc.text, pc.star = trimmed, true
			}
			out = append(out, pc)
			i = j
		}
	}
	return out
}

// queryParser accumulates clauses within the word budget.
type queryParser struct {
	a       *Analyzer
	tz      *tokenizer
	clauses []clause
	words   int
}

// add turns one piece into clauses. typing is true for the piece being
// typed (as-you-type search): its last word is a prefix.
func (p *queryParser) add(pc piece, typing bool) {
	p.tz.reset()
	p.tz.run(pc.text, 0, maxQueryWords*2)
	var ws []queryWord
	var lastStop *queryWord
	for _, k := range p.tz.toks {
		if k.joined {
			continue // the parts are searched as a phrase
		}
		w := string(p.tz.word(k))
		if p.a.info(p.tz.word(k)).flags&flagStop != 0 {
			lastStop = &queryWord{word: w, off: k.pos, optional: true}
			continue
		}
		lastStop = nil
		ws = append(ws, queryWord{word: w, off: k.pos})
	}
	prefix := pc.star || typing
	if prefix && lastStop != nil && !pc.exclude {
		// "économie d": the stop word being typed may start a real word.
		ws = append(ws, *lastStop)
	}
	if len(ws) == 0 {
		return
	}
	if len(ws) > maxQueryWords-p.words {
		ws = ws[:maxQueryWords-p.words]
		prefix = false // the cut word is not the one being typed
	}
	p.words += len(ws)
	base := ws[0].off
	for i := range ws {
		ws[i].off -= base
	}
	if prefix {
		ws[len(ws)-1].prefix = true
	}
	if len(ws) == 1 || prefix && !pc.exclude {
		// One word, or a phrase still being typed: its words are
		// required one by one, the last as a prefix.
		for _, w := range ws {
			w.off = 0
			p.addClause(clause{words: []queryWord{w}, exclude: pc.exclude})
		}
		return
	}
	for i := range ws {
		ws[i].prefix = false
	}
	p.addClause(clause{words: ws, phrase: true, exclude: pc.exclude})
}

// addClause adds c unless the query already has it.
func (p *queryParser) addClause(c clause) {
	for _, d := range p.clauses {
		if sameClause(c, d) {
			return
		}
	}
	p.clauses = append(p.clauses, c)
}

func sameClause(a, b clause) bool {
	if a.phrase != b.phrase || a.exclude != b.exclude || len(a.words) != len(b.words) {
		return false
	}
	for i := range a.words {
		if a.words[i] != b.words[i] {
			return false
		}
	}
	return true
}

// truncateRunes returns the first n runes of s.
func truncateRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func isBlank(s string) bool {
	for _, r := range s {
		if !isSpaceOrControl(r) {
			return false
		}
	}
	return true
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isSpaceOrControl(r)
}

func isSpaceOrControl(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// isQuote reports the characters that open or close a phrase: straight
// and typographic double quotes, and French guillemets.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '＂':
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
