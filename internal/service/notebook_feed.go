package service

import (
	"context"
	"html/template"
	"strings"

	"github.com/maillage/maillage/internal/feed"
	"github.com/maillage/maillage/internal/maillage"
)

// maxFeedEntries is how many notes a notebook's feed carries.
const maxFeedEntries = 50

// NotebookTexts are a notebook's description and writing guide rendered
// for one viewer: wiki links and mentions resolve to what they may see.
type NotebookTexts struct {
	Description template.HTML
	Guide       template.HTML
}

// RenderNotebookTexts renders a notebook's description and guide for the
// viewer. The guide is rendered only for people who may add notes, the
// only ones it is shown to.
func (s *Service) RenderNotebookTexts(ctx context.Context, v maillage.Viewer, nb *maillage.Notebook) (NotebookTexts, error) {
	var out NotebookTexts
	if nb.Description != "" {
		r, err := s.RenderMarkdown(ctx, v, nb.Description, nb.CommunityID)
		if err != nil {
			return out, err
		}
		out.Description = r.HTML
	}
	if nb.Guide != "" && CanContributeToNotebook(v, nb) {
		r, err := s.RenderMarkdown(ctx, v, nb.Guide, nb.CommunityID)
		if err != nil {
			return out, err
		}
		out.Guide = r.HTML
	}
	return out, nil
}

// NotebookFeed builds the Atom feed of a public notebook: its public
// notes, the ones added last first. Feeds are read anonymously, so
// everything is decided as for a visitor whoever asks: a notebook that is
// not public is not found, and only public notes and public profiles
// appear. Links are absolute, from the site's base URL.
func (s *Service) NotebookFeed(ctx context.Context, id string) (*feed.Feed, error) {
	anon := maillage.Anonymous()
	nb, err := s.db.Notebook(ctx, id)
	if err != nil {
		return nil, err
	}
	if nb.Visibility != maillage.VisibilityPublic || !maillage.CanViewContent(anon, nb.Access()) {
		return nil, maillage.ErrNotFound
	}
	items, err := s.db.NotebookFeedItems(ctx, id, maxFeedEntries)
	if err != nil {
		return nil, err
	}
	base := strings.TrimRight(s.baseURL, "/")
	page := base + "/notebooks/" + nb.ID
	f := &feed.Feed{Title: nb.Title, ID: page, Link: page, Self: page + "/feed.atom", Updated: nb.UpdatedAt}
	for _, it := range items {
		n := it.Note
		r, err := s.RenderNote(ctx, anon, &n)
		if err != nil {
			return nil, err
		}
		names := make([]string, len(n.Authors))
		for i, a := range n.Authors {
			names[i] = a.Name
		}
		updated := n.UpdatedAt
		if it.AddedAt.After(updated) {
			updated = it.AddedAt
		}
		if updated.After(f.Updated) {
			f.Updated = updated
		}
		href := base + NoteHref(n.ID)
		f.Entries = append(f.Entries, feed.Entry{ID: href, Title: n.Title, Link: href, Updated: updated, Published: it.AddedAt,
			Author: strings.Join(names, ", "), Summary: n.Summary, ContentHTML: absoluteLinks(string(r.HTML), base)})
	}
	return f, nil
}

// absoluteLinks makes the site-relative links and images of rendered HTML
// absolute, since a feed is read away from the site. The renderer's
// sanitized output always quotes attributes with double quotes.
func absoluteLinks(html, base string) string {
	r := strings.NewReplacer(` href="/`, ` href="`+base+`/`, ` src="/`, ` src="`+base+`/`)
	return r.Replace(html)
}
