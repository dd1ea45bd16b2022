package markup

import (
	"os"
	"strings"
	"testing"
)

// readNote returns a realistic French note of about 3 kB: headings, a
// table, lists, a quote, wiki links, a mention and links.
func readNote(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/note_fr.md")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func noteResolver() Resolver {
	return MapResolver{
		Notes: map[string]string{
			"Économie sociale":       "/notes/01HZX5ECO",
			"Coopérative de travail": "/notes/01HZX5TRA",
			"Modèles de documents":   "/notes/01HZX5MOD",
		},
		People: map[string]string{"01HZX3K8Q4M2N6P8R0T2V4W6Y8": "Léa Tremblay"},
	}
}

func BenchmarkRenderNote(b *testing.B) {
	r := New()
	src := readNote(b)
	res := noteResolver()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(src, res); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLinksNote(b *testing.B) {
	r := New()
	src := readNote(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r.Links(src)
	}
}

// The benchmark note renders as expected, so the numbers above measure
// real work.
func TestRenderNote(t *testing.T) {
	src := readNote(t)
	got := render(t, New(), src, noteResolver())
	html := string(got.HTML)
	for _, w := range []string{
		`<h1 id="guide-de-demarrage-d-une-cooperative-de-solidarite">`,
		`<a class="wikilink" href="/notes/01HZX5ECO">Économie sociale</a>`,
		`<span class="wikilink-missing">le financement participatif</span>`,
		`<a class="wikilink" href="/notes/01HZX5TRA">Coopérative de travail</a>`,
		`<a class="mention" href="/people/01HZX3K8Q4M2N6P8R0T2V4W6Y8">@Léa Tremblay</a>`,
		`<td align="right"><strong>80 000</strong></td>`,
		`<li><input checked="" disabled="" type="checkbox"> Gabarit`,
		`<del>Un seul administrateur suffit</del>`,
		`<a href="mailto:info@exemple.org" rel="nofollow noopener ugc">`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("HTML lacks %q", w)
		}
	}
	var ids []string
	for _, h := range got.TOC {
		ids = append(ids, h.ID)
	}
	want := "resume etapes points-d-attention budget-type-de-la-premiere-annee ressources questions-frequentes resume-1"
	if strings.Join(ids, " ") != want {
		t.Errorf("TOC ids %v, want %s", ids, want)
	}
	l := New().Links(src)
	if len(l.WikiTitles) != 4 || len(l.NoteIDs) != 1 || len(l.MentionIDs) != 1 || len(l.URLs) != 2 {
		t.Errorf("Links = %#v", l)
	}
	if msg := checkSafe(html); msg != "" {
		t.Error(msg)
	}
}
