package maillage

import (
	"strings"
	"time"
)

// Conversation kinds: a direct conversation is between two people and is
// unique for them; adding a third person makes it a group.
const (
	ConversationDirect = "direct"
	ConversationGroup  = "group"
)

// Conversation is a private exchange between members. The fields after
// Participants describe it as one participant sees it (the viewer whose
// list or page it was read for).
type Conversation struct {
	ID            string
	Subject       string
	Kind          string
	CreatedBy     string
	CreatedAt     time.Time
	LastMessageAt time.Time
	// Participants are the people currently in the conversation, by name.
	Participants []Participant

	Muted      bool
	LastReadAt *time.Time
	// Unread counts the messages of others posted since LastReadAt.
	Unread int
	// Last is the latest message, for lists; nil when none.
	Last *Message
}

// ParticipantIDs returns the IDs of the current participants, the input
// of CanViewConversation.
func (c *Conversation) ParticipantIDs() []string {
	out := make([]string, len(c.Participants))
	for i, p := range c.Participants {
		out[i] = p.UserID
	}
	return out
}

// Participant is one person in a conversation.
type Participant struct {
	UserID     string
	Name       string
	JoinedAt   time.Time
	Muted      bool
	LastReadAt *time.Time
}

// ParticipantNames joins the names of the participants other than userID,
// in the order given (by name, accents ignored, as the store lists them).
func ParticipantNames(parts []Participant, userID string) string {
	var names []string
	for _, p := range parts {
		if p.UserID != userID {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, ", ")
}

// Message is one message of a conversation.
type Message struct {
	ID             string
	ConversationID string
	// AuthorID is empty when the author's account was deleted.
	AuthorID   string
	AuthorName string
	Body       string
	CreatedAt  time.Time
	EditedAt   *time.Time
}

// UserBlock is one person blocked by another: the blocked person may no
// longer write to the blocker.
type UserBlock struct {
	BlockerID   string
	BlockedID   string
	BlockedName string
	CreatedAt   time.Time
}
