package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// resolveTag turns a filter's tag (a label or a slug) into a tag ID.
// ok is false when a tag was asked for but does not exist: the filtered
// list is then empty, not unfiltered.
func (s *Service) resolveTag(ctx context.Context, tag string) (id string, ok bool, err error) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return "", true, nil
	}
	t, err := s.db.TagBySlug(ctx, tag)
	if maillage.IsNotFound(err) {
		t, err = s.db.TagByLabel(ctx, tag)
	}
	if maillage.IsNotFound(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return t.ID, true, nil
}

// AutocompleteTags suggests the existing tags the viewer may see for
// what is being typed.
func (s *Service) AutocompleteTags(ctx context.Context, v maillage.Viewer, prefix string, n int) ([]maillage.Tag, error) {
	if len(prefix) > maillage.MaxTagLen*4 {
		return nil, nil
	}
	return s.db.AutocompleteTags(ctx, v, prefix, n)
}

// TagPage is what carries a tag, as the viewer may see it.
type TagPage struct {
	Tag                maillage.Tag
	People             []maillage.User
	PeopleTotal        int
	Organizations      []maillage.Organization
	OrganizationsTotal int
	Communities        []maillage.Community
	CommunitiesTotal   int
	Notes              []maillage.NoteSummary
	NotesTotal         int
}

// Tag returns a tag by slug (or label) with the first items carrying it.
// Every list and count goes through the access policy.
func (s *Service) Tag(ctx context.Context, v maillage.Viewer, slug string, perList int) (*TagPage, error) {
	t, err := s.db.TagBySlug(ctx, slug)
	if maillage.IsNotFound(err) {
		t, err = s.db.TagByLabel(ctx, slug)
	}
	if err != nil {
		return nil, err
	}
	p := &TagPage{Tag: *t}
	if p.People, p.PeopleTotal, err = s.People(ctx, v, PeopleFilter{Tag: t.Slug, Page: Page{Limit: perList}}); err != nil {
		return nil, err
	}
	if p.Organizations, p.OrganizationsTotal, err = s.db.Organizations(ctx, store.OrganizationFilter{TagID: t.ID, Limit: perList}); err != nil {
		return nil, err
	}
	if p.Communities, p.CommunitiesTotal, err = s.db.Communities(ctx, v, store.CommunityFilter{TagID: t.ID, Limit: perList}); err != nil {
		return nil, err
	}
	if p.Notes, p.NotesTotal, err = s.Notes(ctx, v, NoteFilter{Tag: t.Slug, Page: Page{Limit: perList}}); err != nil {
		return nil, err
	}
	access := maillage.TagAccess{Curated: t.Kind == maillage.TagCurated, CreatedBy: t.CreatedBy,
		VisibleUses: p.PeopleTotal + p.OrganizationsTotal + p.CommunitiesTotal + p.NotesTotal}
	if !maillage.CanViewTag(v, access) {
		return nil, maillage.ErrNotFound
	}
	return p, nil
}
