package files

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxNameRunes bounds download names: long enough for real titles, short
// enough for every file system and header.
const maxNameRunes = 120

// maxExtRunes: a longer "extension" is part of the name, not a type.
const maxExtRunes = 16

// fallbackStem names a file whose name has nothing usable left.
const fallbackStem = "fichier"

// SafeName turns a name typed or sent by a user into a download name: the
// base name only (a Windows path is cut too), NFC-normalised so accents
// typed on a Mac stay one character, without control or invisible format
// characters (which can disguise an extension), quotes, slashes or
// characters Windows refuses, at most 120 runes, accents kept.
// A straight apostrophe becomes a typographic one, as French writes it.
//
// When t is known and the name's extension does not name t's format, t.Ext
// is appended ("photo.png" holding a PDF becomes "photo.png.pdf"), so the
// downloaded file opens with the right program. An empty result falls back
// to "fichier" plus the extension. SafeName(SafeName(n, t), t) == SafeName(n, t).
func SafeName(name string, t Type) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = norm.NFC.String(name)

	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case r == '\'':
			r = '’'
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			continue
		case strings.ContainsRune("\"`<>:*?|", r), r == utf8.RuneError,
			unicode.Is(unicode.Cf, r), !unicode.IsPrint(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	s := strings.Trim(b.String(), " .")

	stem, ext := splitExt(s)
	if t.Ext != "" && !sameExt(strings.ToLower(ext), t) {
		stem, ext = s, t.Ext
	}
	stem = truncateRunes(stem, maxNameRunes-utf8.RuneCountInString(ext))
	stem = strings.TrimRight(stem, " .")
	if stem == "" {
		stem = fallbackStem
	}
	return stem + ext
}

// splitExt splits "rapport.final.pdf" into "rapport.final" and ".pdf". A
// name that is only an extension, or an extension too long to be one,
// stays whole.
func splitExt(s string) (stem, ext string) {
	ext = filepath.Ext(s)
	if len(ext) < 2 || len(ext) == len(s) || utf8.RuneCountInString(ext) > maxExtRunes ||
		strings.ContainsRune(ext, ' ') {
		return s, ""
	}
	return strings.TrimSuffix(s, ext), ext
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
