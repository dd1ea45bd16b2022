package store

import (
	"strings"
	"unicode/utf8"
)

// Dialect names a supported database. SQL is written once with $1..$n
// placeholders, RETURNING and ON CONFLICT, which both accept; the few
// places that must differ ask the dialect.
type Dialect string

// Supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// likePrefix turns already-folded user text into a LIKE pattern matching
// values that start with it, escaping the pattern characters so "50%"
// or "a_b" match literally. Use it with ` ESCAPE '\'`, which both accept.
//
// Text longer than maxLikeText is cut there: it could match nothing whole,
// and matches nothing cut, while SQLite refuses patterns past 50 000
// bytes with an error.
func likePrefix(s string) string {
	if len(s) > maxLikeText {
		n := maxLikeText
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// maxLikeText is longer, in bytes, than any value searched with LIKE (the
// longest is a note's summary: 1000 characters, at most 4000 bytes).
const maxLikeText = 8000

// likeContains is likePrefix for a match anywhere in the value.
func likeContains(s string) string { return "%" + likePrefix(s) }
