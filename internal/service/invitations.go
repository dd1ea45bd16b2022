package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Invite lets a manager invite someone they can see to join the
// community. The invitee hears of it and may accept or decline; an
// invitation to someone already a member is pointless and refused.
func (s *Service) Invite(ctx context.Context, v maillage.Viewer, communityID, userID string) error {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return err
	}
	if _, err := s.Profile(ctx, v, userID); err != nil {
		if maillage.IsNotFound(err) {
			return &maillage.Error{Code: maillage.CodeNotFound, MessageID: "community.unknown_person",
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: "community.unknown_person"}}}
		}
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if _, err := tx.MemberRole(ctx, communityID, userID); err == nil {
			return &maillage.Error{Code: maillage.CodeConflict, MessageID: "discussion.already_member",
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: "discussion.already_member"}}}
		} else if !maillage.IsNotFound(err) {
			return err
		}
		isNew, err := tx.UpsertInvitation(ctx, communityID, userID, v.UserID)
		if err != nil || !isNew {
			return err
		}
		return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
			Kind: maillage.EventInvitation, ActorID: v.UserID,
			SubjectType: maillage.SubjectCommunity, SubjectID: communityID, CommunityID: communityID,
			RecipientIDs: []string{userID},
		})
	})
}

// CommunityInvitations lists a community's unanswered and declined
// invitations, for its managers.
func (s *Service) CommunityInvitations(ctx context.Context, v maillage.Viewer, communityID string) ([]maillage.Invitation, error) {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return nil, err
	}
	return s.db.CommunityInvitations(ctx, communityID)
}

// WithdrawInvitation lets a manager take back an invitation.
func (s *Service) WithdrawInvitation(ctx context.Context, v maillage.Viewer, communityID, userID string) error {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteInvitation(ctx, communityID, userID) })
}

// MyInvitations lists the viewer's unanswered invitations.
func (s *Service) MyInvitations(ctx context.Context, v maillage.Viewer) ([]maillage.Invitation, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	return s.db.UserInvitations(ctx, v.UserID)
}

// PendingInvitation returns the viewer's unanswered invitation to a
// community. It is the one way an unlisted private community shows itself
// to a non-member: its name and description, on the invitation alone.
func (s *Service) PendingInvitation(ctx context.Context, v maillage.Viewer, communityID string) (*maillage.Invitation, error) {
	if !v.SignedIn() {
		return nil, maillage.ErrNotFound
	}
	return s.db.PendingInvitation(ctx, communityID, v.UserID)
}

// AnswerInvitation accepts (the viewer becomes a member) or declines the
// viewer's pending invitation.
func (s *Service) AnswerInvitation(ctx context.Context, v maillage.Viewer, communityID string, accept bool) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	status := maillage.InvitationDeclined
	if accept {
		status = maillage.InvitationAccepted
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.AnswerInvitation(ctx, communityID, v.UserID, status); err != nil {
			return err
		}
		if !accept {
			return nil
		}
		if _, err := tx.MemberRole(ctx, communityID, v.UserID); err == nil {
			return nil // already a member: keep the role they have
		}
		return tx.UpsertMember(ctx, communityID, v.UserID, maillage.RoleMember)
	})
}

// TransferManagement hands a community over: the member named becomes a
// manager and the viewer steps down to member, in one step, so the
// community is never left without a manager.
func (s *Service) TransferManagement(ctx context.Context, v maillage.Viewer, communityID, toUserID string) error {
	if _, err := s.managedCommunity(ctx, v, communityID); err != nil {
		return err
	}
	if toUserID == v.UserID {
		return nil
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if _, err := tx.MemberRole(ctx, communityID, toUserID); err != nil {
			if maillage.IsNotFound(err) {
				return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "discussion.transfer_not_member",
					Fields: []maillage.FieldError{{Field: "user_id", MessageID: "discussion.transfer_not_member"}}}
			}
			return err
		}
		if err := tx.UpsertMember(ctx, communityID, toUserID, maillage.RoleManager); err != nil {
			return err
		}
		if _, err := tx.MemberRole(ctx, communityID, v.UserID); maillage.IsNotFound(err) {
			// An administrator who is not a member hands over nothing of theirs.
			return s.SyncCommunityNoteAuthors(ctx, tx, communityID)
		}
		if err := keepAManager(ctx, tx, communityID, v.UserID); err != nil {
			return err
		}
		if err := tx.UpsertMember(ctx, communityID, v.UserID, maillage.RoleMember); err != nil {
			return err
		}
		return s.SyncCommunityNoteAuthors(ctx, tx, communityID)
	})
}
