package markup

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark does some work in time quadratic in the input for a few
// shapes no person writes but anyone can paste: containers nested
// thousands deep on one line, thousands of emphasis delimiters that never
// match, thousands of "]" in one long paragraph. MaxSourceBytes alone
// would let such a body cost seconds to minutes of CPU per view. The
// guards below bound that work while leaving ordinary text untouched; past
// a bound, the extra markup is shown as typed.
const (
	// maxContainerDepth caps the block quotes and list items one line
	// opens; goldmark's cost per line grows with the square of that depth.
	maxContainerDepth = 32
	// maxDelimiterRuns caps the runs of '*', '_' and '~' in one paragraph
	// that may become emphasis; matching them costs up to the square of
	// their number.
	maxDelimiterRuns = 1000
	// maxLinkWork bounds, for a whole body, the estimated work of closing
	// link brackets: each "]" rescans the rest of its paragraph.
	maxLinkWork = 20_000_000
	// maxDestinationScan bounds the look-ahead of one link destination or
	// title; a longer one is not a link (URLs are at most 2000 bytes).
	maxDestinationScan = 4096
)

// tame caps the container depth of every line outside fenced code: the
// marker past maxContainerDepth gets a backslash, so the rest of the line
// reads as text. It returns src itself when no line needs it.
func tame(src []byte) []byte {
	var out *bytes.Buffer
	done := 0 // bytes of src already copied to out
	fence := byte(0)
	fenceLen := 0
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		line := src[start:end]
		if c, n := fenceOf(line); n > 0 {
			switch {
			case fence == 0:
				fence, fenceLen = c, n
			case c == fence && n >= fenceLen:
				fence = 0
			}
		} else if fence == 0 {
			if at := deepMarker(line); at >= 0 {
				if out == nil {
					out = &bytes.Buffer{}
					out.Grow(len(src) + 64)
				}
				out.Write(src[done : start+at])
				out.WriteByte('\\')
				done = start + at
			}
		}
		start = end
	}
	if out == nil {
		return src
	}
	out.Write(src[done:])
	return out.Bytes()
}

// fenceOf returns the character and length of the code fence line opens
// or closes ("```", "~~~~"), or 0, 0.
func fenceOf(line []byte) (byte, int) {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '`' && line[i] != '~' {
		return 0, 0
	}
	c := line[i]
	n := 0
	for i+n < len(line) && line[i+n] == c {
		n++
	}
	if n < 3 {
		return 0, 0
	}
	return c, n
}

// deepMarker returns the offset in line of the container marker that
// would open level maxContainerDepth+1, or -1. Thematic breaks ("* * *")
// are left alone: their stars are not list markers.
func deepMarker(line []byte) int {
	depth := 0
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return -1
		}
		at, next := i, -1
		switch c := line[i]; {
		case c == '>':
			next = i + 1
		case c == '-' || c == '+' || c == '*':
			if spaceAt(line, i+1) {
				next = i + 2
			}
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && spaceAt(line, j+1) {
				// Escaping the digit would leave a visible backslash; the
				// dot or parenthesis escaped ends the marker just as well.
				at, next = j, j+2
			}
		}
		if next < 0 {
			return -1
		}
		depth++
		if depth > maxContainerDepth {
			if thematicBreak(line) {
				return -1
			}
			return at
		}
		i = next
	}
}

// spaceAt reports whether line has a space, a tab or its end at i.
func spaceAt(line []byte, i int) bool {
	return i >= len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r'
}

// thematicBreak reports whether line is a thematic break: three or more
// of one of '-', '*', '_' and nothing else but white space.
func thematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, c := range line {
		switch c {
		case ' ', '\t', '\n', '\r':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// guardKey holds the guardState of one parse in goldmark's context. It is
// assigned once at start-up from goldmark's key registry.
var guardKey = parser.NewContextKey()

// guardState is the work one parse has done so far.
type guardState struct {
	block    ast.Node // block whose inline content delims counts
	delims   int      // delimiter runs seen in block
	linkWork int      // estimated link-closing work in the whole body
}

func stateOf(pc parser.Context) *guardState {
	return pc.ComputeIfAbsent(guardKey, func() any { return &guardState{} }).(*guardState)
}

// literal consumes n bytes at the reader's position as plain text: the
// parsers behind the guard never see them.
func literal(block text.Reader, n int) ast.Node {
	_, seg := block.Position()
	block.Advance(n)
	return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+n))
}

// delimiterGuard runs before goldmark's emphasis and strikethrough parsers
// and, past maxDelimiterRuns runs in one paragraph, hands them no more.
type delimiterGuard struct{}

// Trigger implements parser.InlineParser.
func (delimiterGuard) Trigger() []byte { return []byte{'*', '_', '~'} }

// Parse implements parser.InlineParser.
func (delimiterGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	st := stateOf(pc)
	if st.block != parent {
		st.block, st.delims = parent, 0
	}
	st.delims++
	if st.delims <= maxDelimiterRuns {
		return nil
	}
	line, _ := block.PeekLine()
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	return literal(block, n)
}

// linkGuard runs before goldmark's link parser on "]" and, once the
// estimated work of closing links in this body passes maxLinkWork, or for
// a destination or title longer than maxDestinationScan, makes the "]"
// plain text.
type linkGuard struct{}

// Trigger implements parser.InlineParser.
func (linkGuard) Trigger() []byte { return []byte{']'} }

// Parse implements parser.InlineParser.
func (linkGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if !pc.IsInLinkLabel() {
		return nil // no "[" open: the link parser returns at once
	}
	st := stateOf(pc)
	if st.linkWork > maxLinkWork {
		return literal(block, 1)
	}
	// The link parser walks the siblings after the "[" and reads the rest
	// of the paragraph line by line, up to three times.
	lineNo, seg := block.Position()
	work := parent.ChildCount() + 3*(parent.Lines().Len()-lineNo) + 1
	scanned, ok := linkTail(block.Source()[seg.Start:])
	st.linkWork += work + scanned
	if !ok {
		return literal(block, 1)
	}
	return nil
}

// linkTail looks at what follows a "]" (rest is the source from it) as
// goldmark will, without its unbounded scans. It returns the bytes looked
// at, and false when a destination, title or reference label runs past
// maxDestinationScan.
func linkTail(rest []byte) (int, bool) {
	// line is the rest of the line, cut at the scan limit (truncated).
	line, truncated := rest, false
	if i := bytes.IndexByte(limit(rest), '\n'); i >= 0 {
		line = rest[:i+1]
	} else if len(rest) > maxDestinationScan {
		line, truncated = rest[:maxDestinationScan], true
	}
	if len(line) < 2 {
		return 1, true
	}
	switch line[1] {
	case '[':
		i := bytes.IndexByte(limit(rest[2:]), ']')
		return scanCost(i), i >= 0
	case '(':
	default:
		return 1, true
	}
	i := 2
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i >= len(line) {
		return i, !truncated
	}
	if line[i] == '<' {
		j := bytes.IndexByte(limit(line[i+1:]), '>')
		return i + scanCost(j), j >= 0
	}
	// A bare destination ends at white space or an unbalanced ')'.
	depth := 0
	j := i
	for ; j < len(line) && j-i < maxDestinationScan; j++ {
		c := line[j]
		if c == '\\' {
			j++
			continue
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			depth--
			if depth < 0 {
				return j, true
			}
		} else if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
	}
	if j-i >= maxDestinationScan || j >= len(line) && truncated {
		return j, false
	}
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j >= len(line) || (line[j] != '"' && line[j] != '\'' && line[j] != '(') {
		return j, true
	}
	// A title may run over lines: goldmark looks for its end in the rest
	// of the paragraph.
	closer := line[j]
	if closer == '(' {
		closer = ')'
	}
	k := bytes.IndexByte(limit(rest[j+1:]), closer)
	return j + scanCost(k), k >= 0
}

// limit cuts b to maxDestinationScan bytes.
func limit(b []byte) []byte {
	if len(b) > maxDestinationScan {
		return b[:maxDestinationScan]
	}
	return b
}

// scanCost is the work of an IndexByte that found i (-1: scanned the limit).
func scanCost(i int) int {
	if i < 0 {
		return maxDestinationScan
	}
	return i + 1
}
