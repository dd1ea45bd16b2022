package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// SaveNoteDraft keeps what the viewer is typing in a note's editor
// (noteID "" for a new note), so a closed tab or a lost connection loses
// nothing. Only the note's authors keep drafts of it.
func (s *Service) SaveNoteDraft(ctx context.Context, v maillage.Viewer, noteID, title, body string) (*maillage.NoteDraft, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	if noteID != "" {
		if _, err := s.editableNote(ctx, v, noteID); err != nil {
			return nil, err
		}
	}
	title, body = maillage.CleanLine(title), maillage.CleanText(body)
	var val maillage.Validator
	val.MaxLen("title", title, maillage.MaxNoteTitleLen)
	val.MaxLen("body", body, maillage.MaxNoteBodyLen)
	if err := val.Err(); err != nil {
		return nil, err
	}
	d := &maillage.NoteDraft{Key: noteID, Title: title, Body: body}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.SaveNoteDraft(ctx, v.UserID, d) }); err != nil {
		return nil, err
	}
	return d, nil
}

// NoteDraft returns the viewer's draft of a note when it is worth
// offering: newer than the note's last save (a draft of a new note
// always is). Otherwise not found.
func (s *Service) NoteDraft(ctx context.Context, v maillage.Viewer, noteID string) (*maillage.NoteDraft, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	d, err := s.db.NoteDraft(ctx, v.UserID, noteID)
	if err != nil {
		return nil, err
	}
	if noteID == "" {
		return d, nil
	}
	n, err := s.editableNote(ctx, v, noteID)
	if err != nil {
		return nil, err
	}
	if !d.UpdatedAt.After(n.UpdatedAt) || (d.Title == n.Title && d.Body == n.Body) {
		return nil, maillage.ErrNotFound
	}
	return d, nil
}

// DiscardNoteDraft drops the viewer's draft of a note.
func (s *Service) DiscardNoteDraft(ctx context.Context, v maillage.Viewer, noteID string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNoteDraft(ctx, v.UserID, noteID) })
}
