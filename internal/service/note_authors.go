package service

import (
	"context"
	"slices"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// SyncCommunityNoteAuthors makes the authors of the community's notes
// that follow its managers ("the managers of the linked community are the
// authors") equal to its current managers. Call it inside the transaction
// that changes who manages a community; saving such a note calls it too.
func (s *Service) SyncCommunityNoteAuthors(ctx context.Context, tx *store.Tx, communityID string) error {
	if communityID == "" {
		return nil
	}
	return tx.SyncManagerAuthors(ctx, communityID)
}

// syncedNote brings the authors of a note that follows its community's
// managers up to date when they drifted (a manager change that did not
// sync, say), so the policy always sees the right authors.
func (s *Service) syncedNote(ctx context.Context, n *maillage.Note) (*maillage.Note, error) {
	managers, err := s.db.CommunityManagerIDs(ctx, n.CommunityID)
	if err != nil || len(managers) == 0 {
		return n, err
	}
	authors := n.AuthorIDs()
	slices.Sort(authors)
	slices.Sort(managers)
	if slices.Equal(authors, managers) {
		return n, nil
	}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return s.SyncCommunityNoteAuthors(ctx, tx, n.CommunityID) }); err != nil {
		return nil, err
	}
	return s.db.Note(ctx, n.ID)
}
