package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// subjectOfFollow maps a follow target to the subject type naming it.
func subjectOfFollow(t maillage.FollowTarget) maillage.SubjectType {
	if t == maillage.FollowPerson {
		return maillage.SubjectUser
	}
	return maillage.SubjectType(t)
}

// Follow records that a person follows something; following it again
// changes nothing. It reports whether the follow is new.
func (tx *Tx) Follow(ctx context.Context, userID string, t maillage.FollowTarget, targetID string) (bool, error) {
	res, err := tx.exec(ctx, `INSERT INTO follows (user_id, target_type, target_id, created_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (user_id, target_type, target_id) DO NOTHING`, userID, string(t), targetID, tx.now)
	if err != nil {
		return false, fmt.Errorf("follow: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Unfollow ends a follow; one that does not exist is not found.
func (tx *Tx) Unfollow(ctx context.Context, userID string, t maillage.FollowTarget, targetID string) error {
	res, err := tx.exec(ctx, `DELETE FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = $3`,
		userID, string(t), targetID)
	if err != nil {
		return fmt.Errorf("unfollow: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// IsFollowing reports whether a person follows something.
func (db *DB) IsFollowing(ctx context.Context, userID string, t maillage.FollowTarget, targetID string) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = $3`,
		userID, string(t), targetID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("is following: %w", mapError(err))
	}
	return n > 0, nil
}

// followVisibleSQL keeps the follows aliased f whose target the follower
// may still see. A tag stays listed while it exists: the person saw it
// when they followed it, and it names no one's content.
func followVisibleSQL(f string) string {
	u := f + ".user_id"
	s := "(CASE " + f + ".target_type"
	for _, t := range maillage.FollowTargets() {
		vis := subjectExistsVisibleSQL(u, subjectOfFollow(t), f+".target_id")
		if t == maillage.FollowTag {
			vis = "EXISTS (SELECT 1 FROM tags fg WHERE fg.id = " + f + ".target_id)"
		}
		s += " WHEN '" + string(t) + "' THEN " + vis
	}
	return s + " ELSE FALSE END)"
}

// followTitleSQL is the current title of a follow's target.
func followTitleSQL(f string) string {
	typ := "(CASE " + f + ".target_type WHEN 'person' THEN 'user' ELSE " + f + ".target_type END)"
	return "COALESCE(" + subjectTitleSQL(typ, f+".target_id") + ", ''), COALESCE(" + subjectRefSQL(typ, f+".target_id") + ", '')"
}

// Follows lists what a person follows and may still see, most recent
// first, with current titles.
func (db *DB) Follows(ctx context.Context, userID string, lim, offset int) ([]maillage.Follow, int, error) {
	var a args
	cond := "f.user_id = " + a.add(userID) + " AND " + followVisibleSQL("f")
	list, total, err := listPage(ctx, db, a, "follows f", cond, "f.target_type, f.target_id, "+followTitleSQL("f")+", f.created_at",
		"f.created_at DESC, f.target_type, f.target_id", lim, offset, func(row rowScanner) (*maillage.Follow, error) {
			var fl maillage.Follow
			var t string
			if err := row.Scan(&t, &fl.TargetID, &fl.Title, &fl.Ref, &fl.CreatedAt); err != nil {
				return nil, mapError(err)
			}
			fl.TargetType, fl.CreatedAt = maillage.FollowTarget(t), fl.CreatedAt.UTC()
			return &fl, nil
		})
	if err != nil {
		return nil, 0, fmt.Errorf("follows: %w", err)
	}
	return list, total, nil
}

// FollowTagSlug returns the slug of a tag given its ID, to check a tag
// follow with the tag's page rules.
func (db *DB) FollowTagSlug(ctx context.Context, tagID string) (string, error) {
	var slug string
	if err := db.queryRow(ctx, `SELECT slug FROM tags WHERE id = $1`, tagID).Scan(&slug); err != nil {
		return "", fmt.Errorf("tag slug: %w", mapError(err))
	}
	return slug, nil
}

// SetFollowDescendants says whether a person's follow of a tag takes in
// the tags below it (new items carrying a descendant tag reach them too).
func (tx *Tx) SetFollowDescendants(ctx context.Context, userID, tagID string, descendants bool) error {
	_, err := tx.exec(ctx, `UPDATE follows SET with_descendants = $1 WHERE user_id = $2 AND target_type = 'tag' AND target_id = $3`,
		descendants, userID, tagID)
	if err != nil {
		return fmt.Errorf("follow descendants: %w", err)
	}
	return nil
}

// FollowsDescendants reports whether a person follows a tag with the tags
// below it.
func (db *DB) FollowsDescendants(ctx context.Context, userID, tagID string) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM follows WHERE user_id = $1 AND target_type = 'tag' AND target_id = $2
		AND with_descendants`, userID, tagID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("follows descendants: %w", mapError(err))
	}
	return n > 0, nil
}
