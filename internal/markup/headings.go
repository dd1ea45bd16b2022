package markup

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// headingIDs hands out heading IDs within one body: accent-folded slugs of
// the heading text ("Résumé" -> "resume"), numbered from the second use on
// ("resume-1"), so every anchor is unique and the same on every render.
type headingIDs struct {
	used map[string]bool
	next map[string]int // next suffix to try per slug, so n equal headings cost O(n)
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug(value)
	if base == "" {
		base = "section"
	}
	if !h.used[base] {
		h.used[base] = true
		return []byte(base)
	}
	for i := h.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !h.used[id] {
			h.used[id] = true
			h.next[base] = i
			return []byte(id)
		}
	}
}

// slug returns the same slug as fold.Slug (TestSlugMatchesFold checks
// it) several times faster: a body of thousands of accented headings must
// not spend a second folding accents through transform.Chain buffers.
func slug(value []byte) string {
	s := string(value)
	if !isASCII(value) {
		s = foldAccents(s)
	}
	var b strings.Builder
	b.Grow(min(len(s), maxSlugLen+4))
	dash := false
	for _, r := range s {
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
		if b.Len() >= maxSlugLen {
			break
		}
	}
	return b.String()
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldAccents does what fold.Key does before lowercasing: invalid bytes
// dropped, ligatures expanded, accents (non-spacing marks) removed.
func foldAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range strings.ToValidUTF8(s, "") {
		switch r {
		case 'œ', 'Œ':
			b.WriteString("oe")
		case 'æ', 'Æ':
			b.WriteString("ae")
		case 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(r)
		}
	}
	bare := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(b.String()))
	return norm.NFC.String(bare)
}

// maxSlugLen is fold.Slug's length cap, kept here for the ASCII fast path.
const maxSlugLen = 80

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// headingIDTransformer gives every heading an id from its text as typed,
// with wiki links as their labels and mentions left out. goldmark's own automatic
// IDs read the raw line instead, which would put "user-01h…" from a
// mention's markup into the anchor.
type headingIDTransformer struct{}

// Transform implements parser.ASTTransformer.
func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			if _, has := h.AttributeString("id"); !has {
				h.SetAttributeString("id", pc.IDs().Generate([]byte(inlineText(h, source)), ast.KindHeading))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// inlineText returns the text of n's inline children as written, without
// markup: escapes and entities resolved, wiki links as their labels,
// mentions as a bare "@", raw HTML dropped.
func inlineText(n ast.Node, source []byte) string {
	var b strings.Builder
	writeInlineText(&b, n, source)
	return b.String()
}

func writeInlineText(b *strings.Builder, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if !c.IsRaw() {
				v = unescape(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				b.Write(unescape(c.Value))
			}
		case *ast.CodeSpan:
			// Code is shown verbatim: no escapes to resolve.
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(source))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(source))
		case *ast.RawHTML:
		case *wikiLink:
			b.WriteString(c.Label)
		case *mention:
			// Not the label: an anchor is the same for every reader, and
			// must not name someone a reader may not see.
			b.WriteString("@")
		default:
			writeInlineText(b, c, source)
		}
	}
}

// unescape resolves backslash escapes and character references the way
// goldmark does when it writes text.
func unescape(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}
