package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SessionStore keeps web sessions in the database so they survive
// restarts and are shared by several servers. It implements the store
// interface of github.com/alexedwards/scs/v2 (CtxStore).
type SessionStore struct {
	DB *DB
}

// FindCtx returns a session's data if it exists and has not expired.
func (s SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := s.DB.queryRow(ctx, `SELECT data FROM sessions WHERE token = $1 AND expiry > $2`,
		token, s.DB.Now()).Scan(&data)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("find session: %w", err)
	}
	return data, true, nil
}

// CommitCtx saves a session.
func (s SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	return s.DB.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
			ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, token, b, expiry.UTC())
		return err
	})
}

// DeleteCtx removes a session (sign-out).
func (s SessionStore) DeleteCtx(ctx context.Context, token string) error {
	return s.DB.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `DELETE FROM sessions WHERE token = $1`, token)
		return err
	})
}

// Find is the context-free variant scs requires; the CtxStore methods are used instead.
func (s SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit is the context-free variant scs requires.
func (s SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

// Delete is the context-free variant scs requires.
func (s SessionStore) Delete(token string) error { return s.DeleteCtx(context.Background(), token) }
