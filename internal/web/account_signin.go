package web

import (
	"fmt"
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// Session keys of a signed-in session: who, and the person's session
// epoch when it started (a password change moves the epoch on, which
// ends every session still carrying the old one).
const (
	sessionUserID = "user_id"
	sessionEpoch  = "session_epoch"
)

func (s *server) signInForm(w http.ResponseWriter, r *http.Request) {
	next := localPath(r.URL.Query().Get("next"))
	if state(r).Viewer.SignedIn() {
		http.Redirect(w, r, orHome(next), http.StatusSeeOther)
		return
	}
	f := newForm(map[string][]string{"next": {next}})
	// Just confirmed on this device: the address is filled in already.
	if email := s.sessions.PopString(r.Context(), sessionSignInEmail); email != "" {
		f.Values.Set("email", email)
		f.Extra["Confirmed"] = true
	}
	s.renderSignIn(w, r, http.StatusOK, f)
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
	in, err := s.svc.Authenticate(r.Context(), trimmed(r, "email"), r.PostForm.Get("password"), s.client(r))
	if err != nil {
		e := maillage.AsError(err)
		f := newForm(r.PostForm)
		f.Values.Del("password")
		switch e.Code {
		case maillage.CodeUnauthorized:
			f.Message = st.L.T(e.MessageID)
			s.renderSignIn(w, r, http.StatusUnauthorized, f)
		case maillage.CodeForbidden:
			// The address is not confirmed yet; a new link is on its way.
			f.Message = st.L.T(e.MessageID)
			s.renderSignIn(w, r, http.StatusForbidden, f)
		case maillage.CodeRateLimited:
			f.Message = st.L.T(e.MessageID)
			w.Header().Set("Retry-After", "900")
			s.renderSignIn(w, r, http.StatusTooManyRequests, f)
		default:
			s.fail(w, r, err)
		}
		return
	}
	if err := s.signedIn(w, r, in); err != nil {
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
	s.sessions.Remove(r.Context(), sessionEpoch)
	s.sessions.Remove(r.Context(), sessionAccountLang)
	s.redirect(w, r, "/", "web.signout.done")
}

// startSession signs a person in on a fresh session token, which defeats
// session fixation. epoch is the person's current session epoch.
func (s *server) startSession(r *http.Request, userID string, epoch int64) error {
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	s.sessions.Put(r.Context(), sessionUserID, userID)
	s.sessions.Put(r.Context(), sessionEpoch, epoch)
	return nil
}

// keepSession moves the current session to the person's new epoch after
// they ended every other one, on a fresh token.
func (s *server) keepSession(r *http.Request, epoch int64) error {
	return s.startSession(r, state(r).Viewer.UserID, epoch)
}

func orHome(path string) string {
	if path == "" {
		return "/"
	}
	return path
}
