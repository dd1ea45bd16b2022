package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode/utf8"
)

// PostgreSQL refuses text holding a NUL character or bytes that are not
// UTF-8 with an error, which would turn any such input (a search term, an
// ID in a path, a field of a form) into a 500. Text people write is
// cleaned by the services long before it gets here (maillage.CleanLine,
// CleanText); this is the last line, at the one place every query passes:
// the connection pools and transactions below hand the driver text
// arguments without NUL and with invalid bytes replaced by U+FFFD, on both
// databases alike, so a query with such an argument simply finds nothing.

// pool is a *sql.DB whose statements get their text arguments cleaned.
type pool struct{ *sql.DB }

// ExecContext runs a statement with cleaned arguments.
func (p pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.DB.ExecContext(ctx, query, cleanArgs(args)...)
}

// QueryContext runs a query with cleaned arguments.
func (p pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.DB.QueryContext(ctx, query, cleanArgs(args)...)
}

// QueryRowContext runs a single-row query with cleaned arguments.
func (p pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.DB.QueryRowContext(ctx, query, cleanArgs(args)...)
}

// BeginTx starts a transaction whose statements clean their arguments too.
func (p pool) BeginTx(ctx context.Context, opts *sql.TxOptions) (sqlTx, error) {
	tx, err := p.DB.BeginTx(ctx, opts)
	return sqlTx{tx}, err
}

// sqlTx is a *sql.Tx whose statements get their text arguments cleaned.
type sqlTx struct{ *sql.Tx }

// ExecContext runs a statement with cleaned arguments.
func (t sqlTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, query, cleanArgs(args)...)
}

// QueryContext runs a query with cleaned arguments.
func (t sqlTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, query, cleanArgs(args)...)
}

// QueryRowContext runs a single-row query with cleaned arguments.
func (t sqlTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, query, cleanArgs(args)...)
}

// cleanArgs returns args with every string (alone or in a []string)
// made acceptable to PostgreSQL. It copies only when something changes.
func cleanArgs(args []any) []any {
	out := args
	copied := false
	set := func(i int, v any) {
		if !copied {
			out = append([]any(nil), args...)
			copied = true
		}
		out[i] = v
	}
	for i, a := range args {
		switch v := a.(type) {
		case string:
			if !cleanText(v) {
				set(i, cleanString(v))
			}
		case []string:
			if j := firstUnclean(v); j >= 0 {
				c := append([]string(nil), v...)
				for k := j; k < len(c); k++ {
					c[k] = cleanString(c[k])
				}
				set(i, c)
			}
		}
	}
	return out
}

func firstUnclean(ss []string) int {
	for i, s := range ss {
		if !cleanText(s) {
			return i
		}
	}
	return -1
}

func cleanText(s string) bool { return strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) }

func cleanString(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}
