package taxonomy

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func sample() *Scheme {
	return &Scheme{Concepts: []Concept{
		{ID: "https://m.test/tags/transition", Label: "Transition socio-écologique", LabelEn: "Socio-ecological transition",
			AltLabels:  []AltLabel{{"TSÉ", "fr"}, {"Green transition", "en"}, {"TSE", ""}},
			Definition: "Une « transition » \"juste\",\nsur deux lignes \\ avec | barre", DefinitionEn: "A just transition."},
		{ID: "https://m.test/tags/mobilite", Label: "Mobilité durable", LabelEn: "Sustainable mobility",
			Broader: "https://m.test/tags/transition", Related: []string{"https://m.test/tags/velo"}},
		{ID: "https://m.test/tags/velo", Label: "Vélo", Broader: "https://m.test/tags/mobilite",
			Related: []string{"https://m.test/tags/mobilite"}},
	}}
}

func TestTurtleRoundTrip(t *testing.T) {
	var a bytes.Buffer
	info := SchemeInfo{IRI: "https://m.test/taxonomy", Title: "Taxonomie", TitleEn: "Taxonomy"}
	if err := WriteTurtle(&a, sample(), info); err != nil {
		t.Fatal(err)
	}
	s, err := ReadTurtle(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, a.String())
	}
	if err := s.Check(nil); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteTurtle(&b, s, info); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("round trip differs:\n%s\n---\n%s", a.String(), b.String())
	}
	if !strings.Contains(a.String(), `skos:prefLabel "Mobilité durable"@fr , "Sustainable mobility"@en`) {
		t.Errorf("unexpected output:\n%s", a.String())
	}
}

func TestCSVAndJSONRoundTrip(t *testing.T) {
	for name, f := range map[string]struct {
		write func(*bytes.Buffer, *Scheme) error
		read  func(*bytes.Buffer) (*Scheme, error)
	}{
		"csv":  {func(b *bytes.Buffer, s *Scheme) error { return WriteCSV(b, s) }, func(b *bytes.Buffer) (*Scheme, error) { return ReadCSV(b) }},
		"json": {func(b *bytes.Buffer, s *Scheme) error { return WriteJSON(b, s) }, func(b *bytes.Buffer) (*Scheme, error) { return ReadJSON(b) }},
	} {
		var a, b bytes.Buffer
		if err := f.write(&a, sample()); err != nil {
			t.Fatal(err)
		}
		first := a.String()
		s, err := f.read(&a)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := f.write(&b, s); err != nil {
			t.Fatal(err)
		}
		if first != b.String() {
			t.Errorf("%s round trip differs:\n%s\n---\n%s", name, first, b.String())
		}
	}
}

func TestReadTurtleSubset(t *testing.T) {
	src := `# A vocabulary written by another tool
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
@base <http://voc.test/> .
@prefix ex: <http://voc.test/c/> .
<c/1> a skos:Concept ;
  skos:prefLabel 'Habitation'@fr-CA, """Housing"""@EN ;
  skos:altLabel "Logement" ;
  skos:notation 12 ;
  skos:narrower ex:2 ; .
ex:2 a skos:Concept ; skos:prefLabel "Coopératives d\u2019habitation" ; skos:hiddenLabel "coop d'hab"@fr .
ex:3 skos:prefLabel "Pas un concept" .
`
	s, err := ReadTurtle(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(nil); err != nil {
		t.Fatal(err)
	}
	if len(s.Concepts) != 2 {
		t.Fatalf("concepts %+v", s.Concepts)
	}
	c1, c2 := s.Concepts[0], s.Concepts[1]
	if c1.ID != "http://voc.test/c/1" || c1.Label != "Habitation" || c1.LabelEn != "Housing" || len(c1.AltLabels) != 1 || c1.AltLabels[0].Lang != "" {
		t.Errorf("first %+v", c1)
	}
	if c2.Broader != c1.ID || c2.Label != "Coopératives d’habitation" || c2.AltLabels[0] != (AltLabel{"coop d'hab", "fr"}) || c2.Line != 10 {
		t.Errorf("second %+v", c2)
	}
}

func TestMalformedFilesSayWhereAndWhat(t *testing.T) {
	for _, c := range []struct {
		name, format, src string
		code              string
		line              int
	}{
		{"unterminated string", "ttl", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:prefLabel \"oups .\n", ErrSyntax, 2},
		{"unknown prefix", "ttl", "<a> a skos:Concept .", ErrUnknownPrefix, 1},
		{"missing dot", "ttl", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> a skos:Concept\n<b> a skos:Concept .", ErrSyntax, 3},
		{"blank node", "ttl", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:related [ ] .", ErrUnsupported, 2},
		{"two parents", "ttl", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> a skos:Concept ; skos:prefLabel \"A\" ; skos:broader <b>, <c> .", ErrTwoParents, 2},
		{"bad escape", "ttl", "<a> <p> \"\\q\" .", ErrSyntax, 1},
		{"unknown column", "csv", "id,label_fr,couleur\na,A,bleu\n", ErrColumns, 1},
		{"no label column", "csv", "id,parent\na,\n", ErrColumns, 1},
		{"bad quotes", "csv", "id,label_fr\na,\"A\n", ErrSyntax, 0},
		{"unknown field", "json", `{"concepts":[{"id":"a","label":"A","colour":"blue"}]}`, ErrSyntax, 0},
		{"not json", "json", "{\n\"concepts\": [,]}", ErrSyntax, 2},
	} {
		var err error
		switch c.format {
		case "ttl":
			_, err = ReadTurtle(strings.NewReader(c.src))
		case "csv":
			_, err = ReadCSV(strings.NewReader(c.src))
		case "json":
			_, err = ReadJSON(strings.NewReader(c.src))
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code || (c.line > 0 && e.Line != c.line) {
			t.Errorf("%s: got %v, want %s at line %d", c.name, err, c.code, c.line)
		}
	}
	// Checks on a well-formed file.
	for _, c := range []struct {
		name string
		s    Scheme
		code string
	}{
		{"empty", Scheme{}, ErrEmpty},
		{"no label", Scheme{Concepts: []Concept{{ID: "a"}}}, ErrMissingLabel},
		{"duplicate", Scheme{Concepts: []Concept{{ID: "a", Label: "A"}, {ID: "a", Label: "B"}}}, ErrDuplicate},
		{"unknown parent", Scheme{Concepts: []Concept{{ID: "a", Label: "A", Broader: "z"}}}, ErrUnknownRef},
		{"cycle", Scheme{Concepts: []Concept{{ID: "a", Label: "A", Broader: "b"}, {ID: "b", Label: "B", Broader: "a"}}}, ErrCycle},
	} {
		var e *Error
		if err := c.s.Check(nil); !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.name, err, c.code)
		}
	}
}

func TestStarterTaxonomy(t *testing.T) {
	s, err := Starter()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Concepts); n < 140 || n > 200 {
		t.Errorf("%d concepts in the starter taxonomy", n)
	}
	roots := 0
	for _, c := range s.Ordered() {
		if c.Label == "" || c.LabelEn == "" {
			t.Errorf("%s lacks a label", c.ID)
		}
		if c.Broader == "" {
			roots++
		}
	}
	if roots != 4 {
		t.Errorf("%d top concepts, want the 4 facets", roots)
	}
}

// FuzzReadTurtle: any input gives concepts or an Error, never a panic.
func FuzzReadTurtle(f *testing.F) {
	var b bytes.Buffer
	_ = WriteTurtle(&b, sample(), SchemeInfo{IRI: "https://m.test/taxonomy"})
	f.Add(b.String())
	f.Add("@prefix : <x> . :a a :b ; :c 'd'@fr , 1.5 .")
	f.Fuzz(func(t *testing.T, src string) {
		s, err := ReadTurtle(strings.NewReader(src))
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("not a taxonomy error: %v", err)
		}
		if err == nil {
			_ = s.Check(nil)
		}
	})
}
