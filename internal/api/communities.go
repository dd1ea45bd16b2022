package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// communityCreate starts a community; the caller becomes its manager.
type communityCreate struct {
	Name        string   `json:"name" required:"true"`
	Description string   `json:"description"`
	Visibility  string   `json:"visibility" required:"true" enum:"public,private"`
	Listed      bool     `json:"listed" doc:"private communities only: appear in lists to non-members (public ones always do)"`
	Region      string   `json:"region"`
	Tags        []string `json:"tags" doc:"tag labels"`
}

// communityPatch edits a community; omitted fields keep their value.
type communityPatch struct {
	Name        *string   `json:"name"`
	Description *string   `json:"description"`
	Visibility  *string   `json:"visibility" enum:"public,private"`
	Listed      *bool     `json:"listed"`
	Region      *string   `json:"region"`
	Tags        *[]string `json:"tags"`
	Version     *int      `json:"version" doc:"the version this edit starts from (from a GET); a stale one answers 409 and nothing is saved"`
}

func (s *server) listCommunities(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	region, err := choice(r, "region", maillage.RegionCodes())
	if err != nil {
		return err
	}
	member, err := choice(r, "member", []string{"me"})
	if err != nil {
		return err
	}
	vis, err := choice(r, "visibility", []string{string(maillage.VisibilityPublic), string(maillage.VisibilityPrivate)})
	if err != nil {
		return err
	}
	v := viewerOf(r)
	f := service.CommunityFilter{Query: strings.TrimSpace(r.URL.Query().Get("q")), Tag: r.URL.Query().Get("tag"),
		Region: region, Visibility: maillage.Visibility(vis), Page: p}
	if member == "me" {
		if !v.SignedIn() {
			return maillage.ErrUnauthorized
		}
		f.MemberID = v.UserID
	}
	cs, total, err := s.svc.Communities(r.Context(), v, f)
	if err != nil {
		return err
	}
	items := make([]communityJSON, len(cs))
	for i := range cs {
		items[i] = communityOut(&cs[i], v)
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) getCommunity(w http.ResponseWriter, r *http.Request) error {
	return s.answerCommunity(w, r, http.StatusOK, viewerOf(r), r.PathValue("id"))
}

// answerCommunity writes a community as the viewer now sees it.
func (s *server) answerCommunity(w http.ResponseWriter, r *http.Request, status int, v maillage.Viewer, id string) error {
	c, err := s.svc.Community(r.Context(), v, id)
	if err != nil {
		return err
	}
	out := communityOut(c, v)
	if out.Role == nil && v.SignedIn() && c.Visibility == maillage.VisibilityPrivate {
		if out.Requested, err = s.svc.HasRequested(r.Context(), v, c.ID); err != nil {
			return err
		}
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/communities/"+c.ID)
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) createCommunity(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in communityCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	c, err := s.svc.CreateCommunity(r.Context(), v, maillage.CommunityInput{Name: in.Name, Description: in.Description,
		Visibility: in.Visibility, Listed: in.Listed, Region: in.Region, Tags: in.Tags})
	if err != nil {
		return err
	}
	return s.answerCommunity(w, r, http.StatusCreated, s.freshViewer(r), c.ID)
}

func (s *server) patchCommunity(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p communityPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.Community(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	labels, _ := tagLabels(cur.Tags)
	in := maillage.CommunityInput{Name: cur.Name, Description: cur.Description, Visibility: string(cur.Visibility),
		Listed: cur.Listed, Region: cur.Region, Tags: labels}
	set(&in.Name, p.Name)
	set(&in.Description, p.Description)
	set(&in.Visibility, p.Visibility)
	set(&in.Listed, p.Listed)
	set(&in.Region, p.Region)
	set(&in.Tags, p.Tags)
	// Without a version from the client, the overlay still must not undo a
	// change saved between the read above and the write: expect what was read.
	in.Version = cur.Version
	if p.Version != nil {
		in.Version = *p.Version
	}
	if _, err := s.svc.UpdateCommunity(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerCommunity(w, r, http.StatusOK, v, cur.ID)
}

// freshViewer reloads the caller's roles after a change of membership.
func (s *server) freshViewer(r *http.Request) maillage.Viewer {
	v := viewerOf(r)
	fresh, _, err := s.svc.Viewer(r.Context(), v.UserID)
	if err != nil {
		s.log.Warn("api: reload viewer", "err", err)
		return v
	}
	return fresh
}
