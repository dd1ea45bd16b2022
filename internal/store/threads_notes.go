package store

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// noteOfCommunitySQL says that the note aliased n belongs to the
// community whose ID is the placeholder c: it is linked to the community
// or sits in one of the community's notebooks.
func noteOfCommunitySQL(n, c string) string {
	return "(" + n + ".community_id = " + c + " OR EXISTS (SELECT 1 FROM notebook_notes snn JOIN notebooks snb ON snb.id = snn.notebook_id" +
		" WHERE snn.note_id = " + n + ".id AND snb.community_id = " + c + "))"
}

// NoteBelongsToCommunity reports whether a note is linked to the
// community or sits in one of its notebooks: only such notes may be
// shared into its discussion.
func (tx *Tx) NoteBelongsToCommunity(ctx context.Context, communityID, noteID string) (bool, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM notes n WHERE n.id = $1 AND `+noteOfCommunitySQL("n", "$2"),
		noteID, communityID).Scan(&n)
	return n > 0, mapError(err)
}

// ShareableNotes lists the notes a person may share into a community's
// discussion: notes they author, of the community (linked to it or in its
// notebooks), readable by everyone who reads its discussion (public, or
// for this community when it is private), and not shared there yet. Most recently updated first.
func (db *DB) ShareableNotes(ctx context.Context, userID, communityID string, lim int) ([]maillage.NoteRef, error) {
	rows, err := db.query(ctx, `SELECT n.id, n.title FROM notes n
		WHERE EXISTS (SELECT 1 FROM note_authors na WHERE na.note_id = n.id AND na.user_id = $1)
		AND (n.visibility = 'public' OR (n.visibility = 'community' AND n.community_id = $2
			AND EXISTS (SELECT 1 FROM communities sc WHERE sc.id = $2 AND sc.visibility = 'private')))
		AND `+noteOfCommunitySQL("n", "$2")+`
		AND NOT EXISTS (SELECT 1 FROM threads st WHERE st.community_id = $2 AND st.note_id = n.id)
		ORDER BY n.updated_at DESC, n.id LIMIT $3`, userID, communityID, limit(lim))
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRef
	for rows.Next() {
		var r maillage.NoteRef
		if err := rows.Scan(&r.ID, &r.Title); err != nil {
			return nil, mapError(err)
		}
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// CommunityFeedThreads lists the newest threads of a community that a
// visitor may read, for its public feed (empty for a private community).
func (db *DB) CommunityFeedThreads(ctx context.Context, communityID string, n int) ([]maillage.Thread, error) {
	list, _, _, err := db.Threads(ctx, maillage.Anonymous(), ThreadFilter{CommunityID: communityID, Newest: true, Limit: n})
	return list, err
}
