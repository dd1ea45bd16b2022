package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

func (s *server) signUpForm(w http.ResponseWriter, r *http.Request) {
	if state(r).Viewer.SignedIn() {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.renderSignUp(w, r, http.StatusOK, newForm(nil))
}

func (s *server) renderSignUp(w http.ResponseWriter, r *http.Request, status int, f *form) {
	s.render(w, r, status, view{Template: "signup", Title: state(r).L.T("web.signup.title"), Nav: "signup", Form: f})
}

// signUp creates the account, signs the person in and sends them to
// their profile settings to say more about themselves.
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
	}
	u, err := s.svc.SignUp(r.Context(), in)
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderSignUp(w, r, formStatus(err), f)
		return
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.redirect(w, r, "/", "web.signup.done")
}
