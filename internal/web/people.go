package web

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// filters are the directory filters as typed, to fill the filter form.
type filters struct {
	Query, Tag, Region, Type string
	Mine                     bool
	// Descendants takes in the tags below Tag (from a tag's page).
	Descendants bool
}

func readFilters(r *http.Request) filters {
	q := r.URL.Query()
	return filters{
		Query:  strings.TrimSpace(q.Get("q")),
		Tag:    strings.TrimSpace(q.Get("tag")),
		Region: q.Get("region"),
		Type:   q.Get("type"),
		Mine:   q.Get("mine") == "1",

		Descendants: q.Get("descendants") == "1",
	}
}

type peopleData struct {
	Filters filters
	People  []maillage.User
	Pager   pager
}

func (s *server) people(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	f := readFilters(r)
	n, page := pageOf(r)
	people, total, err := s.svc.People(r.Context(), st.Viewer, service.PeopleFilter{Query: f.Query, Tag: f.Tag, Descendants: f.Descendants, Region: f.Region, Page: page})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "people", Title: st.L.T("web.people.title"), Nav: "people",
		Data: peopleData{Filters: f, People: people, Pager: newPager(r, n, total)}})
}

type personData struct {
	P           *maillage.User
	Communities []maillage.Community
	Self        bool
	// Follow is the follow button; nobody follows themselves.
	Follow followButton
	// Acquaintance is where the viewer and this person stand (nil on
	// one's own profile and for visitors).
	Acquaintance *acquaintanceView
}

func (s *server) person(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id := r.PathValue("id")
	u, err := s.svc.Profile(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Only the communities the viewer may see: a private community's
	// membership is not shown to outsiders.
	comms, _, err := s.svc.Communities(r.Context(), st.Viewer, service.CommunityFilter{MemberID: u.ID, Page: service.Page{Limit: 50}})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	nav := "people"
	if u.ID == st.Viewer.UserID {
		nav = "me"
	}
	d := personData{P: u, Communities: comms, Self: u.ID == st.Viewer.UserID}
	if !d.Self {
		d.Follow = s.followButton(r, maillage.FollowPerson, u.ID, u.Name)
		d.Acquaintance = s.acquaintancePanel(r, u)
	}
	s.render(w, r, http.StatusOK, view{Template: "person", Title: u.Name, Nav: nav, Data: d})
}
