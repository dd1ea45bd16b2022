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
// are the same tag when their Key (case- and accent-folded) is equal.
//
// The model already carries what the curated taxonomy needs: an English
// label, a parent for hierarchy, synonyms (in their own table, keyed the
// same way) and MergedInto for tags folded into another.
type Tag struct {
	ID         string
	Slug       string
	Key        string
	Label      string
	LabelEn    string
	Kind       TagKind
	ParentID   string
	MergedInto string
	CreatedBy  string
	CreatedAt  time.Time

	// Uses counts what carries the tag, where a list needs it.
	Uses int
}

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
