package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// organizationCreate adds an organisation to the directory.
type organizationCreate struct {
	Name        string   `json:"name" required:"true"`
	Description string   `json:"description"`
	Type        string   `json:"type" enum:"community,cooperative,nonprofit,social_enterprise,public,funder,research,network,business,other" doc:"other when omitted"`
	Region      string   `json:"region" doc:"region code (01..17, hq)"`
	Address     string   `json:"address"`
	Website     string   `json:"website" doc:"absolute http(s) URL"`
	Latitude    *float64 `json:"latitude" doc:"give both coordinates or neither"`
	Longitude   *float64 `json:"longitude"`
	Tags        []string `json:"tags" doc:"tag labels"`
	// DistinctName confirms that an organisation with the same name is a
	// different one (homonyms exist).
	DistinctName bool `json:"distinct_name" doc:"true to confirm a homonym of an existing organisation"`
}

// organizationPatch edits an organisation; omitted fields keep their
// value and a null coordinate removes it.
type organizationPatch struct {
	Name        *string        `json:"name"`
	Description *string        `json:"description"`
	Type        *string        `json:"type" enum:"community,cooperative,nonprofit,social_enterprise,public,funder,research,network,business,other"`
	Region      *string        `json:"region"`
	Address     *string        `json:"address"`
	Website     *string        `json:"website"`
	Latitude    nullableNumber `json:"latitude"`
	Longitude   nullableNumber `json:"longitude"`
	Tags        *[]string      `json:"tags"`
	Version     *int           `json:"version" doc:"the version this edit starts from (from a GET); a stale one answers 409 and nothing is saved"`
}

type affiliationPut struct {
	Role  string `json:"role" doc:"role title, e.g. coordonnatrice"`
	Admin bool   `json:"admin" doc:"may edit the organisation (granted by its editors only)"`
}

func (s *server) listOrganizations(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	region, err := choice(r, "region", maillage.RegionCodes())
	if err != nil {
		return err
	}
	typ, err := choice(r, "type", maillage.OrganizationTypes())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	orgs, total, err := s.svc.Organizations(r.Context(), viewerOf(r), service.OrganizationFilter{
		Query: strings.TrimSpace(q.Get("q")), Tag: q.Get("tag"), Region: region, Type: typ, Page: p})
	if err != nil {
		return err
	}
	items := make([]organizationJSON, len(orgs))
	for i := range orgs {
		items[i] = organizationOut(&orgs[i])
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) getOrganization(w http.ResponseWriter, r *http.Request) error {
	o, err := s.svc.Organization(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, s.fullOrganization(r, o))
	return nil
}

// fullOrganization adds the members and the caller's right to edit.
func (s *server) fullOrganization(r *http.Request, o *maillage.Organization) organizationJSON {
	out := organizationOut(o)
	members := affiliationsOut(o.Members, false)
	out.Members = &members
	edit := s.svc.CanEditOrganization(r.Context(), viewerOf(r), o)
	out.CanEdit = &edit
	return out
}

func (s *server) createOrganization(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in organizationCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	o, err := s.svc.CreateOrganization(r.Context(), v, maillage.OrganizationInput{
		Name: in.Name, Description: in.Description, Type: in.Type, Region: in.Region, Address: in.Address,
		Website: in.Website, Latitude: coordText(in.Latitude), Longitude: coordText(in.Longitude), Tags: in.Tags,
	}, in.DistinctName)
	if err != nil {
		return err
	}
	return s.answerOrganization(w, r, http.StatusCreated, o.ID)
}

func (s *server) patchOrganization(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p organizationPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Organization(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	labels, _ := tagLabels(cur.Tags)
	in := maillage.OrganizationInput{Name: cur.Name, Description: cur.Description, Type: string(cur.Type),
		Region: cur.Region, Address: cur.Address, Website: cur.Website,
		Latitude: coordText(cur.Latitude), Longitude: coordText(cur.Longitude), Tags: labels}
	set(&in.Name, p.Name)
	set(&in.Description, p.Description)
	set(&in.Type, p.Type)
	set(&in.Region, p.Region)
	set(&in.Address, p.Address)
	set(&in.Website, p.Website)
	set(&in.Tags, p.Tags)
	// Without a version from the client, the overlay still must not undo a
	// change saved between the read above and the write: expect what was read.
	in.Version = cur.Version
	if p.Version != nil {
		in.Version = *p.Version
	}
	if p.Latitude.Set {
		in.Latitude = coordText(p.Latitude.ptr())
	}
	if p.Longitude.Set {
		in.Longitude = coordText(p.Longitude.ptr())
	}
	o, err := s.svc.UpdateOrganization(r.Context(), v, cur.ID, in)
	if err != nil {
		return err
	}
	return s.answerOrganization(w, r, http.StatusOK, o.ID)
}

// answerOrganization writes an organisation as it now reads.
func (s *server) answerOrganization(w http.ResponseWriter, r *http.Request, status int, id string) error {
	o, err := s.svc.Organization(r.Context(), viewerOf(r), id)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/organizations/"+o.ID)
	}
	s.writeJSON(w, status, s.fullOrganization(r, o))
	return nil
}

func (s *server) deleteOrganization(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteOrganization(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) putAffiliation(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in affiliationPut
	if err := decode(r, &in, true); err != nil {
		return err
	}
	if err := s.svc.SetAffiliation(r.Context(), v, r.PathValue("id"), r.PathValue("user_id"), in.Role, in.Admin); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) deleteAffiliation(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveAffiliation(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
