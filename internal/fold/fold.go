// Package fold turns human text into comparison keys and URL slugs:
// lowercase, without accents, white space collapsed. "Économie sociale",
// "economie  SOCIALE" and "économie sociale" share one key, which is how
// tags, names and duplicate checks compare text in both databases alike.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ligatures are expanded before accents are stripped because they do not
// decompose under Unicode normalisation.
var ligatures = strings.NewReplacer("œ", "oe", "Œ", "oe", "æ", "ae", "Æ", "ae", "ß", "ss", "’", "'", "‘", "'", "ʼ", "'")

// Key returns the comparison key of s: lowercase, accents removed,
// typographic apostrophes made plain, inner white space collapsed.
func Key(s string) string {
	// Invalid bytes (from a broken client) are dropped first: left in, they
	// make the accent folding give up and the key unstable.
	s = ligatures.Replace(strings.ToValidUTF8(s, ""))
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		// transform only fails on invalid input it cannot consume; keeping
		// the lowercased original is still a usable key.
		out = s
	}
	return strings.Join(strings.Fields(strings.ToLower(out)), " ")
}

// maxSlugLen keeps URLs readable; uniqueness is handled by the caller.
const maxSlugLen = 80

// Slug returns a URL-safe slug of s: the key's letters and digits joined
// by single hyphens ("Économie sociale et solidaire" -> "economie-sociale-et-solidaire").
// It returns "" when s has no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Key(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// Letters outside ASCII that did not fold (e.g. Greek) are kept
			// so a tag in another script still gets a distinct slug.
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= maxSlugLen {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// WebsiteKey reduces a website URL to what identifies it ("https://www.Coop.ca/"
// and "http://coop.ca" are the same site), for duplicate detection.
func WebsiteKey(raw string) string {
	s := strings.ToLower(strings.TrimSpace(raw))
	for _, p := range []string{"https://", "http://"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimPrefix(s, "www.")
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, "/")
}
