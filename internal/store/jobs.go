package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/auth"
)

// Job is a unit of background work (an email to send, a fan-out to run).
// Jobs are written in the same transaction as the change that causes
// them, so a committed change always gets its follow-up and a rolled-back
// one never does.
type Job struct {
	ID       string
	Kind     string
	Payload  json.RawMessage
	Attempts int
}

// Enqueue adds a job to run as soon as a worker is free.
func (tx *Tx) Enqueue(ctx context.Context, kind string, payload any) error {
	return tx.EnqueueAt(ctx, kind, payload, tx.now)
}

// EnqueueAt adds a job to run at or after runAt.
func (tx *Tx) EnqueueAt(ctx context.Context, kind string, payload any, runAt time.Time) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("enqueue %s: %w", kind, err)
	}
	_, err = tx.exec(ctx, `INSERT INTO jobs (id, kind, payload, run_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
		auth.NewID(), kind, string(b), runAt.UTC(), tx.now)
	if err != nil {
		return fmt.Errorf("enqueue %s: %w", kind, err)
	}
	return nil
}

// ClaimJobs takes up to n due jobs and leases them for lease, so another
// worker (or server) does not run them at the same time. A worker that
// dies lets its lease expire and the job runs again.
func (db *DB) ClaimJobs(ctx context.Context, n int, lease time.Duration) ([]Job, error) {
	var jobs []Job
	err := db.Update(ctx, func(tx *Tx) error {
		rows, err := tx.tx.QueryContext(ctx, `SELECT id, kind, payload, attempts FROM jobs
			WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
			ORDER BY run_at, id LIMIT $2`+tx.db.forUpdate(), tx.now, n)
		if err != nil {
			return mapError(err)
		}
		for rows.Next() {
			var j Job
			var payload string
			if err := rows.Scan(&j.ID, &j.Kind, &payload, &j.Attempts); err != nil {
				rows.Close()
				return mapError(err)
			}
			j.Payload = json.RawMessage(payload)
			jobs = append(jobs, j)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return mapError(err)
		}
		for i := range jobs {
			jobs[i].Attempts++
			if _, err := tx.exec(ctx, `UPDATE jobs SET locked_until = $1, attempts = attempts + 1 WHERE id = $2`,
				tx.now.Add(lease), jobs[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return jobs, err
}

// forUpdate locks claimed rows on PostgreSQL so two servers never take the
// same job; SQLite's single writer already serialises claims.
func (db *DB) forUpdate() string {
	if db.dialect == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// CompleteJob marks a job done and empties its payload: an email job
// carries a one-time link that must not outlive its sending in the table.
func (db *DB) CompleteJob(ctx context.Context, id string) error {
	return db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `UPDATE jobs SET done_at = $1, locked_until = NULL, last_error = '', payload = '{}'
			WHERE id = $2`, tx.now, id)
		return err
	})
}

// RetryJob records a failure and schedules another attempt at retryAt, or
// marks the job failed for good when it has used all its attempts.
func (db *DB) RetryJob(ctx context.Context, id string, cause error, retryAt time.Time) error {
	msg := cause.Error()
	if len(msg) > 2000 {
		msg = msg[:2000]
	}
	return db.Update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `UPDATE jobs SET last_error = $1, locked_until = NULL, run_at = $2 WHERE id = $3`,
			msg, retryAt.UTC(), id); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `UPDATE jobs SET failed_at = $1 WHERE id = $2 AND attempts >= max_attempts`, tx.now, id)
		return err
	})
}

// JobStats counts jobs by state, for the health of the queue and tests.
type JobStats struct{ Pending, Done, Failed int }

// JobCounts returns how many jobs of a kind ("" for all) are in each state.
func (db *DB) JobCounts(ctx context.Context, kind string) (JobStats, error) {
	var s JobStats
	err := db.queryRow(ctx, `SELECT
		COALESCE(SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0)
		FROM jobs WHERE $1 = '' OR kind = $1`, kind).Scan(&s.Pending, &s.Done, &s.Failed)
	if err != nil {
		return s, fmt.Errorf("job counts: %w", mapError(err))
	}
	return s, nil
}

// PurgeJobs deletes finished jobs older than before, keeping the table small.
func (db *DB) PurgeJobs(ctx context.Context, before time.Time) error {
	return db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `DELETE FROM jobs WHERE done_at < $1`, before.UTC())
		return err
	})
}

// JobsWithPayload counts the jobs of a kind that still hold a payload.
func (db *DB) JobsWithPayload(ctx context.Context, kind string) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = $1 AND payload <> '{}'`, kind).Scan(&n)
	return n, mapError(err)
}
