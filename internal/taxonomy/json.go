package taxonomy

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// jsonFile is a taxonomy in JSON.
type jsonFile struct {
	Concepts []jsonConcept `json:"concepts"`
}

type jsonConcept struct {
	ID           string        `json:"id"`
	Label        string        `json:"label,omitempty"`
	LabelEn      string        `json:"label_en,omitempty"`
	Parent       string        `json:"parent,omitempty"`
	Synonyms     []jsonSynonym `json:"synonyms,omitempty"`
	Related      []string      `json:"related,omitempty"`
	Definition   string        `json:"definition,omitempty"`
	DefinitionEn string        `json:"definition_en,omitempty"`
}

type jsonSynonym struct {
	Label string `json:"label"`
	Lang  string `json:"lang,omitempty"`
}

// WriteJSON writes the scheme as {"concepts":[...]}, indented.
func WriteJSON(w io.Writer, s *Scheme) error {
	s.Sort()
	f := jsonFile{Concepts: make([]jsonConcept, len(s.Concepts))}
	for i, c := range s.Concepts {
		jc := jsonConcept{ID: c.ID, Label: c.Label, LabelEn: c.LabelEn, Parent: c.Broader, Related: c.Related,
			Definition: c.Definition, DefinitionEn: c.DefinitionEn}
		for _, a := range c.AltLabels {
			jc.Synonyms = append(jc.Synonyms, jsonSynonym{Label: a.Label, Lang: a.Lang})
		}
		f.Concepts[i] = jc
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// ReadJSON reads what WriteJSON writes; unknown fields are refused.
func ReadJSON(r io.Reader) (*Scheme, error) {
	src, err := readAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(src))
	dec.DisallowUnknownFields()
	var f jsonFile
	if err := dec.Decode(&f); err != nil {
		line := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + strings.Count(src[:min(int(se.Offset), len(src))], "\n")
		}
		return nil, errAt(line, ErrSyntax, "%v", err)
	}
	if len(f.Concepts) > MaxConcepts {
		return nil, errAt(0, ErrTooMany, "%d concepts", len(f.Concepts))
	}
	s := &Scheme{}
	for i, jc := range f.Concepts {
		c := Concept{ID: strings.TrimSpace(jc.ID), Label: strings.TrimSpace(jc.Label), LabelEn: strings.TrimSpace(jc.LabelEn),
			Broader: strings.TrimSpace(jc.Parent), Related: jc.Related, Definition: strings.TrimSpace(jc.Definition),
			DefinitionEn: strings.TrimSpace(jc.DefinitionEn), Line: i + 1}
		if c.ID == "" {
			c.ID = c.Label
		}
		for _, sy := range jc.Synonyms {
			lang, _ := langOf(strings.ToLower(sy.Lang))
			if sy.Lang == "" {
				lang = ""
			}
			c.AltLabels = append(c.AltLabels, AltLabel{Label: strings.TrimSpace(sy.Label), Lang: lang})
		}
		s.Concepts = append(s.Concepts, c)
	}
	return s, nil
}
