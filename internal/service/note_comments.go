package service

import (
	"context"
	"html/template"
	"slices"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// CommentView is a comment as a viewer sees it: rendered, with what they
// may do to it.
type CommentView struct {
	maillage.NoteComment
	HTML template.HTML
	// CanDelete: its author and the note's authors; CanModerate: the
	// note's authors (hide or show it).
	CanDelete, CanModerate bool
	Answers                []CommentView
}

// NoteComments lists the comments on a note that the viewer may see, as
// threads one level deep, with their number. Whoever may not see the note
// gets not found, exactly like an absent note: its comments and their
// number are the note's. A hidden comment shows to its author and the
// note's authors only; answers go with the comment they answer, and a
// deleted comment stays as an empty place while answers remain.
func (s *Service) NoteComments(ctx context.Context, v maillage.Viewer, noteID string) ([]CommentView, int, error) {
	n, err := s.Note(ctx, v, noteID)
	if err != nil {
		return nil, 0, err
	}
	all, err := s.db.Comments(ctx, v, n.ID)
	if err != nil {
		return nil, 0, err
	}
	access := n.Access()
	moderate := maillage.CanModerateComments(v, access)
	var visible []maillage.NoteComment
	for _, c := range all {
		if c.Deleted() || maillage.CanViewComment(v, c.Access(access)) {
			visible = append(visible, c)
		}
	}
	bodies := make([]string, len(visible))
	for i := range visible {
		if err := s.hideMentions(ctx, v, &visible[i].Body); err != nil {
			return nil, 0, err
		}
		bodies[i] = visible[i].Body
	}
	html, err := s.RenderPosts(ctx, v, n.CommunityID, bodies)
	if err != nil {
		return nil, 0, err
	}
	view := func(i int) CommentView {
		c := visible[i]
		mine := v.SignedIn() && c.AuthorID == v.UserID
		return CommentView{NoteComment: c, HTML: html[i], CanModerate: moderate && !c.Deleted(),
			CanDelete: !c.Deleted() && (mine || moderate)}
	}
	var out []CommentView
	index := map[string]int{}
	count := 0
	for i, c := range visible {
		if c.ParentID == "" {
			index[c.ID] = len(out)
			out = append(out, view(i))
			if !c.Deleted() {
				count++
			}
		}
	}
	for i, c := range visible {
		if j, ok := index[c.ParentID]; ok && c.ParentID != "" {
			out[j].Answers = append(out[j].Answers, view(i))
			count++
		}
	}
	// A tombstone with no answer left in sight has nothing to hold.
	out = slices.DeleteFunc(out, func(c CommentView) bool { return c.Deleted() && len(c.Answers) == 0 })
	return out, count, nil
}

// CreateComment comments on a note the viewer may see, or answers a
// comment on it (answers to answers join the same comment). The note's
// authors and the people who commented before hear of it, each only if
// they may see the note.
func (s *Service) CreateComment(ctx context.Context, v maillage.Viewer, noteID string, in maillage.CommentInput) (*maillage.NoteComment, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	n, err := s.Note(ctx, v, noteID)
	if err != nil {
		return nil, err
	}
	access := n.Access()
	if !maillage.CanComment(v, access) {
		return nil, maillage.ErrForbidden
	}
	in.Body = maillage.CleanText(in.Body)
	if err := in.Validate(); err != nil {
		return nil, err
	}
	c := &maillage.NoteComment{ID: auth.NewID(), NoteID: n.ID, AuthorID: v.UserID, Body: in.Body}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if in.ParentID != "" {
			parent, err := tx.Comment(ctx, in.ParentID)
			if err != nil || parent.NoteID != n.ID || parent.Deleted() || !maillage.CanViewComment(v, parent.Access(access)) {
				return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
					Fields: []maillage.FieldError{{Field: "parent_id", MessageID: "contribute.comment.unknown_parent"}}}
			}
			c.ParentID = parent.ID
			if parent.ParentID != "" {
				c.ParentID = parent.ParentID
			}
		}
		commenters, err := tx.CommenterIDs(ctx, n.ID)
		if err != nil {
			return err
		}
		if err := tx.CreateComment(ctx, c); err != nil {
			return err
		}
		recipients := append(n.AuthorIDs(), commenters...)
		slices.Sort(recipients)
		return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
			Kind: maillage.EventNoteComment, ActorID: v.UserID,
			SubjectType: maillage.SubjectNote, SubjectID: n.ID, CommunityID: n.CommunityID,
			RecipientIDs: excludeActor(slices.Compact(recipients), v.UserID),
		})
	})
	if err != nil {
		return nil, err
	}
	c.AuthorName = s.commentAuthorName(ctx, v)
	return c, nil
}

// commentAuthorName is the viewer's own name, for the comment they just wrote.
func (s *Service) commentAuthorName(ctx context.Context, v maillage.Viewer) string {
	u, err := s.db.User(ctx, v.UserID)
	if err != nil {
		return ""
	}
	return u.Name
}

// commentOf loads a comment the viewer may see with its note: not found
// otherwise, like an absent one.
func (s *Service) commentOf(ctx context.Context, v maillage.Viewer, id string) (*maillage.NoteComment, *maillage.Note, error) {
	c, err := s.db.Comment(ctx, v, id)
	if err != nil {
		return nil, nil, err
	}
	n, err := s.Note(ctx, v, c.NoteID)
	if err != nil {
		return nil, nil, err
	}
	if c.Deleted() || !maillage.CanViewComment(v, c.Access(n.Access())) {
		return nil, nil, maillage.ErrNotFound
	}
	return c, n, nil
}

// SetCommentHidden hides a comment on a note from everyone but its author
// and the note's authors, or shows it again: the note's authors moderate
// the comments on their note.
func (s *Service) SetCommentHidden(ctx context.Context, v maillage.Viewer, id string, hidden bool) (*maillage.NoteComment, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	c, n, err := s.commentOf(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanModerateComments(v, n.Access()) {
		return nil, maillage.ErrForbidden
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetCommentHidden(ctx, c.ID, hidden) })
	c.Hidden = hidden
	return c, err
}

// DeleteComment deletes a comment: its author, or one of the note's
// authors. A comment with answers leaves an empty place for them.
func (s *Service) DeleteComment(ctx context.Context, v maillage.Viewer, id string) (*maillage.NoteComment, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	c, n, err := s.commentOf(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if c.AuthorID != v.UserID && !maillage.CanModerateComments(v, n.Access()) {
		return nil, maillage.ErrForbidden
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.DeleteComment(ctx, c.ID)
		return err
	})
	return c, err
}
