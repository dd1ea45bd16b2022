package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// roleTable names a table of managers and contributors: notebooks and
// knowledge bases share the shape (item, user_id, role, added_at).
type roleTable string

// The two tables of roles.
const (
	notebookRoles      roleTable = "notebook_members"
	knowledgeBaseRoles roleTable = "knowledge_base_members"
)

// key is the column naming the item.
func (t roleTable) key() string {
	if t == knowledgeBaseRoles {
		return "knowledge_base_id"
	}
	return "notebook_id"
}

// upsertRole gives someone a role, or changes it.
func (tx *Tx) upsertRole(ctx context.Context, t roleTable, itemID, userID string, role maillage.NotebookRole) error {
	_, err := tx.exec(ctx, `INSERT INTO `+string(t)+` (`+t.key()+`, user_id, role, added_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (`+t.key()+`, user_id) DO UPDATE SET role = excluded.role`, itemID, userID, string(role), tx.now)
	if err != nil {
		return fmt.Errorf("set role: %w", err)
	}
	return nil
}

// deleteRole removes someone's role; not found when they had none.
func (tx *Tx) deleteRole(ctx context.Context, t roleTable, itemID, userID string) error {
	res, err := tx.exec(ctx, `DELETE FROM `+string(t)+` WHERE `+t.key()+` = $1 AND user_id = $2`, itemID, userID)
	if err != nil {
		return fmt.Errorf("remove role: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// roleOf returns someone's role, or not found.
func (tx *Tx) roleOf(ctx context.Context, t roleTable, itemID, userID string) (maillage.NotebookRole, error) {
	var role string
	err := tx.tx.QueryRowContext(ctx, `SELECT role FROM `+string(t)+` WHERE `+t.key()+` = $1 AND user_id = $2`,
		itemID, userID).Scan(&role)
	return maillage.NotebookRole(role), mapError(err)
}

// countManagers counts the managers, inside the transaction that is about
// to remove or demote one.
func (tx *Tx) countManagers(ctx context.Context, t roleTable, itemID string) (int, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+string(t)+` WHERE `+t.key()+` = $1 AND role = 'manager'`,
		itemID).Scan(&n)
	return n, mapError(err)
}

// roleMembers lists everyone with a role, managers first: the policy
// needs them all, whoever looks.
func (db *DB) roleMembers(ctx context.Context, t roleTable, itemID string) ([]maillage.NotebookMember, error) {
	return db.listRoles(ctx, nil, t, itemID)
}

// listRoles lists the people with a role, managers first; with a viewer,
// only those whose profile the viewer may see (for display).
func (db *DB) listRoles(ctx context.Context, v *maillage.Viewer, t roleTable, itemID string) ([]maillage.NotebookMember, error) {
	var a args
	cond := `m.` + t.key() + ` = ` + a.add(itemID)
	if v != nil {
		cond += ` AND ` + profileVisibleSQL(*v, "u", &a)
	}
	rows, err := db.query(ctx, `SELECT m.user_id, u.name, m.role FROM `+string(t)+` m JOIN users u ON u.id = m.user_id
		WHERE `+cond+` ORDER BY CASE m.role WHEN 'manager' THEN 0 ELSE 1 END, u.name_key, u.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NotebookMember
	for rows.Next() {
		var m maillage.NotebookMember
		var role string
		if err := rows.Scan(&m.UserID, &m.Name, &role); err != nil {
			return nil, mapError(err)
		}
		m.Role = maillage.NotebookRole(role)
		out = append(out, m)
	}
	return out, rows.Err()
}

// UpsertNotebookMember gives someone a role in a notebook, or changes it.
func (tx *Tx) UpsertNotebookMember(ctx context.Context, notebookID, userID string, role maillage.NotebookRole) error {
	return tx.upsertRole(ctx, notebookRoles, notebookID, userID, role)
}

// DeleteNotebookMember removes someone's role in a notebook.
func (tx *Tx) DeleteNotebookMember(ctx context.Context, notebookID, userID string) error {
	return tx.deleteRole(ctx, notebookRoles, notebookID, userID)
}

// NotebookRole returns someone's role in a notebook, or not found.
func (tx *Tx) NotebookRole(ctx context.Context, notebookID, userID string) (maillage.NotebookRole, error) {
	return tx.roleOf(ctx, notebookRoles, notebookID, userID)
}

// CountNotebookManagers counts a notebook's managers inside the
// transaction that would remove or demote one.
func (tx *Tx) CountNotebookManagers(ctx context.Context, notebookID string) (int, error) {
	return tx.countManagers(ctx, notebookRoles, notebookID)
}

// NotebookMembers lists a notebook's managers and contributors whose
// profile the viewer may see.
func (db *DB) NotebookMembers(ctx context.Context, v maillage.Viewer, notebookID string) ([]maillage.NotebookMember, error) {
	return db.listRoles(ctx, &v, notebookRoles, notebookID)
}

// UpsertKnowledgeBaseMember gives someone a role in a knowledge base.
func (tx *Tx) UpsertKnowledgeBaseMember(ctx context.Context, kbID, userID string, role maillage.NotebookRole) error {
	return tx.upsertRole(ctx, knowledgeBaseRoles, kbID, userID, role)
}

// DeleteKnowledgeBaseMember removes someone's role in a knowledge base.
func (tx *Tx) DeleteKnowledgeBaseMember(ctx context.Context, kbID, userID string) error {
	return tx.deleteRole(ctx, knowledgeBaseRoles, kbID, userID)
}

// KnowledgeBaseRole returns someone's role in a knowledge base, or not found.
func (tx *Tx) KnowledgeBaseRole(ctx context.Context, kbID, userID string) (maillage.NotebookRole, error) {
	return tx.roleOf(ctx, knowledgeBaseRoles, kbID, userID)
}

// CountKnowledgeBaseManagers counts a knowledge base's managers.
func (tx *Tx) CountKnowledgeBaseManagers(ctx context.Context, kbID string) (int, error) {
	return tx.countManagers(ctx, knowledgeBaseRoles, kbID)
}

// KnowledgeBaseMembers lists a knowledge base's managers and contributors
// whose profile the viewer may see.
func (db *DB) KnowledgeBaseMembers(ctx context.Context, v maillage.Viewer, kbID string) ([]maillage.NotebookMember, error) {
	return db.listRoles(ctx, &v, knowledgeBaseRoles, kbID)
}
