package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

const attachmentColumns = `a.id, a.note_id, a.storage_key, a.name, a.mime, a.kind, a.size, a.width, a.height, a.sha256,
	a.uploaded_by, a.created_at`

func scanAttachment(row rowScanner) (*maillage.Attachment, error) {
	var a maillage.Attachment
	var by sql.NullString
	if err := row.Scan(&a.ID, &a.NoteID, &a.StorageKey, &a.Name, &a.MIME, &a.Kind, &a.Size, &a.Width, &a.Height,
		&a.SHA256, &by, &a.CreatedAt); err != nil {
		return nil, mapError(err)
	}
	a.UploadedBy, a.CreatedAt = by.String, a.CreatedAt.UTC()
	return &a, nil
}

// CreateAttachment records a stored file of a note.
func (tx *Tx) CreateAttachment(ctx context.Context, a *maillage.Attachment) error {
	a.CreatedAt = tx.now
	_, err := tx.exec(ctx, `INSERT INTO attachments (id, note_id, storage_key, name, mime, kind, size, width, height, sha256,
		uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		a.ID, a.NoteID, a.StorageKey, a.Name, a.MIME, a.Kind, a.Size, a.Width, a.Height, a.SHA256,
		nullString(a.UploadedBy), a.CreatedAt)
	if err != nil {
		return fmt.Errorf("create attachment: %w", err)
	}
	return nil
}

// Attachment returns one file of a note, or not found (also when it
// belongs to another note, so a URL cannot borrow a visible note's ID).
func (db *DB) Attachment(ctx context.Context, noteID, id string) (*maillage.Attachment, error) {
	return scanAttachment(db.queryRow(ctx, `SELECT `+attachmentColumns+` FROM attachments a WHERE a.id = $1 AND a.note_id = $2`,
		id, noteID))
}

// Attachments lists a note's files, oldest first.
func (db *DB) Attachments(ctx context.Context, noteID string) ([]maillage.Attachment, error) {
	rows, err := db.query(ctx, `SELECT `+attachmentColumns+` FROM attachments a WHERE a.note_id = $1 ORDER BY a.created_at, a.id`, noteID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Attachment
	for rows.Next() {
		a, err := scanAttachment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, mapError(rows.Err())
}

// DeleteAttachment removes a file's row and returns its storage key, so
// the caller can delete the bytes once the transaction commits.
func (tx *Tx) DeleteAttachment(ctx context.Context, noteID, id string) (string, error) {
	var key string
	err := tx.tx.QueryRowContext(ctx, `DELETE FROM attachments WHERE id = $1 AND note_id = $2 RETURNING storage_key`,
		id, noteID).Scan(&key)
	return key, mapError(err)
}

// AttachmentKeys returns the storage keys of a note's files, read before
// the note is deleted (its rows go with it).
func (tx *Tx) AttachmentKeys(ctx context.Context, noteID string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT storage_key FROM attachments WHERE note_id = $1 ORDER BY storage_key`, noteID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, mapError(err)
		}
		out = append(out, k)
	}
	return out, mapError(rows.Err())
}
