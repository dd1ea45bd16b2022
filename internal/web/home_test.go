package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// TestHomeShowsWaitingNewAndSuggestions renders a member's home in both
// languages: an invitation waiting, suggestions from the interests, the
// first steps; a secret community never appears.
func TestHomeShowsWaitingNewAndSuggestions(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	ctx := context.Background()
	dana := e.user("Dana Fortin", "dana@example.org", "numérique")
	if _, err := e.Svc.AddMember(ctx, e.viewer(w.Alice.ID), w.Listed.ID, dana.ID, maillage.RoleMember); err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.signIn("dana@example.org", testPassword)
	r := c.get("/")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Ce qui vous attend", "Cercle des animatrices", "Accepter",
		"D’après vos centres d’intérêt", "Numérique communautaire", "Premiers pas", "Dire ce qui vous intéresse")
	mustNotContain(t, r, "Comité confidentiel")
	c.lang = "en"
	r = c.get("/?lang=en")
	mustContain(t, r, "Waiting for you", "From your interests", "First steps")
}

// TestNotificationsGroupedFilteredMarkedRead: the unread are counted by
// community and kind, a group filters the list, "mark as read" clears
// that group only; an unknown kind is a clear error.
func TestNotificationsGroupedFilteredMarkedRead(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	e.threadsWithNews(w.Public, w.Alice, "Premier fil", "Second fil")
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r := bob.get("/notifications")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Non lues, par communauté", "Numérique communautaire", "Discussions", "2 non lues")
	r = bob.get("/notifications?group=discussions&community=" + w.Public.ID + "&unread=1")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Premier fil", "Second fil")
	r = bob.post("/notifications/read", url.Values{"group": {"discussions"}, "community": {w.Public.ID}, "next": {"/notifications?unread=1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Ces notifications sont marquées comme lues.")
	mustNotContain(t, r, "Premier fil")
	r = bob.get("/notifications?group=nimporte")
	wantStatus(t, r, http.StatusBadRequest)
}

// TestConfirmFromAnotherDevice: the link opened elsewhere confirms, then
// the sign-in form comes with the address filled in, in the account's
// language; opened again it says the address is confirmed; an expired or
// unknown link offers a new one.
func TestConfirmFromAnotherDevice(t *testing.T) {
	e := newEnv(t)
	if err := e.Svc.SignUp(context.Background(), maillage.SignUpInput{Name: "Léa Gagnon", Email: "lea@example.org",
		Password: "une phrase de passe", Language: "en"}, service.Client{IP: "192.0.2.1"}); err != nil {
		t.Fatal(err)
	}
	link, _ := url.Parse(e.lastLink("lea@example.org", "/email/confirm"))
	phone := e.client()
	phone.lang = "fr-CA"
	r := phone.get(link.RequestURI())
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `<html lang="en">`) // the account's language, not the phone's
	r = phone.post("/email/confirm", url.Values{"token": {link.Query().Get("token")}})
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/signin" {
		t.Fatalf("after confirming elsewhere: %s", r.URL)
	}
	mustContain(t, r, `value="lea@example.org"`, `action="/signin"`, `<html lang="en">`, "Your email address is confirmed")
	mustNotContain(t, r, "No account yet?")
	r = phone.get(link.RequestURI())
	mustContain(t, r, "lea@example.org", `href="/signin"`)

	// A link nobody knows: a form to get a new one, same answer for any address.
	r = phone.get("/email/confirm?token=inconnu")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `action="/email/confirm/resend"`)
	r = phone.post("/email/confirm/resend", url.Values{"email": {"personne@example.org"}})
	wantStatus(t, r, http.StatusOK)
	r = phone.post("/email/confirm/resend", url.Values{"email": {"pas une adresse"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)

	// An account still waiting gets a new link from the expired-link page.
	other := e.client()
	other.post("/signup", url.Values{"name": {"Marc Roy"}, "email": {"marc@example.org"}, "password": {"une phrase de passe"}})
	before := len(e.emailsTo("marc@example.org"))
	r = phone.post("/email/confirm/resend", url.Values{"email": {"marc@example.org"}})
	wantStatus(t, r, http.StatusOK)
	if after := len(e.emailsTo("marc@example.org")); after != before+1 {
		t.Errorf("emails to marc: %d then %d", before, after)
	}
	// A reset link that served offers a new one, address filled in.
	r = phone.get("/password/reset?token=inconnu")
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, `action="/password/forgot"`)
}
