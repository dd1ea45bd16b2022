package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
)

// orgFormData says whether the form creates or edits, and where it posts.
type orgFormData struct {
	Action string
	Edit   bool
	O      *maillage.Organization
	// Duplicate is the existing organisation a new one may repeat.
	Duplicate *duplicateOrg
}

type duplicateOrg struct {
	ID, Name string
	// Final is set for a same-website duplicate, which cannot be overridden.
	Final bool
}

func (s *server) newOrganizationForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderOrgForm(w, r, http.StatusOK, newForm(nil), orgFormData{Action: "/organizations"})
}

func (s *server) renderOrgForm(w http.ResponseWriter, r *http.Request, status int, f *form, d orgFormData) {
	l := state(r).L
	title := l.T("web.organization.new")
	if d.Edit {
		title = l.T("web.organization.edit_title", map[string]any{"Name": d.O.Name})
	}
	s.render(w, r, status, view{Template: "organization_form", Title: title, Nav: "organizations", Form: f, Data: d})
}

func orgInput(r *http.Request) maillage.OrganizationInput {
	return maillage.OrganizationInput{
		Name:        trimmed(r, "name"),
		Description: r.PostForm.Get("description"),
		Type:        r.PostForm.Get("type"),
		Region:      r.PostForm.Get("region"),
		Address:     trimmed(r, "address"),
		Website:     trimmed(r, "website"),
		Latitude:    trimmed(r, "latitude"),
		Longitude:   trimmed(r, "longitude"),
		Tags:        splitTags(r.PostForm.Get("tags")),
		Version:     formVersion(r),
	}
}

func (s *server) createOrganization(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	o, err := s.svc.CreateOrganization(r.Context(), st.Viewer, orgInput(r), r.PostForm.Get("distinct_name") == "1")
	if err != nil {
		s.orgFormError(w, r, err, orgFormData{Action: "/organizations"})
		return
	}
	s.redirect(w, r, "/organizations/"+url.PathEscape(o.ID), "web.organization.created")
}

// orgFormError shows the form again with its errors. A same-name
// duplicate gets a link to the existing entry and a checkbox to confirm a
// different organisation; a same-website one only the link.
func (s *server) orgFormError(w http.ResponseWriter, r *http.Request, err error, d orgFormData) {
	st := state(r)
	f := newForm(r.PostForm)
	f.Values.Del("distinct_name")
	if !f.apply(st.L, err) {
		s.fail(w, r, err)
		return
	}
	e := maillage.AsError(err)
	if e.Code == maillage.CodeConflict && e.Data != nil {
		id, _ := e.Data["ID"].(string)
		name, _ := e.Data["Name"].(string)
		if id != "" {
			d.Duplicate = &duplicateOrg{ID: id, Name: name, Final: e.MessageID == "organization.duplicate_website"}
		}
	}
	s.renderOrgForm(w, r, formStatus(err), f, d)
}

func (s *server) editOrganizationForm(w http.ResponseWriter, r *http.Request) {
	o, ok := s.editableOrganization(w, r)
	if !ok {
		return
	}
	v := url.Values{
		"name": {o.Name}, "description": {o.Description}, "type": {string(o.Type)}, "region": {o.Region},
		"address": {o.Address}, "website": {o.Website}, "tags": {joinTags(o.Tags)},
		"version": {strconv.Itoa(o.Version)},
	}
	if o.Latitude != nil && o.Longitude != nil {
		v.Set("latitude", strconv.FormatFloat(*o.Latitude, 'f', -1, 64))
		v.Set("longitude", strconv.FormatFloat(*o.Longitude, 'f', -1, 64))
	}
	s.renderOrgForm(w, r, http.StatusOK, newForm(v), orgFormData{Action: "/organizations/" + o.ID + "/edit", Edit: true, O: o})
}

func (s *server) updateOrganization(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	o, err := s.svc.UpdateOrganization(r.Context(), st.Viewer, id, orgInput(r))
	if err != nil {
		cur, gerr := s.svc.Organization(r.Context(), st.Viewer, id)
		if gerr != nil {
			s.fail(w, r, gerr)
			return
		}
		keepEditOnConflict(r, err, cur.Version)
		s.orgFormError(w, r, err, orgFormData{Action: "/organizations/" + id + "/edit", Edit: true, O: cur})
		return
	}
	s.redirect(w, r, "/organizations/"+url.PathEscape(o.ID), "web.organization.saved")
}
