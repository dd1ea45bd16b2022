package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

func (s *server) forgotForm(w http.ResponseWriter, r *http.Request) {
	s.renderForgot(w, r, http.StatusOK, newForm(nil), r.URL.Query().Get("sent") == "1")
}

func (s *server) renderForgot(w http.ResponseWriter, r *http.Request, status int, f *form, sent bool) {
	s.render(w, r, status, view{Template: "password_forgot", Title: state(r).L.T("web.forgot.title"), Form: f,
		Data: map[string]any{"Sent": sent}})
}

// forgot asks for a reset link. The answer is the same whether or not the
// address has an account, so the form cannot be used to find out.
func (s *server) forgot(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	err := s.svc.RequestPasswordReset(r.Context(), trimmed(r, "email"))
	if err != nil {
		f := newForm(r.PostForm)
		if maillage.ErrorCode(err) == maillage.CodeInvalid && f.apply(state(r).L, err) {
			s.renderForgot(w, r, http.StatusUnprocessableEntity, f, false)
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/password/forgot?sent=1", http.StatusSeeOther)
}

func (s *server) resetForm(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	info, err := s.svc.EmailLink(r.Context(), token, service.LinkReset)
	if err != nil && !maillage.IsNotFound(err) {
		s.fail(w, r, err)
		return
	}
	if info != nil {
		r = s.inAccountLanguage(w, r, info.Language)
	}
	if info == nil || !info.Valid {
		s.renderLinkExpired(w, r, http.StatusOK, service.LinkReset, info)
		return
	}
	s.renderReset(w, r, http.StatusOK, newForm(url.Values{"token": {token}}))
}

func (s *server) renderReset(w http.ResponseWriter, r *http.Request, status int, f *form) {
	s.render(w, r, status, view{Template: "password_reset", Title: state(r).L.T("web.reset.title"), Form: f})
}

// reset sets the new password, which ends every session of the person
// (this device's too) and revokes their API tokens, then asks them to sign
// in with it: typing it once more helps remember it.
func (s *server) reset(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	_, err := s.svc.ResetPassword(r.Context(), r.PostForm.Get("token"), r.PostForm.Get("password"))
	if err != nil {
		f := newForm(url.Values{"token": {r.PostForm.Get("token")}})
		if !f.apply(state(r).L, err) {
			s.fail(w, r, err)
			return
		}
		f.Extra["LinkInvalid"] = len(maillage.AsError(err).Fields) == 0
		s.renderReset(w, r, formStatus(err), f)
		return
	}
	s.redirect(w, r, "/signin", "security.reset_done")
}

func (s *server) passwordForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderPassword(w, r, http.StatusOK, newForm(nil))
}

func (s *server) renderPassword(w http.ResponseWriter, r *http.Request, status int, f *form) {
	s.render(w, r, status, view{Template: "settings_password", Title: state(r).L.T("web.settings.password_title"), Nav: "settings", Form: f})
}

func (s *server) changePassword(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	epoch, err := s.svc.ChangePassword(r.Context(), state(r).Viewer, r.PostForm.Get("current_password"), r.PostForm.Get("password"))
	if err != nil {
		f := newForm(nil)
		if !f.apply(state(r).L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderPassword(w, r, formStatus(err), f)
		return
	}
	// Every other session ended; this one stays, on a fresh token.
	if err := s.keepSession(r, epoch); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.redirect(w, r, "/settings/password", "security.password_changed")
}

// signOutEverywhere ends every other session of the signed-in person.
func (s *server) signOutEverywhere(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	epoch, err := s.svc.SignOutEverywhere(r.Context(), state(r).Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.keepSession(r, epoch); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.redirect(w, r, "/settings/password", "security.signed_out_elsewhere")
}
