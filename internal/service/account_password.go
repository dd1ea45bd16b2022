package service

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// RequestPasswordReset emails a reset link if the address has an account.
// It answers the same either way, so it does not reveal who has one; past
// the daily email limit of the address it silently sends nothing.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email = maillage.NormalizeEmail(email)
	var v maillage.Validator
	v.Required("email", email)
	v.Email("email", email)
	if err := v.Err(); err != nil {
		return err
	}
	// Counted whether or not the address has an account, so the time
	// taken does not tell either.
	send, err := s.mayEmail(ctx, email)
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	creds, err := s.db.Credentials(ctx, email)
	if maillage.IsNotFound(err) || (err == nil && !send) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return s.enqueueEmailLink(ctx, tx, creds.User, store.PurposeReset, resetTTL, "/password/reset", "")
	})
}

// ResetPassword sets a new password with an emailed token. It ends every
// session of the person (the device that reset signs in again with the
// new password) and revokes all their API tokens. A valid reset link also
// proves the address, so it confirms it. A link sent before the password
// last changed no longer works, with its own message.
func (s *Service) ResetPassword(ctx context.Context, token, password string) (*maillage.User, error) {
	var v maillage.Validator
	maillage.ValidatePassword(&v, "password", password)
	if err := v.Err(); err != nil {
		return nil, err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return nil, fmt.Errorf("reset password: %w", err)
	}
	var u *maillage.User
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		t, err := tx.ConsumeLink(ctx, auth.HashToken(token), store.PurposeReset)
		if maillage.IsNotFound(err) {
			superseded, err := tx.ResetLinkSuperseded(ctx, auth.HashToken(token))
			if err != nil {
				return err
			}
			if superseded {
				return maillage.Errorf(maillage.CodeInvalid, "security.reset_link_superseded")
			}
			return maillage.Errorf(maillage.CodeInvalid, "account.link_invalid")
		}
		if err != nil {
			return err
		}
		if err := s.replacePassword(ctx, tx, t.UserID, hash); err != nil {
			return err
		}
		if err := tx.ConfirmEmail(ctx, t.UserID, t.Email); err != nil && !maillage.IsNotFound(err) {
			return err
		}
		u, err = tx.User(ctx, t.UserID)
		return err
	})
	return u, err
}

// ChangePassword replaces the viewer's password after checking the
// current one. Every other session of the person ends and all their API
// tokens are revoked; the returned epoch keeps the current session
// signed in.
func (s *Service) ChangePassword(ctx context.Context, v maillage.Viewer, current, next string) (int64, error) {
	if err := requireSignedIn(v); err != nil {
		return 0, err
	}
	var val maillage.Validator
	val.Required("current_password", current)
	maillage.ValidatePassword(&val, "password", next)
	if err := val.Err(); err != nil {
		return 0, err
	}
	hash, err := s.db.PasswordHash(ctx, v.UserID)
	if err != nil {
		return 0, err
	}
	ok, err := s.hasher.Verify(ctx, current, hash)
	if err != nil {
		return 0, fmt.Errorf("change password: %w", err)
	}
	if !ok {
		return 0, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "current_password", MessageID: "account.wrong_password"}}}
	}
	newHash, err := s.hasher.Hash(ctx, next)
	if err != nil {
		return 0, fmt.Errorf("change password: %w", err)
	}
	var epoch int64
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if err := s.replacePassword(ctx, tx, v.UserID, newHash); err != nil {
			return err
		}
		epoch, err = tx.SessionEpoch(ctx, v.UserID)
		return err
	})
	return epoch, err
}

// replacePassword sets a new password hash, ends every session and
// revokes every API token, in the caller's transaction. Reset links sent
// before stop working (store.Tx.SetPassword).
func (s *Service) replacePassword(ctx context.Context, tx *store.Tx, userID, hash string) error {
	if err := tx.SetPassword(ctx, userID, hash); err != nil {
		return err
	}
	if _, err := tx.EndSessions(ctx, userID); err != nil {
		return err
	}
	_, err := tx.DeleteAPITokens(ctx, userID)
	return err
}

// SignOutEverywhere ends every web session of the viewer; the returned
// epoch keeps the current one signed in. API tokens stay.
func (s *Service) SignOutEverywhere(ctx context.Context, v maillage.Viewer) (int64, error) {
	if err := requireSignedIn(v); err != nil {
		return 0, err
	}
	var epoch int64
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		epoch, err = tx.EndSessions(ctx, v.UserID)
		return err
	})
	return epoch, err
}

// SessionViewer is Viewer for a web session: a session whose epoch is no
// longer the person's (their password changed, or they signed out
// everywhere since) is anonymous, and stale says so.
func (s *Service) SessionViewer(ctx context.Context, userID string, epoch int64) (v maillage.Viewer, u *maillage.User, stale bool, err error) {
	if userID == "" {
		return maillage.Anonymous(), nil, false, nil
	}
	u, current, err := s.db.SessionUser(ctx, userID)
	if maillage.IsNotFound(err) {
		return maillage.Anonymous(), nil, true, nil
	}
	if err != nil {
		return maillage.Viewer{}, nil, false, fmt.Errorf("session: %w", err)
	}
	if current != epoch {
		return maillage.Anonymous(), nil, true, nil
	}
	v, err = s.viewerOf(ctx, u)
	if err != nil {
		return maillage.Viewer{}, nil, false, err
	}
	return v, u, false, nil
}
