package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/search"
)

// fts5Engine is raw SQLite FTS5 (modernc.org/sqlite) in a scratch file:
// no stemming (unicode61 with diacritics removed), bm25 ranking weighted
// like the other engines, and the visibility filter as columns of
// audience tokens matched in the same MATCH expression, so FTS5 filters
// inside its own index.
type fts5Engine struct {
	dir   string
	db    *sql.DB
	keys  map[string]string // audience key or tag ID -> its token
	ids   []string          // rowid-1 -> document key
	count *sql.Stmt
	page  *sql.Stmt
}

func (e *fts5Engine) path() string { return filepath.Join(e.dir, "fts5.db") }

func (e *fts5Engine) Build(ctx context.Context, docs []search.Document) error {
	dsn := "file:" + e.path() + "?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	db.SetMaxOpenConns(1)
	e.db = db
	// Contentless: FTS5 keeps only its index; hits come back as rowids.
	stmts := []string{
		`CREATE VIRTUAL TABLE d USING fts5(title, tags, body, tag, aud0, aud1,
			content='', tokenize='unicode61 remove_diacritics 2')`,
		`INSERT INTO d(d, rank) VALUES('rank', 'bm25(` + fmt.Sprintf("%d.0, %d.0, %d.0", boostTitle, boostTags, boostBody) + `, 0.0, 0.0, 0.0)')`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: %w", err)
		}
	}
	e.keys = map[string]string{}
	e.ids = make([]string, len(docs))
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO d(rowid, title, tags, body, tag, aud0, aud1) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	for i, d := range docs {
		e.ids[i] = docKey(d)
		g0, g1 := audienceGroups(d)
		if _, err := ins.ExecContext(ctx, i+1, d.Title, tagsText(d), bodyText(d),
			e.tokens(d.TagIDs, true), e.tokens(g0, true), e.tokens(g1, true)); err != nil {
			return fmt.Errorf("fts5: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	// Merge the index's b-trees into one, as a bulk load should end.
	if _, err := db.ExecContext(ctx, `INSERT INTO d(d) VALUES('optimize')`); err != nil {
		return fmt.Errorf("fts5 optimize: %w", err)
	}
	if e.count, err = db.PrepareContext(ctx, `SELECT count(*) FROM d WHERE d MATCH ?`); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	if e.page, err = db.PrepareContext(ctx, `SELECT rowid FROM d WHERE d MATCH ? ORDER BY rank LIMIT `+strconv.Itoa(limit)); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	return nil
}

// tokens turns audience keys or tag IDs into single FTS5 tokens ("k12"),
// since keys hold punctuation the tokenizer would split on. With add,
// unknown values get a new token; without, they are dropped.
func (e *fts5Engine) tokens(values []string, add bool) string {
	var b strings.Builder
	for _, v := range values {
		t, ok := e.keys[v]
		if !ok {
			if !add {
				continue
			}
			t = "k" + strconv.Itoa(len(e.keys))
			e.keys[v] = t
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// match is the FTS5 query: the text in the three text columns, and one
// token of each filter column.
func (e *fts5Engine) match(q benchQuery) string {
	var b strings.Builder
	b.WriteString("{title tags body} : ")
	switch {
	case q.Phrase:
		b.WriteString(ftsString(strings.Join(q.Words, " ")))
	default:
		b.WriteByte('(')
		for i, w := range q.Words {
			if i > 0 {
				b.WriteString(" AND ")
			}
			b.WriteString(ftsString(w))
			if q.Prefix && i == len(q.Words)-1 {
				b.WriteString(" *")
			}
		}
		b.WriteByte(')')
	}
	filter := func(column string, values []string) {
		b.WriteString(" AND " + column + " : (")
		toks := strings.Fields(e.tokens(values, false))
		if len(toks) == 0 {
			toks = []string{"nothing"} // a token no document holds
		}
		b.WriteString(strings.Join(toks, " OR "))
		b.WriteByte(')')
	}
	filter("aud0", q.Viewer.Keys)
	filter("aud1", viewerKeys(q.Viewer))
	if q.Tag != nil {
		filter("tag", q.Tag.IDs)
	}
	return b.String()
}

// ftsString quotes a string for an FTS5 query.
func ftsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func (e *fts5Engine) Search(ctx context.Context, q benchQuery) (int, []string, error) {
	m := e.match(q)
	var total int
	if err := e.count.QueryRowContext(ctx, m).Scan(&total); err != nil {
		return 0, nil, fmt.Errorf("fts5 %s: %w", m, err)
	}
	rows, err := e.page.QueryContext(ctx, m)
	if err != nil {
		return 0, nil, fmt.Errorf("fts5 %s: %w", m, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var rowid int
		if err := rows.Scan(&rowid); err != nil {
			return 0, nil, fmt.Errorf("fts5: %w", err)
		}
		ids = append(ids, e.ids[rowid-1])
	}
	return total, ids, rows.Err()
}

func (e *fts5Engine) DiskBytes(context.Context) (int64, error) {
	st, err := os.Stat(e.path())
	if err != nil {
		return 0, fmt.Errorf("fts5: %w", err)
	}
	return st.Size(), nil
}

func (e *fts5Engine) Note() string {
	return "SQLite FTS5 (modernc.org/sqlite), contentless, `unicode61 remove_diacritics 2` (no stemming), bm25; audience keys as token columns in the MATCH"
}

func (e *fts5Engine) Close() error {
	if e.db == nil {
		return nil
	}
	err := e.db.Close()
	e.db = nil
	os.Remove(e.path())
	return err
}
