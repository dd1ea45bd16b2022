package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Limits of private and group messages.
const (
	// MaxMessageLen bounds a message, in characters.
	MaxMessageLen = 20000
	// MaxConversationSubjectLen bounds a conversation's subject.
	MaxConversationSubjectLen = 200
	// MaxParticipants bounds a conversation, its author included.
	MaxParticipants = 50
)

// messageDuplicateWindow is how long the same message sent again by the
// same person to the same conversation counts as one submission.
const messageDuplicateWindow = time.Minute

// ConversationInput starts a conversation: the people written to (the
// author is added), an optional subject and the first message.
type ConversationInput struct {
	ParticipantIDs []string
	Subject        string
	Body           string
}

// Field names of conversation input, shared by the web forms and the API.
const (
	fieldParticipants = "participant_ids"
	fieldSubject      = "subject"
	fieldBody         = "body"
)

// ConversationFilter selects the viewer's conversations.
type ConversationFilter struct {
	// Unread keeps only conversations with messages the viewer has not read.
	Unread bool
	Page
}

// Conversation returns a conversation the viewer takes part in, as they
// see it; for anyone else it is absent (people who left included).
func (s *Service) Conversation(ctx context.Context, v maillage.Viewer, id string) (*maillage.Conversation, error) {
	if !v.SignedIn() {
		return nil, maillage.ErrNotFound
	}
	c, err := s.db.Conversation(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewConversation(v, c.ParticipantIDs()) {
		return nil, maillage.ErrNotFound
	}
	return c, nil
}

// ConversationSummary is a conversation in the viewer's list, with the
// plain text of its latest message (Markdown removed) for an excerpt.
type ConversationSummary struct {
	maillage.Conversation
	LastText string
}

// Conversations lists the viewer's conversations, latest activity first.
func (s *Service) Conversations(ctx context.Context, v maillage.Viewer, f ConversationFilter) ([]ConversationSummary, int, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, 0, err
	}
	list, total, err := s.db.Conversations(ctx, v, store.ConversationFilter{Unread: f.Unread, Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return nil, 0, err
	}
	out := make([]ConversationSummary, len(list))
	for i, c := range list {
		out[i] = ConversationSummary{Conversation: c}
		if c.Last == nil {
			continue
		}
		// Without a resolver, links and mentions read as their plain
		// text: an excerpt needs no lookups and reveals nothing.
		r, err := s.markup.Render(c.Last.Body, nil)
		if err != nil {
			return nil, 0, err
		}
		out[i].LastText = r.Text
	}
	return out, total, nil
}

// UnreadConversationCount counts the viewer's conversations with unread
// messages, muted ones excepted; 0 for visitors.
func (s *Service) UnreadConversationCount(ctx context.Context, v maillage.Viewer) (int, error) {
	if !v.SignedIn() {
		return 0, nil
	}
	return s.db.UnreadConversations(ctx, v.UserID)
}

// StartConversation writes to one or several people in one step. Writing
// to one person with whom the viewer already has a direct conversation
// continues it (bringing back whichever of the two had left it); a group
// is always a new conversation, unless the very same one was just started
// (a form sent twice).
func (s *Service) StartConversation(ctx context.Context, v maillage.Viewer, in ConversationInput) (*maillage.Conversation, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	in.Subject, in.Body = maillage.CleanLine(in.Subject), maillage.CleanText(in.Body)
	var val maillage.Validator
	people, err := s.checkRecipients(ctx, v, in.ParticipantIDs, 1, &val)
	if err != nil {
		return nil, err
	}
	val.MaxLen(fieldSubject, in.Subject, MaxConversationSubjectLen)
	validateMessage(&val, in.Body)
	if err := val.Err(); err != nil {
		return nil, err
	}
	others := personIDs(people)
	all := append([]string{v.UserID}, others...)
	var convID string
	// A direct conversation created meanwhile by the other person makes
	// the insert conflict on PostgreSQL; the second attempt finds it.
	for attempt := 0; ; attempt++ {
		err = s.db.Update(ctx, func(tx *store.Tx) error {
			if err := checkBlocks(ctx, tx, v.UserID, people); err != nil {
				return err
			}
			since := tx.Now().Add(-messageDuplicateWindow)
			if len(others) == 1 {
				id, err := tx.DirectConversation(ctx, v.UserID, others[0])
				if err == nil {
					convID = id
					return continueDirect(ctx, tx, v.UserID, id, all, in)
				}
				if !maillage.IsNotFound(err) {
					return err
				}
			} else if id, err := tx.RecentDuplicateConversation(ctx, v.UserID, all, in.Body, since); err == nil {
				convID = id
				return nil
			} else if !maillage.IsNotFound(err) {
				return err
			}
			c := &maillage.Conversation{ID: auth.NewID(), Subject: in.Subject, CreatedBy: v.UserID}
			if err := tx.CreateConversation(ctx, c, all); err != nil {
				return err
			}
			convID = c.ID
			_, err := postMessage(ctx, tx, c.ID, v.UserID, in.Body)
			return err
		})
		if err == nil || attempt > 0 || len(others) != 1 || maillage.ErrorCode(err) != maillage.CodeConflict {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	return s.db.Conversation(ctx, v, convID)
}

// continueDirect brings both people back into their direct conversation
// and adds the message (once, if the form was sent twice).
func continueDirect(ctx context.Context, tx *store.Tx, authorID, convID string, all []string, in ConversationInput) error {
	if err := tx.AddParticipants(ctx, convID, all); err != nil {
		return err
	}
	if in.Subject != "" {
		c, err := tx.ConversationSubject(ctx, convID)
		if err != nil {
			return err
		}
		if c == "" {
			if err := tx.SetConversationSubject(ctx, convID, in.Subject); err != nil {
				return err
			}
		}
	}
	_, err := postMessage(ctx, tx, convID, authorID, in.Body)
	return err
}

// PostMessage adds the viewer's message to a conversation they take part
// in. Nobody may write where someone who blocked them takes part.
func (s *Service) PostMessage(ctx context.Context, v maillage.Viewer, conversationID, body string) (*maillage.Message, error) {
	if _, err := s.Conversation(ctx, v, conversationID); err != nil {
		return nil, err
	}
	body = maillage.CleanText(body)
	var val maillage.Validator
	validateMessage(&val, body)
	if err := val.Err(); err != nil {
		return nil, err
	}
	var id string
	err := s.db.Update(ctx, func(tx *store.Tx) error {
		ids, err := tx.ActiveParticipantIDs(ctx, conversationID)
		if err != nil {
			return err
		}
		// Left (or removed) since the check above: absent now.
		if !maillage.CanViewConversation(v, ids) {
			return maillage.ErrNotFound
		}
		blockers, err := tx.BlockersOf(ctx, v.UserID, ids)
		if err != nil {
			return err
		}
		if len(blockers) > 0 {
			return errBlocked(fieldBody, "")
		}
		id, err = postMessage(ctx, tx, conversationID, v.UserID, body)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.db.Message(ctx, id)
}

// postMessage adds a message unless the author sent the same one to the
// same conversation within the last minute, and tells the participants
// who want to hear of it. It returns the message's ID.
func postMessage(ctx context.Context, tx *store.Tx, conversationID, authorID, body string) (string, error) {
	if id, err := tx.RecentDuplicateMessage(ctx, conversationID, authorID, body, tx.Now().Add(-messageDuplicateWindow)); err == nil {
		return id, nil
	} else if !maillage.IsNotFound(err) {
		return "", err
	}
	m := &maillage.Message{ID: auth.NewID(), ConversationID: conversationID, AuthorID: authorID, Body: body}
	if err := tx.CreateMessage(ctx, m); err != nil {
		return "", err
	}
	recipients, err := tx.MessageRecipients(ctx, conversationID, authorID)
	if err != nil || len(recipients) == 0 {
		return m.ID, err
	}
	return m.ID, tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{
		Kind:         maillage.EventMessage,
		ActorID:      authorID,
		SubjectType:  maillage.SubjectConversation,
		SubjectID:    conversationID,
		RecipientIDs: recipients,
	})
}

// MarkConversationRead records that the viewer has read the conversation.
func (s *Service) MarkConversationRead(ctx context.Context, v maillage.Viewer, id string) error {
	return s.participantAction(ctx, v, id, func(tx *store.Tx) error { return tx.MarkConversationRead(ctx, id, v.UserID) })
}

// MuteConversation stops (or, with muted false, resumes) notifications
// and emails about a conversation for the viewer.
func (s *Service) MuteConversation(ctx context.Context, v maillage.Viewer, id string, muted bool) error {
	return s.participantAction(ctx, v, id, func(tx *store.Tx) error { return tx.SetConversationMuted(ctx, id, v.UserID, muted) })
}

// LeaveConversation takes the viewer out of a conversation. From then on
// it is absent for them, its past messages included, until someone adds
// them again (or, for a direct conversation, writes to them anew).
func (s *Service) LeaveConversation(ctx context.Context, v maillage.Viewer, id string) error {
	return s.participantAction(ctx, v, id, func(tx *store.Tx) error { return tx.LeaveConversation(ctx, id, v.UserID) })
}

func (s *Service) participantAction(ctx context.Context, v maillage.Viewer, id string, act func(tx *store.Tx) error) error {
	if _, err := s.Conversation(ctx, v, id); err != nil {
		return err
	}
	return s.db.Update(ctx, act)
}

// AddParticipants lets any participant bring more people into a
// conversation; a direct conversation becomes a group. People already in
// it are ignored. Those added see the conversation's past messages.
func (s *Service) AddParticipants(ctx context.Context, v maillage.Viewer, id string, userIDs []string) (*maillage.Conversation, error) {
	c, err := s.Conversation(ctx, v, id)
	if err != nil {
		return nil, err
	}
	current := c.ParticipantIDs()
	var fresh []string
	for _, uid := range userIDs {
		if uid = strings.TrimSpace(uid); !slices.Contains(current, uid) {
			fresh = append(fresh, uid)
		}
	}
	if len(fresh) == 0 && len(userIDs) > 0 {
		return c, nil
	}
	var val maillage.Validator
	people, err := s.checkRecipients(ctx, v, fresh, len(current), &val)
	if err != nil {
		return nil, err
	}
	if err := val.Err(); err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		ids, err := tx.ActiveParticipantIDs(ctx, id)
		if err != nil {
			return err
		}
		if !maillage.CanViewConversation(v, ids) {
			return maillage.ErrNotFound
		}
		if len(ids)+len(people) > MaxParticipants {
			return tooManyParticipants()
		}
		if err := checkBlocks(ctx, tx, v.UserID, people); err != nil {
			return err
		}
		return tx.AddParticipants(ctx, id, personIDs(people))
	})
	if err != nil {
		return nil, err
	}
	return s.db.Conversation(ctx, v, id)
}

// validateMessage checks a message body: required, at most MaxMessageLen.
func validateMessage(val *maillage.Validator, body string) {
	val.Required(fieldBody, body)
	val.MaxLen(fieldBody, body, MaxMessageLen)
}

func tooManyParticipants() error {
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "conversation.too_many",
		Data:   map[string]any{"Max": MaxParticipants},
		Fields: []maillage.FieldError{{Field: fieldParticipants, MessageID: "conversation.too_many", Data: map[string]any{"Max": MaxParticipants}}}}
}

func personIDs(people []maillage.User) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.ID
	}
	return out
}
