package taxonomy

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFileBytes bounds the files the readers accept.
const MaxFileBytes = 16 << 20

// readAll reads at most MaxFileBytes.
func readAll(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return "", err
	}
	if len(b) > MaxFileBytes {
		return "", errAt(0, ErrTooMany, "more than %d bytes", MaxFileBytes)
	}
	if !utf8.Valid(b) {
		return "", errAt(0, ErrSyntax, "not UTF-8 text")
	}
	return strings.TrimPrefix(string(b), "\uFEFF"), nil
}

// tokKind is the kind of a Turtle token.
type tokKind int

const (
	tokEOF     tokKind = iota
	tokIRI             // <...>, resolved
	tokPName           // prefix:local, expanded by the parser
	tokLiteral         // a string (or number or boolean) with lang or datatype
	tokA               // the keyword a
	tokPunct           // . ; , [ ] ( )
	tokPrefix          // @prefix or PREFIX
	tokBase            // @base or BASE
	tokBlank           // _:name
)

type token struct {
	kind tokKind
	text string // IRI, name, literal value or punctuation
	lang string // a literal's language
	line int
	// sparql says a PREFIX or BASE directive takes no final dot.
	sparql bool
}

// lexer splits Turtle text into tokens.
type lexer struct {
	src  string
	pos  int
	line int
}

func (l *lexer) errf(code, format string, args ...any) *Error {
	return errAt(l.line, code, format, args...)
}

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n':
			l.line++
			l.pos++
		case c == ' ' || c == '\t' || c == '\r':
			l.pos++
		case c == '#':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.pos++
			}
		default:
			return
		}
	}
}

func (l *lexer) next() (token, error) {
	l.skip()
	t := token{line: l.line}
	if l.pos >= len(l.src) {
		return t, nil
	}
	c := l.src[l.pos]
	switch {
	case strings.ContainsRune(".;,[]()", rune(c)):
		l.pos++
		t.kind, t.text = tokPunct, string(c)
		return t, nil
	case c == '<':
		end := strings.IndexByte(l.src[l.pos:], '>')
		if end < 0 || strings.ContainsAny(l.src[l.pos+1:l.pos+end], " \n\t<\"{}|^`") {
			return t, l.errf(ErrSyntax, "unterminated or invalid IRI")
		}
		t.kind, t.text = tokIRI, l.src[l.pos+1:l.pos+end]
		l.pos += end + 1
		return t, nil
	case c == '"' || c == '\'':
		s, err := l.str()
		if err != nil {
			return t, err
		}
		t.kind, t.text = tokLiteral, s
		if l.pos < len(l.src) && l.src[l.pos] == '@' {
			l.pos++
			start := l.pos
			for l.pos < len(l.src) && (isAlnum(l.src[l.pos]) || l.src[l.pos] == '-') {
				l.pos++
			}
			if l.pos == start {
				return t, l.errf(ErrSyntax, "empty language tag")
			}
			t.lang = strings.ToLower(l.src[start:l.pos])
		} else if strings.HasPrefix(l.src[l.pos:], "^^") {
			l.pos += 2
			dt, err := l.next()
			if err != nil {
				return t, err
			}
			if dt.kind != tokIRI && dt.kind != tokPName {
				return t, l.errf(ErrSyntax, "a datatype must be an IRI")
			}
		}
		return t, nil
	case c == '@':
		word := l.word(l.pos + 1)
		switch word {
		case "prefix":
			t.kind = tokPrefix
		case "base":
			t.kind = tokBase
		default:
			return t, l.errf(ErrSyntax, "unknown directive @%s", word)
		}
		l.pos += 1 + len(word)
		return t, nil
	case c == '_' && strings.HasPrefix(l.src[l.pos:], "_:"):
		w := l.name(l.pos + 2)
		l.pos += 2 + len(w)
		t.kind, t.text = tokBlank, w
		return t, nil
	case c == '+' || c == '-' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.src) && (isAlnum(l.src[l.pos]) || strings.ContainsRune(".+-", rune(l.src[l.pos]))) {
			// A final dot ends the statement, not the number.
			if l.src[l.pos] == '.' && (l.pos+1 >= len(l.src) || !isAlnum(l.src[l.pos+1])) {
				break
			}
			l.pos++
		}
		t.kind, t.text = tokLiteral, l.src[start:l.pos]
		return t, nil
	}
	// A keyword or a prefixed name.
	w := l.name(l.pos)
	if w == "" {
		r, _ := utf8.DecodeRuneInString(l.src[l.pos:])
		return t, l.errf(ErrSyntax, "unexpected %q", r)
	}
	l.pos += len(w)
	switch {
	case w == "a":
		t.kind = tokA
	case strings.EqualFold(w, "PREFIX"):
		t.kind, t.sparql = tokPrefix, true
	case strings.EqualFold(w, "BASE"):
		t.kind, t.sparql = tokBase, true
	case w == "true" || w == "false":
		t.kind, t.text = tokLiteral, w
	case strings.Contains(w, ":"):
		t.kind, t.text = tokPName, w
	default:
		return t, l.errf(ErrSyntax, "unexpected %q", w)
	}
	return t, nil
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// word reads letters from i.
func (l *lexer) word(i int) string {
	j := i
	for j < len(l.src) && (l.src[j] >= 'a' && l.src[j] <= 'z' || l.src[j] >= 'A' && l.src[j] <= 'Z') {
		j++
	}
	return l.src[i:j]
}

// name reads a prefixed name (or keyword) from i: letters, digits, and
// - _ . : % \ within, never ending with a dot.
func (l *lexer) name(i int) string {
	j := i
	for j < len(l.src) {
		r, size := utf8.DecodeRuneInString(l.src[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_:%", r):
		case r == '\\' && j+1 < len(l.src):
			size = 2
		case r == '.' && j+1 < len(l.src):
			next, _ := utf8.DecodeRuneInString(l.src[j+1:])
			if !(unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("-_:%", next)) {
				return l.src[i:j]
			}
		default:
			return l.src[i:j]
		}
		j += size
	}
	return l.src[i:j]
}

// str reads a quoted string: '...', "...", ”'...”' or """...""".
func (l *lexer) str() (string, error) {
	q := l.src[l.pos]
	long := strings.HasPrefix(l.src[l.pos:], strings.Repeat(string(q), 3))
	if long {
		l.pos += 3
	} else {
		l.pos++
	}
	var b strings.Builder
	for {
		if l.pos >= len(l.src) {
			return "", l.errf(ErrSyntax, "unterminated string")
		}
		c := l.src[l.pos]
		switch {
		case long && strings.HasPrefix(l.src[l.pos:], strings.Repeat(string(q), 3)):
			l.pos += 3
			return b.String(), nil
		case !long && c == q:
			l.pos++
			return b.String(), nil
		case !long && (c == '\n' || c == '\r'):
			return "", l.errf(ErrSyntax, "line break in a short string")
		case c == '\\':
			r, err := l.escape()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
		default:
			if c == '\n' {
				l.line++
			}
			b.WriteByte(c)
			l.pos++
		}
	}
}

// escape reads a backslash escape in a string.
func (l *lexer) escape() (rune, error) {
	if l.pos+1 >= len(l.src) {
		return 0, l.errf(ErrSyntax, "unterminated escape")
	}
	c := l.src[l.pos+1]
	l.pos += 2
	switch c {
	case 't':
		return '\t', nil
	case 'b':
		return '\b', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 'f':
		return '\f', nil
	case '"', '\'', '\\':
		return rune(c), nil
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if l.pos+n > len(l.src) {
			return 0, l.errf(ErrSyntax, "short \\%c escape", c)
		}
		v, err := strconv.ParseUint(l.src[l.pos:l.pos+n], 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 0, l.errf(ErrSyntax, "invalid \\%c escape", c)
		}
		l.pos += n
		return rune(v), nil
	}
	return 0, l.errf(ErrSyntax, "invalid escape \\%c", c)
}

// triple is one statement read: its object is an IRI or a literal.
type triple struct {
	s, p    string
	o       string
	lang    string
	literal bool
	line    int
}

// parser reads statements from a lexer.
type parser struct {
	lex      lexer
	tok      token
	prefixes map[string]string
	base     string
	triples  []triple
}

func (p *parser) advance() error {
	t, err := p.lex.next()
	p.tok = t
	return err
}

func (p *parser) expect(punct string) error {
	if p.tok.kind != tokPunct || p.tok.text != punct {
		return errAt(p.tok.line, ErrSyntax, "expected %q", punct)
	}
	return p.advance()
}

// resolve makes an IRI absolute against the base.
func (p *parser) resolve(iri string) string {
	if i := strings.IndexAny(iri, ":/?#"); i > 0 && iri[i] == ':' {
		return iri
	}
	return p.base + iri
}

// term reads an IRI or prefixed name.
func (p *parser) iri() (string, error) {
	t := p.tok
	switch t.kind {
	case tokIRI:
		return p.resolve(t.text), p.advance()
	case tokPName:
		prefix, local, _ := strings.Cut(t.text, ":")
		ns, ok := p.prefixes[prefix]
		if !ok {
			return "", errAt(t.line, ErrUnknownPrefix, "%s:", prefix)
		}
		var b strings.Builder
		for i := 0; i < len(local); i++ {
			if local[i] == '\\' && i+1 < len(local) {
				i++
			}
			b.WriteByte(local[i])
		}
		return ns + b.String(), p.advance()
	case tokBlank, tokPunct:
		if t.kind == tokBlank || t.text == "[" || t.text == "(" {
			return "", errAt(t.line, ErrUnsupported, "blank nodes and collections")
		}
	}
	return "", errAt(t.line, ErrSyntax, "expected an IRI")
}

func (p *parser) statement() error {
	switch p.tok.kind {
	case tokPrefix, tokBase:
		d := p.tok
		if err := p.advance(); err != nil {
			return err
		}
		if d.kind == tokPrefix {
			if p.tok.kind != tokPName || !strings.HasSuffix(p.tok.text, ":") || strings.Count(p.tok.text, ":") != 1 {
				return errAt(p.tok.line, ErrSyntax, "expected a prefix name")
			}
			name := strings.TrimSuffix(p.tok.text, ":")
			if err := p.advance(); err != nil {
				return err
			}
			if p.tok.kind != tokIRI {
				return errAt(p.tok.line, ErrSyntax, "expected the prefix's IRI")
			}
			p.prefixes[name] = p.resolve(p.tok.text)
		} else {
			if p.tok.kind != tokIRI {
				return errAt(p.tok.line, ErrSyntax, "expected the base IRI")
			}
			p.base = p.resolve(p.tok.text)
		}
		if err := p.advance(); err != nil {
			return err
		}
		if d.sparql {
			return nil
		}
		return p.expect(".")
	}
	line := p.tok.line
	subject, err := p.iri()
	if err != nil {
		return err
	}
	for {
		var pred string
		if p.tok.kind == tokA {
			pred = nsRDF + "type"
			if err := p.advance(); err != nil {
				return err
			}
		} else if pred, err = p.iri(); err != nil {
			return err
		}
		for {
			tr := triple{s: subject, p: pred, line: line}
			if p.tok.kind == tokLiteral {
				tr.o, tr.lang, tr.literal = p.tok.text, p.tok.lang, true
				if err := p.advance(); err != nil {
					return err
				}
			} else if tr.o, err = p.iri(); err != nil {
				return err
			}
			p.triples = append(p.triples, tr)
			if p.tok.kind != tokPunct || p.tok.text != "," {
				break
			}
			if err := p.advance(); err != nil {
				return err
			}
		}
		if p.tok.kind != tokPunct || p.tok.text != ";" {
			break
		}
		// Several semicolons in a row, and one before the final dot, are allowed.
		for p.tok.kind == tokPunct && p.tok.text == ";" {
			if err := p.advance(); err != nil {
				return err
			}
		}
		if p.tok.kind == tokPunct && p.tok.text == "." {
			break
		}
	}
	return p.expect(".")
}

// ReadTurtle reads SKOS concepts from RDF Turtle: directives (@prefix,
// @base, PREFIX, BASE), triples with IRIs or prefixed names, literals
// with languages or datatypes, and the ; and , abbreviations. Blank
// nodes and collections are refused. Concepts are the subjects typed
// skos:Concept; their skos:prefLabel, altLabel, hiddenLabel (read as a
// synonym), broader, narrower, related and definition are read, in
// French (fr, fr-CA ...), English, or no language (taken as French).
// Other statements are ignored. Concept IDs are their IRIs.
func ReadTurtle(r io.Reader) (*Scheme, error) {
	src, err := readAll(r)
	if err != nil {
		return nil, err
	}
	p := &parser{lex: lexer{src: src, line: 1}, prefixes: map[string]string{}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	for p.tok.kind != tokEOF {
		if err := p.statement(); err != nil {
			return nil, err
		}
	}
	return conceptsOf(p.triples)
}

// langOf reduces a language tag to the taxonomy's: "fr", "en", or ""
// for another one.
func langOf(tag string) (string, bool) {
	switch {
	case tag == "" || tag == "fr" || strings.HasPrefix(tag, "fr-"):
		return "fr", true
	case tag == "en" || strings.HasPrefix(tag, "en-"):
		return "en", true
	}
	return "", false
}

// conceptsOf builds concepts from triples.
func conceptsOf(triples []triple) (*Scheme, error) {
	index := map[string]int{}
	s := &Scheme{}
	for _, t := range triples {
		if t.p == nsRDF+"type" && t.o == nsSKOS+"Concept" && !t.literal {
			if _, ok := index[t.s]; !ok {
				index[t.s] = len(s.Concepts)
				s.Concepts = append(s.Concepts, Concept{ID: t.s, Line: t.line})
			}
		}
	}
	for _, t := range triples {
		i, ok := index[t.s]
		if !ok || !strings.HasPrefix(t.p, nsSKOS) {
			continue
		}
		c := &s.Concepts[i]
		name := strings.TrimPrefix(t.p, nsSKOS)
		switch name {
		case "prefLabel", "altLabel", "hiddenLabel", "definition":
			if !t.literal {
				return nil, errAt(t.line, ErrSyntax, "skos:%s takes a text", name)
			}
			lang, known := langOf(t.lang)
			text := strings.TrimSpace(t.o)
			switch {
			case name == "definition" && lang == "fr" && known:
				c.Definition = text
			case name == "definition" && lang == "en":
				c.DefinitionEn = text
			case name == "prefLabel" && lang == "fr" && known:
				if c.Label != "" && c.Label != text {
					return nil, errAt(t.line, ErrUnsupported, "two French preferred labels for %s", c.ID)
				}
				c.Label = text
			case name == "prefLabel" && lang == "en":
				if c.LabelEn != "" && c.LabelEn != text {
					return nil, errAt(t.line, ErrUnsupported, "two English preferred labels for %s", c.ID)
				}
				c.LabelEn = text
			case name == "altLabel" || name == "hiddenLabel":
				if t.lang == "" {
					lang = ""
				}
				c.AltLabels = append(c.AltLabels, AltLabel{Label: text, Lang: lang})
			}
		case "broader":
			if t.literal {
				return nil, errAt(t.line, ErrSyntax, "skos:broader takes an IRI")
			}
			if err := setBroader(c, t.o, t.line); err != nil {
				return nil, err
			}
		case "narrower":
			if j, ok := index[t.o]; ok && !t.literal {
				if err := setBroader(&s.Concepts[j], t.s, t.line); err != nil {
					return nil, err
				}
			}
		case "related":
			if t.literal {
				return nil, errAt(t.line, ErrSyntax, "skos:related takes an IRI")
			}
			if !contains(c.Related, t.o) {
				c.Related = append(c.Related, t.o)
			}
		}
	}
	return s, nil
}

func setBroader(c *Concept, parent string, line int) error {
	if c.Broader != "" && c.Broader != parent {
		return errAt(line, ErrTwoParents, "%s", c.ID)
	}
	c.Broader = parent
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
