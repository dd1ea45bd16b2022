package store

import (
	"context"
	"fmt"
)

// AddNoteAuthor adds someone at the end of a note's authors (nothing
// changes when they are one already).
func (tx *Tx) AddNoteAuthor(ctx context.Context, noteID, userID string) error {
	var next int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), -1) + 1 FROM note_authors WHERE note_id = $1`,
		noteID).Scan(&next); err != nil {
		return fmt.Errorf("add note author: %w", mapError(err))
	}
	if _, err := tx.exec(ctx, `INSERT INTO note_authors (note_id, user_id, position, added_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT DO NOTHING`, noteID, userID, next, tx.now); err != nil {
		return fmt.Errorf("add note author: %w", err)
	}
	return nil
}

// NoteWriterIDs lists the people who wrote a note: who created it and
// who saved any of its versions.
func (tx *Tx) NoteWriterIDs(ctx context.Context, noteID string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT created_by FROM notes WHERE id = $1 AND created_by IS NOT NULL
		UNION SELECT author_id FROM note_revisions WHERE note_id = $1 AND author_id IS NOT NULL`, noteID)
	if err != nil {
		return nil, fmt.Errorf("note writers: %w", mapError(err))
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
