package preview

import (
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Field caps, in runes.
const (
	maxTitleRunes       = 300
	maxDescriptionRunes = 1000
	maxSiteNameRunes    = 200
)

// pageMeta holds what a page's head declares, first occurrence of each key.
type pageMeta struct {
	meta  map[string]string
	title string
}

// readMeta tokenizes an HTML document and collects its metadata. It reads up
// to the <body> start tag, or to the end of r. It never follows
// <meta http-equiv="refresh"> nor looks inside <script>, <style> or
// <noscript>, whose content the tokenizer treats as text.
func readMeta(r io.Reader) (pageMeta, error) {
	m := pageMeta{meta: make(map[string]string)}
	z := html.NewTokenizer(r)
	inTitle, haveTitle := false, false
	foreign := 0 // depth inside <svg> or <math>, whose <title> is a tooltip
	var title strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return m, err
			}
			if inTitle {
				m.title = title.String()
			}
			return m, nil
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title:
				if inTitle {
					inTitle, haveTitle = false, true
					m.title = title.String()
				}
			case atom.Svg, atom.Math:
				foreign = max(foreign-1, 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				// The metadata lives in <head>; stop reading here.
				return m, nil
			case atom.Svg, atom.Math:
				if tt == html.StartTagToken {
					foreign++
				}
			case atom.Title:
				if !haveTitle && foreign == 0 && tt == html.StartTagToken {
					inTitle = true
				}
			case atom.Meta:
				if hasAttr {
					m.addMeta(z)
				}
			}
		}
	}
}

// addMeta records the current <meta> tag if it carries a wanted key.
func (m *pageMeta) addMeta(z *html.Tokenizer) {
	var property, name, content string
	hasContent := false
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "property":
			property = string(v)
		case "name":
			name = string(v)
		case "content":
			content, hasContent = string(v), true
		}
		if !more {
			break
		}
	}
	if !hasContent || strings.TrimSpace(content) == "" {
		return
	}
	// Open Graph keys belong in property= and Twitter keys in name=, but
	// pages mix them up; accept either.
	for _, key := range []string{property, name} {
		key = strings.ToLower(strings.TrimSpace(key))
		if key == "" || !isMetaKey(key) {
			continue
		}
		if _, seen := m.meta[key]; !seen {
			m.meta[key] = content
		}
	}
}

// isMetaKey reports whether a <meta property|name> key is worth keeping;
// others are ignored so that a page cannot make us hold an unbounded map.
func isMetaKey(key string) bool {
	switch key {
	case "og:title", "og:description", "og:site_name",
		"og:image", "og:image:secure_url", "og:image:url",
		"twitter:title", "twitter:description", "twitter:image", "twitter:image:src",
		"description":
		return true
	}
	return false
}

// preview builds the Preview: Open Graph first, then Twitter cards, then
// plain HTML.
func (m pageMeta) preview(final *url.URL) Preview {
	return Preview{
		URL:         final.String(),
		Title:       firstText(maxTitleRunes, m.meta["og:title"], m.meta["twitter:title"], m.title),
		Description: firstText(maxDescriptionRunes, m.meta["og:description"], m.meta["twitter:description"], m.meta["description"]),
		SiteName:    firstText(maxSiteNameRunes, m.meta["og:site_name"]),
		ImageURL: firstImage(final, m.meta["og:image"], m.meta["og:image:secure_url"], m.meta["og:image:url"],
			m.meta["twitter:image"], m.meta["twitter:image:src"]),
	}
}

// firstText returns the first candidate that is not blank once cleaned.
func firstText(maxRunes int, candidates ...string) string {
	for _, c := range candidates {
		if s := cleanText(c, maxRunes); s != "" {
			return s
		}
	}
	return ""
}

// cleanText makes page text safe to show as one line: valid UTF-8, control
// characters and runs of whitespace turned into single spaces, trimmed and
// cut to maxRunes (ending with "…" when cut).
func cleanText(s string, maxRunes int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxRunes {
		return s
	}
	runes := []rune(s)[:maxRunes-1]
	return strings.TrimRightFunc(string(runes), unicode.IsSpace) + "…"
}

// firstImage returns the first candidate that resolves, against the page's
// final URL, to an absolute http or https URL.
func firstImage(base *url.URL, candidates ...string) string {
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" || len(c) > maxURLLen {
			continue
		}
		ref, err := url.Parse(c)
		if err != nil {
			continue
		}
		u := base.ResolveReference(ref)
		if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
			continue
		}
		if s := u.String(); len(s) <= maxURLLen {
			return s
		}
	}
	return ""
}
