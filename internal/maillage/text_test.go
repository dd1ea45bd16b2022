package maillage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  Ana Diallo ", "Ana Diallo"},
		{"Ana\r\nBcc: x@exemple.org", "Ana Bcc: x@exemple.org"},
		{"Ana\nDiallo", "Ana Diallo"},
		{"a\x00b", "ab"},
		{"a\tb", "a b"},
		{"a\x1b[31mb", "a[31mb"},
		{"a\u0085b\u2028c\u2029d", "a b c d"},
		{"\u202eevil\u202c.exe", "evil.exe"},
		{"x\u2066y\u2069z", "xyz"},
		{"\u200fמרים\u200e", "מרים"},
		{"a\x7fb\u009fc", "abc"},
		{"é\xffe", "é\uFFFDe"},
		{"Économie sociale 🌱", "Économie sociale 🌱"},
		{"\x00\n\t ", ""},
	}
	for _, c := range cases {
		if got := CleanLine(c.in); got != c.want {
			t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"un\r\ndeux\rtrois\n\tquatre  \n\n", "un\ndeux\ntrois\n\tquatre"},
		{"\n \n    code\nfin\n", "    code\nfin"},
		{"  \n\t\x00 ", ""},
		{"a\x00b\x07c", "abc"},
		{"a\u2028b", "a\nb"},
		{"\u202eevil\u202c", "evil"},
		{"shalom \u200fעולם\u200e!", "shalom \u200fעולם\u200e!"},
		{"é\xffe", "é\uFFFDe"},
		{"plain text\nstays", "plain text\nstays"},
	}
	for _, c := range cases {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCleanNeverLeavesControls: whatever goes in, what comes out is valid
// UTF-8 without NUL, control characters (but \n and \t in text) or bidi
// overrides, and cleaning twice changes nothing.
func TestCleanNeverLeavesControls(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xff\xfe\xc3")
	in := all.String()
	for name, clean := range map[string]func(string) string{"line": CleanLine, "text": CleanText} {
		out := clean(in)
		if !utf8.ValidString(out) {
			t.Errorf("%s: invalid UTF-8", name)
		}
		for _, r := range out {
			bad := isControl(r) || isBidiControl(r)
			if name == "text" && (r == '\n' || r == '\t') {
				bad = false
			}
			if name == "line" && (isBidiMark(r) || r == 0x2028 || r == 0x2029) {
				bad = true
			}
			if bad {
				t.Errorf("%s: %U left", name, r)
			}
		}
		if again := clean(out); again != out {
			t.Errorf("%s is not idempotent", name)
		}
	}
	if got := CleanLines([]string{" a ", "\x00", "b\nc"}); strings.Join(got, "|") != "a|b c" {
		t.Errorf("CleanLines = %q", got)
	}
}
