package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// tokensData lists the viewer's API tokens; NewSecret is set once, on the
// answer to the creation, and never again.
type tokensData struct {
	Tokens    []maillage.APIToken
	NewSecret string
	NewName   string
}

func (s *server) tokens(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderTokens(w, r, http.StatusOK, newForm(nil), "", "")
}

func (s *server) renderTokens(w http.ResponseWriter, r *http.Request, status int, f *form, secret, name string) {
	st := state(r)
	list, err := s.svc.Tokens(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, view{Template: "settings_tokens", Title: st.L.T("web.settings.tokens_title"), Nav: "settings",
		Form: f, Data: tokensData{Tokens: list, NewSecret: secret, NewName: name}})
}

// createToken shows the new secret in its answer rather than redirecting:
// it must not be kept anywhere, not even in the session, to be shown later.
func (s *server) createToken(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	secret, t, err := s.svc.CreateToken(r.Context(), st.Viewer, r.PostForm.Get("name"))
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderTokens(w, r, formStatus(err), f, "", "")
		return
	}
	s.renderTokens(w, r, http.StatusOK, newForm(nil), secret, t.Name)
}

func (s *server) deleteToken(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	if err := s.svc.RevokeToken(r.Context(), state(r).Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/settings/tokens", "web.settings.token_deleted")
}
