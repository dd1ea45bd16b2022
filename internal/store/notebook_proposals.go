package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

func proposalColumns(v maillage.Viewer) string {
	return `p.id, p.notebook_id, nb.title, p.note_id, n.title, n.visibility, n.community_id,
	p.proposed_by, ` + profileNameSQL(v, "u") + `, p.message, p.status, p.created_at, p.answered_at`
}

const proposalFrom = `notebook_proposals p JOIN notebooks nb ON nb.id = p.notebook_id
	JOIN notes n ON n.id = p.note_id LEFT JOIN users u ON u.id = p.proposed_by`

func scanProposal(row rowScanner) (*maillage.NotebookProposal, error) {
	var p maillage.NotebookProposal
	var vis, status string
	var community sql.NullString
	var answered sql.NullTime
	if err := row.Scan(&p.ID, &p.NotebookID, &p.NotebookTitle, &p.NoteID, &p.NoteTitle, &vis, &community,
		&p.ProposedBy, &p.ProposerName, &p.Message, &status, &p.CreatedAt, &answered); err != nil {
		return nil, mapError(err)
	}
	p.Note = maillage.ContentAccess{Visibility: maillage.Visibility(vis), CommunityID: community.String}
	p.Status, p.AnsweredAt, p.CreatedAt = maillage.ProposalStatus(status), nullTime(answered), p.CreatedAt.UTC()
	return &p, nil
}

// CreateProposal records a pending proposal of a note for a notebook. A
// note already waiting for the same notebook is a conflict.
func (tx *Tx) CreateProposal(ctx context.Context, p *maillage.NotebookProposal) error {
	p.CreatedAt, p.Status = tx.now, maillage.ProposalPending
	_, err := tx.exec(ctx, `INSERT INTO notebook_proposals (id, notebook_id, note_id, proposed_by, message, status, created_at)
		VALUES ($1, $2, $3, $4, $5, 'pending', $6)`, p.ID, p.NotebookID, p.NoteID, p.ProposedBy, p.Message, tx.now)
	if err != nil {
		return fmt.Errorf("create proposal: %w", mapError(err))
	}
	return nil
}

// AnswerProposal accepts or declines a pending proposal; one already
// answered is a conflict.
func (tx *Tx) AnswerProposal(ctx context.Context, id string, status maillage.ProposalStatus, by string) error {
	res, err := tx.exec(ctx, `UPDATE notebook_proposals SET status = $1, answered_at = $2, answered_by = $3
		WHERE id = $4 AND status = 'pending'`, string(status), tx.now, nullString(by), id)
	if err != nil {
		return fmt.Errorf("answer proposal: %w", mapError(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrConflict
	}
	return nil
}

// Proposal reads a proposal with its note's access (authors included),
// without checking visibility.
func (db *DB) Proposal(ctx context.Context, v maillage.Viewer, id string) (*maillage.NotebookProposal, error) {
	p, err := scanProposal(db.queryRow(ctx, `SELECT `+proposalColumns(v)+` FROM `+proposalFrom+` WHERE p.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("proposal: %w", err)
	}
	if err := db.proposalAuthors(ctx, []*maillage.NotebookProposal{p}); err != nil {
		return nil, err
	}
	return p, nil
}

// ProposalFilter selects the proposals of a notebook.
type ProposalFilter struct {
	NotebookID string
	// ProposedBy keeps one person's proposals; Status one status ("" for all).
	ProposedBy string
	Status     maillage.ProposalStatus
	Limit      int
}

// Proposals lists a notebook's proposals, newest first, with their notes'
// access, without checking visibility: the service keeps those the
// policy shows the viewer.
func (db *DB) Proposals(ctx context.Context, v maillage.Viewer, f ProposalFilter) ([]*maillage.NotebookProposal, error) {
	var a args
	where := "p.notebook_id = " + a.add(f.NotebookID)
	if f.ProposedBy != "" {
		where += " AND p.proposed_by = " + a.add(f.ProposedBy)
	}
	if f.Status != "" {
		where += " AND p.status = " + a.add(string(f.Status))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	rows, err := db.query(ctx, `SELECT `+proposalColumns(v)+` FROM `+proposalFrom+` WHERE `+where+
		` ORDER BY p.created_at DESC, p.id LIMIT `+a.add(limit), a...)
	if err != nil {
		return nil, fmt.Errorf("proposals: %w", err)
	}
	var out []*maillage.NotebookProposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("proposals: %w", err)
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("proposals: %w", err)
	}
	return out, db.proposalAuthors(ctx, out)
}

// proposalAuthors loads the authors of each proposal's note, who own it.
func (db *DB) proposalAuthors(ctx context.Context, list []*maillage.NotebookProposal) error {
	for _, p := range list {
		ids, err := db.notifyIDs(ctx, `SELECT user_id FROM note_authors WHERE note_id = $1 ORDER BY user_id`, p.NoteID)
		if err != nil {
			return fmt.Errorf("proposal authors: %w", err)
		}
		p.Note.OwnerIDs = ids
	}
	return nil
}

// NotebookHasNote reports whether a note is filed in a notebook.
func (tx *Tx) NotebookHasNote(ctx context.Context, notebookID, noteID string) (bool, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM notebook_notes WHERE notebook_id = $1 AND note_id = $2`,
		notebookID, noteID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("notebook has note: %w", mapError(err))
	}
	return n > 0, nil
}
