package markup

import (
	"testing"
	"unicode/utf8"
)

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
		want string
	}{
		{"Bonjour le monde", 100, "Bonjour le monde"},
		{"Bonjour le monde", 16, "Bonjour le monde"},
		{"Bonjour le monde entier", 12, "Bonjour le…"},
		{"Bonjour le monde entier", 10, "Bonjour le…"},
		{"Bonjour le monde entier", 11, "Bonjour le…"},
		{"Économie sociale et solidaire", 17, "Économie sociale…"},
		{"Économie sociale, et solidaire", 18, "Économie sociale…"},
		{"Économie sociale, et solidaire", 20, "Économie sociale, et…"},
		{"Anticonstitutionnellement", 5, "Antic…"},
		{"  beaucoup   d'espaces\n\tici  ", 100, "beaucoup d'espaces ici"},
		{"  beaucoup   d'espaces\n\tici  ", 15, "beaucoup…"},
		{"mot", 0, ""},
		{"", 10, ""},
		{"— — — — mot", 3, "— —…"},
	} {
		got := Excerpt(tc.text, tc.n)
		if got != tc.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tc.text, tc.n, got, tc.want)
		}
		if tc.n > 0 && utf8.RuneCountInString(got) > tc.n+1 {
			t.Errorf("Excerpt(%q, %d) = %q is too long", tc.text, tc.n, got)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"  a  b\n\tc\u00a0d ": "a b c d",
		"un":                  "un",
	} {
		if got := collapseSpace(in); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
