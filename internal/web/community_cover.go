package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

// communityCover serves a community's cover image to whoever may see the
// community; for anyone else it is absent, like a community without one.
func (s *server) communityCover(w http.ResponseWriter, r *http.Request) {
	f, mimeType, err := s.svc.CommunityCover(r.Context(), state(r).Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", mimeType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", "inline")
	// A private community's cover depends on who asks: never in shared
	// caches, and checked again each time.
	h.Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", f.ModTime(), f)
}

// uploadCommunityCover takes the cover image from a multipart form and
// goes back to the edit page, saying what was wrong with a refused file.
func (s *server) uploadCommunityCover(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	back := "/communities/" + url.PathEscape(c.ID) + "/edit#cover"
	err := communityCoverPart(r, func(name string, body io.Reader) error {
		return s.svc.SetCommunityCover(r.Context(), state(r).Viewer, c.ID, name, body)
	})
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		err = &maillage.Error{Code: maillage.CodeTooLarge, MessageID: "community.cover_too_large", Data: map[string]any{"Max": 10},
			Fields: []maillage.FieldError{{Field: "cover", MessageID: "community.cover_too_large", Data: map[string]any{"Max": 10}}}}
	}
	if e := maillage.AsError(err); err != nil && len(e.Fields) > 0 {
		s.sessions.Put(r.Context(), sessionFlash, e.Fields[0].MessageID)
		s.sessions.Put(r.Context(), sessionFlashKind, "error")
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, back, "web.community.cover_saved")
}

// communityCoverPart hands the "cover" part of a multipart form to store.
func communityCoverPart(r *http.Request, store func(name string, body io.Reader) error) error {
	missing := &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "cover", MessageID: "community.cover_missing"}}}
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
		if part.FormName() != "cover" || part.FileName() == "" {
			part.Close()
			continue
		}
		err = store(part.FileName(), part)
		part.Close()
		return err
	}
}

func (s *server) removeCommunityCover(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.RemoveCommunityCover(r.Context(), state(r).Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/communities/"+url.PathEscape(id)+"/edit#cover", "web.community.cover_removed")
}
