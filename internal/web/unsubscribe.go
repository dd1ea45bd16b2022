package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// unsubscribeData feeds the unsubscribe page: the question (GET), the
// confirmation (after POST), or the answer to a link that no longer works.
type unsubscribeData struct {
	Scope   *service.UnsubscribeScope
	Action  string
	Done    bool
	Invalid bool
}

// oneClickPages wraps the one-click unsubscribe (RFC 8058): the POST comes
// from a mail provider or a mail client, from anywhere, signed in or not,
// with no Origin of this site. The secret token in the URL is the
// credential, so cross-origin protection is left out here, and only here;
// the rest of the chain is the pages'.
func (s *server) oneClickPages(h http.Handler) http.Handler {
	return httpx.Chain(h,
		s.sessions.LoadAndSave,
		s.loadViewer,
		httpx.ValidUTF8(http.HandlerFunc(s.notFound)),
		httpx.MaxBodyBytes(maxFormBytes),
	)
}

// unsubscribeForm asks to confirm: a GET must change nothing, since mail
// scanners follow links.
func (s *server) unsubscribeForm(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	sc, err := s.svc.UnsubscribeScope(r.Context(), token)
	s.renderUnsubscribe(w, r, sc, err, false)
}

// unsubscribe applies the link: its scope gets no more email.
func (s *server) unsubscribe(w http.ResponseWriter, r *http.Request) {
	sc, err := s.svc.Unsubscribe(r.Context(), r.PathValue("token"))
	s.renderUnsubscribe(w, r, sc, err, true)
}

func (s *server) renderUnsubscribe(w http.ResponseWriter, r *http.Request, sc *service.UnsubscribeScope, err error, done bool) {
	st := state(r)
	status := http.StatusOK
	d := unsubscribeData{Scope: sc, Done: done, Action: "/unsubscribe/" + url.PathEscape(r.PathValue("token"))}
	switch {
	case maillage.IsNotFound(err):
		d.Invalid, status = true, http.StatusNotFound
	case err != nil:
		s.fail(w, r, err)
		return
	case !st.Viewer.SignedIn() && r.URL.Query().Get("lang") == "":
		// The link's owner reads in their own language, signed in or not.
		st = &requestState{Viewer: st.Viewer, User: st.User, L: s.bundle.Localizer(sc.Language)}
		r = r.WithContext(withState(r, st))
	}
	s.render(w, r, status, view{Template: "unsubscribe", Title: st.L.T("notifications.unsubscribe.title"), Data: d})
}
