package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// actorFormData says whether the form creates or edits, and where it posts.
type actorFormData struct {
	Action       string
	Edit         bool
	A            *maillage.Actor
	Kinds        []option
	Visibilities []option
	Communities  []option
}

func (s *server) newActorForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	v := url.Values{"visibility": {string(maillage.ActorMembers)}, "kind": {r.URL.Query().Get("kind")}}
	if n := r.URL.Query().Get("name"); n != "" {
		v.Set("name", n)
	}
	s.renderActorForm(w, r, http.StatusOK, newForm(v), actorFormData{Action: "/actors"})
}

func (s *server) renderActorForm(w http.ResponseWriter, r *http.Request, status int, f *form, d actorFormData) {
	st := state(r)
	title := st.L.T("actors.web.new")
	if d.Edit {
		title = st.L.T("actors.web.edit_title", map[string]any{"Name": d.A.Name})
	}
	d.Kinds, d.Visibilities = actorKindOptions(st.L), actorVisibilityOptions(st.L)
	communities, err := s.myCommunityOptions(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.A != nil && d.A.CommunityID != "" {
		found := false
		for _, o := range communities {
			found = found || o.Value == d.A.CommunityID
		}
		if !found {
			communities = append(communities, option{Value: d.A.CommunityID, Label: d.A.CommunityName})
		}
	}
	d.Communities = communities
	relabelActorErrors(f, st.L)
	s.render(w, r, status, view{Template: "actor_form", Title: title, Nav: "actors", Form: f, Data: d})
}

// relabelActorErrors names fields in the error summary with the card's
// own labels.
func relabelActorErrors(f *form, l *i18n.Localizer) {
	for i, it := range f.Summary {
		f.Summary[i].Label = l.T("actors.field." + unreserved(it.Field))
	}
}

func actorInput(r *http.Request) maillage.ActorInput {
	return maillage.ActorInput{
		Name:             trimmed(r, "name"),
		Kind:             r.PostForm.Get("kind"),
		Description:      r.PostForm.Get("description"),
		Title:            trimmed(r, "title"),
		OrganizationName: trimmed(r, "organization_name"),
		Website:          trimmed(r, "website"),
		Email:            trimmed(r, "email"),
		Region:           r.PostForm.Get("region"),
		Address:          trimmed(r, "address"),
		Latitude:         trimmed(r, "latitude"),
		Longitude:        trimmed(r, "longitude"),
		Visibility:       r.PostForm.Get("visibility"),
		CommunityID:      r.PostForm.Get("community_id"),
		Source:           trimmed(r, "source"),
		Tags:             splitTags(r.PostForm.Get("tags")),
		Version:          formVersion(r),
	}
}

func (s *server) createActor(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	a, err := s.svc.CreateActor(r.Context(), st.Viewer, actorInput(r))
	if err != nil {
		s.actorFormError(w, r, err, actorFormData{Action: "/actors"})
		return
	}
	s.redirect(w, r, "/actors/"+url.PathEscape(a.ID), "actors.web.created")
}

// actorFormError shows the form again with its errors and what was typed.
func (s *server) actorFormError(w http.ResponseWriter, r *http.Request, err error, d actorFormData) {
	f := newForm(r.PostForm)
	if !f.apply(state(r).L, err) {
		s.fail(w, r, err)
		return
	}
	s.renderActorForm(w, r, formStatus(err), f, d)
}

func (s *server) editActorForm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.editableActor(w, r)
	if !ok {
		return
	}
	in := service.ActorInputOf(a)
	v := url.Values{"name": {in.Name}, "kind": {in.Kind}, "description": {in.Description}, "title": {in.Title},
		"organization_name": {in.OrganizationName}, "website": {in.Website}, "email": {in.Email}, "region": {in.Region},
		"address": {in.Address}, "latitude": {in.Latitude}, "longitude": {in.Longitude}, "visibility": {in.Visibility},
		"community_id": {in.CommunityID}, "source": {in.Source}, "tags": {joinTags(a.Tags)}, "version": {strconv.Itoa(a.Version)}}
	s.renderActorForm(w, r, http.StatusOK, newForm(v), actorFormData{Action: "/actors/" + a.ID + "/edit", Edit: true, A: a})
}

func (s *server) updateActor(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	a, err := s.svc.UpdateActor(r.Context(), st.Viewer, id, actorInput(r))
	if err != nil {
		cur, gerr := s.svc.Actor(r.Context(), st.Viewer, id)
		if gerr != nil {
			s.fail(w, r, gerr)
			return
		}
		keepEditOnConflict(r, err, cur.Version)
		s.actorFormError(w, r, err, actorFormData{Action: "/actors/" + id + "/edit", Edit: true, A: cur})
		return
	}
	s.redirect(w, r, "/actors/"+url.PathEscape(a.ID), "actors.web.saved")
}
