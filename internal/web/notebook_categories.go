package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

type notebookCategoriesData struct {
	NB     *maillage.Notebook
	Counts map[string]int
}

func (s *server) notebookCategories(w http.ResponseWriter, r *http.Request) {
	s.renderNotebookCategories(w, r, http.StatusOK, newForm(nil))
}

// renderNotebookCategories draws the categories page of a notebook's
// managers; its forms come back here with their errors.
func (s *server) renderNotebookCategories(w http.ResponseWriter, r *http.Request, status int, f *form) {
	nb, ok := s.managedNotebook(w, r)
	if !ok {
		return
	}
	st := state(r)
	counts, err := s.svc.NotebookCategoryCounts(r.Context(), st.Viewer, nb.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	relabelNotebookErrors(f, st.L.T)
	s.render(w, r, status, view{Template: "notebook_categories", Title: st.L.T("web.notebook.categories_title", map[string]any{"Title": nb.Title}),
		Nav: "notebooks", Form: f, Data: notebookCategoriesData{NB: nb, Counts: counts}})
}

// categoryAction runs a change to the categories and goes back to their
// page; a refused name comes back on the form.
func (s *server) categoryAction(w http.ResponseWriter, r *http.Request, flashID string, act func(v maillage.Viewer, id string) error) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	if err := act(st.Viewer, id); err != nil {
		f := newForm(r.PostForm)
		if e := maillage.AsError(err); len(e.Fields) > 0 && f.apply(st.L, err) {
			s.renderNotebookCategories(w, r, formStatus(err), f)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(id)+"/categories", flashID)
}

func (s *server) createNotebookCategory(w http.ResponseWriter, r *http.Request) {
	s.categoryAction(w, r, "web.notebook.category_created", func(v maillage.Viewer, id string) error {
		_, err := s.svc.CreateNotebookCategory(r.Context(), v, id, r.PostForm.Get("name"))
		return err
	})
}

func (s *server) renameNotebookCategory(w http.ResponseWriter, r *http.Request) {
	s.categoryAction(w, r, "web.notebook.category_renamed", func(v maillage.Viewer, id string) error {
		return s.svc.RenameNotebookCategory(r.Context(), v, id, r.PathValue("cat"), r.PostForm.Get("name"))
	})
}

func (s *server) moveNotebookCategory(w http.ResponseWriter, r *http.Request) {
	s.categoryAction(w, r, "", func(v maillage.Viewer, id string) error {
		return s.svc.MoveNotebookCategory(r.Context(), v, id, r.PathValue("cat"), r.PostForm.Get("dir") == "up")
	})
}

func (s *server) deleteNotebookCategory(w http.ResponseWriter, r *http.Request) {
	s.categoryAction(w, r, "web.notebook.category_deleted", func(v maillage.Viewer, id string) error {
		return s.svc.DeleteNotebookCategory(r.Context(), v, id, r.PathValue("cat"))
	})
}
