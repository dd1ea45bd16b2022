package service

import (
	"context"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// A knowledge base is an ordered collection of notebooks, with its own
// visibility and roles. It shows each viewer only the notebooks they may
// see, whatever the knowledge base's own visibility.

// CreateKnowledgeBase starts a knowledge base; its creator manages it. The
// input's Guide is not used.
func (s *Service) CreateKnowledgeBase(ctx context.Context, v maillage.Viewer, in maillage.NotebookInput) (*maillage.KnowledgeBase, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	in = trimNotebook(in)
	in.Guide = ""
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := s.checkLinkedCommunity(ctx, v, "", in.CommunityID); err != nil {
		return nil, err
	}
	k := &maillage.KnowledgeBase{ID: auth.NewID(), CreatedBy: v.UserID}
	fillKnowledgeBase(k, in)
	id := k.ID
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		existing, err := tx.RecentKnowledgeBaseByCreator(ctx, v.UserID, in.Title, tx.Now().Add(-duplicateWindow))
		if err == nil {
			id = existing
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		return tx.CreateKnowledgeBase(ctx, k)
	})
	if err != nil {
		return nil, err
	}
	return s.KnowledgeBase(ctx, v, id)
}

// UpdateKnowledgeBase edits a knowledge base: managers.
func (s *Service) UpdateKnowledgeBase(ctx context.Context, v maillage.Viewer, id string, in maillage.NotebookInput) (*maillage.KnowledgeBase, error) {
	k, err := s.managedKnowledgeBase(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in = trimNotebook(in)
	in.Guide = ""
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := s.checkLinkedCommunity(ctx, v, k.CommunityID, in.CommunityID); err != nil {
		return nil, err
	}
	fillKnowledgeBase(k, in)
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateKnowledgeBase(ctx, k, in.Version) }); err != nil {
		return nil, err
	}
	return s.KnowledgeBase(ctx, v, id)
}

// DeleteKnowledgeBase removes a knowledge base (its notebooks stay): managers.
func (s *Service) DeleteKnowledgeBase(ctx context.Context, v maillage.Viewer, id string) error {
	if _, err := s.managedKnowledgeBase(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteKnowledgeBase(ctx, id) })
}

// KnowledgeBase returns a knowledge base the viewer may see; otherwise
// not found.
func (s *Service) KnowledgeBase(ctx context.Context, v maillage.Viewer, id string) (*maillage.KnowledgeBase, error) {
	k, err := s.db.KnowledgeBase(ctx, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewContent(v, k.Access()) {
		return nil, maillage.ErrNotFound
	}
	if k.CommunityID != "" && !maillage.MayKnowCommunityName(v, k.CommunityID) {
		c, err := s.db.Community(ctx, k.CommunityID)
		if err != nil && !maillage.IsNotFound(err) {
			return nil, err
		}
		if c == nil || !maillage.CanSeeCommunity(v, c.Access()) {
			k.CommunityName = ""
		}
	}
	if err := s.hideMentions(ctx, v, &k.Description); err != nil {
		return nil, err
	}
	return k, nil
}

// KnowledgeBaseFilter selects knowledge bases.
type KnowledgeBaseFilter struct {
	Query       string
	CommunityID string
	MemberID    string
	// NotebookID keeps the knowledge bases holding this notebook.
	NotebookID string
	Page
}

// KnowledgeBases lists the knowledge bases the viewer may see.
func (s *Service) KnowledgeBases(ctx context.Context, v maillage.Viewer, f KnowledgeBaseFilter) ([]maillage.KnowledgeBase, int, error) {
	if ok, err := s.seesFilterCommunity(ctx, v, f.CommunityID); err != nil || !ok {
		return nil, 0, err
	}
	list, total, err := s.db.KnowledgeBases(ctx, v, store.KnowledgeBaseFilter{Query: f.Query, CommunityID: f.CommunityID,
		MemberID: f.MemberID, NotebookID: f.NotebookID, Limit: f.Limit, Offset: f.Offset})
	if err == nil {
		err = s.hideMentions(ctx, v, textsOf(list, func(k *maillage.KnowledgeBase) *string { return &k.Description })...)
	}
	return list, total, err
}

// KnowledgeBaseNotebookCounts counts the notebooks of each knowledge base
// that the viewer may see.
func (s *Service) KnowledgeBaseNotebookCounts(ctx context.Context, v maillage.Viewer, kbIDs ...string) (map[string]int, error) {
	return s.db.KnowledgeBaseNotebookCounts(ctx, v, kbIDs...)
}

// CanManageKnowledgeBase reports whether the viewer manages it.
func CanManageKnowledgeBase(v maillage.Viewer, k *maillage.KnowledgeBase) bool {
	return maillage.CanEditContent(v, k.Access())
}

// CanContributeToKnowledgeBase reports whether the viewer may add notebooks.
func CanContributeToKnowledgeBase(v maillage.Viewer, k *maillage.KnowledgeBase) bool {
	return maillage.CanContributeContent(v, k.Access())
}

func (s *Service) managedKnowledgeBase(ctx context.Context, v maillage.Viewer, id string) (*maillage.KnowledgeBase, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	k, err := s.KnowledgeBase(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !CanManageKnowledgeBase(v, k) {
		return nil, maillage.ErrForbidden
	}
	return k, nil
}

func fillKnowledgeBase(k *maillage.KnowledgeBase, in maillage.NotebookInput) {
	k.Title, k.Description = in.Title, in.Description
	k.Visibility, k.CommunityID = maillage.Visibility(in.Visibility), in.CommunityID
}
