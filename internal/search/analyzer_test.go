package search

import (
	"slices"
	"strings"
	"testing"
)

// terms returns the terms of text in lang, in order.
func terms(a *Analyzer, text string, lang Language) []string {
	var out []string
	for _, t := range a.Analyze(text, lang) {
		out = append(out, t.Term)
	}
	return out
}

// stemOf is the French stem of one word, as a query would see it.
func stemOf(t *testing.T, a *Analyzer, word string) string {
	t.Helper()
	got := terms(a, word, French)
	if len(got) != 1 {
		t.Fatalf("Analyze(%q) = %q, want one term", word, got)
	}
	return got[0]
}

func TestAnalyzerFoldsAccentsAndCase(t *testing.T) {
	a := NewAnalyzer()
	for _, pair := range [][2]string{
		{"Économie", "economie"},
		{"ÉCONOMIE", "économie"},
		{"Mobilité", "mobilite"},
		{"Cœur", "coeur"},
		{"e\u0301conomie", "économie"}, // decomposed accent
	} {
		if a, b := stemOf(t, a, pair[0]), stemOf(t, a, pair[1]); a != b {
			t.Errorf("%q -> %q but %q -> %q", pair[0], a, pair[1], b)
		}
	}
	if got := stemOf(t, a, "Cœur"); !strings.HasPrefix(got, "coeur") {
		t.Errorf("œ is not expanded: %q", got)
	}
}

func TestAnalyzerElisions(t *testing.T) {
	a := NewAnalyzer()
	eco := stemOf(t, a, "économie")
	for _, in := range []string{"l'économie", "l’économie", "d'économie", "qu'économie", "lorsqu'économie", "jusqu’économie", "L'ÉCONOMIE"} {
		got := terms(a, in, French)
		if !slices.Equal(got, []string{eco}) {
			t.Errorf("Analyze(%q) = %q, want [%q]", in, got, eco)
		}
	}
	// The elided article takes no position, the word keeps its offsets.
	toks := a.Analyze("l'économie sociale", French)
	if toks[0].Pos != 0 || toks[1].Pos != 1 {
		t.Errorf("positions = %d, %d, want 0, 1", toks[0].Pos, toks[1].Pos)
	}
	if got := "l'économie sociale"[toks[0].Start:toks[0].End]; got != "économie" {
		t.Errorf("offsets cover %q", got)
	}
	// A non-elided apostrophe separates two words.
	if got := terms(a, "aujourd'hui", French); len(got) != 2 {
		t.Errorf("aujourd'hui = %q", got)
	}
}

func TestAnalyzerInclusiveForms(t *testing.T) {
	a := NewAnalyzer()
	for in, base := range map[string]string{
		"bénévole·s":     "bénévole",
		"aîné·es":        "aîné",
		"étudiant.e.s":   "étudiant",
		"étudiant·e·s":   "étudiant",
		"étudiant-e-s":   "étudiant",
		"citoyen·ne·s":   "citoyen",
		"citoyen.ne.s":   "citoyen",
		"employé(e)s":    "employé",
		"employé(e)":     "employé",
		"acteur·rice·s":  "acteur",
		"chercheur·euse": "chercheur",
		"premier·ère·s":  "premier",
	} {
		want := stemOf(t, a, base)
		got := terms(a, in, French)
		if !slices.Equal(got, []string{want}) {
			t.Errorf("Analyze(%q) = %q, want [%q]", in, got, want)
		}
		toks := a.Analyze(in, French)
		if len(toks) == 1 && (toks[0].Start != 0 || toks[0].End != len(in)) {
			t.Errorf("%q: offsets %d..%d do not cover the whole form", in, toks[0].Start, toks[0].End)
		}
	}
	// The plural and feminine forms share the base's stem too.
	for _, pair := range [][2]string{{"employées", "employé"}, {"aînées", "aîné"}, {"étudiantes", "étudiant"}, {"citoyennes", "citoyen"}} {
		if x, y := stemOf(t, a, pair[0]), stemOf(t, a, pair[1]); x != y {
			t.Errorf("%q -> %q, %q -> %q", pair[0], x, pair[1], y)
		}
	}
}

func TestAnalyzerDotsThatAreNotInclusive(t *testing.T) {
	a := NewAnalyzer()
	for in, want := range map[string]int{
		"maillage.org":            2, // a domain
		"entreprise.Les autres":   2, // a missing space: "les" is a stop word, "autres" stays
		"fin de phrase. Ensuite":  3,
		"la version 2.5":          3,
		"(e)":                     1,
		"bénévole·s·x·y·z·w·v·u·": 1,
	} {
		if got := terms(a, in, French); len(got) != want {
			t.Errorf("Analyze(%q) = %q, want %d terms", in, got, want)
		}
	}
}

func TestAnalyzerHyphens(t *testing.T) {
	a := NewAnalyzer()
	got := terms(a, "vélo-cargo", French)
	want := []string{stemOf(t, a, "vélo"), stemOf(t, a, "cargo"), stemOf(t, a, "vélocargo")}
	if !slices.Equal(got, want) {
		t.Errorf("vélo-cargo = %q, want %q", got, want)
	}
	toks := a.Analyze("transition socio-écologique", French)
	if len(toks) != 4 {
		t.Fatalf("got %v", toks)
	}
	if toks[1].Pos != 1 || toks[2].Pos != 2 || toks[3].Pos != 1 {
		t.Errorf("positions: parts 1, 2 and joined 1 expected, got %v", toks)
	}
	if toks[3].Term != stemOf(t, a, "socioécologique") {
		t.Errorf("joined form = %q", toks[3].Term)
	}
	// Numbers are kept; a numeric range has no joined form.
	if got := terms(a, "2024-2025", French); !slices.Equal(got, []string{"2024", "2025"}) {
		t.Errorf("2024-2025 = %q", got)
	}
}

func TestAnalyzerStems(t *testing.T) {
	a := NewAnalyzer()
	groups := [][]string{
		{"coopérative", "coopératives", "coopératif", "coopératifs", "cooperative"},
		{"communauté", "communautés", "communautes"},
		{"mobilité", "mobilités", "mobilite"},
		{"économie", "économies", "economie"},
		{"logement", "logements"},
		{"social", "sociale", "sociaux"},
	}
	for _, g := range groups {
		want := stemOf(t, a, g[0])
		for _, w := range g[1:] {
			if got := stemOf(t, a, w); got != want {
				t.Errorf("%q -> %q, but %q -> %q", w, got, g[0], want)
			}
		}
	}
}

func TestAnalyzerStopWordsKeepPositions(t *testing.T) {
	a := NewAnalyzer()
	toks := a.Analyze("L'économie de la connaissance", French)
	if len(toks) != 2 || toks[0].Pos != 0 || toks[1].Pos != 3 {
		t.Fatalf("got %+v, want economie@0 and connaissance@3", toks)
	}
	if got := terms(a, "le la les de des et ou the of and", French); len(got) != 0 {
		t.Errorf("stop words indexed: %q", got)
	}
	if got := terms(a, "2024 et 42", French); !slices.Equal(got, []string{"2024", "42"}) {
		t.Errorf("numbers = %q", got)
	}
}

func TestAnalyzerEnglish(t *testing.T) {
	a := NewAnalyzer()
	text := "The housing cooperatives of the city are running community programs for their members."
	if got := a.DetectLanguage(text); got != English {
		t.Fatalf("DetectLanguage(English text) = %d", got)
	}
	if got := a.DetectLanguage("Les coopératives d'habitation de la ville offrent des programmes à leurs membres."); got != French {
		t.Fatalf("DetectLanguage(French text) = %d", got)
	}
	if got := a.DetectLanguage("Vélo"); got != French {
		t.Errorf("a text with no clue should be French")
	}
	got := terms(a, text, English)
	for _, w := range []string{"hous", "cooper", "run", "communiti", "program", "member"} {
		if !slices.Contains(got, w) {
			t.Errorf("English terms %q lack %q", got, w)
		}
	}
	// A query word is stemmed both ways: "running" finds English "run".
	if st := a.stems([]byte("running")); !slices.Contains(st, "run") || !slices.Contains(st, "running") {
		t.Errorf("stems(running) = %q", st)
	}
}

func TestAnalyzerCacheBounded(t *testing.T) {
	a := NewAnalyzer()
	a.Analyze("économie sociale économie", French)
	a.mu.RLock()
	n := len(a.cache)
	a.mu.RUnlock()
	if n != 2 {
		t.Errorf("cache holds %d words, want 2", n)
	}
}

func TestAnalyzerHostileText(t *testing.T) {
	a := NewAnalyzer()
	for _, in := range []string{"", "\x00\x00", "\xff\xfe'", "'''", "l'", "-", "·", "()", "a(", "é(e", "x·", "--a--",
		strings.Repeat("é", 10000), strings.Repeat("a-", 5000), "😀🎉", "日本語のテキスト"} {
		for _, tok := range a.Analyze(in, French) {
			if tok.Start < 0 || tok.End > len(in) || tok.Start > tok.End || len(tok.Term) > 4*maxWordBytes {
				t.Errorf("Analyze(%q): bad token %+v", in, tok)
			}
		}
	}
}

// FuzzAnalyze: any text gives tokens inside the text, with non-empty
// terms and positions that never go back (but for a compound's joined
// form, which takes its first part's position).
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"l'économie sociale", "bénévole·s", "employé(e)s", "étudiant.e.s", "vélo-cargo", "a-b-c-d-e-f-g-h-i-j",
		"\xff'", "é\u0301", "x·", "(e)", "2024-2025", "aujourd’hui"} {
		f.Add(s)
	}
	a := NewAnalyzer()
	f.Fuzz(func(t *testing.T, text string) {
		last := -1
		for _, tok := range a.Analyze(text, French) {
			if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End || tok.Term == "" {
				t.Fatalf("bad token %+v", tok)
			}
			if tok.Pos < last-maxCompoundParts {
				t.Fatalf("position went back: %+v after %d", tok, last)
			}
			last = max(last, tok.Pos)
		}
	})
}
