package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// Credentials is what a sign-in checks: the account, its password hash
// and the session epoch a new session must carry.
type Credentials struct {
	User         *maillage.User
	PasswordHash string
	SessionEpoch int64
}

// Credentials returns the account with this (normalised) email.
func (db *DB) Credentials(ctx context.Context, email string) (*Credentials, error) {
	row := db.queryRow(ctx, `SELECT `+userColumns+`, u.password_hash, u.session_epoch FROM users u WHERE u.email = $1`, email)
	var c Credentials
	u, err := scanUserWith(row, &c.PasswordHash, &c.SessionEpoch)
	if err != nil {
		return nil, err
	}
	c.User = u
	return &c, nil
}

// SessionUser returns a user with their current session epoch, which a
// session must carry to stay signed in.
func (db *DB) SessionUser(ctx context.Context, id string) (*maillage.User, int64, error) {
	var epoch int64
	u, err := scanUserWith(db.queryRow(ctx, `SELECT `+userColumns+`, u.session_epoch FROM users u WHERE u.id = $1`, id), &epoch)
	if err != nil {
		return nil, 0, err
	}
	return u, epoch, nil
}

// SessionEpoch returns a user's current session epoch inside a transaction.
func (tx *Tx) SessionEpoch(ctx context.Context, userID string) (int64, error) {
	var epoch int64
	err := tx.tx.QueryRowContext(ctx, `SELECT session_epoch FROM users WHERE id = $1`, userID).Scan(&epoch)
	return epoch, mapError(err)
}

// EndSessions ends every web session of a person by moving their session
// epoch on, and returns the new epoch (for the one session to keep, if any).
func (tx *Tx) EndSessions(ctx context.Context, userID string) (int64, error) {
	var epoch int64
	err := tx.tx.QueryRowContext(ctx, `UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1
		RETURNING session_epoch`, userID).Scan(&epoch)
	if err != nil {
		return 0, fmt.Errorf("end sessions: %w", mapError(err))
	}
	return epoch, nil
}

// DeleteAPITokens revokes every API token of a person and says how many
// there were.
func (tx *Tx) DeleteAPITokens(ctx context.Context, userID string) (int, error) {
	res, err := tx.exec(ctx, `DELETE FROM api_tokens WHERE user_id = $1`, userID)
	if err != nil {
		return 0, fmt.Errorf("revoke tokens: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// UsedEmailToken is what a consumed emailed link was for.
type UsedEmailToken struct {
	UserID string
	Email  string
	// DeviceHash is the hash of the device value the link was bound to, or "".
	DeviceHash string
}

// CreateDeviceEmailToken is CreateEmailToken for a link bound to the
// device that asked for it: deviceHash is the hash of a value that device
// keeps in a cookie.
func (tx *Tx) CreateDeviceEmailToken(ctx context.Context, hash, userID, email string, purpose EmailTokenPurpose, ttl time.Duration, deviceHash string) error {
	if err := tx.CreateEmailToken(ctx, hash, userID, email, purpose, ttl); err != nil {
		return err
	}
	if deviceHash == "" {
		return nil
	}
	if _, err := tx.exec(ctx, `UPDATE email_tokens SET device_hash = $1 WHERE token_hash = $2`, deviceHash, hash); err != nil {
		return fmt.Errorf("email token: %w", err)
	}
	return nil
}

// ConsumeLink marks a valid, unused, unexpired token as used and returns
// what it was for. A reset link created before the account's password last
// changed is no longer valid. Anything else is not found.
func (tx *Tx) ConsumeLink(ctx context.Context, hash string, purpose EmailTokenPurpose) (*UsedEmailToken, error) {
	var t UsedEmailToken
	err := tx.tx.QueryRowContext(ctx, `UPDATE email_tokens SET used_at = $1
		WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
		  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = email_tokens.user_id
		                  AND $3 = 'reset' AND u.password_changed_at > email_tokens.created_at)
		RETURNING user_id, email, device_hash`, tx.now, hash, string(purpose)).Scan(&t.UserID, &t.Email, &t.DeviceHash)
	if err != nil {
		return nil, mapError(err)
	}
	return &t, nil
}

// ResetLinkSuperseded reports whether hash is an unused, unexpired reset
// link that stopped working because the password changed after it was sent.
func (tx *Tx) ResetLinkSuperseded(ctx context.Context, hash string) (bool, error) {
	var one int
	err := tx.tx.QueryRowContext(ctx, `SELECT 1 FROM email_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.token_hash = $1 AND t.purpose = 'reset' AND t.used_at IS NULL AND t.expires_at > $2
		  AND u.password_changed_at > t.created_at`, hash, tx.now).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reset link: %w", err)
	}
	return true, nil
}

// maxTrustedDevices bounds how many devices one account keeps trusted;
// the oldest are forgotten first.
const maxTrustedDevices = 20

// TrustDevice remembers a device that signed in to an account, by the hash
// of the random value in its cookie.
func (tx *Tx) TrustDevice(ctx context.Context, hash, userID string, ttl time.Duration) error {
	if _, err := tx.exec(ctx, `INSERT INTO trusted_devices (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		hash, userID, tx.now, tx.now.Add(ttl)); err != nil {
		return fmt.Errorf("trust device: %w", err)
	}
	_, err := tx.exec(ctx, `DELETE FROM trusted_devices WHERE user_id = $1 AND token_hash NOT IN
		(SELECT token_hash FROM trusted_devices WHERE user_id = $1 ORDER BY created_at DESC, token_hash LIMIT $2)`,
		userID, maxTrustedDevices)
	if err != nil {
		return fmt.Errorf("trust device: %w", err)
	}
	return nil
}

// TrustedDeviceUser returns the account a device cookie (by its hash)
// proved, if the cookie is known and has not expired.
func (db *DB) TrustedDeviceUser(ctx context.Context, hash string) (string, error) {
	var userID string
	err := db.queryRow(ctx, `SELECT user_id FROM trusted_devices WHERE token_hash = $1 AND expires_at > $2`,
		hash, db.Now()).Scan(&userID)
	return userID, mapError(err)
}

// TakeRateSlot counts one event under key in the fixed window starting at
// windowStart, unless the window already holds limit events. It reports
// whether the event was counted. The check and the count are one
// statement, so concurrent requests on several app nodes cannot overshoot.
func (db *DB) TakeRateSlot(ctx context.Context, key string, windowStart, windowEnd time.Time, limit int) (bool, error) {
	taken := false
	err := db.Update(ctx, func(tx *Tx) error {
		var n int
		err := tx.tx.QueryRowContext(ctx, `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES ($1, $2, 1, $3)
			ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
			WHERE rate_counters.count < $4
			RETURNING count`, key, windowStart.UTC(), windowEnd.UTC(), limit).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		taken = n <= limit
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("rate limit: %w", err)
	}
	return taken, nil
}

// ReturnRateSlot gives back one event counted by TakeRateSlot in the same
// window (the attempt turned out not to count, a successful sign-in say).
func (db *DB) ReturnRateSlot(ctx context.Context, key string, windowStart time.Time) error {
	err := db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `UPDATE rate_counters SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0`,
			key, windowStart.UTC())
		return err
	})
	if err != nil {
		return fmt.Errorf("rate limit: %w", err)
	}
	return nil
}
