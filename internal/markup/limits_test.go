package markup

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// renderCeiling is a time no body up to MaxSourceBytes may reach even on
// a loaded machine; the race detector slows code about tenfold.
func renderCeiling() time.Duration {
	if raceEnabled {
		return 60 * time.Second
	}
	return 5 * time.Second
}

// pathological returns bodies of about size bytes shaped to hit goldmark's
// quadratic corners. Without the guards in guard.go and table.go, each
// takes from seconds to minutes at MaxSourceBytes.
func pathological(size int) map[string]string {
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	then := func(head, unit string) string { return head + strings.Repeat(unit, (size-len(head))/len(unit)) }
	var indented strings.Builder
	for i := 0; indented.Len() < size-2000; i++ {
		indented.WriteString(strings.Repeat(" ", 2*i) + "- a\n")
	}
	return map[string]string{
		"block quotes then lazy lines":  then(strings.Repeat(">", size/20)+" a\n", "a\n"),
		"block quotes on one line":      fill(">"),
		"spaced block quotes":           fill("> "),
		"nested bullets":                fill("- a "),
		"nested ordered items":          fill("1. "),
		"quotes and lists":              fill("> - "),
		"deep list then lazy lines":     then(strings.Repeat("* ", size/10)+"a\n", "a\n"),
		"indented list levels":          indented.String(),
		"opening brackets":              fill("["),
		"nested brackets":               strings.Repeat("[", size/2) + strings.Repeat("]", size/2),
		"unclosed destinations":         fill("[a]("),
		"angle destinations":            fill("[a](< "),
		"image angle destinations":      fill("![a](< "),
		"shortcut references per line":  fill("[a]\n"),
		"destinations per line":         fill("[a](\n"),
		"titles per line":               fill("[a](b \"\n"),
		"reference definitions":         fill("[a]: <\n"),
		"unmatched emphasis":            fill("_a a* "),
		"unmatched strong and emphasis": fill("a** _a "),
		"intraword delimiters":          fill("a_b*c "),
		"strikethrough and emphasis":    fill("~a a* "),
		"wide table, many rows":         then("|"+strings.Repeat("a|", size/10)+"\n|"+strings.Repeat("-|", size/10)+"\n", "x\n"),
		"headings":                      fill("# a\n"),
		"accented headings":             fill("## é\n"),
		"wiki link openers":             fill("[[a"),
		"note mention openers":          fill("![["),
		"mention openers":               fill("@[a](user:"),
		"bare URLs in parentheses":      fill("(http://a.co"),
		"emails":                        fill(" a@b.co"),
		"backticks":                     fill("`` ` "),
		"raw HTML openers":              fill("<a b=\""),
	}
}

// fastest returns the least CPU time of two runs of f, which filters out
// most of the noise of a shared machine (the garbage collector runs on
// other threads, but its work grows with f's).
func fastest(f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 2 {
		start := cpuTime()
		f()
		best = min(best, cpuTime()-start)
	}
	return best
}

// Each hostile shape renders in time linear in its size: four times the
// bytes may take about four times as long (10x allows for noise; a
// quadratic path takes 16x), and never more than renderCeiling.
func TestRenderPathologicalLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 10 MB of hostile Markdown")
	}
	r := New()
	small := pathological(MaxSourceBytes / 4)
	for name, src := range pathological(MaxSourceBytes) {
		t.Run(name, func(t *testing.T) {
			if len(src) > MaxSourceBytes || len(src) < MaxSourceBytes-2000 {
				t.Fatalf("test body of %d bytes", len(src))
			}
			var got Result
			big := fastest(func() {
				var err error
				if got, err = r.Render(src, nil); err != nil {
					t.Fatal(err)
				}
			})
			quarter := fastest(func() { _, _ = r.Render(small[name], nil) })
			t.Logf("Render %v for %d bytes, %v for a quarter", big, len(src), quarter)
			growth := time.Duration(10)
			if name == "indented list levels" {
				// Depth grows with the square root of the size and each
				// line costs the square of its depth: size^1.5, 8x.
				growth = 16
			}
			if big > growth*quarter+50*time.Millisecond {
				t.Errorf("Render grows faster than the input: %v for %d bytes, %v for a quarter", big, len(src), quarter)
			}
			if big > renderCeiling() {
				t.Errorf("Render took %v", big)
			}
			start := cpuTime()
			r.Links(src)
			if lt := cpuTime() - start; lt > renderCeiling() {
				t.Errorf("Links took %v", lt)
			}
			// Nesting by indentation needs two more spaces per level on
			// every line, so its depth is bounded by the body size alone
			// (about 450 levels); one-line nesting is capped by tame.
			limit := 2*maxContainerDepth + 10
			if name == "indented list levels" {
				limit = 1000
			}
			if d := maxDepth(string(got.HTML)); d > limit {
				t.Errorf("output nested %d deep", d)
			}
		})
	}
}

// maxDepth returns how deep the elements of an HTML fragment nest.
func maxDepth(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "br", "hr", "img", "input":
			default:
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			depth--
		}
	}
}

func TestRenderLargeNoteInTime(t *testing.T) {
	note := readNote(t)
	src := strings.Repeat(note+"\n\n", MaxSourceBytes/(len(note)+2))
	r := New()
	var got Result
	took := fastest(func() { got = render(t, r, src, noteResolver()) })
	t.Logf("Render of a realistic %d-byte body: %v", len(src), took)
	if took > time.Second && !raceEnabled {
		t.Errorf("Render of a realistic %d-byte body took %v", len(src), took)
	}
	if n := strings.Count(string(got.HTML), `class="wikilink"`); n < 100 {
		t.Errorf("only %d wiki links resolved", n)
	}
}

// The guards leave ordinary Markdown alone.
func TestTameKeepsOrdinaryBodies(t *testing.T) {
	for _, src := range []string{
		readNote(t),
		strings.Repeat("> ", maxContainerDepth) + "citation profonde\n",
		strings.Repeat("- ", maxContainerDepth) + "liste profonde\n",
		"* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *\n",
		"- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n",
		"```\n" + strings.Repeat("> ", 100) + "\n```\n",
		"~~~~\n" + strings.Repeat("1. ", 100) + "\n```\n~~~\n" + strings.Repeat("> ", 100) + "\n~~~~\n",
	} {
		if got := tame([]byte(src)); !bytes.Equal(got, []byte(src)) {
			t.Errorf("tame changed %q\n into %q", src, got)
		}
	}
}

func TestTameCapsDepth(t *testing.T) {
	for _, tc := range []struct{ marker, escaped string }{
		{"> ", `\> `}, {">", `\>`}, {"- ", `\- `}, {"+ ", `\+ `}, {"* ", `\* `}, {"12. ", `12\. `}, {"3) ", `3\) `},
	} {
		src := "intro\n" + strings.Repeat(tc.marker, maxContainerDepth+5) + "fin\n"
		want := "intro\n" + strings.Repeat(tc.marker, maxContainerDepth) + tc.escaped +
			strings.Repeat(tc.marker, 4) + "fin\n"
		if got := string(tame([]byte(src))); got != want {
			t.Errorf("tame(%q)\n got %q\nwant %q", src, got, want)
		}
	}
	// Rendered, the line keeps its text and its first levels.
	got := render(t, New(), strings.Repeat("> ", 40)+"fin", nil)
	if d := strings.Count(string(got.HTML), "<blockquote>"); d != maxContainerDepth {
		t.Errorf("%d block quotes, want %d", d, maxContainerDepth)
	}
	if !strings.Contains(got.Text, "> > > > > > > > fin") {
		t.Errorf("Text = %q", got.Text)
	}
}

// Past maxDelimiterRuns in one paragraph, delimiters stay as typed; below
// it, and in the next paragraph, emphasis works as usual.
func TestDelimiterGuard(t *testing.T) {
	many := strings.Repeat("*a* ", maxDelimiterRuns/2) + "*b* _c_ ~~d~~"
	got := string(render(t, New(), many+"\n\n*e*", nil).HTML)
	if n := strings.Count(got, "<em>a</em>"); n != maxDelimiterRuns/2 {
		t.Errorf("%d emphasis before the cap, want %d", n, maxDelimiterRuns/2)
	}
	if !strings.Contains(got, "*b* _c_ ~~d~~") {
		t.Error("delimiters past the cap were not kept as text")
	}
	if !strings.Contains(got, "<p><em>e</em></p>") {
		t.Error("the cap leaked into the next paragraph")
	}
}

// A long paragraph full of ordinary links keeps them all; only the work
// of hostile bodies hits maxLinkWork.
func TestLinkGuardKeepsOrdinaryLinks(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "voir [le site %d](https://exemple.org/%d) et [[Note %d]]\n", i, i, i)
	}
	got := string(render(t, New(), b.String(), nil).HTML)
	if n := strings.Count(got, `rel="nofollow noopener ugc"`); n != 2000 {
		t.Errorf("%d links rendered, want 2000", n)
	}
	long := "[a](https://exemple.org/" + strings.Repeat("x", maxDestinationScan) + ")"
	if got := string(render(t, New(), long, nil).HTML); strings.Contains(got, "<a") {
		t.Error("destination longer than maxDestinationScan became a link")
	}
	ok := "[a](https://exemple.org/" + strings.Repeat("x", 2000) + " \"titre\")"
	if got := string(render(t, New(), ok, nil).HTML); !strings.Contains(got, `title="titre"`) {
		t.Error("a 2000-byte URL with a title is no longer a link")
	}
}

func TestTableLimits(t *testing.T) {
	row := func(n int, cell string) string { return "|" + strings.Repeat(cell+"|", n) + "\n" }
	wide := row(maxTableColumns, "a") + row(maxTableColumns, "-") + row(maxTableColumns, "1")
	if got := string(render(t, New(), wide, nil).HTML); !strings.Contains(got, "<table>") {
		t.Errorf("table of %d columns refused", maxTableColumns)
	}
	tooWide := row(maxTableColumns+10, "a") + row(maxTableColumns+10, "-") + row(maxTableColumns+10, "1")
	if got := string(render(t, New(), tooWide, nil).HTML); strings.Contains(got, "<table>") {
		t.Errorf("table of %d columns accepted", maxTableColumns+10)
	}
}

func TestLinkTail(t *testing.T) {
	long := strings.Repeat("x", maxDestinationScan+10)
	for _, tc := range []struct {
		name string
		rest string
		ok   bool
	}{
		{"end of text", "]", true},
		{"plain bracket", "] et la suite", true},
		{"destination", "](https://exemple.org/a) suite", true},
		{"destination with parentheses", "](https://fr.wikipedia.org/wiki/Coop_(économie)) suite", true},
		{"destination and title", "](/a \"titre\") suite", true},
		{"title over two lines", "](/a \"titre\nsuite\") fin", true},
		{"angle destination", "](</a b>) suite", true},
		{"reference", "][ref] suite", true},
		{"destination to end of line", "](/a\nsuite", true},
		{"long destination", "](" + long + ")", false},
		{"long destination without end", "](" + long, false},
		{"destination running into a long line", "](" + strings.Repeat("[a](", maxDestinationScan), false},
		{"unclosed angle destination", "](<" + long + ">", false},
		{"unclosed title", "](/a \"" + long + "\"", false},
		{"unclosed reference", "][" + long + "]", false},
	} {
		if _, ok := linkTail([]byte(tc.rest)); ok != tc.ok {
			t.Errorf("%s: linkTail ok = %v, want %v", tc.name, ok, tc.ok)
		}
	}
}
