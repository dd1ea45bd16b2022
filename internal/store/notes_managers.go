package store

import (
	"context"
	"fmt"
)

// SyncManagerAuthors makes the authors of every note of a community that
// asks for it ("the managers are the authors") exactly the community's
// managers. A community without managers leaves the authors as they are:
// a note never loses its last author this way.
func (tx *Tx) SyncManagerAuthors(ctx context.Context, communityID string) error {
	var managers int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM community_members WHERE community_id = $1 AND role = 'manager'`,
		communityID).Scan(&managers); err != nil {
		return mapError(err)
	}
	if managers == 0 {
		return nil
	}
	if _, err := tx.exec(ctx, `DELETE FROM note_authors
		WHERE note_id IN (SELECT id FROM notes WHERE community_id = $1 AND authors_are_managers)
		AND user_id NOT IN (SELECT user_id FROM community_members WHERE community_id = $1 AND role = 'manager')`,
		communityID); err != nil {
		return fmt.Errorf("sync note authors: %w", err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO note_authors (note_id, user_id, position, added_at)
		SELECT n.id, m.user_id, 0, $2 FROM notes n
		JOIN community_members m ON m.community_id = n.community_id AND m.role = 'manager'
		WHERE n.community_id = $1 AND n.authors_are_managers
		ON CONFLICT DO NOTHING`, communityID, tx.now); err != nil {
		return fmt.Errorf("sync note authors: %w", err)
	}
	return nil
}

// CommunityManagerIDs lists a community's managers, for notes whose
// authors follow them.
func (db *DB) CommunityManagerIDs(ctx context.Context, communityID string) ([]string, error) {
	rows, err := db.query(ctx, `SELECT user_id FROM community_members WHERE community_id = $1 AND role = 'manager'
		ORDER BY user_id`, communityID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, mapError(err)
		}
		out = append(out, id)
	}
	return out, mapError(rows.Err())
}
