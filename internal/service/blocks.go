package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// BlockPerson stops someone from writing to the viewer: they can no
// longer start a conversation with them nor post where the viewer takes
// part, and the viewer hears nothing of what they write. The blocked
// person is not told.
func (s *Service) BlockPerson(ctx context.Context, v maillage.Viewer, userID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	if userID == v.UserID {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "block.self",
			Fields: []maillage.FieldError{{Field: "user_id", MessageID: "block.self"}}}
	}
	if _, err := s.Profile(ctx, v, userID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.BlockUser(ctx, v.UserID, userID) })
}

// UnblockPerson lifts the viewer's block of someone; lifting a block that
// does not exist changes nothing.
func (s *Service) UnblockPerson(ctx context.Context, v maillage.Viewer, userID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.UnblockUser(ctx, v.UserID, userID) })
}

// HasBlocked reports whether the viewer has blocked someone (false for
// visitors), for the button on a profile.
func (s *Service) HasBlocked(ctx context.Context, v maillage.Viewer, userID string) (bool, error) {
	if !v.SignedIn() {
		return false, nil
	}
	return s.db.HasBlocked(ctx, v.UserID, userID)
}

// BlockedPeople lists the people the viewer has blocked, by name.
func (s *Service) BlockedPeople(ctx context.Context, v maillage.Viewer, p Page) ([]maillage.UserBlock, int, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, 0, err
	}
	return s.db.BlockedUsers(ctx, v.UserID, p.Limit, p.Offset)
}
