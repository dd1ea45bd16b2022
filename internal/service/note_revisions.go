package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
)

// NoteRevisions lists a note's saved versions, newest first, for its
// authors (others who can see the note are refused, 403).
func (s *Service) NoteRevisions(ctx context.Context, v maillage.Viewer, id string) (*maillage.Note, []maillage.NoteRevision, error) {
	n, err := s.editableNote(ctx, v, id)
	if err != nil {
		return nil, nil, err
	}
	revs, err := s.db.NoteRevisions(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return n, revs, nil
}

// NoteRevision returns one saved version of a note, for its authors.
func (s *Service) NoteRevision(ctx context.Context, v maillage.Viewer, id string, number int) (*maillage.NoteRevision, error) {
	if _, err := s.editableNote(ctx, v, id); err != nil {
		return nil, err
	}
	return s.db.NoteRevision(ctx, id, number)
}

// DiffAgainst names what a revision is compared with.
type DiffAgainst string

// What a revision is compared with.
const (
	// AgainstCurrent compares the revision with the note as it is now.
	AgainstCurrent DiffAgainst = "current"
	// AgainstPrevious shows what the revision itself changed.
	AgainstPrevious DiffAgainst = "previous"
)

// NoteDiff is the difference between two versions of a note.
type NoteDiff struct {
	Note     *maillage.Note
	Revision *maillage.NoteRevision
	Against  DiffAgainst
	// OldLabel and NewLabel name the sides: a revision number, or 0 for
	// the current version (new side) or nothing before (old side).
	OldNumber, NewNumber int
	OldTitle, NewTitle   string
	OldSummary           string
	NewSummary           string
	Lines                []DiffLine
	// Same is true when the two versions have the same title, summary and body.
	Same bool
}

// NoteDiff compares revision number of a note with the current note or
// with the revision before it (an empty note before the first), for the
// note's authors.
func (s *Service) NoteDiff(ctx context.Context, v maillage.Viewer, id string, number int, against DiffAgainst) (*NoteDiff, error) {
	n, err := s.editableNote(ctx, v, id)
	if err != nil {
		return nil, err
	}
	rev, err := s.db.NoteRevision(ctx, id, number)
	if err != nil {
		return nil, err
	}
	d := &NoteDiff{Note: n, Revision: rev, Against: against}
	var oldTitle, oldSummary, oldBody, newTitle, newSummary, newBody string
	if against == AgainstPrevious {
		d.NewNumber = rev.Number
		newTitle, newSummary, newBody = rev.Title, rev.Summary, rev.Body
		if rev.Number > 1 {
			prev, err := s.db.NoteRevision(ctx, id, rev.Number-1)
			if err != nil && !maillage.IsNotFound(err) {
				return nil, err
			}
			if prev != nil {
				d.OldNumber = prev.Number
				oldTitle, oldSummary, oldBody = prev.Title, prev.Summary, prev.Body
			}
		}
	} else {
		d.Against = AgainstCurrent
		d.OldNumber = rev.Number
		oldTitle, oldSummary, oldBody = rev.Title, rev.Summary, rev.Body
		newTitle, newSummary, newBody = n.Title, n.Summary, n.Body
	}
	d.OldTitle, d.NewTitle, d.OldSummary, d.NewSummary = oldTitle, newTitle, oldSummary, newSummary
	d.Same = oldTitle == newTitle && oldSummary == newSummary && oldBody == newBody
	if oldBody != newBody {
		d.Lines = lineDiff(oldBody, newBody)
	}
	return d, nil
}

// RestoreNoteRevision brings back the title, summary and body of a
// revision (settings such as visibility stay as they are now), as a new
// revision. version is the note's version the restorer saw; a stale one
// is refused like any concurrent edit.
func (s *Service) RestoreNoteRevision(ctx context.Context, v maillage.Viewer, id string, number, version int) (*maillage.Note, error) {
	n, err := s.editableNote(ctx, v, id)
	if err != nil {
		return nil, err
	}
	rev, err := s.db.NoteRevision(ctx, id, number)
	if err != nil {
		return nil, err
	}
	in := InputOf(n)
	in.Title, in.Summary, in.Body = rev.Title, rev.Summary, rev.Body
	in.Version = version
	if version == 0 {
		in.Version = n.Version
	}
	return s.UpdateNote(ctx, v, id, in)
}

// InputOf returns the form of a note as it is, to start an edit from.
// The writer is always an author, so AuthorIDs lists all the authors.
func InputOf(n *maillage.Note) maillage.NoteInput {
	tags := make([]string, len(n.Tags))
	for i, t := range n.Tags {
		tags[i] = t.Label
	}
	return maillage.NoteInput{
		Title: n.Title, Body: n.Body, Summary: n.Summary, Kind: string(n.Kind), Visibility: string(n.Visibility),
		CommunityID: n.CommunityID, OrganizationID: n.OrganizationID, PersonUserID: n.PersonUserID,
		AuthorsAreManagers: n.AuthorsAreManagers, License: string(n.License), Tags: tags,
		AuthorIDs: n.AuthorIDs(), Version: n.Version,
	}
}
