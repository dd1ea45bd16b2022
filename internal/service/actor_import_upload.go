package service

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
)

// The web import is two steps: the file is uploaded and previewed (with
// a column mapping people can change), then imported. Between the steps
// the file waits in the file storage under the person's own key, so the
// preview and the import read the same bytes and only its uploader can
// use it.

// actorUploadKey is where a person's uploaded map waits; the token is an
// ID made by StageActorImport.
func actorUploadKey(userID, token string) (string, error) {
	key := "actor-imports/" + userID + "/" + token
	if token == "" || files.ValidKey(key) != nil {
		return "", maillage.ErrNotFound
	}
	return key, nil
}

// StageActorImport keeps an uploaded map of actors for the preview and
// the import that follow, and returns its token.
func (s *Service) StageActorImport(ctx context.Context, v maillage.Viewer, r io.Reader) (string, error) {
	if err := requireSignedIn(v); err != nil {
		return "", err
	}
	token := auth.NewID()
	key, err := actorUploadKey(v.UserID, token)
	if err != nil {
		return "", err
	}
	n, err := s.files.Put(ctx, key, r, MaxActorImportBytes)
	if errors.Is(err, files.ErrTooLarge) {
		return "", importErr(maillage.CodeTooLarge, "actors.import.too_large", map[string]any{"Max": MaxActorImportBytes >> 20})
	}
	if err != nil {
		return "", fmt.Errorf("stage import: %w", err)
	}
	if n == 0 {
		s.files.Delete(ctx, key)
		return "", importErr(maillage.CodeInvalid, "actors.import.empty", nil)
	}
	return token, nil
}

// ImportStagedActors runs ImportActors on a staged file (a preview or the
// import). The import itself removes the file; a preview keeps it.
func (s *Service) ImportStagedActors(ctx context.Context, v maillage.Viewer, token string, o ActorImportOptions) (*ActorImportReport, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	key, err := actorUploadKey(v.UserID, token)
	if err != nil {
		return nil, err
	}
	f, err := s.files.Open(ctx, key)
	if errors.Is(err, files.ErrNotExist) {
		return nil, importErr(maillage.CodeInvalid, "actors.import.expired", nil)
	}
	if err != nil {
		return nil, fmt.Errorf("open staged import: %w", err)
	}
	defer f.Close()
	rep, err := s.ImportActors(ctx, v, f, o)
	if err == nil && !o.DryRun {
		if derr := s.files.Delete(ctx, key); derr != nil {
			s.log.Warn("staged import not removed", "err", derr)
		}
	}
	return rep, err
}
