package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Mention limits: a display name as the editor inserts it, and an opaque
// user ID of letters, digits, '-' and '_'.
const (
	maxMentionLabelLen = 200
	maxUserIDLen       = 64
)

// kindMention is assigned once at start-up from goldmark's node kind registry.
var kindMention = ast.NewNodeKind("Mention")

// mention is an @[Display name](user:ID) in the AST.
type mention struct {
	ast.BaseInline
	UserID string
	Label  string // the name as typed; never shown: the current name or Hidden is

	// Set by resolve for one viewer: the person's name when they may see
	// them (Resolved), else the wording of a hidden person.
	Name     string
	Resolved bool
	InLink   bool
}

// DefaultHiddenPerson is how a mention of a person the reader may not see
// (or of no one) reads when the resolver does not say: the wording of the
// default language.
const DefaultHiddenPerson = "un·e membre"

// HiddenPersonNamer is a Resolver that words, in the reader's language, a
// mention of a person the reader may not see ("a member").
type HiddenPersonNamer interface {
	HiddenPerson() string
}

func hiddenPerson(res Resolver) string {
	if h, ok := res.(HiddenPersonNamer); ok {
		if s := h.HiddenPerson(); s != "" {
			return s
		}
	}
	return DefaultHiddenPerson
}

// ReplaceMentions returns src with each @[label](user:ID) replaced by
// what f returns for it; when f says false the mention stays as written.
// Mentions are read as the parser reads them, but everywhere, code
// included, where they are not mentions: a caller hiding people from the
// Markdown source hides a little more, never less.
func ReplaceMentions(src string, f func(id, label string) (string, bool)) string {
	if !strings.Contains(src, "](user:") {
		return src
	}
	var b strings.Builder
	rest := src
	for {
		i := strings.Index(rest, "@[")
		if i < 0 {
			break
		}
		id, label, n := scanMention([]byte(rest[i:]))
		if n == 0 {
			b.WriteString(rest[:i+2])
			rest = rest[i+2:]
			continue
		}
		b.WriteString(rest[:i])
		if s, ok := f(id, label); ok {
			b.WriteString(s)
		} else {
			b.WriteString(rest[i : i+n])
		}
		rest = rest[i+n:]
	}
	b.WriteString(rest)
	return b.String()
}

// Kind implements ast.Node.
func (n *mention) Kind() ast.NodeKind { return kindMention }

// Dump implements ast.Node.
func (n *mention) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"UserID": n.UserID, "Label": n.Label}, nil)
}

// mentionParser parses mentions, starting at '@'. A plain "@word" is not a
// mention and stays text.
type mentionParser struct{}

// Trigger implements parser.InlineParser.
func (mentionParser) Trigger() []byte { return []byte{'@'} }

// Parse implements parser.InlineParser.
func (mentionParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	id, label, n := scanMention(line)
	if n == 0 {
		return nil
	}
	block.Advance(n)
	return &mention{UserID: id, Label: label}
}

// scanMention reads @[label](user:ID) at the start of line and returns the
// user ID, the label and the length in bytes (0 when there is none).
func scanMention(line []byte) (id, label string, n int) {
	if !bytes.HasPrefix(line, []byte("@[")) {
		return "", "", 0
	}
	end := -1
	for i := 2; i < len(line) && i-2 <= maxMentionLabelLen; i++ {
		c := line[i]
		if c == '[' || c == '\n' || c == '\r' {
			return "", "", 0
		}
		if c == ']' {
			end = i
			break
		}
	}
	if end < 0 {
		return "", "", 0
	}
	label = strings.TrimSpace(string(line[2:end]))
	rest := line[end+1:]
	if label == "" || !bytes.HasPrefix(rest, []byte("(user:")) {
		return "", "", 0
	}
	rest = rest[len("(user:"):]
	i := 0
	for i < len(rest) && i <= maxUserIDLen && idByte(rest[i]) {
		i++
	}
	if i == 0 || i > maxUserIDLen || i >= len(rest) || rest[i] != ')' {
		return "", "", 0
	}
	id = string(rest[:i])
	return id, label, end + 1 + len("(user:") + i + 1
}

// idByte reports whether c may appear in an opaque Maillage ID.
func idByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// validID reports whether s looks like an opaque Maillage ID.
func validID(s string) bool {
	if s == "" || len(s) > maxUserIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !idByte(s[i]) {
			return false
		}
	}
	return true
}
