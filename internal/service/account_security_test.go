package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// sentEmails runs the queued jobs and returns the emails they carried.
func sentEmails(t *testing.T, db *store.DB) []service.EmailJob {
	t.Helper()
	var got []service.EmailJob
	var mu sync.Mutex // the worker runs jobs side by side
	w := &jobs.Worker{DB: db, Handlers: map[string]jobs.Handler{
		service.JobEmail: func(_ context.Context, p json.RawMessage) error {
			var j service.EmailJob
			if err := json.Unmarshal(p, &j); err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			got = append(got, j)
			return nil
		},
	}}
	if err := w.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	return got
}

// fixedClock stops the database clock at a round hour, so counting
// windows do not roll over in the middle of a test; advance moves it.
func fixedClock(db *store.DB) (advance func(time.Duration)) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	return func(d time.Duration) { now = now.Add(d) }
}

// secondService is another app node over the same database.
func secondService(t *testing.T, db *store.DB) *service.Service {
	return service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://maillage.test",
		Files: testutil.Files(t)})
}

func TestPasswordChangeEndsOtherSessionsAndRevokesTokens(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	u, v := testutil.User(t, s, "Nadia Roy", "nadia@exemple.org")
	in, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	plain, _, err := s.CreateToken(ctx, v, "script")
	if err != nil {
		t.Fatal(err)
	}

	epoch, err := s.ChangePassword(ctx, v, testutil.Password, "une nouvelle phrase secrète")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, stale, err := s.SessionViewer(ctx, u.ID, in.Epoch); err != nil || !stale {
		t.Fatalf("the other session survived the change: stale=%v %v", stale, err)
	}
	if got, _, stale, err := s.SessionViewer(ctx, u.ID, epoch); err != nil || stale || got.UserID != u.ID {
		t.Fatalf("the current session must stay: %+v stale=%v %v", got, stale, err)
	}
	if _, err := s.AuthenticateToken(ctx, plain); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("API token still works after the change: %v", err)
	}
	if toks, _ := s.Tokens(ctx, v); len(toks) != 0 {
		t.Fatalf("tokens left: %d", len(toks))
	}

	// Sign out everywhere ends the others and keeps API tokens.
	plain, _, err = s.CreateToken(ctx, v, "autre script")
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.SignOutEverywhere(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, stale, _ := s.SessionViewer(ctx, u.ID, epoch); !stale {
		t.Fatal("sign out everywhere left a session")
	}
	if _, _, stale, _ := s.SessionViewer(ctx, u.ID, again); stale {
		t.Fatal("sign out everywhere ended the current session")
	}
	if _, err := s.AuthenticateToken(ctx, plain); err != nil {
		t.Fatalf("sign out everywhere revoked a token: %v", err)
	}
}

func TestResetEndsSessionsAndRevokesTokens(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	u, v := testutil.User(t, s, "Éloi Martin", "eloi@exemple.org")
	in, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	plain, _, err := s.CreateToken(ctx, v, "script")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPasswordReset(ctx, u.Email); err != nil {
		t.Fatal(err)
	}
	mails := sentEmails(t, db)
	if len(mails) != 1 || mails[0].Kind != service.EmailReset {
		t.Fatalf("reset email: %+v", mails)
	}
	if _, err := s.ResetPassword(ctx, tokenOf(t, mails[0].Link), "une phrase toute neuve"); err != nil {
		t.Fatal(err)
	}
	if _, _, stale, _ := s.SessionViewer(ctx, u.ID, in.Epoch); !stale {
		t.Fatal("a session survived the reset")
	}
	if _, err := s.AuthenticateToken(ctx, plain); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("API token still works after the reset: %v", err)
	}
}

func TestResetLinkFailsAfterPasswordChange(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	advance := fixedClock(db)
	u, v := testutil.User(t, s, "Rémi Côté", "remi@exemple.org")
	if err := s.RequestPasswordReset(ctx, u.Email); err != nil {
		t.Fatal(err)
	}
	link := sentEmails(t, db)[0].Link
	advance(time.Minute)
	if _, err := s.ChangePassword(ctx, v, testutil.Password, "changé entre-temps"); err != nil {
		t.Fatal(err)
	}
	_, err := s.ResetPassword(ctx, tokenOf(t, link), "une phrase toute neuve")
	if e := maillage.AsError(err); e.Code != maillage.CodeInvalid || e.MessageID != "security.reset_link_superseded" {
		t.Fatalf("an old reset link after a password change: %v", err)
	}
	if _, err := s.SignIn(ctx, u.Email, "changé entre-temps", "192.0.2.1"); err != nil {
		t.Fatalf("the changed password must stay: %v", err)
	}
	// A link asked for after the change works.
	advance(time.Minute)
	if err := s.RequestPasswordReset(ctx, u.Email); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResetPassword(ctx, tokenOf(t, sentEmails(t, db)[0].Link), "une phrase toute neuve"); err != nil {
		t.Fatalf("a fresh link: %v", err)
	}
}

func TestSignUpKnownAddressEmailsTheOwner(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	owner, _ := testutil.User(t, s, "Déjà Là", "deja@exemple.org")
	err := s.SignUp(ctx, maillage.SignUpInput{Email: "DEJA@exemple.org", Name: "Autre", Password: "assez long pour passer"},
		service.Client{IP: "192.0.2.1", SignUpDevice: "appareil"})
	if err != nil {
		t.Fatalf("a known address must answer like a new one: %v", err)
	}
	mails := sentEmails(t, db)
	if len(mails) != 1 || mails[0].Kind != service.EmailAccountExists || mails[0].To != owner.Email ||
		mails[0].Name != owner.Name || mails[0].Link != "http://maillage.test/signin" {
		t.Fatalf("email to the owner: %+v", mails)
	}
	if n, _ := db.CountUsers(ctx); n != 1 {
		t.Fatalf("%d users", n)
	}
	if _, err := s.SignIn(ctx, owner.Email, testutil.Password, "192.0.2.1"); err != nil {
		t.Fatalf("the owner's password changed: %v", err)
	}
}

func TestUnconfirmedAccountCannotSignIn(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	in := maillage.SignUpInput{Email: "squat@exemple.org", Name: "Quelqu’un", Password: "assez long pour passer"}
	if err := s.SignUp(ctx, in, service.Client{IP: "192.0.2.1"}); err != nil {
		t.Fatal(err)
	}
	sentEmails(t, db)
	_, err := s.SignIn(ctx, in.Email, in.Password, "192.0.2.1")
	if maillage.AsError(err).MessageID != "security.unconfirmed" {
		t.Fatalf("unconfirmed sign-in: %v", err)
	}
	mails := sentEmails(t, db)
	if len(mails) != 1 || mails[0].Kind != service.EmailConfirm {
		t.Fatalf("a new confirmation link: %+v", mails)
	}
	done, err := s.ConfirmEmail(ctx, tokenOf(t, mails[0].Link), service.Client{})
	if err != nil || done.SignedIn != nil {
		t.Fatalf("confirm: %+v %v", done, err)
	}
	if _, err := s.SignIn(ctx, in.Email, in.Password, "192.0.2.1"); err != nil {
		t.Fatalf("confirmed sign-in: %v", err)
	}
}

func TestConfirmationSignsInOnlyTheDeviceThatSignedUp(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	for i, device := range []string{"appareil-de-lea", "un-autre"} {
		in := maillage.SignUpInput{Email: fmt.Sprintf("lea%d@exemple.org", i), Name: "Léa", Password: "assez long pour passer"}
		if err := s.SignUp(ctx, in, service.Client{IP: "192.0.2.1", SignUpDevice: "appareil-de-lea"}); err != nil {
			t.Fatal(err)
		}
		link := sentEmails(t, db)[0].Link
		done, err := s.ConfirmEmail(ctx, tokenOf(t, link), service.Client{SignUpDevice: device})
		if err != nil {
			t.Fatal(err)
		}
		if same := device == "appareil-de-lea"; (done.SignedIn != nil) != same {
			t.Fatalf("device %q: signed in = %v", device, done.SignedIn != nil)
		}
		if done.SignedIn != nil && (done.SignedIn.User.Email != in.Email || done.SignedIn.DeviceToken == "") {
			t.Fatalf("signed in: %+v", done.SignedIn)
		}
	}
}

func TestSignUpsPerClientAddress(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	advance := fixedClock(db)
	accepted := 0
	for i := 0; i < 1000; i++ {
		err := s.SignUp(ctx, maillage.SignUpInput{Email: fmt.Sprintf("robot%d@exemple.org", i), Name: "Robot",
			Password: "assez long pour passer"}, service.Client{IP: "203.0.113.9"})
		switch {
		case err == nil:
			accepted++
		case maillage.AsError(err).MessageID == "security.signup_throttled":
		default:
			t.Fatalf("sign-up %d: %v", i, err)
		}
	}
	if accepted != 10 {
		t.Fatalf("%d sign-ups accepted from one address in an hour, want 10", accepted)
	}
	if n, _ := db.CountUsers(ctx); n != 10 {
		t.Fatalf("%d accounts", n)
	}
	// Another address is not affected; the same one may again next hour.
	if err := s.SignUp(ctx, maillage.SignUpInput{Email: "humain@exemple.org", Name: "Humain", Password: "assez long pour passer"},
		service.Client{IP: "203.0.113.10"}); err != nil {
		t.Fatal(err)
	}
	// An IPv6 client holds its whole /64.
	for i := 0; i < 11; i++ {
		err := s.SignUp(ctx, maillage.SignUpInput{Email: fmt.Sprintf("v6-%d@exemple.org", i), Name: "Robot", Password: "assez long pour passer"},
			service.Client{IP: fmt.Sprintf("2001:db8::%x", i+1)})
		if (err != nil) != (i == 10) {
			t.Fatalf("IPv6 sign-up %d: %v", i, err)
		}
	}
	advance(time.Hour)
	if err := s.SignUp(ctx, maillage.SignUpInput{Email: "robot-suivant@exemple.org", Name: "Robot", Password: "assez long pour passer"},
		service.Client{IP: "203.0.113.9"}); err != nil {
		t.Fatalf("the next hour: %v", err)
	}
}

func TestAccountEmailsPerAddressPerDay(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	advance := fixedClock(db)
	u, _ := testutil.User(t, s, "Inondée", "inondee@exemple.org")
	// Sign-ups with her address and reset requests share the daily cap;
	// past it nothing is sent and the answers do not change.
	for i := 0; i < 3; i++ {
		err := s.SignUp(ctx, maillage.SignUpInput{Email: u.Email, Name: "Farceur", Password: "assez long pour passer"},
			service.Client{IP: fmt.Sprintf("198.51.100.%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RequestPasswordReset(ctx, u.Email); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(sentEmails(t, db)); n != 3 {
		t.Fatalf("%d emails to one address in a day, want 3", n)
	}
	// A new address's confirmation email counts too.
	for i := 0; i < 3; i++ {
		if err := s.RequestPasswordReset(ctx, "nouvelle@exemple.org"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SignUp(ctx, maillage.SignUpInput{Email: "nouvelle@exemple.org", Name: "Nouvelle", Password: "assez long pour passer"},
		service.Client{IP: "198.51.100.50"}); err != nil {
		t.Fatal(err)
	}
	if n := len(sentEmails(t, db)); n != 0 {
		t.Fatalf("%d emails past the cap", n)
	}
	advance(24 * time.Hour)
	if err := s.RequestPasswordReset(ctx, u.Email); err != nil {
		t.Fatal(err)
	}
	if n := len(sentEmails(t, db)); n != 1 {
		t.Fatalf("the next day: %d emails", n)
	}
}

func TestSignInLockoutSparesTheOwnersDevice(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	fixedClock(db)
	u, _ := testutil.User(t, s, "Propriétaire", "proprio@exemple.org")
	owner, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	if owner.DeviceToken == "" {
		t.Fatal("no device cookie after a successful sign-in")
	}
	again, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "192.0.2.1", TrustedDevice: owner.DeviceToken})
	if err != nil || again.DeviceToken != "" {
		t.Fatalf("a trusted device keeps its cookie: %+v %v", again, err)
	}

	// An attacker guesses from another address, without a device cookie.
	attacker := service.Client{IP: "203.0.113.66"}
	for i := 0; i < 10; i++ {
		_, err := s.Authenticate(ctx, u.Email, fmt.Sprintf("essai numéro %d", i), attacker)
		if maillage.AsError(err).MessageID != "account.bad_credentials" {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	if _, err := s.Authenticate(ctx, u.Email, testutil.Password, attacker); maillage.AsError(err).MessageID != "security.signin_throttled" {
		t.Fatalf("a locked-out client with the right password: %v", err)
	}
	// A new device of the owner, or a made-up cookie, is untrusted too.
	for _, c := range []service.Client{{IP: "192.0.2.1"}, {IP: "192.0.2.1", TrustedDevice: "inventé"}} {
		if _, err := s.Authenticate(ctx, u.Email, testutil.Password, c); maillage.ErrorCode(err) != maillage.CodeRateLimited {
			t.Fatalf("untrusted %+v: %v", c, err)
		}
	}
	// The owner's device is not locked out.
	trusted := service.Client{IP: "192.0.2.1", TrustedDevice: owner.DeviceToken}
	if _, err := s.Authenticate(ctx, u.Email, testutil.Password, trusted); err != nil {
		t.Fatalf("the owner was locked out: %v", err)
	}
	// A device cookie for another account does not help.
	other, _ := testutil.User(t, s, "Autre", "autre@exemple.org")
	otherIn, err := s.Authenticate(ctx, other.Email, testutil.Password, service.Client{IP: "203.0.113.66"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "203.0.113.66", TrustedDevice: otherIn.DeviceToken}); maillage.ErrorCode(err) != maillage.CodeRateLimited {
		t.Fatalf("another account's cookie: %v", err)
	}
	// A trusted cookie that fails too often itself stops sparing its device.
	for i := 0; i < 10; i++ {
		if _, err := s.Authenticate(ctx, u.Email, "toujours pas ça", trusted); maillage.AsError(err).MessageID != "account.bad_credentials" {
			t.Fatalf("trusted guess %d: %v", i, err)
		}
	}
	if _, err := s.Authenticate(ctx, u.Email, testutil.Password, trusted); maillage.ErrorCode(err) != maillage.CodeRateLimited {
		t.Fatalf("a cookie past its own limit: %v", err)
	}
}

func TestSignInPerClientAddress(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	fixedClock(db)
	u, _ := testutil.User(t, s, "Quelqu’un", "quelquun@exemple.org")
	owner, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "203.0.113.5"})
	if err != nil {
		t.Fatal(err)
	}
	// 30 failures spread over many accounts exhaust the address, for
	// everyone behind it, trusted devices included.
	for i := 0; i < 30; i++ {
		_, err := s.Authenticate(ctx, fmt.Sprintf("cible%d@exemple.org", i), "mauvais mot de passe", service.Client{IP: "203.0.113.5"})
		if maillage.AsError(err).MessageID != "account.bad_credentials" {
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	_, err = s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "203.0.113.5", TrustedDevice: owner.DeviceToken})
	if maillage.ErrorCode(err) != maillage.CodeRateLimited {
		t.Fatalf("past the address limit: %v", err)
	}
	if _, err := s.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "203.0.113.6"}); err != nil {
		t.Fatalf("another address: %v", err)
	}
}

func TestLimitsAreSharedBetweenAppNodes(t *testing.T) {
	ctx := context.Background()
	a, db := testutil.Service(t)
	fixedClock(db)
	b := secondService(t, db)
	nodes := []*service.Service{a, b}
	u, _ := testutil.User(t, a, "Partagée", "partagee@exemple.org")
	// Ten failures split over two nodes lock the account on both.
	for i := 0; i < 10; i++ {
		_, err := nodes[i%2].Authenticate(ctx, u.Email, "mauvais mot de passe", service.Client{IP: fmt.Sprintf("198.51.100.%d", i)})
		if maillage.AsError(err).MessageID != "account.bad_credentials" {
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	for _, n := range nodes {
		if _, err := n.Authenticate(ctx, u.Email, testutil.Password, service.Client{IP: "198.51.100.200"}); maillage.ErrorCode(err) != maillage.CodeRateLimited {
			t.Fatalf("a node did not see the other's failures: %v", err)
		}
	}
	// Sign-ups from one address: ten in all, whichever node takes them.
	accepted := 0
	for i := 0; i < 20; i++ {
		err := nodes[i%2].SignUp(ctx, maillage.SignUpInput{Email: fmt.Sprintf("n%d@exemple.org", i), Name: "N",
			Password: "assez long pour passer"}, service.Client{IP: "203.0.113.1"})
		if err == nil {
			accepted++
		}
	}
	if accepted != 10 {
		t.Fatalf("%d sign-ups over two nodes, want 10", accepted)
	}
	// The email cap too.
	for i := 0; i < 6; i++ {
		if err := nodes[i%2].RequestPasswordReset(ctx, u.Email); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(sentEmails(t, db)); n != 3+10 { // 10 confirmation emails of the sign-ups
		t.Fatalf("%d emails", n)
	}
}
