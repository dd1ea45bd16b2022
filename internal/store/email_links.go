package store

import (
	"context"
	"fmt"
)

// EmailLink is what an emailed link was made for, whether it still works
// or not: the pages it opens speak the account's language and, once it
// has expired or served, offer to send a new one to the same address.
type EmailLink struct {
	UserID   string
	Email    string
	Language string
	// Valid: unused, unexpired and (for a reset) not superseded by a
	// password change; ConsumeLink would accept it.
	Valid bool
	// Confirmed: the account's address is this link's and is confirmed.
	Confirmed bool
}

// EmailLinkByHash describes the link whose token has this hash, without
// using it up; an unknown token is not found.
func (db *DB) EmailLinkByHash(ctx context.Context, hash string, purpose EmailTokenPurpose) (*EmailLink, error) {
	var l EmailLink
	err := db.queryRow(ctx, `SELECT t.user_id, t.email, u.language,
		CASE WHEN t.used_at IS NULL AND t.expires_at > $3
		      AND NOT (t.purpose = 'reset' AND COALESCE(u.password_changed_at > t.created_at, FALSE)) THEN 1 ELSE 0 END,
		CASE WHEN u.email = t.email AND u.email_confirmed_at IS NOT NULL THEN 1 ELSE 0 END
		FROM email_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.token_hash = $1 AND t.purpose = $2`, hash, string(purpose), db.Now()).
		Scan(&l.UserID, &l.Email, &l.Language, &l.Valid, &l.Confirmed)
	if err != nil {
		return nil, fmt.Errorf("email link: %w", mapError(err))
	}
	return &l, nil
}
