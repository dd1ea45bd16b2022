package store

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// MemberRoleOf returns someone's role in a community, "" when they are
// not a member: what decides whether adding them needs their consent.
func (db *DB) MemberRoleOf(ctx context.Context, communityID, userID string) (maillage.Role, error) {
	var role string
	err := mapError(db.queryRow(ctx, `SELECT role FROM community_members WHERE community_id = $1 AND user_id = $2`,
		communityID, userID).Scan(&role))
	if maillage.IsNotFound(err) {
		return "", nil
	}
	return maillage.Role(role), err
}

// NotebookRoleOf returns someone's role in a notebook, "" for none.
func (db *DB) NotebookRoleOf(ctx context.Context, notebookID, userID string) (maillage.NotebookRole, error) {
	return db.roleOfItem(ctx, notebookRoles, notebookID, userID)
}

// KnowledgeBaseRoleOf returns someone's role in a knowledge base, "" for none.
func (db *DB) KnowledgeBaseRoleOf(ctx context.Context, kbID, userID string) (maillage.NotebookRole, error) {
	return db.roleOfItem(ctx, knowledgeBaseRoles, kbID, userID)
}

func (db *DB) roleOfItem(ctx context.Context, t roleTable, itemID, userID string) (maillage.NotebookRole, error) {
	var role string
	err := mapError(db.queryRow(ctx, `SELECT role FROM `+string(t)+` WHERE `+t.key()+` = $1 AND user_id = $2`,
		itemID, userID).Scan(&role))
	if maillage.IsNotFound(err) {
		return "", nil
	}
	return maillage.NotebookRole(role), err
}
