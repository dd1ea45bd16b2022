package i18n

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCataloguesHaveSameKeys walks every language folder and checks each
// message id exists in every language, with the same plural forms, so no
// page shows a bare id or silently falls back to French.
func TestCataloguesHaveSameKeys(t *testing.T) {
	sub, err := fs.Sub(localesFS, "locales")
	if err != nil {
		t.Fatal(err)
	}
	forms := make(map[string]map[string]string) // lang -> id -> plural forms present
	for _, lang := range Languages() {
		messages, err := loadLanguage(sub, lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		forms[lang] = make(map[string]string)
		for _, m := range messages {
			var present []string
			for name, v := range map[string]string{"one": m.One, "other": m.Other} {
				if v != "" {
					present = append(present, name)
				}
			}
			slices.Sort(present)
			forms[lang][m.ID] = strings.Join(present, ",")
		}
	}
	ref := forms[Default]
	if len(ref) == 0 {
		t.Fatal("no message in the default language")
	}
	for _, lang := range Languages() {
		for id, f := range forms[lang] {
			for _, other := range Languages() {
				g, ok := forms[other][id]
				if !ok {
					t.Errorf("%q is in %s but missing in %s", id, lang, other)
				} else if g != f {
					t.Errorf("%q has forms %q in %s but %q in %s", id, f, lang, g, other)
				}
			}
		}
	}
}

// TestEveryFolderIsALanguage catches a folder named "fr" or "en-US" whose
// files would never be loaded.
func TestEveryFolderIsALanguage(t *testing.T) {
	entries, err := localesFS.ReadDir("locales")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(Languages(), e.Name()) {
			t.Errorf("locales/%s is not a supported language", e.Name())
		}
		files, _ := fs.Glob(localesFS, path.Join("locales", e.Name(), "*"))
		for _, f := range files {
			if path.Ext(f) != ".toml" {
				t.Errorf("%s is not a .toml file and is ignored", f)
			}
		}
	}
}

func TestNewLoadsEmbeddedCatalogues(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Localizer("fr-CA").T("field.required"); got != "Ce champ est obligatoire." {
		t.Errorf("fr-CA field.required = %q", got)
	}
	if got := b.Localizer("en").T("field.required"); got != "This field is required." {
		t.Errorf("en field.required = %q", got)
	}
}

func TestNewLoadsEveryFileOfALanguage(t *testing.T) {
	fsys := fstest.MapFS{
		"fr-CA/common.toml":      {Data: []byte(`a = "A fr"`)},
		"fr-CA/communities.toml": {Data: []byte("[community]\ntitle = \"Communautés\"")},
		"en/common.toml":         {Data: []byte(`a = "A en"`)},
		"en/communities.toml":    {Data: []byte("[community]\ntitle = \"Communities\"")},
	}
	b, err := newFromFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Localizer(FrenchCA).T("community.title"); got != "Communautés" {
		t.Errorf("community.title = %q", got)
	}
	if got := b.Localizer(English).T("a"); got != "A en" {
		t.Errorf("a = %q", got)
	}
}

func TestNewFailsFast(t *testing.T) {
	good := []byte(`a = "A"`)
	cases := map[string]fstest.MapFS{
		"malformed TOML": {
			"fr-CA/common.toml": {Data: []byte(`a = "unterminated`)},
			"en/common.toml":    {Data: good},
		},
		"bad template": {
			"fr-CA/common.toml": {Data: []byte(`a = "{{.Max"`)},
			"en/common.toml":    {Data: good},
		},
		"duplicate across files": {
			"fr-CA/common.toml": {Data: good},
			"fr-CA/other.toml":  {Data: good},
			"en/common.toml":    {Data: good},
		},
		"missing language": {
			"fr-CA/common.toml": {Data: good},
		},
		"mixed message and table keys": {
			"fr-CA/common.toml": {Data: []byte("[a]\none = \"x\"\nb = { c = \"y\" }")},
			"en/common.toml":    {Data: good},
		},
	}
	for name, fsys := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := newFromFS(fsys); err == nil {
				t.Fatal("want an error, got none")
			}
		})
	}
}

func TestLocalizerForUncheckedInput(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"en": "en", "en-US": "en", "fr": "fr-CA", "fr-CA": "fr-CA", "": "fr-CA", "de": "fr-CA", "???": "fr-CA",
	} {
		if got := b.Localizer(in).Lang(); got != want {
			t.Errorf("Localizer(%q).Lang() = %q, want %q", in, got, want)
		}
	}
}
