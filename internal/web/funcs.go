package web

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
)

// templateFuncs are pure: everything that depends on the request (the
// localizer above all) is passed as an argument, never captured, so the
// parsed templates can be shared by concurrent requests.
func templateFuncs(static *staticFiles) template.FuncMap {
	return template.FuncMap{
		"t":          translate,
		"n":          plural,
		"date":       func(l *i18n.Localizer, t time.Time) string { return l.Date(t) },
		"datetime":   func(l *i18n.Localizer, t time.Time) string { return l.DateTime(t) },
		"number":     func(l *i18n.Localizer, n any) string { return l.Number(n) },
		"regionName": func(l *i18n.Localizer, code string) string { return maillage.RegionName(code, l.Lang()) },
		"tagLabel":   func(l *i18n.Localizer, t maillage.Tag) string { return t.DisplayLabel(l.Lang()) },
		"initials":   initials,
		"lines":      lines,
		"excerpt":    excerpt,
		"static":     static.URL,
		"dict":       dict,
		"field":      newField,
		"regions":    regionOptions,
		"orgTypes":   orgTypeOptions,
		"languages":  languageOptions,
		"linkKinds":  linkKindOptions,
		"roles":      roleOptions,
		"groups":     maillage.NotificationGroups,
		"orgType":    func(l *i18n.Localizer, t maillage.OrganizationType) string { return orgTypeLabel(l, string(t)) },
		"linkKind":   func(l *i18n.Localizer, k maillage.LinkKind) string { return linkKindLabel(l, string(k)) },
		"inc":        func(i int) int { return i + 1 },
		"mailto":     func(email string) template.URL { return template.URL("mailto:" + email) },
		"invitePath": invitationPath,
	}
}

// translate is {{t .L "id" "Key" value ...}}: the pairs after the id fill
// the message's template.
func translate(l *i18n.Localizer, id string, kv ...any) (string, error) {
	if len(kv) == 0 {
		return l.T(id), nil
	}
	data, err := dict(kv...)
	if err != nil {
		return "", err
	}
	return l.T(id, data), nil
}

// plural is {{n .L "id" count "Key" value ...}}.
func plural(l *i18n.Localizer, id string, count int, kv ...any) (string, error) {
	data, err := dict(kv...)
	if err != nil {
		return "", err
	}
	return l.N(id, count, data), nil
}

// dict builds a map from key-value pairs, to pass several values to a
// partial template.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// initials draws an avatar's letters: first letters of the first and last
// words ("Émilie Tremblay" -> "ÉT").
func initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	var out []rune
	for i, w := range words {
		if i != 0 && i != len(words)-1 {
			continue
		}
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				out = append(out, unicode.ToUpper(r))
				break
			}
		}
	}
	return string(out)
}

// lines splits plain text into lines, so a template can show a bio's line
// breaks with <br> while html/template escapes every line.
func lines(s string) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// excerpt shortens plain text to about n characters on a word boundary.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;.:") + "…"
}
