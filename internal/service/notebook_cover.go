package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// coverKey is where a notebook's cover lives in file storage: one per
// notebook, replaced in place.
func coverKey(notebookID string) string { return "notebooks/" + notebookID + "/cover" }

// SetNotebookCover stores an image as a notebook's cover: managers. The
// type is decided by the bytes (an image, nothing else), the size bounded
// by the image limit. The cover is served with the notebook's visibility.
func (s *Service) SetNotebookCover(ctx context.Context, v maillage.Viewer, id, filename string, r io.Reader) error {
	if _, err := s.managedNotebook(ctx, v, id); err != nil {
		return err
	}
	if s.files == nil {
		return errors.New("notebook cover: no file storage configured")
	}
	head := make([]byte, files.HeadSize)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fmt.Errorf("notebook cover: read: %w", err)
	}
	head = head[:n]
	if n == 0 {
		return coverError(maillage.CodeInvalid, "notebook.cover_empty", nil)
	}
	typ, err := files.Detect(head, filename)
	if err != nil || typ.Kind != files.KindImage {
		return coverError(maillage.CodeInvalid, "notebook.cover_type", nil).Wrap(err)
	}
	limit := files.LimitFor(files.KindImage)
	key := coverKey(id)
	if _, err := s.files.Put(ctx, key, io.MultiReader(bytes.NewReader(head), r), limit); err != nil {
		if errors.Is(err, files.ErrTooLarge) {
			return coverError(maillage.CodeTooLarge, "notebook.cover_too_large", map[string]any{"Max": limit >> 20}).Wrap(err)
		}
		return fmt.Errorf("notebook cover: %w", err)
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetNotebookCover(ctx, id, key, typ.MIME) })
	if maillage.IsNotFound(err) {
		// Deleted while the bytes arrived: nothing may point at them.
		if derr := s.files.Delete(context.WithoutCancel(ctx), key); derr != nil {
			s.log.Warn("notebook cover: remove orphan", "key", key, "err", derr)
		}
	}
	return err
}

// RemoveNotebookCover takes a notebook's cover away: managers.
func (s *Service) RemoveNotebookCover(ctx context.Context, v maillage.Viewer, id string) error {
	nb, err := s.managedNotebook(ctx, v, id)
	if err != nil {
		return err
	}
	if nb.CoverKey == "" || s.files == nil {
		return nil
	}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetNotebookCover(ctx, id, "", "") }); err != nil {
		return err
	}
	// Deleted now rather than by a later job: the key is reused by the
	// next cover, which a late job would delete. A file left behind is
	// unreachable, the row no longer pointing at it.
	if err := s.files.Delete(context.WithoutCancel(ctx), nb.CoverKey); err != nil && !errors.Is(err, files.ErrNotExist) {
		s.log.Warn("notebook cover: remove file", "key", nb.CoverKey, "err", err)
	}
	return nil
}

// NotebookCover opens a notebook's cover for a viewer who may see the
// notebook; anything else (no cover, an invisible notebook, missing
// bytes) is not found alike. The caller closes the file.
func (s *Service) NotebookCover(ctx context.Context, v maillage.Viewer, id string) (files.File, string, error) {
	nb, err := s.Notebook(ctx, v, id)
	if err != nil {
		return nil, "", err
	}
	if nb.CoverKey == "" || s.files == nil {
		return nil, "", maillage.ErrNotFound
	}
	f, err := s.files.Open(ctx, nb.CoverKey)
	if errors.Is(err, files.ErrNotExist) {
		return nil, "", maillage.ErrNotFound
	}
	if err != nil {
		return nil, "", fmt.Errorf("notebook cover: %w", err)
	}
	return f, nb.CoverMIME, nil
}

// coverError is an error about the "cover" field of a form.
func coverError(code maillage.Code, messageID string, data map[string]any) *maillage.Error {
	return &maillage.Error{Code: code, MessageID: messageID, Data: data,
		Fields: []maillage.FieldError{{Field: "cover", MessageID: messageID, Data: data}}}
}
