package api

import (
	"net/http"
	"strings"
)

func (s *server) suggestTags(w http.ResponseWriter, r *http.Request) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	tags, err := s.svc.AutocompleteTags(r.Context(), viewerOf(r), strings.TrimSpace(r.URL.Query().Get("q")), lim)
	if err != nil {
		return err
	}
	out := tagSuggestions{Tags: make([]tagJSON, len(tags))}
	for i, t := range tags {
		out.Tags[i] = tagOut(t)
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) getTag(w http.ResponseWriter, r *http.Request) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	tp, err := s.svc.Tag(r.Context(), v, r.PathValue("slug"), lim)
	if err != nil {
		return err
	}
	out := tagPage{Label: tp.Tag.Label, Slug: tp.Tag.Slug, LabelEn: tp.Tag.LabelEn,
		People: make([]userJSON, len(tp.People)), PeopleTotal: tp.PeopleTotal,
		Organizations: make([]organizationJSON, len(tp.Organizations)), OrganizationsTotal: tp.OrganizationsTotal,
		Communities: make([]communityJSON, len(tp.Communities)), CommunitiesTotal: tp.CommunitiesTotal,
		Notes: make([]noteSummaryJSON, len(tp.Notes)), NotesTotal: tp.NotesTotal}
	for i := range tp.Notes {
		out.Notes[i] = noteSummaryOut(&tp.Notes[i])
	}
	for i := range tp.People {
		out.People[i] = userOut(&tp.People[i])
	}
	for i := range tp.Organizations {
		out.Organizations[i] = organizationOut(&tp.Organizations[i])
	}
	for i := range tp.Communities {
		out.Communities[i] = communityOut(&tp.Communities[i], v)
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}
