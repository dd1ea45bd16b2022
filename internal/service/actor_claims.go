package service

import (
	"context"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// ClaimResult says what a claim did: the card is the person's now
// (Claimed), or a request waits for a manager's or an administrator's
// approval (Request).
type ClaimResult struct {
	Claimed bool
	Request *maillage.ActorRequest
}

// ClaimActor lets a signed-in person take over the card that describes
// them. When one of their confirmed addresses is the card's email the
// card is theirs at once, with its tags and attached notes; otherwise a
// claim request goes to the administrators (and, for a community card,
// its community's managers). A card already claimed answers
// store.ErrActorClaimed (409) and changes nothing.
func (s *Service) ClaimActor(ctx context.Context, v maillage.Viewer, id, message string) (*ClaimResult, error) {
	a, err := s.Actor(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if a.ClaimedUserID != "" {
		return nil, store.ErrActorClaimed
	}
	match, err := s.actorEmailMatches(ctx, v, a)
	if err != nil {
		return nil, err
	}
	if maillage.CanClaimActor(v, a.Access(), match) {
		if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.ClaimActor(ctx, a.ID, v.UserID) }); err != nil {
			return nil, err
		}
		return &ClaimResult{Claimed: true}, nil
	}
	if !maillage.CanRequestActorClaim(v, a.Access()) {
		return nil, maillage.ErrForbidden
	}
	r, err := s.fileActorRequest(ctx, v, a, maillage.ActorRequestClaim, message)
	if err != nil {
		return nil, err
	}
	return &ClaimResult{Request: r}, nil
}

// RequestActorChange files a request for the correction or removal of a
// card (Québec's Law 25), to be answered within maillage.ActorRequestDelay.
func (s *Service) RequestActorChange(ctx context.Context, v maillage.Viewer, id string, kind maillage.ActorRequestKind, message string) (*maillage.ActorRequest, error) {
	a, err := s.Actor(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if kind != maillage.ActorRequestCorrection && kind != maillage.ActorRequestRemoval {
		return nil, fieldError(maillage.CodeInvalid, "kind", "field.invalid_choice", nil)
	}
	if !maillage.CanRequestActorCorrection(v, a.Access()) {
		return nil, maillage.ErrForbidden
	}
	return s.fileActorRequest(ctx, v, a, kind, message)
}

// fileActorRequest records a request, or returns the person's pending one
// of the same kind (a second click files nothing more).
func (s *Service) fileActorRequest(ctx context.Context, v maillage.Viewer, a *maillage.Actor, kind maillage.ActorRequestKind, message string) (*maillage.ActorRequest, error) {
	message = maillage.CleanText(message)
	var val maillage.Validator
	val.MaxLen("message", message, maillage.MaxActorRequestLen)
	if kind == maillage.ActorRequestCorrection {
		val.Required("message", message)
	}
	if err := val.Err(); err != nil {
		return nil, err
	}
	r := &maillage.ActorRequest{ID: auth.NewID(), ActorID: a.ID, ActorName: a.Name, Kind: kind, RequesterID: v.UserID,
		Message: message, Actor: a.Access()}
	var existing string
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		if existing, err = tx.PendingActorRequest(ctx, a.ID, v.UserID, kind); err != nil || existing != "" {
			return err
		}
		return tx.CreateActorRequest(ctx, r)
	})
	if err != nil {
		return nil, err
	}
	if existing != "" {
		return s.db.ActorRequest(ctx, existing)
	}
	return s.db.ActorRequest(ctx, r.ID)
}

// ActorRequests lists the pending requests the viewer answers, those due
// first at the top: every request for administrators, the claims of their
// communities' cards for managers.
func (s *Service) ActorRequests(ctx context.Context, v maillage.Viewer) ([]maillage.ActorRequest, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	return s.db.ActorRequests(ctx, v, 200)
}

// AnswerActorRequest approves or refuses a pending request. Approving a
// claim gives the card to the person who asked (store.ErrActorClaimed if
// someone claimed it since); approving a removal deletes the card;
// approving a correction records that the card was corrected (the
// administrator edits it). Someone who may not answer it gets not found.
func (s *Service) AnswerActorRequest(ctx context.Context, v maillage.Viewer, id string, approve bool, answer string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	r, err := s.db.ActorRequest(ctx, id)
	if err != nil {
		return err
	}
	if !maillage.CanAnswerActorRequest(v, r.Kind, r.Actor) {
		return maillage.ErrNotFound
	}
	if r.Status != maillage.ActorRequestPending {
		return maillage.ErrConflict
	}
	answer = maillage.CleanText(answer)
	var val maillage.Validator
	val.MaxLen("answer", answer, maillage.MaxActorRequestLen)
	if err := val.Err(); err != nil {
		return err
	}
	status := maillage.ActorRequestRefused
	if approve {
		status = maillage.ActorRequestApproved
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.AnswerActorRequest(ctx, r.ID, status, answer, v.UserID); err != nil {
			return err
		}
		if !approve || r.ActorID == "" {
			return nil
		}
		switch r.Kind {
		case maillage.ActorRequestClaim:
			return tx.ClaimActor(ctx, r.ActorID, r.RequesterID)
		case maillage.ActorRequestRemoval:
			return tx.DeleteActor(ctx, r.ActorID)
		}
		return nil
	})
}

// HasActorRequestsToAnswer tells the menu whether to show the queue.
func (s *Service) HasActorRequestsToAnswer(v maillage.Viewer) bool {
	return maillage.CanAdminister(v) || len(managedIDs(v)) > 0
}

// managedIDs lists the communities the viewer manages.
func managedIDs(v maillage.Viewer) []string {
	var out []string
	for id, role := range v.Roles {
		if role == maillage.RoleManager {
			out = append(out, id)
		}
	}
	return out
}
