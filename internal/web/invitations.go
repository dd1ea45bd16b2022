package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// inviteData feeds the page where managers find people and invite them.
type inviteData struct {
	C           *maillage.Community
	Query       string
	People      []maillage.User
	Invitations []maillage.Invitation
	// Members marks the people found who already belong.
	Members map[string]bool
	Pending map[string]bool
}

func (s *server) inviteForm(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	st := state(r)
	d := inviteData{C: c, Query: strings.TrimSpace(r.URL.Query().Get("q")), Members: map[string]bool{}, Pending: map[string]bool{}}
	var err error
	if d.Invitations, err = s.svc.CommunityInvitations(r.Context(), st.Viewer, c.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, inv := range d.Invitations {
		d.Pending[inv.UserID] = inv.Status == maillage.InvitationPending
	}
	if d.Query != "" {
		if d.People, _, err = s.svc.People(r.Context(), st.Viewer, service.PeopleFilter{Query: d.Query, Page: service.Page{Limit: perPage}}); err != nil {
			s.fail(w, r, err)
			return
		}
		if err := s.markMembers(r, c.ID, d.People, d.Members); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, view{Template: "discussion_invite", Title: st.L.T("web.invite.title", map[string]any{"Name": c.Name}),
		Nav: "communities", Data: d})
}

// markMembers notes which of the people found already belong to the community.
func (s *server) markMembers(r *http.Request, communityID string, people []maillage.User, members map[string]bool) error {
	for _, p := range people {
		v, _, err := s.svc.Viewer(r.Context(), p.ID)
		if err != nil {
			return err
		}
		members[p.ID] = v.IsMember(communityID)
	}
	return nil
}

func (s *server) invite(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	back := "/communities/" + url.PathEscape(id) + "/invite"
	if q := strings.TrimSpace(r.PostForm.Get("q")); q != "" {
		back += "?q=" + url.QueryEscape(q)
	}
	err := s.svc.Invite(r.Context(), st.Viewer, id, personID(r.PostForm.Get("user_id")))
	if e := maillage.AsError(err); err != nil && len(e.Fields) > 0 {
		// An unknown person or someone already in: say so on the same page.
		s.sessions.Put(r.Context(), sessionFlash, e.Fields[0].MessageID)
		s.sessions.Put(r.Context(), sessionFlashKind, "error")
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, back, "web.invite.sent")
}

func (s *server) withdrawInvitation(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.WithdrawInvitation(r.Context(), state(r).Viewer, id, r.PathValue("user")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backTo(r, "/communities/"+url.PathEscape(id)+"/invite"), "web.invite.withdrawn")
}

func (s *server) acceptInvitation(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.AnswerInvitation(r.Context(), state(r).Viewer, id, true); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id), "web.invite.accepted")
}

func (s *server) declineInvitation(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	if err := s.svc.AnswerInvitation(r.Context(), state(r).Viewer, r.PathValue("id"), false); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, backTo(r, "/invitations"), "web.invite.declined")
}

// myInvitations lists the invitations of every kind the signed-in person
// has not answered.
func (s *server) myInvitations(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	list, err := s.svc.MyInvitations(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "discussion_invitations", Title: st.L.T("web.invite.mine_title"), Nav: "communities",
		Data: list})
}

// invitationPage shows an unlisted private community to the person invited
// to it, and to nobody else: its name, description and the answer buttons.
func (s *server) invitationPage(w http.ResponseWriter, r *http.Request, inv *maillage.Invitation) {
	s.render(w, r, http.StatusOK, view{Template: "discussion_invitation", Title: inv.ItemTitle, Nav: "communities", Data: inv})
}

func (s *server) transferManagement(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	inv, err := s.svc.TransferManagement(r.Context(), state(r).Viewer, id, r.PostForm.Get("user_id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/members", sentFlash(inv, "web.members.transferred"))
}
