package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// notebookFormData feeds the form shared by notebooks and knowledge bases
// (which have no guide and no cover).
type notebookFormData struct {
	Action      string
	Cancel      string
	Edit        bool
	KB          bool
	Communities []option
	// NB is the notebook being edited, for its cover.
	NB *maillage.Notebook
}

func (s *server) newNotebookForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	v := url.Values{"visibility": {"private"}}
	if c := r.URL.Query().Get("community"); c != "" {
		v.Set("community_id", c)
	}
	s.renderNotebookForm(w, r, http.StatusOK, newForm(v), notebookFormData{Action: "/notebooks", Cancel: "/notebooks"})
}

func (s *server) renderNotebookForm(w http.ResponseWriter, r *http.Request, status int, f *form, d notebookFormData) {
	l := state(r).L
	var err error
	current := f.Get("community_id")
	if d.Communities, err = s.communityChoices(r, current); err != nil {
		s.fail(w, r, err)
		return
	}
	// A link to a community the manager may not see stays as it is:
	// without an option of its own, saving the form would drop it.
	if current != "" && !slices.ContainsFunc(d.Communities, func(o option) bool { return o.Value == current }) {
		d.Communities = append(d.Communities, option{Value: current, Label: l.T("web.notebook.hidden_community")})
	}
	title := l.T("web.notebook.new")
	switch {
	case d.KB && d.Edit:
		title = l.T("web.kb.edit_title", map[string]any{"Title": f.Get("title")})
	case d.KB:
		title = l.T("web.kb.new")
	case d.Edit:
		title = l.T("web.notebook.edit_title", map[string]any{"Title": d.NB.Title})
	}
	relabelNotebookErrors(f, l.T)
	s.render(w, r, status, view{Template: "notebook_form", Title: title, Nav: "notebooks", Form: f, Data: d})
}

// relabelNotebookErrors names the fields of the error summary with this
// area's own labels, so notebook forms need no entry in the shared ones.
func relabelNotebookErrors(f *form, t func(string, ...map[string]any) string) {
	for i, it := range f.Summary {
		f.Summary[i].Label = t("web.notebook.field." + unreserved(it.Field))
	}
}

func notebookInput(r *http.Request) maillage.NotebookInput {
	return maillage.NotebookInput{
		Title:       trimmed(r, "title"),
		Description: r.PostForm.Get("description"),
		Guide:       r.PostForm.Get("guide"),
		Visibility:  r.PostForm.Get("visibility"),
		CommunityID: r.PostForm.Get("community_id"),
		Version:     formVersion(r),
	}
}

func (s *server) createNotebook(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	nb, err := s.svc.CreateNotebook(r.Context(), st.Viewer, notebookInput(r))
	if err != nil {
		s.notebookFormError(w, r, err, notebookFormData{Action: "/notebooks", Cancel: "/notebooks"})
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(nb.ID), "web.notebook.created")
}

// managedNotebook returns a notebook the viewer manages.
func (s *server) managedNotebook(w http.ResponseWriter, r *http.Request) (*maillage.Notebook, bool) {
	return managedItem(s, w, r, s.svc.Notebook, service.CanManageNotebook)
}

// managedItem loads the item of the path that the viewer manages: not
// found when invisible (for visitors too), sign-in for visitors,
// forbidden otherwise.
func managedItem[T any](s *server, w http.ResponseWriter, r *http.Request,
	load func(ctx context.Context, v maillage.Viewer, id string) (T, error), canManage func(maillage.Viewer, T) bool) (T, bool) {
	st := state(r)
	var none T
	item, err := load(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return none, false
	}
	if !s.requireSignedIn(w, r) {
		return none, false
	}
	if !canManage(st.Viewer, item) {
		s.fail(w, r, maillage.ErrForbidden)
		return none, false
	}
	return item, true
}

// notebookFormError shows the notebook or knowledge base form again with
// err's field errors, or the error page when err names no field.
func (s *server) notebookFormError(w http.ResponseWriter, r *http.Request, err error, d notebookFormData) {
	f := newForm(r.PostForm)
	if !f.apply(state(r).L, err) {
		s.fail(w, r, err)
		return
	}
	s.renderNotebookForm(w, r, formStatus(err), f, d)
}

func (s *server) editNotebookForm(w http.ResponseWriter, r *http.Request) {
	nb, ok := s.managedNotebook(w, r)
	if !ok {
		return
	}
	v := url.Values{"title": {nb.Title}, "description": {nb.Description}, "guide": {nb.Guide},
		"visibility": {string(nb.Visibility)}, "community_id": {nb.CommunityID}, "version": {strconv.Itoa(nb.Version)}}
	s.renderNotebookForm(w, r, http.StatusOK, newForm(v), s.notebookEditData(nb))
}

func (s *server) notebookEditData(nb *maillage.Notebook) notebookFormData {
	return notebookFormData{Action: "/notebooks/" + nb.ID + "/edit", Cancel: "/notebooks/" + nb.ID, Edit: true, NB: nb}
}

func (s *server) updateNotebook(w http.ResponseWriter, r *http.Request) {
	nb, ok := s.managedNotebook(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	if _, err := s.svc.UpdateNotebook(r.Context(), st.Viewer, nb.ID, notebookInput(r)); err != nil {
		// On a conflict the text stays as typed and the form takes the
		// current version, so saving again knowingly replaces the other edit.
		if cur, gerr := s.svc.Notebook(r.Context(), st.Viewer, nb.ID); gerr == nil {
			keepEditOnConflict(r, err, cur.Version)
		}
		s.notebookFormError(w, r, err, s.notebookEditData(nb))
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(nb.ID), "web.notebook.saved")
}

// deleteData feeds the confirmation page shared by notebooks and
// knowledge bases.
type deleteData struct {
	Title, Action, Cancel, Intro string
}

func (s *server) deleteNotebookConfirm(w http.ResponseWriter, r *http.Request) {
	nb, ok := s.managedNotebook(w, r)
	if !ok {
		return
	}
	l := state(r).L
	s.render(w, r, http.StatusOK, view{Template: "notebook_delete", Title: l.T("web.notebook.delete_title", map[string]any{"Title": nb.Title}),
		Nav: "notebooks", Data: deleteData{Title: nb.Title, Action: "/notebooks/" + nb.ID + "/delete", Cancel: "/notebooks/" + nb.ID,
			Intro: l.T("web.notebook.delete_intro")}})
}

func (s *server) deleteNotebook(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	if err := s.svc.DeleteNotebook(r.Context(), state(r).Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/notebooks", "web.notebook.deleted")
}
