package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// invitationTable names the table of one kind of invitation and the
// table of the items it invites to. Every kind has the same shape: (item,
// user_id, role, invited_by, status, created_at, answered_at).
type invitationTable struct {
	kind  maillage.InvitationKind
	table string
	key   string // the column naming the item
	items string // the items' table
	title string // the items' title (or name) column
	// description is shown on the invitation: a community's only.
	description string
}

// invitationTables lists the tables of every kind of invitation.
func invitationTables() []invitationTable {
	return []invitationTable{
		{maillage.InviteCommunity, "community_invitations", "community_id", "communities", "name", "description"},
		{maillage.InviteNote, "note_invitations", "note_id", "notes", "title", ""},
		{maillage.InviteNotebook, "notebook_invitations", "notebook_id", "notebooks", "title", ""},
		{maillage.InviteKnowledgeBase, "knowledge_base_invitations", "knowledge_base_id", "knowledge_bases", "title", ""},
		{maillage.InviteMeeting, "meeting_invitations", "meeting_id", "meetings", "title", ""},
	}
}

// invitationTableOf returns the table of a kind of invitation.
func invitationTableOf(k maillage.InvitationKind) (invitationTable, error) {
	for _, t := range invitationTables() {
		if t.kind == k {
			return t, nil
		}
	}
	return invitationTable{}, fmt.Errorf("invitation kind %q: %w", k, maillage.ErrNotFound)
}

// UpsertInvitation invites someone to an item with a role. Inviting again
// someone who declined (or who accepted, then left) asks them anew; a
// pending invitation keeps its date and takes the role offered now. It
// reports whether the invitation is new (or renewed), so a repeated click
// does not notify twice.
func (tx *Tx) UpsertInvitation(ctx context.Context, k maillage.InvitationKind, itemID, userID, invitedBy, role string) (bool, error) {
	t, err := invitationTableOf(k)
	if err != nil {
		return false, err
	}
	var status, current string
	err = tx.tx.QueryRowContext(ctx, `SELECT status, role FROM `+t.table+` WHERE `+t.key+` = $1 AND user_id = $2`,
		itemID, userID).Scan(&status, &current)
	switch {
	case err == nil && status == string(maillage.InvitationPending):
		if current == role {
			return false, nil
		}
		_, err = tx.exec(ctx, `UPDATE `+t.table+` SET role = $1, invited_by = $2 WHERE `+t.key+` = $3 AND user_id = $4`,
			role, nullString(invitedBy), itemID, userID)
		if err != nil {
			return false, fmt.Errorf("invite: %w", err)
		}
		return false, nil
	case err == nil:
		_, err = tx.exec(ctx, `UPDATE `+t.table+` SET status = 'pending', role = $1, invited_by = $2, created_at = $3,
			answered_at = NULL WHERE `+t.key+` = $4 AND user_id = $5`, role, nullString(invitedBy), tx.now, itemID, userID)
	case maillage.IsNotFound(mapError(err)):
		_, err = tx.exec(ctx, `INSERT INTO `+t.table+` (`+t.key+`, user_id, role, invited_by, status, created_at)
			VALUES ($1, $2, $3, $4, 'pending', $5)`, itemID, userID, role, nullString(invitedBy), tx.now)
	}
	if err != nil {
		return false, fmt.Errorf("invite: %w", mapError(err))
	}
	return true, nil
}

// AnswerInvitation records the invitee's answer to a pending invitation
// and returns the role it offered; not found when there is none (never
// sent, withdrawn, or answered already).
func (tx *Tx) AnswerInvitation(ctx context.Context, k maillage.InvitationKind, itemID, userID string, status maillage.InvitationStatus) (string, error) {
	t, err := invitationTableOf(k)
	if err != nil {
		return "", err
	}
	var role string
	err = tx.tx.QueryRowContext(ctx, `UPDATE `+t.table+` SET status = $1, answered_at = $2
		WHERE `+t.key+` = $3 AND user_id = $4 AND status = 'pending' RETURNING role`,
		string(status), tx.now, itemID, userID).Scan(&role)
	if err != nil {
		return "", fmt.Errorf("answer invitation: %w", mapError(err))
	}
	return role, nil
}

// DeleteInvitation withdraws an invitation (pending or declined).
func (tx *Tx) DeleteInvitation(ctx context.Context, k maillage.InvitationKind, itemID, userID string) error {
	t, err := invitationTableOf(k)
	if err != nil {
		return err
	}
	res, err := tx.exec(ctx, `DELETE FROM `+t.table+` WHERE `+t.key+` = $1 AND user_id = $2 AND status <> 'accepted'`, itemID, userID)
	if err != nil {
		return fmt.Errorf("withdraw invitation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// invitationSelect is the SELECT of one kind of invitation, aliased i,
// with the same columns for every kind so they can be read together.
func (t invitationTable) invitationSelect() string {
	desc := "''"
	if t.description != "" {
		desc = "x." + t.description
	}
	return `SELECT '` + string(t.kind) + `' AS kind, i.` + t.key + ` AS item_id, x.` + t.title + ` AS item_title, ` + desc +
		` AS item_description, i.user_id, u.name AS user_name, COALESCE(i.invited_by, '') AS invited_by,
		COALESCE(b.name, '') AS invited_by_name, i.status, i.role, i.created_at, x.` + t.title + `_key AS item_key, u.name_key AS user_key
		FROM ` + t.table + ` i JOIN ` + t.items + ` x ON x.id = i.` + t.key + ` JOIN users u ON u.id = i.user_id
		LEFT JOIN users b ON b.id = i.invited_by`
}

// invitations reads invitations of the kinds given, each filtered by
// where (on alias i), newest first.
func (db *DB) invitations(ctx context.Context, tables []invitationTable, where string, args ...any) ([]maillage.Invitation, error) {
	parts := make([]string, len(tables))
	for n, t := range tables {
		parts[n] = t.invitationSelect() + ` WHERE ` + strings.ReplaceAll(where, "{key}", "i."+t.key)
	}
	rows, err := db.query(ctx, `SELECT kind, item_id, item_title, item_description, user_id, user_name, invited_by,
		invited_by_name, status, role, created_at FROM (`+strings.Join(parts, " UNION ALL ")+`) inv
		ORDER BY created_at DESC, item_key, user_key, user_id`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Invitation
	for rows.Next() {
		var i maillage.Invitation
		var kind, st string
		if err := rows.Scan(&kind, &i.ItemID, &i.ItemTitle, &i.ItemDescription, &i.UserID, &i.UserName, &i.InvitedBy,
			&i.InvitedByName, &st, &i.Role, &i.CreatedAt); err != nil {
			return nil, mapError(err)
		}
		i.Kind, i.Status, i.CreatedAt = maillage.InvitationKind(kind), maillage.InvitationStatus(st), i.CreatedAt.UTC()
		out = append(out, i)
	}
	return out, mapError(rows.Err())
}

// PendingInvitation returns a person's pending invitation to an item.
func (db *DB) PendingInvitation(ctx context.Context, k maillage.InvitationKind, itemID, userID string) (*maillage.Invitation, error) {
	t, err := invitationTableOf(k)
	if err != nil {
		return nil, err
	}
	list, err := db.invitations(ctx, []invitationTable{t}, `{key} = $1 AND i.user_id = $2 AND i.status = 'pending'`, itemID, userID)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, maillage.ErrNotFound
	}
	return &list[0], nil
}

// UserInvitations lists the invitations of every kind a person has not
// answered yet, newest first.
func (db *DB) UserInvitations(ctx context.Context, userID string) ([]maillage.Invitation, error) {
	return db.invitations(ctx, invitationTables(), `i.user_id = $1 AND i.status = 'pending'`, userID)
}

// ItemInvitations lists an item's unanswered and declined invitations,
// for the people who manage it.
func (db *DB) ItemInvitations(ctx context.Context, k maillage.InvitationKind, itemID string) ([]maillage.Invitation, error) {
	t, err := invitationTableOf(k)
	if err != nil {
		return nil, err
	}
	return db.invitations(ctx, []invitationTable{t}, `{key} = $1 AND i.status <> 'accepted'`, itemID)
}

// InvitedIDs lists the people with a pending invitation to an item.
func (db *DB) InvitedIDs(ctx context.Context, k maillage.InvitationKind, itemID string) ([]string, error) {
	t, err := invitationTableOf(k)
	if err != nil {
		return nil, err
	}
	return db.notifyIDs(ctx, `SELECT user_id FROM `+t.table+` WHERE `+t.key+` = $1 AND status = 'pending' ORDER BY user_id`, itemID)
}
