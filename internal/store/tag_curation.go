package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// TagFollowMove records one follow moved from a tag to another, for undo.
type TagFollowMove struct {
	UserID          string `json:"user"`
	From            string `json:"from"`
	To              string `json:"to"`
	ToExisted       bool   `json:"to_existed,omitempty"`
	WithDescendants bool   `json:"descendants,omitempty"`
}

// MoveTagFollows moves the follows of tag from to tag to: people who
// followed the old tag now follow the one it became.
func (tx *Tx) MoveTagFollows(ctx context.Context, from, to string) ([]TagFollowMove, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT f.user_id, f.with_descendants, EXISTS (SELECT 1 FROM follows g
		WHERE g.user_id = f.user_id AND g.target_type = 'tag' AND g.target_id = $2)
		FROM follows f WHERE f.target_type = 'tag' AND f.target_id = $1 ORDER BY f.user_id`, from, to)
	if err != nil {
		return nil, fmt.Errorf("move follows: %w", mapError(err))
	}
	var moves []TagFollowMove
	for rows.Next() {
		m := TagFollowMove{From: from, To: to}
		if err := rows.Scan(&m.UserID, &m.WithDescendants, &m.ToExisted); err != nil {
			rows.Close()
			return nil, fmt.Errorf("move follows: %w", mapError(err))
		}
		moves = append(moves, m)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("move follows: %w", mapError(err))
	}
	if _, err := tx.exec(ctx, `INSERT INTO follows (user_id, target_type, target_id, created_at, with_descendants)
		SELECT user_id, 'tag', $2, created_at, with_descendants FROM follows WHERE target_type = 'tag' AND target_id = $1
		ON CONFLICT DO NOTHING`, from, to); err != nil {
		return nil, fmt.Errorf("move follows: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM follows WHERE target_type = 'tag' AND target_id = $1`, from); err != nil {
		return nil, fmt.Errorf("move follows: %w", err)
	}
	return moves, nil
}

// undoFollowMoves moves follows back, like undoUseMoves.
func (tx *Tx) undoFollowMoves(ctx context.Context, moves []TagFollowMove) error {
	for i := len(moves) - 1; i >= 0; i-- {
		m := moves[i]
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM follows WHERE user_id = $1 AND target_type = 'tag' AND target_id = $2`,
			m.UserID, m.To).Scan(&n); err != nil {
			return fmt.Errorf("undo follow: %w", mapError(err))
		}
		if n == 0 {
			continue
		}
		if _, err := tx.exec(ctx, `INSERT INTO follows (user_id, target_type, target_id, created_at, with_descendants)
			SELECT id, 'tag', $2, $3, $4 FROM users WHERE id = $1 ON CONFLICT DO NOTHING`, m.UserID, m.From, tx.now, m.WithDescendants); err != nil {
			return fmt.Errorf("undo follow: %w", err)
		}
		if !m.ToExisted {
			if _, err := tx.exec(ctx, `DELETE FROM follows WHERE user_id = $1 AND target_type = 'tag' AND target_id = $2`, m.UserID, m.To); err != nil {
				return fmt.Errorf("undo follow: %w", err)
			}
		}
	}
	return nil
}

// MergedSlugPrefix starts the slug of a tag merged while only private
// content carried it: its old address then leads nowhere, rather than
// confirm to anyone that such a label existed.
const MergedSlugPrefix = "merged-"

// MergeTagRecord folds tag from into tag into (both live, distinct; the
// service checked the hierarchy): from keeps its row, pointing to into;
// its key is set apart; its children, related tags pass to into. When
// public (anyone could see from), its labels become synonyms of into
// unless into already answers to them, its synonyms and old slugs pass to
// into and its slug redirects there. When not, nothing of its names
// passes to a tag others see: its synonyms and old slugs go and its slug
// is set apart. Uses and follows are moved by MoveTagUses and
// MoveTagFollows.
func (tx *Tx) MergeTagRecord(ctx context.Context, from, into *maillage.Tag, public bool) error {
	slug := from.Slug
	if !public {
		slug = MergedSlugPrefix + from.ID
	}
	if _, err := tx.exec(ctx, `UPDATE tags SET key = $1, key_en = '', slug = $2, merged_into_id = $3, parent_id = NULL WHERE id = $4`,
		mergedKeyPrefix+from.ID, slug, into.ID, from.ID); err != nil {
		return fmt.Errorf("merge tag: %w", err)
	}
	if !public {
		for _, q := range []string{`DELETE FROM tag_synonyms WHERE tag_id = $1`, `DELETE FROM tag_redirects WHERE tag_id = $1`} {
			if _, err := tx.exec(ctx, q, from.ID); err != nil {
				return fmt.Errorf("merge tag: %w", err)
			}
		}
	}
	if _, err := tx.exec(ctx, `UPDATE tag_synonyms SET tag_id = $1 WHERE tag_id = $2`, into.ID, from.ID); err != nil {
		return fmt.Errorf("merge tag: %w", err)
	}
	for _, l := range []struct{ label, lang string }{{from.Label, ""}, {from.LabelEn, "en"}} {
		if l.label == "" || !public {
			continue
		}
		_, err := tx.TagByKey(ctx, TagKey(l.label))
		if err == nil {
			// into already answers to it, or another tag holds it and keeps it.
			continue
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		if err := tx.AddTagSynonym(ctx, into.ID, l.label, l.lang); err != nil {
			return err
		}
	}
	if _, err := tx.exec(ctx, `UPDATE tags SET parent_id = $1 WHERE parent_id = $2 AND id <> $1`, into.ID, from.ID); err != nil {
		return fmt.Errorf("merge tag: %w", err)
	}
	related, err := tx.TagRelated(ctx, from.ID, into.ID)
	if err != nil {
		return err
	}
	var keep []string
	for _, t := range append(related[into.ID], related[from.ID]...) {
		if t.ID != into.ID && t.ID != from.ID {
			keep = append(keep, t.ID)
		}
	}
	if err := tx.SetTagRelated(ctx, from.ID, nil); err != nil {
		return err
	}
	if err := tx.SetTagRelated(ctx, into.ID, keep); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE tag_redirects SET tag_id = $1 WHERE tag_id = $2`, into.ID, from.ID); err != nil {
		return fmt.Errorf("merge tag: %w", err)
	}
	return nil
}

// TagIsUnused reports whether nothing carries or follows a tag, no tag
// is its child or was merged into it.
func (tx *Tx) TagIsUnused(ctx context.Context, tagID string) (bool, error) {
	uses, err := tx.AllTagUses(ctx, tagID)
	if err != nil {
		return false, err
	}
	if len(uses[tagID]) > 0 {
		return false, nil
	}
	var n int
	err = tx.tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM follows WHERE target_type = 'tag' AND target_id = $1)
		+ (SELECT COUNT(*) FROM tags WHERE parent_id = $1 OR merged_into_id = $1)`, tagID).Scan(&n)
	if err != nil {
		return false, mapError(err)
	}
	return n == 0, nil
}

// DeleteTag removes a tag that TagIsUnused (the undo of its creation).
func (tx *Tx) DeleteTag(ctx context.Context, tagID string) error {
	if _, err := tx.exec(ctx, `DELETE FROM tags WHERE id = $1`, tagID); err != nil {
		return fmt.Errorf("delete tag: %w", err)
	}
	return nil
}

// TagPublic reports whether anyone, signed in or not, may see a tag
// (maillage.CanViewTag for a visitor).
func (tx *Tx) TagPublic(ctx context.Context, tagID string) (bool, error) {
	var a args
	vis := tagVisibleSQL(maillage.Anonymous(), &a)
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tags t WHERE t.id = `+a.add(tagID)+` AND `+vis, a...).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("tag public: %w", mapError(err))
	}
	return n > 0, nil
}
