package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Sorts of a notebook's notes, as the store knows them.
const (
	SortManual = store.SortManual
	SortRecent = store.SortRecent
	SortTitle  = store.SortTitle
	// NoCategory filters the notes that have no category.
	NoCategory = store.NoCategory
)

// NotebookNoteFilter selects and orders the notes of a notebook.
type NotebookNoteFilter struct {
	Query string
	// CategoryID is one of the notebook's categories, or NoCategory.
	CategoryID string
	// Tag is a tag label or slug.
	Tag      string
	Kind     string
	AuthorID string
	// Sort is SortManual (the default), SortRecent or SortTitle.
	Sort string
	Page
}

// NotebookNotes lists the notes of a notebook that the viewer may see,
// with the total under the same filter: a meeting notebook shows its
// private minutes to their authors only, and counts them for them only.
func (s *Service) NotebookNotes(ctx context.Context, v maillage.Viewer, id string, f NotebookNoteFilter) ([]maillage.NotebookEntry, int, error) {
	if _, err := s.Notebook(ctx, v, id); err != nil {
		return nil, 0, err
	}
	tagID, ok, err := s.resolveTag(ctx, f.Tag)
	if err != nil || !ok {
		return nil, 0, err
	}
	if !validSort(f.Sort) {
		f.Sort = SortManual
	}
	if ok, err := s.canFilterByPerson(ctx, v, f.AuthorID); err != nil || !ok {
		return nil, 0, err
	}
	entries, total, err := s.db.NotebookEntries(ctx, v, id, store.NotebookEntryFilter{Query: strings.TrimSpace(f.Query), CategoryID: f.CategoryID,
		TagID: tagID, Kind: f.Kind, AuthorID: f.AuthorID, Sort: f.Sort, Limit: f.Limit, Offset: f.Offset})
	if err == nil {
		err = s.hideAdders(ctx, v, entries)
	}
	return entries, total, err
}

func validSort(sort string) bool {
	return sort == SortManual || sort == SortRecent || sort == SortTitle
}

// NotebookCategoryCounts counts the notes of a notebook the viewer may
// see, by category ID ("" for notes without a category).
func (s *Service) NotebookCategoryCounts(ctx context.Context, v maillage.Viewer, id string) (map[string]int, error) {
	if _, err := s.Notebook(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.NotebookCategoryCounts(ctx, v, id)
}

// AddNoteToNotebook files a note the viewer may see in a notebook they
// manage or contribute to, under a category named by its name (created in
// the notebook when new). Adding a note already there only changes its
// category. A note keeps its own visibility: adding a private minute to a
// public notebook shows it to nobody new. added reports whether the note
// was new to the notebook; only then are people told.
func (s *Service) AddNoteToNotebook(ctx context.Context, v maillage.Viewer, notebookID, noteID, category string) (added bool, err error) {
	if err := requireSignedIn(v); err != nil {
		return false, err
	}
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil {
		return false, err
	}
	if !CanContributeToNotebook(v, nb) {
		return false, maillage.ErrForbidden
	}
	category = maillage.CleanTagLabel(category)
	var val maillage.Validator
	val.MaxLen("category", category, maillage.MaxCategoryNameLen)
	if strings.TrimSpace(noteID) == "" {
		val.Add("note_id", "field.required", nil)
	}
	if err := val.Err(); err != nil {
		return false, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		note, err := s.visibleNoteTx(ctx, tx, v, noteID)
		if err != nil {
			return err
		}
		categoryID := ""
		if category != "" {
			c, err := ensureCategory(ctx, tx, notebookID, category, "category")
			if err != nil {
				return err
			}
			categoryID = c.ID
		}
		if added, err = tx.AddNotebookNote(ctx, notebookID, noteID, categoryID, v.UserID); err != nil || !added {
			return err
		}
		if err := tx.TouchNotebook(ctx, notebookID); err != nil {
			return err
		}
		return s.noteAddedToNotebook(ctx, tx, v, nb, note)
	})
	return added, err
}

// visibleNoteTx reads a note inside a transaction: not found when absent
// or when the viewer may not see it, the two being the same to them.
func (s *Service) visibleNoteTx(ctx context.Context, tx *store.Tx, v maillage.Viewer, noteID string) (*maillage.NoteSummary, error) {
	note, err := tx.NoteForNotebook(ctx, noteID)
	if err != nil {
		return nil, err
	}
	owners := make([]string, len(note.Authors))
	for i, a := range note.Authors {
		owners[i] = a.UserID
	}
	if !maillage.CanViewContent(v, maillage.ContentAccess{Visibility: note.Visibility, CommunityID: note.CommunityID, OwnerIDs: owners}) {
		return nil, maillage.ErrNotFound
	}
	return note, nil
}

// ensureCategory finds a notebook's category by name or creates it, within
// the notebook's limit of categories; field names the input in errors.
func ensureCategory(ctx context.Context, tx *store.Tx, notebookID, name, field string) (*maillage.NotebookCategory, error) {
	c, err := tx.NotebookCategoryByName(ctx, notebookID, name)
	if err == nil || !maillage.IsNotFound(err) {
		return c, err
	}
	if err := checkCategoryRoom(ctx, tx, notebookID, field); err != nil {
		return nil, err
	}
	c = &maillage.NotebookCategory{ID: auth.NewID(), Name: name}
	return c, tx.CreateNotebookCategory(ctx, notebookID, c)
}

// RemoveNoteFromNotebook takes a note out of a notebook (the note stays):
// the notebook's managers, or the person who added it.
func (s *Service) RemoveNoteFromNotebook(ctx context.Context, v maillage.Viewer, notebookID, noteID string) error {
	return s.changePlacement(ctx, v, notebookID, noteID, true, func(tx *store.Tx) error {
		return tx.RemoveNotebookNote(ctx, notebookID, noteID)
	})
}

// SetNotebookNoteCategory files a note under another of the notebook's
// categories ("" for none): managers, or the person who added it.
func (s *Service) SetNotebookNoteCategory(ctx context.Context, v maillage.Viewer, notebookID, noteID, categoryID string) error {
	return s.changePlacement(ctx, v, notebookID, noteID, true, func(tx *store.Tx) error {
		if categoryID != "" {
			if err := categoryOf(ctx, tx, notebookID, categoryID); err != nil {
				return err
			}
		}
		return tx.SetNotebookNoteCategory(ctx, notebookID, noteID, categoryID)
	})
}

// PinNotebookNote pins a note at the top of a notebook, or unpins it: managers.
func (s *Service) PinNotebookNote(ctx context.Context, v maillage.Viewer, notebookID, noteID string, pinned bool) error {
	return s.changePlacement(ctx, v, notebookID, noteID, false, func(tx *store.Tx) error {
		return tx.SetNotebookNotePinned(ctx, notebookID, noteID, pinned)
	})
}

// MoveNotebookNote moves a note up or down the notebook's manual order,
// past the previous (or next) note the viewer sees in its section: managers.
func (s *Service) MoveNotebookNote(ctx context.Context, v maillage.Viewer, notebookID, noteID string, up bool) error {
	return s.changePlacement(ctx, v, notebookID, noteID, false, func(tx *store.Tx) error {
		return tx.MoveNotebookNote(ctx, v, notebookID, noteID, up)
	})
}

// changePlacement runs a change to a note's place in a notebook after the
// checks they share: the notebook and the note must be visible (else not
// found), and the viewer must manage the notebook or, when adderMay, be
// the person who added the note (else forbidden).
func (s *Service) changePlacement(ctx context.Context, v maillage.Viewer, notebookID, noteID string, adderMay bool, change func(tx *store.Tx) error) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		p, err := tx.NotebookPlacement(ctx, notebookID, noteID)
		if err != nil {
			return err
		}
		if _, err := s.visibleNoteTx(ctx, tx, v, noteID); err != nil {
			return err
		}
		if !CanManageNotebook(v, nb) && !(adderMay && p.AddedBy == v.UserID) {
			return maillage.ErrForbidden
		}
		return change(tx)
	})
}

// maxSuggestions bounds the note picker's list.
const maxSuggestions = 10

// NotebookNoteSuggestions lists the notes the viewer may see whose title
// contains q and that are not yet in the notebook: the picker of the "add
// a note" form, for people who may add notes.
func (s *Service) NotebookNoteSuggestions(ctx context.Context, v maillage.Viewer, notebookID, q string) ([]maillage.NoteSummary, error) {
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil {
		return nil, err
	}
	// Contributors pick notes to add, other readers notes to propose.
	if !CanContributeToNotebook(v, nb) && !v.SignedIn() {
		return nil, maillage.ErrForbidden
	}
	if len(q) > maillage.MaxNoteTitleLen*4 {
		return nil, nil
	}
	return s.db.NotebookNoteSuggestions(ctx, v, notebookID, q, maxSuggestions)
}

// NotebookAuthors lists the authors of the notes of a notebook that the
// viewer may see (only those whose profile they may see).
func (s *Service) NotebookAuthors(ctx context.Context, v maillage.Viewer, id string) ([]maillage.NoteAuthor, error) {
	if _, err := s.Notebook(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.NotebookAuthors(ctx, v, id)
}
