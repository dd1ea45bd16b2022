package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Tx is a write transaction. It carries the moment it began so every row
// it writes shares one timestamp.
type Tx struct {
	tx  sqlTx
	now time.Time
	db  *DB
}

// Now is the transaction's clock.
func (tx *Tx) Now() time.Time { return tx.now }

// querier is what both a read pool and a transaction offer, so read
// helpers serve both.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Update runs fn in a write transaction and commits it when fn returns nil.
// The transaction does not die with the caller's context (an HTTP client
// hanging up must not roll back a half-acknowledged write), but keeps its
// values and is bounded by its own timeout.
func (db *DB) Update(ctx context.Context, fn func(tx *Tx) error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", mapError(err))
	}
	tx := &Tx{tx: sqlTx, now: db.Now(), db: db}
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapError(err))
	}
	return nil
}

// exec runs a statement in the transaction, mapping driver errors.
func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	res, err := tx.tx.ExecContext(ctx, query, args...)
	if err != nil {
		return nil, mapError(err)
	}
	return res, nil
}

// q returns the transaction as a querier for shared read helpers.
func (tx *Tx) q() querier { return tx.tx }

// r returns the read pool as a querier.
func (db *DB) r() querier { return db.read }
