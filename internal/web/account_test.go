package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSignUpProfileSignOutSignIn walks the first visit: sign up with
// interests, edit the profile, see it, sign out, fail and succeed to sign in.
func TestSignUpProfileSignOutSignIn(t *testing.T) {
	e := newEnv(t)
	c := e.client()

	r := c.get("/signup")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `name="interests"`, `hx-get="/tags/suggest?field=interests"`, `<option value="06">Montréal</option>`)

	r = c.post("/signup", url.Values{
		"name": {"Émilie Tremblay"}, "email": {"Emilie@Example.org"}, "password": {"une phrase de passe"},
		"region": {"06"}, "interests": {"Économie sociale, transformation numérique"},
	})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/signup" {
		t.Fatalf("after sign-up at %s", r.URL)
	}
	mustContain(t, r, "Vérifiez vos courriels")
	mustNotContain(t, r, "Bonjour, Émilie Tremblay")

	// The confirmation link, opened on this device, signs in.
	r = c.confirm(e.lastLink("emilie@example.org", "/email/confirm"))
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/" {
		t.Fatalf("after confirmation at %s", r.URL)
	}
	mustContain(t, r, "Bienvenue dans Maillage", "Bonjour, Émilie Tremblay", "Économie sociale")
	mustNotContain(t, r, `action="/email/confirm/resend"`)

	r = c.get("/settings/profile")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `value="Économie sociale, transformation numérique"`)

	r = c.post("/settings/profile", url.Values{
		"name": {"Émilie Tremblay"}, "pronouns": {"elle"}, "bio": {"Coordonnatrice.\nPassionnée de coopératives."},
		"region": {"03"}, "language": {"fr-CA"}, "profile_visibility": {"public"}, "contact": {"email"},
		"interests": {"Économie sociale, coopératives"},
		"link_kind": {"linkedin", "website", "website", "website"},
		"link_url":  {"https://www.linkedin.com/in/emilie", "", "", ""},
	})
	wantStatus(t, r, http.StatusOK)
	if !strings.HasPrefix(r.URL.Path, "/people/") {
		t.Fatalf("after profile edit at %s", r.URL)
	}
	mustContain(t, r, "Votre profil est enregistré", "elle", "Coordonnatrice.<br>Passionnée de coopératives.",
		"Capitale-Nationale", "coopératives", `href="https://www.linkedin.com/in/emilie" rel="me noopener"`)
	profile := r.URL.Path

	// The profile is public: a visitor sees it, without the email.
	visitor := e.client()
	r = visitor.get(profile)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Émilie Tremblay", "Passionnée de coopératives")
	mustNotContain(t, r, "emilie@example.org")

	r = c.post("/signout", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vous êtes déconnecté·e", `href="/signin"`)
	if r := c.get("/settings/profile"); r.URL.Path != "/signin" || r.URL.Query().Get("next") != "/settings/profile" {
		t.Fatalf("settings after sign-out: %s", r.URL)
	}

	r = c.post("/signin", url.Values{"email": {"emilie@example.org"}, "password": {"pas le bon mot de passe"}})
	wantStatus(t, r, http.StatusUnauthorized)
	mustContain(t, r, "Adresse courriel ou mot de passe incorrect.", `value="emilie@example.org"`, `role="alert"`)

	c.lang = "en"
	r = c.post("/signin", url.Values{"email": {"emilie@example.org"}, "password": {"still wrong"}})
	wantStatus(t, r, http.StatusUnauthorized)
	mustContain(t, r, `<html lang="en">`, "Wrong email address or password.")
	c.lang = ""

	// next= brings the person back where they were going, and only on this site.
	r = c.post("/signin", url.Values{"email": {"emilie@example.org"}, "password": {"une phrase de passe"}, "next": {"/settings/password"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/settings/password" {
		t.Fatalf("next not followed: %s", r.URL)
	}
	c.post("/signout", nil)
	r = c.post("/signin", url.Values{"email": {"emilie@example.org"}, "password": {"une phrase de passe"}, "next": {"//evil.example/x"}})
	if r.URL.Host != strings.TrimPrefix(e.URL, "http://") || r.URL.Path != "/" {
		t.Fatalf("unsafe next followed: %s", r.URL)
	}
}

// TestPasswordResetEndToEnd asks for a link, reads the email the worker
// wrote, follows it, sets a new password and signs in with it.
func TestPasswordResetEndToEnd(t *testing.T) {
	e := newEnv(t)
	e.user("Karim Benali", "karim@example.org")
	c := e.client()

	r := c.post("/password/forgot", url.Values{"email": {"karim@example.org"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Si un compte existe pour cette adresse")
	// The same answer for an unknown address.
	r2 := c.post("/password/forgot", url.Values{"email": {"personne@example.org"}})
	wantStatus(t, r2, http.StatusOK)
	if excerptBody(r.Body) != excerptBody(r2.Body) {
		t.Error("the answer differs for an unknown address")
	}

	link := e.lastLink("karim@example.org", "/password/reset")
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	r = c.get(u.RequestURI())
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Choisir un nouveau mot de passe", `name="token"`)

	// Too short first: the form says why and keeps the token.
	r = c.post("/password/reset", url.Values{"token": {u.Query().Get("token")}, "password": {"court"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "au moins 10 caractères", `aria-invalid="true"`, u.Query().Get("token"))

	r = c.post("/password/reset", url.Values{"token": {u.Query().Get("token")}, "password": {"un tout nouveau secret"}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/signin" {
		t.Fatalf("after reset at %s", r.URL)
	}
	mustContain(t, r, "Votre mot de passe a été changé")

	// The link works once.
	r = c.post("/password/reset", url.Values{"token": {u.Query().Get("token")}, "password": {"encore un autre secret"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Ce lien n’est plus valide", `href="/password/forgot"`)

	r = c.post("/signin", url.Values{"email": {"karim@example.org"}, "password": {"mot de passe solide"}})
	wantStatus(t, r, http.StatusUnauthorized)
	c.signIn("karim@example.org", "un tout nouveau secret")
}

// TestEmailConfirmation follows the link of the sign-up email.
func TestEmailConfirmation(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	r := c.post("/signup", url.Values{"name": {"Léa Gagnon"}, "email": {"lea@example.org"}, "password": {"une phrase de passe"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Vérifiez vos courriels")

	link := e.lastLink("lea@example.org", "/email/confirm")
	u, _ := url.Parse(link)
	// Opening the link (as a mail scanner would) confirms nothing yet.
	r = c.get(u.RequestURI())
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `action="/email/confirm"`)
	r = c.get(u.RequestURI())
	wantStatus(t, r, http.StatusOK)
	token := url.Values{"token": {u.Query().Get("token")}}
	r = c.post("/email/confirm", token)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Votre adresse courriel est confirmée et vous êtes connecté·e", "Bonjour, Léa Gagnon")
	mustNotContain(t, r, "Confirmez votre adresse courriel")

	r = c.post("/email/confirm", token)
	wantStatus(t, r, http.StatusBadRequest)
	mustContain(t, r, "Votre adresse est déjà confirmée", "lea@example.org", `href="/signin"`)
}
