package service

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// LinkPurpose names what an emailed link is for.
type LinkPurpose string

// The emailed links a page may describe.
const (
	LinkConfirm LinkPurpose = LinkPurpose(store.PurposeConfirm)
	LinkReset   LinkPurpose = LinkPurpose(store.PurposeReset)
)

// EmailLinkInfo is what the page an emailed link opens may know before
// the link is used: the address and the language of the account, whether
// the link still works, whether the address is confirmed already.
type EmailLinkInfo struct {
	Email     string
	Language  string
	Valid     bool
	Confirmed bool
}

// EmailLink describes the confirmation ("confirm") or reset ("reset") link
// carrying token, without using it. Holding the token proves the mailbox,
// so its address may be shown; an unknown token is not found.
func (s *Service) EmailLink(ctx context.Context, token string, purpose LinkPurpose) (*EmailLinkInfo, error) {
	if token == "" || (purpose != LinkConfirm && purpose != LinkReset) {
		return nil, maillage.ErrNotFound
	}
	l, err := s.db.EmailLinkByHash(ctx, auth.HashToken(token), store.EmailTokenPurpose(purpose))
	if err != nil {
		return nil, err
	}
	return &EmailLinkInfo{Email: l.Email, Language: l.Language, Valid: l.Valid, Confirmed: l.Confirmed}, nil
}

// ResendConfirmationTo sends a new confirmation link to an address whose
// account still waits for it, for someone not signed in (an expired link
// in hand). It answers the same whether or not such an account exists, so
// it cannot be used to find out; the address limit applies either way.
func (s *Service) ResendConfirmationTo(ctx context.Context, email string) error {
	email = maillage.NormalizeEmail(email)
	var v maillage.Validator
	v.Required("email", email)
	v.Email("email", email)
	if err := v.Err(); err != nil {
		return err
	}
	send, err := s.mayEmail(ctx, email)
	if err != nil {
		return fmt.Errorf("resend confirmation: %w", err)
	}
	creds, err := s.db.Credentials(ctx, email)
	if maillage.IsNotFound(err) || (err == nil && (!send || creds.User.EmailConfirmedAt != nil)) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("resend confirmation: %w", err)
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return s.enqueueEmailLink(ctx, tx, creds.User, store.PurposeConfirm, confirmTTL, "/email/confirm", "")
	})
}
