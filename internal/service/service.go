// Package service holds Maillage's use cases, shared by the web front end
// and the JSON API: each method checks the access policy, owns its
// transaction and enqueues the jobs its change causes. Rules live here
// once, never in handlers.
package service

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/graphindex"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
	"github.com/maillage/maillage/internal/preview"
	"github.com/maillage/maillage/internal/ratelimit"
	"github.com/maillage/maillage/internal/searchindex"
	"github.com/maillage/maillage/internal/store"
)

// Service is the use-case layer. Build it with New.
type Service struct {
	db      *store.DB
	hasher  *auth.Hasher
	baseURL string
	log     *slog.Logger
	// markup renders notes and posts; files keeps attachments and covers;
	// preview fetches link previews for posts.
	markup  *markup.Renderer
	files   files.Storage
	preview *preview.Fetcher
	// limits counts sign-in failures, sign-ups and account emails (see
	// account_limits.go), in the database so every app node shares them.
	limits ratelimit.Limiter
	// tags answers tag autocomplete from memory (see tagIndex).
	tags *tagIndex
	// search is the full-text index, kept current from the store's
	// change log (package searchindex).
	search *searchindex.Live
	// graph is the relation graph, rebuilt when the change log moves
	// (package graphindex); package discovery reads it.
	graph *graphindex.Live
}

// Options configures a Service.
type Options struct {
	DB      *store.DB
	Hasher  *auth.Hasher
	BaseURL string
	Logger  *slog.Logger
	// Files keeps uploaded files (note attachments, covers). Required.
	Files files.Storage
	// Markup renders Markdown; nil builds the standard renderer.
	Markup *markup.Renderer
	// Preview fetches link previews; nil builds one that refuses private
	// addresses.
	Preview *preview.Fetcher
	// Limiter counts the account security limits; nil keeps them in DB,
	// shared by every service over the same database.
	Limiter ratelimit.Limiter
}

// New builds a Service.
func New(o Options) *Service {
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	md := o.Markup
	if md == nil {
		md = markup.New()
	}
	pf := o.Preview
	if pf == nil {
		pf = preview.NewFetcher(preview.Options{BaseURL: o.BaseURL})
	}
	limits := o.Limiter
	if limits == nil && o.DB != nil {
		db := o.DB
		limits = ratelimit.NewStore(db, func() time.Time { return db.Now() })
	}
	return &Service{
		db: o.DB, hasher: o.Hasher, baseURL: o.BaseURL, log: log,
		markup: md, files: o.Files, preview: pf, limits: limits,
		tags:   &tagIndex{},
		search: searchindex.New(o.DB, searchindex.Options{Logger: log}),
		graph:  graphindex.New(o.DB, graphindex.Options{Logger: log}),
	}
}

// SearchIndex is the live search index, which the app builds at start-up,
// keeps following and reports on (/readyz).
func (s *Service) SearchIndex() *searchindex.Live { return s.search }

// GraphIndex is the live relation graph, which the app builds at
// start-up and keeps following.
func (s *Service) GraphIndex() *graphindex.Live { return s.graph }

// DB exposes the store to the jobs worker and the demo loader.
func (s *Service) DB() *store.DB { return s.db }

// Viewer loads who is looking: the account's admin flag and community
// roles. An empty userID is the anonymous viewer; a deleted account is too.
func (s *Service) Viewer(ctx context.Context, userID string) (maillage.Viewer, *maillage.User, error) {
	if userID == "" {
		return maillage.Anonymous(), nil, nil
	}
	u, err := s.db.User(ctx, userID)
	if maillage.IsNotFound(err) {
		return maillage.Anonymous(), nil, nil
	}
	if err != nil {
		return maillage.Viewer{}, nil, fmt.Errorf("viewer: %w", err)
	}
	v, err := s.viewerOf(ctx, u)
	return v, u, err
}

// viewerOf loads the community roles of a user.
func (s *Service) viewerOf(ctx context.Context, u *maillage.User) (maillage.Viewer, error) {
	roles, err := s.db.CommunityRoles(ctx, u.ID)
	if err != nil {
		return maillage.Viewer{}, fmt.Errorf("viewer: %w", err)
	}
	return maillage.Viewer{UserID: u.ID, Admin: u.Admin, Curator: u.Curator, Roles: roles}, nil
}

// Page is a window over a long list.
type Page struct {
	Limit  int
	Offset int
}

// requireSignedIn is the first check of every write.
func requireSignedIn(v maillage.Viewer) error {
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	return nil
}
