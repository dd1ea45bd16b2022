package markup

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hostile are bodies written to get script, styles or foreign elements
// into a page. They also seed FuzzRender.
var hostile = []string{
	"<script>alert(1)</script>",
	"<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
	"a <script>alert(1)</script> b",
	"<img src=x onerror=alert(1)>",
	"<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
	"[x](javascript:alert(1))",
	"[x](JaVaScRiPt:alert(1))",
	"[x]( javascript:alert(1) )",
	"[x](<javascript:alert(1)>)",
	"[x](jav&#x09;ascript:alert(1))",
	"[x](&#106;avascript:alert(1))",
	"[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
	"[x](javascript&colon;alert(1))",
	"[x](java\\script:alert(1))",
	"[x](vbscript:msgbox(1))",
	"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	"[x](file:///etc/passwd)",
	"<javascript:alert(1)>",
	"<JAVASCRIPT:alert(1)>",
	"[x]\n\n[x]: javascript:alert(1)",
	"[x][ref]\n\n[ref]: <javascript:alert(1)> \"t\"",
	"![x](javascript:alert(1))",
	"![x](data:image/png;base64,iVBORw0KGgo=)",
	"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
	"![x](mailto:a@b.org)",
	"<iframe src=\"https://evil.example\"></iframe>",
	"<svg onload=alert(1)><circle r=1 /></svg>",
	"<svg><script>alert(1)</script></svg>",
	"<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
	"<a href=\"javascript:alert(1)\">x</a>",
	"<a href=\"&#x6A;avascript:alert(1)\">x</a>",
	"<p style=\"background:url(javascript:alert(1))\">x</p>",
	"<span style=\"color:red\">rouge</span>",
	"<style>body{display:none}</style>",
	"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
	"<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">x</maction></math>",
	"<div>\n<script>alert(1)</script>\n</div>",
	"<div onclick=\"alert(1)\">\n\n*x*\n\n</div>",
	"<form action=\"https://evil.example\"><input name=p><button>ok</button></form>",
	"<object data=\"x.swf\"></object><embed src=\"x.swf\">",
	"<details open ontoggle=alert(1)>",
	"<!-- x --><script>alert(1)</script>",
	"<<script>script>alert(1)<</script>/script>",
	"<scr<script>ipt>alert(1)</scr</script>ipt>",
	"\\<script>alert(1)</script>",
	"`<script>alert(1)</script>`",
	"```html\n<script>alert(1)</script>\n```",
	"[a](https://exemple.org \"t\\\" onmouseover=\\\"alert(1)\")",
	"[a](https://exemple.org 'x\" onmouseover=\"alert(1)')",
	"<https://exemple.org/\" onmouseover=\"alert(1)>",
	"www.exemple.org/\"onmouseover=\"alert(1)",
	"https://exemple.org/<script>alert(1)</script>",
	"[[<script>alert(1)</script>]]",
	"[[x|<img src=x onerror=alert(1)>]]",
	"[[javascript:alert(1)]]",
	"![[\" onmouseover=\"alert(1)]]",
	"@[<img src=x onerror=alert(1)>](user:u1)",
	"@[x](user:javascript)",
	"# <script>alert(1)</script>\n\n## \" onclick=\"x",
	"| <script> | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
	"- [ ] <input type=text autofocus onfocus=alert(1)>",
	"<input type=\"checkbox\" onclick=\"alert(1)\">",
	"<base href=\"https://evil.example/\"><link rel=stylesheet href=x><meta http-equiv=refresh content=0>",
	"<a href=\"https://exemple.org\" target=\"_blank\">x</a>",
	"\x00<scr\x00ipt>alert(1)</script>",
}

// hostileResolver resolves every title to itself as href, and every
// person to a name full of markup: a broken or hostile resolver must still
// not get script through the sanitizer.
type hostileResolver struct{}

func (hostileResolver) NoteByTitle(title string) (string, bool) { return title, true }
func (hostileResolver) Person(id string) (string, bool) {
	return `<img src=x onerror=alert(1)>"` + id, true
}

var (
	scriptTag    = regexp.MustCompile(`(?i)<script`)
	onAttr       = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	quotedValues = regexp.MustCompile(`"[^"]*"|'[^']*'`)
)

// allowedAttrs lists, per element, the attributes the policy may let
// through. Anything else in rendered HTML is a sanitizer failure.
var allowedAttrs = map[string][]string{
	"p": nil, "br": nil, "hr": nil, "blockquote": nil, "pre": nil, "code": nil,
	"em": nil, "strong": nil, "del": nil, "ul": nil, "li": nil,
	"ol": {"start"}, "table": nil, "thead": nil, "tbody": nil, "tr": nil,
	"th": {"align"}, "td": {"align"},
	"h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
	"span":  {"class"},
	"a":     {"href", "rel", "class", "title"},
	"img":   {"src", "alt", "title"},
	"input": {"type", "checked", "disabled"},
}

// checkSafe returns what is wrong with rendered HTML, or "" when it holds
// only allowed elements and attributes, no event handler and no URL with a
// scheme other than http, https, mailto (links) or none.
func checkSafe(out string) string {
	if scriptTag.MatchString(out) {
		return "contains <script"
	}
	// Attribute names and values as a browser reads them.
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		// " on…=" inside a quoted value (a title) is text, not an attribute.
		raw := string(z.Raw())
		if onAttr.MatchString(quotedValues.ReplaceAllString(raw, `""`)) {
			return "event handler attribute in " + raw
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				return "event handler attribute " + a.Key
			}
			if strings.Contains(strings.ToLower(browserURL(a.Val)), "javascript:") {
				return fmt.Sprintf("javascript: in %s=%q", a.Key, a.Val)
			}
		}
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(out), body)
	if err != nil {
		return "does not parse: " + err.Error()
	}
	for _, n := range nodes {
		if msg := checkNode(n); msg != "" {
			return msg
		}
	}
	return ""
}

func checkNode(n *html.Node) string {
	switch n.Type {
	case html.ElementNode:
		allowed, ok := allowedAttrs[n.Data]
		if !ok || n.Namespace != "" {
			return fmt.Sprintf("element <%s> (namespace %q) not allowed", n.Data, n.Namespace)
		}
		for _, a := range n.Attr {
			if !contains(allowed, a.Key) || a.Namespace != "" {
				return fmt.Sprintf("attribute %s on <%s> not allowed", a.Key, n.Data)
			}
			if msg := checkAttr(n.Data, a.Key, a.Val); msg != "" {
				return msg
			}
		}
		if n.Data == "input" && (attr(n, "type") != "checkbox" || !hasAttr(n, "disabled")) {
			return "input that is not a disabled checkbox"
		}
	case html.CommentNode:
		return "comment left in output"
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if msg := checkNode(c); msg != "" {
			return msg
		}
	}
	return ""
}

func checkAttr(el, key, val string) string {
	switch key {
	case "href", "src":
		scheme := urlScheme(browserURL(val))
		ok := scheme == "" || scheme == "http" || scheme == "https" || scheme == "mailto" && key == "href"
		if !ok {
			return fmt.Sprintf("%s=%q on <%s>: scheme %q", key, val, el, scheme)
		}
		if _, err := url.Parse(val); err != nil {
			return fmt.Sprintf("%s=%q on <%s> does not parse", key, val, el)
		}
	case "class":
		if !(el == "a" && (val == "wikilink" || val == "mention") || el == "span" && val == "wikilink-missing") {
			return fmt.Sprintf("class %q on <%s>", val, el)
		}
	case "rel":
		if val != "nofollow noopener ugc" && val != "nofollow" {
			return fmt.Sprintf("rel %q", val)
		}
	}
	return ""
}

// browserURL prepares a URL the way the URL standard does before parsing:
// leading and trailing C0 controls and spaces trimmed, tabs and newlines
// removed anywhere ("java\tscript:" is "javascript:" to a browser).
func browserURL(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// urlScheme returns the lowercased scheme of u as a browser finds it: an
// ASCII letter, then letters, digits, '+', '-' or '.', then ':'.
func urlScheme(u string) string {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return strings.ToLower(u[:i])
		default:
			return ""
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func TestRenderHostile(t *testing.T) {
	r := New()
	for _, src := range hostile {
		for _, res := range []Resolver{nil, viewer(), hostileResolver{}} {
			got, err := r.Render(src, res)
			if err != nil {
				t.Fatalf("Render(%q): %v", src, err)
			}
			if msg := checkSafe(string(got.HTML)); msg != "" {
				t.Errorf("Render(%q) with %T: %s\n%s", src, res, msg, got.HTML)
			}
		}
	}
}

// The checker itself must catch what it is meant to catch, or the tests
// above prove nothing.
func TestCheckSafeCatches(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`,
		`<p onclick="x">a</p>`,
		`<a title='t"' onclick=x>a</a>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="jav&#x09;ascript:alert(1)">x</a>`,
		`<a href="JAVASCRIPT:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<img src="mailto:a@b.org">`,
		`<iframe src="https://x"></iframe>`,
		`<svg></svg>`,
		`<math></math>`,
		`<p style="color:red">x</p>`,
		`<span class="x">x</span>`,
		`<input type="text" disabled>`,
		`<input type="checkbox">`,
		`<!-- x -->`,
	} {
		if checkSafe(bad) == "" {
			t.Errorf("checkSafe(%q) found nothing wrong", bad)
		}
	}
	if msg := checkSafe(`<p><a href="https://x.org/a" rel="nofollow noopener ugc">a</a> <a class="mention" href="/people/u1">@L</a></p>`); msg != "" {
		t.Errorf("checkSafe on clean HTML: %s", msg)
	}
}

// Whatever the resolver returns as href goes through the policy: a hostile
// one ends up without the link, not with a script URL.
func TestRenderHostileResolverHref(t *testing.T) {
	got := render(t, New(), "[[javascript:alert(1)]] [[data:text/html,x]] [[/notes/ok]]", hostileResolver{})
	want := `<p><a class="wikilink">javascript:alert(1)</a> <a class="wikilink">data:text/html,x</a> <a class="wikilink" href="/notes/ok">/notes/ok</a></p>`
	if strings.TrimSpace(string(got.HTML)) != want {
		t.Fatalf("got  %s\nwant %s", got.HTML, want)
	}
}
