package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// notebookContrib is what a notebook's page shows of proposals: to its
// managers the pending ones, to anyone else who may propose their own.
type notebookContrib struct {
	Proposals []*maillage.NotebookProposal
	// CanPropose: signed in and reading the notebook without adding to it.
	CanPropose bool
}

// loadNotebookContrib fills the proposals part of a notebook's page.
func (s *server) loadNotebookContrib(r *http.Request, d *notebookPageData) error {
	st := state(r)
	if !st.Viewer.SignedIn() {
		return nil
	}
	d.Contrib.CanPropose = !d.CanAdd
	list, err := s.svc.NotebookProposals(r.Context(), st.Viewer, d.NB.ID)
	d.Contrib.Proposals = list
	return err
}

// proposeNotebookNote proposes a note for the notebook from its page: the
// same picker as the contributors' "add" form, with a word to the managers.
func (s *server) proposeNotebookNote(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	noteID := strings.TrimSpace(r.PostForm.Get("note_id"))
	if noteID == "" {
		noteID = strings.TrimSpace(r.PostForm.Get("note_pick"))
	}
	var candidates []maillage.NoteSummary
	var err error
	if noteID == "" {
		noteID, candidates, err = s.typedNote(r, id, strings.TrimSpace(r.PostForm.Get("note")))
	}
	if err == nil {
		_, err = s.svc.ProposeNote(r.Context(), st.Viewer, id, maillage.ProposalInput{NoteID: noteID, Message: r.PostForm.Get("message")})
	}
	if err != nil {
		f := newForm(r.PostForm)
		f.Values.Del("note_id")
		f.Values.Del("note_pick")
		status := formStatus(err)
		switch {
		case maillage.IsNotFound(err):
			if _, nerr := s.svc.Notebook(r.Context(), st.Viewer, id); nerr != nil {
				s.fail(w, r, nerr)
				return
			}
			f.addError(st.L, "note", "notebook.note_not_found", nil)
			status = http.StatusNotFound
		case maillage.AsError(err).Code == maillage.CodeConflict:
			f.addError(st.L, "note", maillage.AsError(err).MessageID, nil)
		case !f.apply(st.L, err):
			s.fail(w, r, err)
			return
		}
		for i, it := range f.Summary {
			f.Summary[i].Label = st.L.T("contribute.web.field." + unreserved(it.Field))
		}
		s.renderNotebook(w, r, status, f, candidates)
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(id)+"#nb-proposals", "contribute.web.proposal_sent")
}

// answerNotebookProposal accepts or declines a proposal (the notebook's
// managers) and goes back to the notebook.
func (s *server) answerNotebookProposal(accept bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.signedInForm(w, r) {
			return
		}
		id := r.PathValue("id")
		if _, err := s.svc.AnswerProposal(r.Context(), state(r).Viewer, id, r.PathValue("proposal"), accept); err != nil {
			s.fail(w, r, err)
			return
		}
		msg := "contribute.web.proposal_declined"
		if accept {
			msg = "contribute.web.proposal_accepted"
		}
		s.redirect(w, r, "/notebooks/"+url.PathEscape(id), msg)
	}
}
