package store

import (
	"context"
	"fmt"
)

// MigrateDownTo rolls the schema back to version, so that a test can run
// a migration's data changes again on rows it wrote (Migrate reapplies).
func (db *DB) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := db.migrations()
	if err != nil {
		return err
	}
	if _, err := p.DownTo(ctx, version); err != nil {
		return fmt.Errorf("migrate down: %w", err)
	}
	return nil
}
