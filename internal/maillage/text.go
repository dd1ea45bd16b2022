package maillage

import "strings"

// Every piece of text people type passes through CleanLine or CleanText on
// its way in (the service layer's input normalisation), so what is stored
// is plain text that cannot fake a line in an email header, reverse the
// reading order of what follows it, or carry a NUL that PostgreSQL refuses.

// CleanLine cleans a single-line field: a name, title, subject, label or
// tag. Line breaks and tabs become spaces; NUL and every other control
// character, and the bidirectional controls (embeddings, overrides,
// isolates and the left-to-right / right-to-left marks) are removed;
// invalid UTF-8 becomes U+FFFD; the result is trimmed.
func CleanLine(s string) string {
	if plainLine(s) {
		return strings.TrimSpace(s)
	}
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isLineBreak(r) || r == '\t':
			b.WriteByte(' ')
		case isControl(r) || isBidiControl(r) || isBidiMark(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// CleanText cleans a multi-line field: a body, description or message.
// It keeps line feeds and tabs; "\r\n", a lone "\r" and the Unicode line
// and paragraph separators become "\n"; NUL, every other control
// character and the bidirectional embeddings, overrides and isolates are
// removed (the marks, which cannot reorder a whole line, stay: they help
// mixed French and Arabic or Hebrew text read right); invalid UTF-8
// becomes U+FFFD. The result is trimmed: blank lines and spaces at the
// end, blank lines at the start, but not the indentation of the first
// line, which means something in Markdown (a code block).
func CleanText(s string) string {
	if plainText(s) {
		return trimText(s)
	}
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isLineBreak(r):
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case isControl(r) || isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return trimText(b.String())
}

// trimText removes trailing white space and leading blank lines, keeping
// the first line's indentation; text of white space only becomes "".
func trimText(s string) string {
	s = strings.TrimRight(s, " \t\n")
	first := strings.TrimLeft(s, " \t\n")
	if first == "" {
		return ""
	}
	start := len(s) - len(first)
	if nl := strings.LastIndexByte(s[:start], '\n'); nl >= 0 {
		return s[nl+1:]
	}
	return s
}

// CleanLines applies CleanLine to each of ss and drops the ones left
// empty, for lists of labels such as tags. It returns a new slice.
func CleanLines(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = CleanLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// plainLine and plainText report whether s is printable ASCII (plus, for
// text, line feeds and tabs), the common case that needs no copy.
func plainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// isLineBreak: "\n", "\r", vertical tab, form feed, NEL and the Unicode
// line and paragraph separators, which some mail and text readers honour.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isControl: the C0 and C1 control characters and DEL.
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// isBidiControl: the embeddings and overrides (U+202A–U+202E) and the
// isolates (U+2066–U+2069), which reorder the text that follows them.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// isBidiMark: the left-to-right, right-to-left and Arabic letter marks,
// invisible characters a name or a title has no use for.
func isBidiMark(r rune) bool { return r == 0x200e || r == 0x200f || r == 0x061c }
