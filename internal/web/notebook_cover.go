package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
)

// notebookCover serves a notebook's cover image to whoever may see the
// notebook; for anyone else it is absent, like a notebook without one.
func (s *server) notebookCover(w http.ResponseWriter, r *http.Request) {
	f, mimeType, err := s.svc.NotebookCover(r.Context(), state(r).Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", mimeType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", "inline")
	// Nothing loads and nothing runs, even if a browser rendered it as a page.
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	// The answer depends on who asks (a private notebook's cover): never
	// in shared caches, and checked again each time.
	h.Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", f.ModTime(), f)
}

// uploadNotebookCover takes the cover image from a multipart form and
// goes back to the edit page; a refused file comes back as a field error
// on that page.
func (s *server) uploadNotebookCover(w http.ResponseWriter, r *http.Request) {
	nb, ok := s.managedNotebook(w, r)
	if !ok {
		return
	}
	st := state(r)
	err := s.readCover(r, func(name string, body io.Reader) error {
		return s.svc.SetNotebookCover(r.Context(), st.Viewer, nb.ID, name, body)
	})
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			data := map[string]any{"Max": files.LimitFor(files.KindImage) >> 20}
			err = &maillage.Error{Code: maillage.CodeTooLarge, MessageID: "notebook.cover_too_large", Data: data,
				Fields: []maillage.FieldError{{Field: "cover", MessageID: "notebook.cover_too_large", Data: data}}}
		}
		f := newForm(url.Values{"title": {nb.Title}, "description": {nb.Description}, "guide": {nb.Guide},
			"visibility": {string(nb.Visibility)}, "community_id": {nb.CommunityID}})
		f.Values.Set("version", strconv.Itoa(nb.Version))
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		status := formStatus(err)
		if maillage.ErrorCode(err) == maillage.CodeTooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderNotebookForm(w, r, status, f, s.notebookEditData(nb))
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(nb.ID)+"/edit", "web.notebook.cover_saved")
}

// readCover hands the "cover" part of a multipart form to store.
func (s *server) readCover(r *http.Request, store func(name string, body io.Reader) error) error {
	missing := &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "cover", MessageID: "notebook.cover_missing"}}}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return missing
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return missing
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return missing
		}
		if err != nil {
			return err
		}
		if part.FormName() != "cover" {
			part.Close()
			continue
		}
		if part.FileName() == "" {
			part.Close()
			return missing
		}
		err = store(part.FileName(), part)
		part.Close()
		return err
	}
}

func (s *server) removeNotebookCover(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.RemoveNotebookCover(r.Context(), state(r).Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(id)+"/edit", "web.notebook.cover_removed")
}
