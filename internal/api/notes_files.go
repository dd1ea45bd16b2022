package api

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// MaxUploadBytes caps the body of an upload: the largest file of any kind
// plus room for the multipart framing. Each kind has its own, smaller
// limit, checked while the file is stored.
const MaxUploadBytes = files.MaxUpload + 1<<20

func (s *server) listAttachments(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Attachments(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := make([]attachmentJSON, len(list))
	for i := range list {
		out[i] = attachmentOut(&list[i])
	}
	s.writeJSON(w, http.StatusOK, newList(out, len(out), service.Page{Limit: len(out)}))
	return nil
}

// uploadAttachment reads a multipart/form-data body whose "file" part is
// the file. The part is streamed to storage, never held in memory.
func (s *server) uploadAttachment(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return invalid("note.multipart_required", nil, "")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return invalid("note.multipart_required", nil, "")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return invalid("note.file_missing", nil, "file")
		}
		if err != nil {
			return uploadReadError(err)
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		a, err := s.svc.UploadAttachment(r.Context(), v, r.PathValue("id"), part.FileName(), part)
		part.Close()
		if err != nil {
			return uploadReadError(err)
		}
		w.Header().Set("Location", Prefix+"/notes/"+a.NoteID+"/attachments")
		s.writeJSON(w, http.StatusCreated, attachmentOut(a))
		return nil
	}
}

// uploadReadError reports a body cut short or over the limit as such.
func uploadReadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return maillage.Errorf(maillage.CodeTooLarge, "note.upload_too_large").
			WithData(map[string]any{"Max": files.MaxUpload >> 20}).Wrap(err)
	}
	if maillage.ErrorCode(err) == maillage.CodeInternal && errors.Is(err, io.ErrUnexpectedEOF) {
		return invalid("note.upload_cut", nil, "file")
	}
	return err
}

func (s *server) deleteAttachment(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteAttachment(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("attachment_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
