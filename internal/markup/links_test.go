package markup

import (
	"reflect"
	"testing"
)

func TestLinks(t *testing.T) {
	r := New()
	src := `Voir [[Économie sociale]], [[Gouvernance|les rôles]] et ![[Économie sociale]].
Encore [[Gouvernance]] et [[ Financement ]].

Notes : [a](/notes/01AAA), [b](/notes/01BBB/edit), [c](https://maillage.exemple.org/notes/01CCC#roles),
[d](http://localhost:8080/notes/01DDD?x=1), [a encore](/notes/01AAA), [nouvelle](/notes/new),
[liste](/notes), [relatif](notes/01EEE), [mal formé](/notes/<x>), https://maillage.exemple.org/notes/01FFF/edit.

Personnes : @[Léa](user:u1), @[Sam](user:u2), @[Léa bis](user:u1), [profil](/people/u3),
https://maillage.exemple.org/people/u4 et [mail](mailto:a@exemple.org).

Liens : https://exemple.org/a, [b](https://exemple.org/b "titre"), <https://exemple.org/c>,
www.coop.ca, https://exemple.org/a encore, [relatif](/communities/01X), [js](javascript:alert(1)),
info@exemple.org, [ref][r].

[r]: https://exemple.org/ref

` + "`[[Dans du code]] @[X](user:u9) https://code.example`\n\n```\n[[Bloc]] https://bloc.example\n```\n"
	got := r.Links(src)
	want := Links{
		WikiTitles: []string{"Économie sociale", "Gouvernance", "Financement"},
		NoteIDs:    []string{"01AAA", "01BBB", "01CCC", "01DDD", "01FFF"},
		MentionIDs: []string{"u1", "u2"},
		URLs: []string{
			"https://exemple.org/a", "https://exemple.org/b", "https://exemple.org/c",
			"http://www.coop.ca", "https://exemple.org/ref",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Links\n got %#v\nwant %#v", got, want)
	}
}

func TestLinksEmpty(t *testing.T) {
	if got := New().Links("Rien à signaler, @lea."); !reflect.DeepEqual(got, Links{}) {
		t.Fatalf("Links = %#v, want none", got)
	}
}

// Links and Render read the same syntax: what Links finds is what Render
// turns into links for a viewer who sees everything.
func TestLinksAgreeWithRender(t *testing.T) {
	r := New()
	src := "[[A]] ![[B]] [[C|c]] @[P](user:p1) [n](/notes/N1)"
	l := r.Links(src)
	res := MapResolver{
		Notes:  map[string]string{"A": "/notes/NA", "B": "/notes/NB", "C": "/notes/NC"},
		People: map[string]string{"p1": "Paule"},
	}
	html := string(render(t, r, src, res).HTML)
	want := `<p><a class="wikilink" href="/notes/NA">A</a> <a class="wikilink" href="/notes/NB">B</a> ` +
		`<a class="wikilink" href="/notes/NC">c</a> <a class="mention" href="/people/p1">@Paule</a> ` +
		`<a href="/notes/N1" rel="nofollow noopener ugc">n</a></p>` + "\n"
	if html != want {
		t.Fatalf("got  %s\nwant %s", html, want)
	}
	if len(l.WikiTitles) != 3 || len(l.MentionIDs) != 1 || len(l.NoteIDs) != 1 {
		t.Fatalf("Links = %#v", l)
	}
}

func TestClassifyURL(t *testing.T) {
	for _, tc := range []struct {
		in, note, external string
	}{
		{"/notes/01ABC", "01ABC", ""},
		{"/notes/01ABC/", "01ABC", ""},
		{"/notes/01ABC/history/2", "01ABC", ""},
		{"/notes/01ABC?tab=links#x", "01ABC", ""},
		{"https://any.host/notes/01ABC", "01ABC", ""},
		{"//maillage.exemple.org/notes/01ABC", "01ABC", ""},
		{"/notes/new", "", ""},
		{"/notes/", "", ""},
		{"/notes", "", ""},
		{"/notesx/01ABC", "", ""},
		{"notes/01ABC", "", ""},
		{"/people/u1", "", ""},
		{"https://any.host/people/u1#a", "", ""},
		{"https://exemple.org/", "", "https://exemple.org/"},
		{"https://exemple.org/notes-de-cours", "", "https://exemple.org/notes-de-cours"},
		{"HTTP://EXEMPLE.ORG/a", "", "HTTP://EXEMPLE.ORG/a"},
		{"ftp://exemple.org/", "", ""},
		{"mailto:a@b.org", "", ""},
		{"https:///notes", "", ""},
		{"%zz", "", ""},
	} {
		note, external := classifyURL(tc.in)
		if note != tc.note || external != tc.external {
			t.Errorf("classifyURL(%q) = %q, %q; want %q, %q", tc.in, note, external, tc.note, tc.external)
		}
	}
}
