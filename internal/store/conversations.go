package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
)

// conversationVisibleSQL mirrors maillage.CanViewConversation for
// conversations aliased c: only current participants see one (someone who
// left no longer does; administrators have no special access).
func conversationVisibleSQL(v maillage.Viewer, c string, a *args) string {
	if !v.SignedIn() {
		return "FALSE"
	}
	return "EXISTS (SELECT 1 FROM conversation_participants vp WHERE vp.conversation_id = " + c +
		".id AND vp.user_id = " + a.add(v.UserID) + " AND vp.left_at IS NULL)"
}

// DirectKey names the direct conversation between two people whatever
// the order they are given in.
func DirectKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + ":" + b
}

// messagingIn adds each value to a and returns "$1, $2, ..." for an
// IN (...) clause. values must not be empty.
func messagingIn(a *args, values []string) string {
	ph := make([]string, len(values))
	for i, v := range values {
		ph[i] = a.add(v)
	}
	return strings.Join(ph, ", ")
}

// CreateConversation inserts a conversation and its participants. Two
// participants make a direct conversation (at most one per pair: a second
// one is a conflict), more make a group.
func (tx *Tx) CreateConversation(ctx context.Context, c *maillage.Conversation, participantIDs []string) error {
	c.CreatedAt, c.LastMessageAt = tx.now, tx.now
	var key sql.NullString
	c.Kind = maillage.ConversationGroup
	if len(participantIDs) == 2 {
		c.Kind = maillage.ConversationDirect
		key = nullString(DirectKey(participantIDs[0], participantIDs[1]))
	}
	_, err := tx.exec(ctx, `INSERT INTO conversations (id, subject, kind, direct_key, created_by, created_at, last_message_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, c.ID, c.Subject, c.Kind, key, nullString(c.CreatedBy), c.CreatedAt, c.LastMessageAt)
	if err != nil {
		return fmt.Errorf("create conversation: %w", err)
	}
	for _, id := range participantIDs {
		if _, err := tx.exec(ctx, `INSERT INTO conversation_participants (conversation_id, user_id, joined_at) VALUES ($1, $2, $3)`,
			c.ID, id, tx.now); err != nil {
			return fmt.Errorf("add participant: %w", err)
		}
	}
	return nil
}

// DirectConversation returns the ID of the direct conversation between two
// people, whether or not they both still take part in it, or not found.
func (tx *Tx) DirectConversation(ctx context.Context, a, b string) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM conversations WHERE direct_key = $1`, DirectKey(a, b)).Scan(&id)
	return id, mapError(err)
}

// SetConversationSubject gives a conversation a subject.
func (tx *Tx) SetConversationSubject(ctx context.Context, id, subject string) error {
	_, err := tx.exec(ctx, `UPDATE conversations SET subject = $1 WHERE id = $2`, subject, id)
	if err != nil {
		return fmt.Errorf("conversation subject: %w", err)
	}
	return nil
}

// ActiveParticipantIDs returns who takes part in a conversation now,
// inside the transaction that is about to change it. An absent
// conversation has none.
func (tx *Tx) ActiveParticipantIDs(ctx context.Context, conversationID string) ([]string, error) {
	return activeParticipantIDs(ctx, tx.tx.QueryContext, conversationID)
}

// ConversationParticipantIDs returns who takes part in a conversation now
// (people who left are not included): the input of
// maillage.CanViewConversation for notifications about it.
func (db *DB) ConversationParticipantIDs(ctx context.Context, conversationID string) ([]string, error) {
	return activeParticipantIDs(ctx, db.query, conversationID)
}

type messagingQuery func(ctx context.Context, query string, args ...any) (*sql.Rows, error)

func activeParticipantIDs(ctx context.Context, q messagingQuery, conversationID string) ([]string, error) {
	rows, err := q(ctx, `SELECT user_id FROM conversation_participants WHERE conversation_id = $1 AND left_at IS NULL
		ORDER BY user_id`, conversationID)
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

// AddParticipants brings people into a conversation, or back into it
// after they left (with their previous reading position). A conversation
// that reaches three people becomes a group for good: the pair's direct
// conversation is then a new one.
func (tx *Tx) AddParticipants(ctx context.Context, conversationID string, userIDs []string) error {
	for _, id := range userIDs {
		_, err := tx.exec(ctx, `INSERT INTO conversation_participants (conversation_id, user_id, joined_at) VALUES ($1, $2, $3)
			ON CONFLICT (conversation_id, user_id) DO UPDATE SET left_at = NULL,
			joined_at = CASE WHEN conversation_participants.left_at IS NULL THEN conversation_participants.joined_at ELSE excluded.joined_at END`,
			conversationID, id, tx.now)
		if err != nil {
			return fmt.Errorf("add participant: %w", err)
		}
	}
	var n int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM conversation_participants WHERE conversation_id = $1`,
		conversationID).Scan(&n); err != nil {
		return mapError(err)
	}
	if n > 2 {
		if _, err := tx.exec(ctx, `UPDATE conversations SET kind = 'group', direct_key = NULL WHERE id = $1`, conversationID); err != nil {
			return fmt.Errorf("make group: %w", err)
		}
	}
	return nil
}

// LeaveConversation marks a participant as gone; they lose access to it.
func (tx *Tx) LeaveConversation(ctx context.Context, conversationID, userID string) error {
	res, err := tx.exec(ctx, `UPDATE conversation_participants SET left_at = $1 WHERE conversation_id = $2 AND user_id = $3
		AND left_at IS NULL`, tx.now, conversationID, userID)
	if err != nil {
		return fmt.Errorf("leave conversation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// SetConversationMuted mutes or unmutes a conversation for a participant.
func (tx *Tx) SetConversationMuted(ctx context.Context, conversationID, userID string, muted bool) error {
	res, err := tx.exec(ctx, `UPDATE conversation_participants SET muted = $1 WHERE conversation_id = $2 AND user_id = $3
		AND left_at IS NULL`, muted, conversationID, userID)
	if err != nil {
		return fmt.Errorf("mute conversation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// MarkConversationRead records that a participant has read everything
// posted so far.
func (tx *Tx) MarkConversationRead(ctx context.Context, conversationID, userID string) error {
	res, err := tx.exec(ctx, `UPDATE conversation_participants SET last_read_at = $1 WHERE conversation_id = $2 AND user_id = $3
		AND left_at IS NULL`, tx.now, conversationID, userID)
	if err != nil {
		return fmt.Errorf("mark conversation read: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// conversationColumns reads a conversation as the participant joined as
// "me" sees it (no such row: not muted, nothing unread).
const conversationColumns = `c.id, c.subject, c.kind, c.created_by, c.created_at, c.last_message_at,
	COALESCE(me.muted, FALSE), me.last_read_at,
	(SELECT COUNT(*) FROM messages um WHERE um.conversation_id = c.id AND (um.author_id IS NULL OR um.author_id <> me.user_id)
		AND (me.last_read_at IS NULL OR um.created_at > me.last_read_at))`

func scanConversation(row rowScanner) (*maillage.Conversation, error) {
	var c maillage.Conversation
	var by sql.NullString
	var read sql.NullTime
	if err := row.Scan(&c.ID, &c.Subject, &c.Kind, &by, &c.CreatedAt, &c.LastMessageAt, &c.Muted, &read, &c.Unread); err != nil {
		return nil, mapError(err)
	}
	c.CreatedBy, c.LastReadAt = by.String, nullTime(read)
	c.CreatedAt, c.LastMessageAt = c.CreatedAt.UTC(), c.LastMessageAt.UTC()
	return &c, nil
}

// Conversation returns a conversation with its current participants, as
// the viewer sees it when they take part in it. It does not check
// visibility: callers ask the policy with ParticipantIDs.
func (db *DB) Conversation(ctx context.Context, v maillage.Viewer, id string) (*maillage.Conversation, error) {
	c, err := scanConversation(db.queryRow(ctx, `SELECT `+conversationColumns+` FROM conversations c
		LEFT JOIN conversation_participants me ON me.conversation_id = c.id AND me.user_id = $1 AND me.left_at IS NULL
		WHERE c.id = $2`, v.UserID, id))
	if err != nil {
		return nil, err
	}
	parts, err := db.participants(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	c.Participants = parts[c.ID]
	return c, nil
}

// participants loads the current participants of conversations, by name.
func (db *DB) participants(ctx context.Context, ids ...string) (map[string][]maillage.Participant, error) {
	out := map[string][]maillage.Participant{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT p.conversation_id, p.user_id, u.name, p.joined_at, p.muted, p.last_read_at
		FROM conversation_participants p JOIN users u ON u.id = p.user_id
		WHERE p.conversation_id IN (`+messagingIn(&a, ids)+`) AND p.left_at IS NULL
		ORDER BY p.conversation_id, u.name_key, u.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p maillage.Participant
		var conv string
		var read sql.NullTime
		if err := rows.Scan(&conv, &p.UserID, &p.Name, &p.JoinedAt, &p.Muted, &read); err != nil {
			return nil, mapError(err)
		}
		p.JoinedAt, p.LastReadAt = p.JoinedAt.UTC(), nullTime(read)
		out[conv] = append(out[conv], p)
	}
	return out, mapError(rows.Err())
}

// ConversationFilter selects the viewer's conversations.
type ConversationFilter struct {
	// Unread keeps only conversations with unread messages.
	Unread bool
	Limit  int
	Offset int
}

// Conversations lists the conversations the viewer takes part in, the
// latest activity first, with participants, unread counts and the latest
// message of each.
func (db *DB) Conversations(ctx context.Context, v maillage.Viewer, f ConversationFilter) ([]maillage.Conversation, int, error) {
	var a args
	me := a.add(v.UserID)
	from := "conversations c JOIN conversation_participants me ON me.conversation_id = c.id AND me.user_id = " + me
	where := []string{"me.left_at IS NULL", conversationVisibleSQL(v, "c", &a)}
	if f.Unread {
		where = append(where, `EXISTS (SELECT 1 FROM messages fm WHERE fm.conversation_id = c.id AND (fm.author_id IS NULL OR fm.author_id <> me.user_id)
			AND (me.last_read_at IS NULL OR fm.created_at > me.last_read_at))`)
	}
	out, total, err := listPage(ctx, db, a, from, strings.Join(where, " AND "), conversationColumns,
		"c.last_message_at DESC, c.id DESC", f.Limit, f.Offset, scanConversation)
	if err != nil {
		return nil, 0, err
	}
	ids := make([]string, len(out))
	for i, c := range out {
		ids[i] = c.ID
	}
	parts, err := db.participants(ctx, ids...)
	if err != nil {
		return nil, 0, err
	}
	last, err := db.lastMessages(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Participants = parts[out[i].ID]
		out[i].Last = last[out[i].ID]
	}
	return out, total, nil
}

// UnreadConversations counts the viewer's conversations holding messages
// they have not read, muted ones excepted (for the menu).
func (db *DB) UnreadConversations(ctx context.Context, userID string) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM conversation_participants me WHERE me.user_id = $1 AND me.left_at IS NULL
		AND me.muted = FALSE AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = me.conversation_id
		AND (m.author_id IS NULL OR m.author_id <> me.user_id) AND (me.last_read_at IS NULL OR m.created_at > me.last_read_at))`,
		userID).Scan(&n)
	return n, mapError(err)
}

// ConversationTitle names a conversation for one of its participants (a
// notification, an email): its subject, or else the names of the others.
func (db *DB) ConversationTitle(ctx context.Context, conversationID, forUserID string) (string, error) {
	var subject string
	if err := db.queryRow(ctx, `SELECT subject FROM conversations WHERE id = $1`, conversationID).Scan(&subject); err != nil {
		return "", mapError(err)
	}
	if subject != "" {
		return subject, nil
	}
	parts, err := db.participants(ctx, conversationID)
	if err != nil {
		return "", err
	}
	return maillage.ParticipantNames(parts[conversationID], forUserID), nil
}

// ConversationSubject reads a conversation's subject inside a transaction.
func (tx *Tx) ConversationSubject(ctx context.Context, id string) (string, error) {
	var subject string
	err := tx.tx.QueryRowContext(ctx, `SELECT subject FROM conversations WHERE id = $1`, id).Scan(&subject)
	return subject, mapError(err)
}
