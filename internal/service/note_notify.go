package service

import (
	"context"
	"fmt"
	"slices"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// notifyNoteSaved tells, in the transaction of the save, who should hear
// of it: people newly made authors, people newly mentioned, and (for a
// new note, or one opened to more readers) followers of its tags, its
// authors and its community. The fan-out checks each recipient against
// the access policy, so a private note reaches nobody who may not read it.
func (s *Service) notifyNoteSaved(ctx context.Context, tx *store.Tx, v maillage.Viewer, old, n *maillage.Note) error {
	base := maillage.Event{ActorID: v.UserID, SubjectType: maillage.SubjectNote, SubjectID: n.ID, CommunityID: n.CommunityID}
	var before []string
	if old != nil {
		before = old.AuthorIDs()
	}
	if added := newPeople(n.AuthorIDs(), before, v.UserID); len(added) > 0 {
		ev := base
		ev.Kind, ev.RecipientIDs = maillage.EventNoteAuthorAdded, added
		if err := tx.Enqueue(ctx, maillage.JobNotify, ev); err != nil {
			return fmt.Errorf("notify note authors: %w", err)
		}
	}
	var mentionedBefore []string
	if old != nil {
		mentionedBefore = s.markup.Links(old.Body).MentionIDs
	}
	if mentioned := newPeople(s.markup.Links(n.Body).MentionIDs, mentionedBefore, v.UserID); len(mentioned) > 0 {
		ev := base
		ev.Kind, ev.RecipientIDs = maillage.EventMention, mentioned
		if err := tx.Enqueue(ctx, maillage.JobNotify, ev); err != nil {
			return fmt.Errorf("notify mentions: %w", err)
		}
	}
	if old == nil || wider(n.Visibility, old.Visibility) {
		ev := base
		ev.Kind = maillage.EventNewFollowedItem
		if err := tx.Enqueue(ctx, maillage.JobNotify, ev); err != nil {
			return fmt.Errorf("notify followers: %w", err)
		}
	}
	return nil
}

// newPeople returns the IDs in now that were not in before, without the actor.
func newPeople(now, before []string, actor string) []string {
	var out []string
	for _, id := range now {
		if id != actor && !slices.Contains(before, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// wider reports whether visibility a lets more people read than b.
func wider(a, b maillage.Visibility) bool {
	rank := func(v maillage.Visibility) int {
		switch v {
		case maillage.VisibilityPublic:
			return 2
		case maillage.VisibilityCommunity:
			return 1
		}
		return 0
	}
	return rank(a) > rank(b)
}
