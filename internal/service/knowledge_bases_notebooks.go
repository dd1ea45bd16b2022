package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// KnowledgeBaseNotebooks lists the notebooks of a knowledge base that the
// viewer may see, in the knowledge base's order.
func (s *Service) KnowledgeBaseNotebooks(ctx context.Context, v maillage.Viewer, id string) ([]maillage.Notebook, error) {
	if _, err := s.KnowledgeBase(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.KnowledgeBaseNotebooks(ctx, v, id)
}

// AddNotebookToKnowledgeBase puts a notebook the viewer may see at the end
// of a knowledge base they manage or contribute to. Adding it twice is not
// an error; added reports whether it was new. The notebook keeps its own
// visibility: readers of the knowledge base who may not see it never do.
func (s *Service) AddNotebookToKnowledgeBase(ctx context.Context, v maillage.Viewer, kbID, notebookID string) (added bool, err error) {
	if err := requireSignedIn(v); err != nil {
		return false, err
	}
	k, err := s.KnowledgeBase(ctx, v, kbID)
	if err != nil {
		return false, err
	}
	if !CanContributeToKnowledgeBase(v, k) {
		return false, maillage.ErrForbidden
	}
	if strings.TrimSpace(notebookID) == "" {
		return false, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "notebook_id", MessageID: "field.required"}}}
	}
	if _, err := s.Notebook(ctx, v, notebookID); err != nil {
		return false, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		added, err = tx.AddKnowledgeBaseNotebook(ctx, kbID, notebookID)
		return err
	})
	return added, err
}

// RemoveNotebookFromKnowledgeBase takes a notebook out of a knowledge
// base (the notebook stays): managers.
func (s *Service) RemoveNotebookFromKnowledgeBase(ctx context.Context, v maillage.Viewer, kbID, notebookID string) error {
	if _, err := s.managedKnowledgeBase(ctx, v, kbID); err != nil {
		return err
	}
	if _, err := s.Notebook(ctx, v, notebookID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.RemoveKnowledgeBaseNotebook(ctx, kbID, notebookID) })
}

// MoveKnowledgeBaseNotebook moves a notebook up or down a knowledge base,
// past the previous (or next) notebook the viewer sees: managers.
func (s *Service) MoveKnowledgeBaseNotebook(ctx context.Context, v maillage.Viewer, kbID, notebookID string, up bool) error {
	if _, err := s.managedKnowledgeBase(ctx, v, kbID); err != nil {
		return err
	}
	if _, err := s.Notebook(ctx, v, notebookID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.MoveKnowledgeBaseNotebook(ctx, v, kbID, notebookID, up) })
}

// KnowledgeBaseMembers lists a knowledge base's managers and contributors
// whose profile the viewer may see.
func (s *Service) KnowledgeBaseMembers(ctx context.Context, v maillage.Viewer, id string) ([]maillage.NotebookMember, error) {
	if _, err := s.KnowledgeBase(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.KnowledgeBaseMembers(ctx, v, id)
}

// AddKnowledgeBaseMember gives someone a role in a knowledge base, or
// changes it: managers. A role takes the person's consent (see
// AddNotebookMember): the invitation sent is returned, nil when the
// change is made. The last manager cannot be made a contributor.
func (s *Service) AddKnowledgeBaseMember(ctx context.Context, v maillage.Viewer, id, userID string, role maillage.NotebookRole) (*maillage.Invitation, error) {
	if _, err := s.managedKnowledgeBase(ctx, v, id); err != nil {
		return nil, err
	}
	return s.setRole(ctx, v, knowledgeBaseRoleOps(), id, userID, role)
}

// RemoveKnowledgeBaseMember takes someone's role away (managers), or lets
// people leave; the last manager cannot go.
func (s *Service) RemoveKnowledgeBaseMember(ctx context.Context, v maillage.Viewer, id, userID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	k, err := s.KnowledgeBase(ctx, v, id)
	if err != nil {
		return err
	}
	if userID != v.UserID && !CanManageKnowledgeBase(v, k) {
		return maillage.ErrForbidden
	}
	return s.removeRole(ctx, knowledgeBaseRoleOps(), id, userID)
}
