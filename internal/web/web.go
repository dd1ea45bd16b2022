// Package web is Maillage's server-rendered HTML front end: the route
// table, one handler file per area, html/template pages and embedded
// static files. Every rule about who may see or do what lives in the
// service layer; handlers parse forms, call a service method and render.
package web

import (
	"errors"
	"fmt"
	"github.com/maillage/maillage/internal/discovery"
	"log/slog"
	"net/http"

	"github.com/alexedwards/scs/v2"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/service"
)

// Options are what the front end needs from the program that mounts it.
type Options struct {
	Service    *service.Service
	Bundle     *i18n.Bundle
	Sessions   *scs.SessionManager // store: store.SessionStore; created by the app
	Logger     *slog.Logger
	BaseURL    string
	TrustProxy bool
}

// maxFormBytes caps a form submission: the longest form (a community or
// organisation description) is well under this.
const maxFormBytes = 1 << 20

// server holds the dependencies shared by all handlers. It is read-only
// after New, so handlers may run concurrently.
type server struct {
	svc        *service.Service
	disc       *discovery.Discovery
	bundle     *i18n.Bundle
	sessions   *scs.SessionManager
	log        *slog.Logger
	baseURL    string
	trustProxy bool
	static     *staticFiles
	tmpl       *templates
}

// New parses every template and indexes the static files at start-up, so
// a broken page stops the program instead of failing on first visit, and
// returns the handler serving all HTML routes and static files.
func New(o Options) (http.Handler, error) {
	if o.Service == nil || o.Bundle == nil || o.Sessions == nil {
		return nil, errors.New("web: Service, Bundle and Sessions are required")
	}
	s := &server{
		svc: o.Service, bundle: o.Bundle, sessions: o.Sessions, log: o.Logger,
		disc:    discovery.New(o.Service.GraphIndex(), o.Service),
		baseURL: o.BaseURL, trustProxy: o.TrustProxy,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	var err error
	if s.static, err = newStaticFiles(); err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	if s.tmpl, err = parseTemplates(s.static); err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	return s.routes(), nil
}

// pageMiddleware wraps the pages. Order matters: the session is loaded
// first, then the viewer and language (which read the session), then the
// UTF-8 guard and cross-origin protection (whose answers are translated
// pages), then the body limit.
func (s *server) pageMiddleware(pages http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	return httpx.Chain(pages,
		s.sessions.LoadAndSave,
		s.loadViewer,
		httpx.ValidUTF8(http.HandlerFunc(s.notFound)),
		cop.Handler,
		httpx.MaxBodyBytes(maxFormBytes),
	)
}
