package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

func (s *server) signUpForm(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("invitation")
	if state(r).Viewer.SignedIn() {
		// Signed in already: an invitation is answered on its own page.
		to := "/"
		if token != "" {
			to = joinPath(token)
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
		return
	}
	if r.URL.Query().Get("sent") == "1" {
		s.render(w, r, http.StatusOK, view{Template: "signup_sent", Title: state(r).L.T("security.signup.sent_title"), Nav: "signup"})
		return
	}
	f := newForm(nil)
	// Coming from an emailed invitation: the form starts with the name and
	// address it was sent to.
	if inv := s.signUpInvitation(r, token); inv != nil {
		f = newForm(url.Values{"invitation": {token}, "name": {inv.Name}, "email": {inv.Email}})
	}
	s.renderSignUp(w, r, http.StatusOK, f)
}

func (s *server) renderSignUp(w http.ResponseWriter, r *http.Request, status int, f *form) {
	if inv := s.signUpInvitation(r, f.Get("invitation")); inv != nil {
		f.Extra["Community"] = inv.CommunityName
	} else {
		f.Values.Del("invitation")
	}
	s.render(w, r, status, view{Template: "signup", Title: state(r).L.T("web.signup.title"), Nav: "signup", Form: f})
}

// signUp sends the person to "check your email" whether the address is
// new or already has an account, so the form cannot tell who is on
// Maillage. It signs no one in: confirming the address signs in this
// device, which keeps a sign-up cookie the confirmation link is bound to.
func (s *server) signUp(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	in := maillage.SignUpInput{
		Name:      trimmed(r, "name"),
		Email:     trimmed(r, "email"),
		Password:  r.PostForm.Get("password"),
		Region:    r.PostForm.Get("region"),
		Language:  st.L.Lang(),
		Interests: splitTags(r.PostForm.Get("interests")),
		// The emailed invitation the person signs up from, if any: they
		// join its community once their address is confirmed.
		Invitation: r.PostForm.Get("invitation"),
	}
	c := s.client(r)
	if err := in.Validate(); err == nil {
		// The cookie is set only for a form that may go through, so the
		// answers to a new and a known address stay alike.
		device, err := s.signUpDevice(w, r)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		c.SignUpDevice = device
	}
	err := s.svc.SignUp(r.Context(), in, c)
	if err != nil {
		f := newForm(r.PostForm)
		f.Values.Del("password")
		if maillage.ErrorCode(err) == maillage.CodeRateLimited {
			f.Message = st.L.T(maillage.AsError(err).MessageID)
			w.Header().Set("Retry-After", "3600")
			s.renderSignUp(w, r, http.StatusTooManyRequests, f)
			return
		}
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderSignUp(w, r, formStatus(err), f)
		return
	}
	http.Redirect(w, r, "/signup?sent=1", http.StatusSeeOther)
}
