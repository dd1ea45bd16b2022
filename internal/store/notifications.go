package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// notificationSelect reads a notification aliased n as its recipient may
// see it now: current titles, the community's name only when they may
// see the community, the actor's current name.
func notificationSelect() string {
	return `n.id, n.kind, n.subject_type, n.subject_id,
		COALESCE(` + subjectTitleSQL("n.subject_type", "n.subject_id") + `, ''),
		COALESCE(` + subjectRefSQL("n.subject_type", "n.subject_id") + `, ''),
		n.parent_type, n.parent_id, COALESCE(` + subjectTitleSQL("n.parent_type", "n.parent_id") + `, ''),
		n.community_id, COALESCE((SELECT cn.name FROM communities cn WHERE cn.id = n.community_id AND ` +
		recipientSeesCommunitySQL("n.user_id", "cn") + `), ''),
		n.actor_id, COALESCE((SELECT au.name FROM users au WHERE au.id = n.actor_id), ''),
		n.direct, n.created_at, n.read_at`
}

func scanNotification(row rowScanner) (*maillage.Notification, error) {
	var n maillage.Notification
	var kind, st, pt string
	var read sql.NullTime
	if err := row.Scan(&n.ID, &kind, &st, &n.SubjectID, &n.SubjectTitle, &n.SubjectRef, &pt, &n.ParentID, &n.ParentTitle,
		&n.CommunityID, &n.CommunityName, &n.ActorID, &n.ActorName, &n.Direct, &n.CreatedAt, &read); err != nil {
		return nil, mapError(err)
	}
	n.Kind, n.SubjectType, n.ParentType = maillage.EventKind(kind), maillage.SubjectType(st), maillage.SubjectType(pt)
	n.CreatedAt, n.ReadAt = n.CreatedAt.UTC(), nullTime(read)
	return &n, nil
}

// NotificationFilter selects a person's notifications.
type NotificationFilter struct {
	UnreadOnly bool
	// Kinds keeps these kinds only (any of them).
	Kinds []maillage.EventKind
	// CommunityID keeps the notifications about this community, when the
	// person may see it (otherwise none).
	CommunityID string
	Limit       int
	Offset      int
}

// where adds the filter's conditions, for notifications aliased n.
func (f NotificationFilter) where(a *args, n string) string {
	cond := ""
	if f.UnreadOnly {
		cond += " AND " + n + ".read_at IS NULL"
	}
	if len(f.Kinds) > 0 {
		kinds := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			kinds[i] = string(k)
		}
		cond += " AND " + n + ".kind IN (" + postPlaceholders(a, kinds) + ")"
	}
	if f.CommunityID != "" {
		cond += " AND " + n + ".community_id = " + a.add(f.CommunityID) +
			" AND EXISTS (SELECT 1 FROM communities fc WHERE fc.id = " + n + ".community_id AND " +
			recipientSeesCommunitySQL(n+".user_id", "fc") + ")"
	}
	return cond
}

// Notifications lists a person's notifications, newest first, with their
// total. Notifications about something they may no longer see (a note
// made private since, a thread hidden, a community left) are left out,
// counted or not, exactly as if they did not exist.
func (db *DB) Notifications(ctx context.Context, userID string, f NotificationFilter) ([]maillage.Notification, int, error) {
	var a args
	cond := "n.user_id = " + a.add(userID) + " AND " + notificationVisibleSQL("n") + f.where(&a, "n")
	list, total, err := listPage(ctx, db, a, "notifications n", cond, notificationSelect(), "n.created_at DESC, n.id DESC",
		f.Limit, f.Offset, scanNotification)
	if err != nil {
		return nil, 0, fmt.Errorf("notifications: %w", err)
	}
	return list, total, nil
}

// Notification returns one of a person's notifications if they may still
// see what it is about; anyone else's is not found.
func (db *DB) Notification(ctx context.Context, userID, id string) (*maillage.Notification, error) {
	n, err := scanNotification(db.queryRow(ctx, `SELECT `+notificationSelect()+` FROM notifications n
		WHERE n.id = $1 AND n.user_id = $2 AND `+notificationVisibleSQL("n"), id, userID))
	if err != nil {
		return nil, fmt.Errorf("notification: %w", err)
	}
	return n, nil
}

// UnreadNotifications counts a person's visible unread notifications, up
// to max: the menu shows "99+" rather than paying for an exact count.
func (db *DB) UnreadNotifications(ctx context.Context, userID string, max int) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM notifications n
		WHERE n.user_id = $1 AND n.read_at IS NULL AND `+notificationVisibleSQL("n")+` LIMIT $2) x`, userID, max).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("unread notifications: %w", mapError(err))
	}
	return n, nil
}

// MarkNotificationRead marks one of a person's notifications read; an
// already read one stays as it was. Another person's is not found.
func (tx *Tx) MarkNotificationRead(ctx context.Context, userID, id string) error {
	res, err := tx.exec(ctx, `UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND user_id = $3`,
		tx.now, id, userID)
	if err != nil {
		return fmt.Errorf("mark notification read: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// MarkAllNotificationsRead marks every unread notification of a person
// read, and returns how many changed.
func (tx *Tx) MarkAllNotificationsRead(ctx context.Context, userID string) (int, error) {
	res, err := tx.exec(ctx, `UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL`, tx.now, userID)
	if err != nil {
		return 0, fmt.Errorf("mark notifications read: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// SettleNotifications marks read a person's notifications of one kind
// about one subject, and drops the digest email they still wait for:
// an invitation once answered has nothing more to tell.
func (tx *Tx) SettleNotifications(ctx context.Context, userID string, kind maillage.EventKind, st maillage.SubjectType, subjectID string) error {
	_, err := tx.exec(ctx, `UPDATE notifications SET read_at = COALESCE(read_at, $1),
		email = CASE WHEN email IN ('daily', 'weekly') THEN '' ELSE email END
		WHERE user_id = $2 AND kind = $3 AND subject_type = $4 AND subject_id = $5`,
		tx.now, userID, string(kind), string(st), subjectID)
	if err != nil {
		return fmt.Errorf("settle notifications: %w", err)
	}
	return nil
}
