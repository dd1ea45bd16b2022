package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Acquaintances: a person declares knowing, or having worked with,
// someone whose profile they may see; that person is asked (a
// notification) and the link exists only once they confirm it. It then
// joins the relation graph: key actors' "people you know", the second
// degree's paths. Either may withdraw it at any time.

// AcquaintanceState is where two people stand, seen by one of them.
type AcquaintanceState string

// The states of an acquaintance.
const (
	AcquaintanceNone     AcquaintanceState = "none"
	AcquaintanceAsked    AcquaintanceState = "asked"    // the viewer asked, the other has not answered
	AcquaintanceAsksYou  AcquaintanceState = "asks_you" // the other asked the viewer
	AcquaintanceAccepted AcquaintanceState = "accepted"
)

// StateFor says where the acquaintance stands for userID.
func StateFor(a *maillage.Acquaintance, userID string) AcquaintanceState {
	switch {
	case a == nil:
		return AcquaintanceNone
	case a.Accepted():
		return AcquaintanceAccepted
	case a.RequesterID == userID:
		return AcquaintanceAsked
	}
	return AcquaintanceAsksYou
}

// AcquaintanceWith returns the viewer's acquaintance with another person
// whose profile they may see (nil when there is none).
func (s *Service) AcquaintanceWith(ctx context.Context, v maillage.Viewer, otherID string) (*maillage.Acquaintance, error) {
	if !v.SignedIn() || v.UserID == otherID {
		return nil, nil
	}
	a, err := s.db.Acquaintance(ctx, v.UserID, otherID)
	if maillage.IsNotFound(err) {
		return nil, nil
	}
	return a, err
}

// DeclareAcquaintance records that the viewer knows (or worked with)
// another person and asks them to confirm; when that person had asked
// the viewer already, it confirms theirs. Declaring twice sends one
// request.
func (s *Service) DeclareAcquaintance(ctx context.Context, v maillage.Viewer, targetID string, kind maillage.AcquaintanceKind) (*maillage.Acquaintance, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if !kind.Valid() {
		return nil, fieldError(maillage.CodeInvalid, "kind", "discovery.acquaintance.bad_kind", nil)
	}
	u, err := s.Profile(ctx, v, targetID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanDeclareAcquaintance(v, u.Access()) {
		return nil, fieldError(maillage.CodeInvalid, "user_id", "discovery.acquaintance.self", nil)
	}
	if blocked, err := s.db.HasBlocked(ctx, targetID, v.UserID); err != nil {
		return nil, err
	} else if blocked {
		return nil, maillage.Errorf(maillage.CodeForbidden, "discovery.acquaintance.blocked")
	}
	var out *maillage.Acquaintance
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		cur, err := tx.Acquaintance(ctx, v.UserID, targetID)
		switch {
		case maillage.IsNotFound(err):
		case err != nil:
			return err
		case cur.Accepted() || cur.RequesterID == v.UserID:
			out = cur // nothing new: no second request
			return nil
		default: // they asked first: this confirms theirs
			if err := tx.AcceptAcquaintance(ctx, targetID, v.UserID, tx.Now()); err != nil {
				return err
			}
			out, err = tx.Acquaintance(ctx, v.UserID, targetID)
			return err
		}
		if err := tx.AskAcquaintance(ctx, v.UserID, targetID, kind); err != nil {
			return err
		}
		if out, err = tx.Acquaintance(ctx, v.UserID, targetID); err != nil {
			return err
		}
		return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{Kind: maillage.EventAcquaintance, ActorID: v.UserID,
			SubjectType: maillage.SubjectUser, SubjectID: v.UserID, RecipientIDs: []string{targetID}})
	})
	return out, err
}

// AnswerAcquaintance confirms or declines the acquaintance another
// person asked the viewer for; there must be one waiting.
func (s *Service) AnswerAcquaintance(ctx context.Context, v maillage.Viewer, requesterID string, accept bool) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		cur, err := tx.Acquaintance(ctx, v.UserID, requesterID)
		if err != nil {
			return err
		}
		if cur.Accepted() || cur.RequesterID != requesterID {
			return maillage.ErrNotFound
		}
		if accept {
			return tx.AcceptAcquaintance(ctx, requesterID, v.UserID, tx.Now())
		}
		return tx.DeleteAcquaintance(ctx, requesterID, v.UserID)
	})
}

// RemoveAcquaintance withdraws the viewer's acquaintance with another
// person, asked or confirmed; removing none is harmless.
func (s *Service) RemoveAcquaintance(ctx context.Context, v maillage.Viewer, otherID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteAcquaintance(ctx, v.UserID, otherID) })
}

// Acquaintances lists the viewer's acquaintances whose other person they
// may still see, with that person's profile.
func (s *Service) Acquaintances(ctx context.Context, v maillage.Viewer) ([]maillage.Acquaintance, map[string]*maillage.User, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, nil, err
	}
	all, err := s.db.AcquaintancesOf(ctx, v.UserID)
	if err != nil {
		return nil, nil, err
	}
	people := map[string]*maillage.User{}
	var out []maillage.Acquaintance
	for _, a := range all {
		other := a.Other(v.UserID)
		u, err := s.Profile(ctx, v, other)
		if maillage.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		people[other] = u
		out = append(out, a)
	}
	return out, people, nil
}
