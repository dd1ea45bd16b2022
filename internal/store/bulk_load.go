package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Bulk loading is for generated data sets (maillage bench generate): rows
// arrive by the hundred thousand, already complete with their derived
// columns (keys, slugs, positions), and go in as multi-row INSERTs in
// large transactions, each statement shape prepared once. It is not a way
// around the services for anything people do.

// BulkTx is a write transaction for bulk loading. Unlike Tx it has no
// time limit: a large load commits after minutes, not seconds.
type BulkTx struct {
	tx      sqlTx
	dialect Dialect
	stmts   map[string]*sql.Stmt
	rows    int64
}

// BulkLoad runs fn in one write transaction without a time limit and
// commits it when fn returns nil. Cancelling ctx rolls it back.
func (db *DB) BulkLoad(ctx context.Context, fn func(b *BulkTx) error) error {
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", mapError(err))
	}
	b := &BulkTx{tx: sqlTx, dialect: db.dialect, stmts: map[string]*sql.Stmt{}}
	defer b.closeStmts()
	if err := fn(b); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapError(err))
	}
	return nil
}

// Dialect tells which database the transaction writes to.
func (b *BulkTx) Dialect() Dialect { return b.dialect }

// Rows counts the rows inserted so far in this transaction.
func (b *BulkTx) Rows() int64 { return b.rows }

func (b *BulkTx) closeStmts() {
	for _, st := range b.stmts {
		st.Close()
	}
}

// identifier is what a table or column name given to Insert must look
// like: the names come from code, and this keeps it so.
var identifier = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// maxBulkParams stays under SQLite's limit of 32 766 bound parameters
// per statement (PostgreSQL allows 65 535).
const maxBulkParams = 32000

// maxBulkRows bounds the rows of one statement: past a few hundred, longer
// statements gain nothing and cost memory.
const maxBulkRows = 500

// Insert adds rows to table, each row holding one value per column, with
// as few multi-row INSERT statements as the parameter limit allows.
func (b *BulkTx) Insert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if !identifier.MatchString(table) {
		return fmt.Errorf("bulk insert: bad table name %q", table)
	}
	for _, c := range columns {
		if !identifier.MatchString(c) {
			return fmt.Errorf("bulk insert into %s: bad column name %q", table, c)
		}
	}
	per := min(maxBulkRows, maxBulkParams/len(columns))
	args := make([]any, 0, per*len(columns))
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		args = args[:0]
		for i, r := range chunk {
			if len(r) != len(columns) {
				return fmt.Errorf("bulk insert into %s: row %d has %d values for %d columns", table, start+i, len(r), len(columns))
			}
			args = append(args, r...)
		}
		st, err := b.stmt(ctx, table, columns, len(chunk))
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, cleanArgs(args)...); err != nil {
			return fmt.Errorf("bulk insert into %s: %w", table, mapError(err))
		}
		b.rows += int64(len(chunk))
	}
	return nil
}

// stmt returns the prepared INSERT of n rows into table.
func (b *BulkTx) stmt(ctx context.Context, table string, columns []string, n int) (*sql.Stmt, error) {
	key := table + "(" + strings.Join(columns, ",") + ")" + strconv.Itoa(n)
	if st, ok := b.stmts[key]; ok {
		return st, nil
	}
	var q strings.Builder
	q.WriteString("INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES ")
	// SQLite gets anonymous ? placeholders: the driver looks each
	// numbered one up by name in a list as long as the statement's, which
	// makes binding a 500-row statement quadratic (most of a load's time).
	p := 1
	for i := range n {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteByte('(')
		for j := range columns {
			if j > 0 {
				q.WriteByte(',')
			}
			if b.dialect == SQLite {
				q.WriteByte('?')
			} else {
				q.WriteByte('$')
				q.WriteString(strconv.Itoa(p))
			}
			p++
		}
		q.WriteByte(')')
	}
	st, err := b.tx.PrepareContext(ctx, q.String())
	if err != nil {
		return nil, fmt.Errorf("bulk insert into %s: %w", table, mapError(err))
	}
	b.stmts[key] = st
	return st, nil
}

// BumpTaxonomy moves the taxonomy's version on by n, as creating n tags
// one by one does, so in-memory tag indexes know to rebuild.
func (b *BulkTx) BumpTaxonomy(ctx context.Context, n int) error {
	if _, err := b.tx.ExecContext(ctx, `UPDATE taxonomy_state SET version = version + $1 WHERE id = 1`, n); err != nil {
		return fmt.Errorf("taxonomy version: %w", mapError(err))
	}
	return nil
}
