package markup

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// newPolicy returns the bluemonday policy for rendered bodies: the
// elements and attributes nodeRenderer and goldmark's HTML renderer write
// for the syntax Maillage enables, with URL schemes limited to http, https
// and mailto, or relative URLs. Everything else (script, style, iframe,
// object, embed, svg, math, form, event handlers, style attributes, other
// classes) is dropped, its text kept when harmless.
func newPolicy() *bluemonday.Policy {
	// Attribute values the renderer produces; nothing else gets through.
	var (
		headingIDPattern = regexp.MustCompile(`^[\p{L}\p{N}-]{1,100}$`) // slugs of headingIDs
		alignPattern     = regexp.MustCompile(`^(left|center|right)$`)
		checkboxPattern  = regexp.MustCompile(`^checkbox$`)
		emptyPattern     = regexp.MustCompile(`^$`)
		relPattern       = regexp.MustCompile(`^` + userLinkRel + `$`)
		linkClassPattern = regexp.MustCompile(`^(wikilink|mention)$`)
		spanClassPattern = regexp.MustCompile(`^wikilink-missing$`)
		// Images load without a click: http, https or a relative URL (no
		// scheme before the first '/', '?' or '#'), never mailto.
		imageSrcPattern = regexp.MustCompile(`^(?:(?i:https?):|[^:/?#]*(?:[/?#]|$))`)
	)

	p := bluemonday.NewPolicy()

	p.AllowElements(
		"p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del",
		"ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
		"h1", "h2", "h3", "h4", "h5", "h6", "span",
	)
	p.AllowAttrs("id").Matching(headingIDPattern).OnElements("h1", "h2", "h3", "h4", "h5", "h6")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("align").Matching(alignPattern).OnElements("th", "td")
	p.AllowAttrs("type").Matching(checkboxPattern).OnElements("input")
	p.AllowAttrs("checked", "disabled").Matching(emptyPattern).OnElements("input")

	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(relPattern).OnElements("a")
	p.AllowAttrs("class").Matching(linkClassPattern).OnElements("a")
	p.AllowAttrs("class").Matching(spanClassPattern).OnElements("span")
	p.AllowAttrs("src").Matching(imageSrcPattern).OnElements("img")
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("title").OnElements("a", "img")

	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	// The renderer already marks member links; this catches any absolute
	// link that would come out without the mark.
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	return p
}
