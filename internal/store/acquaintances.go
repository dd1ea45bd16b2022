package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/maillage"
)

const acquaintanceColumns = `requester_id, target_id, kind, created_at, accepted_at`

func scanAcquaintance(row interface{ Scan(...any) error }) (*maillage.Acquaintance, error) {
	var a maillage.Acquaintance
	var kind string
	var accepted sql.NullTime
	if err := row.Scan(&a.RequesterID, &a.TargetID, &kind, &a.CreatedAt, &accepted); err != nil {
		return nil, mapError(err)
	}
	a.Kind, a.CreatedAt = maillage.AcquaintanceKind(kind), a.CreatedAt.UTC()
	if accepted.Valid {
		t := accepted.Time.UTC()
		a.AcceptedAt = &t
	}
	return &a, nil
}

// Acquaintance returns the acquaintance between two people, whichever
// asked, or ErrNotFound.
func (db *DB) Acquaintance(ctx context.Context, a, b string) (*maillage.Acquaintance, error) {
	return scanAcquaintance(db.queryRow(ctx, `SELECT `+acquaintanceColumns+` FROM acquaintances
		WHERE (requester_id = $1 AND target_id = $2) OR (requester_id = $2 AND target_id = $1)`, a, b))
}

// Acquaintance is DB.Acquaintance inside the transaction.
func (tx *Tx) Acquaintance(ctx context.Context, a, b string) (*maillage.Acquaintance, error) {
	return scanAcquaintance(tx.q().QueryRowContext(ctx, `SELECT `+acquaintanceColumns+` FROM acquaintances
		WHERE (requester_id = $1 AND target_id = $2) OR (requester_id = $2 AND target_id = $1)`, a, b))
}

// AskAcquaintance records that requester declares knowing target, waiting
// for target's confirmation.
func (tx *Tx) AskAcquaintance(ctx context.Context, requester, target string, kind maillage.AcquaintanceKind) error {
	if _, err := tx.exec(ctx, `INSERT INTO acquaintances (requester_id, target_id, kind, created_at) VALUES ($1, $2, $3, $4)`,
		requester, target, string(kind), tx.now); err != nil {
		return fmt.Errorf("acquaintance: %w", mapError(err))
	}
	return nil
}

// AcceptAcquaintance confirms the acquaintance requester asked target
// for.
func (tx *Tx) AcceptAcquaintance(ctx context.Context, requester, target string, at time.Time) error {
	if _, err := tx.exec(ctx, `UPDATE acquaintances SET accepted_at = $3 WHERE requester_id = $1 AND target_id = $2`,
		requester, target, at); err != nil {
		return fmt.Errorf("acquaintance: %w", err)
	}
	return nil
}

// DeleteAcquaintance removes the acquaintance between two people,
// asked or confirmed, whichever asked.
func (tx *Tx) DeleteAcquaintance(ctx context.Context, a, b string) error {
	if _, err := tx.exec(ctx, `DELETE FROM acquaintances
		WHERE (requester_id = $1 AND target_id = $2) OR (requester_id = $2 AND target_id = $1)`, a, b); err != nil {
		return fmt.Errorf("acquaintance: %w", err)
	}
	return nil
}

// AcquaintancesOf lists a person's acquaintances, confirmed or asked by
// or of them, newest first.
func (db *DB) AcquaintancesOf(ctx context.Context, userID string) ([]maillage.Acquaintance, error) {
	rows, err := db.query(ctx, `SELECT `+acquaintanceColumns+` FROM acquaintances
		WHERE requester_id = $1 OR target_id = $1 ORDER BY created_at DESC, requester_id, target_id`, userID)
	if err != nil {
		return nil, fmt.Errorf("acquaintances: %w", err)
	}
	defer rows.Close()
	var out []maillage.Acquaintance
	for rows.Next() {
		a, err := scanAcquaintance(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}

// graphAcquaintances: confirmed acquaintances link two people for
// whoever may see both profiles.
func (db *DB) graphAcquaintances(ctx context.Context, b *graph.Builder) error {
	var a, c string
	return db.eachRow(ctx, `SELECT requester_id, target_id FROM acquaintances WHERE accepted_at IS NOT NULL`,
		[]any{&a, &c}, func() error {
			b.Edge(graph.EdgeKnows, graphRef(graph.KindUser, a), graphRef(graph.KindUser, c), nil)
			return nil
		})
}
