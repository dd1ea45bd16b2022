package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// acquaintanceView is the panel on someone else's profile: where the
// viewer and that person stand, and what the viewer may do about it.
type acquaintanceView struct {
	State service.AcquaintanceState
	Kind  maillage.AcquaintanceKind
}

// acquaintancePanel loads the panel for a profile, or nil for one's own
// profile and for visitors.
func (s *server) acquaintancePanel(r *http.Request, u *maillage.User) *acquaintanceView {
	st := state(r)
	if !st.Viewer.SignedIn() || st.Viewer.UserID == u.ID {
		return nil
	}
	a, err := s.svc.AcquaintanceWith(r.Context(), st.Viewer, u.ID)
	if err != nil {
		s.log.Warn("profile: acquaintance", "err", err)
		return nil
	}
	v := &acquaintanceView{State: service.StateFor(a, st.Viewer.UserID), Kind: maillage.AcquaintanceKnow}
	if a != nil {
		v.Kind = a.Kind
	}
	return v
}

// declareAcquaintance: "I know this person" (or confirms their request).
func (s *server) declareAcquaintance(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	a, err := s.svc.DeclareAcquaintance(r.Context(), st.Viewer, id, maillage.AcquaintanceKind(r.PostForm.Get("kind")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "discovery.acquaintance.sent"
	if a.Accepted() {
		msg = "discovery.acquaintance.confirmed"
	}
	s.redirect(w, r, "/people/"+id, msg)
}

// answerAcquaintance confirms or declines another person's request.
func (s *server) answerAcquaintance(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	accept := r.PostForm.Get("accept") == "1"
	if err := s.svc.AnswerAcquaintance(r.Context(), st.Viewer, id, accept); err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "discovery.acquaintance.declined"
	if accept {
		msg = "discovery.acquaintance.confirmed"
	}
	s.redirect(w, r, "/people/"+id, msg)
}

// removeAcquaintance withdraws a request or a confirmed link.
func (s *server) removeAcquaintance(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.RemoveAcquaintance(r.Context(), st.Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/people/"+id, "discovery.acquaintance.removed")
}
