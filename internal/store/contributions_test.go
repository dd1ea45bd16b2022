package store_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// TestCommentsStore: comments are listed oldest first with their authors'
// names as the reader may see them; deleting one with answers leaves a
// tombstone, which goes with its last answer.
func TestCommentsStore(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	n := w.note(t, "Compte rendu", maillage.VisibilityPublic)
	first := &maillage.NoteComment{ID: auth.NewID(), NoteID: n.ID, AuthorID: w.bob.ID, Body: "Premier"}
	answer := &maillage.NoteComment{ID: auth.NewID(), NoteID: n.ID, ParentID: first.ID, AuthorID: w.cora.ID, Body: "Réponse"}
	for _, c := range []*maillage.NoteComment{first, answer} {
		if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.CreateComment(ctx, c) }); err != nil {
			t.Fatal(err)
		}
	}
	list, err := w.db.Comments(ctx, maillage.Anonymous(), n.ID)
	if err != nil || len(list) != 2 || list[0].ID != first.ID || list[1].ParentID != first.ID {
		t.Fatalf("comments: %+v %v", list, err)
	}
	// Bob's profile is for members only: a visitor does not get his name.
	if list[0].AuthorName != "" || list[1].AuthorName != "Cora Lavoie" {
		t.Fatalf("names for a visitor: %q %q", list[0].AuthorName, list[1].AuthorName)
	}
	if got, _ := w.db.Comments(ctx, w.viewers["Olga Fortin"], n.ID); got[0].AuthorName != "Bob Roy" {
		t.Fatalf("name for a member: %q", got[0].AuthorName)
	}
	var ids []string
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetCommentHidden(ctx, first.ID, true); err != nil {
			return err
		}
		ids, err = tx.CommenterIDs(ctx, n.ID)
		if err != nil {
			return err
		}
		tomb, err := tx.DeleteComment(ctx, first.ID)
		if err != nil || !tomb {
			t.Errorf("deleting a comment with an answer: tombstone %v, %v", tomb, err)
		}
		_, err = tx.DeleteComment(ctx, answer.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 {
		t.Fatalf("commenters: %v", ids)
	}
	if list, err := w.db.Comments(ctx, maillage.Anonymous(), n.ID); err != nil || len(list) != 0 {
		t.Fatalf("the tombstone outlived its last answer: %+v %v", list, err)
	}
}

// TestProposalsStore: one pending proposal per note and notebook; an
// answered proposal cannot be answered again; lists filter by status and
// proposer and carry the note's access.
func TestProposalsStore(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	n := w.note(t, "Résumé public", maillage.VisibilityPublic)
	nb := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet", Visibility: maillage.VisibilityPublic, CreatedBy: w.alice.ID}
	p := &maillage.NotebookProposal{ID: auth.NewID(), NotebookID: nb.ID, NoteID: n.ID, ProposedBy: w.olga.ID, Message: "Voici"}
	err := w.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNotebook(ctx, nb); err != nil {
			return err
		}
		return tx.CreateProposal(ctx, p)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateProposal(ctx, &maillage.NotebookProposal{ID: auth.NewID(), NotebookID: nb.ID, NoteID: n.ID, ProposedBy: w.cora.ID})
	})
	if maillage.AsError(err).Code != maillage.CodeConflict {
		t.Fatalf("a second pending proposal of the same note: %v", err)
	}
	got, err := w.db.Proposal(ctx, maillage.Anonymous(), p.ID)
	if err != nil || got.NoteTitle != n.Title || got.Status != maillage.ProposalPending || len(got.Note.OwnerIDs) != 1 ||
		got.Note.Visibility != maillage.VisibilityPublic || got.ProposerName != "Olga Fortin" || got.Message != "Voici" {
		t.Fatalf("proposal: %+v %v", got, err)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error { return tx.AnswerProposal(ctx, p.ID, maillage.ProposalDeclined, w.alice.ID) })
	if err != nil {
		t.Fatal(err)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error { return tx.AnswerProposal(ctx, p.ID, maillage.ProposalAccepted, w.alice.ID) })
	if maillage.AsError(err).Code != maillage.CodeConflict {
		t.Fatalf("answering twice: %v", err)
	}
	// Declined, the note may be proposed again.
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateProposal(ctx, &maillage.NotebookProposal{ID: auth.NewID(), NotebookID: nb.ID, NoteID: n.ID, ProposedBy: w.cora.ID})
	})
	if err != nil {
		t.Fatal(err)
	}
	pending, err := w.db.Proposals(ctx, maillage.Anonymous(), store.ProposalFilter{NotebookID: nb.ID, Status: maillage.ProposalPending})
	if err != nil || len(pending) != 1 || pending[0].ProposedBy != w.cora.ID {
		t.Fatalf("pending: %+v %v", pending, err)
	}
	mine, err := w.db.Proposals(ctx, maillage.Anonymous(), store.ProposalFilter{NotebookID: nb.ID, ProposedBy: w.olga.ID})
	if err != nil || len(mine) != 1 || mine[0].Status != maillage.ProposalDeclined {
		t.Fatalf("olga's: %+v %v", mine, err)
	}
	var has bool
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		has, err = tx.NotebookHasNote(ctx, nb.ID, n.ID)
		return err
	})
	if err != nil || has {
		t.Fatalf("has note: %v %v", has, err)
	}
}

// TestNotebooksOfCommunities: one query lists the notebooks linked to any
// of several communities, each only if the viewer may see it.
func TestNotebooksOfCommunities(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	linked := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet du cercle", Visibility: maillage.VisibilityCommunity,
		CommunityID: w.community.ID, CreatedBy: w.alice.ID}
	loose := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet libre", Visibility: maillage.VisibilityPublic, CreatedBy: w.alice.ID}
	err := w.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNotebook(ctx, linked); err != nil {
			return err
		}
		return tx.CreateNotebook(ctx, loose)
	})
	if err != nil {
		t.Fatal(err)
	}
	f := store.NotebookFilter{CommunityIDs: []string{w.community.ID, "absent"}, Limit: 10}
	for who, want := range map[string]int{"Bob Roy": 1, "Olga Fortin": 0} {
		list, _, err := w.db.Notebooks(ctx, w.viewers[who], f)
		if err != nil || len(list) != want || (want == 1 && list[0].ID != linked.ID) {
			t.Errorf("%s: %d notebooks (%v), want %d", who, len(list), err, want)
		}
	}
}
