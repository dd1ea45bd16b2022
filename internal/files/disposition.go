package files

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ContentDisposition returns the Content-Disposition header value for
// serving a file named name (made safe with SafeName) of type t: "inline"
// for types safe to show in the page, "attachment" otherwise. Following
// RFC 6266, it carries an ASCII filename for old clients and the real
// name, accents included, as filename* in UTF-8 (RFC 8187).
func ContentDisposition(name string, t Type) string {
	n := SafeName(name, t)
	disposition := "attachment"
	if t.Inline {
		disposition = "inline"
	}
	return disposition + `; filename="` + asciiName(n) + `"; filename*=UTF-8''` + encodeExtValue(n)
}

// asciiName folds accents away ("é" -> "e") and replaces what is left
// outside printable ASCII by "_". "%" and "\" are replaced too: some
// clients decode or unescape them inside filename.
func asciiName(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "œ", "oe", "Œ", "OE", "æ", "ae", "Æ", "AE", "ß", "ss").Replace(s)
	folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err == nil {
		s = folded
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			return '_'
		}
		return r
	}, s)
}

// encodeExtValue percent-encodes s as an RFC 8187 value: UTF-8 bytes,
// every byte outside attr-char written as %XX.
func encodeExtValue(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAttrChar(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// isAttrChar reports whether c may appear unencoded in an RFC 8187 value.
func isAttrChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", c) >= 0
}
