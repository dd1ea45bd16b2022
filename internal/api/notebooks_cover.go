package api

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
)

// maxCoverBody caps a cover upload: the image limit and room for the
// multipart envelope.
const maxCoverBody = 10<<20 + 1<<20

func (s *server) putNotebookCover(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return invalid("notebook.multipart_required", nil, "")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return invalid("notebook.multipart_required", nil, "")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return invalid("notebook.cover_missing", nil, "file")
		}
		if err != nil {
			return coverReadError(err)
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		err = s.svc.SetNotebookCover(r.Context(), v, r.PathValue("id"), part.FileName(), part)
		part.Close()
		if err != nil {
			return coverReadError(err)
		}
		noContent(w)
		return nil
	}
}

// coverReadError reports a body over the limit as too large.
func coverReadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return maillage.Errorf(maillage.CodeTooLarge, "notebook.cover_too_large").
			WithData(map[string]any{"Max": files.LimitFor(files.KindImage) >> 20}).Wrap(err)
	}
	return err
}

func (s *server) deleteNotebookCover(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveNotebookCover(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
