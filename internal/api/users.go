package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

func (s *server) listUsers(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	region, err := choice(r, "region", maillage.RegionCodes())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	users, total, err := s.svc.People(r.Context(), viewerOf(r), service.PeopleFilter{
		Query: strings.TrimSpace(q.Get("q")), Tag: q.Get("tag"), Region: region, Page: p})
	if err != nil {
		return err
	}
	items := make([]userJSON, len(users))
	for i := range users {
		items[i] = userOut(&users[i])
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) getUser(w http.ResponseWriter, r *http.Request) error {
	u, err := s.svc.Profile(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, userOut(u))
	return nil
}
