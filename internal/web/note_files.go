package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// maxUploadBytes caps an upload form: the largest file of any kind plus
// room for the form's framing. Each kind has its own, smaller limit,
// checked while the file is stored.
const maxUploadBytes = files.MaxUpload + 1<<20

// fileCSP is the Content-Security-Policy of served files: nothing loads
// and nothing runs, even if a browser were to render one as a page.
const fileCSP = "default-src 'none'; sandbox"

// uploadPages wraps the upload route like every page (session, viewer,
// UTF-8 guard, cross-origin protection, in that order; see
// pageMiddleware) but with a body limit that fits files.
func (s *server) uploadPages(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	return httpx.Chain(h,
		s.sessions.LoadAndSave,
		s.loadViewer,
		httpx.ValidUTF8(http.HandlerFunc(s.notFound)),
		cop.Handler,
		httpx.MaxBodyBytes(maxUploadBytes),
	)
}

// noteFile serves a note's file to whoever may see the note; to anyone
// else it is the same 404 as a file that does not exist. The type is the
// one detected at upload, never guessed again by the browser, and range
// requests let audio and video seek.
func (s *server) noteFile(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	af, err := s.svc.OpenAttachment(r.Context(), st.Viewer, r.PathValue("id"), r.PathValue("file"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer af.File.Close()
	a := af.Attachment
	h := w.Header()
	h.Set("Content-Type", a.MIME)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", files.ContentDisposition(a.Name, service.AttachmentType(a)))
	h.Set("Content-Security-Policy", fileCSP)
	h.Set("ETag", `"`+a.SHA256+`"`)
	// Every use asks again (no-cache), so making a note private takes
	// effect at once; only public notes' files may sit in shared caches.
	if af.Public {
		h.Set("Cache-Control", "public, no-cache")
	} else {
		h.Set("Cache-Control", "private, no-cache")
	}
	http.ServeContent(w, r, "", af.File.ModTime(), af.File)
}

// uploadNoteFile receives the file form of a note's page. The file part
// is streamed to storage, never held whole in memory.
func (s *server) uploadNoteFile(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	st := state(r)
	back := "/notes/" + url.PathEscape(n.ID)
	err := s.receiveNoteFile(r, n.ID, func(field, value string) {
		if field == "return" && value == "edit" {
			back += "/edit"
		}
	})
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			err = &maillage.Error{Code: maillage.CodeTooLarge, MessageID: "note.upload_too_large",
				Data:   map[string]any{"Max": files.MaxUpload >> 20},
				Fields: []maillage.FieldError{{Field: "file", MessageID: "note.upload_too_large", Data: map[string]any{"Max": files.MaxUpload >> 20}}}}
		}
		f := newForm(nil)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		relabelNoteErrors(f, st.L)
		status := http.StatusUnprocessableEntity
		if maillage.ErrorCode(err) == maillage.CodeTooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderNote(w, r, status, f)
		return
	}
	s.redirect(w, r, back, "web.note.file_added")
}

// receiveNoteFile reads a multipart form: small fields go to field, the
// "file" part to the note's files.
func (s *server) receiveNoteFile(r *http.Request, noteID string, field func(name, value string)) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return fileFieldError("note.file_missing")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return fileFieldError("note.file_missing")
	}
	uploaded := false
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return uploadError(err)
		}
		if part.FormName() != "file" {
			b, err := io.ReadAll(io.LimitReader(part, 1024))
			part.Close()
			if err != nil {
				return uploadError(err)
			}
			field(part.FormName(), string(b))
			continue
		}
		if part.FileName() == "" || uploaded {
			part.Close()
			continue
		}
		_, err = s.svc.UploadAttachment(r.Context(), state(r).Viewer, noteID, part.FileName(), part)
		part.Close()
		if err != nil {
			return uploadError(err)
		}
		uploaded = true
	}
	if !uploaded {
		return fileFieldError("note.file_missing")
	}
	return nil
}

func fileFieldError(messageID string) error {
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "file", MessageID: messageID}}}
}

// uploadError tells a body cut short from other failures.
func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return err
	}
	if maillage.ErrorCode(err) == maillage.CodeInternal && errors.Is(err, io.ErrUnexpectedEOF) {
		return fileFieldError("note.upload_cut")
	}
	return err
}

func (s *server) deleteNoteFile(w http.ResponseWriter, r *http.Request) {
	n, ok := s.editableNote(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.svc.DeleteAttachment(r.Context(), state(r).Viewer, n.ID, r.PathValue("file")); err != nil {
		s.fail(w, r, err)
		return
	}
	back := "/notes/" + url.PathEscape(n.ID)
	if r.PostForm.Get("return") == "edit" {
		back += "/edit"
	}
	s.redirect(w, r, back, "web.note.file_deleted")
}
