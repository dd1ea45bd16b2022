package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type communitiesData struct {
	Filters     filters
	Communities []maillage.Community
	Pager       pager
}

func (s *server) communities(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	f := readFilters(r)
	n, page := pageOf(r)
	cf := service.CommunityFilter{Query: f.Query, Tag: f.Tag, Region: f.Region, Page: page}
	if f.Mine && st.Viewer.SignedIn() {
		cf.MemberID = st.Viewer.UserID
	}
	list, total, err := s.svc.Communities(r.Context(), st.Viewer, cf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "communities", Title: st.L.T("web.communities.title"), Nav: "communities",
		Data: communitiesData{Filters: f, Communities: list, Pager: newPager(r, n, total)}})
}

// communityData feeds a community's page. CanRead is false for a listed
// private community seen from outside: only its name, description and
// the request button are shown then.
type communityData struct {
	C          *maillage.Community
	CanRead    bool
	IsMember   bool
	CanManage  bool
	CanJoin    bool
	CanRequest bool
	Requested  bool
}

func (s *server) community(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	c, err := s.svc.Community(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a := c.Access()
	d := communityData{
		C:          c,
		CanRead:    maillage.CanReadCommunity(st.Viewer, a),
		IsMember:   st.Viewer.IsMember(c.ID),
		CanManage:  maillage.CanManageCommunity(st.Viewer, a),
		CanJoin:    maillage.CanJoinCommunity(st.Viewer, a),
		CanRequest: maillage.CanRequestToJoin(st.Viewer, a),
	}
	if d.CanRequest {
		if d.Requested, err = s.svc.HasRequested(r.Context(), st.Viewer, c.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, view{Template: "community", Title: c.Name, Nav: "communities", Data: d})
}

func (s *server) join(w http.ResponseWriter, r *http.Request) {
	s.communityAction(w, r, "web.community.joined", func(v maillage.Viewer, id string) error {
		return s.svc.Join(r.Context(), v, id)
	})
}

func (s *server) requestToJoin(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	s.communityAction(w, r, "web.community.requested", func(v maillage.Viewer, id string) error {
		return s.svc.RequestToJoin(r.Context(), v, id, r.PostForm.Get("message"))
	})
}

func (s *server) withdrawRequest(w http.ResponseWriter, r *http.Request) {
	s.communityAction(w, r, "web.community.request_withdrawn", func(v maillage.Viewer, id string) error {
		return s.svc.WithdrawRequest(r.Context(), v, id)
	})
}

func (s *server) leave(w http.ResponseWriter, r *http.Request) {
	s.communityAction(w, r, "web.community.left", func(v maillage.Viewer, id string) error {
		return s.svc.Leave(r.Context(), v, id)
	})
}

// communityAction runs a one-button action on a community and goes back
// to its page (or, after leaving a private one, to the list: its page may
// no longer be visible).
func (s *server) communityAction(w http.ResponseWriter, r *http.Request, flashID string, act func(maillage.Viewer, string) error) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := act(st.Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	to := "/communities/" + url.PathEscape(id)
	// The viewer's roles changed; reload them to see whether the page
	// is still visible.
	v, _, err := s.svc.Viewer(r.Context(), st.Viewer.UserID)
	if err == nil {
		if _, err := s.svc.Community(r.Context(), v, id); maillage.IsNotFound(err) {
			to = "/communities"
		}
	}
	s.redirect(w, r, to, flashID)
}
