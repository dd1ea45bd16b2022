package markup

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Table limits. GFM pads every body row with empty cells up to the header's
// column count, so a wide header followed by many one-character lines makes
// rows x columns cells out of a few bytes: 25 000 columns and 50 000 rows
// fit in 200 kB. Past these limits the text stays a paragraph.
const (
	maxTableColumns = 100
	maxTableCells   = 100_000
)

// tableExtension is goldmark's GFM table extension with alignments as
// align attributes (no style attribute to allow) and the limits above.
type tableExtension struct{}

// Extend implements goldmark.Extender, registering the same parts as
// extension.Table with the table paragraph transformer wrapped.
func (tableExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(
			util.Prioritized(boundedTable{extension.NewTableParagraphTransformer()}, 200),
		),
		parser.WithASTTransformers(
			util.Prioritized(extension.NewTableASTTransformer(), 0),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewTableHTMLRenderer(
			extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute),
		), 500),
	))
}

// boundedTable refuses to turn a paragraph into a table when the table
// would exceed maxTableColumns or maxTableCells.
type boundedTable struct {
	parser.ParagraphTransformer
}

// Transform implements parser.ParagraphTransformer.
func (b boundedTable) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	source := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(source)
		if !delimiterRow(line) {
			continue
		}
		cols := bytes.Count(line, []byte{'|'}) + 1
		rows := lines.Len() - i
		if cols > maxTableColumns+2 || cols*rows > maxTableCells {
			return
		}
	}
	b.ParagraphTransformer.Transform(node, reader, pc)
}

// delimiterRow reports whether line could be a table delimiter row
// ("|---|:-:|"): only dashes, colons, pipes and spaces, with a pipe.
func delimiterRow(line []byte) bool {
	pipe := false
	for _, c := range line {
		switch c {
		case '|':
			pipe = true
		case '-', ':', ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return pipe
}
