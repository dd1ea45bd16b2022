package service

import (
	"context"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CreateReply answers a thread, or a reply of it. Nesting stays one level
// deep: an answer to an answer joins the same top-level reply. The
// thread's author and earlier repliers hear of it; mentioned people too.
func (s *Service) CreateReply(ctx context.Context, v maillage.Viewer, threadID string, in maillage.ReplyInput) (*maillage.Reply, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	t, err := s.Thread(ctx, v, threadID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanPostInCommunity(v, t.Community) {
		return nil, maillage.Errorf(maillage.CodeForbidden, "discussion.members_only")
	}
	if t.Locked {
		return nil, maillage.Errorf(maillage.CodeConflict, "discussion.locked")
	}
	in.Body = maillage.CleanText(in.Body)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	r := &maillage.Reply{ID: auth.NewID(), ThreadID: t.ID, AuthorID: v.UserID, Body: in.Body}
	if in.ParentID != "" {
		parent, _, err := s.Reply(ctx, v, in.ParentID)
		if err != nil || parent.ThreadID != t.ID {
			return nil, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
				Fields: []maillage.FieldError{{Field: "parent_id", MessageID: "discussion.unknown_parent"}}}
		}
		r.ParentID = parent.ID
		if parent.ParentID != "" {
			r.ParentID = parent.ParentID
		}
	}
	links := s.postLinks(in.Body)
	mentioned, err := s.mentionRecipients(ctx, v, links.MentionIDs, nil, t.Access(), maillage.ThreadAccess{Community: t.Community, AuthorID: v.UserID})
	if err != nil {
		return nil, err
	}
	previews, err := s.previewsToFetch(ctx, links.URLs)
	if err != nil {
		return nil, err
	}
	var existing string
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		id, err := tx.RecentReplyDuplicate(ctx, v.UserID, t.ID, in.Body, tx.Now().Add(-postDuplicateWindow))
		if err == nil {
			existing = id
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		// The thread's lock is read again in the transaction: a reply
		// racing the lock must not slip in.
		cur, err := tx.Thread(ctx, t.ID)
		if err != nil {
			return err
		}
		if cur.Locked {
			return maillage.Errorf(maillage.CodeConflict, "discussion.locked")
		}
		participants, err := tx.ThreadParticipants(ctx, t.ID)
		if err != nil {
			return err
		}
		if err := tx.CreateReply(ctx, r); err != nil {
			return err
		}
		if err := tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
			Kind: maillage.EventReplyCreated, ActorID: v.UserID,
			SubjectType: maillage.SubjectReply, SubjectID: r.ID, CommunityID: t.CommunityID,
			ParentType: maillage.SubjectThread, ParentID: t.ID,
			RecipientIDs: excludeActor(participants, v.UserID),
		}); err != nil {
			return err
		}
		if err := enqueueMentions(ctx, tx, v, maillage.SubjectReply, r.ID, t, mentioned); err != nil {
			return err
		}
		return enqueuePreviews(ctx, tx, previews)
	})
	if err != nil {
		return nil, err
	}
	id := r.ID
	if existing != "" {
		id = existing
	}
	got, _, err := s.Reply(ctx, v, id)
	return got, err
}

// Reply returns a reply the viewer may see, with its thread; otherwise
// not found. A tombstone is visible wherever its thread is.
func (s *Service) Reply(ctx context.Context, v maillage.Viewer, id string) (*maillage.Reply, *maillage.Thread, error) {
	r, err := s.db.Reply(ctx, v, id)
	if err != nil {
		return nil, nil, err
	}
	t, err := s.Thread(ctx, v, r.ThreadID)
	if err != nil {
		return nil, nil, err
	}
	if !r.Deleted() && !maillage.CanViewThread(v, r.Access(t.Community)) {
		return nil, nil, maillage.ErrNotFound
	}
	if err := s.hideMentions(ctx, v, &r.Body); err != nil {
		return nil, nil, err
	}
	return r, t, nil
}

// Replies lists a thread's replies the viewer may see, oldest first.
func (s *Service) Replies(ctx context.Context, v maillage.Viewer, threadID string, p Page) ([]maillage.Reply, int, error) {
	t, err := s.Thread(ctx, v, threadID)
	if err != nil {
		return nil, 0, err
	}
	list, total, err := s.db.Replies(ctx, v, t.ID, p.Limit, p.Offset)
	if err == nil {
		err = s.hideMentions(ctx, v, textsOf(list, func(r *maillage.Reply) *string { return &r.Body })...)
	}
	return list, total, err
}

// UpdateReply edits a reply: its author, or a manager. The reply then
// shows that it was edited; people newly mentioned hear of it.
func (s *Service) UpdateReply(ctx context.Context, v maillage.Viewer, id string, in maillage.ReplyInput) (*maillage.Reply, error) {
	r, t, err := s.editableReply(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in.Body = maillage.CleanText(in.Body)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.Body == r.Body {
		return r, nil
	}
	links := s.postLinks(in.Body)
	mentioned, err := s.mentionRecipients(ctx, v, links.MentionIDs, s.postLinks(r.Body).MentionIDs, t.Access(), r.Access(t.Community))
	if err != nil {
		return nil, err
	}
	previews, err := s.previewsToFetch(ctx, links.URLs)
	if err != nil {
		return nil, err
	}
	r.Body = in.Body
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateReply(ctx, r, in.Version); err != nil {
			return err
		}
		if err := enqueueMentions(ctx, tx, v, maillage.SubjectReply, r.ID, t, mentioned); err != nil {
			return err
		}
		return enqueuePreviews(ctx, tx, previews)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// DeleteReply removes a reply: its author, or a manager. A reply that has
// answers leaves a tombstone so the answers keep their place; it reports
// whether one was left.
func (s *Service) DeleteReply(ctx context.Context, v maillage.Viewer, id string) (bool, error) {
	r, _, err := s.editableReply(ctx, v, id)
	if err != nil {
		return false, err
	}
	var tomb bool
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		tomb, err = tx.DeleteReply(ctx, r.ID)
		return err
	})
	return tomb, err
}

// HideReply hides a reply from everyone but its author and the managers,
// or shows it again: managers and administrators only.
func (s *Service) HideReply(ctx context.Context, v maillage.Viewer, id string, hidden bool) (*maillage.Reply, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	r, t, err := s.Reply(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanManageCommunity(v, t.Community) {
		return nil, maillage.ErrForbidden
	}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetReplyHidden(ctx, r.ID, hidden) }); err != nil {
		return nil, err
	}
	r.Hidden = hidden
	return r, nil
}

// editableReply loads a reply (not a tombstone) the viewer may edit.
func (s *Service) editableReply(ctx context.Context, v maillage.Viewer, id string) (*maillage.Reply, *maillage.Thread, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, nil, err
	}
	r, t, err := s.Reply(ctx, v, id)
	if err != nil {
		return nil, nil, err
	}
	if r.Deleted() {
		return nil, nil, maillage.ErrNotFound
	}
	if !maillage.CanEditPost(v, r.AuthorID, t.Community) {
		return nil, nil, maillage.ErrForbidden
	}
	return r, t, nil
}

// excludeActor returns ids minus one person (the actor is never told of their
// own doing).
func excludeActor(ids []string, id string) []string {
	var out []string
	for _, x := range ids {
		if x != id && x != "" {
			out = append(out, x)
		}
	}
	return out
}
