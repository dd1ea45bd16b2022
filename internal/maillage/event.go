package maillage

import "time"

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
	// Invitations to take a role in a note, notebook or knowledge base
	// (see InvitationKind.EventKind).
	EventNoteInvitation          EventKind = "note_invitation"
	EventNotebookInvitation      EventKind = "notebook_invitation"
	EventKnowledgeBaseInvitation EventKind = "knowledge_base_invitation"
	EventManagerInvitation       EventKind = "manager_invitation" // invited to manage a community
	// Meetings: asked to take the notes; an occurrence or the series
	// moved, cancelled or changed; an occurrence coming soon.
	EventMeetingInvitation EventKind = "meeting_invitation"
	EventMeetingChanged    EventKind = "meeting_changed"
	EventMeetingCancelled  EventKind = "meeting_cancelled"
	EventMeetingReminder   EventKind = "meeting_reminder"
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
	// Invitations to a note, notebook or knowledge base, named by the
	// item's ID (see InvitationKind.SubjectType).
	SubjectNoteInvitation          SubjectType = "note_invitation"
	SubjectNotebookInvitation      SubjectType = "notebook_invitation"
	SubjectKnowledgeBaseInvitation SubjectType = "knowledge_base_invitation"
	// SubjectMeeting is a meeting; SubjectMeetingInvitation an invitation
	// to take its notes, named by the meeting's ID.
	SubjectMeeting           SubjectType = "meeting"
	SubjectMeetingInvitation SubjectType = "meeting_invitation"
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

// NotifyMode is how a person hears by email of what happens, everywhere
// (their default) or in one community (an override).
//
// The rule for 'none': it stops every email, and the in-application
// notifications of community-wide events (new threads, notes, replies
// heard through memberships and follows). Direct events, addressed to
// the person by name (mentions, messages, invitations, requests to
// managers), still arrive in the application.
type NotifyMode string

// Notification modes.
const (
	NotifyEach   NotifyMode = "each"   // one email per notification
	NotifyDaily  NotifyMode = "daily"  // a daily digest
	NotifyWeekly NotifyMode = "weekly" // a weekly digest
	NotifyNone   NotifyMode = "none"   // no email; direct notifications only
)

// DefaultNotifyMode applies until a person chooses: one daily digest, so
// a busy community does not flood anyone's inbox while nothing is missed.
// Direct events (mentions, messages, invitations) still show in the app at
// once.
const DefaultNotifyMode = NotifyDaily

// NotifyModes lists the modes in the order forms offer them.
func NotifyModes() []NotifyMode {
	return []NotifyMode{NotifyEach, NotifyDaily, NotifyWeekly, NotifyNone}
}

// Valid reports whether m is a known mode.
func (m NotifyMode) Valid() bool {
	switch m {
	case NotifyEach, NotifyDaily, NotifyWeekly, NotifyNone:
		return true
	}
	return false
}

// NotificationPreferences is how a person wants email: a default, and an
// override for some of the communities they belong to.
type NotificationPreferences struct {
	Default     NotifyMode
	Communities []CommunityNotifyMode
}

// CommunityNotifyMode is the mode for one community; "" follows the default.
type CommunityNotifyMode struct {
	CommunityID   string
	CommunityName string
	Mode          NotifyMode
}

// FollowTarget names the kinds of things a person can follow.
type FollowTarget string

// Follow targets.
const (
	FollowCommunity FollowTarget = "community"
	FollowNotebook  FollowTarget = "notebook"
	FollowThread    FollowTarget = "thread"
	FollowTag       FollowTarget = "tag"
	FollowPerson    FollowTarget = "person"
)

// FollowTargets lists the kinds of things that can be followed.
func FollowTargets() []FollowTarget {
	return []FollowTarget{FollowCommunity, FollowNotebook, FollowThread, FollowTag, FollowPerson}
}

// Valid reports whether t is a known target kind.
func (t FollowTarget) Valid() bool {
	switch t {
	case FollowCommunity, FollowNotebook, FollowThread, FollowTag, FollowPerson:
		return true
	}
	return false
}

// Follow is something a person follows, titled as they may see it now.
type Follow struct {
	TargetType FollowTarget
	TargetID   string
	Title      string
	// Ref completes the target's address when its ID is not enough (a
	// tag's slug).
	Ref       string
	CreatedAt time.Time
}

// Notification is one thing a person is told, as they may see it now:
// titles and names are current, and a notification whose subject they
// can no longer see is not shown at all.
type Notification struct {
	ID           string
	Kind         EventKind
	SubjectType  SubjectType
	SubjectID    string
	SubjectTitle string
	// SubjectRef completes the subject's address: the thread of a reply,
	// the slug of a tag.
	SubjectRef    string
	ParentType    SubjectType
	ParentID      string
	ParentTitle   string
	CommunityID   string
	CommunityName string // "" when the reader may not see the community
	ActorID       string
	ActorName     string
	// Direct is set when the event named the person (mention, message,
	// invitation) rather than reaching them through a membership or a follow.
	Direct    bool
	CreatedAt time.Time
	ReadAt    *time.Time
}

// Read reports whether the notification was read.
func (n Notification) Read() bool { return n.ReadAt != nil }

// Events of contributions from readers (comments and proposals).
const (
	// EventNoteComment: someone commented on a note (to its authors and
	// earlier commenters).
	EventNoteComment EventKind = "note_comment"
	// EventNoteProposed: someone proposed a note for a notebook (to its managers).
	EventNoteProposed EventKind = "note_proposed"
	// EventProposalAccepted and EventProposalDeclined: a manager answered
	// (to the person who proposed).
	EventProposalAccepted EventKind = "proposal_accepted"
	EventProposalDeclined EventKind = "proposal_declined"
)
