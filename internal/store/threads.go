package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

func threadColumns(v maillage.Viewer) string {
	return `t.id, t.community_id, c.visibility, c.listed, t.author_id, ` + profileNameSQL(v, "u") + `, t.title, t.body, t.note_id,
	t.pinned, t.locked, t.hidden, t.last_activity_at, t.created_at, t.updated_at, t.edited_at, t.version`
}

const threadFrom = `threads t JOIN communities c ON c.id = t.community_id LEFT JOIN users u ON u.id = t.author_id`

func scanThread(row rowScanner) (*maillage.Thread, error) {
	var t maillage.Thread
	var vis string
	var author, note sql.NullString
	var edited sql.NullTime
	if err := row.Scan(&t.ID, &t.CommunityID, &vis, &t.Community.Listed, &author, &t.AuthorName, &t.Title, &t.Body, &note,
		&t.Pinned, &t.Locked, &t.Hidden, &t.LastActivityAt, &t.CreatedAt, &t.UpdatedAt, &edited, &t.Version); err != nil {
		return nil, mapError(err)
	}
	t.Community.ID, t.Community.Visibility = t.CommunityID, maillage.Visibility(vis)
	t.AuthorID, t.NoteID, t.EditedAt = author.String, note.String, nullTime(edited)
	t.LastActivityAt, t.CreatedAt, t.UpdatedAt = t.LastActivityAt.UTC(), t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return &t, nil
}

// CreateThread inserts a thread. A note may be shared into a community
// once: sharing it again answers maillage.ErrConflict.
func (tx *Tx) CreateThread(ctx context.Context, t *maillage.Thread) error {
	t.CreatedAt, t.UpdatedAt, t.LastActivityAt, t.Version = tx.now, tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO threads (id, community_id, author_id, title, body, note_id, last_activity_at,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		t.ID, t.CommunityID, nullString(t.AuthorID), t.Title, t.Body, nullString(t.NoteID), tx.now, tx.now, tx.now)
	if err != nil {
		return fmt.Errorf("create thread: %w", err)
	}
	return nil
}

// RecentThreadDuplicate finds a thread the same person started in the same
// community with the same title and body after since: a form sent twice.
func (tx *Tx) RecentThreadDuplicate(ctx context.Context, authorID, communityID, title, body string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM threads WHERE author_id = $1 AND community_id = $2 AND title = $3
		AND body = $4 AND created_at > $5 ORDER BY created_at DESC LIMIT 1`, authorID, communityID, title, body, since).Scan(&id)
	return id, mapError(err)
}

// ThreadByNote finds the thread that shared a note into a community.
func (tx *Tx) ThreadByNote(ctx context.Context, communityID, noteID string) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM threads WHERE community_id = $1 AND note_id = $2`,
		communityID, noteID).Scan(&id)
	return id, mapError(err)
}

// Thread reads a thread inside a transaction, without checking visibility.
func (tx *Tx) Thread(ctx context.Context, id string) (*maillage.Thread, error) {
	return scanThread(tx.tx.QueryRowContext(ctx, `SELECT `+threadColumns(maillage.Viewer{Admin: true})+` FROM `+threadFrom+
		` WHERE t.id = $1`, id))
}

// Thread returns a thread with its community's access data, the author's
// name as v may see it. It does not check visibility: callers ask the policy.
func (db *DB) Thread(ctx context.Context, v maillage.Viewer, id string) (*maillage.Thread, error) {
	return scanThread(db.queryRow(ctx, `SELECT `+threadColumns(v)+` FROM `+threadFrom+` WHERE t.id = $1`, id))
}

// UpdateThread writes a thread's title and body if it is still at version
// expected (0 skips the check) and marks it edited.
func (tx *Tx) UpdateThread(ctx context.Context, t *maillage.Thread, expected int) error {
	res, err := tx.exec(ctx, `UPDATE threads SET title = $1, body = $2, updated_at = $3, edited_at = $3, version = version + 1
		WHERE id = $4 AND ($5 = 0 OR version = $5)`, t.Title, t.Body, tx.now, t.ID, expected)
	if err != nil {
		return fmt.Errorf("update thread: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "threads", t.ID)
	}
	now := tx.now
	t.UpdatedAt, t.EditedAt = now, &now
	return tx.tx.QueryRowContext(ctx, `SELECT version FROM threads WHERE id = $1`, t.ID).Scan(&t.Version)
}

// DeleteThread removes a thread with its replies, reactions and reports.
func (tx *Tx) DeleteThread(ctx context.Context, id string) error {
	if _, err := tx.exec(ctx, `DELETE FROM reactions WHERE (subject_type = 'thread' AND subject_id = $1)
		OR (subject_type = 'reply' AND subject_id IN (SELECT id FROM replies WHERE thread_id = $1))`, id); err != nil {
		return fmt.Errorf("delete thread: %w", err)
	}
	res, err := tx.exec(ctx, `DELETE FROM threads WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete thread: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// ThreadFlag names a moderation switch of a thread.
type ThreadFlag string

// Thread flags.
const (
	FlagPinned ThreadFlag = "pinned"
	FlagLocked ThreadFlag = "locked"
	FlagHidden ThreadFlag = "hidden"
)

// SetThreadFlag turns a thread's pinned, locked or hidden switch on or off.
func (tx *Tx) SetThreadFlag(ctx context.Context, id string, flag ThreadFlag, on bool) error {
	switch flag {
	case FlagPinned, FlagLocked, FlagHidden:
	default:
		return fmt.Errorf("thread flag %q", flag)
	}
	// flag is one of the constants above, never input.
	res, err := tx.exec(ctx, `UPDATE threads SET `+string(flag)+` = $1 WHERE id = $2`, on, id)
	if err != nil {
		return fmt.Errorf("thread %s: %w", flag, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// ThreadParticipants lists the thread's author and everyone who replied
// (tombstones excepted), without repeats.
func (tx *Tx) ThreadParticipants(ctx context.Context, threadID string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT author_id FROM threads WHERE id = $1 AND author_id IS NOT NULL
		UNION SELECT author_id FROM replies WHERE thread_id = $1 AND author_id IS NOT NULL AND deleted_at IS NULL`, threadID)
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

// ThreadFilter selects a community's threads, or with MemberID instead,
// the threads of every community a person belongs to.
type ThreadFilter struct {
	CommunityID string
	MemberID    string
	// Newest orders by creation (feeds) instead of pinned first, then by
	// last activity (the discussion page).
	Newest bool
	Limit  int
	Offset int
}

// Threads lists the community's threads the viewer may see, with the
// total under the same filter and each thread's visible reply count.
func (db *DB) Threads(ctx context.Context, v maillage.Viewer, f ThreadFilter) ([]maillage.Thread, []int, int, error) {
	var a args
	var cond string
	if f.CommunityID == "" && f.MemberID != "" {
		cond = "t.community_id IN (SELECT cm.community_id FROM community_members cm WHERE cm.user_id = " + a.add(f.MemberID) + ")"
	} else {
		cond = "t.community_id = " + a.add(f.CommunityID)
	}
	cond += " AND " + threadVisibleSQL(v, "t", "c", &a)
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM `+threadFrom+` WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, nil, 0, mapError(err)
	}
	order := "t.pinned DESC, t.last_activity_at DESC, t.id DESC"
	if f.Newest {
		order = "t.created_at DESC, t.id DESC"
	}
	counts := "(SELECT COUNT(*) FROM replies r WHERE r.thread_id = t.id AND r.deleted_at IS NULL AND " +
		replyVisibleSQL(v, "r", "t", &a) + ")"
	l, o := a.add(limit(f.Limit)), a.add(f.Offset)
	rows, err := db.query(ctx, `SELECT `+threadColumns(v)+`, `+counts+` FROM `+threadFrom+` WHERE `+cond+
		` ORDER BY `+order+` LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Thread
	var replies []int
	for rows.Next() {
		var n int
		t, err := scanThread(scanPlus(rows, &n))
		if err != nil {
			return nil, nil, 0, err
		}
		out = append(out, *t)
		replies = append(replies, n)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, 0, mapError(err)
	}
	return out, replies, total, nil
}

// scanPlus scans a row whose last columns are extra values after the
// ones a shared scan function reads.
func scanPlus(row rowScanner, tail ...any) rowScanner { return plusScanner{row, tail} }

type plusScanner struct {
	row  rowScanner
	tail []any
}

func (s plusScanner) Scan(dest ...any) error { return s.row.Scan(append(dest, s.tail...)...) }

// postPlaceholders adds values and returns their placeholders for an IN list.
func postPlaceholders(a *args, values []string) string {
	ph := make([]string, len(values))
	for i, v := range values {
		ph[i] = a.add(v)
	}
	return strings.Join(ph, ", ")
}
