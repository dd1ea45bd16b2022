package service

import (
	"context"
	"net/netip"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/ratelimit"
)

// The account security limits. They are counted in the database (see
// internal/ratelimit), so they hold across restarts and app nodes.
var (
	// signInPerIP: failed or refused sign-ins from one client address.
	// Everyone is subject to it, trusted devices too.
	signInPerIP = ratelimit.Rule{Name: "signin-ip", Limit: 30, Window: 15 * time.Minute}
	// signInPerAccount: failed sign-ins to one account (by email address,
	// known or not) from devices it does not trust. Past it, those devices
	// are refused even with the right password until the hour ends.
	signInPerAccount = ratelimit.Rule{Name: "signin-account", Limit: 10, Window: time.Hour}
	// signInPerDevice: failed sign-ins from one trusted device cookie;
	// past it the cookie no longer spares the device the account lockout,
	// so a stolen cookie does not open unlimited guessing.
	signInPerDevice = ratelimit.Rule{Name: "signin-device", Limit: 10, Window: time.Hour}
	// signUpPerIP: accepted sign-up forms from one client address.
	signUpPerIP = ratelimit.Rule{Name: "signup-ip", Limit: 10, Window: time.Hour}
	// emailsPerAddress: account emails (confirmation, reset, "you already
	// have an account") to one address per day. Past it no more are sent,
	// silently: the answer to the client does not change.
	emailsPerAddress = ratelimit.Rule{Name: "mail-address", Limit: 3, Window: 24 * time.Hour}
)

// Errors of the limits, translated in security.toml.
var (
	errSignInThrottled = maillage.Errorf(maillage.CodeRateLimited, "security.signin_throttled")
	errSignUpThrottled = maillage.Errorf(maillage.CodeRateLimited, "security.signup_throttled")
)

// mayEmail counts one account email to addr and reports whether it may
// be sent.
func (s *Service) mayEmail(ctx context.Context, addr string) (bool, error) {
	return s.limits.Take(ctx, emailsPerAddress, maillage.NormalizeEmail(addr))
}

// clientKey is the key of a client address for the limits. An IPv6 client
// usually holds a whole /64, so the /64 is what counts.
func clientKey(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	addr = addr.Unmap()
	if addr.Is6() {
		if p, err := addr.Prefix(64); err == nil {
			return p.String()
		}
	}
	return addr.String()
}
