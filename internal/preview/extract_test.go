package preview

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// parsePage runs the extraction on an HTML string as if served from base.
func parsePage(t *testing.T, base, page string) Preview {
	t.Helper()
	m, err := readMeta(strings.NewReader(page))
	if err != nil {
		t.Fatalf("readMeta: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	return m.preview(u)
}

func TestExtractPrecedence(t *testing.T) {
	const base = "https://exemple.org/dossiers/article.html"
	cases := []struct {
		name, page string
		want       Preview
	}{
		{
			name: "open graph wins over twitter and html",
			page: `<html><head><title>HTML title</title>
				<meta name="description" content="HTML description">
				<meta name="twitter:title" content="Twitter title">
				<meta name="twitter:description" content="Twitter description">
				<meta name="twitter:image" content="https://cdn.example/twitter.png">
				<meta property="og:title" content="OG title">
				<meta property="og:description" content="OG description">
				<meta property="og:image" content="https://cdn.example/og.png">
				<meta property="og:site_name" content="Exemple">
				</head><body></body></html>`,
			want: Preview{Title: "OG title", Description: "OG description",
				ImageURL: "https://cdn.example/og.png", SiteName: "Exemple"},
		},
		{
			name: "twitter when no open graph",
			page: `<head><title>HTML title</title><meta name="description" content="HTML description">
				<meta name="twitter:title" content="Twitter title">
				<meta property="twitter:description" content="Twitter description">
				<meta name="twitter:image:src" content="/t.png"></head>`,
			want: Preview{Title: "Twitter title", Description: "Twitter description",
				ImageURL: "https://exemple.org/t.png"},
		},
		{
			name: "plain html fallback",
			page: `<!doctype html><html><head><TITLE>  Économie
				sociale &amp; solidaire </TITLE><META NAME="Description" CONTENT="Un   réseau
				de pratique"></head>`,
			want: Preview{Title: "Économie sociale & solidaire", Description: "Un réseau de pratique"},
		},
		{
			name: "blank open graph falls back",
			page: `<meta property="og:title" content="   "><title>Real title</title>`,
			want: Preview{Title: "Real title"},
		},
		{
			name: "relative and protocol-relative images",
			page: `<meta property="og:image" content="../img/carte.png">`,
			want: Preview{ImageURL: "https://exemple.org/img/carte.png"},
		},
		{
			name: "protocol-relative image",
			page: `<meta property="og:image" content="//cdn.example/a.png">`,
			want: Preview{ImageURL: "https://cdn.example/a.png"},
		},
		{
			name: "non-http images are dropped, next candidate kept",
			page: `<meta property="og:image" content="javascript:alert(1)">
				<meta property="og:image:secure_url" content="data:image/png;base64,AAAA">
				<meta property="og:image:url" content="ftp://cdn.example/a.png">
				<meta name="twitter:image" content="https://cdn.example/ok.png">`,
			want: Preview{ImageURL: "https://cdn.example/ok.png"},
		},
		{
			name: "first og:image wins",
			page: `<meta property="og:image" content="/first.png"><meta property="og:image" content="/second.png">`,
			want: Preview{ImageURL: "https://exemple.org/first.png"},
		},
		{
			name: "script, style and svg content is not metadata",
			page: `<head><script>document.write('<meta property="og:title" content="from script">')</script>
				<style>/* <title>from style</title> */</style>
				<svg><title>tooltip</title></svg>
				<title>Page</title></head>`,
			want: Preview{Title: "Page"},
		},
		{
			name: "reading stops at body",
			page: `<head><title>Head</title></head><body>
				<meta property="og:title" content="from body"><title>late</title></body>`,
			want: Preview{Title: "Head"},
		},
		{
			name: "refresh is ignored",
			page: `<meta http-equiv="refresh" content="0;url=https://ailleurs.example/"><title>Stay</title>`,
			want: Preview{Title: "Stay"},
		},
		{
			name: "control characters become spaces",
			page: "<title>A\x01B\tC\u0085D</title>",
			want: Preview{Title: "A B C D"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parsePage(t, base, c.page)
			c.want.URL = base
			if got != c.want {
				t.Fatalf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestCleanTextCaps(t *testing.T) {
	long := strings.Repeat("é", 400)
	got := parsePage(t, "https://exemple.org/", `<title>`+long+`</title><meta name="description" content="`+
		strings.Repeat("mot ", 600)+`">`)
	if n := utf8.RuneCountInString(got.Title); n != maxTitleRunes {
		t.Errorf("title has %d runes, want %d", n, maxTitleRunes)
	}
	if !strings.HasSuffix(got.Title, "…") {
		t.Errorf("cut title should end with an ellipsis: %q", got.Title[len(got.Title)-10:])
	}
	if n := utf8.RuneCountInString(got.Description); n > maxDescriptionRunes {
		t.Errorf("description has %d runes, want at most %d", n, maxDescriptionRunes)
	}
	if strings.Contains(got.Description, "  ") || strings.HasPrefix(got.Description, " ") {
		t.Errorf("description whitespace not collapsed: %q", got.Description[:20])
	}
	if s := cleanText("a\xffb", 10); s != "a\uFFFDb" {
		t.Errorf("invalid UTF-8 not replaced: %q", s)
	}
	if s := cleanText("court", 10); s != "court" {
		t.Errorf("short text changed: %q", s)
	}
}
