package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// KnowledgeBaseNotebooks lists the notebooks of a knowledge base that the
// viewer may see, in the knowledge base's order. A linked community's
// name is filled only when the viewer may see that community.
func (db *DB) KnowledgeBaseNotebooks(ctx context.Context, v maillage.Viewer, kbID string) ([]maillage.Notebook, error) {
	var a args
	cond := `kn.knowledge_base_id = ` + a.add(kbID) + ` AND ` + notebookVisibleSQL(v, "b", &a)
	name := `CASE WHEN bc.id IS NOT NULL AND ` + communitySeeSQL(v, "bc", &a) + ` THEN bc.name ELSE '' END`
	rows, err := db.query(ctx, `SELECT `+notebookColumns+`, `+name+` FROM knowledge_base_notebooks kn
		JOIN notebooks b ON b.id = kn.notebook_id LEFT JOIN communities bc ON bc.id = b.community_id
		WHERE `+cond+` ORDER BY kn.position, b.title_key, b.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Notebook
	for rows.Next() {
		var cname string
		nb, err := scanNotebook(rows, &cname)
		if err != nil {
			return nil, err
		}
		nb.CommunityName = cname
		out = append(out, *nb)
	}
	return out, mapError(rows.Err())
}

// AddKnowledgeBaseNotebook puts a notebook at the end of a knowledge
// base. Adding it twice is not an error; added reports whether it was new.
func (tx *Tx) AddKnowledgeBaseNotebook(ctx context.Context, kbID, notebookID string) (added bool, err error) {
	var n int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM knowledge_base_notebooks WHERE knowledge_base_id = $1 AND notebook_id = $2`,
		kbID, notebookID).Scan(&n); err != nil {
		return false, mapError(err)
	}
	if n > 0 {
		return false, nil
	}
	var pos int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM knowledge_base_notebooks WHERE knowledge_base_id = $1`,
		kbID).Scan(&pos); err != nil {
		return false, mapError(err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO knowledge_base_notebooks (knowledge_base_id, notebook_id, position, added_at)
		VALUES ($1, $2, $3, $4)`, kbID, notebookID, pos, tx.now); err != nil {
		return false, fmt.Errorf("add notebook to knowledge base: %w", err)
	}
	return true, nil
}

// RemoveKnowledgeBaseNotebook takes a notebook out of a knowledge base.
func (tx *Tx) RemoveKnowledgeBaseNotebook(ctx context.Context, kbID, notebookID string) error {
	res, err := tx.exec(ctx, `DELETE FROM knowledge_base_notebooks WHERE knowledge_base_id = $1 AND notebook_id = $2`, kbID, notebookID)
	if err != nil {
		return fmt.Errorf("remove notebook from knowledge base: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// MoveKnowledgeBaseNotebook swaps a notebook with its neighbour before
// (up) or after it, among the notebooks the viewer may see. The order is
// renumbered 1..n first, so ties never block a move.
func (tx *Tx) MoveKnowledgeBaseNotebook(ctx context.Context, v maillage.Viewer, kbID, notebookID string, up bool) error {
	var a args
	visible := notebookVisibleSQL(v, "b", &a)
	rows, err := tx.tx.QueryContext(ctx, `SELECT kn.notebook_id, `+visible+` FROM knowledge_base_notebooks kn
		JOIN notebooks b ON b.id = kn.notebook_id WHERE kn.knowledge_base_id = `+a.add(kbID)+`
		ORDER BY kn.position, b.title_key, b.id`, a...)
	if err != nil {
		return mapError(err)
	}
	type item struct {
		id      string
		visible bool
	}
	var items []item
	for rows.Next() {
		var it item
		if err := rows.Scan(&it.id, &it.visible); err != nil {
			rows.Close()
			return mapError(err)
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	at := -1
	for i, it := range items {
		if it.id == notebookID {
			at = i
		}
	}
	if at < 0 {
		return maillage.ErrNotFound
	}
	step := 1
	if up {
		step = -1
	}
	other := at + step
	for other >= 0 && other < len(items) && !items[other].visible {
		other += step
	}
	if other < 0 || other >= len(items) {
		return nil
	}
	items[at], items[other] = items[other], items[at]
	for i, it := range items {
		if _, err := tx.exec(ctx, `UPDATE knowledge_base_notebooks SET position = $1 WHERE knowledge_base_id = $2 AND notebook_id = $3`,
			i+1, kbID, it.id); err != nil {
			return fmt.Errorf("move notebook: %w", err)
		}
	}
	return nil
}
