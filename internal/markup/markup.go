package markup

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/maillage/maillage/internal/maillage"
)

// MaxSourceBytes is the largest Markdown body Maillage accepts, in bytes.
// It keeps a single render well under a second and bounds what one body can
// cost the server, whatever it contains.
const MaxSourceBytes = 200_000

// MessageTooLong is the message ID of the error returned for a body over
// MaxSourceBytes. Its data holds "Max", the limit in bytes.
const MessageTooLong = "markup.too_long"

// BodyField is the form and API field the size error is attached to.
const BodyField = "body"

// Resolver answers, as the viewer of a page, what wiki links and mentions
// point to. It must say "absent" for anything the viewer may not see, so the
// HTML never reveals that a hidden note or person exists.
type Resolver interface {
	// NoteByTitle resolves a [[wiki link]] target as the viewer may see it:
	// its href ("/notes/ID"), and ok=false when absent or not visible.
	NoteByTitle(title string) (href string, ok bool)
	// Person resolves an @mention by user ID: the display name, and
	// ok=false when unknown or not visible.
	Person(id string) (name string, ok bool)
}

// Heading is one entry of a body's table of contents.
type Heading struct {
	Level int    // 2 to 4
	ID    string // the heading's id attribute, for "#ID" anchors
	Text  string // the heading as the reader sees it
}

// Result is a body rendered for one viewer.
type Result struct {
	// HTML is sanitized and safe to insert in a page as is.
	HTML template.HTML
	// TOC lists the h2 to h4 headings in order.
	TOC []Heading
	// Text is the plain text of the body, white space collapsed, for search
	// indexing, snippets and the text part of emails.
	Text string
}

// Renderer turns Markdown into sanitized HTML. Build one at start-up with
// New; it is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New builds a Renderer: the goldmark parser and renderer with Maillage's
// extensions, and the bluemonday policy matching what they produce.
func New() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Strikethrough,
			extension.TaskList,
			extension.NewLinkify(
				// Only web addresses become links; "ftp://" and friends stay text.
				extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"}),
			),
			tableExtension{},
			maillageExtension{},
		),
	)
	return &Renderer{md: md, policy: newPolicy()}
}

// Check returns an invalid-input error when src is too large to be saved
// or rendered, nil otherwise. Services call it before storing a body.
func Check(src string) error {
	if len(src) <= MaxSourceBytes {
		return nil
	}
	data := map[string]any{"Max": MaxSourceBytes}
	e := &maillage.Error{
		Code:      maillage.CodeInvalid,
		MessageID: MessageTooLong,
		Data:      data,
		Fields:    []maillage.FieldError{{Field: BodyField, MessageID: MessageTooLong, Data: data}},
	}
	return fmt.Errorf("markup: body of %d bytes over %d: %w", len(src), MaxSourceBytes, e)
}

// Render turns src into sanitized HTML for the viewer res answers for,
// with its table of contents and plain text. res may be nil: every wiki
// link then renders as missing and every mention as plain text. It fails
// only as Check does, for a body over MaxSourceBytes: any other input, however
// malformed, renders.
func (r *Renderer) Render(src string, res Resolver) (Result, error) {
	if err := Check(src); err != nil {
		return Result{}, err
	}
	source := tame([]byte(src))
	doc := r.parse(source)
	resolve(doc, res)

	var buf bytes.Buffer
	buf.Grow(len(source) + len(source)/2)
	if err := r.md.Renderer().Render(&buf, source, doc); err != nil {
		return Result{}, fmt.Errorf("markup: render: %w", err)
	}
	clean := r.policy.SanitizeReader(&buf)
	out := clean.String()
	toc, plain := extractText(out)
	// out has just been through the policy: it is safe to mark as HTML.
	return Result{HTML: template.HTML(out), TOC: toc, Text: plain}, nil
}

// parse builds the AST of source with a fresh context, so heading IDs are
// unique within one body and never shared between concurrent renders.
func (r *Renderer) parse(source []byte) ast.Node {
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	return r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
}

// maillageExtension adds wiki links, mentions, heading IDs, the work
// guards and the safe link and image renderers to goldmark.
type maillageExtension struct{}

// Extend implements goldmark.Extender.
func (maillageExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(
			// Before goldmark's link parser (200), which also starts at '[' and '!'.
			util.Prioritized(wikiLinkParser{}, 150),
			util.Prioritized(mentionParser{}, 150),
			util.Prioritized(linkGuard{}, 150),
			// Before the emphasis and strikethrough parsers (500).
			util.Prioritized(delimiterGuard{}, 450),
		),
		parser.WithASTTransformers(util.Prioritized(headingIDTransformer{}, 900)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		// Lower than goldmark's HTML renderer (1000), so these win for links and images.
		util.Prioritized(nodeRenderer{}, 100),
	))
}
