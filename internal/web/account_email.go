package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

// confirmEmailForm is the link in the confirmation email. It asks for a
// click rather than confirming on the spot, because mail scanners open
// links before people do and would use up the one-time token.
func (s *server) confirmEmailForm(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if token == "" {
		s.errorPage(w, r, http.StatusBadRequest, "account.link_invalid", nil)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "email_confirm", Title: state(r).L.T("web.email.confirm_title"),
		Form: newForm(url.Values{"token": {token}})})
}

// confirmEmail confirms the address with the token of the emailed link.
// On the device that signed up, it signs the person in; anywhere else it
// asks them to sign in.
func (s *server) confirmEmail(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	token := r.PostForm.Get("token")
	if token == "" {
		s.errorPage(w, r, http.StatusBadRequest, "account.link_invalid", nil)
		return
	}
	done, err := s.svc.ConfirmEmail(r.Context(), token, s.client(r))
	if err != nil {
		if maillage.ErrorCode(err) == maillage.CodeInvalid {
			s.errorPage(w, r, http.StatusBadRequest, maillage.AsError(err).MessageID, nil)
			return
		}
		s.fail(w, r, err)
		return
	}
	switch {
	case done.SignedIn != nil && done.JoinedCommunityID != "":
		// Signed up from an emailed invitation: the community is theirs now.
		if err := s.signedIn(w, r, done.SignedIn); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.redirect(w, r, "/communities/"+url.PathEscape(done.JoinedCommunityID), "web.join.joined_signed_in")
	case done.JoinedCommunityID != "" && state(r).Viewer.UserID != done.UserID:
		s.redirect(w, r, "/signin?next="+url.QueryEscape("/communities/"+done.JoinedCommunityID), "web.join.joined_sign_in")
	case done.SignedIn != nil:
		if err := s.signedIn(w, r, done.SignedIn); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.redirect(w, r, "/", "security.confirmed_signed_in")
	case state(r).Viewer.UserID == done.UserID:
		s.redirect(w, r, "/", "web.email.confirmed")
	default:
		s.redirect(w, r, "/signin", "security.confirmed_sign_in")
	}
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
