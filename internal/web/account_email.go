package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// sessionSignInEmail carries a just-confirmed address to the sign-in
// form of the device that confirmed it, so it is filled in already.
const sessionSignInEmail = "signin_email"

// sessionAccountLang is the language of the account whose emailed link
// was opened on this device while signed out: the pages after it speak
// that language until someone signs in or out.
const sessionAccountLang = "account_lang"

// linkData feeds the page of an emailed link that no longer works.
type linkData struct {
	// Purpose is "confirm" or "reset".
	Purpose string
	// Email is the link's address when the link is known ("" otherwise).
	Email string
	// Confirmed: the address is confirmed already; signing in is next.
	Confirmed bool
}

// confirmEmailForm is the link in the confirmation email. It asks for a
// click rather than confirming on the spot, because mail scanners open
// links before people do and would use up the one-time token. The page
// speaks the account's language; a link that served or expired offers a
// new one in one click.
func (s *server) confirmEmailForm(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	info, err := s.svc.EmailLink(r.Context(), token, service.LinkConfirm)
	if err != nil && !maillage.IsNotFound(err) {
		s.fail(w, r, err)
		return
	}
	if info != nil {
		r = s.inAccountLanguage(w, r, info.Language)
	}
	if info == nil || !info.Valid {
		s.renderLinkExpired(w, r, http.StatusOK, service.LinkConfirm, info)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "email_confirm", Title: state(r).L.T("web.email.confirm_title"),
		Form: newForm(url.Values{"token": {token}}), Data: info})
}

// renderLinkExpired answers a link that no longer works: a new one is a
// click away, or signing in when the address is confirmed already.
func (s *server) renderLinkExpired(w http.ResponseWriter, r *http.Request, status int, purpose service.LinkPurpose, info *service.EmailLinkInfo) {
	d := linkData{Purpose: string(purpose)}
	if info != nil {
		d.Email, d.Confirmed = info.Email, purpose == service.LinkConfirm && info.Confirmed
	}
	if d.Confirmed && !state(r).Viewer.SignedIn() {
		s.sessions.Put(r.Context(), sessionSignInEmail, d.Email)
	}
	s.render(w, r, status, view{Template: "link_expired", Title: state(r).L.T("home.link.title_" + d.Purpose), Data: d,
		Form: newForm(url.Values{"email": {d.Email}})})
}

// inAccountLanguage answers in the account's language once a link tells
// it, for someone not signed in: the session remembers it for the pages
// that follow (the language middleware reads it), and an explicit
// ?lang= or a language chosen on this device still wins.
func (s *server) inAccountLanguage(w http.ResponseWriter, r *http.Request, lang string) *http.Request {
	st := state(r)
	if st.Viewer.SignedIn() || lang == "" {
		return r
	}
	s.sessions.Put(r.Context(), sessionAccountLang, lang)
	if r.URL.Query().Get("lang") != "" {
		return r
	}
	if _, err := r.Cookie(langCookie); err == nil {
		return r
	}
	st = &requestState{Viewer: st.Viewer, User: st.User, L: s.bundle.Localizer(lang)}
	return r.WithContext(withState(r, st))
}

// confirmEmail confirms the address with the token of the emailed link.
// On the device that signed up, it signs the person in; anywhere else it
// says the address is confirmed and offers to sign in, address filled in.
func (s *server) confirmEmail(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	token := r.PostForm.Get("token")
	done, err := s.svc.ConfirmEmail(r.Context(), token, s.client(r))
	if maillage.ErrorCode(err) == maillage.CodeInvalid {
		info, lerr := s.svc.EmailLink(r.Context(), token, service.LinkConfirm)
		if lerr != nil && !maillage.IsNotFound(lerr) {
			s.fail(w, r, lerr)
			return
		}
		s.renderLinkExpired(w, r, http.StatusBadRequest, service.LinkConfirm, info)
		return
	}
	if err != nil {
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
		s.inAccountLanguage(w, r, done.Language)
		if !state(r).Viewer.SignedIn() {
			s.sessions.Put(r.Context(), sessionSignInEmail, done.Email)
		}
		s.redirect(w, r, "/signin", "security.confirmed_sign_in")
	}
}

// resendConfirmation sends a new confirmation link: to the signed-in
// person, or to the address a visitor gives (an expired link in hand),
// with the same answer whether or not that address waits for one.
func (s *server) resendConfirmation(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	if state(r).Viewer.SignedIn() {
		if err := s.svc.ResendConfirmation(r.Context(), state(r).Viewer); err != nil {
			s.fail(w, r, err)
			return
		}
		s.redirect(w, r, "/", "web.email.resent")
		return
	}
	if err := s.svc.ResendConfirmationTo(r.Context(), trimmed(r, "email")); err != nil {
		f := newForm(r.PostForm)
		if maillage.ErrorCode(err) == maillage.CodeInvalid && f.apply(state(r).L, err) {
			s.render(w, r, http.StatusUnprocessableEntity, view{Template: "link_expired", Title: state(r).L.T("home.link.title_confirm"),
				Data: linkData{Purpose: string(service.LinkConfirm)}, Form: f})
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/signup?sent=1", "")
}
