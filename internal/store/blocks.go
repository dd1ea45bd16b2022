package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// BlockUser records that blocker no longer accepts messages from blocked.
// Blocking twice keeps the first block.
func (tx *Tx) BlockUser(ctx context.Context, blockerID, blockedID string) error {
	_, err := tx.exec(ctx, `INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (blocker_id, blocked_id) DO NOTHING`, blockerID, blockedID, tx.now)
	if err != nil {
		return fmt.Errorf("block: %w", err)
	}
	return nil
}

// UnblockUser lifts a block; lifting one that does not exist is harmless.
func (tx *Tx) UnblockUser(ctx context.Context, blockerID, blockedID string) error {
	_, err := tx.exec(ctx, `DELETE FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2`, blockerID, blockedID)
	if err != nil {
		return fmt.Errorf("unblock: %w", err)
	}
	return nil
}

// HasBlocked reports whether blocker has blocked blocked.
func (db *DB) HasBlocked(ctx context.Context, blockerID, blockedID string) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2`,
		blockerID, blockedID).Scan(&n)
	return n > 0, mapError(err)
}

// BlockersOf returns which of userIDs have blocked blockedID, inside the
// transaction that is about to let blockedID write to them.
func (tx *Tx) BlockersOf(ctx context.Context, blockedID string, userIDs []string) ([]string, error) {
	return blockersOf(ctx, tx.tx.QueryContext, blockedID, userIDs)
}

// BlockersOf returns which of userIDs have blocked blockedID.
func (db *DB) BlockersOf(ctx context.Context, blockedID string, userIDs []string) ([]string, error) {
	return blockersOf(ctx, db.query, blockedID, userIDs)
}

// BlockedBy returns which of userIDs blockerID has blocked, inside a
// transaction.
func (tx *Tx) BlockedBy(ctx context.Context, blockerID string, userIDs []string) ([]string, error) {
	return blockedBy(ctx, tx.tx.QueryContext, blockerID, userIDs)
}

// BlockedBy returns which of userIDs blockerID has blocked.
func (db *DB) BlockedBy(ctx context.Context, blockerID string, userIDs []string) ([]string, error) {
	return blockedBy(ctx, db.query, blockerID, userIDs)
}

func blockersOf(ctx context.Context, q messagingQuery, blockedID string, userIDs []string) ([]string, error) {
	if len(userIDs) == 0 {
		return nil, nil
	}
	var a args
	b := a.add(blockedID)
	return blockIDs(ctx, q, `SELECT blocker_id FROM user_blocks WHERE blocked_id = `+b+
		` AND blocker_id IN (`+messagingIn(&a, userIDs)+`) ORDER BY blocker_id`, a)
}

func blockedBy(ctx context.Context, q messagingQuery, blockerID string, userIDs []string) ([]string, error) {
	if len(userIDs) == 0 {
		return nil, nil
	}
	var a args
	b := a.add(blockerID)
	return blockIDs(ctx, q, `SELECT blocked_id FROM user_blocks WHERE blocker_id = `+b+
		` AND blocked_id IN (`+messagingIn(&a, userIDs)+`) ORDER BY blocked_id`, a)
}

func blockIDs(ctx context.Context, q messagingQuery, query string, a args) ([]string, error) {
	rows, err := q(ctx, query, a...)
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

// BlockedUsers lists the people blockerID has blocked, by name.
func (db *DB) BlockedUsers(ctx context.Context, blockerID string, lim, offset int) ([]maillage.UserBlock, int, error) {
	var a args
	cond := "b.blocker_id = " + a.add(blockerID)
	return listPage(ctx, db, a, "user_blocks b JOIN users u ON u.id = b.blocked_id", cond,
		"b.blocker_id, b.blocked_id, u.name, b.created_at", "u.name_key, u.id", lim, offset,
		func(row rowScanner) (*maillage.UserBlock, error) {
			var b maillage.UserBlock
			if err := row.Scan(&b.BlockerID, &b.BlockedID, &b.BlockedName, &b.CreatedAt); err != nil {
				return nil, mapError(err)
			}
			b.CreatedAt = b.CreatedAt.UTC()
			return &b, nil
		})
}
