package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// actorRef is a column that points at a card and, once the card is
// claimed, at the account instead: claiming fills userColumn from
// actorColumn on every row of table that names the card. A new table that
// points at cards (nominations, shortlists) adds a line here so that a
// claim carries it to the account.
type actorRef struct {
	table, actorColumn, userColumn string
}

// actorRefs lists the columns pointing at cards.
func actorRefs() []actorRef {
	return []actorRef{
		// A person note attached to the card becomes a note about the member.
		{table: "notes", actorColumn: "actor_id", userColumn: "person_user_id"},
	}
}

// ErrActorClaimed answers a claim of a card someone already claimed.
var ErrActorClaimed = maillage.Errorf(maillage.CodeConflict, "actors.error.already_claimed")

// ClaimActor gives a card to a person: the card records who claimed it
// and drops its email, its tags become the person's interests, and every row pointing at the
// card (actorRefs) points at the person too. A card already claimed
// answers ErrActorClaimed and changes nothing.
func (tx *Tx) ClaimActor(ctx context.Context, actorID, userID string) error {
	// The card's email goes: the account's own address, with the
	// person's choice of who may see it, replaces it.
	res, err := tx.exec(ctx, `UPDATE actors SET claimed_user_id = $1, claimed_at = $2, updated_at = $2, email = '', version = version + 1
		WHERE id = $3 AND claimed_user_id IS NULL`, userID, tx.now, actorID)
	if err != nil {
		return fmt.Errorf("claim actor: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM actors WHERE id = $1`, actorID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return maillage.ErrNotFound
		}
		return ErrActorClaimed
	}
	if _, err := tx.exec(ctx, `INSERT INTO user_interests (user_id, tag_id, created_at)
		SELECT $1, tag_id, created_at FROM actor_tags WHERE actor_id = $2 ON CONFLICT DO NOTHING`, userID, actorID); err != nil {
		return fmt.Errorf("claim actor tags: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM actor_tags WHERE actor_id = $1`, actorID); err != nil {
		return fmt.Errorf("claim actor tags: %w", err)
	}
	for _, r := range actorRefs() {
		// table and columns come from actorRefs, never from input.
		if _, err := tx.exec(ctx, `UPDATE `+r.table+` SET `+r.userColumn+` = $1 WHERE `+r.actorColumn+` = $2`, userID, actorID); err != nil {
			return fmt.Errorf("claim actor %s: %w", r.table, err)
		}
	}
	// Pending claims of the card are answered by this one.
	if _, err := tx.exec(ctx, `UPDATE actor_requests SET status = $1, answered_at = $2
		WHERE actor_id = $3 AND kind = $4 AND status = $5 AND requester_id <> $6`,
		string(maillage.ActorRequestRefused), tx.now, actorID, string(maillage.ActorRequestClaim), string(maillage.ActorRequestPending), userID); err != nil {
		return fmt.Errorf("claim actor requests: %w", err)
	}
	return nil
}

// ConfirmedEmail returns a person's address when it is confirmed, else "".
func (db *DB) ConfirmedEmail(ctx context.Context, userID string) (string, error) {
	var email string
	var at sql.NullTime
	if err := db.queryRow(ctx, `SELECT email, email_confirmed_at FROM users WHERE id = $1`, userID).Scan(&email, &at); err != nil {
		return "", mapError(err)
	}
	if !at.Valid {
		return "", nil
	}
	return email, nil
}

// ActorMatch is an existing record an imported or new card may duplicate.
type ActorMatch struct {
	// Type is "actor", "organization" or "user".
	Type string
	ID   string
	Name string
}

// ActorCandidate is what duplicate detection compares: a card's folded
// name and its website and email.
type ActorCandidate struct {
	NameKey string
	Website string
	Email   string
}

// sameContact says whether two records with the same folded name are the
// same actor: they are, unless both give a website (or both an email)
// and those differ. Homonyms with no contact to tell them apart are taken
// as one, which the import report shows so people can decide.
func sameContact(aWeb, aMail, bWeb, bMail string) bool {
	if aWeb != "" && bWeb != "" && aWeb != bWeb {
		return false
	}
	if aMail != "" && bMail != "" && !strings.EqualFold(aMail, bMail) {
		return false
	}
	return true
}

// MatchActor finds an existing record the candidate duplicates: a card
// the viewer may see (claimed or not), an organisation of the directory
// (same folded name and no differing website), or a member (same folded
// name and the same address: a member's address is never compared alone,
// so an import cannot test whether an address has an account).
func (tx *Tx) MatchActor(ctx context.Context, v maillage.Viewer, c ActorCandidate) (*ActorMatch, error) {
	if c.NameKey == "" {
		return nil, nil
	}
	web := fold.WebsiteKey(c.Website)
	var a args
	rows, err := tx.tx.QueryContext(ctx, `SELECT a.id, a.name, a.website, a.email FROM actors a WHERE a.name_key = `+a.add(c.NameKey)+
		` AND `+actorVisibleSQL(v, "a", &a)+` ORDER BY a.created_at, a.id LIMIT 20`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	var found *ActorMatch
	for rows.Next() && found == nil {
		var id, name, website, email string
		if err := rows.Scan(&id, &name, &website, &email); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		if sameContact(web, c.Email, fold.WebsiteKey(website), email) {
			found = &ActorMatch{Type: "actor", ID: id, Name: name}
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil || found != nil {
		return found, mapError(err)
	}
	rows, err = tx.tx.QueryContext(ctx, `SELECT id, name, website_key FROM organizations WHERE name_key = $1 ORDER BY id LIMIT 20`, c.NameKey)
	if err != nil {
		return nil, mapError(err)
	}
	for rows.Next() && found == nil {
		var id, name, wk string
		if err := rows.Scan(&id, &name, &wk); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		if sameContact(web, "", wk, "") {
			found = &ActorMatch{Type: "organization", ID: id, Name: name}
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil || found != nil || c.Email == "" {
		return found, mapError(err)
	}
	var id, name string
	err = tx.tx.QueryRowContext(ctx, `SELECT id, name FROM users WHERE name_key = $1 AND LOWER(email) = $2`,
		c.NameKey, strings.ToLower(c.Email)).Scan(&id, &name)
	switch {
	case err == sql.ErrNoRows:
		return nil, nil
	case err != nil:
		return nil, mapError(err)
	}
	return &ActorMatch{Type: "user", ID: id, Name: name}, nil
}

// AttachNoteToActor attaches a note to a card, or detaches it (actorID "").
func (tx *Tx) AttachNoteToActor(ctx context.Context, noteID, actorID string) error {
	res, err := tx.exec(ctx, `UPDATE notes SET actor_id = $1 WHERE id = $2`, nullString(actorID), noteID)
	if err != nil {
		return fmt.Errorf("attach note: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// NoteActorID returns the card a note is attached to, or "".
func (db *DB) NoteActorID(ctx context.Context, noteID string) (string, error) {
	var id sql.NullString
	if err := db.queryRow(ctx, `SELECT actor_id FROM notes WHERE id = $1`, noteID).Scan(&id); err != nil {
		return "", mapError(err)
	}
	return id.String, nil
}

// ActorNotes lists the notes attached to a card that the viewer may see,
// newest first.
func (db *DB) ActorNotes(ctx context.Context, v maillage.Viewer, actorID string) ([]maillage.NoteRef, error) {
	var a args
	rows, err := db.query(ctx, `SELECT n.id, n.title FROM notes n WHERE n.actor_id = `+a.add(actorID)+` AND `+
		noteVisibleSQL(v, "n", &a)+` ORDER BY n.updated_at DESC, n.id LIMIT 200`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRef
	for rows.Next() {
		var r maillage.NoteRef
		if err := rows.Scan(&r.ID, &r.Title); err != nil {
			return nil, mapError(err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CreateActorRequest records a claim waiting for approval or a request
// for correction or removal, due by r.DueAt.
func (tx *Tx) CreateActorRequest(ctx context.Context, r *maillage.ActorRequest) error {
	r.CreatedAt, r.Status = tx.now, maillage.ActorRequestPending
	if r.DueAt.IsZero() {
		r.DueAt = tx.now.Add(maillage.ActorRequestDelay)
	}
	_, err := tx.exec(ctx, `INSERT INTO actor_requests (id, actor_id, actor_name, kind, requester_id, message, status, due_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		r.ID, r.ActorID, r.ActorName, string(r.Kind), r.RequesterID, r.Message, string(r.Status), r.DueAt, r.CreatedAt)
	if err != nil {
		return fmt.Errorf("actor request: %w", err)
	}
	return nil
}

// PendingActorRequest returns the person's pending request of a kind on a
// card, if any, so a second click does not file a second request.
func (tx *Tx) PendingActorRequest(ctx context.Context, actorID, requesterID string, kind maillage.ActorRequestKind) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM actor_requests WHERE actor_id = $1 AND requester_id = $2 AND kind = $3
		AND status = $4`, actorID, requesterID, string(kind), string(maillage.ActorRequestPending)).Scan(&id)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return id, mapError(err)
}

// AnswerActorRequest closes a pending request; a request already answered
// answers maillage.ErrConflict.
func (tx *Tx) AnswerActorRequest(ctx context.Context, id string, status maillage.ActorRequestStatus, answer, by string) error {
	res, err := tx.exec(ctx, `UPDATE actor_requests SET status = $1, answer = $2, answered_by = $3, answered_at = $4
		WHERE id = $5 AND status = $6`, string(status), answer, nullString(by), tx.now, id, string(maillage.ActorRequestPending))
	if err != nil {
		return fmt.Errorf("answer actor request: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrConflict
	}
	return nil
}

const actorRequestColumns = `r.id, COALESCE(r.actor_id, ''), r.actor_name, r.kind, r.requester_id, u.name, r.message, r.status, r.answer,
	r.due_at, r.created_at, r.answered_at, COALESCE(a.visibility, ''), a.community_id, a.created_by, a.claimed_user_id`

func scanActorRequest(row rowScanner) (*maillage.ActorRequest, error) {
	var r maillage.ActorRequest
	var kind, status, vis string
	var answered sql.NullTime
	var community, by, claimed sql.NullString
	if err := row.Scan(&r.ID, &r.ActorID, &r.ActorName, &kind, &r.RequesterID, &r.RequesterName, &r.Message, &status, &r.Answer,
		&r.DueAt, &r.CreatedAt, &answered, &vis, &community, &by, &claimed); err != nil {
		return nil, mapError(err)
	}
	r.Kind, r.Status = maillage.ActorRequestKind(kind), maillage.ActorRequestStatus(status)
	r.DueAt, r.CreatedAt = r.DueAt.UTC(), r.CreatedAt.UTC()
	if answered.Valid {
		t := answered.Time.UTC()
		r.AnsweredAt = &t
	}
	r.Actor = maillage.ActorAccess{Visibility: maillage.ActorVisibility(vis), CommunityID: community.String,
		CreatedBy: by.String, ClaimedUserID: claimed.String}
	return &r, nil
}

// ActorRequest returns one request with what the policy needs of its card.
func (db *DB) ActorRequest(ctx context.Context, id string) (*maillage.ActorRequest, error) {
	return scanActorRequest(db.queryRow(ctx, `SELECT `+actorRequestColumns+` FROM actor_requests r
		LEFT JOIN actors a ON a.id = r.actor_id JOIN users u ON u.id = r.requester_id WHERE r.id = $1`, id))
}

// ActorRequests lists the pending requests a viewer answers
// (maillage.CanAnswerActorRequest): every one for an administrator, the
// claims of their communities' cards for a manager; those due first come
// first.
func (db *DB) ActorRequests(ctx context.Context, v maillage.Viewer, lim int) ([]maillage.ActorRequest, error) {
	var a args
	cond := "r.status = " + a.add(string(maillage.ActorRequestPending)) + " AND " + actorRequestAnswerSQL(v, "r", "a", &a)
	rows, err := db.query(ctx, `SELECT `+actorRequestColumns+` FROM actor_requests r LEFT JOIN actors a ON a.id = r.actor_id
		JOIN users u ON u.id = r.requester_id WHERE `+cond+` ORDER BY r.due_at, r.id LIMIT `+a.add(limit(lim)), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.ActorRequest
	for rows.Next() {
		r, err := scanActorRequest(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// OverdueActorRequests counts pending requests past their due date.
func (db *DB) OverdueActorRequests(ctx context.Context, now time.Time) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM actor_requests WHERE status = $1 AND due_at < $2`,
		string(maillage.ActorRequestPending), now).Scan(&n)
	return n, mapError(err)
}

// PendingActorRequestKinds lists the kinds of the person's pending
// requests about a card.
func (db *DB) PendingActorRequestKinds(ctx context.Context, actorID, requesterID string) ([]maillage.ActorRequestKind, error) {
	rows, err := db.query(ctx, `SELECT DISTINCT kind FROM actor_requests WHERE actor_id = $1 AND requester_id = $2 AND status = $3
		ORDER BY kind`, actorID, requesterID, string(maillage.ActorRequestPending))
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.ActorRequestKind
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, mapError(err)
		}
		out = append(out, maillage.ActorRequestKind(k))
	}
	return out, rows.Err()
}

// AttachableNotes lists the person notes the viewer signs that are not
// attached to a card yet (nor to the card given), to offer on its page.
func (db *DB) AttachableNotes(ctx context.Context, v maillage.Viewer, actorID string) ([]maillage.NoteRef, error) {
	rows, err := db.query(ctx, `SELECT n.id, n.title FROM notes n JOIN note_authors na ON na.note_id = n.id
		WHERE na.user_id = $1 AND n.kind = $2 AND (n.actor_id IS NULL OR n.actor_id <> $3) AND n.person_user_id IS NULL
		ORDER BY n.title, n.id LIMIT 100`, v.UserID, string(maillage.NotePerson), actorID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRef
	for rows.Next() {
		var r maillage.NoteRef
		if err := rows.Scan(&r.ID, &r.Title); err != nil {
			return nil, mapError(err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
