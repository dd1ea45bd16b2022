package service

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/feed"
	"github.com/maillage/maillage/internal/maillage"
)

// CommunityFeed builds the Atom feed of a public community: its newest
// threads as a visitor may read them (hidden ones left out), newest first.
// Feeds are read anonymously, so everything is decided as for a visitor
// whoever asks: a private community is not found, exactly like an absent
// one, and only public profiles are named.
func (s *Service) CommunityFeed(ctx context.Context, communityID string) (*feed.Feed, error) {
	anon := maillage.Anonymous()
	c, err := s.db.Community(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if c.Visibility != maillage.VisibilityPublic || !maillage.CanReadCommunity(anon, c.Access()) {
		return nil, maillage.ErrNotFound
	}
	threads, err := s.db.CommunityFeedThreads(ctx, c.ID, maxFeedEntries)
	if err != nil {
		return nil, err
	}
	bodies := make([]string, len(threads))
	for i, t := range threads {
		bodies[i] = t.Body
	}
	html, err := s.RenderPosts(ctx, anon, c.ID, bodies)
	if err != nil {
		return nil, err
	}
	base := strings.TrimRight(s.baseURL, "/")
	page := base + "/communities/" + c.ID
	f := &feed.Feed{Title: c.Name, ID: page, Link: page, Self: page + "/feed.atom", Updated: c.UpdatedAt}
	for i, t := range threads {
		href := base + "/threads/" + t.ID
		updated := t.CreatedAt
		if t.EditedAt != nil {
			updated = *t.EditedAt
		}
		if updated.After(f.Updated) {
			f.Updated = updated
		}
		f.Entries = append(f.Entries, feed.Entry{ID: href, Title: t.Title, Link: href, Updated: updated, Published: t.CreatedAt,
			Author: t.AuthorName, ContentHTML: absoluteLinks(string(html[i]), base)})
	}
	return f, nil
}
