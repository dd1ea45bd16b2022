package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// ToggleReaction gives one of the offered reactions to a thread or reply,
// or takes it back, and returns the post's reactions as they now stand.
// Members react; reading a public community is not enough.
func (s *Service) ToggleReaction(ctx context.Context, v maillage.Viewer, subject maillage.SubjectType, id string, r maillage.Reaction) ([]maillage.ReactionCount, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	var c maillage.CommunityAccess
	switch subject {
	case maillage.SubjectThread:
		t, err := s.Thread(ctx, v, id)
		if err != nil {
			return nil, err
		}
		c = t.Community
	case maillage.SubjectReply:
		rep, t, err := s.Reply(ctx, v, id)
		if err != nil {
			return nil, err
		}
		if rep.Deleted() {
			return nil, maillage.ErrNotFound
		}
		c = t.Community
	default:
		return nil, maillage.ErrNotFound
	}
	if !r.Valid() {
		return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "reaction", MessageID: "field.invalid_choice"}}}
	}
	if !maillage.CanPostInCommunity(v, c) {
		return nil, maillage.Errorf(maillage.CodeForbidden, "discussion.members_only")
	}
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.ToggleReaction(ctx, subject, id, v.UserID, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	counts, err := s.db.ReactionCounts(ctx, v, subject, []string{id})
	if err != nil {
		return nil, err
	}
	return counts[id], nil
}

// ReactionCounts returns the reactions of posts the caller already may
// see, by post ID.
func (s *Service) ReactionCounts(ctx context.Context, v maillage.Viewer, subject maillage.SubjectType, ids []string) (map[string][]maillage.ReactionCount, error) {
	return s.db.ReactionCounts(ctx, v, subject, ids)
}
