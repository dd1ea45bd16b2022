package taxonomy

import (
	"bufio"
	"io"
	"strings"
)

// SKOS and Dublin Core namespaces.
const (
	nsSKOS = "http://www.w3.org/2004/02/skos/core#"
	nsDCT  = "http://purl.org/dc/terms/"
	nsRDF  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// SchemeInfo names the concept scheme a Turtle file describes.
type SchemeInfo struct {
	IRI     string
	Title   string // in French
	TitleEn string
}

// WriteTurtle writes the scheme as SKOS in RDF Turtle. Concept IDs must
// be IRIs. The output is sorted (see Sort), so the same taxonomy always
// gives the same file.
func WriteTurtle(w io.Writer, s *Scheme, info SchemeInfo) error {
	s.Sort()
	b := bufio.NewWriter(w)
	b.WriteString("@prefix skos: <" + nsSKOS + "> .\n@prefix dct: <" + nsDCT + "> .\n\n")
	scheme := iriRef(info.IRI)
	b.WriteString(scheme + " a skos:ConceptScheme")
	if titles := langLiterals(info.Title, info.TitleEn); titles != "" {
		b.WriteString(" ;\n    dct:title " + titles)
	}
	b.WriteString(" .\n")
	for _, c := range s.Concepts {
		b.WriteString("\n" + iriRef(c.ID) + " a skos:Concept ;\n    skos:inScheme " + scheme)
		if c.Broader == "" {
			b.WriteString(" ;\n    skos:topConceptOf " + scheme)
		}
		if l := langLiterals(c.Label, c.LabelEn); l != "" {
			b.WriteString(" ;\n    skos:prefLabel " + l)
		}
		if len(c.AltLabels) > 0 {
			parts := make([]string, len(c.AltLabels))
			for i, a := range c.AltLabels {
				parts[i] = literal(a.Label, a.Lang)
			}
			b.WriteString(" ;\n    skos:altLabel " + strings.Join(parts, " , "))
		}
		if c.Broader != "" {
			b.WriteString(" ;\n    skos:broader " + iriRef(c.Broader))
		}
		if len(c.Related) > 0 {
			parts := make([]string, len(c.Related))
			for i, r := range c.Related {
				parts[i] = iriRef(r)
			}
			b.WriteString(" ;\n    skos:related " + strings.Join(parts, " , "))
		}
		if d := langLiterals(c.Definition, c.DefinitionEn); d != "" {
			b.WriteString(" ;\n    skos:definition " + d)
		}
		b.WriteString(" .\n")
	}
	return b.Flush()
}

// langLiterals writes a French and an English literal, those not empty.
func langLiterals(fr, en string) string {
	var parts []string
	if fr != "" {
		parts = append(parts, literal(fr, "fr"))
	}
	if en != "" {
		parts = append(parts, literal(en, "en"))
	}
	return strings.Join(parts, " , ")
}

// literal writes a quoted string with its language tag.
func literal(s, lang string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	if lang != "" {
		b.WriteString("@" + lang)
	}
	return b.String()
}

// iriRef writes <iri>, percent-encoding what an IRI may not hold.
func iriRef(iri string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range iri {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			for _, c := range []byte(string(r)) {
				b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
			}
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('>')
	return b.String()
}
