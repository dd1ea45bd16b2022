package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// ToggleReaction gives a reaction to a post, or takes it back when the
// person already gave it; it reports whether the reaction is now given.
func (tx *Tx) ToggleReaction(ctx context.Context, subject maillage.SubjectType, subjectID, userID string, r maillage.Reaction) (bool, error) {
	res, err := tx.exec(ctx, `DELETE FROM reactions WHERE subject_type = $1 AND subject_id = $2 AND user_id = $3 AND emoji = $4`,
		string(subject), subjectID, userID, string(r))
	if err != nil {
		return false, fmt.Errorf("reaction: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return false, nil
	}
	_, err = tx.exec(ctx, `INSERT INTO reactions (subject_type, subject_id, user_id, emoji, created_at) VALUES ($1, $2, $3, $4, $5)`,
		string(subject), subjectID, userID, string(r), tx.now)
	if err != nil {
		return false, fmt.Errorf("reaction: %w", err)
	}
	return true, nil
}

// ReactionCounts returns, for each post of the given kind, its reactions
// in display order as the viewer sees them: counts, whether the viewer
// gave each, and the names of the people whose profile the viewer may see.
// Posts without reactions are absent from the map.
func (db *DB) ReactionCounts(ctx context.Context, v maillage.Viewer, subject maillage.SubjectType, ids []string) (map[string][]maillage.ReactionCount, error) {
	out := map[string][]maillage.ReactionCount{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	q := `SELECT x.subject_id, x.emoji, x.user_id, ` + profileNameSQL(v, "u") + ` FROM reactions x JOIN users u ON u.id = x.user_id
		WHERE x.subject_type = ` + a.add(string(subject)) + ` AND x.subject_id IN (` + postPlaceholders(&a, ids) + `)
		ORDER BY x.created_at, u.name_key`
	rows, err := db.query(ctx, q, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	type key struct{ id, emoji string }
	counts := map[key]*maillage.ReactionCount{}
	for rows.Next() {
		var id, emoji, userID, name string
		if err := rows.Scan(&id, &emoji, &userID, &name); err != nil {
			return nil, mapError(err)
		}
		c := counts[key{id, emoji}]
		if c == nil {
			c = &maillage.ReactionCount{Reaction: maillage.Reaction(emoji)}
			counts[key{id, emoji}] = c
		}
		c.Count++
		if v.SignedIn() && userID == v.UserID {
			c.Mine = true
		}
		if name != "" {
			c.Names = append(c.Names, name)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	for _, id := range ids {
		for _, r := range maillage.Reactions() {
			if c := counts[key{id, string(r)}]; c != nil {
				out[id] = append(out[id], *c)
			}
		}
	}
	return out, nil
}
