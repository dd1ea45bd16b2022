package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// A community's shortlist of candidates (see maillage.Candidate). The
// store keeps it; the service decides who sees it (its managers only).

const candidateColumns = `c.id, c.community_id, COALESCE(c.user_id, ''), COALESCE(c.organization_id, ''),
	COALESCE(c.actor_id, ''), c.name, c.email, c.status, c.source, c.source_detail, COALESCE(c.created_by, ''),
	c.created_at, c.updated_at`

func scanCandidate(row interface{ Scan(...any) error }) (*maillage.Candidate, error) {
	var c maillage.Candidate
	var status, source string
	err := row.Scan(&c.ID, &c.CommunityID, &c.UserID, &c.OrganizationID, &c.ActorID, &c.Name, &c.Email, &status, &source,
		&c.SourceDetail, &c.CreatedBy, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return nil, mapError(err)
	}
	c.Status, c.Source = maillage.CandidateStatus(status), maillage.CandidateSource(source)
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return &c, nil
}

// CreateCandidate adds a candidate to a community's shortlist, with its
// labels. Someone on the shortlist already (the same member,
// organisation, card or address) is a conflict.
func (tx *Tx) CreateCandidate(ctx context.Context, c *maillage.Candidate) error {
	c.CreatedAt, c.UpdatedAt = tx.now, tx.now
	_, err := tx.exec(ctx, `INSERT INTO recruitment_candidates (id, community_id, user_id, organization_id, actor_id, name,
		name_key, email, status, source, source_detail, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
		c.ID, c.CommunityID, nullString(c.UserID), nullString(c.OrganizationID), nullString(c.ActorID), c.Name,
		fold.Key(c.Name), c.Email, string(c.Status), string(c.Source), c.SourceDetail, nullString(c.CreatedBy), tx.now)
	if maillage.ErrorCode(err) == maillage.CodeConflict {
		return &maillage.Error{Code: maillage.CodeConflict, MessageID: "recruitment.already_listed", Err: err}
	}
	if err != nil {
		return fmt.Errorf("add candidate: %w", err)
	}
	return tx.SetCandidateLabels(ctx, c.ID, c.Labels)
}

// UpdateCandidate saves a candidate's status and source.
func (tx *Tx) UpdateCandidate(ctx context.Context, c *maillage.Candidate) error {
	res, err := tx.exec(ctx, `UPDATE recruitment_candidates SET status = $1, source = $2, source_detail = $3, updated_at = $4
		WHERE id = $5`, string(c.Status), string(c.Source), c.SourceDetail, tx.now, c.ID)
	if err != nil {
		return fmt.Errorf("update candidate: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	c.UpdatedAt = tx.now
	return nil
}

// SetCandidateStatus moves a candidate to a status.
func (tx *Tx) SetCandidateStatus(ctx context.Context, id string, status maillage.CandidateStatus) error {
	_, err := tx.exec(ctx, `UPDATE recruitment_candidates SET status = $1, updated_at = $2 WHERE id = $3`,
		string(status), tx.now, id)
	if err != nil {
		return fmt.Errorf("candidate status: %w", err)
	}
	return nil
}

// SetCandidateLabels replaces a candidate's labels (folded duplicates
// kept once).
func (tx *Tx) SetCandidateLabels(ctx context.Context, id string, labels []string) error {
	if _, err := tx.exec(ctx, `DELETE FROM recruitment_labels WHERE candidate_id = $1`, id); err != nil {
		return fmt.Errorf("candidate labels: %w", err)
	}
	for _, l := range labels {
		_, err := tx.exec(ctx, `INSERT INTO recruitment_labels (candidate_id, label, label_key) VALUES ($1, $2, $3)
			ON CONFLICT (candidate_id, label_key) DO NOTHING`, id, l, fold.Key(l))
		if err != nil {
			return fmt.Errorf("candidate labels: %w", err)
		}
	}
	return nil
}

// AddCandidateNote appends a dated entry to a candidate's log.
func (tx *Tx) AddCandidateNote(ctx context.Context, candidateID, authorID, body string) error {
	_, err := tx.exec(ctx, `INSERT INTO recruitment_notes (id, candidate_id, author_id, body, created_at)
		VALUES ($1, $2, $3, $4, $5)`, auth.NewID(), candidateID, nullString(authorID), body, tx.now)
	if err != nil {
		return fmt.Errorf("candidate note: %w", err)
	}
	return nil
}

// DeleteCandidate takes a candidate off the shortlist with its notes and
// labels; its invitations stay (they were sent), without it.
func (tx *Tx) DeleteCandidate(ctx context.Context, communityID, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM recruitment_candidates WHERE id = $1 AND community_id = $2`, id, communityID)
	if err != nil {
		return fmt.Errorf("delete candidate: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// Candidate reads one candidate of a community, with its labels and log;
// not found when it belongs to another community.
func (db *DB) Candidate(ctx context.Context, communityID, id string) (*maillage.Candidate, error) {
	c, err := scanCandidate(db.queryRow(ctx, `SELECT `+candidateColumns+` FROM recruitment_candidates c
		WHERE c.id = $1 AND c.community_id = $2`, id, communityID))
	if err != nil {
		return nil, err
	}
	list := []maillage.Candidate{*c}
	if err := db.fillCandidates(ctx, db.r(), list, true); err != nil {
		return nil, err
	}
	return &list[0], nil
}

// Candidate reads one candidate inside a write transaction (without its
// labels and log).
func (tx *Tx) Candidate(ctx context.Context, communityID, id string) (*maillage.Candidate, error) {
	return scanCandidate(tx.tx.QueryRowContext(ctx, `SELECT `+candidateColumns+` FROM recruitment_candidates c
		WHERE c.id = $1 AND c.community_id = $2`, id, communityID))
}

// CandidateFilter narrows a shortlist.
type CandidateFilter struct {
	Status string // one status, or "" for all
}

// Candidates lists a community's shortlist by name, each with its labels,
// log and latest invitation.
func (db *DB) Candidates(ctx context.Context, communityID string, f CandidateFilter) ([]maillage.Candidate, error) {
	var a args
	where := `c.community_id = ` + a.add(communityID)
	if f.Status != "" {
		where += ` AND c.status = ` + a.add(f.Status)
	}
	rows, err := db.query(ctx, `SELECT `+candidateColumns+` FROM recruitment_candidates c WHERE `+where+`
		ORDER BY c.name_key, c.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	var out []maillage.Candidate
	for rows.Next() {
		c, err := scanCandidate(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, *c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	return out, db.fillCandidates(ctx, db.r(), out, true)
}

// CandidateCounts counts a community's candidates by status.
func (db *DB) CandidateCounts(ctx context.Context, communityID string) (map[maillage.CandidateStatus]int, error) {
	rows, err := db.query(ctx, `SELECT status, COUNT(*) FROM recruitment_candidates WHERE community_id = $1 GROUP BY status`, communityID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[maillage.CandidateStatus]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, mapError(err)
		}
		out[maillage.CandidateStatus(s)] = n
	}
	return out, mapError(rows.Err())
}

// CountCandidates counts a community's candidates, for the shortlist cap.
func (tx *Tx) CountCandidates(ctx context.Context, communityID string) (int, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM recruitment_candidates WHERE community_id = $1`, communityID).Scan(&n)
	return n, mapError(err)
}

// fillCandidates reads the labels, logs and latest invitations of a
// page of candidates, three queries for the whole page.
func (db *DB) fillCandidates(ctx context.Context, q querier, list []maillage.Candidate, withNotes bool) error {
	if len(list) == 0 {
		return nil
	}
	idx := map[string]int{}
	ids := make([]string, len(list))
	for i, c := range list {
		idx[c.ID], ids[i] = i, c.ID
	}
	var a args
	in := a.list(ids)
	rows, err := q.QueryContext(ctx, `SELECT candidate_id, label FROM recruitment_labels WHERE candidate_id IN (`+in+`)
		ORDER BY label_key`, a...)
	if err != nil {
		return mapError(err)
	}
	for rows.Next() {
		var id, label string
		if err := rows.Scan(&id, &label); err != nil {
			rows.Close()
			return mapError(err)
		}
		list[idx[id]].Labels = append(list[idx[id]].Labels, label)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	if withNotes {
		rows, err = q.QueryContext(ctx, `SELECT n.candidate_id, n.id, COALESCE(n.author_id, ''), COALESCE(u.name, ''), n.body,
			n.created_at FROM recruitment_notes n LEFT JOIN users u ON u.id = n.author_id
			WHERE n.candidate_id IN (`+in+`) ORDER BY n.created_at, n.id`, a...)
		if err != nil {
			return mapError(err)
		}
		for rows.Next() {
			var id string
			var n maillage.CandidateNote
			if err := rows.Scan(&id, &n.ID, &n.AuthorID, &n.AuthorName, &n.Body, &n.CreatedAt); err != nil {
				rows.Close()
				return mapError(err)
			}
			n.CreatedAt = n.CreatedAt.UTC()
			list[idx[id]].Notes = append(list[idx[id]].Notes, n)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return mapError(err)
		}
	}
	invs, err := recruitmentInvitations(ctx, q, `i.candidate_id IN (`+in+`)`, a...)
	if err != nil {
		return err
	}
	// Newest first: the first one seen is the latest.
	for i := range invs {
		k, ok := idx[invs[i].CandidateID]
		if ok && list[k].LastInvitation == nil {
			list[k].LastInvitation = &invs[i]
		}
	}
	return nil
}

// ShortlistActor is what recruitment needs to know of an actor card.
type ShortlistActor struct {
	ID, Kind, Name, Email string
	Access                maillage.CandidateCardAccess
	ClaimedUserID         string
}

// ShortlistActor reads an actor card for the shortlist.
func (db *DB) ShortlistActor(ctx context.Context, id string) (*ShortlistActor, error) {
	var a ShortlistActor
	err := db.queryRow(ctx, `SELECT id, kind, name, email, visibility, COALESCE(community_id, ''), COALESCE(created_by, ''),
		COALESCE(claimed_user_id, '') FROM actors WHERE id = $1`, id).Scan(&a.ID, &a.Kind, &a.Name, &a.Email,
		&a.Access.Visibility, &a.Access.CommunityID, &a.Access.CreatedBy, &a.ClaimedUserID)
	if err != nil {
		return nil, mapError(err)
	}
	return &a, nil
}

// ShortlistActorChoices lists actor cards whose name starts like q (or
// all, by name, when q is empty), for the form that adds a candidate:
// the caller keeps those its viewer may see.
func (db *DB) ShortlistActorChoices(ctx context.Context, q string, limit int) ([]ShortlistActor, error) {
	var a args
	where := "1 = 1"
	if k := fold.Key(q); k != "" {
		where = `name_key LIKE ` + a.add(likeContains(k)) + ` ESCAPE '\'`
	}
	rows, err := db.query(ctx, `SELECT id, kind, name, email, visibility, COALESCE(community_id, ''), COALESCE(created_by, ''),
		COALESCE(claimed_user_id, '') FROM actors WHERE `+where+` ORDER BY name_key, id LIMIT `+a.add(limit), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []ShortlistActor
	for rows.Next() {
		var x ShortlistActor
		if err := rows.Scan(&x.ID, &x.Kind, &x.Name, &x.Email, &x.Access.Visibility, &x.Access.CommunityID,
			&x.Access.CreatedBy, &x.ClaimedUserID); err != nil {
			return nil, mapError(err)
		}
		out = append(out, x)
	}
	return out, mapError(rows.Err())
}
