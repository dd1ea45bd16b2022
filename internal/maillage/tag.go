package maillage

import (
	"strings"
	"time"
)

// MaxTagLen is the longest tag label, in characters.
const MaxTagLen = 60

// TagKind separates the curated taxonomy from free tags.
type TagKind string

// Tag kinds.
const (
	TagFree    TagKind = "free"
	TagCurated TagKind = "curated"
)

// Tag is a label people put on profiles (as interests), organisations,
// communities and notes. Labels keep their accents and case; two labels
// are the same tag when their Key (case-, accent- and punctuation-folded)
// is equal.
//
// Curated tags form the taxonomy: a French and an English label, a
// definition (optionally a lexicon-term note), a parent (several levels),
// related tags and synonyms (in their own table, keyed the same way, in
// either language). A tag merged into another keeps its row, with
// MergedInto set, so its old slug redirects.
type Tag struct {
	ID           string
	Slug         string
	Key          string
	Label        string
	LabelEn      string
	Kind         TagKind
	ParentID     string
	MergedInto   string
	Definition   string
	DefinitionEn string
	// TermNoteID names a lexicon-term note defining the tag, if any.
	TermNoteID string
	// Deprecated tags are hidden from suggestions; their uses stay.
	Deprecated bool
	// ReviewedAt takes a free tag out of the curators' review queue.
	ReviewedAt *time.Time
	CreatedBy  string
	CreatedAt  time.Time

	// Uses counts what carries the tag, where a list needs it.
	Uses int
}

// Curated reports whether the tag belongs to the curated taxonomy.
func (t Tag) Curated() bool { return t.Kind == TagCurated }

// DisplayLabel returns the label in lang, falling back to the main label.
func (t Tag) DisplayLabel(lang string) string {
	if lang == "en" && t.LabelEn != "" {
		return t.LabelEn
	}
	return t.Label
}

// CleanTagLabel cleans a label as a single line (CleanLine) and collapses
// inner white space, keeping accents and case as typed.
func CleanTagLabel(s string) string {
	return strings.Join(strings.Fields(CleanLine(s)), " ")
}

func validateTags(v *Validator, field string, tags []string) {
	if len(tags) > MaxTagsPerItem {
		v.Add(field, "field.too_many", map[string]any{"Max": MaxTagsPerItem})
		return
	}
	for _, t := range tags {
		v.MaxLen(field, CleanTagLabel(t), MaxTagLen)
	}
}
