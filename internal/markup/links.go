package markup

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Links is what a body points to, for backlinks, mention notifications and
// link previews. Each list keeps the order of first appearance, without
// duplicates. Text inside code spans and code blocks points nowhere.
type Links struct {
	// WikiTitles are the targets of [[Title]], [[Title|label]] and
	// ![[Title]], as typed (trimmed).
	WikiTitles []string
	// NoteIDs come from Markdown links and URLs to note pages: "/notes/ID"
	// or an absolute URL with any host, with an optional trailing path,
	// query or anchor ("/notes/ID/edit", "/notes/ID#section").
	NoteIDs []string
	// MentionIDs are the user IDs of @[Name](user:ID) mentions.
	MentionIDs []string
	// URLs are the absolute http(s) URLs of links and bare addresses, for
	// link previews; links to note and people pages are not among them.
	URLs []string
}

// Links extracts what src points to without rendering HTML. It is the same
// for every viewer. A body over MaxSourceBytes, which Check refuses to
// save, yields no links.
func (r *Renderer) Links(src string) Links {
	if len(src) > MaxSourceBytes {
		return Links{}
	}
	source := tame([]byte(src))
	doc := r.parse(source)
	var l Links
	seen := map[string]bool{}
	add := func(list *[]string, kind, v string) {
		if v == "" || seen[kind+"\x00"+v] {
			return
		}
		seen[kind+"\x00"+v] = true
		*list = append(*list, v)
	}
	target := func(dest []byte) {
		id, external := classifyURL(string(dest))
		add(&l.NoteIDs, "note", id)
		add(&l.URLs, "url", external)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *wikiLink:
			add(&l.WikiTitles, "wiki", n.Title)
		case *mention:
			add(&l.MentionIDs, "user", n.UserID)
		case *ast.Link:
			target(util.URLEscape(n.Destination, true))
		case *ast.AutoLink:
			target(autoLinkURL(n, source))
		}
		return ast.WalkContinue, nil
	})
	return l
}

// classifyURL sorts a link destination: the note ID it points to, or the
// URL itself when it is an absolute http(s) URL outside note and people
// pages. Anything else (mail, other relative paths) gives two "".
func classifyURL(dest string) (noteID, external string) {
	dest = strings.TrimSpace(dest)
	u, err := url.Parse(dest)
	if err != nil {
		return "", ""
	}
	web := (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	local := u.Scheme == "" && strings.HasPrefix(u.Path, "/")
	if !web && !local {
		return "", ""
	}
	if rest, ok := strings.CutPrefix(u.Path, "/notes/"); ok {
		id, _, _ := strings.Cut(rest, "/")
		if validID(id) && id != "new" {
			return id, ""
		}
		return "", ""
	}
	if u.Path == "/notes" || u.Path == "/people" || strings.HasPrefix(u.Path, "/people/") {
		return "", ""
	}
	if web {
		return "", dest
	}
	return "", ""
}

// allowedURL reports whether a link or image destination, as written in
// the href or src, uses an allowed scheme: http, https, mailto (links only)
// or none at all (a relative URL). goldmark has already percent-encoded
// white space and control characters, so "java\tscript:" cannot hide a
// scheme; an encoded character before a colon makes the URL refused.
func allowedURL(dest []byte, mailto bool) bool {
	for i, c := range dest {
		switch c {
		case ':':
			scheme := strings.ToLower(string(dest[:i]))
			return scheme == "http" || scheme == "https" || mailto && scheme == "mailto"
		case '/', '?', '#':
			return true
		}
	}
	return true
}
