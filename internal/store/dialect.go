package store

import "strings"

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
func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// likeContains is likePrefix for a match anywhere in the value.
func likeContains(s string) string { return "%" + likePrefix(s) }
