package i18n

import (
	"sync"
	"testing"
	"testing/fstest"
)

func testBundle(t *testing.T) *Bundle {
	t.Helper()
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTWithData(t *testing.T) {
	b := testBundle(t)
	data := map[string]any{"Max": 80}
	if got, want := b.Localizer(FrenchCA).T("field.too_long", data), "Ce champ ne peut pas dépasser 80 caractères."; got != want {
		t.Errorf("fr-CA: got %q, want %q", got, want)
	}
	if got, want := b.Localizer(English).T("field.too_long", data), "This field cannot be longer than 80 characters."; got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
}

func TestTMissingKeyReturnsID(t *testing.T) {
	b := testBundle(t)
	for _, lang := range Languages() {
		if got := b.Localizer(lang).T("no.such.key"); got != "no.such.key" {
			t.Errorf("%s: got %q", lang, got)
		}
		if got := b.Localizer(lang).N("no.such.key", 3, nil); got != "no.such.key" {
			t.Errorf("%s plural: got %q", lang, got)
		}
	}
}

func TestTFallsBackToFrench(t *testing.T) {
	b, err := newFromFS(fstest.MapFS{
		"fr-CA/common.toml": {Data: []byte("a = \"A fr\"\nb = \"B fr\"")},
		"en/common.toml":    {Data: []byte(`a = "A en"`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Localizer(English).T("b"); got != "B fr" {
		t.Errorf("got %q, want the French text", got)
	}
}

func TestNPluralRules(t *testing.T) {
	b := testBundle(t)
	cases := []struct {
		lang  string
		count int
		want  string
	}{
		// French counts 0 as singular, English does not.
		{FrenchCA, 0, "0 résultat"},
		{FrenchCA, 1, "1 résultat"},
		{FrenchCA, 2, "2 résultats"},
		{FrenchCA, 1234, "1\u00a0234 résultats"},
		{English, 0, "0 results"},
		{English, 1, "1 result"},
		{English, 2, "2 results"},
		{English, 1234, "1,234 results"},
	}
	for _, c := range cases {
		if got := b.Localizer(c.lang).N("count.results", c.count, nil); got != c.want {
			t.Errorf("%s N(%d) = %q, want %q", c.lang, c.count, got, c.want)
		}
	}
}

func TestNKeepsCallerData(t *testing.T) {
	b, err := newFromFS(fstest.MapFS{
		"fr-CA/common.toml": {Data: []byte("[members]\none = \"{{.Count}} membre dans {{.Name}}\"\nother = \"{{.Count}} membres dans {{.Name}}\"")},
		"en/common.toml":    {Data: []byte("[members]\none = \"{{.Count}} member in {{.Name}}\"\nother = \"{{.Count}} members in {{.Name}}\"")},
	})
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"Name": "Réseau"}
	if got, want := b.Localizer(FrenchCA).N("members", 0, data), "0 membre dans Réseau"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, ok := data["Count"]; ok {
		t.Error("N modified the caller's map")
	}
	if got, want := b.Localizer(English).N("members", 5, map[string]any{"Name": "X", "Count": "five"}), "five members in X"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLocalizerConcurrentUse(t *testing.T) {
	// Localizers are shared by all requests and templates.
	b := testBundle(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			l := b.Localizer(Languages()[i%2])
			for n := range 200 {
				if l.N("count.results", n, nil) == "count.results" || l.T("field.too_long", map[string]any{"Max": n}) == "field.too_long" {
					t.Error("message not found")
					return
				}
			}
		})
	}
	wg.Wait()
}
