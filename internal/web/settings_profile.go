package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

// minLinkRows is how many link rows the profile form always offers.
const minLinkRows = 4

// profileFormData tells the template how many link rows to draw.
type profileFormData struct {
	LinkRows []int
}

func (s *server) profileForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	u, err := s.svc.Profile(r.Context(), st.Viewer, st.Viewer.UserID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := url.Values{
		"name": {u.Name}, "pronouns": {u.Pronouns}, "bio": {u.Bio}, "region": {u.Region},
		"language": {u.Language}, "profile_visibility": {string(u.ProfileVisibility)},
		"contact": {string(u.Contact)}, "interests": {joinTags(u.Interests)},
	}
	for _, l := range u.Links {
		v.Add("link_kind", string(l.Kind))
		v.Add("link_url", l.URL)
	}
	s.renderProfileForm(w, r, http.StatusOK, newForm(v))
}

func (s *server) renderProfileForm(w http.ResponseWriter, r *http.Request, status int, f *form) {
	n := max(minLinkRows, min(len(f.Values["link_url"])+1, maillage.MaxLinksPerUser))
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	s.render(w, r, status, view{Template: "settings_profile", Title: state(r).L.T("web.settings.profile_title"),
		Nav: "settings", Form: f, Data: profileFormData{LinkRows: rows}})
}

func (s *server) updateProfile(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	in := maillage.ProfileInput{
		Name:              trimmed(r, "name"),
		Pronouns:          trimmed(r, "pronouns"),
		Bio:               r.PostForm.Get("bio"),
		Region:            r.PostForm.Get("region"),
		Language:          r.PostForm.Get("language"),
		ProfileVisibility: r.PostForm.Get("profile_visibility"),
		Contact:           r.PostForm.Get("contact"),
		Interests:         splitTags(r.PostForm.Get("interests")),
	}
	kinds, urls := r.PostForm["link_kind"], r.PostForm["link_url"]
	for i, u := range urls {
		kind := string(maillage.LinkOther)
		if i < len(kinds) && kinds[i] != "" {
			kind = kinds[i]
		}
		in.Links = append(in.Links, maillage.Link{Kind: maillage.LinkKind(kind), URL: u})
	}
	u, err := s.svc.UpdateProfile(r.Context(), st.Viewer, st.Viewer.UserID, in)
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderProfileForm(w, r, formStatus(err), f)
		return
	}
	// A language chosen here should show at once, even over an earlier
	// click on the language switch.
	if u.Language != "" && u.Language != st.L.Lang() {
		setLangCookie(w, u.Language)
	}
	s.redirect(w, r, "/people/"+url.PathEscape(u.ID), "web.settings.profile_saved")
}
