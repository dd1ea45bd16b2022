package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// Nominations: requests, the people asked and their answers (see
// maillage.NominationRequest). Who may read what is the service's
// decision; the queries here only load.

const nominationRequestColumns = `q.id, q.requester_id, COALESCE(ru.name, ''), COALESCE(q.tag_id, ''), COALESCE(tg.slug, ''),
	q.tag_label, q.question, COALESCE(q.community_id, ''), COALESCE(q.parent_id, ''), q.wave, q.closed_at, q.created_at,
	(SELECT COUNT(*) FROM nomination_respondents cr WHERE cr.request_id = q.id),
	(SELECT COUNT(*) FROM nomination_respondents ca WHERE ca.request_id = q.id AND ca.answered_at IS NOT NULL)`

const nominationRequestFrom = `nomination_requests q JOIN users ru ON ru.id = q.requester_id LEFT JOIN tags tg ON tg.id = q.tag_id`

func scanNominationRequest(row rowScanner) (*maillage.NominationRequest, error) {
	var r maillage.NominationRequest
	var closed sql.NullTime
	if err := row.Scan(&r.ID, &r.RequesterID, &r.RequesterName, &r.TagID, &r.TagSlug, &r.TagLabel, &r.Question,
		&r.CommunityID, &r.ParentID, &r.Wave, &closed, &r.CreatedAt, &r.Respondents, &r.Answered); err != nil {
		return nil, mapError(err)
	}
	r.ClosedAt, r.CreatedAt = nullTime(closed), r.CreatedAt.UTC()
	return &r, nil
}

// InsertNominationRequest stores a new request; its ID and creation time
// are set here.
func (tx *Tx) InsertNominationRequest(ctx context.Context, r *maillage.NominationRequest) error {
	r.ID, r.CreatedAt = auth.NewID(), tx.now
	if r.Wave < 1 {
		r.Wave = 1
	}
	_, err := tx.exec(ctx, `INSERT INTO nomination_requests (id, requester_id, tag_id, tag_label, question, community_id,
		parent_id, wave, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
		r.ID, r.RequesterID, nullString(r.TagID), r.TagLabel, r.Question, nullString(r.CommunityID), nullString(r.ParentID),
		r.Wave, tx.now)
	if err != nil {
		return fmt.Errorf("insert nomination request: %w", err)
	}
	return nil
}

// InsertNominationRespondent asks one more person: a member (userID) or
// an address (email, with the hash of its secret link).
func (tx *Tx) InsertNominationRespondent(ctx context.Context, requestID, userID, email, tokenHash string) (string, error) {
	id := auth.NewID()
	_, err := tx.exec(ctx, `INSERT INTO nomination_respondents (id, request_id, user_id, email, token_hash, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, requestID, nullString(userID), nullString(email), nullString(tokenHash), tx.now)
	if err != nil {
		return "", fmt.Errorf("insert nomination respondent: %w", err)
	}
	return id, nil
}

// CloseNominationRequest stops a request from taking answers. It
// reports whether it was open.
func (tx *Tx) CloseNominationRequest(ctx context.Context, id string) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE nomination_requests SET closed_at = $1, updated_at = $1 WHERE id = $2 AND closed_at IS NULL`,
		tx.now, id)
	if err != nil {
		return false, fmt.Errorf("close nomination request: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// NominationRequest loads a request, with its requester's name and counts.
func (db *DB) NominationRequest(ctx context.Context, id string) (*maillage.NominationRequest, error) {
	return nominationRequest(ctx, db.r(), id)
}

// NominationRequest loads a request inside the transaction, so an answer
// and a closing cannot cross.
func (tx *Tx) NominationRequest(ctx context.Context, id string) (*maillage.NominationRequest, error) {
	return nominationRequest(ctx, tx.q(), id)
}

func nominationRequest(ctx context.Context, q querier, id string) (*maillage.NominationRequest, error) {
	r, err := scanNominationRequest(q.QueryRowContext(ctx, `SELECT `+nominationRequestColumns+` FROM `+nominationRequestFrom+
		` WHERE q.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("nomination request: %w", err)
	}
	return r, nil
}

// NominationRequestsBy lists the requests a person sent, newest first.
func (db *DB) NominationRequestsBy(ctx context.Context, userID string) ([]maillage.NominationRequest, error) {
	return db.nominationRequests(ctx, `q.requester_id = $1`, userID)
}

// NominationRequestsAsking lists the requests that ask a member, newest first.
func (db *DB) NominationRequestsAsking(ctx context.Context, userID string) ([]maillage.NominationRequest, error) {
	return db.nominationRequests(ctx, `EXISTS (SELECT 1 FROM nomination_respondents nr WHERE nr.request_id = q.id AND nr.user_id = $1)`, userID)
}

func (db *DB) nominationRequests(ctx context.Context, where string, args ...any) ([]maillage.NominationRequest, error) {
	rows, err := db.query(ctx, `SELECT `+nominationRequestColumns+` FROM `+nominationRequestFrom+` WHERE `+where+
		` ORDER BY q.created_at DESC, q.id DESC LIMIT 500`, args...)
	if err != nil {
		return nil, fmt.Errorf("nomination requests: %w", mapError(err))
	}
	defer rows.Close()
	var out []maillage.NominationRequest
	for rows.Next() {
		r, err := scanNominationRequest(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

const respondentColumns = `r.id, r.request_id, COALESCE(r.user_id, ''), COALESCE(u.name, ''), COALESCE(r.email, ''), r.answered_at`

func scanRespondent(row rowScanner) (*maillage.NominationRespondent, error) {
	var r maillage.NominationRespondent
	var answered sql.NullTime
	if err := row.Scan(&r.ID, &r.RequestID, &r.UserID, &r.UserName, &r.Email, &answered); err != nil {
		return nil, mapError(err)
	}
	r.AnsweredAt = nullTime(answered)
	return &r, nil
}

// NominationRespondents lists the people a request asks, members first
// by name, then addresses.
func (db *DB) NominationRespondents(ctx context.Context, requestID string) ([]maillage.NominationRespondent, error) {
	rows, err := db.query(ctx, `SELECT `+respondentColumns+` FROM nomination_respondents r LEFT JOIN users u ON u.id = r.user_id
		WHERE r.request_id = $1 ORDER BY r.user_id IS NULL, u.name_key, r.email, r.id`, requestID)
	if err != nil {
		return nil, fmt.Errorf("nomination respondents: %w", mapError(err))
	}
	defer rows.Close()
	var out []maillage.NominationRespondent
	for rows.Next() {
		r, err := scanRespondent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// NominationRespondentIDs lists the members a request asks.
func (db *DB) NominationRespondentIDs(ctx context.Context, requestID string) ([]string, error) {
	return db.notifyIDs(ctx, `SELECT user_id FROM nomination_respondents WHERE request_id = $1 AND user_id IS NOT NULL`, requestID)
}

// NominationRespondentOf returns the member's place among a request's
// respondents.
func (db *DB) NominationRespondentOf(ctx context.Context, requestID, userID string) (*maillage.NominationRespondent, error) {
	return nominationRespondentOf(ctx, db.r(), requestID, userID)
}

// NominationRespondentOf is the same, inside the answer's transaction.
func (tx *Tx) NominationRespondentOf(ctx context.Context, requestID, userID string) (*maillage.NominationRespondent, error) {
	return nominationRespondentOf(ctx, tx.q(), requestID, userID)
}

func nominationRespondentOf(ctx context.Context, q querier, requestID, userID string) (*maillage.NominationRespondent, error) {
	r, err := scanRespondent(q.QueryRowContext(ctx, `SELECT `+respondentColumns+` FROM nomination_respondents r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.request_id = $1 AND r.user_id = $2`, requestID, userID))
	if err != nil {
		return nil, fmt.Errorf("nomination respondent: %w", err)
	}
	return r, nil
}

// NominationRespondentByToken finds the respondent whose secret link
// hashes to hash.
func (db *DB) NominationRespondentByToken(ctx context.Context, hash string) (*maillage.NominationRespondent, error) {
	r, err := scanRespondent(db.queryRow(ctx, `SELECT `+respondentColumns+` FROM nomination_respondents r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.token_hash = $1`, hash))
	if err != nil {
		return nil, fmt.Errorf("nomination respondent: %w", err)
	}
	return r, nil
}

// ReplaceNominations records a respondent's answer, replacing any
// earlier one, and marks them as having answered.
func (tx *Tx) ReplaceNominations(ctx context.Context, requestID, respondentID string, lines []maillage.Nomination) error {
	if _, err := tx.exec(ctx, `DELETE FROM nominations WHERE respondent_id = $1`, respondentID); err != nil {
		return fmt.Errorf("replace nominations: %w", err)
	}
	for i, n := range lines {
		_, err := tx.exec(ctx, `INSERT INTO nominations (id, request_id, respondent_id, nominee_type, nominee_id, reason, position, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, auth.NewID(), requestID, respondentID, string(n.Nominee.Type), n.Nominee.ID,
			n.Reason, i, tx.now)
		if err != nil {
			return fmt.Errorf("replace nominations: %w", err)
		}
	}
	if _, err := tx.exec(ctx, `UPDATE nomination_respondents SET answered_at = $1 WHERE id = $2`, tx.now, respondentID); err != nil {
		return fmt.Errorf("replace nominations: %w", err)
	}
	return nil
}

// nomineeNameSQL is the current name of the nominee of the line aliased n.
const nomineeNameSQL = `COALESCE(CASE n.nominee_type
	WHEN 'user' THEN (SELECT nu.name FROM users nu WHERE nu.id = n.nominee_id)
	WHEN 'organization' THEN (SELECT no.name FROM organizations no WHERE no.id = n.nominee_id)
	WHEN 'actor' THEN (SELECT na.name FROM actors na WHERE na.id = n.nominee_id) END, '')`

// NominationLines lists the answer lines of a request (or of one
// respondent when respondentID is set), in the order they were given,
// with each nominee's current name and each respondent's label.
func (db *DB) NominationLines(ctx context.Context, requestID, respondentID string) ([]maillage.Nomination, []string, error) {
	q := `SELECT n.request_id, n.respondent_id, n.nominee_type, n.nominee_id, ` + nomineeNameSQL + `, n.reason, n.created_at,
		COALESCE(u.name, r.email, '')
		FROM nominations n JOIN nomination_respondents r ON r.id = n.respondent_id LEFT JOIN users u ON u.id = r.user_id
		WHERE n.request_id = $1`
	args := []any{requestID}
	if respondentID != "" {
		q += ` AND n.respondent_id = $2`
		args = append(args, respondentID)
	}
	rows, err := db.query(ctx, q+` ORDER BY n.respondent_id, n.position`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("nominations: %w", mapError(err))
	}
	defer rows.Close()
	var out []maillage.Nomination
	var by []string
	for rows.Next() {
		var n maillage.Nomination
		var typ, label string
		if err := rows.Scan(&n.RequestID, &n.RespondentID, &typ, &n.Nominee.ID, &n.Name, &n.Reason, &n.CreatedAt, &label); err != nil {
			return nil, nil, mapError(err)
		}
		n.Nominee.Type, n.CreatedAt = maillage.NomineeType(typ), n.CreatedAt.UTC()
		out = append(out, n)
		by = append(by, label)
	}
	return out, by, rows.Err()
}

// ActorEmails returns the public professional addresses of actor cards
// that have one, by ID.
func (db *DB) ActorEmails(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT id, email FROM actors WHERE email <> '' AND id IN (`+a.list(ids)+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("actor emails: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id, email string
		if err := rows.Scan(&id, &email); err != nil {
			return nil, mapError(err)
		}
		out[id] = email
	}
	return out, rows.Err()
}

// NominationEdge is one answer line as the relation graph reads it: who
// asked, who answered (a member, or "" for someone asked by email), whom
// they named, on which theme and when. It says nothing of the reason.
type NominationEdge struct {
	RequestID   string
	RequesterID string
	// RespondentID is the respondent's row; RespondentUserID their account,
	// "" for a person asked by email.
	RespondentID     string
	RespondentUserID string
	Nominee          maillage.NomineeRef
	TagID            string
	CreatedAt        time.Time
}

// EachNomination streams every answer line of every request, oldest
// first, to fn; an error from fn stops the walk and is returned. The
// answers are the requester's alone (maillage.CanViewNominationResults):
// whatever is derived from them must show each requester only what their
// own requests gathered, or counts that name no respondent.
func (db *DB) EachNomination(ctx context.Context, fn func(NominationEdge) error) error {
	rows, err := db.query(ctx, `SELECT n.request_id, q.requester_id, n.respondent_id, COALESCE(r.user_id, ''),
		n.nominee_type, n.nominee_id, COALESCE(q.tag_id, ''), n.created_at
		FROM nominations n JOIN nomination_requests q ON q.id = n.request_id
		JOIN nomination_respondents r ON r.id = n.respondent_id ORDER BY n.created_at, n.id`)
	if err != nil {
		return fmt.Errorf("each nomination: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var e NominationEdge
		var typ string
		if err := rows.Scan(&e.RequestID, &e.RequesterID, &e.RespondentID, &e.RespondentUserID, &typ, &e.Nominee.ID,
			&e.TagID, &e.CreatedAt); err != nil {
			return mapError(err)
		}
		e.Nominee.Type, e.CreatedAt = maillage.NomineeType(typ), e.CreatedAt.UTC()
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// MatchNominees finds the records whose folded name equals (or, with
// prefix, starts with) the folded text and which the viewer may see:
// people whose profile they may see, organisations (a public directory)
// and actor cards visible to them. People come first, then
// organisations, then cards.
func (db *DB) MatchNominees(ctx context.Context, v maillage.Viewer, text string, prefix bool, limit int) ([]maillage.NomineeMatch, error) {
	key := fold.Key(text)
	if key == "" || limit <= 0 {
		return nil, nil
	}
	var a args
	cond := func(col string) string {
		if prefix {
			return col + " LIKE " + a.add(strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(key)+"%") + ` ESCAPE '\'`
		}
		return col + " = " + a.add(key)
	}
	users := `SELECT 'user', u.id, u.name, u.name_key, 1 FROM users u WHERE ` + cond("u.name_key") + ` AND ` + profileVisibleSQL(v, "u", &a)
	orgs := `SELECT 'organization', o.id, o.name, o.name_key, 2 FROM organizations o WHERE ` + cond("o.name_key")
	cards := `SELECT 'actor', c.id, c.name, c.name_key, 3 FROM actors c WHERE ` + cond("c.name_key") + ` AND ` +
		forViewer(v, &a).where(nomineeCardRule("c"))
	rows, err := db.query(ctx, `SELECT * FROM (`+users+` UNION ALL `+orgs+` UNION ALL `+cards+`) m
		ORDER BY 5, 4, 2 LIMIT `+a.add(limit), a...)
	if err != nil {
		return nil, fmt.Errorf("match nominees: %w", mapError(err))
	}
	defer rows.Close()
	var out []maillage.NomineeMatch
	for rows.Next() {
		var m maillage.NomineeMatch
		var typ, nameKey string
		var rank int
		if err := rows.Scan(&typ, &m.Ref.ID, &m.Name, &nameKey, &rank); err != nil {
			return nil, mapError(err)
		}
		m.Ref.Type = maillage.NomineeType(typ)
		out = append(out, m)
	}
	return out, rows.Err()
}

// nomineeCardRule describes actor cards aliased c to
// maillage.NomineeCardAccess.Audiences.
func nomineeCardRule(c string) rule {
	r := rule{refs: map[string]sqlRef{"community": {column: c + ".community_id"}, "creator": {column: c + ".created_by"}}}
	for _, vis := range maillage.CardVisibilities() {
		ca := maillage.NomineeCardAccess{Visibility: vis, CommunityID: ref("community"), CreatedBy: ref("creator")}
		r.states = append(r.states, ruleState{cond: c + ".visibility = '" + vis + "'", audiences: ca.Audiences()})
	}
	return r
}

// NomineeExists reports whether a nominee the viewer names exists and is
// theirs to name: a person whose profile they may see, an organisation,
// an actor card they may see. It returns the record's name.
func (db *DB) NomineeExists(ctx context.Context, v maillage.Viewer, ref maillage.NomineeRef) (string, error) {
	var a args
	var q string
	switch ref.Type {
	case maillage.NomineeUser:
		q = `SELECT u.name FROM users u WHERE u.id = ` + a.add(ref.ID) + ` AND ` + profileVisibleSQL(v, "u", &a)
	case maillage.NomineeOrganization:
		q = `SELECT o.name FROM organizations o WHERE o.id = ` + a.add(ref.ID)
	case maillage.NomineeActor:
		q = `SELECT c.name FROM actors c WHERE c.id = ` + a.add(ref.ID) + ` AND ` + forViewer(v, &a).where(nomineeCardRule("c"))
	default:
		return "", maillage.ErrNotFound
	}
	var name string
	if err := db.queryRow(ctx, q, a...).Scan(&name); err != nil {
		return "", fmt.Errorf("nominee: %w", mapError(err))
	}
	return name, nil
}

// NominationCard returns the private actor card, made by a requester for
// a name given in answer to their requests, that a new name names: the
// same name (folded) gives the same card, so every respondent naming
// "Marie Tremblay" counts for one nominee. A missing card is made
// (visibility private, source nomination): only the requester sees it.
func (tx *Tx) NominationCard(ctx context.Context, requesterID, name, kind string) (string, error) {
	key := fold.Key(name)
	var id string
	err := tx.q().QueryRowContext(ctx, `SELECT id FROM actors WHERE created_by = $1 AND name_key = $2 AND source = 'nomination'
		AND visibility = 'private' ORDER BY created_at, id LIMIT 1`, requesterID, key).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !maillage.IsNotFound(mapError(err)) {
		return "", fmt.Errorf("nomination card: %w", mapError(err))
	}
	id = auth.NewID()
	_, err = tx.exec(ctx, `INSERT INTO actors (id, kind, name, name_key, visibility, source, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, 'private', 'nomination', $5, $6, $6)`, id, kind, name, key, requesterID, tx.now)
	if err != nil {
		return "", fmt.Errorf("nomination card: %w", err)
	}
	return id, nil
}

// nominationRule describes nomination requests aliased q to
// maillage.NominationAccess.Audiences: the requester and the members asked.
func nominationRule(q string) rule {
	return rule{refs: map[string]sqlRef{
		"requester":   {column: q + ".requester_id"},
		"respondents": {table: "nomination_respondents", key: "request_id", row: q + ".id"},
	}, states: []ruleState{{cond: "TRUE", audiences: maillage.NominationAccess{
		RequesterID: ref("requester"), RespondentIDs: []string{ref("respondents")}}.Audiences()}}}
}
