package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

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
	cf := service.CommunityFilter{Query: f.Query, Tag: f.Tag, Descendants: f.Descendants, Region: f.Region, Page: page}
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
	// Description is the description rendered for the viewer.
	Description template.HTML
	// CoverURL is the cover image's address, "" without a cover.
	CoverURL string
	// Members is a first page of the members the viewer may see.
	Members   []maillage.Membership
	Notebooks []maillage.Notebook
	Threads   []service.ThreadSummary
	Pager     pager
	// Shareable are the viewer's notes they may post into the discussion.
	Shareable   []maillage.NoteRef
	Invitation  *maillage.Invitation
	OpenReports int
	// FeedURL is the Atom feed of a public community.
	FeedURL string
	// Follow is the follow button, for those who may read the community.
	Follow followButton
	// Meetings is the community's meetings section (meetings.go).
	Meetings communityMeetings
	// MayLeave: a member other than the only manager.
	MayLeave bool
}

// communityMembersShown is how many members the community page lists.
const communityMembersShown = 12

func (s *server) community(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id := r.PathValue("id")
	c, err := s.svc.Community(r.Context(), st.Viewer, id)
	if maillage.IsNotFound(err) {
		// An unlisted private community shows itself to the person
		// invited to it, and only as an invitation.
		if inv, ierr := s.svc.PendingInvitation(r.Context(), st.Viewer, id); ierr == nil {
			s.invitationPage(w, r, inv)
			return
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.communityPage(r, c)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "community", Title: c.Name, Nav: "communities", Data: d})
}

// communityPage gathers what a community's page shows to the viewer.
func (s *server) communityPage(r *http.Request, c *maillage.Community) (communityData, error) {
	st, ctx := state(r), r.Context()
	a := c.Access()
	d := communityData{
		C:          c,
		CanRead:    maillage.CanReadCommunity(st.Viewer, a),
		IsMember:   st.Viewer.IsMember(c.ID),
		CanManage:  maillage.CanManageCommunity(st.Viewer, a),
		CanJoin:    maillage.CanJoinCommunity(st.Viewer, a),
		CanRequest: maillage.CanRequestToJoin(st.Viewer, a),
	}
	var err error
	if d.MayLeave, err = s.svc.MayLeave(ctx, st.Viewer, c); err != nil {
		return d, err
	}
	if d.CanRequest {
		if d.Requested, err = s.svc.HasRequested(ctx, st.Viewer, c.ID); err != nil {
			return d, err
		}
	}
	// A member may be invited too: to manage the community.
	if inv, err := s.svc.PendingInvitation(ctx, st.Viewer, c.ID); err == nil {
		d.Invitation = inv
	} else if !maillage.IsNotFound(err) {
		return d, err
	}
	if c.CoverType != "" {
		d.CoverURL = "/communities/" + c.ID + "/cover"
		if c.CoverUpdatedAt != nil {
			d.CoverURL += "?v=" + strconv.FormatInt(c.CoverUpdatedAt.Unix(), 10)
		}
	}
	html, err := s.svc.RenderPosts(ctx, st.Viewer, c.ID, []string{c.Description})
	if err != nil {
		return d, err
	}
	d.Description = html[0]
	if c.Visibility == maillage.VisibilityPublic {
		d.FeedURL = "/communities/" + c.ID + "/feed.atom"
	}
	if d.Meetings, err = s.communityMeetingsOf(r, c); err != nil {
		return d, err
	}
	if !d.CanRead {
		return d, nil
	}
	d.Follow = s.followButton(r, maillage.FollowCommunity, c.ID, c.Name)
	if d.Members, _, err = s.svc.Members(ctx, st.Viewer, c.ID, service.Page{Limit: communityMembersShown}); err != nil {
		return d, err
	}
	if d.Notebooks, err = s.svc.CommunityNotebooks(ctx, st.Viewer, c.ID); err != nil {
		return d, err
	}
	n, page := pageOf(r)
	threads, total, err := s.svc.Threads(ctx, st.Viewer, c.ID, page)
	if err != nil {
		return d, err
	}
	d.Threads, d.Pager = threads, newPager(r, n, total)
	if d.Shareable, err = s.svc.ShareableNotes(ctx, st.Viewer, c.ID); err != nil {
		return d, err
	}
	if d.OpenReports, err = s.svc.OpenReportCount(ctx, st.Viewer, c); err != nil {
		return d, err
	}
	return d, nil
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
