// Package i18n translates the interface into Canadian French (the default)
// and English: message catalogues, CLDR plural rules, dates and numbers in
// the reader's conventions, and the choice of language for a request.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"text/template"
	"time"

	// Embedded so America/Toronto resolves on machines without a zoneinfo
	// database (distroless and scratch images).
	_ "time/tzdata"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Supported languages, as BCP 47 tags.
const (
	// FrenchCA is Canadian French, the default language of the site.
	FrenchCA = "fr-CA"
	// English is the second language of the site.
	English = "en"
	// Default is used when nothing in the request names a supported language.
	Default = FrenchCA
)

// TimeZone is the zone in which dates and times are shown to readers.
const TimeZone = "America/Toronto"

// localesFS holds one folder per language, each with one TOML file per
// product area, so areas can be translated without editing a shared file.
//
//go:embed locales
var localesFS embed.FS

// Languages lists the supported languages, default first.
func Languages() []string {
	return []string{FrenchCA, English}
}

// Bundle holds every message catalogue, parsed once at start-up. It is
// immutable after New and safe for concurrent use.
type Bundle struct {
	localizers map[string]*Localizer
}

// New parses the embedded catalogues. It fails on any malformed file or on
// a message defined twice in the same language, so a broken translation
// stops the program at start-up rather than showing up on a page.
func New() (*Bundle, error) {
	sub, err := fs.Sub(localesFS, "locales")
	if err != nil {
		return nil, fmt.Errorf("i18n: open embedded locales: %w", err)
	}
	return newFromFS(sub)
}

// newFromFS builds a bundle from fsys, which holds one folder per language.
func newFromFS(fsys fs.FS) (*Bundle, error) {
	tz, err := time.LoadLocation(TimeZone)
	if err != nil {
		return nil, fmt.Errorf("i18n: load time zone %s: %w", TimeZone, err)
	}
	bundle := goi18n.NewBundle(language.MustParse(Default))
	for _, lang := range Languages() {
		messages, err := loadLanguage(fsys, lang)
		if err != nil {
			return nil, err
		}
		if err := bundle.AddMessages(language.MustParse(lang), messages...); err != nil {
			return nil, fmt.Errorf("i18n: add %s messages: %w", lang, err)
		}
	}
	b := &Bundle{localizers: make(map[string]*Localizer, len(Languages()))}
	for _, lang := range Languages() {
		b.localizers[lang] = newLocalizer(bundle, lang, tz)
	}
	return b, nil
}

// loadLanguage parses every *.toml file in the folder named after lang.
func loadLanguage(fsys fs.FS, lang string) ([]*goi18n.Message, error) {
	files, err := fs.Glob(fsys, path.Join(lang, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("i18n: list %s catalogues: %w", lang, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("i18n: no catalogue found for %s", lang)
	}
	var all []*goi18n.Message
	seen := make(map[string]string)
	for _, name := range files {
		messages, err := parseFile(fsys, name)
		if err != nil {
			return nil, err
		}
		for _, m := range messages {
			// go-i18n would silently keep the last definition; a duplicate
			// across area files is almost always a copy-paste mistake.
			if first, dup := seen[m.ID]; dup {
				return nil, fmt.Errorf("i18n: message %q defined in both %s and %s", m.ID, first, name)
			}
			seen[m.ID] = name
		}
		all = append(all, messages...)
	}
	return all, nil
}

// parseFile reads one TOML catalogue.
func parseFile(fsys fs.FS, name string) ([]*goi18n.Message, error) {
	buf, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("i18n: read %s: %w", name, err)
	}
	messages, err := goi18n.ParseMessageBytes(buf, toml.Unmarshal)
	if err != nil {
		return nil, fmt.Errorf("i18n: parse %s: %w", name, err)
	}
	for _, m := range messages {
		if err := checkTemplates(m); err != nil {
			return nil, fmt.Errorf("i18n: %s: message %q: %w", name, m.ID, err)
		}
	}
	return messages, nil
}

// checkTemplates parses every plural form of m now, because go-i18n only
// parses templates when a message is first shown.
func checkTemplates(m *goi18n.Message) error {
	left, right := m.LeftDelim, m.RightDelim
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	for _, form := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if _, err := template.New(m.ID).Delims(left, right).Parse(form); err != nil {
			return fmt.Errorf("bad template: %w", err)
		}
	}
	return nil
}

// Localizer returns the localizer for lang. Anything other than a supported
// language gets the default one, so callers can pass unchecked input.
func (b *Bundle) Localizer(lang string) *Localizer {
	if l, ok := b.localizers[lang]; ok {
		return l
	}
	if l, ok := b.localizers[Negotiate(lang, "", "", "")]; ok {
		return l
	}
	return b.localizers[Default]
}
