package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// NotificationCount is how many unread notifications of one kind a
// person has about one community. CommunityID and CommunityName are empty
// when the notifications name no community, or one the person may not
// see (then it is not named, nor counted apart).
type NotificationCount struct {
	CommunityID   string
	CommunityName string
	Kind          maillage.EventKind
	Unread        int
}

// UnreadNotificationCounts counts a person's visible unread notifications
// by community and kind, the most recently active first.
func (db *DB) UnreadNotificationCounts(ctx context.Context, userID string) ([]NotificationCount, error) {
	rows, err := db.query(ctx, `SELECT g.community_id, g.name, g.kind, COUNT(*) FROM (
		SELECT COALESCE(cn.id, '') AS community_id, COALESCE(cn.name, '') AS name, n.kind, n.created_at
		FROM notifications n LEFT JOIN communities cn ON cn.id = n.community_id AND `+recipientSeesCommunitySQL("n.user_id", "cn")+`
		WHERE n.user_id = $1 AND n.read_at IS NULL AND `+notificationVisibleSQL("n")+`) g
		GROUP BY g.community_id, g.name, g.kind ORDER BY MAX(g.created_at) DESC, g.community_id, g.kind`, userID)
	if err != nil {
		return nil, fmt.Errorf("unread notification counts: %w", mapError(err))
	}
	defer rows.Close()
	var out []NotificationCount
	for rows.Next() {
		var c NotificationCount
		var kind string
		if err := rows.Scan(&c.CommunityID, &c.CommunityName, &kind, &c.Unread); err != nil {
			return nil, mapError(err)
		}
		c.Kind = maillage.EventKind(kind)
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

// MarkNotificationsRead marks read a person's unread notifications under
// the filter (its limit and offset are ignored) and returns how many
// changed.
func (tx *Tx) MarkNotificationsRead(ctx context.Context, userID string, f NotificationFilter) (int, error) {
	a := args{tx.now, userID}
	f.UnreadOnly = true
	res, err := tx.exec(ctx, `UPDATE notifications SET read_at = $1 WHERE id IN (SELECT n.id FROM notifications n
		WHERE n.user_id = $2`+f.where(&a, "n")+`)`, a...)
	if err != nil {
		return 0, fmt.Errorf("mark notifications read: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
