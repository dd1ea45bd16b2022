package store

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// VisibleProfiles tells which of the given people the viewer may see the
// profile of (maillage.CanViewProfile, through its SQL mirror): the IDs
// of those, as a set. People who do not exist are absent, like hidden ones.
func (db *DB) VisibleProfiles(ctx context.Context, v maillage.Viewer, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT u.id FROM users u WHERE u.id IN (`+a.inIDs(ids)+`) AND `+profileVisibleSQL(v, "u", &a), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, mapError(err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
