package search

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders a parsed query compactly: words, "phrases", -excluded,
// prefix*, ?optional.
func show(p parsedQuery) string {
	if p.blank {
		return "<blank>"
	}
	var parts []string
	for _, c := range p.clauses {
		var ws []string
		for _, w := range c.words {
			s := w.word
			if c.phrase && w.off > 0 {
				s = fmt.Sprintf("%s@%d", s, w.off)
			}
			if w.prefix {
				s += "*"
			}
			if w.optional {
				s = "?" + s
			}
			ws = append(ws, s)
		}
		s := strings.Join(ws, " ")
		if c.phrase {
			s = `"` + s + `"`
		}
		if c.exclude {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestParseQuery(t *testing.T) {
	a := NewAnalyzer()
	for _, tc := range []struct {
		in     string
		typing bool
		want   string
	}{
		{"économie sociale", false, "economie sociale"},
		{"  Économie   SOCIALE ", false, "economie sociale"},
		{"l'économie", false, "economie"},
		{`"économie sociale" Québec`, false, `"economie sociale@1" quebec`},
		{`"économie de la connaissance"`, false, `"economie connaissance@3"`},
		{`"économie sociale`, false, `"economie sociale@1"`},
		{`"économie"`, false, "economie"},
		{`""`, false, ""},
		{`"`, false, ""},
		{"coop*", false, "coop*"},
		{"coop**", false, "coop*"},
		{"*", false, ""},
		{"vélo -auto", false, "velo -auto"},
		{`vélo -"auto solo"`, false, `velo -"auto solo@1"`},
		{"vélo-cargo", false, `"velo cargo@1"`},
		{"vélo - auto", false, "velo auto"},
		{"C++ && (Go || Rust)", false, "go rust"},
		{"le la les", false, ""},
		{"!!!", false, ""},
		{"😀 vélo 🎉", false, "velo"},
		{"vélo\x00auto", false, "velo auto"},
		{"", false, "<blank>"},
		{" \t\n", false, "<blank>"},
		{"coop", true, "coop*"},
		{"coop ", true, "coop"},
		{"économie soc", true, "economie soc*"},
		{"communauté d", true, "communaute ?d*"},
		{`"économie soc`, true, "economie soc*"},
		{`"économie sociale" `, true, `"economie sociale@1"`},
		{`"économie sociale"`, true, `"economie sociale@1"`},
		{"vélo-car", true, "velo car*"},
		{"bénévole·s étudiant.e.s", false, "benevole etudiant"},
		{"vélo vélo", false, "velo"},
	} {
		if got := show(parseQuery(a, tc.in, tc.typing)); got != tc.want {
			t.Errorf("parse(%q, typing %v) = %s, want %s", tc.in, tc.typing, got, tc.want)
		}
	}
}

func TestParseQueryLimits(t *testing.T) {
	a := NewAnalyzer()
	long := strings.Repeat("mobilité ", 2000) // 18,000 characters
	p := parseQuery(a, long, false)
	if p.wordCount() > maxQueryWords {
		t.Errorf("%d words", p.wordCount())
	}
	var many []string
	for i := range 100 {
		many = append(many, fmt.Sprintf("mot%d", i))
	}
	p = parseQuery(a, strings.Join(many, " "), true)
	if n := p.wordCount(); n != maxQueryWords {
		t.Errorf("%d words, want %d", n, maxQueryWords)
	}
	if strings.Contains(show(p), "*") {
		t.Errorf("a word cut by the limit is not being typed: %s", show(p))
	}
	// Text beyond the rune limit is ignored.
	p = parseQuery(a, strings.Repeat("é ", maxQueryRunes/2)+" vélo", false)
	if strings.Contains(show(p), "velo") {
		t.Errorf("text past the limit parsed: %s", show(p))
	}
	p = parseQuery(a, `"`+strings.Repeat("vélo ", 100)+`"`, false)
	if p.wordCount() > maxQueryWords {
		t.Errorf("phrase of %d words", p.wordCount())
	}
}

// FuzzParse: any text parses without panic into a bounded query, and
// searching it never panics or returns what the viewer may not see.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`"économie sociale`, "coop* -vélo", "l'économie", "C++", "\x00", `-"`, "a-b-c-d",
		"bénévole·s", "employé(e)s", "««»»", "*-*", strings.Repeat("a", 600), "\xff\xfe", "日本語", "é\u0301"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	ix := New()
	ix.Upsert(
		note("1", "Économie sociale", "Les coopératives d'habitation et le vélo-cargo."),
		Document{Kind: KindNote, ID: "secret", Title: "Économie sociale secrète", Audiences: [][]string{{"owner:x"}}},
	)
	f.Fuzz(func(t *testing.T, text string, typing bool) {
		p := parseQuery(ix.an, text, typing)
		if p.wordCount() > maxQueryWords {
			t.Fatalf("%d words", p.wordCount())
		}
		for _, c := range p.clauses {
			if len(c.words) == 0 {
				t.Fatal("empty clause")
			}
			for _, w := range c.words {
				if w.word == "" || !utf8.ValidString(w.word) {
					t.Fatalf("bad word %q", w.word)
				}
			}
		}
		r := ix.Search(Query{Text: text, AsYouType: typing, Audience: everyone, Facets: true})
		for _, h := range r.Hits {
			if h.ID == "secret" {
				t.Fatal("a hidden document was returned")
			}
		}
		if r.Total > 1 || len(r.Hits) > r.Total {
			t.Fatalf("total %d, %d hits", r.Total, len(r.Hits))
		}
	})
}
