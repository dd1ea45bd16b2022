package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// homeData feeds the home page: an introduction and public communities
// for visitors; a member's own communities and interests otherwise.
type homeData struct {
	Communities      []maillage.Community
	CommunitiesTotal int
	Me               *maillage.User // with interests, for members
	Unconfirmed      bool
	// Invitations await the member's answer.
	Invitations []maillage.Invitation
}

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	var d homeData
	// Visitors see the open communities they can join; members see their own.
	f := service.CommunityFilter{Visibility: maillage.VisibilityPublic, Page: service.Page{Limit: 12}}
	if st.Viewer.SignedIn() {
		me, err := s.svc.Profile(r.Context(), st.Viewer, st.Viewer.UserID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Me, d.Unconfirmed = me, me.EmailConfirmedAt == nil
		if d.Invitations, err = s.svc.MyInvitations(r.Context(), st.Viewer); err != nil {
			s.fail(w, r, err)
			return
		}
		f.MemberID, f.Visibility = st.Viewer.UserID, ""
	}
	var err error
	if d.Communities, d.CommunitiesTotal, err = s.svc.Communities(r.Context(), st.Viewer, f); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "home", Title: st.L.T("web.home.title"), Nav: "home", Data: d})
}
