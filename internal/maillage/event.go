package maillage

// Events are what happened, told to the notification fan-out. A service
// records an event by enqueuing a JobNotify job in the same transaction as
// the change; the job decides who hears of it (followers, members,
// mentioned people), checks each recipient against the access policy and
// writes their notifications and emails.

// JobNotify is the job kind that fans an Event out to its recipients.
const JobNotify = "notify.event"

// EventKind names what happened; it is also the notification kind.
type EventKind string

// Event kinds.
const (
	EventThreadCreated   EventKind = "thread_created"
	EventReplyCreated    EventKind = "reply_created"
	EventMention         EventKind = "mention"
	EventNotePublished   EventKind = "note_published"    // a note added to a notebook
	EventNoteShared      EventKind = "note_shared"       // a note posted into a community's discussion
	EventNoteIntegrated  EventKind = "note_integrated"   // a public note integrated into a public community's notebook
	EventMessage         EventKind = "message"           // a private or group message
	EventInvitation      EventKind = "invitation"        // invited to a community
	EventJoinRequest     EventKind = "join_request"      // to managers
	EventJoinAccepted    EventKind = "join_accepted"     // to the requester
	EventReport          EventKind = "report"            // a post reported to managers
	EventNoteAuthorAdded EventKind = "note_author_added" // made an author of a note
	EventNewFollowedItem EventKind = "followed_item"     // a new visible item under a followed tag or person
)

// SubjectType names the kind of thing an event is about.
type SubjectType string

// Subject types.
const (
	SubjectCommunity    SubjectType = "community"
	SubjectThread       SubjectType = "thread"
	SubjectReply        SubjectType = "reply"
	SubjectNote         SubjectType = "note"
	SubjectNotebook     SubjectType = "notebook"
	SubjectConversation SubjectType = "conversation"
	SubjectUser         SubjectType = "user"
	SubjectTag          SubjectType = "tag"
)

// Event is the payload of a JobNotify job.
type Event struct {
	Kind        EventKind   `json:"kind"`
	ActorID     string      `json:"actor_id"`
	SubjectType SubjectType `json:"subject_type"`
	SubjectID   string      `json:"subject_id"`
	// CommunityID is the community the event happened in, if any: its
	// members' preferences decide how they hear of it.
	CommunityID string `json:"community_id,omitempty"`
	// ParentType/ParentID name the container (the thread of a reply, the
	// notebook a note was added to) so followers of it hear too.
	ParentType SubjectType `json:"parent_type,omitempty"`
	ParentID   string      `json:"parent_id,omitempty"`
	// RecipientIDs are people told directly (mentions, invitations, message
	// participants); everyone else comes from follows and memberships.
	RecipientIDs []string `json:"recipient_ids,omitempty"`
	// AllMembers tells every member of CommunityID (a thread in a small
	// community, a note integrated into a public thematic community).
	AllMembers bool `json:"all_members,omitempty"`
}
