package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The page an emailed invitation links to. The link is its credential:
// it works signed out, shows the community's name and description, who
// invited and their message, and offers to accept (signing in, or
// creating an account from the invitation) or to decline. A link used
// already, or expired, gets a page that says so and what to do.

type joinData struct {
	I *service.JoinInvitation
	// Token is the link's token, for the page's forms.
	Token string
	// Problem is set when the answer could not be recorded (a message ID).
	Problem string
}

func joinPath(token string) string { return "/join/" + url.PathEscape(token) }

func (s *server) joinPage(w http.ResponseWriter, r *http.Request) {
	st, token := state(r), r.PathValue("token")
	inv, err := s.svc.JoinInvitationByLink(r.Context(), st.Viewer, token)
	if maillage.IsNotFound(err) {
		s.errorPage(w, r, http.StatusNotFound, "web.join.unknown", nil)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderJoin(w, r, http.StatusOK, joinData{I: inv, Token: token})
}

func (s *server) renderJoin(w http.ResponseWriter, r *http.Request, status int, d joinData) {
	s.render(w, r, status, view{Template: "recruitment_join",
		Title: state(r).L.T("web.join.title", map[string]any{"Community": d.I.CommunityName}), Data: d})
}

func (s *server) acceptJoin(w http.ResponseWriter, r *http.Request) { s.answerJoin(w, r, true) }

func (s *server) declineJoin(w http.ResponseWriter, r *http.Request) { s.answerJoin(w, r, false) }

// answerJoin records the answer of a link. Accepting signed out sends the
// person to sign in and come back; a link answered already or expired
// shows the page again, saying so.
func (s *server) answerJoin(w http.ResponseWriter, r *http.Request, accept bool) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st, token := state(r), r.PathValue("token")
	if accept && !st.Viewer.SignedIn() {
		http.Redirect(w, r, "/signin?next="+url.QueryEscape(joinPath(token)), http.StatusSeeOther)
		return
	}
	inv, err := s.svc.AnswerJoinInvitation(r.Context(), st.Viewer, token, accept)
	if maillage.ErrorCode(err) == maillage.CodeConflict {
		current, lerr := s.svc.JoinInvitationByLink(r.Context(), st.Viewer, token)
		if lerr != nil {
			s.fail(w, r, lerr)
			return
		}
		s.renderJoin(w, r, http.StatusConflict, joinData{I: current, Token: token, Problem: maillage.AsError(err).MessageID})
		return
	}
	if maillage.IsNotFound(err) {
		s.errorPage(w, r, http.StatusNotFound, "web.join.unknown", nil)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if accept {
		s.redirect(w, r, "/communities/"+url.PathEscape(inv.CommunityID), "web.join.welcome")
		return
	}
	s.redirect(w, r, joinPath(token), "web.join.declined")
}

// signUpInvitation reads the invitation a sign-up comes from, to fill the
// form with the name and address it was sent to. Nil when the link
// answers nothing any more.
func (s *server) signUpInvitation(r *http.Request, token string) *service.JoinInvitation {
	if token == "" {
		return nil
	}
	inv, err := s.svc.JoinInvitationByLink(r.Context(), state(r).Viewer, token)
	if err != nil || inv.Status != maillage.InvitationPending || inv.Expired {
		return nil
	}
	return inv
}
