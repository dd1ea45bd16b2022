package markup

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxWikiLinkLen bounds the text between "[[" and "]]". Note titles are far
// shorter; the bound keeps the look-ahead constant, so a line of 100 000
// '[' stays linear.
const maxWikiLinkLen = 400

// kindWikiLink is assigned once at start-up: goldmark hands out node kinds
// from its own registry.
var kindWikiLink = ast.NewNodeKind("WikiLink")

// wikiLink is a [[Title]], [[Title|label]] or ![[Title]] in the AST.
type wikiLink struct {
	ast.BaseInline
	Title string // the target as typed, trimmed
	Label string // what the reader sees: the label, or the title
	Embed bool   // written ![[Title]], the form the editor inserts for a note mention

	// Set by resolve for one viewer.
	Href     string
	Resolved bool
	InLink   bool // inside a Markdown link: rendered as text, links do not nest
}

// Kind implements ast.Node.
func (n *wikiLink) Kind() ast.NodeKind { return kindWikiLink }

// Dump implements ast.Node.
func (n *wikiLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Title": n.Title, "Label": n.Label, "Embed": fmt.Sprint(n.Embed),
	}, nil)
}

// wikiLinkParser parses wiki links. It runs before goldmark's link parser,
// and declines anything that is not a complete wiki link on one line, which
// the link parser then reads as ordinary brackets.
type wikiLinkParser struct{}

// Trigger implements parser.InlineParser.
func (wikiLinkParser) Trigger() []byte { return []byte{'[', '!'} }

// Parse implements parser.InlineParser.
func (wikiLinkParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	title, label, n, embed := scanWikiLink(line)
	if n == 0 {
		return nil
	}
	block.Advance(n)
	return &wikiLink{Title: title, Label: label, Embed: embed}
}

// scanWikiLink reads a wiki link at the start of line and returns its
// title, label, length in bytes (0 when there is none) and whether it is
// the ![[...]] form.
func scanWikiLink(line []byte) (title, label string, n int, embed bool) {
	start := 2
	if len(line) > 0 && line[0] == '!' {
		embed = true
		start = 3
	}
	if len(line) < start+3 || !bytes.HasPrefix(line[start-2:], []byte("[[")) {
		return "", "", 0, false
	}
	end := -1
	for i := start; i < len(line) && i-start <= maxWikiLinkLen; i++ {
		c := line[i]
		if c == '[' || c == '\n' || c == '\r' {
			return "", "", 0, false
		}
		if c == ']' {
			if i+1 < len(line) && line[i+1] == ']' {
				end = i
			}
			break
		}
	}
	if end < 0 {
		return "", "", 0, false
	}
	inner := string(line[start:end])
	title, label = inner, ""
	if i := strings.IndexByte(inner, '|'); i >= 0 {
		// In a table cell the pipe must be escaped as "\|"; the backslash
		// stays in the text, so it is dropped here.
		title, label = strings.TrimSuffix(inner[:i], `\`), inner[i+1:]
	}
	title = strings.TrimSpace(title)
	label = strings.TrimSpace(label)
	if title == "" {
		return "", "", 0, false
	}
	if label == "" {
		label = title
	}
	return title, label, end + 2, embed
}
