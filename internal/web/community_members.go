package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

type membersData struct {
	C         *maillage.Community
	Members   []maillage.Membership
	Pager     pager
	CanManage bool
	// Invitations are the invitations sent and not accepted, for managers:
	// invitees are not members until they accept.
	Invitations []maillage.Invitation
}

func (s *server) members(w http.ResponseWriter, r *http.Request) {
	s.renderMembers(w, r, http.StatusOK, newForm(nil))
}

// renderMembers draws the member list; managers also get the add form,
// which comes back here with its errors.
func (s *server) renderMembers(w http.ResponseWriter, r *http.Request, status int, f *form) {
	st := state(r)
	id := r.PathValue("id")
	n, page := pageOf(r)
	members, total, err := s.svc.Members(r.Context(), st.Viewer, id, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.svc.Community(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := membersData{C: c, Members: members, Pager: newPager(r, n, total), CanManage: maillage.CanManageCommunity(st.Viewer, c.Access())}
	if d.CanManage {
		if d.Invitations, err = s.svc.CommunityInvitations(r.Context(), st.Viewer, id); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, status, view{Template: "community_members", Title: st.L.T("web.members.title", map[string]any{"Name": c.Name}),
		Nav: "communities", Form: f, Data: d})
}

// personID accepts what a manager can easily paste: a profile address
// (https://…/people/ID) or the bare ID.
func personID(s string) string {
	s = strings.TrimSpace(s)
	if u, err := url.Parse(s); err == nil && strings.Contains(u.Path, "/people/") {
		s = u.Path[strings.LastIndex(u.Path, "/people/")+len("/people/"):]
	}
	return strings.Trim(s, "/ ")
}

func (s *server) addMember(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	userID := personID(r.PostForm.Get("user_id"))
	var err error
	var inv *maillage.Invitation
	if userID == "" {
		err = &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "user_id", MessageID: "field.required"}}}
	} else {
		inv, err = s.svc.AddMember(r.Context(), st.Viewer, id, userID, maillage.Role(r.PostForm.Get("role")))
	}
	if err != nil {
		f := newForm(r.PostForm)
		if e := maillage.AsError(err); len(e.Fields) > 0 && f.apply(st.L, err) {
			s.renderMembers(w, r, http.StatusUnprocessableEntity, f)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/members", sentFlash(inv, "web.members.added"))
}

func (s *server) changeRole(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	role := maillage.Role(r.PostForm.Get("role"))
	if role == "" {
		role = maillage.RoleMember
	}
	inv, err := s.svc.AddMember(r.Context(), st.Viewer, id, r.PathValue("user"), role)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/members", sentFlash(inv, "web.members.role_changed"))
}

func (s *server) removeMember(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.RemoveMember(r.Context(), st.Viewer, id, r.PathValue("user")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/members", "web.members.removed")
}

type requestsData struct {
	C        *maillage.Community
	Requests []maillage.JoinRequest
}

func (s *server) joinRequests(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	st := state(r)
	reqs, err := s.svc.JoinRequests(r.Context(), st.Viewer, c.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "community_requests", Title: st.L.T("web.requests.title", map[string]any{"Name": c.Name}),
		Nav: "communities", Data: requestsData{C: c, Requests: reqs}})
}

func (s *server) acceptRequest(w http.ResponseWriter, r *http.Request)  { s.answerRequest(w, r, true) }
func (s *server) declineRequest(w http.ResponseWriter, r *http.Request) { s.answerRequest(w, r, false) }

func (s *server) answerRequest(w http.ResponseWriter, r *http.Request, accept bool) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.AnswerRequest(r.Context(), st.Viewer, id, r.PathValue("user"), accept); err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "web.requests.declined"
	if accept {
		msg = "web.requests.accepted"
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/requests", msg)
}
