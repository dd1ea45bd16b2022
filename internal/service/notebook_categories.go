package service

import (
	"context"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CreateNotebookCategory adds a category at the end of a notebook's list:
// managers.
func (s *Service) CreateNotebookCategory(ctx context.Context, v maillage.Viewer, notebookID, name string) (*maillage.NotebookCategory, error) {
	if _, err := s.managedNotebook(ctx, v, notebookID); err != nil {
		return nil, err
	}
	name, err := checkCategoryName(name)
	if err != nil {
		return nil, err
	}
	c := &maillage.NotebookCategory{ID: auth.NewID(), Name: name}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if err := checkCategoryRoom(ctx, tx, notebookID, "name"); err != nil {
			return err
		}
		return tx.CreateNotebookCategory(ctx, notebookID, c)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// RenameNotebookCategory renames one of a notebook's categories: managers.
func (s *Service) RenameNotebookCategory(ctx context.Context, v maillage.Viewer, notebookID, categoryID, name string) error {
	if _, err := s.managedNotebook(ctx, v, notebookID); err != nil {
		return err
	}
	name, err := checkCategoryName(name)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.RenameNotebookCategory(ctx, notebookID, categoryID, name) })
}

// MoveNotebookCategory moves a category up or down the list: managers.
func (s *Service) MoveNotebookCategory(ctx context.Context, v maillage.Viewer, notebookID, categoryID string, up bool) error {
	if _, err := s.managedNotebook(ctx, v, notebookID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.MoveNotebookCategory(ctx, notebookID, categoryID, up) })
}

// DeleteNotebookCategory removes a category; its notes stay in the
// notebook without one: managers.
func (s *Service) DeleteNotebookCategory(ctx context.Context, v maillage.Viewer, notebookID, categoryID string) error {
	if _, err := s.managedNotebook(ctx, v, notebookID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNotebookCategory(ctx, notebookID, categoryID) })
}

// checkCategoryName cleans a category name and checks it.
func checkCategoryName(name string) (string, error) {
	name = maillage.CleanTagLabel(name)
	var val maillage.Validator
	val.Required("name", name)
	val.MaxLen("name", name, maillage.MaxCategoryNameLen)
	return name, val.Err()
}

// checkCategoryRoom refuses a category beyond the notebook's limit.
func checkCategoryRoom(ctx context.Context, tx *store.Tx, notebookID, field string) error {
	n, err := tx.CountNotebookCategories(ctx, notebookID)
	if err != nil {
		return err
	}
	if n >= maillage.MaxCategories {
		data := map[string]any{"Max": maillage.MaxCategories}
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: field, MessageID: "notebook.too_many_categories", Data: data}}}
	}
	return nil
}

// categoryOf checks that a category belongs to the notebook.
func categoryOf(ctx context.Context, tx *store.Tx, notebookID, categoryID string) error {
	cats, err := tx.NotebookCategories(ctx, notebookID)
	if err != nil {
		return err
	}
	for _, c := range cats {
		if c.ID == categoryID {
			return nil
		}
	}
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "category_id", MessageID: "field.invalid_choice"}}}
}
