package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

func replyColumns(v maillage.Viewer) string {
	return `r.id, r.thread_id, r.parent_id, r.author_id, ` + profileNameSQL(v, "u") + `, r.body, r.hidden,
	r.created_at, r.updated_at, r.edited_at, r.deleted_at, r.version`
}

const replyFrom = `replies r JOIN threads t ON t.id = r.thread_id LEFT JOIN users u ON u.id = r.author_id`

func scanReply(row rowScanner) (*maillage.Reply, error) {
	var r maillage.Reply
	var parent, author sql.NullString
	var edited, deleted sql.NullTime
	if err := row.Scan(&r.ID, &r.ThreadID, &parent, &author, &r.AuthorName, &r.Body, &r.Hidden,
		&r.CreatedAt, &r.UpdatedAt, &edited, &deleted, &r.Version); err != nil {
		return nil, mapError(err)
	}
	r.ParentID, r.AuthorID = parent.String, author.String
	r.EditedAt, r.DeletedAt = nullTime(edited), nullTime(deleted)
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return &r, nil
}

// CreateReply inserts a reply and moves its thread's last activity.
func (tx *Tx) CreateReply(ctx context.Context, r *maillage.Reply) error {
	r.CreatedAt, r.UpdatedAt, r.Version = tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO replies (id, thread_id, parent_id, author_id, body, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		r.ID, r.ThreadID, nullString(r.ParentID), nullString(r.AuthorID), r.Body, tx.now, tx.now)
	if err != nil {
		return fmt.Errorf("create reply: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE threads SET last_activity_at = $1 WHERE id = $2`, tx.now, r.ThreadID); err != nil {
		return fmt.Errorf("create reply: %w", err)
	}
	return nil
}

// RecentReplyDuplicate finds a reply the same person wrote in the same
// thread with the same body after since: a form sent twice.
func (tx *Tx) RecentReplyDuplicate(ctx context.Context, authorID, threadID, body string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM replies WHERE author_id = $1 AND thread_id = $2 AND body = $3
		AND deleted_at IS NULL AND created_at > $4 ORDER BY created_at DESC LIMIT 1`, authorID, threadID, body, since).Scan(&id)
	return id, mapError(err)
}

// Reply reads a reply inside a transaction, without checking visibility.
func (tx *Tx) Reply(ctx context.Context, id string) (*maillage.Reply, error) {
	return scanReply(tx.tx.QueryRowContext(ctx, `SELECT `+replyColumns(maillage.Viewer{Admin: true})+` FROM `+replyFrom+
		` WHERE r.id = $1`, id))
}

// Reply returns a reply, the author's name as v may see it. It does not
// check visibility: callers ask the policy about the reply and its thread.
func (db *DB) Reply(ctx context.Context, v maillage.Viewer, id string) (*maillage.Reply, error) {
	return scanReply(db.queryRow(ctx, `SELECT `+replyColumns(v)+` FROM `+replyFrom+` WHERE r.id = $1`, id))
}

// UpdateReply writes a reply's body if it is still at version expected
// (0 skips the check) and marks it edited. A tombstone cannot be edited.
func (tx *Tx) UpdateReply(ctx context.Context, r *maillage.Reply, expected int) error {
	res, err := tx.exec(ctx, `UPDATE replies SET body = $1, updated_at = $2, edited_at = $2, version = version + 1
		WHERE id = $3 AND deleted_at IS NULL AND ($4 = 0 OR version = $4)`, r.Body, tx.now, r.ID, expected)
	if err != nil {
		return fmt.Errorf("update reply: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "replies", r.ID)
	}
	now := tx.now
	r.UpdatedAt, r.EditedAt = now, &now
	return tx.tx.QueryRowContext(ctx, `SELECT version FROM replies WHERE id = $1`, r.ID).Scan(&r.Version)
}

// DeleteReply removes a reply. One that has answers becomes a tombstone
// (its text erased, its place kept) and reports true; a tombstone whose
// last answer goes is removed too.
func (tx *Tx) DeleteReply(ctx context.Context, id string) (tombstone bool, err error) {
	var parent sql.NullString
	var answers int
	err = tx.tx.QueryRowContext(ctx, `SELECT parent_id, (SELECT COUNT(*) FROM replies a WHERE a.parent_id = r.id)
		FROM replies r WHERE r.id = $1`, id).Scan(&parent, &answers)
	if err != nil {
		return false, mapError(err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM reactions WHERE subject_type = 'reply' AND subject_id = $1`, id); err != nil {
		return false, fmt.Errorf("delete reply: %w", err)
	}
	if answers > 0 {
		_, err := tx.exec(ctx, `UPDATE replies SET body = '', deleted_at = $1, updated_at = $1 WHERE id = $2`, tx.now, id)
		if err != nil {
			return false, fmt.Errorf("delete reply: %w", err)
		}
		return true, nil
	}
	if _, err := tx.exec(ctx, `DELETE FROM replies WHERE id = $1`, id); err != nil {
		return false, fmt.Errorf("delete reply: %w", err)
	}
	if parent.Valid {
		// The parent was kept only for its answers; with none left, it goes.
		_, err := tx.exec(ctx, `DELETE FROM replies WHERE id = $1 AND deleted_at IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM replies a WHERE a.parent_id = $1)`, parent.String)
		if err != nil {
			return false, fmt.Errorf("delete reply: %w", err)
		}
	}
	return false, nil
}

// SetReplyHidden hides a reply from everyone but its author and the
// managers, or shows it again.
func (tx *Tx) SetReplyHidden(ctx context.Context, id string, hidden bool) error {
	res, err := tx.exec(ctx, `UPDATE replies SET hidden = $1 WHERE id = $2`, hidden, id)
	if err != nil {
		return fmt.Errorf("hide reply: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// Replies lists a thread's replies the viewer may see, oldest first, with
// the total. Tombstones are listed (they hold answers) but carry no text.
// Whether the viewer may see the thread itself is the caller's check.
func (db *DB) Replies(ctx context.Context, v maillage.Viewer, threadID string, lim, offset int) ([]maillage.Reply, int, error) {
	var a args
	cond := "r.thread_id = " + a.add(threadID) + " AND (r.deleted_at IS NOT NULL OR " + replyVisibleSQL(v, "r", "t", &a) + ")"
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM `+replyFrom+` WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	if lim <= 0 {
		lim = MaxRepliesPage
	}
	l, o := a.add(min(lim, MaxRepliesPage)), a.add(offset)
	rows, err := db.query(ctx, `SELECT `+replyColumns(v)+` FROM `+replyFrom+` WHERE `+cond+
		` ORDER BY r.created_at, r.id LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Reply
	for rows.Next() {
		r, err := scanReply(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *r)
	}
	return out, total, mapError(rows.Err())
}

// MaxRepliesPage bounds how many replies one page of a thread shows.
const MaxRepliesPage = 500
