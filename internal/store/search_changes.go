package store

import (
	"context"
	"fmt"
	"time"
)

// SearchSourceAll is the source of a change that asks every node to
// rebuild its whole search index (LogSearchRebuild).
const SearchSourceAll = "all"

// SearchChange is one row of the search change log: a row of source
// (a table, seen from one of its key columns) with key ItemID was
// inserted, updated or deleted by a transaction that committed.
// AffectedSearchDocuments says which documents to reload for it.
type SearchChange struct {
	Seq    int64
	Source string
	ItemID string
	At     time.Time
}

// changeLogTime is how a time compares with change_log.at: on SQLite the
// column holds text written by strftime('%Y-%m-%d %H:%M:%f') in UTC,
// compared as text, so the argument must have the same form.
func (db *DB) changeLogTime(t time.Time) any {
	if db.dialect == SQLite {
		return t.UTC().Format("2006-01-02 15:04:05.000")
	}
	return t
}

// SearchChanges returns up to limit changes whose seq is above after, in
// seq order.
//
// On PostgreSQL seq comes from a sequence taken when a row is written,
// not when its transaction commits: a transaction that took seq 10 may
// commit after one that took seq 11, so a reader can see 11 before 10,
// and a rolled-back transaction leaves 10 missing for ever. A consumer
// that remembers the highest seq it applied must therefore not skip a
// gap below it at once: read again from the first missing seq until the
// gap fills or is older than the longest write transaction (DB.Update
// gives up after 30 seconds), then treat it as rolled back. On SQLite
// writers are serialised and seqs commit in order, without gaps.
func (db *DB) SearchChanges(ctx context.Context, after int64, limit int) ([]SearchChange, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := db.read.QueryContext(ctx, `SELECT seq, source, item_id, at FROM change_log
		WHERE seq > $1 ORDER BY seq LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("search changes: %w", mapError(err))
	}
	defer rows.Close()
	var out []SearchChange
	for rows.Next() {
		var c SearchChange
		if err := rows.Scan(&c.Seq, &c.Source, &c.ItemID, &c.At); err != nil {
			return nil, fmt.Errorf("search changes: %w", mapError(err))
		}
		c.At = c.At.UTC()
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search changes: %w", mapError(err))
	}
	return out, nil
}

// LastSearchChange returns the highest seq in the log (0 when it is
// empty). A node about to rebuild reads it first, rebuilds, then follows
// the log from there: a change committed during the rebuild is applied
// again, which is harmless.
func (db *DB) LastSearchChange(ctx context.Context) (int64, error) {
	var seq int64
	if err := db.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM change_log`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("last search change: %w", mapError(err))
	}
	return seq, nil
}

// PruneSearchChanges deletes the changes logged before olderThan and
// returns how many went. Seqs are never reused, so a node that slept past
// a prune sees the gap and must rebuild (its last seq is below the first
// one left).
func (db *DB) PruneSearchChanges(ctx context.Context, olderThan time.Time) (int, error) {
	var n int64
	err := db.Update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `DELETE FROM change_log WHERE at < $1`, db.changeLogTime(olderThan))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune search changes: %w", err)
	}
	return int(n), nil
}

// LogSearchRebuild asks every node to rebuild its search index (after a
// restore, or a change of how documents are derived).
func (db *DB) LogSearchRebuild(ctx context.Context) error {
	err := db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `INSERT INTO change_log (source, item_id, at) VALUES ($1, '', $2)`,
			SearchSourceAll, db.changeLogTime(tx.now))
		return err
	})
	if err != nil {
		return fmt.Errorf("log search rebuild: %w", err)
	}
	return nil
}

// FirstSearchChange returns the lowest seq still in the log (0 when it is
// empty), so a node can tell whether the changes it missed were pruned.
func (db *DB) FirstSearchChange(ctx context.Context) (int64, error) {
	var seq int64
	if err := db.read.QueryRowContext(ctx, `SELECT COALESCE(MIN(seq), 0) FROM change_log`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("first search change: %w", mapError(err))
	}
	return seq, nil
}
