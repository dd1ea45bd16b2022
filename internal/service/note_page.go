package service

import (
	"context"
	"html/template"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
)

// NotePage is everything a note's page shows, as the viewer may see it.
type NotePage struct {
	Note *maillage.Note
	// HTML is the body rendered for this viewer.
	HTML template.HTML
	// TOC lists the body's headings; pages show it from three on.
	TOC []markup.Heading
	// Authors in order, each with whether the viewer may open their profile.
	Authors     []NotePageAuthor
	Backlinks   []maillage.NoteRef
	Notebooks   []maillage.NoteRef
	Attachments []maillage.Attachment
	// Community is the linked community when the viewer may see it.
	Community *maillage.Community
	// Person is the member a person card describes, when the viewer may
	// see their profile.
	Person *NotePageAuthor
	// Citation is the reference to quote a public note ("" otherwise).
	Citation string
	// URL is the note's public address.
	URL     string
	CanEdit bool
}

// NotePageAuthor is an author as a note's page names them.
type NotePageAuthor struct {
	UserID string
	Name   string
	// Linked is true when the viewer may open the author's profile.
	Linked bool
}

// NotePage gathers a note's page: the note the viewer may see (else not
// found), its body rendered for them, and only the backlinks, notebooks,
// people and community they may see.
func (s *Service) NotePage(ctx context.Context, v maillage.Viewer, id string) (*NotePage, error) {
	n, err := s.Note(ctx, v, id)
	if err != nil {
		return nil, err
	}
	p := &NotePage{Note: n, URL: s.baseURL + NoteHref(n.ID), CanEdit: maillage.CanEditContent(v, n.Access())}
	res, err := s.RenderNote(ctx, v, n)
	if err != nil {
		return nil, err
	}
	p.HTML, p.TOC = res.HTML, res.TOC
	for _, a := range n.Authors {
		linked, err := s.visiblePerson(ctx, v, a.UserID)
		if err != nil {
			return nil, err
		}
		p.Authors = append(p.Authors, NotePageAuthor{UserID: a.UserID, Name: a.Name, Linked: linked})
	}
	if n.PersonUserID != "" {
		u, err := s.db.User(ctx, n.PersonUserID)
		if err != nil && !maillage.IsNotFound(err) {
			return nil, err
		}
		if err == nil && maillage.CanViewProfile(v, u.Access()) {
			p.Person = &NotePageAuthor{UserID: u.ID, Name: u.Name, Linked: true}
		}
	}
	if p.Backlinks, err = s.db.Backlinks(ctx, v, n.ID); err != nil {
		return nil, err
	}
	if p.Notebooks, err = s.db.NoteNotebooks(ctx, v, n.ID); err != nil {
		return nil, err
	}
	if p.Attachments, err = s.db.Attachments(ctx, n.ID); err != nil {
		return nil, err
	}
	if n.CommunityID != "" {
		c, err := s.Community(ctx, v, n.CommunityID)
		switch {
		case err == nil:
			p.Community = c
		case !maillage.IsNotFound(err):
			return nil, err
		}
	}
	if p.Community == nil {
		// A public note may belong to a community the viewer cannot see:
		// its name is not theirs to read.
		n.CommunityName = ""
	}
	if n.Visibility == maillage.VisibilityPublic {
		p.Citation = Citation(n, p.URL)
	}
	return p, nil
}
