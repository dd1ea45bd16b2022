package markup

import (
	"bytes"
	"net/url"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// userLinkRel marks links written by members: search engines should not
// credit them to Maillage (nofollow, ugc) and the target gets no handle on
// the page (noopener).
const userLinkRel = "nofollow noopener ugc"

// nodeRenderer renders the nodes whose HTML Maillage decides itself: links
// and images (scheme allow list, rel), wiki links and mentions.
type nodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindAutoLink, renderAutoLink)
	reg.Register(ast.KindImage, renderImage)
	reg.Register(kindWikiLink, renderWikiLink)
	reg.Register(kindMention, renderMention)
}

// renderLink writes a Markdown link, or only its text when the destination
// is not an allowed URL: the reader keeps the words, loses the trap.
func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := util.URLEscape(n.Destination, true)
	if !allowedURL(dest, true) {
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`"`)
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(` rel="` + userLinkRel + `">`)
	return ast.WalkContinue, nil
}

// renderAutoLink writes <https://…>, <a@b.org> and bare URLs found by linkify.
func renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := n.Label(source)
	dest := autoLinkURL(n, source)
	if !allowedURL(dest, true) {
		_, _ = w.Write(util.EscapeHTML(label))
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`" rel="` + userLinkRel + `">`)
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// autoLinkURL returns the href of an autolink, as goldmark would write it.
func autoLinkURL(n *ast.AutoLink, source []byte) []byte {
	dest := util.URLEscape(n.URL(source), false)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
		dest = append([]byte("mailto:"), dest...)
	}
	return dest
}

// renderImage writes an image with an http(s) or relative source, or its
// alternative text otherwise.
func renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := []byte(inlineText(n, source))
	dest := util.URLEscape(n.Destination, true)
	if !allowedURL(dest, false) {
		_, _ = w.Write(util.EscapeHTML(alt))
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML(alt))
	_, _ = w.WriteString(`"`)
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkSkipChildren, nil
}

// renderWikiLink writes a resolved wiki link as a link, anything else as
// text that does not tell a hidden note from an absent one.
func renderWikiLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*wikiLink)
	label := util.EscapeHTML([]byte(n.Label))
	switch {
	case n.InLink:
		_, _ = w.Write(label)
	case n.Resolved:
		_, _ = w.WriteString(`<a class="wikilink" href="`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Href)))
		_, _ = w.WriteString(`">`)
		_, _ = w.Write(label)
		_, _ = w.WriteString("</a>")
	default:
		_, _ = w.WriteString(`<span class="wikilink-missing">`)
		_, _ = w.Write(label)
		_, _ = w.WriteString("</span>")
	}
	return ast.WalkContinue, nil
}

// renderMention writes a visible person as a link with their current name,
// anyone else as plain text naming no one ("un·e membre"): neither the
// label the writer typed nor the ID.
func renderMention(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*mention)
	if !n.Resolved {
		_, _ = w.Write(util.EscapeHTML([]byte(n.Name)))
		return ast.WalkContinue, nil
	}
	name := util.EscapeHTML([]byte(n.Name))
	if n.InLink {
		_, _ = w.WriteString("@")
		_, _ = w.Write(name)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a class="mention" href="/people/`)
	_, _ = w.WriteString(url.PathEscape(n.UserID))
	_, _ = w.WriteString(`">@`)
	_, _ = w.Write(name)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}
