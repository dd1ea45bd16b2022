package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/search"
)

// postgresEngine is PostgreSQL full-text search in a scratch schema of
// its own (dropped by Close): a french text search configuration with
// unaccent when the extension is installed, a weighted tsvector (title A,
// tags B, body D) under a GIN index, ts_rank ordering, and the visibility
// filter as text[] overlaps on the two audience groups.
type postgresEngine struct {
	url      string
	db       *sql.DB
	schema   string
	unaccent bool
	ids      []string
	search   *sql.Stmt
}

func (e *postgresEngine) Build(ctx context.Context, docs []search.Document) error {
	if e.url == "" {
		return fmt.Errorf("postgres: no --database-url or --postgres-url")
	}
	db, err := sql.Open("pgx", e.url)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	db.SetMaxOpenConns(4)
	e.db = db
	var r [6]byte
	_, _ = rand.Read(r[:])
	e.schema = "searchbench_" + hex.EncodeToString(r[:])
	s := e.schema
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+s); err != nil {
		e.schema = ""
		return fmt.Errorf("postgres: %w", err)
	}
	// The unaccent dictionary comes from an extension only a privileged
	// role may install; without it the comparison says so in its notes.
	var unaccentSchema string
	err = db.QueryRowContext(ctx, `SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
		WHERE x.extname = 'unaccent'`).Scan(&unaccentSchema)
	if err == sql.ErrNoRows {
		if _, err := db.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA `+s); err == nil {
			unaccentSchema = s
		}
	} else if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	e.unaccent = unaccentSchema != ""
	mapping := "french_stem"
	if e.unaccent {
		mapping = quoteIdent(unaccentSchema) + ".unaccent, french_stem"
	}
	stmts := []string{
		`CREATE TEXT SEARCH CONFIGURATION ` + s + `.fr (COPY = pg_catalog.french)`,
		`ALTER TEXT SEARCH CONFIGURATION ` + s + `.fr ALTER MAPPING FOR hword, hword_part, word WITH ` + mapping,
		`CREATE TABLE ` + s + `.d (n integer PRIMARY KEY, tag text[] NOT NULL, aud0 text[] NOT NULL,
			aud1 text[] NOT NULL, tsv tsvector NOT NULL)`,
	}
	for _, q := range stmts {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
	}
	e.ids = make([]string, len(docs))
	const rowsPerInsert = 200
	for start := 0; start < len(docs); start += rowsPerInsert {
		end := min(start+rowsPerInsert, len(docs))
		var b strings.Builder
		b.WriteString(`INSERT INTO ` + s + `.d (n, tag, aud0, aud1, tsv) VALUES `)
		var args []any
		for i := start; i < end; i++ {
			d := docs[i]
			e.ids[i] = docKey(d)
			g0, g1 := audienceGroups(d)
			if i > start {
				b.WriteByte(',')
			}
			p := len(args)
			fmt.Fprintf(&b, `($%d, $%d, $%d, $%d, setweight(to_tsvector('%s.fr', $%d), 'A') ||
				setweight(to_tsvector('%s.fr', $%d), 'B') || setweight(to_tsvector('%s.fr', $%d), 'D'))`,
				p+1, p+2, p+3, p+4, s, p+5, s, p+6, s, p+7)
			args = append(args, i, nonNil(d.TagIDs), g0, g1, pgText(d.Title), pgText(tagsText(d)), pgText(bodyText(d)))
		}
		if _, err := db.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("postgres insert: %w", err)
		}
	}
	for _, q := range []string{`CREATE INDEX ON ` + s + `.d USING gin (tsv)`, `ANALYZE ` + s + `.d`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
	}
	// One statement for all shapes: $1 is the tsquery function's input,
	// $2 which function, $3 the viewer's keys, $4 the tags (NULL: none).
	// The window count is taken before LIMIT, so it is the total.
	e.search, err = db.PrepareContext(ctx, `WITH q AS (SELECT CASE $2::text
			WHEN 'phrase' THEN phraseto_tsquery('`+s+`.fr', $1)
			WHEN 'prefix' THEN to_tsquery('`+s+`.fr', $1)
			ELSE plainto_tsquery('`+s+`.fr', $1) END AS q)
		SELECT d.n, count(*) OVER () FROM `+s+`.d d, q
		WHERE d.tsv @@ q.q AND d.aud0 && $3::text[] AND d.aud1 && $3::text[]
			AND ($4::text[] IS NULL OR d.tag && $4::text[])
		ORDER BY ts_rank(d.tsv, q.q) DESC LIMIT `+strconv.Itoa(limit))
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	return nil
}

func (e *postgresEngine) Search(ctx context.Context, q benchQuery) (int, []string, error) {
	kind, input := "plain", strings.Join(q.Words, " ")
	switch {
	case q.Phrase:
		kind = "phrase"
	case q.Prefix:
		// Words of letters only (the query set draws them so): safe in
		// to_tsquery's syntax.
		parts := make([]string, len(q.Words))
		for i, w := range q.Words {
			parts[i] = w
		}
		parts[len(parts)-1] += ":*"
		kind, input = "prefix", strings.Join(parts, " & ")
	}
	var tags any
	if q.Tag != nil {
		tags = q.Tag.IDs
	}
	rows, err := e.search.QueryContext(ctx, input, kind, viewerKeys(q.Viewer), tags)
	if err != nil {
		return 0, nil, fmt.Errorf("postgres: %w", err)
	}
	defer rows.Close()
	total := 0
	var ids []string
	for rows.Next() {
		var n int
		if err := rows.Scan(&n, &total); err != nil {
			return 0, nil, fmt.Errorf("postgres: %w", err)
		}
		ids = append(ids, e.ids[n])
	}
	return total, ids, rows.Err()
}

func (e *postgresEngine) DiskBytes(ctx context.Context) (int64, error) {
	var n int64
	err := e.db.QueryRowContext(ctx, `SELECT pg_total_relation_size($1::regclass)`, e.schema+".d").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("postgres: %w", err)
	}
	return n, nil
}

func (e *postgresEngine) Note() string {
	cfg := "french"
	if e.unaccent {
		cfg = "french + unaccent"
	}
	return "PostgreSQL `to_tsvector` (" + cfg + "), weighted A/B/D, GIN index, ts_rank; audience keys as text[] overlaps; a scratch schema, dropped after"
}

func (e *postgresEngine) Close() error {
	if e.db == nil {
		return nil
	}
	if e.search != nil {
		e.search.Close()
	}
	var err error
	if e.schema != "" {
		_, err = e.db.Exec(`DROP SCHEMA ` + e.schema + ` CASCADE`)
	}
	if cerr := e.db.Close(); err == nil {
		err = cerr
	}
	e.db = nil
	return err
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// pgText drops NUL bytes, which PostgreSQL text cannot hold.
func pgText(s string) string { return strings.ReplaceAll(s, "\x00", "") }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
