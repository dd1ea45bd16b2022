package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// postDuplicateWindow is how long the same post sent again by the same
// person counts as the same submission (a double click, a reload, a
// client retrying).
const postDuplicateWindow = 2 * time.Minute

// CreateThread starts a thread in a community's discussion. Members post;
// everyone in the community hears of it (their preferences decide how),
// and the people mentioned are told directly.
func (s *Service) CreateThread(ctx context.Context, v maillage.Viewer, communityID string, in maillage.ThreadInput) (*maillage.Thread, error) {
	c, err := s.postableCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	in.Title, in.Body = maillage.CleanLine(in.Title), maillage.CleanText(in.Body)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	t := &maillage.Thread{ID: auth.NewID(), CommunityID: c.ID, Community: c.Access(), AuthorID: v.UserID,
		Title: in.Title, Body: in.Body}
	links := s.postLinks(in.Body)
	mentioned, err := s.mentionRecipients(ctx, v, links.MentionIDs, nil, t.Access())
	if err != nil {
		return nil, err
	}
	previews, err := s.previewsToFetch(ctx, links.URLs)
	if err != nil {
		return nil, err
	}
	var existing string
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		id, err := tx.RecentThreadDuplicate(ctx, v.UserID, c.ID, in.Title, in.Body, tx.Now().Add(-postDuplicateWindow))
		if err == nil {
			existing = id
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		if err := tx.CreateThread(ctx, t); err != nil {
			return err
		}
		return s.threadCreated(ctx, tx, v, t, mentioned, previews)
	})
	if err != nil {
		return nil, err
	}
	if existing != "" {
		return s.Thread(ctx, v, existing)
	}
	return s.Thread(ctx, v, t.ID)
}

// threadCreated enqueues what a new thread causes, inside its transaction.
func (s *Service) threadCreated(ctx context.Context, tx *store.Tx, v maillage.Viewer, t *maillage.Thread, mentioned, previews []string) error {
	if err := tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
		Kind: maillage.EventThreadCreated, ActorID: v.UserID,
		SubjectType: maillage.SubjectThread, SubjectID: t.ID, CommunityID: t.CommunityID, AllMembers: true,
	}); err != nil {
		return err
	}
	if err := enqueueMentions(ctx, tx, v, maillage.SubjectThread, t.ID, t, mentioned); err != nil {
		return err
	}
	return enqueuePreviews(ctx, tx, previews)
}

// Thread returns a thread the viewer may see; otherwise not found.
func (s *Service) Thread(ctx context.Context, v maillage.Viewer, id string) (*maillage.Thread, error) {
	t, err := s.db.Thread(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewThread(v, t.Access()) {
		return nil, maillage.ErrNotFound
	}
	if err := s.hideMentions(ctx, v, &t.Body); err != nil {
		return nil, err
	}
	return t, nil
}

// ThreadSummary is a thread as the discussion list shows it.
type ThreadSummary struct {
	maillage.Thread
	// Replies counts the replies the viewer may see.
	Replies int
}

// Threads lists a community's threads as the viewer may see them: pinned
// first, then by last activity. A listed private community seen from
// outside answers forbidden: it exists, its discussion is for members.
func (s *Service) Threads(ctx context.Context, v maillage.Viewer, communityID string, p Page) ([]ThreadSummary, int, error) {
	c, err := s.Community(ctx, v, communityID)
	if err != nil {
		return nil, 0, err
	}
	if !maillage.CanReadCommunity(v, c.Access()) {
		return nil, 0, maillage.ErrForbidden
	}
	list, counts, total, err := s.db.Threads(ctx, v, store.ThreadFilter{CommunityID: c.ID, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		return nil, 0, err
	}
	out := make([]ThreadSummary, len(list))
	for i := range list {
		out[i] = ThreadSummary{Thread: list[i], Replies: counts[i]}
	}
	err = s.hideMentions(ctx, v, textsOf(out, func(t *ThreadSummary) *string { return &t.Body })...)
	return out, total, err
}

// UpdateThread edits a thread's title and body: its author, or a manager.
// The thread then shows that it was edited; people newly mentioned hear of it.
func (s *Service) UpdateThread(ctx context.Context, v maillage.Viewer, id string, in maillage.ThreadInput) (*maillage.Thread, error) {
	t, err := s.editableThread(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in.Title, in.Body = maillage.CleanLine(in.Title), maillage.CleanText(in.Body)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.Title == t.Title && in.Body == t.Body {
		return t, nil
	}
	links := s.postLinks(in.Body)
	mentioned, err := s.mentionRecipients(ctx, v, links.MentionIDs, s.postLinks(t.Body).MentionIDs, t.Access())
	if err != nil {
		return nil, err
	}
	previews, err := s.previewsToFetch(ctx, links.URLs)
	if err != nil {
		return nil, err
	}
	t.Title, t.Body = in.Title, in.Body
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateThread(ctx, t, in.Version); err != nil {
			return err
		}
		if err := enqueueMentions(ctx, tx, v, maillage.SubjectThread, t.ID, t, mentioned); err != nil {
			return err
		}
		return enqueuePreviews(ctx, tx, previews)
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// DeleteThread removes a thread and its replies: its author, or a manager.
func (s *Service) DeleteThread(ctx context.Context, v maillage.Viewer, id string) error {
	t, err := s.editableThread(ctx, v, id)
	if err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteThread(ctx, t.ID) })
}

// ThreadFlag names a moderation switch: pinned, locked or hidden.
type ThreadFlag = store.ThreadFlag

// Thread moderation switches.
const (
	ThreadPinned = store.FlagPinned
	ThreadLocked = store.FlagLocked
	ThreadHidden = store.FlagHidden
)

// ModerateThread pins, locks or hides a thread (or undoes it): managers
// and administrators only.
func (s *Service) ModerateThread(ctx context.Context, v maillage.Viewer, id string, flag ThreadFlag, on bool) (*maillage.Thread, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	t, err := s.Thread(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanManageCommunity(v, t.Community) {
		return nil, maillage.ErrForbidden
	}
	switch flag {
	case ThreadPinned, ThreadLocked, ThreadHidden:
	default:
		return nil, maillage.Errorf(maillage.CodeInvalid, "error.invalid")
	}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetThreadFlag(ctx, t.ID, flag, on) }); err != nil {
		return nil, err
	}
	return s.Thread(ctx, v, id)
}

// postableCommunity loads a community the viewer may post in.
func (s *Service) postableCommunity(ctx context.Context, v maillage.Viewer, communityID string) (*maillage.Community, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	c, err := s.Community(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanPostInCommunity(v, c.Access()) {
		return nil, maillage.Errorf(maillage.CodeForbidden, "discussion.members_only")
	}
	return c, nil
}

// editableThread loads a thread the viewer may edit or delete.
func (s *Service) editableThread(ctx context.Context, v maillage.Viewer, id string) (*maillage.Thread, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	t, err := s.Thread(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanEditPost(v, t.AuthorID, t.Community) {
		return nil, maillage.ErrForbidden
	}
	return t, nil
}
