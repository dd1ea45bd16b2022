package web

import (
	"fmt"
	"net/http"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/maillage"
)

func (s *server) signInForm(w http.ResponseWriter, r *http.Request) {
	next := localPath(r.URL.Query().Get("next"))
	if state(r).Viewer.SignedIn() {
		http.Redirect(w, r, orHome(next), http.StatusSeeOther)
		return
	}
	s.renderSignIn(w, r, http.StatusOK, newForm(map[string][]string{"next": {next}}))
}

func (s *server) renderSignIn(w http.ResponseWriter, r *http.Request, status int, f *form) {
	s.render(w, r, status, view{Template: "signin", Title: state(r).L.T("web.signin.title"), Nav: "signin", Form: f})
}

func (s *server) signIn(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	u, err := s.svc.SignIn(r.Context(), trimmed(r, "email"), r.PostForm.Get("password"), httpx.ClientIP(r, s.trustProxy))
	if err != nil {
		e := maillage.AsError(err)
		f := newForm(r.PostForm)
		f.Values.Del("password")
		switch e.Code {
		case maillage.CodeUnauthorized:
			f.Message = st.L.T(e.MessageID)
			s.renderSignIn(w, r, http.StatusUnauthorized, f)
		case maillage.CodeRateLimited:
			f.Message = st.L.T(e.MessageID)
			w.Header().Set("Retry-After", "60")
			s.renderSignIn(w, r, http.StatusTooManyRequests, f)
		default:
			s.fail(w, r, err)
		}
		return
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, orHome(localPath(r.PostForm.Get("next"))), http.StatusSeeOther)
}

// signOut ends the session. The token is renewed so the old cookie is
// worthless even if it was copied.
func (s *server) signOut(w http.ResponseWriter, r *http.Request) {
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		s.serverError(w, r, fmt.Errorf("sign out: %w", err))
		return
	}
	s.sessions.Remove(r.Context(), sessionUserID)
	s.redirect(w, r, "/", "web.signout.done")
}

// startSession signs a person in on a fresh session token, which defeats
// session fixation.
func (s *server) startSession(r *http.Request, userID string) error {
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	s.sessions.Put(r.Context(), sessionUserID, userID)
	return nil
}

func orHome(path string) string {
	if path == "" {
		return "/"
	}
	return path
}
