package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// CreateReport records a report to the community's managers. The same
// person reporting the same post again while their report is open only
// updates its reason, and reports false.
func (tx *Tx) CreateReport(ctx context.Context, r *maillage.Report) (bool, error) {
	var existing string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM post_reports WHERE thread_id = $1 AND COALESCE(reply_id, '') = $2
		AND reporter_id = $3 AND status = 'open'`, r.ThreadID, r.ReplyID, r.ReporterID).Scan(&existing)
	switch {
	case err == nil:
		r.ID = existing
		_, err := tx.exec(ctx, `UPDATE post_reports SET reason = $1 WHERE id = $2`, r.Reason, existing)
		return false, err
	case !errors.Is(err, sql.ErrNoRows):
		return false, mapError(err)
	}
	r.Status, r.CreatedAt = maillage.ReportOpen, tx.now
	_, err = tx.exec(ctx, `INSERT INTO post_reports (id, community_id, thread_id, reply_id, reporter_id, reason, status, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, 'open', $7)`,
		r.ID, r.CommunityID, r.ThreadID, nullString(r.ReplyID), nullString(r.ReporterID), r.Reason, tx.now)
	if err != nil {
		return false, fmt.Errorf("report: %w", err)
	}
	return true, nil
}

// ResolveReport closes an open report of a community.
func (tx *Tx) ResolveReport(ctx context.Context, communityID, id, by string) error {
	res, err := tx.exec(ctx, `UPDATE post_reports SET status = 'resolved', resolved_at = $1, resolved_by = $2
		WHERE id = $3 AND community_id = $4 AND status = 'open'`, tx.now, nullString(by), id, communityID)
	if err != nil {
		return fmt.Errorf("resolve report: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// Reports lists a community's reports with the given status, oldest open
// first, with the reported post's thread title and text for the managers.
func (db *DB) Reports(ctx context.Context, communityID string, status maillage.ReportStatus, lim int) ([]maillage.Report, error) {
	rows, err := db.query(ctx, `SELECT p.id, p.community_id, p.thread_id, t.title, COALESCE(p.reply_id, ''), COALESCE(p.reporter_id, ''),
		COALESCE(u.name, ''), p.reason, COALESCE(r.body, t.body), p.status, p.created_at, p.resolved_at
		FROM post_reports p JOIN threads t ON t.id = p.thread_id LEFT JOIN replies r ON r.id = p.reply_id
		LEFT JOIN users u ON u.id = p.reporter_id
		WHERE p.community_id = $1 AND p.status = $2 ORDER BY p.created_at, p.id LIMIT $3`, communityID, string(status), limit(lim))
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Report
	for rows.Next() {
		var r maillage.Report
		var st string
		var resolved sql.NullTime
		if err := rows.Scan(&r.ID, &r.CommunityID, &r.ThreadID, &r.ThreadTitle, &r.ReplyID, &r.ReporterID, &r.ReporterName,
			&r.Reason, &r.Excerpt, &st, &r.CreatedAt, &resolved); err != nil {
			return nil, mapError(err)
		}
		r.Status, r.CreatedAt, r.ResolvedAt = maillage.ReportStatus(st), r.CreatedAt.UTC(), nullTime(resolved)
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// CountOpenReports counts a community's open reports, for the managers' badge.
func (db *DB) CountOpenReports(ctx context.Context, communityID string) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM post_reports WHERE community_id = $1 AND status = 'open'`, communityID).Scan(&n)
	return n, mapError(err)
}

// CommunityManagerIDs lists a community's managers, who hear of reports.
func (tx *Tx) CommunityManagerIDs(ctx context.Context, communityID string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT user_id FROM community_members WHERE community_id = $1 AND role = 'manager'
		ORDER BY user_id`, communityID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, mapError(err)
		}
		out = append(out, id)
	}
	return out, mapError(rows.Err())
}
