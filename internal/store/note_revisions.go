package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// AddNoteRevision records a saved state of a note under the next number.
func (tx *Tx) AddNoteRevision(ctx context.Context, r *maillage.NoteRevision) error {
	r.CreatedAt = tx.now
	if err := tx.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM note_revisions WHERE note_id = $1`,
		r.NoteID).Scan(&r.Number); err != nil {
		return mapError(err)
	}
	_, err := tx.exec(ctx, `INSERT INTO note_revisions (id, note_id, number, title, body, summary, kind, visibility, license,
		changes, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		r.ID, r.NoteID, r.Number, r.Title, r.Body, r.Summary, string(r.Kind), string(r.Visibility), string(r.License),
		strings.Join(r.Changes, ","), nullString(r.AuthorID), r.CreatedAt)
	if err != nil {
		return fmt.Errorf("note revision: %w", err)
	}
	return nil
}

const revisionColumns = `r.id, r.note_id, r.number, r.title, r.summary, r.kind, r.visibility, r.license, r.changes,
	r.author_id, COALESCE(u.name, ''), r.created_at`

func scanRevision(row rowScanner, withBody bool) (*maillage.NoteRevision, error) {
	var r maillage.NoteRevision
	var kind, vis, license, changes string
	var author sql.NullString
	dest := []any{&r.ID, &r.NoteID, &r.Number, &r.Title, &r.Summary, &kind, &vis, &license, &changes,
		&author, &r.AuthorName, &r.CreatedAt}
	if withBody {
		dest = append(dest, &r.Body)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, mapError(err)
	}
	r.Kind, r.Visibility, r.License = maillage.NoteKind(kind), maillage.Visibility(vis), maillage.License(license)
	r.AuthorID, r.CreatedAt = author.String, r.CreatedAt.UTC()
	if changes != "" {
		r.Changes = strings.Split(changes, ",")
	}
	return &r, nil
}

// NoteRevisions lists a note's revisions, newest first, without their
// bodies (a history page shows who changed what, not every text).
func (db *DB) NoteRevisions(ctx context.Context, noteID string) ([]maillage.NoteRevision, error) {
	rows, err := db.query(ctx, `SELECT `+revisionColumns+` FROM note_revisions r LEFT JOIN users u ON u.id = r.author_id
		WHERE r.note_id = $1 ORDER BY r.number DESC`, noteID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRevision
	for rows.Next() {
		r, err := scanRevision(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, mapError(rows.Err())
}

// NoteRevision returns one revision of a note, with its body.
func (db *DB) NoteRevision(ctx context.Context, noteID string, number int) (*maillage.NoteRevision, error) {
	return scanRevision(db.queryRow(ctx, `SELECT `+revisionColumns+`, r.body FROM note_revisions r
		LEFT JOIN users u ON u.id = r.author_id WHERE r.note_id = $1 AND r.number = $2`, noteID, number), true)
}
