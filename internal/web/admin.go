package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The administration area (/admin): for administrators, and for curators,
// who see its tags section. Later sections (reports, settings) join it.

// curatorPage starts every page of the tags section: visitors sign in,
// people who do not curate get a 403.
func (s *server) curatorPage(w http.ResponseWriter, r *http.Request) bool {
	if !s.requireSignedIn(w, r) {
		return false
	}
	if !maillage.CanCurate(state(r).Viewer) {
		s.fail(w, r, maillage.ErrForbidden)
		return false
	}
	return true
}

// curatorForm is curatorPage for a POST: it reads the form too.
func (s *server) curatorForm(w http.ResponseWriter, r *http.Request) bool {
	if !s.curatorPage(w, r) {
		return false
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return false
	}
	return true
}

// adminData is the overview of the administration area.
type adminData struct {
	Review, Curated int
	Admin           bool
}

func (s *server) adminHome(w http.ResponseWriter, r *http.Request) {
	if !s.curatorPage(w, r) {
		return
	}
	st := state(r)
	d := adminData{Admin: maillage.CanAdminister(st.Viewer)}
	var err error
	if _, d.Review, err = s.svc.CuratorTags(r.Context(), st.Viewer, maillage.TagListFilter{Review: true, Limit: 1}); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, d.Curated, err = s.svc.CuratorTags(r.Context(), st.Viewer, maillage.TagListFilter{Kind: maillage.TagCurated, All: true, Limit: 1}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "admin", Title: st.L.T("taxonomy.admin.title"), Nav: "admin", Data: d})
}

// adminPeopleData lists people with their roles, for administrators.
type adminPeopleData struct {
	Query    string
	Curators []maillage.User
	People   []maillage.User
	Pager    pager
}

func (s *server) adminPeople(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	curators, err := s.svc.Curators(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, p := pageOf(r)
	q := r.URL.Query().Get("q")
	people, total, err := s.svc.People(r.Context(), st.Viewer, service.PeopleFilter{Query: q, Page: p})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "admin_people", Title: st.L.T("taxonomy.admin.people_title"), Nav: "admin",
		Data: adminPeopleData{Query: q, Curators: curators, People: people, Pager: newPager(r, n, total)}})
}

// setCurator grants or removes the curator role (administrators).
func (s *server) setCurator(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	on := r.PostForm.Get("curator") == "1"
	if err := s.svc.SetCurator(r.Context(), state(r).Viewer, r.PathValue("id"), on); err != nil {
		s.fail(w, r, err)
		return
	}
	flash := "taxonomy.admin.curator_revoked"
	if on {
		flash = "taxonomy.admin.curator_granted"
	}
	s.redirect(w, r, backTo(r, "/admin/people"), flash)
}

// adminTagURL is the curators' page of a tag.
func adminTagURL(slug string) string { return "/admin/tags/" + url.PathEscape(slug) }
