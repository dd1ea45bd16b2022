package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type organizationsData struct {
	Filters       filters
	Organizations []maillage.Organization
	Pager         pager
}

func (s *server) organizations(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	f := readFilters(r)
	n, page := pageOf(r)
	orgs, total, err := s.svc.Organizations(r.Context(), st.Viewer, service.OrganizationFilter{
		Query: f.Query, Tag: f.Tag, Descendants: f.Descendants, Region: f.Region, Type: f.Type, Page: page})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "organizations", Title: st.L.T("web.organizations.title"), Nav: "organizations",
		Data: organizationsData{Filters: f, Organizations: orgs, Pager: newPager(r, n, total)}})
}

// organizationData feeds an organisation's page. Mine is the viewer's own
// affiliation, if any, to offer to change or end it.
type organizationData struct {
	O       *maillage.Organization
	CanEdit bool
	Mine    *maillage.Affiliation
}

func (s *server) organization(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	o, err := s.svc.Organization(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := organizationData{O: o, CanEdit: s.svc.CanEditOrganization(r.Context(), st.Viewer, o)}
	for i, m := range o.Members {
		if st.Viewer.SignedIn() && m.UserID == st.Viewer.UserID {
			d.Mine = &o.Members[i]
		}
	}
	s.render(w, r, http.StatusOK, view{Template: "organization", Title: o.Name, Nav: "organizations", Data: d})
}

// setAffiliation records "I work here" with a role title.
func (s *server) setAffiliation(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.DeclareAffiliation(r.Context(), st.Viewer, id, r.PostForm.Get("role")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/organizations/"+id, "web.organization.affiliation_saved")
}

func (s *server) removeAffiliation(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.RemoveAffiliation(r.Context(), st.Viewer, id, st.Viewer.UserID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/organizations/"+id, "web.organization.affiliation_removed")
}

// deleteOrganizationConfirm asks before deleting: the directory is shared.
func (s *server) deleteOrganizationConfirm(w http.ResponseWriter, r *http.Request) {
	o, ok := s.editableOrganization(w, r)
	if !ok {
		return
	}
	st := state(r)
	s.render(w, r, http.StatusOK, view{Template: "organization_delete", Title: st.L.T("web.organization.delete_title", map[string]any{"Name": o.Name}),
		Nav: "organizations", Data: o})
}

func (s *server) deleteOrganization(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	if err := s.svc.DeleteOrganization(r.Context(), state(r).Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/organizations", "web.organization.deleted")
}

// setEditor lets an organisation's editors grant or remove an affiliated
// person's right to edit it.
func (s *server) setEditor(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	editor := r.PostForm.Get("editor") == "1"
	if err := s.svc.SetOrganizationEditor(r.Context(), st.Viewer, id, r.PathValue("user"), editor); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/organizations/"+id, "web.organization.member_updated")
}

// removeOrganizationMember lets an organisation's editors remove someone's affiliation.
func (s *server) removeOrganizationMember(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := s.svc.RemoveAffiliation(r.Context(), st.Viewer, id, r.PathValue("user")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/organizations/"+id, "web.organization.member_removed")
}

// editableOrganization loads the organisation of the path for a page that
// edits it, answering itself (sign in, 404, 403) when it cannot.
func (s *server) editableOrganization(w http.ResponseWriter, r *http.Request) (*maillage.Organization, bool) {
	if !s.requireSignedIn(w, r) {
		return nil, false
	}
	st := state(r)
	o, err := s.svc.Organization(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.svc.CanEditOrganization(r.Context(), st.Viewer, o) {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, false
	}
	return o, true
}
