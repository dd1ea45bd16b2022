package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// render shows segments with matches in [brackets].
func render(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Match {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// queryTerms are the Results.Terms of a search for text in an index of
// the given texts.
func queryTerms(t *testing.T, text string, docs ...string) []string {
	t.Helper()
	ix := New()
	for i, d := range docs {
		ix.Upsert(note(string(rune('a'+i)), "", d))
	}
	return ix.Search(Query{Text: text, Audience: everyone}).Terms
}

func TestHighlightTitle(t *testing.T) {
	title := "Les Coopératives d’habitation et l'économie sociale"
	terms := queryTerms(t, "coopérative économie", title)
	if got := render(HighlightTitle(title, terms)); got != "Les [Coopératives] d’habitation et l'[économie] sociale" {
		t.Errorf("got %s", got)
	}
	title = "Bénévoles recherché·e·s pour le vélo-cargo"
	terms = queryTerms(t, "recherché vélo cargo", title)
	if got := render(HighlightTitle(title, terms)); got != "Bénévoles [recherché·e·s] pour le [vélo-cargo]" {
		t.Errorf("got %s", got)
	}
	if got := render(HighlightTitle(title, nil)); got != title {
		t.Errorf("no terms: %s", got)
	}
	english := "Housing cooperatives are growing"
	terms = queryTerms(t, "cooperative growing", english)
	if got := render(HighlightTitle(english, terms)); got != "Housing [cooperatives] are [growing]" {
		t.Errorf("English: %s", got)
	}
}

func TestSnippet(t *testing.T) {
	filler := strings.Repeat("Un texte sans rapport avec la question posée. ", 20)
	text := filler + "La mobilité durable passe par le vélo-cargo\net les coopératives.   " + filler
	terms := queryTerms(t, "mobilité coopérative", text)
	segs := Snippet(text, terms, 80)
	got := render(segs)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("no ellipses: %q", got)
	}
	if !strings.Contains(got, "[mobilité]") || !strings.Contains(got, "[coopératives]") {
		t.Errorf("matches not both in the window: %q", got)
	}
	if strings.Contains(got, "\n") || strings.Contains(got, "  ") {
		t.Errorf("white space not collapsed: %q", got)
	}
	if n := utf8.RuneCountInString(got) - strings.Count(got, "[")*2 - 2; n > 80 {
		t.Errorf("snippet of %d runes, want at most 80: %q", n, got)
	}
	// Words are not cut.
	inner := strings.Trim(got, "…")
	for _, w := range []string{strings.Fields(inner)[0], strings.Fields(inner)[len(strings.Fields(inner))-1]} {
		w = strings.Trim(w, "[].,")
		if !strings.Contains(text, " "+w+" ") && !strings.Contains(text, " "+w+".") && !strings.HasPrefix(text, w) {
			t.Errorf("cut word %q in %q", w, got)
		}
	}
}

func TestSnippetEdges(t *testing.T) {
	short := "Le vélo en ville."
	if got := render(Snippet(short, queryTerms(t, "vélo", short), 200)); got != "Le [vélo] en ville." {
		t.Errorf("short text: %q", got)
	}
	long := strings.Repeat("Aucun mot utile ici. ", 50)
	got := render(Snippet(long, []string{"velo"}, 40))
	if !strings.HasPrefix(got, "Aucun") || !strings.HasSuffix(got, "…") || strings.Contains(got, "[") {
		t.Errorf("no match: %q", got)
	}
	if got := Snippet("", []string{"velo"}, 10); len(got) != 0 {
		t.Errorf("empty text: %v", got)
	}
	// The best window is the one with most matches, not the first.
	text := "vélo " + strings.Repeat("rien ", 40) + "vélo cargo vélo"
	got = render(Snippet(text, queryTerms(t, "vélo cargo", text), 20))
	if !strings.Contains(got, "[vélo] [cargo] [vélo]") {
		t.Errorf("best window: %q", got)
	}
	for _, s := range []string{"\xff\xfe vélo", "é\u0301", strings.Repeat("é", 100)} {
		Snippet(s, []string{"velo"}, 5)
		HighlightTitle(s, []string{"velo"})
	}
}
