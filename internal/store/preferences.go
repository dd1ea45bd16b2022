package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// NotificationPreferences returns a person's default mode (the default of
// Maillage until they choose one) and their mode in each community they
// belong to, "" where they follow their default, communities by name.
func (db *DB) NotificationPreferences(ctx context.Context, userID string) (*maillage.NotificationPreferences, error) {
	p := &maillage.NotificationPreferences{Default: maillage.DefaultNotifyMode}
	var mode string
	err := db.queryRow(ctx, `SELECT mode FROM notification_preferences WHERE user_id = $1 AND community_id = ''`, userID).Scan(&mode)
	switch {
	case err == nil:
		p.Default = maillage.NotifyMode(mode)
	case !maillage.IsNotFound(mapError(err)):
		return nil, fmt.Errorf("notification preferences: %w", mapError(err))
	}
	rows, err := db.query(ctx, `SELECT c.id, c.name, COALESCE(np.mode, '') FROM community_members m
		JOIN communities c ON c.id = m.community_id
		LEFT JOIN notification_preferences np ON np.user_id = m.user_id AND np.community_id = c.id
		WHERE m.user_id = $1 ORDER BY c.name_key, c.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("notification preferences: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var c maillage.CommunityNotifyMode
		var m string
		if err := rows.Scan(&c.CommunityID, &c.CommunityName, &m); err != nil {
			return nil, fmt.Errorf("notification preferences: %w", mapError(err))
		}
		c.Mode = maillage.NotifyMode(m)
		p.Communities = append(p.Communities, c)
	}
	return p, mapError(rows.Err())
}

// NotifyMode returns how a person hears by email of what happens in a
// community ("" for events outside any): the community's override, else
// their default, else Maillage's.
func (db *DB) NotifyMode(ctx context.Context, userID, communityID string) (maillage.NotifyMode, error) {
	var mode sql.NullString
	err := db.queryRow(ctx, `SELECT COALESCE(
			(SELECT mode FROM notification_preferences WHERE user_id = $1 AND community_id = $2),
			(SELECT mode FROM notification_preferences WHERE user_id = $1 AND community_id = ''))`, userID, communityID).Scan(&mode)
	if err != nil {
		return "", fmt.Errorf("notify mode: %w", mapError(err))
	}
	if !mode.Valid {
		return maillage.DefaultNotifyMode, nil
	}
	return maillage.NotifyMode(mode.String), nil
}

// SetNotifyMode records a person's mode for a community, or their default
// with communityID "". An empty mode removes a community's override.
func (tx *Tx) SetNotifyMode(ctx context.Context, userID, communityID string, mode maillage.NotifyMode) error {
	var err error
	if mode == "" {
		if communityID == "" {
			return fmt.Errorf("set notify mode: the default needs a mode")
		}
		_, err = tx.exec(ctx, `DELETE FROM notification_preferences WHERE user_id = $1 AND community_id = $2`, userID, communityID)
	} else {
		_, err = tx.exec(ctx, `INSERT INTO notification_preferences (user_id, community_id, mode, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (user_id, community_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
			userID, communityID, string(mode), tx.now)
	}
	if err != nil {
		return fmt.Errorf("set notify mode: %w", err)
	}
	return nil
}
