package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// confirmEmail is the link in the confirmation email.
func (s *server) confirmEmail(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if token == "" {
		s.errorPage(w, r, http.StatusBadRequest, "account.link_invalid", nil)
		return
	}
	if err := s.svc.ConfirmEmail(r.Context(), token); err != nil {
		if maillage.ErrorCode(err) == maillage.CodeInvalid {
			s.errorPage(w, r, http.StatusBadRequest, maillage.AsError(err).MessageID, nil)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/", "web.email.confirmed")
}

func (s *server) resendConfirmation(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	if err := s.svc.ResendConfirmation(r.Context(), state(r).Viewer); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/", "web.email.resent")
}
