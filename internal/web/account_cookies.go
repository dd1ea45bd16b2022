package web

import (
	"net/http"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/service"
)

// The cookies of the account security rules. Both hold random values
// whose hash the database keeps; neither signs anyone in by itself.
const (
	// signUpCookie is kept by the device that signed up, so the
	// confirmation link signs in that device and no other. It is sent
	// only to the confirmation page.
	signUpCookie     = "maillage_signup"
	signUpCookiePath = "/email/confirm"
	signUpCookieTTL  = 7 * 24 * time.Hour
	// deviceCookie names the account this device once signed in to; it
	// spares the device that account's sign-in lockout. It is sent only
	// to the sign-in form.
	deviceCookie     = "maillage_device"
	deviceCookiePath = "/signin"
)

// client gathers what the account rules need to know about the requester.
func (s *server) client(r *http.Request) service.Client {
	return service.Client{
		IP:            httpx.ClientIP(r, s.trustProxy),
		SignUpDevice:  cookieValue(r, signUpCookie),
		TrustedDevice: cookieValue(r, deviceCookie),
	}
}

// signUpDevice returns the device's sign-up value, making one if it has
// none yet: signing up twice from one device keeps both links working there.
func (s *server) signUpDevice(w http.ResponseWriter, r *http.Request) (string, error) {
	if v := cookieValue(r, signUpCookie); v != "" {
		return v, nil
	}
	v, _, err := auth.NewToken("")
	if err != nil {
		return "", err
	}
	s.setCookie(w, signUpCookie, v, signUpCookiePath, signUpCookieTTL)
	return v, nil
}

// setCookie sets one of the security cookies; ttl 0 deletes it.
func (s *server) setCookie(w http.ResponseWriter, name, value, path string, ttl time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: path, HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.sessions.Cookie.Secure, MaxAge: int(ttl.Seconds())}
	if ttl == 0 {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// cookieValue returns a cookie's value, or "" for a missing or
// implausible one (it is ignored, never an error).
func cookieValue(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil || len(c.Value) == 0 || len(c.Value) > 100 {
		return ""
	}
	return c.Value
}

// signedIn starts the session of a successful sign-in and, for a device
// that did not prove this account before, sets its device cookie.
func (s *server) signedIn(w http.ResponseWriter, r *http.Request, in *service.SignedIn) error {
	if err := s.startSession(r, in.User.ID, in.Epoch); err != nil {
		return err
	}
	if in.DeviceToken != "" {
		s.setCookie(w, deviceCookie, in.DeviceToken, deviceCookiePath, service.TrustedDeviceTTL)
	}
	return nil
}
