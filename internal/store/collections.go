package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// Notebooks and knowledge bases are both collections with managers and
// contributors; the queries they share live here, named by table.

// hasMemberSQL is the condition keeping the items (aliased item) where
// userID has a role in t.
func (t roleTable) hasMemberSQL(item, userID string, a *args) string {
	return "EXISTS (SELECT 1 FROM " + string(t) + " fm WHERE fm." + t.key() + " = " + item + ".id AND fm.user_id = " + a.add(userID) + ")"
}

// countsByID runs a query answering (id, count) rows for ids, built by
// query from the "$1, $2, ..." list of ids, and maps each id to its count.
// Without ids it answers an empty map and asks nothing.
func (db *DB) countsByID(ctx context.Context, ids []string, query func(a *args, in string) string) (map[string]int, error) {
	out := map[string]int{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	q := query(&a, messagingIn(&a, ids))
	rows, err := db.query(ctx, q, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, mapError(err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// deleteCollection removes the row id of table (notebooks or
// knowledge_bases), what naming it in errors; not found when there was none.
func (tx *Tx) deleteCollection(ctx context.Context, table, what, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM `+table+` WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete %s: %w", what, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}
