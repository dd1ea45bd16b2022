package service

import (
	"context"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CreateNotebook starts a notebook; its creator becomes its first
// manager. A linked community must be one the creator belongs to.
func (s *Service) CreateNotebook(ctx context.Context, v maillage.Viewer, in maillage.NotebookInput) (*maillage.Notebook, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	in = trimNotebook(in)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := s.checkLinkedCommunity(ctx, v, "", in.CommunityID); err != nil {
		return nil, err
	}
	nb := &maillage.Notebook{ID: auth.NewID(), CreatedBy: v.UserID}
	fillNotebook(nb, in)
	id := nb.ID
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		// The same person creating the same title again within minutes is
		// a form sent twice: answer with the notebook already made.
		existing, err := tx.RecentNotebookByCreator(ctx, v.UserID, in.Title, tx.Now().Add(-duplicateWindow))
		if err == nil {
			id = existing
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		return tx.CreateNotebook(ctx, nb)
	})
	if err != nil {
		return nil, err
	}
	return s.Notebook(ctx, v, id)
}

// UpdateNotebook edits a notebook's title, description, guide,
// visibility and community: managers only.
func (s *Service) UpdateNotebook(ctx context.Context, v maillage.Viewer, id string, in maillage.NotebookInput) (*maillage.Notebook, error) {
	nb, err := s.managedNotebook(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in = trimNotebook(in)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := s.checkLinkedCommunity(ctx, v, nb.CommunityID, in.CommunityID); err != nil {
		return nil, err
	}
	fillNotebook(nb, in)
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateNotebook(ctx, nb, in.Version) }); err != nil {
		return nil, err
	}
	return s.Notebook(ctx, v, id)
}

// DeleteNotebook removes a notebook (its notes stay): managers only.
func (s *Service) DeleteNotebook(ctx context.Context, v maillage.Viewer, id string) error {
	nb, err := s.managedNotebook(ctx, v, id)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteNotebook(ctx, id); err != nil {
			return err
		}
		// The cover goes with the row, by a job in the same transaction.
		if nb.CoverKey != "" {
			return s.enqueueFileDeletion(ctx, tx, []string{nb.CoverKey})
		}
		return nil
	})
}

// Notebook returns a notebook the viewer may see, with its members and
// categories; otherwise not found. The linked community's name is left
// out when the viewer may not see that community.
func (s *Service) Notebook(ctx context.Context, v maillage.Viewer, id string) (*maillage.Notebook, error) {
	nb, err := s.db.Notebook(ctx, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewContent(v, nb.Access()) {
		return nil, maillage.ErrNotFound
	}
	if nb.CommunityID != "" && !maillage.MayKnowCommunityName(v, nb.CommunityID) {
		c, err := s.db.Community(ctx, nb.CommunityID)
		if err != nil && !maillage.IsNotFound(err) {
			return nil, err
		}
		if c == nil || !maillage.CanSeeCommunity(v, c.Access()) {
			nb.CommunityName = ""
		}
	}
	if err := s.hideMentions(ctx, v, &nb.Description, &nb.Guide); err != nil {
		return nil, err
	}
	return nb, nil
}

// NotebookFilter selects notebooks.
type NotebookFilter struct {
	Query       string
	CommunityID string
	// Tag keeps notebooks holding a note with this tag (label or slug)
	// that the viewer may see.
	Tag string
	// Descendants takes in the notes carrying the tag's descendants.
	Descendants bool
	// MemberID keeps notebooks where this person is a manager or contributor.
	MemberID string
	// NoteID keeps the notebooks holding this note.
	NoteID string
	Page
}

// Notebooks lists the notebooks the viewer may see, most recently
// changed first.
func (s *Service) Notebooks(ctx context.Context, v maillage.Viewer, f NotebookFilter) ([]maillage.Notebook, int, error) {
	tagIDs, ok, err := s.tagFilter(ctx, f.Tag, f.Descendants)
	if err != nil || !ok {
		return nil, 0, err
	}
	if ok, err := s.seesFilterCommunity(ctx, v, f.CommunityID); err != nil || !ok {
		return nil, 0, err
	}
	list, total, err := s.db.Notebooks(ctx, v, store.NotebookFilter{Query: f.Query, CommunityID: f.CommunityID, TagIDs: tagIDs,
		MemberID: f.MemberID, NoteID: f.NoteID, Limit: f.Limit, Offset: f.Offset})
	if err == nil {
		err = s.hideMentions(ctx, v, textsOf(list, func(nb *maillage.Notebook) *string { return &nb.Description })...)
	}
	return list, total, err
}

// NotebookNoteCounts counts the notes of each notebook that the viewer may see.
func (s *Service) NotebookNoteCounts(ctx context.Context, v maillage.Viewer, notebookIDs ...string) (map[string]int, error) {
	return s.db.NotebookNoteCounts(ctx, v, notebookIDs...)
}

// maxCommunityNotebooks bounds the notebooks a community page lists.
const maxCommunityNotebooks = 100

// CommunityNotebooks lists the notebooks linked to a community that the
// viewer may see, most recently changed first, for the community's page.
func (s *Service) CommunityNotebooks(ctx context.Context, v maillage.Viewer, communityID string) ([]maillage.Notebook, error) {
	list, _, err := s.db.Notebooks(ctx, v, store.NotebookFilter{CommunityID: communityID, Limit: maxCommunityNotebooks})
	return list, err
}

// CanManageNotebook reports whether the viewer manages the notebook.
func CanManageNotebook(v maillage.Viewer, nb *maillage.Notebook) bool {
	return maillage.CanEditContent(v, nb.Access())
}

// CanContributeToNotebook reports whether the viewer may add notes.
func CanContributeToNotebook(v maillage.Viewer, nb *maillage.Notebook) bool {
	return maillage.CanContributeContent(v, nb.Access())
}

// managedNotebook returns a notebook the viewer manages: not found when
// invisible, forbidden when visible but not theirs to manage.
func (s *Service) managedNotebook(ctx context.Context, v maillage.Viewer, id string) (*maillage.Notebook, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	nb, err := s.Notebook(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !CanManageNotebook(v, nb) {
		return nil, maillage.ErrForbidden
	}
	return nb, nil
}

// checkLinkedCommunity checks the community a notebook or knowledge base
// is linked to: someone linking it must belong to it. Keeping the current
// link needs no check, so a manager who left the community can still edit.
func (s *Service) checkLinkedCommunity(ctx context.Context, v maillage.Viewer, current, next string) error {
	if next == "" || next == current {
		return nil
	}
	c, err := s.db.Community(ctx, next)
	if err != nil && !maillage.IsNotFound(err) {
		return err
	}
	if c == nil || !maillage.CanSeeCommunity(v, c.Access()) {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "community_id", MessageID: "notebook.unknown_community"}}}
	}
	if !maillage.CanLinkContentToCommunity(v, next) {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "community_id", MessageID: "notebook.not_community_member"}}}
	}
	return nil
}

func trimNotebook(in maillage.NotebookInput) maillage.NotebookInput {
	in.Title = maillage.CleanLine(in.Title)
	in.Description = maillage.CleanText(in.Description)
	in.Guide = maillage.CleanText(in.Guide)
	in.Visibility = maillage.CleanLine(in.Visibility)
	in.CommunityID = maillage.CleanLine(in.CommunityID)
	return in
}

func fillNotebook(nb *maillage.Notebook, in maillage.NotebookInput) {
	nb.Title, nb.Description, nb.Guide = in.Title, in.Description, in.Guide
	nb.Visibility, nb.CommunityID = maillage.Visibility(in.Visibility), in.CommunityID
}
