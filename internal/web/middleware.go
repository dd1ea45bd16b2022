package web

import (
	"context"
	"net/http"
	"time"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// Session keys (the signed-in ones are in account_signin.go).
const (
	sessionFlash     = "flash"
	sessionFlashKind = "flash_kind"
)

// langCookie remembers a language picked with the switch (?lang=).
const langCookie = "lang"

// requestState is what every handler needs to know about the request: who
// is looking and in which language. It is built once per request.
type requestState struct {
	Viewer maillage.Viewer
	User   *maillage.User // nil for visitors
	L      *i18n.Localizer
}

type stateKey struct{}

// state returns the request's state; loadViewer always sets one.
func state(r *http.Request) *requestState {
	if st, ok := r.Context().Value(stateKey{}).(*requestState); ok {
		return st
	}
	return &requestState{Viewer: maillage.Anonymous()}
}

func withState(r *http.Request, st *requestState) context.Context {
	ctx := context.WithValue(r.Context(), stateKey{}, st)
	if st.L != nil {
		// Renders name a person the reader may not see in the page's language.
		ctx = service.WithHiddenPersonLabel(ctx, st.L.T("markup.hidden_person"))
	}
	return ctx
}

// loadViewer resolves the signed-in person from the session and the
// language of the page, then stores both in the request context. A
// session ended elsewhere (password changed, signed out everywhere) is
// signed out here.
func (s *server) loadViewer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := &requestState{Viewer: maillage.Anonymous()}
		userID := s.sessions.GetString(r.Context(), sessionUserID)
		if userID != "" {
			v, u, stale, err := s.svc.SessionViewer(r.Context(), userID, s.sessions.GetInt64(r.Context(), sessionEpoch))
			if stale {
				s.sessions.Remove(r.Context(), sessionUserID)
				s.sessions.Remove(r.Context(), sessionEpoch)
			}
			if err != nil {
				// The page cannot be drawn for the right person; fall back
				// to French so the error page at least speaks.
				st.L = s.bundle.Localizer(i18n.Default)
				s.serverError(w, r.WithContext(withState(r, st)), err)
				return
			}
			st.Viewer, st.User = v, u
		}
		st.L = s.bundle.Localizer(s.language(w, r, st.User))
		next.ServeHTTP(w, r.WithContext(withState(r, st)))
	})
}

// language negotiates the page language. An explicit ?lang= is remembered
// in a cookie so the choice follows the visitor from page to page.
func (s *server) language(w http.ResponseWriter, r *http.Request, u *maillage.User) string {
	query := r.URL.Query().Get("lang")
	var cookie, pref string
	if c, err := r.Cookie(langCookie); err == nil {
		cookie = c.Value
	}
	if u != nil {
		pref = u.Language
	} else {
		pref = s.sessions.GetString(r.Context(), sessionAccountLang)
	}
	lang := i18n.Negotiate(query, cookie, pref, r.Header.Get("Accept-Language"))
	if query != "" && lang != cookie {
		setLangCookie(w, lang)
	}
	return lang
}

func setLangCookie(w http.ResponseWriter, lang string) {
	http.SetCookie(w, &http.Cookie{
		Name: langCookie, Value: lang, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}
