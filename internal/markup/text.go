package markup

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractText reads the table of contents and the plain text out of
// sanitized HTML, so both hold exactly what the reader sees (current names
// of mentioned people, labels of wiki links) and nothing that was dropped.
func extractText(s string) ([]Heading, string) {
	var (
		toc     []Heading
		all     strings.Builder
		heading *strings.Builder // text of the h2-h4 being read, if any
		current Heading
	)
	all.Grow(len(s) / 2)
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return toc, collapseSpace(all.String())
		case html.TextToken:
			t := z.Text()
			all.Write(t)
			if heading != nil {
				heading.Write(t)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if blockAtom(a) {
				all.WriteByte(' ')
			}
			var id, alt string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "id":
					id = string(v)
				case "alt":
					alt = string(v)
				}
			}
			switch a {
			case atom.H2, atom.H3, atom.H4:
				current = Heading{Level: int(name[1] - '0'), ID: id}
				heading = &strings.Builder{}
			case atom.Img:
				// The alternative text stands for the image in search and email.
				all.WriteString(" " + alt + " ")
				if heading != nil {
					heading.WriteString(" " + alt + " ")
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if blockAtom(a) {
				all.WriteByte(' ')
			}
			if heading != nil && (a == atom.H2 || a == atom.H3 || a == atom.H4) {
				current.Text = collapseSpace(heading.String())
				if current.ID != "" {
					toc = append(toc, current)
				}
				heading = nil
			}
		}
	}
}

// blockAtom reports whether an element separates words: the text on either
// side must not run together in the plain text.
func blockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Br, atom.Hr, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.Li,
		atom.Table, atom.Thead, atom.Tbody, atom.Tr, atom.Th, atom.Td,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// collapseSpace trims s and turns every run of white space into one space,
// as strings.Join(strings.Fields(s), " ") does, in one pass.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Excerpt returns the first n runes of plain text, white space collapsed,
// cut at a word boundary and ended with "…" when text is longer. The
// ellipsis comes on top of the n runes. A single word longer than n is cut
// inside. n <= 0 gives "".
func Excerpt(text string, n int) string {
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	count := 0
	space := false
	cut := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		need := 1
		if space {
			need = 2
		}
		if count+need > n {
			cut = true
			if !space {
				// The word goes on past the limit: drop it if an earlier
				// word boundary exists.
				if i := strings.LastIndexByte(b.String(), ' '); i > 0 {
					s := b.String()[:i]
					b.Reset()
					b.WriteString(s)
				}
			}
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		count += need
	}
	if !cut {
		return b.String()
	}
	s := strings.TrimRightFunc(b.String(), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—(", r)
	})
	if s == "" {
		// Only punctuation fitted: a hard cut still says more than nothing.
		s = b.String()
	}
	return s + "…"
}
