package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// profilePatch changes the caller's profile; omitted fields keep their value.
type profilePatch struct {
	Name              *string     `json:"name" doc:"display name"`
	Pronouns          *string     `json:"pronouns"`
	Bio               *string     `json:"bio"`
	Region            *string     `json:"region" doc:"region code (01..17, hq) or empty"`
	Language          *string     `json:"language" enum:"fr-CA,en"`
	ProfileVisibility *string     `json:"profile_visibility" enum:"public,members"`
	Contact           *string     `json:"contact" enum:"messages,email,none"`
	Interests         *[]string   `json:"interests" doc:"tag labels; the list replaces the current one"`
	Links             *[]linkJSON `json:"links" doc:"the list replaces the current one"`
}

func (s *server) getMe(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	u, err := s.svc.Profile(r.Context(), v, v.UserID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, meOut(u))
	return nil
}

func (s *server) patchMe(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p profilePatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Profile(r.Context(), v, v.UserID)
	if err != nil {
		return err
	}
	labels, _ := tagLabels(cur.Interests)
	in := maillage.ProfileInput{Name: cur.Name, Pronouns: cur.Pronouns, Bio: cur.Bio, Region: cur.Region,
		Language: cur.Language, ProfileVisibility: string(cur.ProfileVisibility), Contact: string(cur.Contact),
		Interests: labels, Links: cur.Links}
	set(&in.Name, p.Name)
	set(&in.Pronouns, p.Pronouns)
	set(&in.Bio, p.Bio)
	set(&in.Region, p.Region)
	set(&in.Language, p.Language)
	set(&in.ProfileVisibility, p.ProfileVisibility)
	set(&in.Contact, p.Contact)
	set(&in.Interests, p.Interests)
	if p.Links != nil {
		in.Links = nil
		for _, l := range *p.Links {
			in.Links = append(in.Links, maillage.Link{Kind: maillage.LinkKind(l.Kind), URL: l.URL})
		}
	}
	if _, err := s.svc.UpdateProfile(r.Context(), v, v.UserID, in); err != nil {
		return err
	}
	u, err := s.svc.Profile(r.Context(), v, v.UserID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, meOut(u))
	return nil
}

// set overlays an optional value of a partial update.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
