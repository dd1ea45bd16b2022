package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/search"
)

// fts5Engine is raw SQLite FTS5 (modernc.org/sqlite) in a scratch file:
// no stemming (unicode61 with diacritics removed), bm25 ranking weighted
// like the other engines. The visibility filter is a join: an ordinary
// table lists each document's audience keys by group, and a match is kept
// when the viewer holds a key of each group. (Audience tokens in the MATCH
// itself were tried first: "everyone" is in most documents, so FTS5 then
// merges a doclist as long as the corpus on every query; a rare word took
// 4 times as long on the smoke profile, and the gap grows with the
// corpus.) Tags, rarer, stay tokens in the MATCH.
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
		`CREATE VIRTUAL TABLE d USING fts5(title, tags, body, tag,
			content='', tokenize='unicode61 remove_diacritics 2')`,
		`INSERT INTO d(d, rank) VALUES('rank', 'bm25(` + fmt.Sprintf("%d.0, %d.0, %d.0", boostTitle, boostTags, boostBody) + `, 0.0)')`,
		`CREATE TABLE aud (doc INTEGER NOT NULL, grp INTEGER NOT NULL, key TEXT NOT NULL,
			PRIMARY KEY (doc, grp, key)) WITHOUT ROWID`,
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
	ins, err := tx.PrepareContext(ctx, `INSERT INTO d(rowid, title, tags, body, tag) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	insAud, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO aud (doc, grp, key) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	for i, d := range docs {
		e.ids[i] = docKey(d)
		g0, g1 := audienceGroups(d)
		if _, err := ins.ExecContext(ctx, i+1, d.Title, tagsText(d), bodyText(d), e.tokens(d.TagIDs, true)); err != nil {
			return fmt.Errorf("fts5: %w", err)
		}
		for grp, keys := range [][]string{g0, g1} {
			for _, k := range keys {
				if _, err := insAud.ExecContext(ctx, i+1, grp, k); err != nil {
					return fmt.Errorf("fts5: %w", err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	// Merge the index's b-trees into one, as a bulk load should end.
	if _, err := db.ExecContext(ctx, `INSERT INTO d(d) VALUES('optimize')`); err != nil {
		return fmt.Errorf("fts5 optimize: %w", err)
	}
	// ?1 is the MATCH expression, ?2 the viewer's keys as a JSON array.
	visible := ` AND EXISTS (SELECT 1 FROM aud WHERE aud.doc = d.rowid AND aud.grp = 0 AND aud.key IN (SELECT value FROM json_each(?2)))
		AND EXISTS (SELECT 1 FROM aud WHERE aud.doc = d.rowid AND aud.grp = 1 AND aud.key IN (SELECT value FROM json_each(?2)))`
	if e.count, err = db.PrepareContext(ctx, `SELECT count(*) FROM d WHERE d MATCH ?1`+visible); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	if e.page, err = db.PrepareContext(ctx, `SELECT rowid FROM d WHERE d MATCH ?1`+visible+` ORDER BY rank LIMIT `+strconv.Itoa(limit)); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	return nil
}

// tokens turns tag IDs into single FTS5 tokens ("k12"), so that no ID
// the tokenizer would split can match part of another. With add,
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
// of the tags in the tag column.
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
	if q.Tag != nil {
		filter("tag", q.Tag.IDs)
	}
	return b.String()
}

// ftsString quotes a string for an FTS5 query.
func ftsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func (e *fts5Engine) Search(ctx context.Context, q benchQuery) (int, []string, error) {
	m := e.match(q)
	keys, err := json.Marshal(viewerKeys(q.Viewer))
	if err != nil {
		return 0, nil, err
	}
	var total int
	if err := e.count.QueryRowContext(ctx, m, string(keys)).Scan(&total); err != nil {
		return 0, nil, fmt.Errorf("fts5 %s: %w", m, err)
	}
	rows, err := e.page.QueryContext(ctx, m, string(keys))
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
	return "SQLite FTS5 (modernc.org/sqlite), contentless, `unicode61 remove_diacritics 2` (no stemming), bm25; audience keys in a joined table"
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
