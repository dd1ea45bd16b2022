package i18n

import "testing"

func TestNegotiate(t *testing.T) {
	cases := []struct {
		name                                   string
		query, cookie, userPref, acceptLangHdr string
		want                                   string
	}{
		{"nothing", "", "", "", "", "fr-CA"},
		{"query wins over all", "en", "fr-CA", "fr-CA", "fr", "en"},
		{"query French wins", "fr", "en", "en", "en", "fr-CA"},
		{"cookie before preference", "", "en", "fr-CA", "fr", "en"},
		{"preference before header", "", "", "en", "fr-CA,fr;q=0.9", "en"},
		{"header English", "", "", "", "en-US,en;q=0.9", "en"},
		{"header French from France", "", "", "", "fr-FR", "fr-CA"},
		{"header unsupported first", "", "", "", "de-DE,de;q=0.9,en;q=0.5", "en"},
		{"header sorted by q", "", "", "", "en;q=0.3,fr;q=0.8", "fr-CA"},
		{"header only unsupported", "", "", "", "de, es", "fr-CA"},
		{"header wildcard", "", "", "", "*", "fr-CA"},
		{"header malformed", "", "", "", ";;;q=abc", "fr-CA"},
		{"unknown query skipped", "xx-invalid-!!", "en", "", "", "en"},
		{"unsupported query skipped", "de", "", "", "en", "en"},
		{"case and spaces", " EN-ca ", "", "", "", "en"},
		{"underscore form", "fr_CA", "", "", "en", "fr-CA"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Negotiate(c.query, c.cookie, c.userPref, c.acceptLangHdr); got != c.want {
				t.Errorf("Negotiate(%q, %q, %q, %q) = %q, want %q",
					c.query, c.cookie, c.userPref, c.acceptLangHdr, got, c.want)
			}
		})
	}
}
