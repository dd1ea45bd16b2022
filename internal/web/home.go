package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// homeCommunities is how many of a member's communities the home lists.
const homeCommunities = 12

// homeData feeds the home page: an introduction and public communities
// for visitors; for members, what waits for them, what is new, what they
// might like and their communities.
type homeData struct {
	Communities      []maillage.Community
	CommunitiesTotal int
	// Home is nil for visitors.
	Home        *service.Home
	Unconfirmed bool
}

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	var d homeData
	// Visitors see the open communities they can join; members see their own.
	f := service.CommunityFilter{Visibility: maillage.VisibilityPublic, Page: service.Page{Limit: homeCommunities}}
	if st.Viewer.SignedIn() {
		h, err := s.svc.Home(r.Context(), st.Viewer)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Home, d.Unconfirmed = h, h.Me.EmailConfirmedAt == nil
		f.MemberID, f.Visibility = st.Viewer.UserID, ""
	}
	var err error
	if d.Communities, d.CommunitiesTotal, err = s.svc.Communities(r.Context(), st.Viewer, f); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "home", Title: st.L.T("web.home.title"), Nav: "home", Data: d})
}
