package taxonomy

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// csvColumns are the columns of a taxonomy in CSV, in the order written.
// Lists (synonyms, related) separate their items with "|"; a "|" or "\"
// inside an item is escaped with "\".
func csvColumns() []string {
	return []string{"id", "label_fr", "label_en", "parent", "synonyms_fr", "synonyms_en", "synonyms", "related",
		"definition_fr", "definition_en"}
}

// WriteCSV writes the scheme as CSV with a header row.
func WriteCSV(w io.Writer, s *Scheme) error {
	s.Sort()
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns()); err != nil {
		return err
	}
	for _, c := range s.Concepts {
		var fr, en, none []string
		for _, a := range c.AltLabels {
			switch a.Lang {
			case "fr":
				fr = append(fr, a.Label)
			case "en":
				en = append(en, a.Label)
			default:
				none = append(none, a.Label)
			}
		}
		if err := cw.Write([]string{c.ID, c.Label, c.LabelEn, c.Broader, joinList(fr), joinList(en), joinList(none),
			joinList(c.Related), c.Definition, c.DefinitionEn}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func joinList(items []string) string {
	escape := strings.NewReplacer(`\`, `\\`, `|`, `\|`)
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = escape.Replace(it)
	}
	return strings.Join(out, "|")
}

// splitList undoes joinList.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case s[i] == '|':
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	out = append(out, strings.TrimSpace(b.String()))
	var kept []string
	for _, it := range out {
		if it != "" {
			kept = append(kept, it)
		}
	}
	return kept
}

// ReadCSV reads a taxonomy in CSV: a header row naming columns of
// csvColumns in any order (id and label_fr or label_en required, others
// optional, unknown ones refused), then one concept per row. When id is
// empty, the French label stands for it.
func ReadCSV(r io.Reader) (*Scheme, error) {
	src, err := readAll(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(src))
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errAt(0, ErrEmpty, "no header")
	}
	if err != nil {
		return nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !contains(csvColumns(), h) {
			return nil, errAt(1, ErrColumns, "%s", h)
		}
		if _, dup := col[h]; dup {
			return nil, errAt(1, ErrColumns, "%s", h)
		}
		col[h] = i
	}
	if _, ok := col["label_fr"]; !ok {
		if _, ok := col["label_en"]; !ok {
			return nil, errAt(1, ErrColumns, "label_fr")
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	s := &Scheme{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(s.Concepts) >= MaxConcepts {
			return nil, errAt(line, ErrTooMany, "%d concepts", MaxConcepts)
		}
		c := Concept{ID: get(rec, "id"), Label: get(rec, "label_fr"), LabelEn: get(rec, "label_en"), Broader: get(rec, "parent"),
			Related: splitList(get(rec, "related")), Definition: get(rec, "definition_fr"), DefinitionEn: get(rec, "definition_en"),
			Line: line}
		if c.ID == "" {
			c.ID = c.Label
		}
		for _, l := range []struct{ col, lang string }{{"synonyms_fr", "fr"}, {"synonyms_en", "en"}, {"synonyms", ""}} {
			for _, a := range splitList(get(rec, l.col)) {
				c.AltLabels = append(c.AltLabels, AltLabel{Label: a, Lang: l.lang})
			}
		}
		s.Concepts = append(s.Concepts, c)
	}
	return s, nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errAt(pe.Line, ErrSyntax, "%v", pe.Err)
	}
	return errAt(0, ErrSyntax, "%v", err)
}
