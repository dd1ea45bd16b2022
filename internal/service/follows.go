package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// subjectOfTarget maps a follow target to the subject type naming it.
func subjectOfTarget(t maillage.FollowTarget) maillage.SubjectType {
	if t == maillage.FollowPerson {
		return maillage.SubjectUser
	}
	return maillage.SubjectType(t)
}

// checkFollowTarget answers maillage.ErrNotFound unless the viewer may
// see the target: following something must not confirm it exists.
func (s *Service) checkFollowTarget(ctx context.Context, v maillage.Viewer, t maillage.FollowTarget, id string) error {
	if !t.Valid() || id == "" {
		return maillage.ErrNotFound
	}
	a, err := s.db.SubjectAccess(ctx, subjectOfTarget(t), id)
	if err != nil {
		return err
	}
	if canViewSubject(v, a) {
		return nil
	}
	if t == maillage.FollowTag {
		// A free tag is visible where something the viewer may see
		// carries it: the tag page knows.
		slug, err := s.db.FollowTagSlug(ctx, id)
		if err != nil {
			return err
		}
		_, err = s.Tag(ctx, v, slug, 1)
		return err
	}
	return maillage.ErrNotFound
}

// Follow makes the viewer follow a community, notebook, thread, tag or
// person they may see; anything else is not found. Following twice is
// harmless.
func (s *Service) Follow(ctx context.Context, v maillage.Viewer, t maillage.FollowTarget, id string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	if err := s.checkFollowTarget(ctx, v, t, id); err != nil {
		return err
	}
	if t == maillage.FollowPerson && id == v.UserID {
		return maillage.Errorf(maillage.CodeInvalid, "notifications.error.follow_self")
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.Follow(ctx, v.UserID, t, id)
		return err
	})
}

// Unfollow ends one of the viewer's follows; one that does not exist is
// not found. It works even when the target can no longer be seen.
func (s *Service) Unfollow(ctx context.Context, v maillage.Viewer, t maillage.FollowTarget, id string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	if !t.Valid() {
		return maillage.ErrNotFound
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.Unfollow(ctx, v.UserID, t, id) })
}

// IsFollowing reports whether the viewer follows something (false for
// visitors).
func (s *Service) IsFollowing(ctx context.Context, v maillage.Viewer, t maillage.FollowTarget, id string) (bool, error) {
	if !v.SignedIn() || !t.Valid() {
		return false, nil
	}
	return s.db.IsFollowing(ctx, v.UserID, t, id)
}

// Follows lists what the viewer follows and may still see, most recent
// first, with their total.
func (s *Service) Follows(ctx context.Context, v maillage.Viewer, p Page) ([]maillage.Follow, int, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, 0, err
	}
	return s.db.Follows(ctx, v.UserID, p.Limit, p.Offset)
}

// FollowTag makes the viewer follow a tag they may see, with the tags
// below it (descendants true: a new item carrying any of them is news
// too) or alone. Following again changes the choice.
func (s *Service) FollowTag(ctx context.Context, v maillage.Viewer, tagID string, descendants bool) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	if err := s.checkFollowTarget(ctx, v, maillage.FollowTag, tagID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if _, err := tx.Follow(ctx, v.UserID, maillage.FollowTag, tagID); err != nil {
			return err
		}
		return tx.SetFollowDescendants(ctx, v.UserID, tagID, descendants)
	})
}

// FollowsDescendants reports whether the viewer follows a tag with the
// tags below it (false for visitors).
func (s *Service) FollowsDescendants(ctx context.Context, v maillage.Viewer, tagID string) (bool, error) {
	if !v.SignedIn() {
		return false, nil
	}
	return s.db.FollowsDescendants(ctx, v.UserID, tagID)
}
