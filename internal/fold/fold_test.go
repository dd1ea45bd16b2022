package fold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Économie  sociale":           "economie sociale",
		"ÉCONOMIE SOCIALE ":           "economie sociale",
		"Cœur d’œuvre":                "coeur d'oeuvre",
		"l'éducation":                 "l'education",
		"":                            "",
		"Transition socio-écologique": "transition socio-ecologique",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Économie sociale et solidaire": "economie-sociale-et-solidaire",
		"  C++ / Go!  ":                 "c-go",
		"l'éducation":                   "l-education",
		"!!!":                           "",
		"Ελληνικά":                      "ελληνικα",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWebsiteKey(t *testing.T) {
	if WebsiteKey("https://www.Coop.ca/") != WebsiteKey("http://coop.ca") {
		t.Error("same site, different keys")
	}
	if WebsiteKey("https://coop.ca/a") == WebsiteKey("https://coop.ca/b") {
		t.Error("different pages of a host are different sites here")
	}
}

// FuzzKeyAndSlug: any text folds to a stable key, and its slug is safe in
// a URL path (letters, digits and single inner hyphens).
func FuzzKeyAndSlug(f *testing.F) {
	for _, s := range []string{"Économie sociale", "C++", "l'éducation", "  ", "Œuvre\u00a0d’art", "ß", "\xff\xfe", "a--b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key is not stable: %q -> %q -> %q", s, k, Key(k))
		}
		slug := Slug(s)
		if strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-") || strings.Contains(slug, "--") {
			t.Fatalf("Slug(%q) = %q has stray hyphens", s, slug)
		}
		for _, r := range slug {
			if r == '/' || r == '?' || r == '#' || r == '%' || unicode.IsSpace(r) || r == utf8.RuneError {
				t.Fatalf("Slug(%q) = %q is not path-safe", s, slug)
			}
		}
	})
}

func TestTagKey(t *testing.T) {
	for in, want := range map[string]string{
		"Économie sociale":       "economie sociale",
		"économie-sociale":       "economie sociale",
		"ÉCONOMIE,  SOCIALE !":   "economie sociale",
		"l’économie":             "l economie",
		"C++":                    "c++",
		"C#":                     "c#",
		"  ":                     "",
		"Socio-écologique (TSÉ)": "socio ecologique tse",
		"a:b":                    "a b",
	} {
		if got := TagKey(in); got != want {
			t.Errorf("TagKey(%q) = %q, want %q", in, got, want)
		}
	}
	// Keys are stable and never hold ":".
	for _, s := range []string{"Économie sociale", "a::b", "\xff", "Œuvre d’art"} {
		if k := TagKey(s); TagKey(k) != k || strings.Contains(k, ":") {
			t.Errorf("TagKey(%q) = %q is not a stable key", s, k)
		}
	}
}
