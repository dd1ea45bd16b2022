package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// The answer to an emailed invitation. Its link is its credential: whoever
// holds it sees the community's name and description, who invited them
// and their message, and may decline signed out. Accepting takes an
// account: a signed-in person joins at once; someone new signs up from the
// link and joins when they confirm their address.

// Why a link cannot answer: message IDs the pages and the API translate.
const (
	msgLinkAnswered = "recruitment.link_answered"
	msgLinkExpired  = "recruitment.link_expired"
)

// JoinInvitation is an emailed invitation as its link shows it.
type JoinInvitation struct {
	maillage.RecruitmentInvitation
	// Expired: the link can no longer answer; ask for a new invitation.
	Expired bool
	// Member: the signed-in viewer already belongs to the community.
	Member bool
}

// AnsweredOn is when the invitation was answered (zero when it was not).
func (j JoinInvitation) AnsweredOn() time.Time {
	if j.AnsweredAt == nil {
		return time.Time{}
	}
	return *j.AnsweredAt
}

// JoinInvitationByLink returns the invitation a link answers, whatever
// its status (the page then says what to do); not found for a link that
// never existed. The invitee's address shows only to its holder.
func (s *Service) JoinInvitationByLink(ctx context.Context, v maillage.Viewer, token string) (*JoinInvitation, error) {
	if token == "" || len(token) > 200 {
		return nil, maillage.ErrNotFound
	}
	inv, err := s.db.RecruitmentInvitationByLink(ctx, auth.HashToken(token))
	if err != nil {
		return nil, err
	}
	out := &JoinInvitation{RecruitmentInvitation: *inv, Expired: inv.Expired(s.db.Now()), Member: v.IsMember(inv.CommunityID)}
	if err := s.hideMentions(ctx, v, &out.CommunityDescription); err != nil {
		return nil, err
	}
	return out, nil
}

// AnswerJoinInvitation accepts or declines the invitation a link answers.
// Declining needs no account. Accepting makes the signed-in viewer a
// member (nothing changes for one already in). An invitation answered
// already, or expired, is a conflict whose message says so; the
// shortlist follows the answer.
func (s *Service) AnswerJoinInvitation(ctx context.Context, v maillage.Viewer, token string, accept bool) (*JoinInvitation, error) {
	inv, err := s.JoinInvitationByLink(ctx, v, token)
	if err != nil {
		return nil, err
	}
	if inv.Status != maillage.InvitationPending {
		return nil, maillage.Errorf(maillage.CodeConflict, msgLinkAnswered)
	}
	if inv.Expired {
		return nil, maillage.Errorf(maillage.CodeConflict, msgLinkExpired)
	}
	if accept && !v.SignedIn() {
		return nil, maillage.ErrUnauthorized
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if accept {
			return s.acceptJoinInvitation(ctx, tx, &inv.RecruitmentInvitation, v.UserID)
		}
		return s.declineJoinInvitation(ctx, tx, &inv.RecruitmentInvitation, v.UserID)
	})
	if maillage.IsNotFound(err) {
		// Answered by a second click a moment earlier.
		return nil, maillage.Errorf(maillage.CodeConflict, msgLinkAnswered)
	}
	if err != nil {
		return nil, err
	}
	inv.Status = maillage.InvitationDeclined
	if accept {
		inv.Status, inv.Member = maillage.InvitationAccepted, true
	}
	return inv, nil
}

// acceptJoinInvitation records the acceptance by userID and makes them a
// member, inside the answer's transaction.
func (s *Service) acceptJoinInvitation(ctx context.Context, tx *store.Tx, inv *maillage.RecruitmentInvitation, userID string) error {
	if err := tx.AnswerRecruitmentInvitation(ctx, inv.ID, maillage.InvitationAccepted, userID); err != nil {
		return err
	}
	role, err := tx.MemberRole(ctx, inv.CommunityID, userID)
	if err != nil && !maillage.IsNotFound(err) {
		return err
	}
	if role == "" {
		if err := s.communityInvitable().grant(ctx, tx, inv.CommunityID, userID, string(maillage.RoleMember)); err != nil {
			return err
		}
	}
	// The in-app invitation of the same person is answered with it.
	if err := s.settleInAppInvitation(ctx, tx, inv.CommunityID, userID, maillage.InvitationAccepted); err != nil {
		return err
	}
	return s.candidateAnswered(ctx, tx, inv, maillage.CandidateAccepted)
}

// declineJoinInvitation records a refusal, by whoever holds the link.
func (s *Service) declineJoinInvitation(ctx context.Context, tx *store.Tx, inv *maillage.RecruitmentInvitation, userID string) error {
	if err := tx.AnswerRecruitmentInvitation(ctx, inv.ID, maillage.InvitationDeclined, userID); err != nil {
		return err
	}
	if inv.UserID != "" {
		if err := s.settleInAppInvitation(ctx, tx, inv.CommunityID, inv.UserID, maillage.InvitationDeclined); err != nil {
			return err
		}
	}
	return s.candidateAnswered(ctx, tx, inv, maillage.CandidateDeclined)
}

// settleInAppInvitation answers a person's pending in-app invitation to
// the community, if there is one, and marks read what told them of it.
func (s *Service) settleInAppInvitation(ctx context.Context, tx *store.Tx, communityID, userID string, status maillage.InvitationStatus) error {
	_, err := tx.AnswerInvitation(ctx, maillage.InviteCommunity, communityID, userID, status)
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return settleInvitationNotifications(ctx, tx, maillage.InviteCommunity, communityID, userID)
}

// candidateAnswered moves the invitation's candidate to the answer.
func (s *Service) candidateAnswered(ctx context.Context, tx *store.Tx, inv *maillage.RecruitmentInvitation, status maillage.CandidateStatus) error {
	if inv.CandidateID == "" {
		return nil // taken off the shortlist meanwhile
	}
	return tx.SetCandidateStatus(ctx, inv.CandidateID, status)
}

// bindJoinSignUp remembers, inside the sign-up's transaction, that a new
// account was created from an invitation's link: it joins when its
// address is confirmed. A link that answers nothing (unknown, expired or
// used) is ignored, so the sign-up answers alike whatever it carries.
func (s *Service) bindJoinSignUp(ctx context.Context, tx *store.Tx, token, userID string) error {
	if token == "" || len(token) > 200 {
		return nil
	}
	inv, err := tx.RecruitmentInvitationByLink(ctx, auth.HashToken(token))
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if inv.Status != maillage.InvitationPending || inv.Expired(tx.Now()) {
		return nil
	}
	return tx.SetRecruitmentSignUp(ctx, inv.ID, userID)
}

// joinOnConfirm makes an account whose address was just confirmed a
// member of the communities it was created to join, inside the
// confirmation's transaction. It returns the first such community ("" for
// none).
func (s *Service) joinOnConfirm(ctx context.Context, tx *store.Tx, userID string) (string, error) {
	list, err := tx.RecruitmentInvitationsAwaitingSignUp(ctx, userID)
	if err != nil {
		return "", err
	}
	first := ""
	for i := range list {
		inv := &list[i]
		if inv.Expired(tx.Now()) {
			continue
		}
		if err := s.acceptJoinInvitation(ctx, tx, inv, userID); err != nil {
			return "", err
		}
		if first == "" {
			first = inv.CommunityID
		}
	}
	return first, nil
}

// ActorCardsToOffer lists the actor cards of the invitations a person
// accepted: cards that describe them, which they may be offered to claim
// (the claim itself belongs to the actor cards).
func (s *Service) ActorCardsToOffer(ctx context.Context, v maillage.Viewer) ([]string, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	return s.db.RecruitmentActorsToOffer(ctx, v.UserID)
}
