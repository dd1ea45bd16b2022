package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// errCategoryExists is a second category of the same name (accents and
// case ignored) in one notebook.
var errCategoryExists = &maillage.Error{Code: maillage.CodeConflict, MessageID: "notebook.category_exists",
	Fields: []maillage.FieldError{{Field: "name", MessageID: "notebook.category_exists"}}}

// NotebookCategories lists a notebook's categories in their order.
func (db *DB) NotebookCategories(ctx context.Context, notebookID string) ([]maillage.NotebookCategory, error) {
	rows, err := db.query(ctx, categoriesQuery, notebookID)
	return scanCategories(rows, err)
}

// NotebookCategories lists a notebook's categories inside a transaction.
func (tx *Tx) NotebookCategories(ctx context.Context, notebookID string) ([]maillage.NotebookCategory, error) {
	return categoriesOf(ctx, tx.q(), notebookID)
}

const categoriesQuery = `SELECT id, name, position FROM notebook_categories WHERE notebook_id = $1 ORDER BY position, name_key, id`

func categoriesOf(ctx context.Context, q querier, notebookID string) ([]maillage.NotebookCategory, error) {
	rows, err := q.QueryContext(ctx, categoriesQuery, notebookID)
	return scanCategories(rows, err)
}

func scanCategories(rows *sql.Rows, err error) ([]maillage.NotebookCategory, error) {
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NotebookCategory
	for rows.Next() {
		var c maillage.NotebookCategory
		if err := rows.Scan(&c.ID, &c.Name, &c.Position); err != nil {
			return nil, mapError(err)
		}
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

// CreateNotebookCategory adds a category at the end of a notebook's
// list. A name already used there (accents and case ignored) is a conflict.
func (tx *Tx) CreateNotebookCategory(ctx context.Context, notebookID string, c *maillage.NotebookCategory) error {
	if err := tx.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM notebook_categories WHERE notebook_id = $1`,
		notebookID).Scan(&c.Position); err != nil {
		return mapError(err)
	}
	_, err := tx.exec(ctx, `INSERT INTO notebook_categories (id, notebook_id, name, name_key, position) VALUES ($1, $2, $3, $4, $5)`,
		c.ID, notebookID, c.Name, fold.Key(c.Name), c.Position)
	if maillage.ErrorCode(err) == maillage.CodeConflict {
		return errCategoryExists.Wrap(err)
	}
	if err != nil {
		return fmt.Errorf("create category: %w", err)
	}
	return nil
}

// NotebookCategoryByName finds a notebook's category by name, accents and
// case ignored, or answers not found.
func (tx *Tx) NotebookCategoryByName(ctx context.Context, notebookID, name string) (*maillage.NotebookCategory, error) {
	var c maillage.NotebookCategory
	err := tx.tx.QueryRowContext(ctx, `SELECT id, name, position FROM notebook_categories WHERE notebook_id = $1 AND name_key = $2`,
		notebookID, fold.Key(name)).Scan(&c.ID, &c.Name, &c.Position)
	if err != nil {
		return nil, mapError(err)
	}
	return &c, nil
}

// CountNotebookCategories counts a notebook's categories, to bound them.
func (tx *Tx) CountNotebookCategories(ctx context.Context, notebookID string) (int, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM notebook_categories WHERE notebook_id = $1`, notebookID).Scan(&n)
	return n, mapError(err)
}

// RenameNotebookCategory renames one of a notebook's categories.
func (tx *Tx) RenameNotebookCategory(ctx context.Context, notebookID, categoryID, name string) error {
	res, err := tx.exec(ctx, `UPDATE notebook_categories SET name = $1, name_key = $2 WHERE id = $3 AND notebook_id = $4`,
		name, fold.Key(name), categoryID, notebookID)
	if maillage.ErrorCode(err) == maillage.CodeConflict {
		return errCategoryExists.Wrap(err)
	}
	if err != nil {
		return fmt.Errorf("rename category: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// MoveNotebookCategory swaps a category with its neighbour before (up) or
// after it. At either end it does nothing.
func (tx *Tx) MoveNotebookCategory(ctx context.Context, notebookID, categoryID string, up bool) error {
	cats, err := tx.NotebookCategories(ctx, notebookID)
	if err != nil {
		return err
	}
	at := -1
	for i, c := range cats {
		if c.ID == categoryID {
			at = i
		}
	}
	if at < 0 {
		return maillage.ErrNotFound
	}
	other := at + 1
	if up {
		other = at - 1
	}
	if other < 0 || other >= len(cats) {
		return nil
	}
	cats[at], cats[other] = cats[other], cats[at]
	// Positions are rewritten 1..n, which also repairs ties left by
	// concurrent creations.
	for i, c := range cats {
		if c.Position == i+1 {
			continue
		}
		if _, err := tx.exec(ctx, `UPDATE notebook_categories SET position = $1 WHERE id = $2`, i+1, c.ID); err != nil {
			return fmt.Errorf("move category: %w", err)
		}
	}
	return nil
}

// DeleteNotebookCategory removes a category; its notes stay in the
// notebook, without a category.
func (tx *Tx) DeleteNotebookCategory(ctx context.Context, notebookID, categoryID string) error {
	res, err := tx.exec(ctx, `DELETE FROM notebook_categories WHERE id = $1 AND notebook_id = $2`, categoryID, notebookID)
	if err != nil {
		return fmt.Errorf("delete category: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}
