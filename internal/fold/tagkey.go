package fold

import (
	"strings"
	"unicode"
)

// TagKey returns the comparison key of a tag label: Key, with punctuation
// and symbols also folded to spaces, so "Économie sociale",
// "économie-sociale" and "ÉCONOMIE, SOCIALE" are one tag. "+" and "#"
// are kept, since they make different words of "C", "C++" and "C#".
// A tag key never holds ":" (keys of merged tags are set apart with it).
func TagKey(s string) string {
	k := Key(s)
	var b strings.Builder
	b.Grow(len(k))
	space := false
	for _, r := range k {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}
