package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

func commentColumns(v maillage.Viewer) string {
	return `c.id, c.note_id, c.parent_id, c.author_id, ` + profileNameSQL(v, "u") + `, c.body, c.hidden,
	c.created_at, c.updated_at, c.deleted_at`
}

const commentFrom = `note_comments c LEFT JOIN users u ON u.id = c.author_id`

func scanComment(row rowScanner) (*maillage.NoteComment, error) {
	var c maillage.NoteComment
	var parent, author sql.NullString
	var deleted sql.NullTime
	if err := row.Scan(&c.ID, &c.NoteID, &parent, &author, &c.AuthorName, &c.Body, &c.Hidden,
		&c.CreatedAt, &c.UpdatedAt, &deleted); err != nil {
		return nil, mapError(err)
	}
	c.ParentID, c.AuthorID, c.DeletedAt = parent.String, author.String, nullTime(deleted)
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return &c, nil
}

// CreateComment inserts a comment on a note.
func (tx *Tx) CreateComment(ctx context.Context, c *maillage.NoteComment) error {
	c.CreatedAt, c.UpdatedAt = tx.now, tx.now
	_, err := tx.exec(ctx, `INSERT INTO note_comments (id, note_id, parent_id, author_id, body, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		c.ID, c.NoteID, nullString(c.ParentID), nullString(c.AuthorID), c.Body, tx.now, tx.now)
	if err != nil {
		return fmt.Errorf("create comment: %w", mapError(err))
	}
	return nil
}

// Comment reads a comment inside a transaction, without checking
// visibility (the caller asks the policy about it and its note).
func (tx *Tx) Comment(ctx context.Context, id string) (*maillage.NoteComment, error) {
	return scanComment(tx.tx.QueryRowContext(ctx, `SELECT `+commentColumns(maillage.Viewer{Admin: true})+` FROM `+commentFrom+
		` WHERE c.id = $1`, id))
}

// Comment reads a comment, the author's name as v may see it, without
// checking visibility.
func (db *DB) Comment(ctx context.Context, v maillage.Viewer, id string) (*maillage.NoteComment, error) {
	return scanComment(db.queryRow(ctx, `SELECT `+commentColumns(v)+` FROM `+commentFrom+` WHERE c.id = $1`, id))
}

// Comments lists every comment on a note, oldest first, with the authors'
// names as v may see them. It does not check visibility: the service
// keeps the comments the policy shows the viewer.
func (db *DB) Comments(ctx context.Context, v maillage.Viewer, noteID string) ([]maillage.NoteComment, error) {
	rows, err := db.query(ctx, `SELECT `+commentColumns(v)+` FROM `+commentFrom+
		` WHERE c.note_id = $1 ORDER BY c.created_at, c.id`, noteID)
	if err != nil {
		return nil, fmt.Errorf("comments: %w", err)
	}
	defer rows.Close()
	var out []maillage.NoteComment
	for rows.Next() {
		c, err := scanComment(rows)
		if err != nil {
			return nil, fmt.Errorf("comments: %w", err)
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}

// CommenterIDs lists the people who commented on a note (tombstones
// aside): they follow the conversation and hear of new comments.
func (tx *Tx) CommenterIDs(ctx context.Context, noteID string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT DISTINCT author_id FROM note_comments
		WHERE note_id = $1 AND author_id IS NOT NULL AND deleted_at IS NULL ORDER BY author_id`, noteID)
	if err != nil {
		return nil, fmt.Errorf("commenters: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("commenters: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// SetCommentHidden hides a comment from everyone but its author and the
// note's authors, or shows it again.
func (tx *Tx) SetCommentHidden(ctx context.Context, id string, hidden bool) error {
	res, err := tx.exec(ctx, `UPDATE note_comments SET hidden = $1 WHERE id = $2`, hidden, id)
	if err != nil {
		return fmt.Errorf("hide comment: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// DeleteComment removes a comment. One that has answers becomes a
// tombstone (its text erased, its place kept) and reports true; a
// tombstone whose last answer goes is removed too.
func (tx *Tx) DeleteComment(ctx context.Context, id string) (tombstone bool, err error) {
	var parent sql.NullString
	var answers int
	err = tx.tx.QueryRowContext(ctx, `SELECT parent_id, (SELECT COUNT(*) FROM note_comments a WHERE a.parent_id = c.id)
		FROM note_comments c WHERE c.id = $1`, id).Scan(&parent, &answers)
	if err != nil {
		return false, mapError(err)
	}
	if answers > 0 {
		_, err := tx.exec(ctx, `UPDATE note_comments SET body = '', deleted_at = $1, updated_at = $1 WHERE id = $2`, tx.now, id)
		if err != nil {
			return false, fmt.Errorf("delete comment: %w", err)
		}
		return true, nil
	}
	if _, err := tx.exec(ctx, `DELETE FROM note_comments WHERE id = $1`, id); err != nil {
		return false, fmt.Errorf("delete comment: %w", err)
	}
	if parent.Valid {
		// The parent was kept only for its answers; with none left, it goes.
		_, err := tx.exec(ctx, `DELETE FROM note_comments WHERE id = $1 AND deleted_at IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM note_comments a WHERE a.parent_id = $1)`, parent.String)
		if err != nil {
			return false, fmt.Errorf("delete comment: %w", err)
		}
	}
	return false, nil
}
