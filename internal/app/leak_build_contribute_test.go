package app_test

import (
	"fmt"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// Contributions in the leak world: comments on notes (some answered, some
// hidden by the note's authors) and proposals of notes for notebooks
// (some accepted, some declined). Each carries a code: a comment is for
// whoever sees its note (once hidden, its author and the note's authors);
// a proposal is for its author and the notebook's managers who may see
// its note.

type leakComment struct {
	id, author string
	parent     *leakComment
	note       *leakNote
	hidden     bool
}

type leakProposal struct {
	id, proposer string
	notebook     *leakNotebook
	note         *leakNote
	status       maillage.ProposalStatus
}

// visible says whether v may see the comment, as the note's page and the
// API list it: its note, its moderation, and the comment it answers.
func (lc *leakComment) visible(v maillage.Viewer) bool {
	c := maillage.CommentAccess{Note: lc.note.n.Access(), AuthorID: lc.author, Hidden: lc.hidden}
	if !maillage.CanViewComment(v, c) {
		return false
	}
	return lc.parent == nil || lc.parent.visible(v)
}

// visible says whether v may see the proposal.
func (lp *leakProposal) visible(v maillage.Viewer) bool {
	return maillage.CanViewProposal(v, lp.notebook.nb.Access(), lp.proposer, lp.note.n.Access())
}

// listed says whether the notebook's proposals list shows it to v: its
// managers get the pending ones, anyone else their own.
func (lp *leakProposal) listed(v maillage.Viewer) bool {
	if !v.SignedIn() || !maillage.CanViewContent(v, lp.notebook.nb.Access()) || !lp.visible(v) {
		return false
	}
	if maillage.CanAnswerProposals(v, lp.notebook.nb.Access()) {
		return lp.status == maillage.ProposalPending
	}
	return lp.proposer == v.UserID
}

func (w *leakWorld) buildContributions(t *testing.T) {
	s := w.m.Service
	for _, ln := range w.notes {
		if !w.chance(0.7) {
			continue
		}
		var top *leakComment
		for _, p := range w.members() {
			pv := w.viewerOf(t, p.u.ID)
			if !maillage.CanComment(pv, ln.n.Access()) || !w.chance(0.4) {
				continue
			}
			code := w.code()
			parentID := ""
			lc := &leakComment{author: p.u.ID, note: ln}
			if top != nil && top.visible(pv) && w.chance(0.5) {
				parentID, lc.parent = top.id, top
			}
			c, err := s.CreateComment(w.ctx, pv, ln.n.ID, maillage.CommentInput{Body: "Zeta commentaire " + code, ParentID: parentID})
			w.must(t, "comment", err)
			lc.id = c.ID
			if lc.parent == nil {
				top = lc
			}
			w.comments = append(w.comments, lc)
			may := lc.visible
			w.secret(code, fmt.Sprintf("comment on %s", ln.n.Title), c.ID, may)
			if w.chance(0.3) {
				_, err := s.SetCommentHidden(w.ctx, w.viewerOf(t, ln.owner), c.ID, true)
				w.must(t, "hide comment", err)
				lc.hidden = true
			}
		}
	}
	for _, lnb := range w.notebooks {
		for _, p := range w.members() {
			pv := w.viewerOf(t, p.u.ID)
			if !maillage.CanViewContent(pv, lnb.nb.Access()) || !w.chance(0.5) {
				continue
			}
			for _, ln := range w.notes {
				if !maillage.CanProposeToNotebook(pv, lnb.nb.Access(), ln.n.Access()) || slicesContains(lnb.notes, ln.n.ID) ||
					w.pending(lnb, ln) || !w.chance(0.3) {
					continue
				}
				code := w.code()
				pr, err := s.ProposeNote(w.ctx, pv, lnb.nb.ID, maillage.ProposalInput{NoteID: ln.n.ID, Message: "Zeta proposition " + code})
				w.must(t, "proposal", err)
				lp := &leakProposal{id: pr.ID, proposer: p.u.ID, notebook: lnb, note: ln, status: maillage.ProposalPending}
				w.proposals = append(w.proposals, lp)
				w.secret(code, fmt.Sprintf("proposal of %s for %s", ln.n.Title, lnb.nb.Title), pr.ID, lp.visible)
				mv := w.viewerOf(t, lnb.owner)
				if !maillage.CanViewContent(mv, ln.n.Access()) {
					continue
				}
				switch w.pick(3) {
				case 0:
					_, err := s.AnswerProposal(w.ctx, mv, lnb.nb.ID, pr.ID, true)
					w.must(t, "accept proposal", err)
					lp.status = maillage.ProposalAccepted
					lnb.notes = append(lnb.notes, ln.n.ID)
				case 1:
					_, err := s.AnswerProposal(w.ctx, mv, lnb.nb.ID, pr.ID, false)
					w.must(t, "decline proposal", err)
					lp.status = maillage.ProposalDeclined
				}
			}
		}
	}
	t.Logf("contributions: %d comments, %d proposals", len(w.comments), len(w.proposals))
}

// pending says whether a note already waits for the notebook.
func (w *leakWorld) pending(lnb *leakNotebook, ln *leakNote) bool {
	for _, lp := range w.proposals {
		if lp.notebook == lnb && lp.note == ln && lp.status == maillage.ProposalPending {
			return true
		}
	}
	return false
}

func slicesContains(list []string, id string) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

// leakCommentList is the exact list of comments the API gives v on a note.
func leakCommentList(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
	var out []string
	for _, lc := range w.comments {
		if lc.note.n.ID == tg.vals["note"] && lc.visible(v) {
			out = append(out, lc.id)
		}
	}
	return out
}

// leakProposalList is the exact list of proposals the API gives v on a notebook.
func leakProposalList(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
	var out []string
	for _, lp := range w.proposals {
		if lp.notebook.nb.ID == tg.vals["notebook"] && lp.listed(v) {
			out = append(out, lp.id)
		}
	}
	return out
}
