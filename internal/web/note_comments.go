package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// noteContrib is what a note's page shows of contributions: its comments
// and, for signed-in readers, the forms to comment and to bring the note
// into a notebook.
type noteContrib struct {
	Comments []service.CommentView
	Count    int
	// CommentForm and ProposeForm come back with their errors.
	CommentForm, ProposeForm *form
	// Notebooks are the notebooks of the viewer's communities that do not
	// hold the note yet: filed at once where the viewer may add, proposed
	// to the managers elsewhere.
	Notebooks []option
}

// maxProposalCommunities bounds the communities whose notebooks a note's
// page offers.
const maxProposalCommunities = 20

// loadNoteContrib fills the contributions part of a note's page.
func (s *server) loadNoteContrib(r *http.Request, p *service.NotePage, c *noteContrib) error {
	st := state(r)
	var err error
	if c.Comments, c.Count, err = s.svc.NoteComments(r.Context(), st.Viewer, p.Note.ID); err != nil {
		return err
	}
	if c.CommentForm == nil {
		c.CommentForm = newForm(nil)
	}
	if c.ProposeForm == nil {
		c.ProposeForm = newForm(nil)
	}
	if !st.Viewer.SignedIn() {
		return nil
	}
	communities, _, err := s.svc.Communities(r.Context(), st.Viewer, service.CommunityFilter{MemberID: st.Viewer.UserID,
		Page: service.Page{Limit: maxProposalCommunities}})
	if err != nil {
		return err
	}
	holding := map[string]bool{}
	for _, nb := range p.Notebooks {
		holding[nb.ID] = true
	}
	ids := make([]string, len(communities))
	for i, cm := range communities {
		ids[i] = cm.ID
	}
	list, err := s.svc.CommunitiesNotebooks(r.Context(), st.Viewer, ids)
	if err != nil {
		return err
	}
	for _, nb := range list {
		if !holding[nb.ID] {
			holding[nb.ID] = true
			c.Notebooks = append(c.Notebooks, option{Value: nb.ID, Label: nb.Title + " — " + nb.CommunityName})
		}
	}
	return nil
}

// createNoteComment comments on a note from its page; an invalid comment
// comes back in the form with its text.
func (s *server) createNoteComment(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	c, err := s.svc.CreateComment(r.Context(), st.Viewer, id, maillage.CommentInput{Body: r.PostForm.Get("body"),
		ParentID: strings.TrimSpace(r.PostForm.Get("parent_id"))})
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		for i, it := range f.Summary {
			f.Summary[i].Label = st.L.T("contribute.web.field." + unreserved(it.Field))
			f.Summary[i].Anchor = "comment-body"
		}
		s.renderNotePage(w, r, formStatus(err), nil, &noteContrib{CommentForm: f})
		return
	}
	s.redirect(w, r, "/notes/"+url.PathEscape(id)+"#comment-"+c.ID, "contribute.web.comment_posted")
}

// commentAction runs a moderation button on a comment and goes back to
// its note.
func (s *server) commentAction(flashID string, act func(r *http.Request, v maillage.Viewer, id string) (*maillage.NoteComment, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.signedInForm(w, r) {
			return
		}
		c, err := act(r, state(r).Viewer, r.PathValue("id"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.redirect(w, r, "/notes/"+url.PathEscape(c.NoteID)+"#commentaires", flashID)
	}
}

func (s *server) hideNoteComment(w http.ResponseWriter, r *http.Request) {
	s.commentAction("contribute.web.comment_moderated", func(r *http.Request, v maillage.Viewer, id string) (*maillage.NoteComment, error) {
		return s.svc.SetCommentHidden(r.Context(), v, id, r.PostForm.Get("hidden") == "1")
	})(w, r)
}

func (s *server) deleteNoteComment(w http.ResponseWriter, r *http.Request) {
	s.commentAction("contribute.web.comment_deleted", func(r *http.Request, v maillage.Viewer, id string) (*maillage.NoteComment, error) {
		return s.svc.DeleteComment(r.Context(), v, id)
	})(w, r)
}

// proposeNoteFromPage brings a note into a notebook from the note's page:
// filed at once where the viewer adds notes, proposed to its managers
// elsewhere. The notebook is chosen in the list or named by its address.
func (s *server) proposeNoteFromPage(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, noteID := state(r), r.PathValue("id")
	nbID := strings.TrimSpace(r.PostForm.Get("notebook"))
	if typed := strings.TrimSpace(r.PostForm.Get("notebook_address")); typed != "" {
		nbID = pathID(typed, "/notebooks/")
	}
	var err error
	msg := "contribute.web.proposal_sent"
	if nbID == "" {
		err = &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "notebook", MessageID: "field.required"}}}
	} else if nb, nerr := s.svc.Notebook(r.Context(), st.Viewer, nbID); nerr != nil {
		err = nerr
	} else if service.CanContributeToNotebook(st.Viewer, nb) {
		msg = "web.notebook.note_added"
		_, err = s.svc.AddNoteToNotebook(r.Context(), st.Viewer, nb.ID, noteID, "")
	} else {
		_, err = s.svc.ProposeNote(r.Context(), st.Viewer, nb.ID, maillage.ProposalInput{NoteID: noteID, Message: r.PostForm.Get("message")})
	}
	if err != nil {
		if _, nerr := s.svc.Note(r.Context(), st.Viewer, noteID); nerr != nil {
			s.fail(w, r, nerr)
			return
		}
		f := newForm(r.PostForm)
		e := maillage.AsError(err)
		switch {
		case maillage.IsNotFound(err):
			f.addError(st.L, "notebook", "contribute.web.notebook_not_found", nil)
		case e.Code == maillage.CodeConflict && len(e.Fields) == 0:
			f.addError(st.L, "notebook", e.MessageID, nil)
		case !f.apply(st.L, err):
			s.fail(w, r, err)
			return
		}
		for i, it := range f.Summary {
			f.Summary[i].Label = st.L.T("contribute.web.field." + unreserved(it.Field))
			f.Summary[i].Anchor = "propose-notebook"
		}
		s.renderNotePage(w, r, formStatus(err), nil, &noteContrib{ProposeForm: f})
		return
	}
	s.redirect(w, r, "/notes/"+url.PathEscape(noteID), msg)
}
