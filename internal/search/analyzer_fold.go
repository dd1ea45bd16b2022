package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/maillage/maillage/internal/fold"
)

// foldTableSize covers Latin-1 and Latin Extended-A and B, where almost
// every letter of French and English text falls.
const foldTableSize = 0x250

// tables are the read-only lookup tables every Analyzer shares: the
// folded form of common letters and the stop-word sets.
type tables struct {
	// folded[r] is the folded form of rune r (lowercase, accents
	// removed, ligatures expanded), "" when r is not a word character.
	folded  [foldTableSize]string
	french  map[string]bool
	english map[string]bool
}

// sharedTables builds the tables once. They are never written after
// they are built, so sharing them is safe; building them costs a few
// hundred microseconds, too much to repeat for every snippet.
var sharedTables = sync.OnceValue(func() *tables {
	t := &tables{french: wordSet(frenchStopWords), english: wordSet(englishStopWords)}
	for r := rune(0); r < foldTableSize; r++ {
		if !isWordRuneSlow(r) {
			continue
		}
		// fold.Key is the project's one definition of folding (ligatures,
		// accents, case); the table only makes it cheap per rune.
		t.folded[r] = fold.Key(string(r))
	}
	return t
})

func wordSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// isWordRuneSlow reports whether r belongs inside a word: letters,
// digits and combining marks (text in decomposed form).
func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isWordRune is isWordRuneSlow with an ASCII fast path.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return isWordRuneSlow(r)
}

// appendFolded appends the folded form of word rune r to dst.
func (t *tables) appendFolded(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r < foldTableSize:
		return append(dst, t.folded[r]...)
	case unicode.Is(unicode.Mn, r):
		// A combining accent in decomposed text: folding drops it.
		return dst
	}
	// Rare scripts: lowercase, decompose, drop the marks.
	for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
		if !unicode.Is(unicode.Mn, d) {
			dst = utf8.AppendRune(dst, d)
		}
	}
	return dst
}
