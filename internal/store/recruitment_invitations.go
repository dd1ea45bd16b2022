package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// Emailed invitations to join a community (maillage.RecruitmentInvitation)
// and the links that answer them. Links are kept as hashes: the plain
// token exists only in the email.

const recruitmentInvitationSelect = `SELECT i.id, i.community_id, COALESCE(i.candidate_id, ''), i.email, i.name,
	COALESCE(i.user_id, ''), COALESCE(i.actor_id, ''), i.message, i.attachment, COALESCE(i.mandate_note_id, ''), i.language,
	COALESCE(i.invited_by, ''), COALESCE(b.name, ''), i.status, COALESCE(i.answered_by, ''), COALESCE(i.signup_user_id, ''),
	i.created_at, i.expires_at, i.answered_at, i.reminded_at, i.reminders, c.name, c.description
	FROM recruitment_invitations i JOIN communities c ON c.id = i.community_id LEFT JOIN users b ON b.id = i.invited_by`

func scanRecruitmentInvitation(row interface{ Scan(...any) error }) (*maillage.RecruitmentInvitation, error) {
	var i maillage.RecruitmentInvitation
	var attachment, status string
	var answered, reminded sql.NullTime
	err := row.Scan(&i.ID, &i.CommunityID, &i.CandidateID, &i.Email, &i.Name, &i.UserID, &i.ActorID, &i.Message, &attachment,
		&i.MandateNoteID, &i.Language, &i.InvitedBy, &i.InvitedByName, &status, &i.AnsweredBy, &i.SignUpUserID,
		&i.CreatedAt, &i.ExpiresAt, &answered, &reminded, &i.Reminders, &i.CommunityName, &i.CommunityDescription)
	if err != nil {
		return nil, mapError(err)
	}
	i.Attachment, i.Status = maillage.RecruitmentAttachment(attachment), maillage.InvitationStatus(status)
	i.CreatedAt, i.ExpiresAt = i.CreatedAt.UTC(), i.ExpiresAt.UTC()
	i.AnsweredAt, i.RemindedAt = nullTime(answered), nullTime(reminded)
	return &i, nil
}

// recruitmentInvitations reads the invitations matching where (on alias
// i), newest first.
func recruitmentInvitations(ctx context.Context, q querier, where string, args ...any) ([]maillage.RecruitmentInvitation, error) {
	rows, err := q.QueryContext(ctx, recruitmentInvitationSelect+` WHERE `+where+` ORDER BY i.created_at DESC, i.id DESC`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.RecruitmentInvitation
	for rows.Next() {
		i, err := scanRecruitmentInvitation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *i)
	}
	return out, mapError(rows.Err())
}

// CreateRecruitmentInvitation records a new pending invitation and its
// first link.
func (tx *Tx) CreateRecruitmentInvitation(ctx context.Context, i *maillage.RecruitmentInvitation, tokenHash string) error {
	i.CreatedAt, i.Status = tx.now, maillage.InvitationPending
	i.ExpiresAt = tx.now.Add(maillage.InvitationValidity)
	_, err := tx.exec(ctx, `INSERT INTO recruitment_invitations (id, community_id, candidate_id, email, name, user_id, actor_id,
		message, attachment, mandate_note_id, language, invited_by, status, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13, $14)`,
		i.ID, i.CommunityID, nullString(i.CandidateID), i.Email, i.Name, nullString(i.UserID), nullString(i.ActorID), i.Message,
		string(i.Attachment), nullString(i.MandateNoteID), i.Language, nullString(i.InvitedBy), tx.now, i.ExpiresAt)
	if err != nil {
		return fmt.Errorf("create invitation: %w", err)
	}
	return tx.AddRecruitmentLink(ctx, i.ID, tokenHash)
}

// RenewRecruitmentInvitation sends an expired pending invitation anew:
// a new message, a new link and a new validity.
func (tx *Tx) RenewRecruitmentInvitation(ctx context.Context, i *maillage.RecruitmentInvitation, tokenHash string) error {
	i.CreatedAt, i.ExpiresAt = tx.now, tx.now.Add(maillage.InvitationValidity)
	_, err := tx.exec(ctx, `UPDATE recruitment_invitations SET candidate_id = $1, name = $2, user_id = $3, actor_id = $4,
		message = $5, attachment = $6, mandate_note_id = $7, language = $8, invited_by = $9, created_at = $10, expires_at = $11,
		reminded_at = NULL, reminders = 0 WHERE id = $12 AND status = 'pending'`,
		nullString(i.CandidateID), i.Name, nullString(i.UserID), nullString(i.ActorID), i.Message, string(i.Attachment),
		nullString(i.MandateNoteID), i.Language, nullString(i.InvitedBy), tx.now, i.ExpiresAt, i.ID)
	if err != nil {
		return fmt.Errorf("renew invitation: %w", err)
	}
	return tx.AddRecruitmentLink(ctx, i.ID, tokenHash)
}

// AddRecruitmentLink records one more link answering an invitation.
func (tx *Tx) AddRecruitmentLink(ctx context.Context, invitationID, tokenHash string) error {
	_, err := tx.exec(ctx, `INSERT INTO recruitment_invitation_links (token_hash, invitation_id, created_at) VALUES ($1, $2, $3)`,
		tokenHash, invitationID, tx.now)
	if err != nil {
		return fmt.Errorf("invitation link: %w", err)
	}
	return nil
}

// PendingRecruitmentInvitation returns the pending invitation of an
// address to a community, expired or not.
func (tx *Tx) PendingRecruitmentInvitation(ctx context.Context, communityID, email string) (*maillage.RecruitmentInvitation, error) {
	return scanRecruitmentInvitation(tx.tx.QueryRowContext(ctx, recruitmentInvitationSelect+
		` WHERE i.community_id = $1 AND i.email = $2 AND i.status = 'pending'`, communityID, email))
}

// RecruitmentInvitationByLink returns the invitation a link answers,
// whatever its status; not found for a link that never existed.
func (db *DB) RecruitmentInvitationByLink(ctx context.Context, tokenHash string) (*maillage.RecruitmentInvitation, error) {
	return scanRecruitmentInvitation(db.queryRow(ctx, recruitmentInvitationSelect+
		` JOIN recruitment_invitation_links l ON l.invitation_id = i.id WHERE l.token_hash = $1`, tokenHash))
}

// RecruitmentInvitationByLink reads it inside a write transaction.
func (tx *Tx) RecruitmentInvitationByLink(ctx context.Context, tokenHash string) (*maillage.RecruitmentInvitation, error) {
	return scanRecruitmentInvitation(tx.tx.QueryRowContext(ctx, recruitmentInvitationSelect+
		` JOIN recruitment_invitation_links l ON l.invitation_id = i.id WHERE l.token_hash = $1`, tokenHash))
}

// RecruitmentInvitation reads one invitation of a community.
func (tx *Tx) RecruitmentInvitation(ctx context.Context, communityID, id string) (*maillage.RecruitmentInvitation, error) {
	return scanRecruitmentInvitation(tx.tx.QueryRowContext(ctx, recruitmentInvitationSelect+
		` WHERE i.id = $1 AND i.community_id = $2`, id, communityID))
}

// RecruitmentInvitationByID reads an invitation by its ID alone, for the
// job that emails it.
func (db *DB) RecruitmentInvitationByID(ctx context.Context, id string) (*maillage.RecruitmentInvitation, error) {
	return scanRecruitmentInvitation(db.queryRow(ctx, recruitmentInvitationSelect+` WHERE i.id = $1`, id))
}

// RecruitmentInvitations lists a community's emailed invitations, newest
// first.
func (db *DB) RecruitmentInvitations(ctx context.Context, communityID string) ([]maillage.RecruitmentInvitation, error) {
	return recruitmentInvitations(ctx, db.r(), `i.community_id = $1`, communityID)
}

// AnswerRecruitmentInvitation records the answer to a pending, unexpired
// invitation; not found when it was answered already or has expired
// (two clicks on the link answer once).
func (tx *Tx) AnswerRecruitmentInvitation(ctx context.Context, id string, status maillage.InvitationStatus, answeredBy string) error {
	res, err := tx.exec(ctx, `UPDATE recruitment_invitations SET status = $1, answered_by = $2, answered_at = $3
		WHERE id = $4 AND status = 'pending' AND expires_at > $3`, string(status), nullString(answeredBy), tx.now, id)
	if err != nil {
		return fmt.Errorf("answer invitation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// SetRecruitmentSignUp records the account created from an invitation's
// link: it joins when its address is confirmed.
func (tx *Tx) SetRecruitmentSignUp(ctx context.Context, id, userID string) error {
	_, err := tx.exec(ctx, `UPDATE recruitment_invitations SET signup_user_id = $1 WHERE id = $2 AND status = 'pending'`, userID, id)
	if err != nil {
		return fmt.Errorf("invitation sign-up: %w", err)
	}
	return nil
}

// RecruitmentInvitationsAwaitingSignUp lists the pending invitations an
// account was created from, oldest first.
func (tx *Tx) RecruitmentInvitationsAwaitingSignUp(ctx context.Context, userID string) ([]maillage.RecruitmentInvitation, error) {
	list, err := recruitmentInvitations(ctx, tx.tx, `i.signup_user_id = $1 AND i.status = 'pending'`, userID)
	if err != nil {
		return nil, err
	}
	for l, r := 0, len(list)-1; l < r; l, r = l+1, r-1 {
		list[l], list[r] = list[r], list[l]
	}
	return list, nil
}

// MarkRecruitmentReminded records a reminder and extends the
// invitation's validity, when neither the invitation nor a reminder left
// within minGap; it reports whether the reminder may leave. The condition
// is in the UPDATE itself, so two clicks at once send one reminder.
func (tx *Tx) MarkRecruitmentReminded(ctx context.Context, id string, minGap time.Duration) (bool, error) {
	before := tx.now.Add(-minGap)
	res, err := tx.exec(ctx, `UPDATE recruitment_invitations SET reminded_at = $1, reminders = reminders + 1, expires_at = $2
		WHERE id = $3 AND status = 'pending' AND created_at <= $4 AND (reminded_at IS NULL OR reminded_at <= $4)`,
		tx.now, tx.now.Add(maillage.InvitationValidity), id, before)
	if err != nil {
		return false, fmt.Errorf("remind: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// CandidateByUser returns the candidate of a community that is a member
// of Maillage; not found when they are not on the shortlist.
func (tx *Tx) CandidateByUser(ctx context.Context, communityID, userID string) (*maillage.Candidate, error) {
	return scanCandidate(tx.tx.QueryRowContext(ctx, `SELECT `+candidateColumns+` FROM recruitment_candidates c
		WHERE c.community_id = $1 AND c.user_id = $2`, communityID, userID))
}

// CandidateByEmail returns the candidate of a community with an address.
func (tx *Tx) CandidateByEmail(ctx context.Context, communityID, email string) (*maillage.Candidate, error) {
	return scanCandidate(tx.tx.QueryRowContext(ctx, `SELECT `+candidateColumns+` FROM recruitment_candidates c
		WHERE c.community_id = $1 AND c.email = $2`, communityID, email))
}

// RecruitmentActorsToOffer lists the unclaimed actor cards of the
// invitations a person accepted: the cards they may be offered to claim.
func (db *DB) RecruitmentActorsToOffer(ctx context.Context, userID string) ([]string, error) {
	return db.notifyIDs(ctx, `SELECT DISTINCT i.actor_id FROM recruitment_invitations i JOIN actors a ON a.id = i.actor_id
		WHERE i.answered_by = $1 AND i.status = 'accepted' AND a.claimed_user_id IS NULL ORDER BY i.actor_id`, userID)
}
