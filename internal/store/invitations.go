package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// UpsertInvitation invites someone to a community; inviting again someone
// who declined asks them anew. It reports whether the invitation is new
// (or renewed), so a repeated click does not notify twice.
func (tx *Tx) UpsertInvitation(ctx context.Context, communityID, userID, invitedBy string) (bool, error) {
	res, err := tx.exec(ctx, `INSERT INTO community_invitations (community_id, user_id, invited_by, status, created_at)
		VALUES ($1, $2, $3, 'pending', $4)
		ON CONFLICT (community_id, user_id) DO UPDATE SET status = 'pending', invited_by = excluded.invited_by,
		created_at = excluded.created_at, answered_at = NULL
		WHERE community_invitations.status <> 'pending'`, communityID, userID, nullString(invitedBy), tx.now)
	if err != nil {
		return false, fmt.Errorf("invite: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// AnswerInvitation records the invitee's answer to a pending invitation.
func (tx *Tx) AnswerInvitation(ctx context.Context, communityID, userID string, status maillage.InvitationStatus) error {
	res, err := tx.exec(ctx, `UPDATE community_invitations SET status = $1, answered_at = $2
		WHERE community_id = $3 AND user_id = $4 AND status = 'pending'`, string(status), tx.now, communityID, userID)
	if err != nil {
		return fmt.Errorf("answer invitation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// DeleteInvitation withdraws an invitation.
func (tx *Tx) DeleteInvitation(ctx context.Context, communityID, userID string) error {
	res, err := tx.exec(ctx, `DELETE FROM community_invitations WHERE community_id = $1 AND user_id = $2`, communityID, userID)
	if err != nil {
		return fmt.Errorf("withdraw invitation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

const invitationSelect = `SELECT i.community_id, c.name, c.description, i.user_id, u.name, COALESCE(i.invited_by, ''),
	COALESCE(b.name, ''), i.status, i.created_at
	FROM community_invitations i JOIN communities c ON c.id = i.community_id JOIN users u ON u.id = i.user_id
	LEFT JOIN users b ON b.id = i.invited_by`

func (db *DB) invitations(ctx context.Context, where string, args ...any) ([]maillage.Invitation, error) {
	rows, err := db.query(ctx, invitationSelect+` WHERE `+where+` ORDER BY i.created_at DESC, c.name_key, u.name_key`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Invitation
	for rows.Next() {
		var i maillage.Invitation
		var st string
		if err := rows.Scan(&i.CommunityID, &i.CommunityName, &i.CommunityDescription, &i.UserID, &i.UserName, &i.InvitedBy,
			&i.InvitedByName, &st, &i.CreatedAt); err != nil {
			return nil, mapError(err)
		}
		i.Status, i.CreatedAt = maillage.InvitationStatus(st), i.CreatedAt.UTC()
		out = append(out, i)
	}
	return out, mapError(rows.Err())
}

// PendingInvitation returns a person's pending invitation to a community.
func (db *DB) PendingInvitation(ctx context.Context, communityID, userID string) (*maillage.Invitation, error) {
	list, err := db.invitations(ctx, `i.community_id = $1 AND i.user_id = $2 AND i.status = 'pending'`, communityID, userID)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, maillage.ErrNotFound
	}
	return &list[0], nil
}

// UserInvitations lists the invitations a person has not answered yet.
func (db *DB) UserInvitations(ctx context.Context, userID string) ([]maillage.Invitation, error) {
	return db.invitations(ctx, `i.user_id = $1 AND i.status = 'pending'`, userID)
}

// CommunityInvitations lists a community's unanswered and declined
// invitations, for its managers.
func (db *DB) CommunityInvitations(ctx context.Context, communityID string) ([]maillage.Invitation, error) {
	return db.invitations(ctx, `i.community_id = $1 AND i.status <> 'accepted'`, communityID)
}
