package service_test

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// lastEmail runs the queued jobs, capturing the email payloads instead of
// sending them, and returns the last one.
func lastEmail(t *testing.T, s *service.Service) service.EmailJob {
	t.Helper()
	var got []service.EmailJob
	// One job at a time: the handler appends, and "last" means last queued.
	w := &jobs.Worker{DB: s.DB(), Concurrency: 1, Handlers: map[string]jobs.Handler{
		service.JobEmail: func(_ context.Context, p json.RawMessage) error {
			var j service.EmailJob
			if err := json.Unmarshal(p, &j); err != nil {
				return err
			}
			got = append(got, j)
			return nil
		},
	}}
	if err := w.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no email was queued")
	}
	return got[len(got)-1]
}

func tokenOf(t *testing.T, link string) string {
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("token")
}

func TestSignUpConfirmSignInReset(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	err := s.SignUp(ctx, maillage.SignUpInput{Email: " Ines.Haddad@Exemple.org ", Name: "Inès Haddad",
		Password: "correct horse battery", Interests: []string{"Économie sociale", "données ouvertes"}}, service.Client{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	creds, err := db.Credentials(ctx, "ines.haddad@exemple.org")
	if err != nil {
		t.Fatal(err)
	}
	u := creds.User
	if u.Email != "ines.haddad@exemple.org" || u.EmailConfirmedAt != nil {
		t.Fatalf("sign-up: %+v", u)
	}
	mail := lastEmail(t, s)
	if mail.Kind != service.EmailConfirm || mail.To != u.Email || mail.Lang != "fr-CA" {
		t.Fatalf("confirmation email: %+v", mail)
	}
	if _, err := s.ConfirmEmail(ctx, tokenOf(t, mail.Link), service.Client{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmEmail(ctx, tokenOf(t, mail.Link), service.Client{}); maillage.AsError(err).MessageID != "account.link_invalid" {
		t.Fatalf("a link works once: %v", err)
	}
	if _, err := s.SignIn(ctx, "INES.HADDAD@exemple.org", "correct horse battery", "192.0.2.1"); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	_, errWrong := s.SignIn(ctx, u.Email, "nope nope nope", "192.0.2.1")
	_, errUnknown := s.SignIn(ctx, "personne@exemple.org", "nope nope nope", "192.0.2.1")
	if maillage.AsError(errWrong).MessageID != "account.bad_credentials" || maillage.AsError(errUnknown).MessageID != "account.bad_credentials" {
		t.Fatalf("wrong password and unknown email must look the same: %v / %v", errWrong, errUnknown)
	}

	// Reset: an unknown address answers the same and sends nothing.
	if err := s.RequestPasswordReset(ctx, "inconnu@exemple.org"); err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPasswordReset(ctx, u.Email); err != nil {
		t.Fatal(err)
	}
	mail = lastEmail(t, s)
	if mail.Kind != service.EmailReset {
		t.Fatalf("reset email: %+v", mail)
	}
	if _, err := s.ResetPassword(ctx, tokenOf(t, mail.Link), "court"); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("short password accepted: %v", err)
	}
	if _, err := s.ResetPassword(ctx, tokenOf(t, mail.Link), "un tout nouveau mot de passe"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, u.Email, "un tout nouveau mot de passe", "192.0.2.2"); err != nil {
		t.Fatalf("sign in with the new password: %v", err)
	}
	if _, err := s.ResetPassword(ctx, tokenOf(t, mail.Link), "encore un autre mot de passe"); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("a reset link works once: %v", err)
	}
}

func TestSignUpRefusesBadInputAndKeepsNothing(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	err := s.SignUp(ctx, maillage.SignUpInput{Email: "x", Name: "", Password: "court"}, service.Client{IP: "192.0.2.1"})
	if e := maillage.AsError(err); e.Code != maillage.CodeInvalid || len(e.Fields) != 3 {
		t.Fatalf("bad input: %v", err)
	}
	if n, _ := db.CountUsers(ctx); n != 0 {
		t.Fatalf("refused sign-ups left %d users", n)
	}
}

func TestSignInIsRateLimited(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	u, _ := testutil.User(t, s, "Cible", "cible@exemple.org")
	limited := false
	for i := 0; i < 20; i++ {
		_, err := s.SignIn(ctx, u.Email, "mauvais mot de passe", "198.51.100.7")
		if maillage.ErrorCode(err) == maillage.CodeRateLimited {
			limited = true
			break
		}
	}
	if !limited {
		t.Fatal("20 wrong passwords in a row were never rate limited")
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, v := testutil.User(t, s, "Jeton", "jeton@exemple.org")
	_, other := testutil.User(t, s, "Autre", "autre@exemple.org")
	plain, tok, err := s.CreateToken(ctx, v, "script")
	if err != nil {
		t.Fatal(err)
	}
	if id, err := s.AuthenticateToken(ctx, plain); err != nil || id != v.UserID {
		t.Fatalf("authenticate: %v %v", id, err)
	}
	if err := s.RevokeToken(ctx, other, tok.ID); !maillage.IsNotFound(err) {
		t.Fatalf("someone else's token: %v", err)
	}
	if err := s.RevokeToken(ctx, v, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AuthenticateToken(ctx, plain); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("revoked token still works: %v", err)
	}
	if _, _, err := s.CreateToken(ctx, maillage.Anonymous(), "x"); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("anonymous token: %v", err)
	}
}
