package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type proposalCreate struct {
	NoteID  string `json:"note_id" required:"true" doc:"a note the caller may read"`
	Message string `json:"message" doc:"a word to the notebook's managers, at most 1 000 characters"`
}

type proposalJSON struct {
	ID           string `json:"id"`
	NotebookID   string `json:"notebook_id"`
	NoteID       string `json:"note_id"`
	NoteTitle    string `json:"note_title" doc:"empty when the caller may no longer see the note"`
	ProposedBy   string `json:"proposed_by"`
	ProposerName string `json:"proposer_name" doc:"empty when the caller may not see the person's profile"`
	Message      string `json:"message"`
	Status       string `json:"status" enum:"pending,accepted,declined"`
	CreatedAt    string `json:"created_at" format:"date-time"`
}

type proposalList struct {
	Proposals []proposalJSON `json:"proposals" doc:"managers: the pending proposals; anyone else: their own, newest first"`
}

func proposalOut(p *maillage.NotebookProposal) proposalJSON {
	return proposalJSON{ID: p.ID, NotebookID: p.NotebookID, NoteID: p.NoteID, NoteTitle: p.NoteTitle, ProposedBy: p.ProposedBy,
		ProposerName: p.ProposerName, Message: p.Message, Status: string(p.Status), CreatedAt: stamp(p.CreatedAt)}
}

func (s *server) listProposals(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.NotebookProposals(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := proposalList{Proposals: []proposalJSON{}}
	for _, p := range list {
		out.Proposals = append(out.Proposals, proposalOut(p))
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) createProposal(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in proposalCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	p, err := s.svc.ProposeNote(r.Context(), v, r.PathValue("id"), maillage.ProposalInput{NoteID: in.NoteID, Message: in.Message})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, proposalOut(p))
	return nil
}

func (s *server) answerProposal(accept bool) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		v := viewerOf(r)
		if !v.SignedIn() {
			return maillage.ErrUnauthorized
		}
		p, err := s.svc.AnswerProposal(r.Context(), v, r.PathValue("id"), r.PathValue("proposal_id"), accept)
		if err != nil {
			return err
		}
		s.writeJSON(w, http.StatusOK, proposalOut(p))
		return nil
	}
}
