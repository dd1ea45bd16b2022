package store

import (
	"context"
	"fmt"
)

// ContentTables are the tables that hold what people put in Maillage. A
// database where they are all empty is new (migrations alone write
// nothing there), and a bulk load may fill it.
func ContentTables() []string {
	return []string{"users", "tags", "organizations", "communities", "notes", "notebooks", "knowledge_bases", "threads"}
}

// CountRows counts the rows of each table named, which must come from
// code (ContentTables, a generator's own list).
func (db *DB) CountRows(ctx context.Context, tables []string) (map[string]int64, error) {
	out := make(map[string]int64, len(tables))
	for _, t := range tables {
		if !identifier.MatchString(t) {
			return nil, fmt.Errorf("count rows: bad table name %q", t)
		}
		var n int64
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("count rows of %s: %w", t, mapError(err))
		}
		out[t] = n
	}
	return out, nil
}
