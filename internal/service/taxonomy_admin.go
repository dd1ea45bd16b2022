package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// BulkAction names what a bulk action does to each tag.
type BulkAction string

// Bulk actions.
const (
	BulkMerge     BulkAction = "merge"     // merge each into Into
	BulkPromote   BulkAction = "promote"   // promote each (under Parent)
	BulkDeprecate BulkAction = "deprecate" // hide each from suggestions
	BulkRestore   BulkAction = "restore"   // bring each back
	BulkReview    BulkAction = "review"    // keep each as a free tag
)

// BulkActions lists the bulk actions, for forms.
func BulkActions() []BulkAction {
	return []BulkAction{BulkMerge, BulkPromote, BulkDeprecate, BulkRestore, BulkReview}
}

// BulkInput is one action on many tags at once.
type BulkInput struct {
	Action BulkAction
	Tags   []string // slugs or labels
	Into   string   // for BulkMerge
	Parent string   // for BulkPromote, optional
}

// BulkTagAction applies one action to many tags, all or nothing: when one
// tag cannot take it, nothing changes and the error says why. The actions
// share a batch ID, returned, so they can be undone together.
func (s *Service) BulkTagAction(ctx context.Context, v maillage.Viewer, in BulkInput) (string, error) {
	if err := requireCurator(v); err != nil {
		return "", err
	}
	var names []string
	for _, t := range in.Tags {
		if t = strings.TrimSpace(t); t != "" && !contains(names, t) {
			names = append(names, t)
		}
	}
	switch {
	case len(names) == 0:
		return "", fieldError(maillage.CodeInvalid, "tags", "taxonomy.error.bulk_nothing", nil)
	case len(names) > maillage.MaxBulkTags:
		return "", fieldError(maillage.CodeInvalid, "tags", "field.too_many", map[string]any{"Max": maillage.MaxBulkTags})
	}
	var into *maillage.Tag
	switch in.Action {
	case BulkMerge:
		if strings.TrimSpace(in.Into) == "" {
			return "", fieldError(maillage.CodeInvalid, "into", "field.required", nil)
		}
		t, _, err := s.ResolveTag(ctx, v, in.Into)
		if maillage.IsNotFound(err) {
			return "", fieldError(maillage.CodeInvalid, "into", "taxonomy.error.unknown_tag", map[string]any{"Label": in.Into})
		}
		if err != nil {
			return "", err
		}
		into = t
	case BulkPromote, BulkDeprecate, BulkRestore, BulkReview:
	default:
		return "", fieldError(maillage.CodeInvalid, "action", "field.invalid_choice", nil)
	}
	tags := make([]*maillage.Tag, len(names))
	for i, n := range names {
		t, _, err := s.ResolveTag(ctx, v, n)
		if maillage.IsNotFound(err) {
			return "", fieldError(maillage.CodeInvalid, "tags", "taxonomy.error.unknown_tag", map[string]any{"Label": n})
		}
		if err != nil {
			return "", err
		}
		tags[i] = t
	}
	batch := newBatchID()
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		for _, t := range tags {
			var err error
			switch in.Action {
			case BulkMerge:
				_, err = mergeTx(ctx, tx, v, batch, t.ID, into.ID)
			case BulkPromote:
				var cur *maillage.Tag
				if cur, err = liveTag(ctx, tx, t.ID); err == nil {
					_, err = s.promoteTx(ctx, tx, v, batch, cur, PromoteInput{Parent: in.Parent})
				}
			case BulkDeprecate, BulkRestore:
				err = setFlagTx(ctx, tx, v, batch, t.ID, flagDeprecated, in.Action == BulkDeprecate)
			case BulkReview:
				err = setFlagTx(ctx, tx, v, batch, t.ID, flagReviewed, true)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return batch, nil
}

// ReviewItem is a free tag waiting for a curator: the uses the curator
// may see, and a few of them as examples.
type ReviewItem struct {
	Tag      maillage.Tag
	Examples []maillage.TagUse
}

// reviewExamples is how many uses the review queue shows per tag.
const reviewExamples = 3

// TagReviewQueue lists the free tags not reviewed yet, newest first (or
// most used first with sort "uses"), with examples of what carries them.
// Only tags the curator may see are listed, and only uses they may see
// are counted and shown.
func (s *Service) TagReviewQueue(ctx context.Context, v maillage.Viewer, sort string, p Page) ([]ReviewItem, int, error) {
	tags, total, err := s.CuratorTags(ctx, v, store.TagListFilter{Review: true, Sort: sort, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		return nil, 0, err
	}
	out := make([]ReviewItem, len(tags))
	for i, t := range tags {
		out[i].Tag = t
		if out[i].Examples, _, err = s.db.TagUses(ctx, v, t.ID, reviewExamples, 0); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// CuratorTags lists tags for the curators' pages: those the curator may
// see, with the uses they may see.
func (s *Service) CuratorTags(ctx context.Context, v maillage.Viewer, f store.TagListFilter) ([]maillage.Tag, int, error) {
	if err := requireCurator(v); err != nil {
		return nil, 0, err
	}
	return s.db.Tags(ctx, v, f)
}

// TagUses lists what carries a tag that the curator may see (to split it).
func (s *Service) TagUses(ctx context.Context, v maillage.Viewer, slug string, p Page) (*maillage.Tag, []maillage.TagUse, int, error) {
	t, err := s.curatorTag(ctx, v, slug)
	if err != nil {
		return nil, nil, 0, err
	}
	uses, total, err := s.db.TagUses(ctx, v, t.ID, p.Limit, p.Offset)
	return t, uses, total, err
}

// SetCurator grants (curator true) or removes the curator role; only
// administrators may, and each change is logged.
func (s *Service) SetCurator(ctx context.Context, v maillage.Viewer, userID string, curator bool) error {
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	if !maillage.CanAdminister(v) {
		return maillage.ErrForbidden
	}
	return s.setCurator(ctx, v, userID, curator)
}

// SetCuratorByOperator is SetCurator for the person running the instance
// (the command line's "user create --curator", the demo loader): no
// viewer, logged without an author.
func (s *Service) SetCuratorByOperator(ctx context.Context, userID string, curator bool) error {
	return s.setCurator(ctx, maillage.Viewer{}, userID, curator)
}

func (s *Service) setCurator(ctx context.Context, v maillage.Viewer, userID string, curator bool) error {
	return s.db.Update(ctx, func(tx *store.Tx) error {
		u, err := tx.User(ctx, userID)
		if err != nil {
			return err
		}
		if u.Curator == curator {
			return nil
		}
		if err := tx.SetCurator(ctx, userID, curator); err != nil {
			return err
		}
		kind := maillage.TagActionCurator
		if !curator {
			kind = maillage.TagActionNoCurator
		}
		return logAction(ctx, tx, v, "", kind, u.Name, nil,
			&store.TagUndo{Curator: &store.CuratorChange{UserID: userID, Was: u.Curator}})
	})
}

// Curators lists the curators and administrators, for administrators.
func (s *Service) Curators(ctx context.Context, v maillage.Viewer) ([]maillage.User, error) {
	if !maillage.CanAdminister(v) {
		return nil, maillage.ErrForbidden
	}
	return s.db.Curators(ctx)
}
