package service

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// noteAddedToNotebook runs inside the transaction that adds a note to a
// notebook. Followers of the notebook hear of it; when a public note
// enters a public notebook of a public thematic community, the whole
// community is told, because knowledge that nobody hears about stays
// unseen.
func (s *Service) noteAddedToNotebook(ctx context.Context, tx *store.Tx, v maillage.Viewer, nb *maillage.Notebook, note *maillage.NoteSummary) error {
	ev := maillage.Event{
		Kind: maillage.EventNotePublished, ActorID: v.UserID,
		SubjectType: maillage.SubjectNote, SubjectID: note.ID,
		ParentType: maillage.SubjectNotebook, ParentID: nb.ID,
		CommunityID: nb.CommunityID,
	}
	if nb.CommunityID != "" && note.Visibility == maillage.VisibilityPublic && nb.Visibility == maillage.VisibilityPublic {
		vis, err := tx.CommunityVisibility(ctx, nb.CommunityID)
		if err != nil {
			return fmt.Errorf("note added to notebook: %w", err)
		}
		if vis == maillage.VisibilityPublic {
			ev.Kind, ev.AllMembers = maillage.EventNoteIntegrated, true
		}
	}
	if err := tx.Enqueue(ctx, maillage.JobNotify, ev); err != nil {
		return fmt.Errorf("note added to notebook: %w", err)
	}
	return nil
}
