package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// ProposeNote proposes a note for a notebook: anyone who may read both
// asks the notebook's managers to file it there, and they are told (each
// only if they may see the note). A note already in the notebook, or
// already waiting for it, is a conflict.
func (s *Service) ProposeNote(ctx context.Context, v maillage.Viewer, notebookID string, in maillage.ProposalInput) (*maillage.NotebookProposal, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil {
		return nil, err
	}
	in.NoteID, in.Message = strings.TrimSpace(in.NoteID), maillage.CleanText(in.Message)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	n, err := s.Note(ctx, v, in.NoteID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanProposeToNotebook(v, nb.Access(), n.Access()) {
		return nil, maillage.ErrForbidden
	}
	p := &maillage.NotebookProposal{ID: auth.NewID(), NotebookID: nb.ID, NotebookTitle: nb.Title, NoteID: n.ID,
		NoteTitle: n.Title, Note: n.Access(), ProposedBy: v.UserID, Message: in.Message}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		in, err := tx.NotebookHasNote(ctx, nb.ID, n.ID)
		if err != nil {
			return err
		}
		if in {
			return maillage.Errorf(maillage.CodeConflict, "contribute.proposal.already_in")
		}
		if err := tx.CreateProposal(ctx, p); err != nil {
			if maillage.AsError(err).Code == maillage.CodeConflict {
				return maillage.Errorf(maillage.CodeConflict, "contribute.proposal.already_pending")
			}
			return err
		}
		return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
			Kind: maillage.EventNoteProposed, ActorID: v.UserID,
			SubjectType: maillage.SubjectNotebook, SubjectID: nb.ID, CommunityID: nb.CommunityID,
			ParentType: maillage.SubjectNote, ParentID: n.ID,
			RecipientIDs: excludeActor(nb.Access().OwnerIDs, v.UserID),
		})
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// NotebookProposals lists the proposals of a notebook the viewer may see:
// its managers get the pending ones whose note they may see; anyone else
// their own, whatever became of them. Whoever may not see the notebook
// gets not found.
func (s *Service) NotebookProposals(ctx context.Context, v maillage.Viewer, notebookID string) ([]*maillage.NotebookProposal, error) {
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil || !v.SignedIn() {
		return nil, err
	}
	f := store.ProposalFilter{NotebookID: nb.ID, Limit: maillage.MaxProposalsOnOnePage}
	if maillage.CanAnswerProposals(v, nb.Access()) {
		f.Status = maillage.ProposalPending
	} else {
		f.ProposedBy = v.UserID
	}
	list, err := s.db.Proposals(ctx, v, f)
	if err != nil {
		return nil, err
	}
	var out []*maillage.NotebookProposal
	for _, p := range list {
		if maillage.CanViewProposal(v, nb.Access(), p.ProposedBy, p.Note) {
			if !maillage.CanViewContent(v, p.Note) {
				p.NoteTitle = "" // the proposer's note, since hidden from them
			}
			out = append(out, p)
		}
	}
	return out, s.hideMentions(ctx, v, textsOfProposals(out)...)
}

func textsOfProposals(list []*maillage.NotebookProposal) []*string {
	out := make([]*string, len(list))
	for i, p := range list {
		out[i] = &p.Message
	}
	return out
}

// AnswerProposal accepts (the note is filed in the notebook, and the
// notebook's followers hear of it as of any new note) or declines a
// proposal; its author is told either way. Only the notebook's managers
// answer; anyone else who may see the proposal is refused, and a proposal
// they may not see is not found.
func (s *Service) AnswerProposal(ctx context.Context, v maillage.Viewer, notebookID, proposalID string, accept bool) (*maillage.NotebookProposal, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil {
		return nil, err
	}
	p, err := s.db.Proposal(ctx, v, proposalID)
	if err != nil {
		return nil, err
	}
	if p.NotebookID != nb.ID || !maillage.CanViewProposal(v, nb.Access(), p.ProposedBy, p.Note) {
		return nil, maillage.ErrNotFound
	}
	if !maillage.CanAnswerProposals(v, nb.Access()) {
		return nil, maillage.ErrForbidden
	}
	status, kind := maillage.ProposalDeclined, maillage.EventProposalDeclined
	if accept {
		status, kind = maillage.ProposalAccepted, maillage.EventProposalAccepted
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.AnswerProposal(ctx, p.ID, status, v.UserID); err != nil {
			if maillage.AsError(err).Code == maillage.CodeConflict {
				return maillage.Errorf(maillage.CodeConflict, "contribute.proposal.answered")
			}
			return err
		}
		if accept {
			note, err := s.visibleNoteTx(ctx, tx, v, p.NoteID)
			if err != nil {
				return err
			}
			// The person who proposed the note is the one who brought it:
			// like anyone who adds a note, they may take it out again.
			added, err := tx.AddNotebookNote(ctx, nb.ID, p.NoteID, "", p.ProposedBy)
			if err != nil {
				return err
			}
			if added {
				if err := tx.TouchNotebook(ctx, nb.ID); err != nil {
					return err
				}
				if err := s.noteAddedToNotebook(ctx, tx, v, nb, note); err != nil {
					return err
				}
			}
		}
		return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
			Kind: kind, ActorID: v.UserID,
			SubjectType: maillage.SubjectNotebook, SubjectID: nb.ID, CommunityID: nb.CommunityID,
			ParentType: maillage.SubjectNote, ParentID: p.NoteID,
			RecipientIDs: excludeActor([]string{p.ProposedBy}, v.UserID),
		})
	})
	if err != nil {
		return nil, err
	}
	p.Status = status
	return p, nil
}

// maxProposableNotebooks bounds the notebooks a note's page offers.
const maxProposableNotebooks = 100

// CommunitiesNotebooks lists, in one query, the notebooks the viewer may
// see that are linked to any of the communities: where a member brings
// a note (filed, or proposed to the managers).
func (s *Service) CommunitiesNotebooks(ctx context.Context, v maillage.Viewer, communityIDs []string) ([]maillage.Notebook, error) {
	if len(communityIDs) == 0 {
		return nil, nil
	}
	list, _, err := s.db.Notebooks(ctx, v, store.NotebookFilter{CommunityIDs: communityIDs, Limit: maxProposableNotebooks})
	return list, err
}
