package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// MoveNotebookNote swaps a note with its neighbour before (up) or after it
// in the manual order, as the viewer sees that order: within the pinned
// notes, or within the note's category section, skipping the notes the
// viewer may not see (a manager does not see a co-manager's private
// minute, and must not be able to guess where it sits). At either end it
// does nothing.
func (tx *Tx) MoveNotebookNote(ctx context.Context, v maillage.Viewer, notebookID, noteID string, up bool) error {
	for attempt := 0; attempt < 2; attempt++ {
		p, err := tx.NotebookPlacement(ctx, notebookID, noteID)
		if err != nil {
			return err
		}
		var a args
		cond := "nn.notebook_id = " + a.add(notebookID) + " AND nn.note_id <> " + a.add(noteID) + " AND nn.pinned = " + a.add(p.Pinned)
		if !p.Pinned {
			if p.CategoryID == "" {
				cond += " AND nn.category_id IS NULL"
			} else {
				cond += " AND nn.category_id = " + a.add(p.CategoryID)
			}
		}
		cond += " AND " + noteVisibleSQL(v, "n", &a)
		pos, id := a.add(p.Position), a.add(noteID)
		order := "nn.position DESC, nn.note_id DESC"
		if up {
			cond += " AND (nn.position < " + pos + " OR (nn.position = " + pos + " AND nn.note_id < " + id + "))"
		} else {
			cond += " AND (nn.position > " + pos + " OR (nn.position = " + pos + " AND nn.note_id > " + id + "))"
			order = "nn.position, nn.note_id"
		}
		var otherID string
		var otherPos int
		err = tx.tx.QueryRowContext(ctx, `SELECT nn.note_id, nn.position FROM notebook_notes nn JOIN notes n ON n.id = nn.note_id
			WHERE `+cond+` ORDER BY `+order+` LIMIT 1`, a...).Scan(&otherID, &otherPos)
		if err != nil {
			if err = mapError(err); maillage.IsNotFound(err) {
				return nil
			}
			return err
		}
		if otherPos == p.Position {
			// Two notes added at the same instant share a position:
			// number them all once, then swap.
			if err := tx.renumberNotebook(ctx, notebookID); err != nil {
				return err
			}
			continue
		}
		for _, s := range []struct {
			id  string
			pos int
		}{{noteID, otherPos}, {otherID, p.Position}} {
			if _, err := tx.exec(ctx, `UPDATE notebook_notes SET position = $1 WHERE notebook_id = $2 AND note_id = $3`,
				s.pos, notebookID, s.id); err != nil {
				return fmt.Errorf("move note: %w", err)
			}
		}
		return nil
	}
	return nil
}

// renumberNotebook gives a notebook's notes distinct positions 1..n in
// their current order.
func (tx *Tx) renumberNotebook(ctx context.Context, notebookID string) error {
	rows, err := tx.tx.QueryContext(ctx, `SELECT note_id FROM notebook_notes WHERE notebook_id = $1 ORDER BY position, note_id`, notebookID)
	if err != nil {
		return mapError(err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return mapError(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	for i, id := range ids {
		if _, err := tx.exec(ctx, `UPDATE notebook_notes SET position = $1 WHERE notebook_id = $2 AND note_id = $3`,
			i+1, notebookID, id); err != nil {
			return fmt.Errorf("renumber notebook: %w", err)
		}
	}
	return nil
}
