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

// How long emailed links stay valid.
const (
	confirmTTL = 7 * 24 * time.Hour
	resetTTL   = time.Hour
)

// errBadCredentials is the same for an unknown email and a wrong
// password, so sign-in does not reveal who has an account.
var errBadCredentials = maillage.Errorf(maillage.CodeUnauthorized, "account.bad_credentials")

// SignUp creates an account with its interests and sends the address
// confirmation email. The account is usable at once; confirming the
// address proves it belongs to the person.
func (s *Service) SignUp(ctx context.Context, in maillage.SignUpInput) (*maillage.User, error) {
	return s.createAccount(ctx, in, false, func(tx *store.Tx, u *maillage.User) error {
		return s.enqueueEmailLink(ctx, tx, u, store.PurposeConfirm, confirmTTL, "/email/confirm")
	})
}

// CreateUser makes an account from the command line or the demo loader:
// no confirmation email, the address counts as confirmed.
func (s *Service) CreateUser(ctx context.Context, in maillage.SignUpInput, admin bool) (*maillage.User, error) {
	return s.createAccount(ctx, in, admin, nil)
}

// createAccount validates, hashes and stores a new account with its
// interests; then, in the same transaction, runs welcome (or, without
// one, marks the address confirmed).
func (s *Service) createAccount(ctx context.Context, in maillage.SignUpInput, admin bool, welcome func(*store.Tx, *maillage.User) error) (*maillage.User, error) {
	in.Email = maillage.NormalizeEmail(in.Email)
	in.Name = maillage.CleanLine(in.Name)
	in.Region = maillage.CleanLine(in.Region)
	if in.Language == "" {
		in.Language = "fr-CA"
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return nil, fmt.Errorf("create account: %w", err)
	}
	u := &maillage.User{ID: auth.NewID(), Email: in.Email, Name: in.Name, Region: in.Region, Language: in.Language, Admin: admin}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		if welcome == nil {
			now := tx.Now()
			u.EmailConfirmedAt = &now
		}
		if err := tx.CreateUser(ctx, u, hash); err != nil {
			return err
		}
		tags, err := tx.EnsureTags(ctx, in.Interests, u.ID)
		if err != nil {
			return err
		}
		if err := tx.SetUserInterests(ctx, u.ID, ids(tags)); err != nil {
			return err
		}
		u.Interests = tags
		if welcome != nil {
			return welcome(tx, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// SignIn checks an email and password, with rate limits per client
// address and per account.
func (s *Service) SignIn(ctx context.Context, email, password, clientIP string) (*maillage.User, error) {
	email = maillage.NormalizeEmail(email)
	if !s.loginByIP.Allow("ip:"+clientIP) || !s.loginByEmail.Allow("email:"+email) {
		return nil, maillage.ErrRateLimited
	}
	u, hash, err := s.db.UserCredentials(ctx, email)
	if maillage.IsNotFound(err) {
		// Spend the same time as a real check so timing does not tell
		// whether the account exists.
		_ = s.hasher.DummyVerify(ctx)
		return nil, errBadCredentials
	}
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	ok, err := s.hasher.Verify(ctx, password, hash)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	if !ok {
		return nil, errBadCredentials
	}
	return u, nil
}

// RequestPasswordReset emails a reset link if the address has an account.
// It answers the same either way, so it does not reveal who has one.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email = maillage.NormalizeEmail(email)
	var v maillage.Validator
	v.Required("email", email)
	v.Email("email", email)
	if err := v.Err(); err != nil {
		return err
	}
	if !s.mailByEmail.Allow("reset:" + email) {
		return maillage.ErrRateLimited
	}
	u, _, err := s.db.UserCredentials(ctx, email)
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return s.enqueueEmailLink(ctx, tx, u, store.PurposeReset, resetTTL, "/password/reset")
	})
}

// ResetPassword sets a new password with an emailed token. A valid reset
// link also proves the address, so it confirms it.
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
		userID, email, err := tx.ConsumeEmailToken(ctx, auth.HashToken(token), store.PurposeReset)
		if maillage.IsNotFound(err) {
			return maillage.Errorf(maillage.CodeInvalid, "account.link_invalid")
		}
		if err != nil {
			return err
		}
		if err := tx.SetPassword(ctx, userID, hash); err != nil {
			return err
		}
		if err := tx.ConfirmEmail(ctx, userID, email); err != nil && !maillage.IsNotFound(err) {
			return err
		}
		u, err = tx.User(ctx, userID)
		return err
	})
	return u, err
}

// ConfirmEmail confirms an address with an emailed token.
func (s *Service) ConfirmEmail(ctx context.Context, token string) error {
	return s.db.Update(ctx, func(tx *store.Tx) error {
		userID, email, err := tx.ConsumeEmailToken(ctx, auth.HashToken(token), store.PurposeConfirm)
		if err == nil {
			err = tx.ConfirmEmail(ctx, userID, email)
		}
		if maillage.IsNotFound(err) {
			return maillage.Errorf(maillage.CodeInvalid, "account.link_invalid")
		}
		return err
	})
}

// ResendConfirmation sends a fresh confirmation link to the viewer.
func (s *Service) ResendConfirmation(ctx context.Context, v maillage.Viewer) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	u, err := s.db.User(ctx, v.UserID)
	if err != nil {
		return err
	}
	if u.EmailConfirmedAt != nil {
		return nil
	}
	if !s.mailByEmail.Allow("confirm:" + u.Email) {
		return maillage.ErrRateLimited
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return s.enqueueEmailLink(ctx, tx, u, store.PurposeConfirm, confirmTTL, "/email/confirm")
	})
}

// ChangePassword replaces the viewer's password after checking the current one.
func (s *Service) ChangePassword(ctx context.Context, v maillage.Viewer, current, next string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	var val maillage.Validator
	val.Required("current_password", current)
	maillage.ValidatePassword(&val, "password", next)
	if err := val.Err(); err != nil {
		return err
	}
	hash, err := s.db.PasswordHash(ctx, v.UserID)
	if err != nil {
		return err
	}
	ok, err := s.hasher.Verify(ctx, current, hash)
	if err != nil {
		return fmt.Errorf("change password: %w", err)
	}
	if !ok {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "current_password", MessageID: "account.wrong_password"}}}
	}
	newHash, err := s.hasher.Hash(ctx, next)
	if err != nil {
		return fmt.Errorf("change password: %w", err)
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetPassword(ctx, v.UserID, newHash) })
}

// enqueueEmailLink creates a one-time token and queues the email carrying
// its link, in the caller's transaction.
func (s *Service) enqueueEmailLink(ctx context.Context, tx *store.Tx, u *maillage.User, purpose store.EmailTokenPurpose, ttl time.Duration, path string) error {
	plain, hash, err := auth.NewToken("")
	if err != nil {
		return err
	}
	if err := tx.CreateEmailToken(ctx, hash, u.ID, u.Email, purpose, ttl); err != nil {
		return err
	}
	kind := EmailConfirm
	if purpose == store.PurposeReset {
		kind = EmailReset
	}
	return tx.Enqueue(ctx, JobEmail, EmailJob{
		Kind: kind, To: u.Email, Name: u.Name, Lang: u.Language,
		Link: strings.TrimRight(s.baseURL, "/") + path + "?token=" + plain,
	})
}

func ids(tags []maillage.Tag) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.ID
	}
	return out
}
