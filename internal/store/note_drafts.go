package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// SaveNoteDraft keeps a person's latest draft for a note.
func (tx *Tx) SaveNoteDraft(ctx context.Context, userID string, d *maillage.NoteDraft) error {
	d.UpdatedAt = tx.now
	_, err := tx.exec(ctx, `INSERT INTO note_drafts (user_id, draft_key, title, body, updated_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (user_id, draft_key) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = excluded.updated_at`,
		userID, d.Key, d.Title, d.Body, d.UpdatedAt)
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return nil
}

// NoteDraft returns a person's draft for a note, or not found.
func (db *DB) NoteDraft(ctx context.Context, userID, key string) (*maillage.NoteDraft, error) {
	d := &maillage.NoteDraft{Key: key}
	err := db.queryRow(ctx, `SELECT title, body, updated_at FROM note_drafts WHERE user_id = $1 AND draft_key = $2`,
		userID, key).Scan(&d.Title, &d.Body, &d.UpdatedAt)
	if err != nil {
		return nil, mapError(err)
	}
	d.UpdatedAt = d.UpdatedAt.UTC()
	return d, nil
}

// DeleteNoteDraft drops a person's draft once the note is saved.
func (tx *Tx) DeleteNoteDraft(ctx context.Context, userID, key string) error {
	_, err := tx.exec(ctx, `DELETE FROM note_drafts WHERE user_id = $1 AND draft_key = $2`, userID, key)
	if err != nil {
		return fmt.Errorf("delete draft: %w", err)
	}
	return nil
}
