package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// CreateAPIToken stores a new API token by the hash of its secret.
func (tx *Tx) CreateAPIToken(ctx context.Context, t *maillage.APIToken, hash string) error {
	t.CreatedAt = tx.now
	_, err := tx.exec(ctx, `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
		t.ID, t.UserID, t.Name, hash, t.CreatedAt)
	if err != nil {
		return fmt.Errorf("create token: %w", err)
	}
	return nil
}

// APITokens lists a person's tokens, newest first.
func (db *DB) APITokens(ctx context.Context, userID string) ([]maillage.APIToken, error) {
	rows, err := db.query(ctx, `SELECT id, user_id, name, created_at, last_used_at FROM api_tokens
		WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.APIToken
	for rows.Next() {
		var t maillage.APIToken
		var used sql.NullTime
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.CreatedAt, &used); err != nil {
			return nil, mapError(err)
		}
		t.CreatedAt, t.LastUsedAt = t.CreatedAt.UTC(), nullTime(used)
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteAPIToken revokes one of a person's tokens; another person's token
// is not found.
func (tx *Tx) DeleteAPIToken(ctx context.Context, userID, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM api_tokens WHERE id = $1 AND user_id = $2`, id, userID)
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// APITokenUser returns the ID of the user owning the token with this hash
// and when it was last used.
func (db *DB) APITokenUser(ctx context.Context, hash string) (tokenID, userID string, lastUsed *time.Time, err error) {
	var used sql.NullTime
	err = db.queryRow(ctx, `SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = $1`, hash).
		Scan(&tokenID, &userID, &used)
	if err != nil {
		return "", "", nil, mapError(err)
	}
	return tokenID, userID, nullTime(used), nil
}

// TouchAPIToken records a token's use.
func (tx *Tx) TouchAPIToken(ctx context.Context, id string) error {
	_, err := tx.exec(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, tx.now, id)
	return err
}

// EmailTokenPurpose says what an emailed link does.
type EmailTokenPurpose string

// Email token purposes.
const (
	PurposeConfirm EmailTokenPurpose = "confirm"
	PurposeReset   EmailTokenPurpose = "reset"
)

// CreateEmailToken stores the hash of a one-time emailed token. Earlier
// unused tokens of the same purpose are invalidated: only the newest link works.
func (tx *Tx) CreateEmailToken(ctx context.Context, hash, userID, email string, purpose EmailTokenPurpose, ttl time.Duration) error {
	if _, err := tx.exec(ctx, `DELETE FROM email_tokens WHERE user_id = $1 AND purpose = $2`, userID, string(purpose)); err != nil {
		return fmt.Errorf("email token: %w", err)
	}
	_, err := tx.exec(ctx, `INSERT INTO email_tokens (token_hash, user_id, purpose, email, expires_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, hash, userID, string(purpose), email, tx.now.Add(ttl), tx.now)
	if err != nil {
		return fmt.Errorf("email token: %w", err)
	}
	return nil
}

// ConsumeEmailToken marks a valid, unused, unexpired token as used and
// returns whom and which address it was for. Anything else is not found.
func (tx *Tx) ConsumeEmailToken(ctx context.Context, hash string, purpose EmailTokenPurpose) (userID, email string, err error) {
	err = tx.tx.QueryRowContext(ctx, `UPDATE email_tokens SET used_at = $1
		WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
		RETURNING user_id, email`, tx.now, hash, string(purpose)).Scan(&userID, &email)
	if err != nil {
		return "", "", mapError(err)
	}
	return userID, email, nil
}
