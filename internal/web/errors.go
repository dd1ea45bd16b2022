package web

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/maillage"
)

// errorPage is the data of the error template.
type errorPage struct {
	Status    int
	Heading   string
	Message   string
	RequestID string
}

// fail answers with the page matching a domain error. Visitors asked to
// sign in are sent to the sign-in page and brought back afterwards.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := maillage.AsError(err)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		e = maillage.Errorf(maillage.CodeTooLarge, "error.too_large")
	}
	switch e.Code {
	case maillage.CodeUnauthorized:
		if !state(r).Viewer.SignedIn() {
			s.redirectToSignIn(w, r)
			return
		}
		s.errorPage(w, r, http.StatusForbidden, "error.forbidden", nil)
	case maillage.CodeInvalid:
		s.errorPage(w, r, http.StatusBadRequest, e.MessageID, e.Data)
	case maillage.CodeForbidden:
		s.errorPage(w, r, http.StatusForbidden, e.MessageID, e.Data)
	case maillage.CodeNotFound:
		// Always the generic message: absent and invisible look the same.
		s.errorPage(w, r, http.StatusNotFound, "error.not_found", nil)
	case maillage.CodeConflict:
		s.errorPage(w, r, http.StatusConflict, e.MessageID, e.Data)
	case maillage.CodeTooLarge:
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, "error.too_large", nil)
	case maillage.CodeRateLimited:
		w.Header().Set("Retry-After", "60")
		s.errorPage(w, r, http.StatusTooManyRequests, e.MessageID, e.Data)
	default:
		s.serverError(w, r, err)
	}
}

// serverError logs the detail with the request id and shows a calm page
// carrying that id, so a report can be matched to the log.
func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.LogAttrs(r.Context(), slog.LevelError, "web: internal error",
		slog.String("err", err.Error()),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.String("request_id", httpx.RequestIDFrom(r.Context())))
	s.errorPage(w, r, http.StatusInternalServerError, "error.internal", nil)
}

func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, messageID string, data map[string]any) {
	l := state(r).L
	if l == nil {
		l = s.bundle.Localizer("")
		r = r.WithContext(withState(r, &requestState{Viewer: maillage.Anonymous(), L: l}))
	}
	ep := errorPage{
		Status:    status,
		Heading:   l.T("web.error.heading." + statusKey(status)),
		Message:   l.T(messageID, data),
		RequestID: httpx.RequestIDFrom(r.Context()),
	}
	s.render(w, r, status, view{Template: "error", Title: ep.Heading, Data: ep})
}

func statusKey(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "bad_request"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusNotFound:
		return "not_found"
	case http.StatusConflict:
		return "conflict"
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusTooManyRequests:
		return "rate_limited"
	default:
		return "internal"
	}
}

// notFound is the answer for any unknown path.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, "error.not_found", nil)
}

// crossOriginDenied answers a write coming from another site.
func (s *server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusForbidden, "web.error.cross_origin", nil)
}

// redirectToSignIn sends a visitor to the sign-in page, remembering where
// they were going. After a POST, the page the form was on is the better
// destination (the POST itself cannot be replayed by a redirect).
func (s *server) redirectToSignIn(w http.ResponseWriter, r *http.Request) {
	next := r.URL.RequestURI()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		next = ""
		if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
			next = localPath(ref.RequestURI())
		}
	}
	to := "/signin"
	if next != "" && next != "/" {
		to += "?next=" + url.QueryEscape(next)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// requireSignedIn redirects visitors to the sign-in page; it reports
// whether the handler may go on.
func (s *server) requireSignedIn(w http.ResponseWriter, r *http.Request) bool {
	if state(r).Viewer.SignedIn() {
		return true
	}
	s.redirectToSignIn(w, r)
	return false
}

// signedInForm starts every signed-in form handler: it sends visitors to
// sign in, then reads the form, answering any error itself.
func (s *server) signedInForm(w http.ResponseWriter, r *http.Request) bool {
	if !s.requireSignedIn(w, r) {
		return false
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return false
	}
	return true
}
