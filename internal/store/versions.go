package store

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// missingOrConflict explains why a versioned update changed no row: the
// record is gone (not found) or someone saved it first (edit conflict).
// table comes from this package's callers, never from input.
func (tx *Tx) missingOrConflict(ctx context.Context, table, id string) error {
	var n int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = $1`, id).Scan(&n); err != nil {
		return mapError(err)
	}
	if n == 0 {
		return maillage.ErrNotFound
	}
	return maillage.ErrEditConflict
}
