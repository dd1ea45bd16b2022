package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
)

type communityFormData struct {
	Action string
	Edit   bool
	C      *maillage.Community
}

func (s *server) newCommunityForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderCommunityForm(w, r, http.StatusOK, newForm(url.Values{"visibility": {"public"}}), communityFormData{Action: "/communities"})
}

func (s *server) renderCommunityForm(w http.ResponseWriter, r *http.Request, status int, f *form, d communityFormData) {
	l := state(r).L
	title := l.T("web.community.new")
	if d.Edit {
		title = l.T("web.community.edit_title", map[string]any{"Name": d.C.Name})
	}
	s.render(w, r, status, view{Template: "community_form", Title: title, Nav: "communities", Form: f, Data: d})
}

func communityInput(r *http.Request) maillage.CommunityInput {
	return maillage.CommunityInput{
		Name:        trimmed(r, "name"),
		Description: r.PostForm.Get("description"),
		Visibility:  r.PostForm.Get("visibility"),
		Listed:      r.PostForm.Get("listed") == "1",
		Region:      r.PostForm.Get("region"),
		Tags:        splitTags(r.PostForm.Get("tags")),
		Version:     formVersion(r),
	}
}

func (s *server) createCommunity(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	c, err := s.svc.CreateCommunity(r.Context(), st.Viewer, communityInput(r))
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderCommunityForm(w, r, formStatus(err), f, communityFormData{Action: "/communities"})
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(c.ID), "web.community.created")
}

// manageable returns a community the viewer manages. Visibility is
// checked first, so an invisible community is 404 for everyone (visitors
// included) exactly like an absent one; a visible one asks visitors to
// sign in and is 403 for people who do not manage it.
func (s *server) manageable(w http.ResponseWriter, r *http.Request) (*maillage.Community, bool) {
	st := state(r)
	c, err := s.svc.Community(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, false
	}
	if !maillage.CanManageCommunity(st.Viewer, c.Access()) {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, false
	}
	return c, true
}

func (s *server) editCommunityForm(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	v := url.Values{"name": {c.Name}, "description": {c.Description}, "visibility": {string(c.Visibility)},
		"region": {c.Region}, "tags": {joinTags(c.Tags)}, "version": {strconv.Itoa(c.Version)}}
	if c.Listed {
		v.Set("listed", "1")
	}
	s.renderCommunityForm(w, r, http.StatusOK, newForm(v), communityFormData{Action: "/communities/" + c.ID + "/edit", Edit: true, C: c})
}

func (s *server) updateCommunity(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	if _, err := s.svc.UpdateCommunity(r.Context(), st.Viewer, c.ID, communityInput(r)); err != nil {
		if cur, gerr := s.svc.Community(r.Context(), st.Viewer, c.ID); gerr == nil {
			keepEditOnConflict(r, err, cur.Version)
		}
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderCommunityForm(w, r, formStatus(err), f, communityFormData{Action: "/communities/" + c.ID + "/edit", Edit: true, C: c})
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(c.ID), "web.community.saved")
}
