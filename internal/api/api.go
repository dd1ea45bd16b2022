// Package api is Maillage's JSON front end under /api/v1: it reads bearer
// tokens, decodes and checks JSON, calls the service layer and writes JSON
// answers and errors. Access decisions stay in the service and the domain
// policy; this package only translates between HTTP and use cases.
package api

import (
	"context"
	"errors"
	"github.com/maillage/maillage/internal/discovery"
	"log/slog"
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Prefix is where the API is mounted; handlers see full paths.
const Prefix = "/api/v1"

// Options configures the API handler.
type Options struct {
	Service    *service.Service
	Bundle     *i18n.Bundle
	Logger     *slog.Logger
	TrustProxy bool
	// Limits overrides the request budgets; zero fields keep the defaults.
	Limits Limits
}

// Limits are the API's request budgets, counted per account (or per
// client address for anonymous calls): a burst, then so many a minute.
// Reads and writes are counted apart.
type Limits struct {
	ReadsPerMinute, ReadBurst   int
	WritesPerMinute, WriteBurst int
}

// withDefaults fills the budgets left at zero.
func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.ReadsPerMinute, 600)
	def(&l.ReadBurst, 200)
	def(&l.WritesPerMinute, 120)
	def(&l.WriteBurst, 60)
	return l
}

// server holds what every handler needs.
type server struct {
	svc        *service.Service
	disc       *discovery.Discovery
	bundle     *i18n.Bundle
	log        *slog.Logger
	trustProxy bool

	// Requests are limited per account (or per client address for
	// anonymous calls); failed token checks per client address.
	reads     *httpx.RateLimiter
	writes    *httpx.RateLimiter
	badTokens *httpx.RateLimiter

	mux     *http.ServeMux
	handler http.Handler // mux behind the body size limit
	openapi []byte
}

// New builds the API handler. It fails when the route table and the
// OpenAPI document disagree, so a mistake shows at start-up.
func New(o Options) (http.Handler, error) {
	if o.Service == nil || o.Bundle == nil {
		return nil, errors.New("api: Service and Bundle are required")
	}
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	limits := o.Limits.withDefaults()
	s := &server{
		svc: o.Service, bundle: o.Bundle, log: log, trustProxy: o.TrustProxy,
		disc:      discovery.New(o.Service.GraphIndex(), o.Service),
		reads:     httpx.NewRateLimiter(limits.ReadsPerMinute, limits.ReadBurst),
		writes:    httpx.NewRateLimiter(limits.WritesPerMinute, limits.WriteBurst),
		badTokens: httpx.NewRateLimiter(30, 10),
	}
	table := s.routes()
	doc, err := buildOpenAPI(table)
	if err != nil {
		return nil, err
	}
	s.openapi = doc
	s.mux = http.NewServeMux()
	for _, rt := range table {
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	s.mux.HandleFunc(Prefix+"/", s.unmatched)
	// Bodies are capped per route (see wrap): uploads need more than JSON.
	s.handler = httpx.Chain(s.mux, httpx.ValidUTF8(http.HandlerFunc(s.notFound)))
	return s, nil
}

// ServeHTTP sets the headers every answer shares, identifies the caller
// and hands the request to the route table.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Add("Vary", "Authorization, Accept-Language")

	st := &state{viewer: maillage.Anonymous()}
	r = r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
	st.l = s.bundle.Localizer(i18n.Negotiate(r.URL.Query().Get("lang"), "", "", r.Header.Get("Accept-Language")))

	if err := s.authenticate(r, st); err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.allow(r, st) {
		s.fail(w, r, maillage.ErrRateLimited)
		return
	}
	// Renders name a person the caller may not see in the caller's language.
	r = r.WithContext(service.WithHiddenPersonLabel(r.Context(), st.l.T("markup.hidden_person")))
	s.handler.ServeHTTP(w, r)
}

// state is what the API knows about the current request.
type state struct {
	viewer maillage.Viewer
	user   *maillage.User
	l      *i18n.Localizer
}

type stateKey struct{}

func stateOf(r *http.Request) *state {
	if st, ok := r.Context().Value(stateKey{}).(*state); ok {
		return st
	}
	return &state{viewer: maillage.Anonymous()}
}

// viewerOf returns who is calling.
func viewerOf(r *http.Request) maillage.Viewer { return stateOf(r).viewer }

// errBadToken is a token that is malformed, unknown or revoked.
var errBadToken = maillage.Errorf(maillage.CodeUnauthorized, "api.bad_token")

// authenticate reads the bearer token, if any. No header is an anonymous
// call; a header that does not name a live token is refused, so a client
// never silently falls back to public data.
func (s *server) authenticate(r *http.Request, st *state) error {
	header := r.Header.Get("Authorization")
	if header == "" {
		return nil
	}
	scheme, token, ok := strings.Cut(header, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return errBadToken
	}
	ip := httpx.ClientIP(r, s.trustProxy)
	userID, err := s.svc.AuthenticateToken(r.Context(), token)
	if maillage.ErrorCode(err) == maillage.CodeUnauthorized {
		if !s.badTokens.Allow("ip:" + ip) {
			return maillage.ErrRateLimited
		}
		return errBadToken
	}
	if err != nil {
		return err
	}
	v, u, err := s.svc.Viewer(r.Context(), userID)
	if err != nil {
		return err
	}
	if !v.SignedIn() {
		return errBadToken
	}
	st.viewer, st.user = v, u
	st.l = s.bundle.Localizer(i18n.Negotiate(r.URL.Query().Get("lang"), "", u.Language, r.Header.Get("Accept-Language")))
	return nil
}

// allow applies the rate limits: reads and writes have separate budgets,
// counted per account, or per client address for anonymous calls.
func (s *server) allow(r *http.Request, st *state) bool {
	key := "ip:" + httpx.ClientIP(r, s.trustProxy)
	if st.viewer.SignedIn() {
		key = "user:" + st.viewer.UserID
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return s.reads.Allow(key)
	default:
		return s.writes.Allow(key)
	}
}

// notFound answers like any absent resource.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) { s.fail(w, r, maillage.ErrNotFound) }
