package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// TokenPrefix starts every API token, so a leaked one is easy to spot in
// logs and secret scanners.
const TokenPrefix = "mlg_"

// maxTokensPerUser bounds how many API tokens one person keeps.
const maxTokensPerUser = 50

// CreateToken makes a named API token for the viewer and returns its
// secret, which is shown once and stored only as a hash.
func (s *Service) CreateToken(ctx context.Context, v maillage.Viewer, name string) (string, *maillage.APIToken, error) {
	if err := requireSignedIn(v); err != nil {
		return "", nil, err
	}
	name = maillage.CleanLine(name)
	var val maillage.Validator
	val.Required("name", name)
	val.MaxLen("name", name, 100)
	if err := val.Err(); err != nil {
		return "", nil, err
	}
	existing, err := s.db.APITokens(ctx, v.UserID)
	if err != nil {
		return "", nil, err
	}
	if len(existing) >= maxTokensPerUser {
		return "", nil, maillage.Errorf(maillage.CodeConflict, "token.too_many").WithData(map[string]any{"Max": maxTokensPerUser})
	}
	plain, hash, err := auth.NewToken(TokenPrefix)
	if err != nil {
		return "", nil, fmt.Errorf("create token: %w", err)
	}
	t := &maillage.APIToken{ID: auth.NewID(), UserID: v.UserID, Name: name}
	err = s.db.Update(ctx, func(tx *store.Tx) error { return tx.CreateAPIToken(ctx, t, hash) })
	if err != nil {
		return "", nil, err
	}
	return plain, t, nil
}

// Tokens lists the viewer's API tokens (never their secrets).
func (s *Service) Tokens(ctx context.Context, v maillage.Viewer) ([]maillage.APIToken, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	return s.db.APITokens(ctx, v.UserID)
}

// RevokeToken deletes one of the viewer's tokens; another's is not found.
func (s *Service) RevokeToken(ctx context.Context, v maillage.Viewer, id string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteAPIToken(ctx, v.UserID, id) })
}

// AuthenticateToken returns the user ID a bearer token belongs to.
// Last use is recorded at most once a minute, to keep API reads off the
// single SQLite writer.
func (s *Service) AuthenticateToken(ctx context.Context, plain string) (string, error) {
	if !strings.HasPrefix(plain, TokenPrefix) || len(plain) > 200 {
		return "", maillage.ErrUnauthorized
	}
	id, userID, last, err := s.db.APITokenUser(ctx, auth.HashToken(plain))
	if maillage.IsNotFound(err) {
		return "", maillage.ErrUnauthorized
	}
	if err != nil {
		return "", err
	}
	if last == nil || s.db.Now().Sub(*last) > time.Minute {
		if err := s.db.Update(ctx, func(tx *store.Tx) error { return tx.TouchAPIToken(ctx, id) }); err != nil {
			s.log.Warn("record token use", "err", err)
		}
	}
	return userID, nil
}
