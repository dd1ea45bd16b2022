package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type commentCreate struct {
	Body     string `json:"body" required:"true" doc:"Markdown, at most 10 000 characters"`
	ParentID string `json:"parent_id" doc:"the comment answered; an answer to an answer joins the same top-level comment"`
}

type commentModeration struct {
	Hidden *bool `json:"hidden" required:"true" doc:"seen by its author and the note's authors only"`
}

type commentAuthorJSON struct {
	ID   string `json:"id,omitempty" doc:"empty when the caller may not see the author's profile"`
	Name string `json:"name"`
}

type commentJSON struct {
	ID        string            `json:"id"`
	NoteID    string            `json:"note_id"`
	ParentID  string            `json:"parent_id,omitempty"`
	Body      string            `json:"body" doc:"Markdown; empty for a deleted comment kept for its answers"`
	HTML      string            `json:"html" doc:"the body rendered for the caller"`
	Author    commentAuthorJSON `json:"author"`
	Hidden    bool              `json:"hidden"`
	Deleted   bool              `json:"deleted" doc:"deleted, kept in place because others answered it"`
	CreatedAt string            `json:"created_at" format:"date-time"`
}

type commentList struct {
	Comments []commentJSON `json:"comments" doc:"each comment followed by its answers, oldest first"`
	Total    int           `json:"total" doc:"the comments the caller may see, answers included"`
}

func commentOut(c service.CommentView) commentJSON {
	out := commentJSON{ID: c.ID, NoteID: c.NoteID, ParentID: c.ParentID, Body: c.Body, HTML: string(c.HTML),
		Hidden: c.Hidden, Deleted: c.Deleted(), CreatedAt: stamp(c.CreatedAt)}
	if c.AuthorName != "" && !c.Deleted() {
		// An author the caller may not see, or of a deleted comment, is not named.
		out.Author = commentAuthorJSON{ID: c.AuthorID, Name: c.AuthorName}
	}
	return out
}

func (s *server) listComments(w http.ResponseWriter, r *http.Request) error {
	list, total, err := s.svc.NoteComments(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := commentList{Comments: []commentJSON{}, Total: total}
	for _, c := range list {
		out.Comments = append(out.Comments, commentOut(c))
		for _, a := range c.Answers {
			out.Comments = append(out.Comments, commentOut(a))
		}
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// answerComment writes one comment as the caller sees it now.
func (s *server) answerComment(w http.ResponseWriter, r *http.Request, status int, noteID, id string) error {
	list, _, err := s.svc.NoteComments(r.Context(), viewerOf(r), noteID)
	if err != nil {
		return err
	}
	for _, c := range list {
		for _, x := range append([]service.CommentView{c}, c.Answers...) {
			if x.ID == id {
				s.writeJSON(w, status, commentOut(x))
				return nil
			}
		}
	}
	return maillage.ErrNotFound
}

func (s *server) createComment(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in commentCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.CreateComment(r.Context(), v, r.PathValue("id"), maillage.CommentInput{Body: in.Body, ParentID: strings.TrimSpace(in.ParentID)})
	if err != nil {
		return err
	}
	return s.answerComment(w, r, http.StatusCreated, c.NoteID, c.ID)
}

func (s *server) moderateComment(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in commentModeration
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if in.Hidden == nil {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "hidden", MessageID: "field.required"}}}
	}
	c, err := s.svc.SetCommentHidden(r.Context(), v, r.PathValue("id"), *in.Hidden)
	if err != nil {
		return err
	}
	return s.answerComment(w, r, http.StatusOK, c.NoteID, c.ID)
}

func (s *server) deleteComment(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	if _, err := s.svc.DeleteComment(r.Context(), v, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
