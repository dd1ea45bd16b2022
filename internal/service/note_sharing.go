package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
	"github.com/maillage/maillage/internal/store"
)

// noteAddedToNotebook runs inside the transaction that adds a note to a
// notebook. Followers of the notebook hear of it; when a public note
// enters a public notebook of a public thematic community, the whole
// community is told, because knowledge that nobody hears about stays
// unseen, and the note is posted into the community's discussion (once:
// a note already shared there is not posted again).
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
			// The members are told by the integration event itself; the
			// thread is where they talk about it.
			if _, _, err := s.postNoteThread(ctx, tx, v.UserID, nb.CommunityID, note.ID); err != nil {
				return fmt.Errorf("note added to notebook: %w", err)
			}
		}
	}
	if err := tx.Enqueue(ctx, maillage.JobNotify, ev); err != nil {
		return fmt.Errorf("note added to notebook: %w", err)
	}
	return nil
}

// postNoteThread posts a note into a community's discussion, inside tx:
// the note's title, its summary (or the start of its text) and a link to
// it. A note already shared in the community is not posted again; the
// existing thread's ID is returned with created false.
func (s *Service) postNoteThread(ctx context.Context, tx *store.Tx, authorID, communityID, noteID string) (id string, created bool, err error) {
	if id, err := tx.ThreadByNote(ctx, communityID, noteID); err == nil {
		return id, false, nil
	} else if !maillage.IsNotFound(err) {
		return "", false, err
	}
	n, err := tx.Note(ctx, noteID)
	if err != nil {
		return "", false, err
	}
	t := &maillage.Thread{ID: auth.NewID(), CommunityID: communityID, AuthorID: authorID, NoteID: n.ID,
		Title: previewClip(n.Title, maillage.MaxThreadTitleLen), Body: s.noteThreadBody(n)}
	if err := tx.CreateThread(ctx, t); err != nil {
		return "", false, err
	}
	return t.ID, true, nil
}

// noteThreadBody is the text of a thread sharing a note.
func (s *Service) noteThreadBody(n *maillage.Note) string {
	intro := strings.TrimSpace(n.Summary)
	if intro == "" && n.Body != "" {
		if r, err := s.markup.Render(n.Body, nil); err == nil {
			intro = markup.Excerpt(r.Text, 280)
		}
	}
	link := "[" + strings.NewReplacer("[", "", "]", "").Replace(n.Title) + "](/notes/" + n.ID + ")"
	if intro == "" {
		return "→ " + link
	}
	return intro + "\n\n→ " + link
}

// ShareNote posts a note into a community's discussion in one step. Its
// authors may share it when it belongs to the community (linked to it or
// in one of its notebooks) and the community's members may read it;
// sharing it again answers with the thread already made.
func (s *Service) ShareNote(ctx context.Context, v maillage.Viewer, communityID, noteID string) (*maillage.Thread, error) {
	c, err := s.postableCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	shareErr := func(id string) error {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: id,
			Fields: []maillage.FieldError{{Field: "note_id", MessageID: id}}}
	}
	n, err := s.db.Note(ctx, noteID)
	if maillage.IsNotFound(err) || (err == nil && !maillage.CanViewContent(v, n.Access())) {
		return nil, shareErr("discussion.share_unknown_note")
	}
	if err != nil {
		return nil, err
	}
	if !maillage.CanEditContent(v, n.Access()) {
		return nil, shareErr("discussion.share_not_author")
	}
	// A private note (or one for another community) shared here would show
	// its text to people who may not read it; so would a community note in
	// a public community, whose discussion everyone reads.
	if n.Visibility != maillage.VisibilityPublic && !(n.Visibility == maillage.VisibilityCommunity && n.CommunityID == c.ID &&
		c.Visibility == maillage.VisibilityPrivate) {
		return nil, shareErr("discussion.share_not_readable")
	}
	var id string
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		ok, err := tx.NoteBelongsToCommunity(ctx, c.ID, n.ID)
		if err != nil {
			return err
		}
		if !ok {
			return shareErr("discussion.share_not_in_community")
		}
		var created bool
		if id, created, err = s.postNoteThread(ctx, tx, v.UserID, c.ID, n.ID); err != nil || !created {
			return err
		}
		return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
			Kind: maillage.EventNoteShared, ActorID: v.UserID,
			SubjectType: maillage.SubjectThread, SubjectID: id, CommunityID: c.ID, AllMembers: true,
		})
	})
	if err != nil {
		return nil, err
	}
	return s.Thread(ctx, v, id)
}

// ShareableNotes lists the notes the viewer may share into a community's
// discussion (see ShareNote), for the note picker.
func (s *Service) ShareableNotes(ctx context.Context, v maillage.Viewer, communityID string) ([]maillage.NoteRef, error) {
	if !maillage.CanLinkContentToCommunity(v, communityID) {
		return nil, nil
	}
	return s.db.ShareableNotes(ctx, v.UserID, communityID, 50)
}
