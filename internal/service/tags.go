package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// findTag turns what a URL or filter names (a slug, an old slug, a
// synonym's slug, or a label in either language) into the live tag it
// means, and whether the name was an old one that should redirect.
func (s *Service) findTag(ctx context.Context, name string) (*maillage.Tag, bool, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > maillage.MaxTagLen*4 {
		return nil, false, maillage.ErrNotFound
	}
	t, redirected, err := s.db.ResolveTagSlug(ctx, name)
	if maillage.IsNotFound(err) {
		t, err = s.db.TagByLabel(ctx, name)
		// A label is not the tag's URL: the page answers at its slug.
		redirected = err == nil && t.Slug != name
	}
	return t, redirected, err
}

// resolveTag turns a filter's tag (a label or a slug) into a tag ID.
// ok is false when a tag was asked for but does not exist: the filtered
// list is then empty, not unfiltered.
func (s *Service) resolveTag(ctx context.Context, tag string) (id string, ok bool, err error) {
	ids, ok, err := s.tagFilter(ctx, tag, false)
	if len(ids) == 0 {
		return "", ok, err
	}
	return ids[0], ok, err
}

// tagFilter is resolveTag for lists that may take in the tag's
// descendants too: the tag's ID first, then its descendants'.
func (s *Service) tagFilter(ctx context.Context, tag string, descendants bool) ([]string, bool, error) {
	if strings.TrimSpace(tag) == "" {
		return nil, true, nil
	}
	t, _, err := s.findTag(ctx, tag)
	if maillage.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	ids := []string{t.ID}
	if descendants {
		more, err := s.db.TagDescendantIDs(ctx, t.ID)
		if err != nil {
			return nil, false, err
		}
		ids = append(ids, more...)
	}
	return ids, true, nil
}

// ResolveTag returns the live tag a slug or label names, if the viewer
// may see it (maillage.CanViewTag), and whether the name is an old one
// (a merged or renamed tag's slug, a synonym's, a label): its page then
// answers with a permanent redirect. Checking visibility first keeps a
// redirect from confirming a tag the viewer may not know of.
func (s *Service) ResolveTag(ctx context.Context, v maillage.Viewer, name string) (*maillage.Tag, bool, error) {
	t, redirected, err := s.findTag(ctx, name)
	if err != nil {
		return nil, false, err
	}
	vis, err := s.db.TagsVisibility(ctx, v, []string{t.ID})
	if err != nil {
		return nil, false, err
	}
	if !vis[t.ID].Visible {
		return nil, false, maillage.ErrNotFound
	}
	t.Uses = vis[t.ID].Uses
	return t, redirected, nil
}

// TagPage is what carries a tag, as the viewer may see it, with the
// tag's place in the taxonomy.
type TagPage struct {
	Tag maillage.Tag
	// Ancestors run from the root down to the parent.
	Ancestors []maillage.Tag
	Children  []maillage.Tag
	Related   []maillage.Tag
	Synonyms  []maillage.TagSynonym
	// TermNote is the lexicon-term note defining the tag, when the viewer
	// may read it.
	TermNote *maillage.NoteRef
	// Descendants says the lists and counts take in the tags below.
	Descendants bool
	// Counts counts by kind what carries the tag that the viewer may see.
	Counts maillage.TagCounts

	People             []maillage.User
	PeopleTotal        int
	Organizations      []maillage.Organization
	OrganizationsTotal int
	// Actors are the cards the viewer may see.
	Actors           []maillage.Actor
	ActorsTotal      int
	Communities      []maillage.Community
	CommunitiesTotal int
	Notes            []maillage.NoteSummary
	NotesTotal       int
	Notebooks        []maillage.Notebook
	NotebooksTotal   int
}

// Parent returns the tag's parent, or nil.
func (p *TagPage) Parent() *maillage.Tag {
	if len(p.Ancestors) == 0 {
		return nil
	}
	return &p.Ancestors[len(p.Ancestors)-1]
}

// TagPageOptions says how much a tag page shows.
type TagPageOptions struct {
	// PerList is how many items of each kind are listed.
	PerList int
	// Descendants takes in what carries the tags below this one.
	Descendants bool
}

// Tag returns a tag by slug (or label) with the first items carrying it.
// Every list and count goes through the access policy. Old slugs resolve
// here too; pages redirect them first with ResolveTag.
func (s *Service) Tag(ctx context.Context, v maillage.Viewer, slug string, perList int) (*TagPage, error) {
	return s.TagPage(ctx, v, slug, TagPageOptions{PerList: perList})
}

// TagPage is Tag with options.
func (s *Service) TagPage(ctx context.Context, v maillage.Viewer, slug string, o TagPageOptions) (*TagPage, error) {
	t, _, err := s.ResolveTag(ctx, v, slug)
	if err != nil {
		return nil, err
	}
	p := &TagPage{Tag: *t, Descendants: o.Descendants}
	if err := s.fillTaxonomy(ctx, v, p); err != nil {
		return nil, err
	}
	ids := []string{t.ID}
	if o.Descendants {
		more, err := s.db.TagDescendantIDs(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		ids = append(ids, more...)
	}
	if p.Counts, err = s.db.TagCounts(ctx, v, ids); err != nil {
		return nil, err
	}
	lim := o.PerList
	if p.People, p.PeopleTotal, err = s.People(ctx, v, PeopleFilter{Tag: t.Slug, Descendants: o.Descendants, Page: Page{Limit: lim}}); err != nil {
		return nil, err
	}
	if p.Organizations, p.OrganizationsTotal, err = s.db.Organizations(ctx, store.OrganizationFilter{TagIDs: ids, Limit: lim}); err != nil {
		return nil, err
	}
	if p.Actors, p.ActorsTotal, err = s.db.Actors(ctx, v, store.ActorFilter{TagIDs: ids, Limit: lim}); err != nil {
		return nil, err
	}
	if p.Communities, p.CommunitiesTotal, err = s.db.Communities(ctx, v, store.CommunityFilter{TagIDs: ids, Limit: lim}); err != nil {
		return nil, err
	}
	if p.Notes, p.NotesTotal, err = s.Notes(ctx, v, NoteFilter{Tag: t.Slug, Descendants: o.Descendants, Page: Page{Limit: lim}}); err != nil {
		return nil, err
	}
	if p.Notebooks, p.NotebooksTotal, err = s.db.Notebooks(ctx, v, store.NotebookFilter{TagIDs: ids, Limit: lim}); err != nil {
		return nil, err
	}
	return p, nil
}

// fillTaxonomy adds the tag's parents, children, related tags, synonyms
// and defining note. Curated tags are public; free ones never sit in the
// hierarchy, so nothing here reveals a tag the viewer may not see.
func (s *Service) fillTaxonomy(ctx context.Context, v maillage.Viewer, p *TagPage) error {
	t := p.Tag
	anc, err := s.db.TagAncestors(ctx, t.ID)
	if err != nil {
		return err
	}
	for i := len(anc) - 1; i >= 0; i-- {
		p.Ancestors = append(p.Ancestors, anc[i])
	}
	kids, err := s.db.TagChildren(ctx, t.ID)
	if err != nil {
		return err
	}
	for _, k := range kids[t.ID] {
		if k.Curated() {
			p.Children = append(p.Children, k)
		}
	}
	rel, err := s.db.TagRelated(ctx, t.ID)
	if err != nil {
		return err
	}
	for _, r := range rel[t.ID] {
		if r.Curated() && r.MergedInto == "" {
			p.Related = append(p.Related, r)
		}
	}
	syn, err := s.db.TagSynonyms(ctx, t.ID)
	if err != nil {
		return err
	}
	p.Synonyms = syn[t.ID]
	if t.TermNoteID != "" {
		if n, err := s.Note(ctx, v, t.TermNoteID); err == nil {
			p.TermNote = &maillage.NoteRef{ID: n.ID, Title: n.Title}
		} else if !maillage.IsNotFound(err) {
			return err
		}
	}
	return nil
}

// AutocompleteTags suggests the existing tags the viewer may see for
// what is being typed: curated tags first (by label, English label or
// synonym), then free tags by the uses the viewer may see. Deprecated
// tags are not suggested.
func (s *Service) AutocompleteTags(ctx context.Context, v maillage.Viewer, prefix string, n int) ([]maillage.Tag, error) {
	if len(prefix) > maillage.MaxTagLen*4 {
		return nil, nil
	}
	return s.tags.suggest(ctx, s.db, v, prefix, n)
}
