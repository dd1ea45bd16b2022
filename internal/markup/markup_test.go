package markup

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// testResolver answers as a viewer who sees the notes in notes and the
// people in people, and counts the questions asked.
type testResolver struct {
	notes  map[string]string
	people map[string]string

	mu    sync.Mutex
	asked map[string]int
}

func (r *testResolver) NoteByTitle(title string) (string, bool) {
	r.count("note:" + title)
	href, ok := r.notes[title]
	return href, ok
}

func (r *testResolver) Person(id string) (string, bool) {
	r.count("person:" + id)
	name, ok := r.people[id]
	return name, ok
}

func (r *testResolver) count(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.asked == nil {
		r.asked = map[string]int{}
	}
	r.asked[k]++
}

func viewer() *testResolver {
	return &testResolver{
		notes: map[string]string{
			"Économie sociale":  "/notes/01ECO",
			"Gouvernance":       "/notes/01GOV",
			"R&D <coopérative>": "/notes/01RD",
		},
		people: map[string]string{
			"u1": "Léa Tremblay",
			"u2": "Sam <Côté>",
		},
	}
}

func render(t *testing.T, r *Renderer, src string, res Resolver) Result {
	t.Helper()
	out, err := r.Render(src, res)
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return out
}

func TestRenderSyntax(t *testing.T) {
	r := New()
	for _, tc := range []struct {
		name    string
		src     string
		want    []string // substrings of the HTML
		notWant []string
	}{
		{"paragraph and emphasis", "Bonjour *tout* le **monde**",
			[]string{"<p>Bonjour <em>tout</em> le <strong>monde</strong></p>"}, nil},
		{"strikethrough", "~~ancien~~ nouveau", []string{"<del>ancien</del> nouveau"}, nil},
		{"table with alignments",
			"| Poste | Montant | Note |\n|:--|--:|:-:|\n| Parts | 15 000 | ok |\n",
			[]string{`<th align="left">Poste</th>`, `<th align="right">Montant</th>`, `<th align="center">Note</th>`,
				`<td align="right">15 000</td>`, "<tbody>"},
			[]string{"style="}},
		{"task list disabled",
			"- [ ] à faire\n- [x] fait\n",
			[]string{`<li><input disabled="" type="checkbox"> à faire</li>`,
				`<li><input checked="" disabled="" type="checkbox"> fait</li>`}, nil},
		{"ordered list start", "3. trois\n4. quatre\n", []string{`<ol start="3">`}, nil},
		{"fenced code keeps text, drops language class",
			"```go\nif a < b {}\n```\n", []string{"<pre><code>if a &lt; b {}\n</code></pre>"}, []string{"class="}},
		{"bare URL becomes a link",
			"Voir https://exemple.org/page?a=1 demain",
			[]string{`<a href="https://exemple.org/page?a=1" rel="nofollow noopener ugc">https://exemple.org/page?a=1</a>`}, nil},
		{"www address gets http",
			"Voir www.coop.ca.", []string{`<a href="http://www.coop.ca" rel="nofollow noopener ugc">www.coop.ca</a>.`}, nil},
		{"email address", "Écrire à info@exemple.org", []string{`<a href="mailto:info@exemple.org" rel="nofollow noopener ugc">info@exemple.org</a>`}, nil},
		{"ftp is not linkified", "ftp://exemple.org/f", nil, []string{"<a"}},
		{"markdown link with title",
			`[guide](https://exemple.org/g "Le guide")`,
			[]string{`<a href="https://exemple.org/g" title="Le guide" rel="nofollow noopener ugc">guide</a>`}, nil},
		{"relative link", "[gouvernance](/notes/01GOV#roles)",
			[]string{`<a href="/notes/01GOV#roles" rel="nofollow noopener ugc">gouvernance</a>`}, nil},
		{"image", `![Logo de la coop](https://exemple.org/logo.png "Logo")`,
			[]string{`<img src="https://exemple.org/logo.png" alt="Logo de la coop" title="Logo">`}, nil},
		{"image with mailto source keeps its text", "![Logo](mailto:a@b.org)", []string{"<p>Logo</p>"}, []string{"<img"}},
		{"blockquote and rule", "> cité\n\n---\n", []string{"<blockquote>\n<p>cité</p>\n</blockquote>", "<hr>"}, nil},
		{"hard break", "ligne  \nsuivante", []string{"ligne<br>"}, nil},
		{"raw HTML is dropped", "a <b>gras</b> <span onclick=x>c</span>", []string{"<p>a gras c</p>"}, []string{"<b>", "onclick"}},
		{"plain @word stays text", "Merci @lea et @[](user:u1)", []string{"Merci @lea et @"}, []string{"mention"}},
		{"heading levels keep ids", "# Un\n\n#### Quatre\n\n###### Six", []string{`<h1 id="un">Un</h1>`, `<h4 id="quatre">Quatre</h4>`, `<h6 id="six">Six</h6>`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(render(t, r, tc.src, nil).HTML)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML lacks %q\n got: %s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("HTML has %q\n got: %s", w, got)
				}
			}
		})
	}
}

func TestRenderWikiLinks(t *testing.T) {
	r := New()
	for _, tc := range []struct {
		name string
		src  string
		want string // the whole paragraph
	}{
		{"resolved", "Voir [[Économie sociale]].",
			`<p>Voir <a class="wikilink" href="/notes/01ECO">Économie sociale</a>.</p>`},
		{"resolved with label", "Voir [[Gouvernance|les rôles]].",
			`<p>Voir <a class="wikilink" href="/notes/01GOV">les rôles</a>.</p>`},
		{"note mention form", "![[Gouvernance]]",
			`<p><a class="wikilink" href="/notes/01GOV">Gouvernance</a></p>`},
		{"spaces trimmed", "[[  Gouvernance  |  rôles ]]",
			`<p><a class="wikilink" href="/notes/01GOV">rôles</a></p>`},
		{"title and label escaped", "[[R&D <coopérative>|<b>R&D</b>]]",
			`<p><a class="wikilink" href="/notes/01RD">&lt;b&gt;R&amp;D&lt;/b&gt;</a></p>`},
		{"missing", "Voir [[Inexistante]].",
			`<p>Voir <span class="wikilink-missing">Inexistante</span>.</p>`},
		{"missing with label", "Voir [[Secrète|ce document]].",
			`<p>Voir <span class="wikilink-missing">ce document</span>.</p>`},
		{"empty title is text", "[[ |x]] et [[]]", `<p>[[ |x]] et [[]]</p>`},
		{"unterminated is text", "[[Gouvernance", `<p>[[Gouvernance</p>`},
		{"no line break inside", "[[Gouver\nnance]]", "<p>[[Gouver\nnance]]</p>"},
		{"inside code stays code", "`[[Gouvernance]]`", `<p><code>[[Gouvernance]]</code></p>`},
		{"escaped is text", `\[[Gouvernance]]`, `<p>[[Gouvernance]]</p>`},
		{"inside a link is text", "[voir [[Gouvernance]]](https://exemple.org)",
			`<p><a href="https://exemple.org" rel="nofollow noopener ugc">voir Gouvernance</a></p>`},
		{"extra brackets", "[[[Gouvernance]]]",
			`<p>[<a class="wikilink" href="/notes/01GOV">Gouvernance</a>]</p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.TrimSpace(string(render(t, r, tc.src, viewer()).HTML))
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// A note the viewer may not see must render exactly like one that does not
// exist, or the page would reveal it.
func TestRenderHiddenNoteLooksAbsent(t *testing.T) {
	r := New()
	hidden := &testResolver{notes: map[string]string{}} // the note exists, but not for this viewer
	absent := &testResolver{}
	a := render(t, r, "Voir [[Projet secret]] et [[Projet secret|ici]].", hidden)
	b := render(t, r, "Voir [[Projet secret]] et [[Projet secret|ici]].", absent)
	if a.HTML != b.HTML || a.Text != b.Text {
		t.Fatalf("hidden and absent differ:\n%s\n%s", a.HTML, b.HTML)
	}
	if strings.Contains(string(a.HTML), "<a") {
		t.Fatalf("missing note rendered as a link: %s", a.HTML)
	}
	// ok with an empty href is no link either.
	empty := MapResolver{Notes: map[string]string{"Projet secret": ""}}
	if c := render(t, r, "Voir [[Projet secret]] et [[Projet secret|ici]].", empty); c.HTML != a.HTML {
		t.Fatalf("empty href rendered differently: %s", c.HTML)
	}
}

func TestRenderMentions(t *testing.T) {
	r := New()
	for _, tc := range []struct {
		name string
		src  string
		want string
	}{
		{"resolved shows current name", "Merci @[Léa T.](user:u1) !",
			`<p>Merci <a class="mention" href="/people/u1">@Léa Tremblay</a> !</p>`},
		{"name is escaped", "@[Sam](user:u2)",
			`<p><a class="mention" href="/people/u2">@Sam &lt;Côté&gt;</a></p>`},
		// Someone the reader may not see (or no one) is named by neither
		// the label the writer typed nor the ID.
		{"unknown is plain text", "Merci @[Ancien membre](user:u9) !", `<p>Merci un·e membre !</p>`},
		{"label is never shown", "@[<i>Léa</i>](user:u9)", `<p>un·e membre</p>`},
		{"bad id is not a mention", "@[Léa](user:u1/../x)", `<p>@Léa</p>`},
		{"other scheme is not a mention", "@[Léa](https://exemple.org)",
			`<p>@<a href="https://exemple.org" rel="nofollow noopener ugc">Léa</a></p>`},
		{"inside a link is text", "[écrire à @[Léa](user:u1)](mailto:l@exemple.org)",
			`<p><a href="mailto:l@exemple.org" rel="nofollow noopener ugc">écrire à @Léa Tremblay</a></p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.TrimSpace(string(render(t, r, tc.src, viewer()).HTML))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestRenderNilResolver(t *testing.T) {
	got := render(t, New(), "[[Gouvernance]] @[Léa](user:u1)", nil)
	want := `<p><span class="wikilink-missing">Gouvernance</span> un·e membre</p>`
	if strings.TrimSpace(string(got.HTML)) != want {
		t.Fatalf("got %s, want %s", got.HTML, want)
	}
}

func TestRenderAsksOncePerTarget(t *testing.T) {
	res := viewer()
	render(t, New(), "[[Gouvernance]] [[Gouvernance|x]] ![[Gouvernance]] [[Autre]] @[A](user:u1) @[B](user:u1)", res)
	want := map[string]int{"note:Gouvernance": 1, "note:Autre": 1, "person:u1": 1}
	if !reflect.DeepEqual(res.asked, want) {
		t.Fatalf("asked %v, want %v", res.asked, want)
	}
}

func TestRenderBoundsLookups(t *testing.T) {
	var b strings.Builder
	for i := range maxLookups + 50 {
		fmt.Fprintf(&b, "[[N%d]] ", i)
	}
	res := &testResolver{}
	render(t, New(), b.String(), res)
	if len(res.asked) != maxLookups {
		t.Fatalf("asked %d distinct titles, want %d", len(res.asked), maxLookups)
	}
}

func TestRenderTOC(t *testing.T) {
	src := "# Titre\n\n## Résumé\n\n### Étapes à suivre\n\n## Résumé\n\n#### Détail *important*\n\n##### Trop profond\n\n" +
		"## Résumé 1\n\n## Voir [[Gouvernance|les rôles]] et @[Léa](user:u1)\n\n## !!!\n\n## Cœur d’œuvre\n"
	got := render(t, New(), src, viewer())
	want := []Heading{
		{2, "resume", "Résumé"},
		{3, "etapes-a-suivre", "Étapes à suivre"},
		{2, "resume-1", "Résumé"},
		{4, "detail-important", "Détail important"},
		// "Résumé 1" slugs to resume-1, taken: the next free one.
		{2, "resume-1-1", "Résumé 1"},
		// The anchor comes from the source (the wiki link's label, but no
		// one's name: it is the same for readers who may not see Léa),
		// the text from what the reader sees (current name).
		{2, "voir-les-roles-et", "Voir les rôles et @Léa Tremblay"},
		{2, "section", "!!!"},
		{2, "coeur-d-oeuvre", "Cœur d’œuvre"},
	}
	if !reflect.DeepEqual(got.TOC, want) {
		t.Fatalf("TOC\n got %+v\nwant %+v", got.TOC, want)
	}
	for _, h := range want {
		if !strings.Contains(string(got.HTML), `id="`+h.ID+`"`) {
			t.Errorf("HTML lacks id %q", h.ID)
		}
	}
	// Stable: the same body gives the same anchors for another viewer.
	other := render(t, New(), src, nil)
	for i, h := range other.TOC {
		if h.ID != want[i].ID {
			t.Errorf("TOC[%d].ID = %q for another viewer, want %q", i, h.ID, want[i].ID)
		}
	}
}

func TestRenderText(t *testing.T) {
	src := "# Titre\n\nUn *paragraphe*  avec\nune [[Gouvernance|note]] et @[L](user:u1).\n\n" +
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n- un\n- deux\n\n![Logo de la coop](/logo.png)\n\n```\ncode <x>\n```\n\nA&amp;B <b>brut</b>"
	got := render(t, New(), src, viewer()).Text
	want := "Titre Un paragraphe avec une note et @Léa Tremblay. a b 1 2 un deux Logo de la coop code <x> A&B brut"
	if got != want {
		t.Fatalf("Text\n got %q\nwant %q", got, want)
	}
}

func TestCheckTooLong(t *testing.T) {
	r := New()
	ok := strings.Repeat("é", MaxSourceBytes/2)
	if _, err := r.Render(ok, nil); err != nil {
		t.Fatalf("body of exactly MaxSourceBytes: %v", err)
	}
	long := ok + "x"
	_, err := r.Render(long, nil)
	var e *maillage.Error
	if !errors.As(err, &e) {
		t.Fatalf("Render of %d bytes: err %v, want a *maillage.Error", len(long), err)
	}
	if e.Code != maillage.CodeInvalid || e.MessageID != "markup.too_long" || e.Data["Max"] != MaxSourceBytes {
		t.Fatalf("error %+v", e)
	}
	if len(e.Fields) != 1 || e.Fields[0].Field != "body" || e.Fields[0].MessageID != "markup.too_long" {
		t.Fatalf("fields %+v", e.Fields)
	}
	if maillage.ErrorCode(Check(long)) != maillage.CodeInvalid || Check(ok) != nil {
		t.Fatal("Check disagrees with Render")
	}
	if l := r.Links(long + "[[Gouvernance]]"); !reflect.DeepEqual(l, Links{}) {
		t.Fatalf("Links of an oversized body = %+v", l)
	}
}

// Renders run concurrently in request handlers; with -race this catches
// shared state between them (heading IDs, resolver answers).
func TestRenderConcurrent(t *testing.T) {
	r := New()
	src := "## Résumé\n\n[[Gouvernance]] @[x](user:u1)\n\n## Résumé\n"
	want := render(t, r, src, viewer())
	wantNone := render(t, r, src, nil)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			for range 20 {
				res, w := Resolver(viewer()), want
				if i%2 == 1 {
					res, w = nil, wantNone
				}
				got, err := r.Render(src, res)
				if err != nil || !reflect.DeepEqual(got, w) {
					t.Errorf("concurrent render differs: %v\n%+v\n%+v", err, got, w)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestSlugMatchesFold(t *testing.T) {
	cases := []string{
		"Résumé", "Hello, World!", "  a--b__c  ", "C++ / Go", "", "!!!", "x" + strings.Repeat("ab ", 60),
		"Œuvre", "Cœur d’œuvre", "Straße", "ÆON", "2024 : bilan", "Ελληνικά", "한국어 제목", "ﬁn", "Ⅻ siècle",
		"e\u0301te\u0301", "a\xffb", "ÉCONOMIE SOCIALE", "İstanbul", strings.Repeat("é", 100), "Ǆ Ǉ", "١٢٣ عربي",
	}
	// And random mixes of the characters that matter.
	pool := []rune("aZ09 -_'’éÉèœŒæßçÇ\u0301ΑαЖж한글ﬁ!?\t")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		rs := make([]rune, rng.IntN(30))
		for i := range rs {
			rs[i] = pool[rng.IntN(len(pool))]
		}
		cases = append(cases, string(rs))
	}
	for _, s := range cases {
		if got, want := slug([]byte(s)), fold.Slug(s); got != want {
			t.Errorf("slug(%q) = %q, fold.Slug = %q", s, got, want)
		}
	}
}

// TestHiddenMentionWording: a resolver words a hidden person in the
// reader's language, and the raw Markdown can be stripped of mentions of
// people a reader may not see.
func TestHiddenMentionWording(t *testing.T) {
	res := MapResolver{People: map[string]string{"u1": "Léa Tremblay"}, Hidden: "a member"}
	got := strings.TrimSpace(string(render(t, New(), "## Merci @[Sam Côté](user:u2)\n\n@[Sam Côté](user:u2) et @[L](user:u1)", res).HTML))
	if strings.Contains(got, "Sam") || strings.Contains(got, "u2") || !strings.Contains(got, "a member et") ||
		!strings.Contains(got, `href="/people/u1"`) {
		t.Fatalf("hidden mention: %s", got)
	}
	src := "Voir @[Sam Côté](user:u2), @[L](user:u1), @[pas](une mention) et `@[Sam](user:u2)`."
	out := ReplaceMentions(src, func(id, _ string) (string, bool) { return "a member", id != "u1" })
	if want := "Voir a member, @[L](user:u1), @[pas](une mention) et `a member`."; out != want {
		t.Fatalf("ReplaceMentions\n got %q\nwant %q", out, want)
	}
}
