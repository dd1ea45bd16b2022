package i18n

import (
	"maps"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Localizer renders messages, dates and numbers in one language. It is
// immutable and safe for concurrent use, so templates may share it.
type Localizer struct {
	lang    string
	loc     *goi18n.Localizer
	printer *message.Printer
	tz      *time.Location
}

func newLocalizer(bundle *goi18n.Bundle, lang string, tz *time.Location) *Localizer {
	return &Localizer{
		lang:    lang,
		loc:     goi18n.NewLocalizer(bundle, lang),
		printer: message.NewPrinter(language.MustParse(lang)),
		tz:      tz,
	}
}

// Lang returns the language tag, "fr-CA" or "en", for the lang attribute of
// pages and for storing a preference.
func (l *Localizer) Lang() string { return l.lang }

// T translates the message id, filling its template with the first data map
// if one is given. A missing message yields the id itself: visible on the
// page so it gets noticed, but never a crash. A message missing only in
// English falls back to the French text.
func (l *Localizer) T(id string, data ...map[string]any) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	return l.localize(cfg)
}

// N translates the message id in the plural form that count calls for in
// this language, following CLDR: French treats 0 and 1 as singular, English
// only 1. The template receives data plus Count, the count formatted for
// this language ("1 234"), unless data already sets Count.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	td := make(map[string]any, len(data)+1)
	td["Count"] = l.Number(count)
	maps.Copy(td, data)
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: td})
}

func (l *Localizer) localize(cfg *goi18n.LocalizeConfig) string {
	// go-i18n returns its best effort alongside the error (the French text
	// for a key missing in English, the "other" form for a missing plural
	// form), which beats showing the id.
	s, err := l.loc.Localize(cfg)
	if err != nil && s == "" {
		return cfg.MessageID
	}
	return s
}
