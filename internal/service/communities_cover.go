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

// communityCoverKey is where a community's cover lives in file storage:
// one per community, replaced in place.
func communityCoverKey(id string) string { return "communities/" + id + "/cover" }

// SetCommunityCover stores an image as a community's cover: managers. The
// type is decided by the bytes (an image, nothing else) and the size is
// bounded by the image limit.
func (s *Service) SetCommunityCover(ctx context.Context, v maillage.Viewer, id, filename string, r io.Reader) error {
	c, err := s.managedCommunity(ctx, v, id)
	if err != nil {
		return err
	}
	if s.files == nil {
		return errors.New("community cover: no file storage configured")
	}
	head, err := files.ReadHead(r)
	if err != nil {
		return fmt.Errorf("community cover: %w", err)
	}
	if len(head) == 0 {
		return communityCoverError(maillage.CodeInvalid, "community.cover_empty", nil)
	}
	typ, err := files.Detect(head, filename)
	if err != nil || typ.Kind != files.KindImage {
		return communityCoverError(maillage.CodeInvalid, "community.cover_type", nil).Wrap(err)
	}
	limit := files.LimitFor(files.KindImage)
	key := communityCoverKey(c.ID)
	if _, err := s.files.Put(ctx, key, io.MultiReader(bytes.NewReader(head), r), limit); err != nil {
		if errors.Is(err, files.ErrTooLarge) {
			return communityCoverError(maillage.CodeTooLarge, "community.cover_too_large", map[string]any{"Max": limit >> 20}).Wrap(err)
		}
		return fmt.Errorf("community cover: %w", err)
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetCommunityCover(ctx, c.ID, typ.MIME) })
}

// RemoveCommunityCover takes a community's cover away: managers.
func (s *Service) RemoveCommunityCover(ctx context.Context, v maillage.Viewer, id string) error {
	c, err := s.managedCommunity(ctx, v, id)
	if err != nil {
		return err
	}
	if c.CoverType == "" || s.files == nil {
		return nil
	}
	if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetCommunityCover(ctx, c.ID, "") }); err != nil {
		return err
	}
	// The key is reused by the next cover, so the file goes now; one left
	// behind is unreachable, the row no longer naming a type.
	if err := s.files.Delete(context.WithoutCancel(ctx), communityCoverKey(c.ID)); err != nil && !errors.Is(err, files.ErrNotExist) {
		s.log.Warn("community cover: remove file", "community", c.ID, "err", err)
	}
	return nil
}

// CommunityCover opens a community's cover for a viewer who may see the
// community; anything else (no cover, an invisible community, missing
// bytes) is not found alike. The caller closes the file.
func (s *Service) CommunityCover(ctx context.Context, v maillage.Viewer, id string) (files.File, string, error) {
	c, err := s.Community(ctx, v, id)
	if err != nil {
		return nil, "", err
	}
	if c.CoverType == "" || s.files == nil {
		return nil, "", maillage.ErrNotFound
	}
	f, err := s.files.Open(ctx, communityCoverKey(c.ID))
	if errors.Is(err, files.ErrNotExist) {
		return nil, "", maillage.ErrNotFound
	}
	if err != nil {
		return nil, "", fmt.Errorf("community cover: %w", err)
	}
	return f, c.CoverType, nil
}

// communityCoverError is an error about the "cover" field of a form.
func communityCoverError(code maillage.Code, messageID string, data map[string]any) *maillage.Error {
	return &maillage.Error{Code: code, MessageID: messageID, Data: data,
		Fields: []maillage.FieldError{{Field: "cover", MessageID: messageID, Data: data}}}
}
