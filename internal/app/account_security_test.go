package app_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// post submits a form and returns the status and Location.
func post(t *testing.T, c *http.Client, u string, form url.Values) (int, string) {
	t.Helper()
	res, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

// signedIn reports whether a web client is signed in (its settings page
// answers instead of sending it to sign in).
func signedIn(t *testing.T, m *app.Main, c *http.Client) bool {
	t.Helper()
	res, err := c.Get(m.URL() + "/settings/profile")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// apiStatus calls GET /api/v1/me with a bearer token.
func apiStatus(t *testing.T, m *app.Main, token string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, m.URL()+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// TestPasswordChangeAndResetRevokeSessionsAndTokens runs through the real
// program: a password change keeps its own session, ends the other one
// and makes the API answer 401 to the old token; a reset ends them all.
func TestPasswordChangeAndResetRevokeSessionsAndTokens(t *testing.T) {
	sink := testutil.StartSMTPSink(t)
	m := bootWith(t, func(c *config.Config) { c.SMTPURL = "smtp://" + sink.Addr })
	ctx := context.Background()
	u, err := m.Service.CreateUser(ctx, maillage.SignUpInput{Email: "ana@exemple.org", Name: "Ana", Password: testutil.Password}, false)
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := m.Service.Viewer(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	signIn := func() *http.Client {
		c := client(t)
		if st, _ := post(t, c, m.URL()+"/signin", url.Values{"email": {u.Email}, "password": {testutil.Password}}); st != http.StatusSeeOther {
			t.Fatalf("sign in: %d", st)
		}
		return c
	}
	here, there := signIn(), signIn()
	token, _, err := m.Service.CreateToken(ctx, v, "script")
	if err != nil {
		t.Fatal(err)
	}
	if st := apiStatus(t, m, token); st != http.StatusOK {
		t.Fatalf("API before: %d", st)
	}
	st, _ := post(t, here, m.URL()+"/settings/password", url.Values{"current_password": {testutil.Password}, "password": {"un tout nouveau secret"}})
	if st != http.StatusSeeOther {
		t.Fatalf("change password: %d", st)
	}
	if !signedIn(t, m, here) || signedIn(t, m, there) {
		t.Fatal("the change must keep this session and end the other")
	}
	if st := apiStatus(t, m, token); st != http.StatusUnauthorized {
		t.Fatalf("API with the old token after a password change: %d", st)
	}

	// A reset ends every session, the one of the device resetting too.
	token, _, err = m.Service.CreateToken(ctx, v, "script")
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := post(t, here, m.URL()+"/password/forgot", url.Values{"email": {u.Email}}); st != http.StatusSeeOther {
		t.Fatalf("forgot: %d", st)
	}
	raw := sink.WaitFor(t, u.Email, 15*time.Second).Data
	raw = strings.NewReplacer("=\r\n", "", "=3D", "=").Replace(raw)
	reset := regexp.MustCompile(`/password/reset\?token=([a-z0-9]+)`).FindStringSubmatch(raw)
	if reset == nil {
		t.Fatalf("no reset link in:\n%s", raw)
	}
	st, loc := post(t, here, m.URL()+"/password/reset", url.Values{"token": {reset[1]}, "password": {"encore un autre secret"}})
	if st != http.StatusSeeOther || loc != "/signin" {
		t.Fatalf("reset: %d to %q", st, loc)
	}
	if signedIn(t, m, here) {
		t.Fatal("a session survived the reset")
	}
	if st := apiStatus(t, m, token); st != http.StatusUnauthorized {
		t.Fatalf("API with the old token after a reset: %d", st)
	}
}

// TestSignInLimitsHoldAcrossTwoNodes boots two servers over one database:
// failures on either lock the account on both for untrusted clients,
// while the owner's device cookie, earned on one, works on the other.
func TestSignInLimitsHoldAcrossTwoNodes(t *testing.T) {
	one := boot(t)
	two := bootWith(t, func(c *config.Config) {
		c.DataDir, c.DatabaseURL = one.Config.DataDir, one.Config.DatabaseURL
	})
	ctx := context.Background()
	u, err := one.Service.CreateUser(ctx, maillage.SignUpInput{Email: "noeud@exemple.org", Name: "Nœud", Password: testutil.Password}, false)
	if err != nil {
		t.Fatal(err)
	}
	owner := client(t)
	if st, _ := post(t, owner, one.URL()+"/signin", url.Values{"email": {u.Email}, "password": {testutil.Password}}); st != http.StatusSeeOther {
		t.Fatalf("owner: %d", st)
	}
	post(t, owner, one.URL()+"/signout", nil)

	attacker := client(t)
	nodes := []*app.Main{one, two}
	for i := 0; i < 10; i++ {
		st, _ := post(t, attacker, nodes[i%2].URL()+"/signin", url.Values{"email": {u.Email}, "password": {fmt.Sprintf("essai %d", i)}})
		if st != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i, st)
		}
	}
	for _, n := range nodes {
		if st, _ := post(t, attacker, n.URL()+"/signin", url.Values{"email": {u.Email}, "password": {testutil.Password}}); st != http.StatusTooManyRequests {
			t.Fatalf("locked-out attacker with the right password: %d", st)
		}
	}
	if st, _ := post(t, owner, two.URL()+"/signin", url.Values{"email": {u.Email}, "password": {testutil.Password}}); st != http.StatusSeeOther {
		t.Fatalf("the owner was locked out: %d", st)
	}
}
