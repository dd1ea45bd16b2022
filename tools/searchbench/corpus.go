package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// corpus is every search document of the database, as the server's index
// would be fed, and what the query set needs to know about the data.
type corpus struct {
	Docs   []search.Document
	ByKind map[search.Kind]int
	// LoadTime is how long the store took to hand every document over.
	LoadTime time.Duration
}

// loadBatch is how many documents the store hands over at a time.
const loadBatch = 1000

// loadCorpus reads every document of every kind through the store, the
// same path the server's indexer takes.
func loadCorpus(ctx context.Context, db *store.DB) (*corpus, error) {
	c := &corpus{ByKind: map[search.Kind]int{}}
	start := time.Now()
	for _, k := range search.Kinds() {
		err := db.EachSearchDocument(ctx, k, loadBatch, func(docs []search.Document) error {
			c.Docs = append(c.Docs, docs...)
			c.ByKind[k] += len(docs)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load %s documents: %w", k, err)
		}
	}
	c.LoadTime = time.Since(start)
	return c, nil
}

// viewer is someone searching: their audience keys for the in-process
// engines, and who they are for the HTTP run.
type viewer struct {
	UserID string // empty: anonymous
	Keys   []string
	// Communities is how many communities the person belongs to.
	Communities int
}

// anonymous is the viewer of the public classes: what anyone sees.
func anonymous() viewer {
	return viewer{Keys: maillage.Anonymous().AudienceKeys()}
}

// busiestMember picks the generated person who belongs to the most
// communities (ties broken by ID, so the pick is stable): the viewer with
// the most private audiences, the worst case of the visibility filter.
func busiestMember(ctx context.Context, db *store.DB, docs []search.Document) (viewer, error) {
	var ids []string
	for _, d := range docs {
		if d.Kind == search.KindUser {
			ids = append(ids, d.ID)
		}
	}
	sort.Strings(ids)
	best, bestRoles := "", map[string]maillage.Role(nil)
	for _, id := range ids {
		roles, err := db.CommunityRoles(ctx, id)
		if err != nil {
			return viewer{}, fmt.Errorf("community roles: %w", err)
		}
		if len(roles) > len(bestRoles) {
			best, bestRoles = id, roles
		}
	}
	if best == "" {
		return viewer{}, fmt.Errorf("no person belongs to a community")
	}
	v := maillage.Viewer{UserID: best, Roles: bestRoles}
	return viewer{UserID: best, Keys: v.AudienceKeys(), Communities: len(bestRoles)}, nil
}

// tagFilter is a tag as the search API takes it (a slug) and as the
// engines filter on it (the tag and its descendants, as the server expands
// it).
type tagFilter struct {
	Slug string
	IDs  []string
}

// tagFilters resolves the tag IDs the query set filters on.
func tagFilters(ctx context.Context, db *store.DB, ids []string) (map[string]tagFilter, error) {
	out := make(map[string]tagFilter, len(ids))
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		t, err := db.Tag(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("tag %s: %w", id, err)
		}
		below, err := db.TagDescendantIDs(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("tag %s: %w", id, err)
		}
		out[id] = tagFilter{Slug: t.Slug, IDs: append([]string{id}, below...)}
	}
	return out, nil
}
