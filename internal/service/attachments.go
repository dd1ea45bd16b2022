package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// JobDeleteFiles is the job kind that deletes stored files whose rows are
// gone (a deleted note's attachments, a deleted attachment). The rows go
// in a transaction that also enqueues this job, so the database never
// points at a missing file and a file is never forgotten.
const JobDeleteFiles = "files.delete"

type deleteFilesPayload struct {
	Keys []string `json:"keys"`
}

func (s *Service) enqueueFileDeletion(ctx context.Context, tx *store.Tx, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	if err := tx.Enqueue(ctx, JobDeleteFiles, deleteFilesPayload{Keys: keys}); err != nil {
		return fmt.Errorf("delete files: %w", err)
	}
	return nil
}

// DeleteStoredFiles runs a JobDeleteFiles job: it removes the files from
// storage. A file already gone counts as deleted, so a retry is harmless.
func (s *Service) DeleteStoredFiles(ctx context.Context, payload json.RawMessage) error {
	var p deleteFilesPayload
	if err := json.Unmarshal(payload, &p); err != nil {
		return fmt.Errorf("delete files: %w", err)
	}
	if s.files == nil {
		return errors.New("delete files: no file storage configured")
	}
	var errs []error
	for _, key := range p.Keys {
		if err := s.files.Delete(ctx, key); err != nil && !errors.Is(err, files.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// UploadAttachment stores a file sent by one of a note's authors. Its
// type is decided by its content, not its name; its size is bounded by
// the limit of its kind; it is stored under a key made from a new ID.
func (s *Service) UploadAttachment(ctx context.Context, v maillage.Viewer, noteID, name string, r io.Reader) (*maillage.Attachment, error) {
	if _, err := s.editableNote(ctx, v, noteID); err != nil {
		return nil, err
	}
	if s.files == nil {
		return nil, errors.New("upload: no file storage configured")
	}
	head := make([]byte, files.HeadSize)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("upload: read: %w", err)
	}
	head = head[:n]
	if n == 0 {
		return nil, fileError(maillage.CodeInvalid, "note.file_empty", nil)
	}
	typ, err := files.Detect(head, name)
	if err != nil {
		return nil, fileError(maillage.CodeInvalid, "note.file_type", nil).Wrap(err)
	}
	id := auth.NewID()
	a := &maillage.Attachment{ID: id, NoteID: noteID, StorageKey: files.KeyFor(id), Name: files.SafeName(name, typ),
		MIME: typ.MIME, Kind: string(typ.Kind), UploadedBy: v.UserID}
	if typ.Kind == files.KindImage {
		a.Width, a.Height, _ = files.ImageSize(head)
	}
	limit := files.LimitFor(typ.Kind)
	sum := sha256.New()
	written, err := s.files.Put(ctx, a.StorageKey, io.TeeReader(io.MultiReader(bytes.NewReader(head), r), sum), limit)
	if errors.Is(err, files.ErrTooLarge) {
		return nil, fileError(maillage.CodeTooLarge, "note.file_too_large", map[string]any{"Max": limit >> 20}).Wrap(err)
	}
	if err != nil {
		return nil, fmt.Errorf("upload: %w", err)
	}
	a.Size, a.SHA256 = written, hex.EncodeToString(sum.Sum(nil))
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		// The note may have been deleted, or the uploader removed from its
		// authors, while the bytes arrived.
		note, err := tx.Note(ctx, noteID)
		if err != nil {
			return err
		}
		if !maillage.CanEditContent(v, note.Access()) {
			return maillage.ErrForbidden
		}
		return tx.CreateAttachment(ctx, a)
	})
	if err != nil {
		if derr := s.files.Delete(context.WithoutCancel(ctx), a.StorageKey); derr != nil {
			s.log.Warn("upload: remove unrecorded file", "key", a.StorageKey, "err", derr)
		}
		return nil, err
	}
	return a, nil
}

// fileError is an error about the "file" field of an upload.
func fileError(code maillage.Code, messageID string, data map[string]any) *maillage.Error {
	return &maillage.Error{Code: code, MessageID: messageID, Data: data,
		Fields: []maillage.FieldError{{Field: "file", MessageID: messageID, Data: data}}}
}

// Attachments lists the files of a note the viewer may see.
func (s *Service) Attachments(ctx context.Context, v maillage.Viewer, noteID string) ([]maillage.Attachment, error) {
	if _, err := s.Note(ctx, v, noteID); err != nil {
		return nil, err
	}
	return s.db.Attachments(ctx, noteID)
}

// AttachmentFile is a note's file opened for reading.
type AttachmentFile struct {
	Attachment *maillage.Attachment
	// File holds the bytes; the caller closes it.
	File files.File
	// Public is true when the note is public: the file may then sit in
	// shared caches, which still revalidate it.
	Public bool
}

// OpenAttachment returns a file of a note and its bytes, when the viewer
// may see the note. A file of a note they may not see, of another note,
// or whose bytes are missing is not found, all alike.
func (s *Service) OpenAttachment(ctx context.Context, v maillage.Viewer, noteID, id string) (*AttachmentFile, error) {
	n, err := s.Note(ctx, v, noteID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewAttachment(v, n.Access()) {
		return nil, maillage.ErrNotFound
	}
	a, err := s.db.Attachment(ctx, noteID, id)
	if err != nil {
		return nil, err
	}
	if s.files == nil {
		return nil, errors.New("open attachment: no file storage configured")
	}
	f, err := s.files.Open(ctx, a.StorageKey)
	if errors.Is(err, files.ErrNotExist) {
		s.log.Warn("attachment without its file", "attachment", a.ID, "key", a.StorageKey)
		return nil, maillage.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("open attachment: %w", err)
	}
	return &AttachmentFile{Attachment: a, File: f, Public: n.Visibility == maillage.VisibilityPublic}, nil
}

// AttachmentType rebuilds the detected type of a stored file, to serve
// it: its MIME type, and whether it may be shown inline (every kind but
// documents, which are only offered as downloads).
func AttachmentType(a *maillage.Attachment) files.Type {
	k := files.Kind(a.Kind)
	return files.Type{MIME: a.MIME, Kind: k, Ext: path.Ext(a.Name), Inline: k != files.KindDocument}
}

// AttachmentHref is where a note's file is served. The name at the end
// only makes the address readable and the download well named.
func AttachmentHref(a *maillage.Attachment) string {
	return NoteHref(a.NoteID) + "/files/" + url.PathEscape(a.ID) + "/" + url.PathEscape(a.Name)
}

// DeleteAttachment removes a file of a note: its authors only.
func (s *Service) DeleteAttachment(ctx context.Context, v maillage.Viewer, noteID, id string) error {
	if _, err := s.editableNote(ctx, v, noteID); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		key, err := tx.DeleteAttachment(ctx, noteID, id)
		if err != nil {
			return err
		}
		return s.enqueueFileDeletion(ctx, tx, []string{key})
	})
}
