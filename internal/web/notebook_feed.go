package web

import (
	"bytes"
	"net/http"

	"github.com/maillage/maillage/internal/feed"
)

// notebookFeed serves the Atom feed of a public notebook. It is built as
// for a visitor whoever asks, and a notebook that is not public answers
// 404 exactly like an absent one.
func (s *server) notebookFeed(w http.ResponseWriter, r *http.Request) {
	f, err := s.svc.NotebookFeed(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", feed.ContentType)
	h.Set("X-Content-Type-Options", "nosniff")
	// The same for everyone: feed readers may keep it a few minutes.
	h.Set("Cache-Control", "public, max-age=300")
	w.Write(buf.Bytes())
}
