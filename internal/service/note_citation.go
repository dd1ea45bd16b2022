package service

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maillage/maillage/internal/maillage"
)

// Citation writes an APA-style reference to a public note, so a resource
// can be quoted with credit to its authors:
//
//	Tremblay, M.-È., & Roy, B. (2026). Titre de la note. Maillage. https://…/notes/ID
//
// Names are display names: the last word is taken as the family name and
// the others become initials. The year is that of the version cited (the
// last update).
func Citation(n *maillage.Note, url string) string {
	names := make([]string, 0, len(n.Authors))
	for _, a := range n.Authors {
		if name := apaName(a.Name); name != "" {
			names = append(names, name)
		}
	}
	var b strings.Builder
	switch len(names) {
	case 0:
	case 1:
		b.WriteString(names[0])
	default:
		b.WriteString(strings.Join(names[:len(names)-1], ", "))
		b.WriteString(", & ")
		b.WriteString(names[len(names)-1])
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString("(" + strconv.Itoa(n.UpdatedAt.Year()) + "). ")
	title := strings.TrimSpace(n.Title)
	b.WriteString(title)
	if !strings.HasSuffix(title, ".") && !strings.HasSuffix(title, "?") && !strings.HasSuffix(title, "!") {
		b.WriteByte('.')
	}
	b.WriteString(" Maillage. ")
	b.WriteString(url)
	return b.String()
}

// apaName turns "Marie-Ève Tremblay" into "Tremblay, M.-È.": APA lists
// authors by family name and initials. A single word (a collective, an
// organisation) stays whole.
func apaName(name string) string {
	words := strings.Fields(name)
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	initials := make([]string, 0, len(words)-1)
	for _, w := range words[:len(words)-1] {
		var parts []string
		for _, p := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError && unicode.IsLetter(r) {
				parts = append(parts, string(unicode.ToUpper(r))+".")
			}
		}
		if len(parts) > 0 {
			initials = append(initials, strings.Join(parts, "-"))
		}
	}
	last := words[len(words)-1]
	if len(initials) == 0 {
		return last
	}
	return last + ", " + strings.Join(initials, " ")
}
