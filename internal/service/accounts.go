package service

import (
	"context"
	"crypto/subtle"
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

// Client is what the account rules need to know about the device a
// request comes from: its address and the values it keeps in cookies.
type Client struct {
	// IP is the client address (see httpx.ClientIP).
	IP string
	// SignUpDevice is the random value the device kept when it signed up;
	// the confirmation link signs in only the device that holds it.
	SignUpDevice string
	// TrustedDevice is the device cookie of an earlier successful sign-in.
	TrustedDevice string
}

// SignUp handles the sign-up form. Its answer is the same whether the
// address already has an account or not, so the form cannot be used to
// find out who is on Maillage: for a new address it creates an
// unconfirmed account and emails a confirmation link bound to the device
// that signed up (c.SignUpDevice); for a known address it emails the
// owner instead. It never signs anyone in. Only invalid input and the
// per-address limit (signUpPerIP) are errors.
func (s *Service) SignUp(ctx context.Context, in maillage.SignUpInput, c Client) error {
	in, err := cleanSignUp(in)
	if err != nil {
		return err
	}
	if ok, err := s.limits.Take(ctx, signUpPerIP, clientKey(c.IP)); err != nil {
		return fmt.Errorf("sign up: %w", err)
	} else if !ok {
		return errSignUpThrottled
	}
	// Hash in both cases, so the answer takes as long either way.
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return fmt.Errorf("sign up: %w", err)
	}
	send, err := s.mayEmail(ctx, in.Email)
	if err != nil {
		return fmt.Errorf("sign up: %w", err)
	}
	deviceHash := ""
	if c.SignUpDevice != "" {
		deviceHash = auth.HashToken(c.SignUpDevice)
	}
	_, err = s.insertAccount(ctx, in, hash, false, func(tx *store.Tx, u *maillage.User) error {
		if err := s.bindJoinSignUp(ctx, tx, in.Invitation, u.ID); err != nil {
			return err
		}
		if !send {
			return nil
		}
		return s.enqueueEmailLink(ctx, tx, u, store.PurposeConfirm, confirmTTL, "/email/confirm", deviceHash)
	})
	if maillage.ErrorCode(err) != maillage.CodeConflict {
		return err
	}
	// The address has an account: tell its owner, and only them.
	if !send {
		return nil
	}
	creds, err := s.db.Credentials(ctx, in.Email)
	if maillage.IsNotFound(err) {
		return nil // deleted meanwhile
	}
	if err != nil {
		return fmt.Errorf("sign up: %w", err)
	}
	u := creds.User
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return tx.Enqueue(ctx, JobEmail, EmailJob{Kind: EmailAccountExists, To: u.Email, Name: u.Name, Lang: u.Language,
			Link: strings.TrimRight(s.baseURL, "/") + "/signin"})
	})
}

// CreateUser makes an account from the command line or the demo loader:
// no confirmation email, the address counts as confirmed.
func (s *Service) CreateUser(ctx context.Context, in maillage.SignUpInput, admin bool) (*maillage.User, error) {
	in, err := cleanSignUp(in)
	if err != nil {
		return nil, err
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return nil, fmt.Errorf("create account: %w", err)
	}
	return s.insertAccount(ctx, in, hash, admin, nil)
}

// cleanSignUp normalises and validates a new account's details.
func cleanSignUp(in maillage.SignUpInput) (maillage.SignUpInput, error) {
	in.Email = maillage.NormalizeEmail(in.Email)
	in.Name = maillage.CleanLine(in.Name)
	in.Region = maillage.CleanLine(in.Region)
	if in.Language == "" {
		in.Language = "fr-CA"
	}
	return in, in.Validate()
}

// insertAccount stores a new account with its interests; then, in the
// same transaction, runs welcome (or, without one, marks the address
// confirmed). A taken address is a conflict.
func (s *Service) insertAccount(ctx context.Context, in maillage.SignUpInput, hash string, admin bool, welcome func(*store.Tx, *maillage.User) error) (*maillage.User, error) {
	u := &maillage.User{ID: auth.NewID(), Email: in.Email, Name: in.Name, Region: in.Region, Language: in.Language, Admin: admin}
	err := s.db.Update(ctx, func(tx *store.Tx) error {
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

// Confirmation is the outcome of a confirmation link.
type Confirmation struct {
	UserID string
	// Email and Language are the account's, for the page that follows.
	Email    string
	Language string
	// SignedIn is set when the link was opened on the device that signed
	// up: that device is signed in. Elsewhere it is nil, and the person
	// is asked to sign in.
	SignedIn *SignedIn
	// JoinedCommunityID is the community the account joined on
	// confirming, having signed up from an emailed invitation ("" for none).
	JoinedCommunityID string
}

// ConfirmEmail confirms an address with an emailed token. Opened on the
// device that signed up (c.SignUpDevice matches the link), it also signs
// that device in.
func (s *Service) ConfirmEmail(ctx context.Context, token string, c Client) (*Confirmation, error) {
	var out Confirmation
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		t, err := tx.ConsumeLink(ctx, auth.HashToken(token), store.PurposeConfirm)
		if err == nil {
			err = tx.ConfirmEmail(ctx, t.UserID, t.Email)
		}
		if maillage.IsNotFound(err) {
			return maillage.Errorf(maillage.CodeInvalid, "account.link_invalid")
		}
		if err != nil {
			return err
		}
		out.UserID, out.Email = t.UserID, t.Email
		if out.JoinedCommunityID, err = s.joinOnConfirm(ctx, tx, t.UserID); err != nil {
			return err
		}
		u, err := tx.User(ctx, t.UserID)
		if err != nil {
			return err
		}
		out.Language = u.Language
		if c.SignUpDevice == "" || t.DeviceHash == "" ||
			subtle.ConstantTimeCompare([]byte(auth.HashToken(c.SignUpDevice)), []byte(t.DeviceHash)) != 1 {
			return nil
		}
		epoch, err := tx.SessionEpoch(ctx, t.UserID)
		if err != nil {
			return err
		}
		device, err := trustDevice(ctx, tx, t.UserID)
		if err != nil {
			return err
		}
		out.SignedIn = &SignedIn{User: u, Epoch: epoch, DeviceToken: device}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
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
	if ok, err := s.mayEmail(ctx, u.Email); err != nil {
		return fmt.Errorf("resend confirmation: %w", err)
	} else if !ok {
		// The viewer owns the address: telling them reveals nothing.
		return maillage.ErrRateLimited
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return s.enqueueEmailLink(ctx, tx, u, store.PurposeConfirm, confirmTTL, "/email/confirm", "")
	})
}

// enqueueEmailLink creates a one-time token and queues the email carrying
// its link, in the caller's transaction. deviceHash, if any, binds the
// link to the device holding that value (see ConfirmEmail).
func (s *Service) enqueueEmailLink(ctx context.Context, tx *store.Tx, u *maillage.User, purpose store.EmailTokenPurpose, ttl time.Duration, path, deviceHash string) error {
	plain, hash, err := auth.NewToken("")
	if err != nil {
		return err
	}
	if err := tx.CreateDeviceEmailToken(ctx, hash, u.ID, u.Email, purpose, ttl, deviceHash); err != nil {
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
