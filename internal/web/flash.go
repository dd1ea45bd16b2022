package web

import "net/http"

// flashMessage is shown once, on the page a form redirects to.
type flashMessage struct {
	Text string
	Kind string // success or error
}

// flash stores a message ID for the next page; it is translated when shown,
// in whatever language that page is in.
func (s *server) flash(r *http.Request, messageID string) {
	s.sessions.Put(r.Context(), sessionFlash, messageID)
	s.sessions.Put(r.Context(), sessionFlashKind, "success")
}

func (s *server) popFlash(r *http.Request) *flashMessage {
	id := s.sessions.PopString(r.Context(), sessionFlash)
	kind := s.sessions.PopString(r.Context(), sessionFlashKind)
	if id == "" {
		return nil
	}
	if kind == "" {
		kind = "success"
	}
	return &flashMessage{Text: state(r).L.T(id), Kind: kind}
}

// redirect answers a successful POST with 303 See Other, so reloading the
// next page does not submit the form again.
func (s *server) redirect(w http.ResponseWriter, r *http.Request, to, flashID string) {
	if flashID != "" {
		s.flash(r, flashID)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
