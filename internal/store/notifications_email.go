package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// PendingEmail is a notification still owed an email.
type PendingEmail struct {
	ID     string
	UserID string
}

// PendingEachEmails returns, in recipient order, up to limit
// notifications of one fan-out chunk (the event's keys, the chunk's
// recipients after after, stamped at) still owed their own email. A
// notification read meanwhile in the application is not emailed: its
// recipient already knows.
func (db *DB) PendingEachEmails(ctx context.Context, keys []string, c Chunk, at time.Time, after string, limit int) ([]PendingEmail, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	var a args
	ph := make([]string, len(keys))
	for i, k := range keys {
		ph[i] = a.add(k)
	}
	if after == "" {
		after = c.After
	}
	// The user index leads: the chunk's recipients, their unread rows
	// of this very moment, then the few rows left to check.
	q := `SELECT id, user_id FROM notifications WHERE user_id > ` + a.add(after)
	if c.Through != "" {
		q += ` AND user_id <= ` + a.add(c.Through)
	}
	q += ` AND read_at IS NULL AND created_at = ` + a.add(at.UTC()) + ` AND event_key IN (` + strings.Join(ph, ", ") + `)
		AND email = 'each' AND emailed_at IS NULL ORDER BY user_id LIMIT ` + a.add(limit)
	return db.pendingEmails(ctx, q, a...)
}

func (db *DB) pendingEmails(ctx context.Context, q string, args ...any) ([]PendingEmail, error) {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("pending emails: %w", mapError(err))
	}
	defer rows.Close()
	var out []PendingEmail
	for rows.Next() {
		var p PendingEmail
		if err := rows.Scan(&p.ID, &p.UserID); err != nil {
			return nil, fmt.Errorf("pending emails: %w", mapError(err))
		}
		out = append(out, p)
	}
	return out, mapError(rows.Err())
}

// MarkEmailed records that a notification's email was sent.
func (tx *Tx) MarkEmailed(ctx context.Context, ids ...string) error {
	for _, id := range ids {
		if _, err := tx.exec(ctx, `UPDATE notifications SET email = '', emailed_at = $1, email_error = '' WHERE id = $2`, tx.now, id); err != nil {
			return fmt.Errorf("mark emailed: %w", err)
		}
	}
	return nil
}

// SkipEmail records that a notification's email will not be sent, and
// why (a mode changed to 'none', a subject no longer visible, an address
// refused for good). The reason stays on the row for operators.
func (tx *Tx) SkipEmail(ctx context.Context, id, reason string) error {
	if len(reason) > 1000 {
		reason = reason[:1000]
	}
	_, err := tx.exec(ctx, `UPDATE notifications SET email = '', email_error = $1 WHERE id = $2`, reason, id)
	if err != nil {
		return fmt.Errorf("skip email: %w", err)
	}
	return nil
}

// EmailState tells what became of a notification's email: the email
// still owed ("" when none), why it was not sent, and when it was.
func (db *DB) EmailState(ctx context.Context, id string) (owed, failure string, emailedAt *time.Time, err error) {
	var at sql.NullTime
	err = db.queryRow(ctx, `SELECT email, email_error, emailed_at FROM notifications WHERE id = $1`, id).Scan(&owed, &failure, &at)
	if err != nil {
		return "", "", nil, fmt.Errorf("email state: %w", mapError(err))
	}
	return owed, failure, nullTime(at), nil
}

// DeferEmail moves a notification owed its own email into a digest of
// this period (its recipient chose digests since it was written).
func (tx *Tx) DeferEmail(ctx context.Context, id string, period maillage.NotifyMode) error {
	_, err := tx.exec(ctx, `UPDATE notifications SET email = $1 WHERE id = $2`, string(period), id)
	if err != nil {
		return fmt.Errorf("defer email: %w", err)
	}
	return nil
}

// DigestRecipients returns the people with notifications written up to
// until that wait for a digest of this period (daily or weekly).
func (db *DB) DigestRecipients(ctx context.Context, period maillage.NotifyMode, until time.Time) ([]string, error) {
	ids, err := db.notifyIDs(ctx, `SELECT DISTINCT user_id FROM notifications
		WHERE email IN ('daily', 'weekly') AND email = $1 AND created_at <= $2 ORDER BY user_id`, string(period), until.UTC())
	if err != nil {
		return nil, fmt.Errorf("digest recipients: %w", mapError(err))
	}
	return ids, nil
}

// PendingDigest returns a person's notifications waiting for a digest of
// this period, oldest first.
func (db *DB) PendingDigest(ctx context.Context, userID string, period maillage.NotifyMode, until time.Time) ([]PendingEmail, error) {
	return db.pendingEmails(ctx, `SELECT id, user_id FROM notifications
		WHERE email IN ('daily', 'weekly') AND email = $1 AND user_id = $2 AND created_at <= $3 ORDER BY created_at, id`,
		string(period), userID, until.UTC())
}

// FinishDigest closes a person's digest: the notifications it carried are
// marked emailed, the others of the period up to until will not be sent,
// and the period's key is recorded so the digest is never sent twice.
func (tx *Tx) FinishDigest(ctx context.Context, userID string, period maillage.NotifyMode, key string, until time.Time, sent []string) error {
	if err := tx.MarkEmailed(ctx, sent...); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE notifications SET email = '' WHERE user_id = $1 AND email IN ('daily', 'weekly') AND email = $2
		AND created_at <= $3`,
		userID, string(period), until.UTC()); err != nil {
		return fmt.Errorf("finish digest: %w", err)
	}
	_, err := tx.exec(ctx, `INSERT INTO notification_digests (user_id, period, period_key, sent_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (user_id, period) DO UPDATE SET period_key = excluded.period_key, sent_at = excluded.sent_at`,
		userID, string(period), key, tx.now)
	if err != nil {
		return fmt.Errorf("finish digest: %w", err)
	}
	return nil
}

// LastDigest returns the key of the last digest of a period sent to a
// person, "" if none was.
func (db *DB) LastDigest(ctx context.Context, userID string, period maillage.NotifyMode) (string, error) {
	var key string
	err := db.queryRow(ctx, `SELECT period_key FROM notification_digests WHERE user_id = $1 AND period = $2`,
		userID, string(period)).Scan(&key)
	if err := mapError(err); err != nil && !maillage.IsNotFound(err) {
		return "", fmt.Errorf("last digest: %w", err)
	}
	return key, nil
}

// CreateUnsubscribeToken stores the hash of an email's one-click
// unsubscribe link for a person and a scope (a community, or "" for every
// email).
func (tx *Tx) CreateUnsubscribeToken(ctx context.Context, hash, userID, communityID string, expires time.Time) error {
	_, err := tx.exec(ctx, `INSERT INTO unsubscribe_tokens (token_hash, user_id, community_id, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5)`, hash, userID, communityID, tx.now, expires.UTC())
	if err != nil {
		return fmt.Errorf("unsubscribe token: %w", err)
	}
	return nil
}

// UnsubscribeToken returns the person and scope of an unexpired link.
func (db *DB) UnsubscribeToken(ctx context.Context, hash string) (userID, communityID string, err error) {
	err = db.queryRow(ctx, `SELECT user_id, community_id FROM unsubscribe_tokens WHERE token_hash = $1 AND expires_at > $2`,
		hash, db.Now()).Scan(&userID, &communityID)
	if err != nil {
		return "", "", fmt.Errorf("unsubscribe token: %w", mapError(err))
	}
	return userID, communityID, nil
}

// UseUnsubscribeToken records that a link was used (it keeps working: a
// second click must not show an error).
func (tx *Tx) UseUnsubscribeToken(ctx context.Context, hash string) error {
	_, err := tx.exec(ctx, `UPDATE unsubscribe_tokens SET used_at = COALESCE(used_at, $1) WHERE token_hash = $2`, tx.now, hash)
	if err != nil {
		return fmt.Errorf("use unsubscribe token: %w", err)
	}
	return nil
}

// PurgeNotifications deletes notifications read before readBefore, any
// older than before, and expired unsubscribe links, so lists and counts
// stay small.
func (tx *Tx) PurgeNotifications(ctx context.Context, readBefore, before time.Time) error {
	if _, err := tx.exec(ctx, `DELETE FROM notifications WHERE (read_at IS NOT NULL AND read_at < $1) OR created_at < $2`,
		readBefore.UTC(), before.UTC()); err != nil {
		return fmt.Errorf("purge notifications: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM unsubscribe_tokens WHERE expires_at < $1`, tx.now); err != nil {
		return fmt.Errorf("purge unsubscribe links: %w", err)
	}
	return nil
}

// EnqueueOnce adds a job under a fixed ID unless one already has it, so a
// job that must run once per period (a digest) does, however many servers
// or retries ask for it. It reports whether the job was added.
func (tx *Tx) EnqueueOnce(ctx context.Context, id, kind string, payload any, runAt time.Time) (bool, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return false, fmt.Errorf("enqueue %s: %w", kind, err)
	}
	res, err := tx.exec(ctx, `INSERT INTO jobs (id, kind, payload, run_at, created_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO NOTHING`, id, kind, string(b), runAt.UTC(), tx.now)
	if err != nil {
		return false, fmt.Errorf("enqueue %s: %w", kind, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
