// Package taxonomy reads and writes vocabularies of concepts in the
// formats Maillage exchanges its curated taxonomy in: SKOS as RDF Turtle
// (the subset of it Maillage writes, read strictly), CSV and JSON. It
// knows nothing of the database: the service maps concepts to tags.
// The starter taxonomy for Québec's social and solidarity economy ships
// here as a CSV file.
package taxonomy

import (
	"fmt"
	"slices"
	"strings"
)

// MaxConcepts bounds the concepts one file may hold.
const MaxConcepts = 20000

// Concept is one entry of a vocabulary (a skos:Concept).
type Concept struct {
	// ID names the concept within the file: its IRI in Turtle, its slug
	// in CSV and JSON. Broader and Related refer to other IDs.
	ID string
	// Label and LabelEn are the preferred labels in French and English.
	Label   string
	LabelEn string
	// AltLabels are synonyms (skos:altLabel).
	AltLabels    []AltLabel
	Broader      string
	Related      []string
	Definition   string
	DefinitionEn string
	// Line is where the concept starts in the file read (0 when built).
	Line int
}

// AltLabel is a synonym with its language: "fr", "en" or "".
type AltLabel struct {
	Label string
	Lang  string
}

// Scheme is a whole vocabulary.
type Scheme struct {
	Concepts []Concept
}

// Error is a problem in a file: a code naming the kind of problem (for
// translated messages), the line (0 when not known), and the text at
// fault.
type Error struct {
	Code   string
	Line   int
	Detail string
}

// Error codes.
const (
	ErrSyntax        = "syntax"            // the format's grammar is broken
	ErrUnsupported   = "unsupported"       // valid Turtle outside the subset read
	ErrUnknownPrefix = "unknown_prefix"    // a prefixed name with no @prefix
	ErrMissingLabel  = "missing_label"     // a concept without a preferred label
	ErrDuplicate     = "duplicate_concept" // two concepts with one ID
	ErrUnknownRef    = "unknown_reference" // broader or related names no concept
	ErrCycle         = "cycle"             // a concept is its own ancestor
	ErrTooMany       = "too_many"          // more than MaxConcepts
	ErrColumns       = "columns"           // a CSV header is missing or unknown
	ErrEmpty         = "empty"             // no concept at all
	ErrTwoParents    = "two_parents"       // more than one broader concept
)

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s: %s", e.Line, e.Code, e.Detail)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Detail)
}

func errAt(line int, code, format string, args ...any) *Error {
	return &Error{Code: code, Line: line, Detail: fmt.Sprintf(format, args...)}
}

// Check verifies a scheme: at least one concept, unique IDs, a preferred
// label on each, references to concepts of the file (or accepted by
// external, which may be nil), and no cycle among broader concepts.
func (s *Scheme) Check(external func(id string) bool) error {
	if len(s.Concepts) == 0 {
		return errAt(0, ErrEmpty, "no concept")
	}
	if len(s.Concepts) > MaxConcepts {
		return errAt(0, ErrTooMany, "%d concepts", len(s.Concepts))
	}
	byID := map[string]*Concept{}
	for i := range s.Concepts {
		c := &s.Concepts[i]
		if strings.TrimSpace(c.Label) == "" && strings.TrimSpace(c.LabelEn) == "" {
			return errAt(c.Line, ErrMissingLabel, "%s", c.ID)
		}
		if _, dup := byID[c.ID]; dup || c.ID == "" {
			return errAt(c.Line, ErrDuplicate, "%s", c.ID)
		}
		byID[c.ID] = c
	}
	known := func(id string) bool {
		_, ok := byID[id]
		return ok || (external != nil && external(id))
	}
	for _, c := range s.Concepts {
		if c.Broader != "" && !known(c.Broader) {
			return errAt(c.Line, ErrUnknownRef, "%s", c.Broader)
		}
		for _, r := range c.Related {
			if !known(r) {
				return errAt(c.Line, ErrUnknownRef, "%s", r)
			}
		}
	}
	for _, c := range s.Concepts {
		seen := map[string]bool{c.ID: true}
		for p := byID[c.Broader]; p != nil; p = byID[p.Broader] {
			if seen[p.ID] {
				return errAt(c.Line, ErrCycle, "%s", c.ID)
			}
			seen[p.ID] = true
		}
	}
	return nil
}

// Sort puts the scheme in the order writers use: concepts by ID, their
// synonyms by language then label, related IDs sorted; so the same
// taxonomy always writes the same bytes.
func (s *Scheme) Sort() {
	slices.SortFunc(s.Concepts, func(a, b Concept) int { return strings.Compare(a.ID, b.ID) })
	for i := range s.Concepts {
		c := &s.Concepts[i]
		slices.SortFunc(c.AltLabels, func(a, b AltLabel) int {
			if a.Lang != b.Lang {
				return strings.Compare(a.Lang, b.Lang)
			}
			return strings.Compare(a.Label, b.Label)
		})
		slices.Sort(c.Related)
	}
}

// Ordered returns the concepts parents first, so an importer meets a
// concept's broader concept before the concept itself.
func (s *Scheme) Ordered() []Concept {
	byID := map[string]int{}
	for i, c := range s.Concepts {
		byID[c.ID] = i
	}
	done := make([]bool, len(s.Concepts))
	var out []Concept
	var visit func(i, depth int)
	visit = func(i, depth int) {
		if done[i] || depth > len(s.Concepts) {
			return
		}
		if p, ok := byID[s.Concepts[i].Broader]; ok {
			visit(p, depth+1)
		}
		if !done[i] {
			done[i] = true
			out = append(out, s.Concepts[i])
		}
	}
	for i := range s.Concepts {
		visit(i, 0)
	}
	return out
}
