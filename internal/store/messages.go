package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

const messageColumns = `m.id, m.conversation_id, m.author_id, COALESCE(u.name, ''), m.body, m.created_at, m.edited_at`

func scanMessage(row rowScanner) (*maillage.Message, error) {
	var m maillage.Message
	var author sql.NullString
	var edited sql.NullTime
	if err := row.Scan(&m.ID, &m.ConversationID, &author, &m.AuthorName, &m.Body, &m.CreatedAt, &edited); err != nil {
		return nil, mapError(err)
	}
	m.AuthorID, m.EditedAt, m.CreatedAt = author.String, nullTime(edited), m.CreatedAt.UTC()
	return &m, nil
}

// CreateMessage adds a message to a conversation, moves the conversation
// to the top of its participants' lists and counts the message as read by
// its author.
func (tx *Tx) CreateMessage(ctx context.Context, m *maillage.Message) error {
	m.CreatedAt = tx.now
	_, err := tx.exec(ctx, `INSERT INTO messages (id, conversation_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
		m.ID, m.ConversationID, nullString(m.AuthorID), m.Body, m.CreatedAt)
	if err != nil {
		return fmt.Errorf("create message: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE conversations SET last_message_at = $1 WHERE id = $2`, tx.now, m.ConversationID); err != nil {
		return fmt.Errorf("create message: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE conversation_participants SET last_read_at = $1 WHERE conversation_id = $2 AND user_id = $3`,
		tx.now, m.ConversationID, m.AuthorID); err != nil {
		return fmt.Errorf("create message: %w", err)
	}
	return nil
}

// RecentDuplicateMessage finds a message with this exact body that the
// author posted in the conversation after since, to recognise a form
// submitted twice.
func (tx *Tx) RecentDuplicateMessage(ctx context.Context, conversationID, authorID, body string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM messages WHERE conversation_id = $1 AND author_id = $2 AND body = $3
		AND created_at > $4 ORDER BY created_at DESC, id DESC LIMIT 1`, conversationID, authorID, body, since).Scan(&id)
	return id, mapError(err)
}

// RecentDuplicateConversation finds a conversation the author started
// after since with exactly these participants and a message with this
// body: the same group conversation started twice (a double click).
func (tx *Tx) RecentDuplicateConversation(ctx context.Context, authorID string, participantIDs []string, body string, since time.Time) (string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT DISTINCT c.id FROM conversations c JOIN messages m ON m.conversation_id = c.id
		WHERE c.created_by = $1 AND c.created_at > $2 AND m.author_id = $1 AND m.body = $3`, authorID, since, body)
	if err != nil {
		return "", mapError(err)
	}
	var candidates []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return "", mapError(err)
		}
		candidates = append(candidates, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", mapError(err)
	}
	want := slices.Clone(participantIDs)
	slices.Sort(want)
	want = slices.Compact(want)
	for _, id := range candidates {
		got, err := tx.ActiveParticipantIDs(ctx, id)
		if err != nil {
			return "", err
		}
		if slices.Equal(got, want) {
			return id, nil
		}
	}
	return "", mapError(sql.ErrNoRows)
}

// MessageRecipients returns who should hear of a new message by authorID:
// the current participants but the author, those who muted the
// conversation and those who blocked the author.
func (tx *Tx) MessageRecipients(ctx context.Context, conversationID, authorID string) ([]string, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT p.user_id FROM conversation_participants p
		WHERE p.conversation_id = $1 AND p.left_at IS NULL AND p.muted = FALSE AND p.user_id <> $2
		AND NOT EXISTS (SELECT 1 FROM user_blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = $2)
		ORDER BY p.user_id`, conversationID, authorID)
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

// Message returns one message. It does not check visibility: callers ask
// the policy about its conversation.
func (db *DB) Message(ctx context.Context, id string) (*maillage.Message, error) {
	return scanMessage(db.queryRow(ctx, `SELECT `+messageColumns+` FROM messages m LEFT JOIN users u ON u.id = m.author_id
		WHERE m.id = $1`, id))
}

// Messages returns a page of a conversation's messages, newest first,
// with their total. Whether the viewer may read them is the caller's check.
func (db *DB) Messages(ctx context.Context, conversationID string, lim, offset int) ([]maillage.Message, int, error) {
	var a args
	cond := "m.conversation_id = " + a.add(conversationID)
	return listPage(ctx, db, a, "messages m LEFT JOIN users u ON u.id = m.author_id", cond, messageColumns,
		"m.created_at DESC, m.id DESC", lim, offset, scanMessage)
}

// LastMessage returns the latest message of a conversation (for the text
// of a notification), or not found when it has none.
func (db *DB) LastMessage(ctx context.Context, conversationID string) (*maillage.Message, error) {
	return scanMessage(db.queryRow(ctx, `SELECT `+messageColumns+` FROM messages m LEFT JOIN users u ON u.id = m.author_id
		WHERE m.conversation_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT 1`, conversationID))
}

// lastMessages returns the latest message of each conversation.
func (db *DB) lastMessages(ctx context.Context, ids []string) (map[string]*maillage.Message, error) {
	out := map[string]*maillage.Message{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT `+messageColumns+` FROM messages m LEFT JOIN users u ON u.id = m.author_id
		WHERE m.conversation_id IN (`+messagingIn(&a, ids)+`) AND NOT EXISTS (SELECT 1 FROM messages n
		WHERE n.conversation_id = m.conversation_id AND (n.created_at > m.created_at OR (n.created_at = m.created_at AND n.id > m.id)))`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out[m.ConversationID] = m
	}
	return out, mapError(rows.Err())
}
