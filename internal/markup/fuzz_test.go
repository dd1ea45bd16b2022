package markup

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRender feeds arbitrary bodies to Render and checks, on the HTML as a
// browser parses it, that only allowed elements and attributes come out,
// with no event handler and no URL scheme but http, https, mailto or none;
// and that nothing panics. Run it with
//
//	go test ./internal/markup -run x -fuzz FuzzRender -fuzztime 60s
//
// Inputs it finds failing are kept in testdata/fuzz/FuzzRender and run with
// every plain "go test".
func FuzzRender(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add(readNote(f))
	f.Add("[[a|b]] ![[c]] @[d](user:e) [f](/notes/g) <https://h.example> www.i.example j@k.example")
	f.Add("> - [ ] *a* ~~b~~ `c`\n>\n> | x | y |\n> |---|:-:|\n> | 1 | [z](</w>) |\n")

	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		for _, res := range []Resolver{nil, hostileResolver{}} {
			start := time.Now()
			got, err := r.Render(src, res)
			// Fuzz inputs are small: a slow one is a quadratic path the
			// guards miss.
			if took := time.Since(start); took > 5*time.Second {
				t.Fatalf("Render of %d bytes took %v", len(src), took)
			}
			if len(src) > MaxSourceBytes {
				if err == nil {
					t.Fatalf("body of %d bytes accepted", len(src))
				}
				return
			}
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if msg := checkSafe(string(got.HTML)); msg != "" {
				t.Fatalf("unsafe output: %s\n%s", msg, got.HTML)
			}
			for _, h := range got.TOC {
				if h.Level < 2 || h.Level > 4 || h.ID == "" {
					t.Fatalf("bad TOC entry %+v", h)
				}
			}
			if got.Text != strings.Join(strings.Fields(got.Text), " ") {
				t.Fatalf("Text not collapsed: %q", got.Text)
			}
			ex := Excerpt(got.Text, 40)
			if utf8.ValidString(got.Text) && !utf8.ValidString(ex) || utf8.RuneCountInString(ex) > 41 {
				t.Fatalf("Excerpt(%q, 40) = %q", got.Text, ex)
			}
		}
		r.Links(src)
	})
}
