package service

import (
	"context"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/ratelimit"
	"github.com/maillage/maillage/internal/store"
)

// TrustedDeviceTTL is how long a device cookie from a successful sign-in
// spares that device the lockout of the account.
const TrustedDeviceTTL = 180 * 24 * time.Hour

// errBadCredentials is the same for an unknown email and a wrong
// password, so sign-in does not reveal who has an account.
var errBadCredentials = maillage.Errorf(maillage.CodeUnauthorized, "account.bad_credentials")

// errUnconfirmed refuses the right password on an account whose address
// was never confirmed: whoever signed up with it may not own it.
var errUnconfirmed = maillage.Errorf(maillage.CodeForbidden, "security.unconfirmed")

// SignedIn is a successful sign-in: who, the session epoch the new
// session must carry, and the device cookie to set.
type SignedIn struct {
	User  *maillage.User
	Epoch int64
	// DeviceToken is a new device cookie value proving this device signed
	// in to User; "" when the device's cookie already does.
	DeviceToken string
}

// Authenticate checks an email and password. Guessing is slowed per
// client address (signInPerIP) and per account (signInPerAccount), but a
// device holding a cookie from an earlier successful sign-in to the same
// account is counted on its own (signInPerDevice) instead of on the
// account, so an attacker's failures never lock the owner out (the
// "device cookies" of OWASP). Invalid or expired device cookies are
// ignored. A locked-out client is refused even with the right password.
func (s *Service) Authenticate(ctx context.Context, email, password string, c Client) (*SignedIn, error) {
	email = maillage.NormalizeEmail(email)
	ip := clientKey(c.IP)
	if ok, err := s.limits.Take(ctx, signInPerIP, ip); err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	} else if !ok {
		return nil, errSignInThrottled
	}
	creds, err := s.db.Credentials(ctx, email)
	if err != nil && !maillage.IsNotFound(err) {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	rule, key, trusted, err := s.signInCounter(ctx, creds, email, c.TrustedDevice)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	ok, err := s.limits.Take(ctx, rule, key)
	if err == nil && !ok && trusted {
		// The device cookie failed too often itself: it no longer spares
		// the device the account's lockout.
		rule, key, trusted = signInPerAccount, email, false
		ok, err = s.limits.Take(ctx, rule, key)
	}
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	if !ok {
		return nil, errSignInThrottled
	}
	if creds == nil {
		// Spend the same time as a real check so timing does not tell
		// whether the account exists.
		_ = s.hasher.DummyVerify(ctx)
		return nil, errBadCredentials
	}
	ok, err = s.hasher.Verify(ctx, password, creds.PasswordHash)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	if !ok {
		return nil, errBadCredentials
	}
	// The right password: this attempt does not count against anyone.
	for _, r := range []struct {
		rule ratelimit.Rule
		key  string
	}{{signInPerIP, ip}, {rule, key}} {
		if err := s.limits.Return(ctx, r.rule, r.key); err != nil {
			s.log.Warn("sign in: give back attempt", "err", err)
		}
	}
	u := creds.User
	if u.EmailConfirmedAt == nil {
		if err := s.resendOnSignIn(ctx, u); err != nil {
			return nil, err
		}
		return nil, errUnconfirmed
	}
	out := &SignedIn{User: u, Epoch: creds.SessionEpoch}
	if !trusted {
		err := s.db.Update(ctx, func(tx *store.Tx) error {
			token, err := trustDevice(ctx, tx, u.ID)
			out.DeviceToken = token
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("sign in: %w", err)
		}
	}
	return out, nil
}

// SignIn checks an email and password from a client without a device
// cookie (tools, tests); see Authenticate.
func (s *Service) SignIn(ctx context.Context, email, password, clientIP string) (*maillage.User, error) {
	in, err := s.Authenticate(ctx, email, password, Client{IP: clientIP})
	if err != nil {
		return nil, err
	}
	return in.User, nil
}

// signInCounter chooses which counter an attempt counts on: the device's
// own when it holds a valid cookie for this account that has not itself
// failed too often, else the account's.
func (s *Service) signInCounter(ctx context.Context, creds *store.Credentials, email, device string) (ratelimit.Rule, string, bool, error) {
	if creds == nil || device == "" || len(device) > 200 {
		return signInPerAccount, email, false, nil
	}
	hash := auth.HashToken(device)
	userID, err := s.db.TrustedDeviceUser(ctx, hash)
	if maillage.IsNotFound(err) || (err == nil && userID != creds.User.ID) {
		return signInPerAccount, email, false, nil
	}
	if err != nil {
		return ratelimit.Rule{}, "", false, err
	}
	return signInPerDevice, hash, true, nil
}

// trustDevice remembers a device that proved an account and returns the
// value of its new device cookie.
func trustDevice(ctx context.Context, tx *store.Tx, userID string) (string, error) {
	plain, hash, err := auth.NewToken("")
	if err != nil {
		return "", err
	}
	if err := tx.TrustDevice(ctx, hash, userID, TrustedDeviceTTL); err != nil {
		return "", err
	}
	return plain, nil
}

// resendOnSignIn sends a fresh confirmation link to someone who knows the
// password of an unconfirmed account, within the daily email limit.
func (s *Service) resendOnSignIn(ctx context.Context, u *maillage.User) error {
	ok, err := s.mayEmail(ctx, u.Email)
	if err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	if !ok {
		return nil
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return s.enqueueEmailLink(ctx, tx, u, store.PurposeConfirm, confirmTTL, "/email/confirm", "")
	})
}
