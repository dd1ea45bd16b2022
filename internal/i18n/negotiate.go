package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Negotiate picks the language of a request: "fr-CA" or "en". The first
// source that names a supported language wins, in this order: the ?lang=
// query parameter (an explicit click on the language switch), the language
// cookie, the signed-in user's saved preference, then the Accept-Language
// header; otherwise French. Any regional variant counts ("fr-FR", "en-US");
// empty or unknown values are skipped.
func Negotiate(query, cookie, userPref, acceptLanguage string) string {
	for _, v := range []string{query, cookie, userPref} {
		if lang, ok := match(v); ok {
			return lang
		}
	}
	// Tags come back sorted by preference (q value); malformed headers
	// yield what could be read, which may be nothing.
	tags, _, _ := language.ParseAcceptLanguage(acceptLanguage)
	for _, t := range tags {
		if lang, ok := matchTag(t); ok {
			return lang
		}
	}
	return Default
}

// match maps a single language tag to a supported language.
func match(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	return matchTag(t)
}

func matchTag(t language.Tag) (string, bool) {
	// Only an explicit base counts: for "und" or "*", Base guesses English
	// with low confidence, which would override the French default.
	base, conf := t.Base()
	if conf != language.Exact {
		return "", false
	}
	switch base.String() {
	case "fr":
		return FrenchCA, true
	case "en":
		return English, true
	}
	return "", false
}
