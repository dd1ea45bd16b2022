package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Notebooks and knowledge bases share their roles: managers edit the item
// and its roles, contributors add to it. roleOps are the store operations
// of one of them, so the rules below are written once.
type roleOps struct {
	role   func(*store.Tx, context.Context, string, string) (maillage.NotebookRole, error)
	count  func(*store.Tx, context.Context, string) (int, error)
	upsert func(*store.Tx, context.Context, string, string, maillage.NotebookRole) error
	remove func(*store.Tx, context.Context, string, string) error
	// kind names the item for invitations.
	kind maillage.InvitationKind
}

func notebookRoleOps() roleOps {
	return roleOps{(*store.Tx).NotebookRole, (*store.Tx).CountNotebookManagers,
		(*store.Tx).UpsertNotebookMember, (*store.Tx).DeleteNotebookMember, maillage.InviteNotebook}
}

func knowledgeBaseRoleOps() roleOps {
	return roleOps{(*store.Tx).KnowledgeBaseRole, (*store.Tx).CountKnowledgeBaseManagers,
		(*store.Tx).UpsertKnowledgeBaseMember, (*store.Tx).DeleteKnowledgeBaseMember, maillage.InviteKnowledgeBase}
}

// NotebookMembers lists a notebook's managers and contributors whose
// profile the viewer may see.
func (s *Service) NotebookMembers(ctx context.Context, v maillage.Viewer, id string) ([]maillage.NotebookMember, error) {
	if _, err := s.Notebook(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.NotebookMembers(ctx, v, id)
}

// AddNotebookMember gives someone a role in a notebook, or changes it:
// managers. A role takes the person's consent, as in a community (see
// AddMember): the invitation sent is returned, nil when the change is
// made. The last manager cannot be made a contributor.
func (s *Service) AddNotebookMember(ctx context.Context, v maillage.Viewer, id, userID string, role maillage.NotebookRole) (*maillage.Invitation, error) {
	if _, err := s.managedNotebook(ctx, v, id); err != nil {
		return nil, err
	}
	return s.setRole(ctx, v, notebookRoleOps(), id, userID, role)
}

// RemoveNotebookMember takes someone's role away (managers), or lets
// people leave; the last manager cannot go.
func (s *Service) RemoveNotebookMember(ctx context.Context, v maillage.Viewer, id, userID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	nb, err := s.Notebook(ctx, v, id)
	if err != nil {
		return err
	}
	if userID != v.UserID && !CanManageNotebook(v, nb) {
		return maillage.ErrForbidden
	}
	return s.removeRole(ctx, notebookRoleOps(), id, userID)
}

// setRole checks a role and the person, then writes it, keeping a
// manager; or invites the person when the role needs their consent: a
// new role, or management, given by someone other than a platform
// administrator or the person themselves.
func (s *Service) setRole(ctx context.Context, v maillage.Viewer, ops roleOps, itemID, userID string, role maillage.NotebookRole) (*maillage.Invitation, error) {
	if role == "" {
		role = maillage.NotebookContributor
	}
	if role != maillage.NotebookContributor && role != maillage.NotebookManager {
		return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "role", MessageID: "field.invalid_choice"}}}
	}
	if userID == "" {
		return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "user_id", MessageID: "field.required"}}}
	}
	if _, err := s.Profile(ctx, v, userID); err != nil {
		if maillage.IsNotFound(err) {
			return nil, &maillage.Error{Code: maillage.CodeNotFound, MessageID: "notebook.unknown_person",
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: "notebook.unknown_person"}}}
		}
		return nil, err
	}
	direct := v.Admin || userID == v.UserID
	invite := false
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		if !direct {
			cur, err := ops.role(tx, ctx, itemID, userID)
			if err != nil && !maillage.IsNotFound(err) {
				return err
			}
			if cur == "" || (cur == maillage.NotebookContributor && role == maillage.NotebookManager) {
				invite = true // decided here, where the role cannot change meanwhile
				return nil
			}
		}
		if role == maillage.NotebookContributor {
			if err := keepItemManager(ctx, tx, ops, itemID, userID); err != nil {
				return err
			}
		}
		if err := ops.upsert(tx, ctx, itemID, userID, role); err != nil {
			return err
		}
		// An invitation still waiting has nothing left to offer.
		if err := tx.DeleteInvitation(ctx, ops.kind, itemID, userID); err != nil && !maillage.IsNotFound(err) {
			return err
		}
		return nil
	})
	if err != nil || !invite {
		return nil, err
	}
	return s.InvitePerson(ctx, v, ops.kind, itemID, userID, string(role))
}

// removeRole removes someone's role, keeping a manager.
func (s *Service) removeRole(ctx context.Context, ops roleOps, itemID, userID string) error {
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := keepItemManager(ctx, tx, ops, itemID, userID); err != nil {
			return err
		}
		return ops.remove(tx, ctx, itemID, userID)
	})
}

// keepItemManager refuses to remove or demote the last manager: nobody
// could manage the item any more.
func keepItemManager(ctx context.Context, tx *store.Tx, ops roleOps, itemID, userID string) error {
	role, err := ops.role(tx, ctx, itemID, userID)
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if role != maillage.NotebookManager {
		return nil
	}
	n, err := ops.count(tx, ctx, itemID)
	if err != nil {
		return err
	}
	if n <= 1 {
		return maillage.Errorf(maillage.CodeConflict, "notebook.last_manager")
	}
	return nil
}
