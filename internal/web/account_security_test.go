package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// signedOut checks that a client is not signed in: its settings page
// sends it to sign in.
func signedOut(t *testing.T, c *client) bool {
	t.Helper()
	return c.get("/settings/profile").URL.Path == "/signin"
}

// TestSignUpAnswersAlikeForAKnownAddress signs up with an address that has
// an account and with a new one: same status, same page, no session either
// way; the owner of the known address gets an email, the new one a link.
func TestSignUpAnswersAlikeForAKnownAddress(t *testing.T) {
	e := newEnv(t)
	e.user("Maude Lavoie", "maude@example.org")
	known, fresh := e.client(), e.client()
	form := func(email string) url.Values {
		return url.Values{"name": {"Quelqu’un"}, "email": {email}, "password": {"une phrase de passe"}}
	}
	r1 := known.post("/signup", form("Maude@Example.org"))
	r2 := fresh.post("/signup", form("nouvelle@example.org"))
	if r1.Status != r2.Status || r1.URL.String() != r2.URL.String() || r1.Body != r2.Body {
		t.Fatalf("the answers differ: %d %s / %d %s\n%s\n---\n%s", r1.Status, r1.URL, r2.Status, r2.URL,
			excerptBody(r1.Body), excerptBody(r2.Body))
	}
	wantStatus(t, r1, http.StatusOK)
	mustContain(t, r1, "Vérifiez vos courriels")
	mustNotContain(t, r1, "existe déjà", "maude@example.org")
	for _, c := range []*client{known, fresh} {
		if !signedOut(t, c) {
			t.Fatal("sign-up signed a client in")
		}
	}

	mails := e.emailsTo("maude@example.org")
	if len(mails) != 1 {
		t.Fatalf("the owner was not told: %d emails\n%s", len(mails), strings.Join(mails, "\n---\n"))
	}
	if strings.Contains(mails[0], "/email/confirm?token=") || !strings.Contains(mails[0], e.URL+"/signin") ||
		!strings.Contains(mails[0], e.URL+"/password/forgot") {
		t.Fatalf("the owner's email:\n%s", mails[0])
	}
	e.lastLink("nouvelle@example.org", "/email/confirm")
	// The owner's account is untouched.
	c := e.client()
	c.signIn("maude@example.org", "mot de passe solide")
}

// TestConfirmationSignsInOnlyTheDeviceThatSignedUp opens confirmation
// links on the device that signed up and on another one.
func TestConfirmationSignsInOnlyTheDeviceThatSignedUp(t *testing.T) {
	e := newEnv(t)
	laptop, phone := e.client(), e.client()
	r := laptop.post("/signup", url.Values{"name": {"Léa Gagnon"}, "email": {"lea@example.org"}, "password": {"une phrase de passe"}})
	wantStatus(t, r, http.StatusOK)
	r = laptop.post("/signup", url.Values{"name": {"Léo Gagnon"}, "email": {"leo@example.org"}, "password": {"une autre phrase"}})
	wantStatus(t, r, http.StatusOK)

	// Another device confirms the address but is asked to sign in.
	r = phone.confirm(e.lastLink("lea@example.org", "/email/confirm"))
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/signin" {
		t.Fatalf("confirmed on another device, at %s", r.URL)
	}
	mustContain(t, r, "Votre adresse courriel est confirmée. Connectez-vous pour continuer.")
	if !signedOut(t, phone) || !signedOut(t, laptop) {
		t.Fatal("a confirmation on another device signed someone in")
	}
	phone.signIn("lea@example.org", "une phrase de passe")

	// The device that signed up is signed in by its link (both of its
	// sign-ups share its cookie).
	r = laptop.confirm(e.lastLink("leo@example.org", "/email/confirm"))
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Bonjour, Léo Gagnon", "vous êtes connecté·e")
	if signedOut(t, laptop) {
		t.Fatal("the device that signed up is not signed in")
	}
}

// TestSignUpsPerClientAddressOverHTTP: the eleventh sign-up in an hour
// from one address is refused with a clear message.
func TestSignUpsPerClientAddressOverHTTP(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	for i := 0; i < 10; i++ {
		r := c.post("/signup", url.Values{"name": {"Robot"}, "email": {fmt.Sprintf("robot%d@example.org", i)}, "password": {"une phrase de passe"}})
		wantStatus(t, r, http.StatusOK)
	}
	r := c.post("/signup", url.Values{"name": {"Robot"}, "email": {"robot10@example.org"}, "password": {"une phrase de passe"}})
	wantStatus(t, r, http.StatusTooManyRequests)
	mustContain(t, r, "Trop de comptes ont été créés depuis votre connexion", `role="alert"`)
	c.lang = "en"
	r = c.post("/signup", url.Values{"name": {"Robot"}, "email": {"robot11@example.org"}, "password": {"une phrase de passe"}})
	wantStatus(t, r, http.StatusTooManyRequests)
	mustContain(t, r, "Too many accounts were created from your connection")
	if n, _ := e.DB.CountUsers(context.Background()); n != 10 {
		t.Fatalf("%d accounts", n)
	}
}

// TestPasswordChangeSignsOutEverywhereElse changes the password on one
// device: another device is signed out, this one stays.
func TestPasswordChangeSignsOutEverywhereElse(t *testing.T) {
	e := newEnv(t)
	u := e.user("Samuel Dubé", "samuel@example.org")
	here, there := e.client(), e.client()
	here.signIn(u.Email, "mot de passe solide")
	there.signIn(u.Email, "mot de passe solide")
	plain, _, err := e.Svc.CreateToken(context.Background(), e.viewer(u.ID), "script")
	if err != nil {
		t.Fatal(err)
	}

	r := here.get("/settings/password")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Changer votre mot de passe vous déconnecte partout ailleurs et révoque vos jetons d’API.",
		`action="/settings/sessions/end-others"`)
	r = here.post("/settings/password", url.Values{"current_password": {"mot de passe solide"}, "password": {"un tout nouveau secret"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vous avez été déconnecté·e partout ailleurs et vos jetons d’API ont été révoqués.")
	if signedOut(t, here) {
		t.Fatal("the device that changed the password was signed out")
	}
	if !signedOut(t, there) {
		t.Fatal("another session survived the password change")
	}
	if _, err := e.Svc.AuthenticateToken(context.Background(), plain); err == nil {
		t.Fatal("an API token survived the password change")
	}

	// Sign out everywhere, separately.
	there.signIn(u.Email, "un tout nouveau secret")
	r = here.post("/settings/sessions/end-others", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vous avez été déconnecté·e de toutes vos autres sessions.")
	if signedOut(t, here) || !signedOut(t, there) {
		t.Fatal("sign out everywhere else")
	}
	// Visitors are sent to sign in.
	r = e.client().post("/settings/sessions/end-others", nil)
	if r.URL.Path != "/signin" {
		t.Fatalf("a visitor at %s", r.URL)
	}
}

// TestResetSignsOutEverywhereAndOldLinksFail resets a password, then
// tries a reset link sent before a later password change.
func TestResetSignsOutEverywhereAndOldLinksFail(t *testing.T) {
	e := newEnv(t)
	u := e.user("Karine Bolduc", "karine@example.org")
	other := e.client()
	other.signIn(u.Email, "mot de passe solide")

	c := e.client()
	c.post("/password/forgot", url.Values{"email": {u.Email}})
	r := c.get(strings.TrimPrefix(e.lastLink(u.Email, "/password/reset"), e.URL))
	mustContain(t, r, "Choisir un nouveau mot de passe ferme toutes vos sessions")
	link, _ := url.Parse(e.lastLink(u.Email, "/password/reset"))
	r = c.post("/password/reset", url.Values{"token": {link.Query().Get("token")}, "password": {"un tout nouveau secret"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/signin" {
		t.Fatalf("after reset at %s", r.URL)
	}
	mustContain(t, r, "Toutes vos sessions ont été fermées et vos jetons d’API révoqués.")
	if !signedOut(t, other) {
		t.Fatal("a session survived the reset")
	}

	// A link asked for, then a password change: the link no longer works.
	c.post("/password/forgot", url.Values{"email": {u.Email}})
	link, _ = url.Parse(e.lastLink(u.Email, "/password/reset"))
	c.signIn(u.Email, "un tout nouveau secret")
	r = c.post("/settings/password", url.Values{"current_password": {"un tout nouveau secret"}, "password": {"encore un autre secret"}})
	wantStatus(t, r, http.StatusOK)
	r = c.post("/password/reset", url.Values{"token": {link.Query().Get("token")}, "password": {"le secret de l’attaquant"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "le mot de passe du compte a été changé après son envoi", `href="/password/forgot"`)
	en := e.client()
	en.lang = "en"
	r = en.post("/password/reset", url.Values{"token": {link.Query().Get("token")}, "password": {"le secret de l’attaquant"}})
	mustContain(t, r, "the account’s password was changed after it was sent")
	c.post("/signout", nil)
	c.signIn(u.Email, "encore un autre secret")
}

// TestSignInLockoutSparesTheOwner: an attacker's wrong guesses lock the
// account for clients without its device cookie, right password or not,
// while the owner's device still signs in.
func TestSignInLockoutSparesTheOwner(t *testing.T) {
	e := newEnv(t)
	u := e.user("Owen Tremblay", "owen@example.org")
	owner := e.client()
	owner.signIn(u.Email, "mot de passe solide")
	owner.post("/signout", nil)

	attacker := e.client()
	for i := 0; i < 10; i++ {
		r := attacker.post("/signin", url.Values{"email": {u.Email}, "password": {fmt.Sprintf("essai %d", i)}})
		wantStatus(t, r, http.StatusUnauthorized)
	}
	r := attacker.post("/signin", url.Values{"email": {u.Email}, "password": {"mot de passe solide"}})
	wantStatus(t, r, http.StatusTooManyRequests)
	mustContain(t, r, "Trop de tentatives de connexion ont échoué", `role="alert"`)
	if r.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	if !signedOut(t, attacker) {
		t.Fatal("the locked-out attacker got in")
	}
	owner.signIn(u.Email, "mot de passe solide")
}
