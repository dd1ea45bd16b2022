package maillage

import "time"

// Putting a person's name on something takes their consent. Making
// someone else a co-author of a note, or a member or manager of a
// community, notebook or knowledge base, sends them an Invitation; they
// are listed nowhere (authors, members, counts, profile, citation, feeds)
// until they accept it. Platform administrators may still add people
// directly, and anyone may add, or step down, themselves.

// InvitationKind names what an invitation is to.
type InvitationKind string

// Invitation kinds.
const (
	InviteCommunity     InvitationKind = "community"
	InviteNote          InvitationKind = "note"
	InviteNotebook      InvitationKind = "notebook"
	InviteKnowledgeBase InvitationKind = "knowledge_base"
	// InviteMeeting asks someone to take a meeting's notes (RoleNoteTaker).
	InviteMeeting InvitationKind = "meeting"
)

// InvitationKinds lists the kinds of invitations.
func InvitationKinds() []InvitationKind {
	return []InvitationKind{InviteCommunity, InviteNote, InviteNotebook, InviteKnowledgeBase, InviteMeeting}
}

// RoleAuthor is the one role a note invitation offers: co-author.
const RoleAuthor = "author"

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// Invitation statuses.
const (
	InvitationPending  InvitationStatus = "pending"
	InvitationAccepted InvitationStatus = "accepted"
	InvitationDeclined InvitationStatus = "declined"
)

// Invitation asks someone to take a role in an item: join or manage a
// community, co-author a note, contribute to or manage a notebook or a
// knowledge base.
type Invitation struct {
	Kind   InvitationKind
	ItemID string
	// ItemTitle is the item's name or title: the one thing an invitation
	// shows of an item its invitee may not see yet.
	ItemTitle string
	// ItemDescription is a community's description, which an unlisted
	// private community shows to the person invited on the invitation
	// alone; it is empty for the other kinds.
	ItemDescription string
	// Role is the role offered: member or manager (community), author
	// (note), contributor or manager (notebook, knowledge base).
	Role          string
	UserID        string
	UserName      string
	InvitedBy     string
	InvitedByName string
	Status        InvitationStatus
	CreatedAt     time.Time
}

// EventKind is the notification kind telling someone of an invitation
// of kind k to role: an invitation to manage a community has a kind of
// its own, since the person may be a member already.
func (k InvitationKind) EventKind(role string) EventKind {
	if k == InviteCommunity && role == string(RoleManager) {
		return EventManagerInvitation
	}
	return k.eventKind()
}

// EventKinds are every notification kind telling of invitations of kind k.
func (k InvitationKind) EventKinds() []EventKind {
	if k == InviteCommunity {
		return []EventKind{EventInvitation, EventManagerInvitation}
	}
	return []EventKind{k.eventKind()}
}

func (k InvitationKind) eventKind() EventKind {
	switch k {
	case InviteNote:
		return EventNoteInvitation
	case InviteNotebook:
		return EventNotebookInvitation
	case InviteKnowledgeBase:
		return EventKnowledgeBaseInvitation
	case InviteMeeting:
		return EventMeetingInvitation
	}
	return EventInvitation
}

// InvitationKindOf returns the kind of invitation an event kind tells
// of; ok is false for the other events.
func InvitationKindOf(e EventKind) (k InvitationKind, ok bool) {
	for _, k := range InvitationKinds() {
		for _, ek := range k.EventKinds() {
			if ek == e {
				return k, true
			}
		}
	}
	return "", false
}

// SubjectType is the subject of the notification telling someone of an
// invitation of kind k. Notes, notebooks and knowledge bases have subject
// types of their own for invitations, seen by the person invited (and by
// whoever may see the item): the notification shows an item's title to
// its invitee without opening the item itself, nor any other
// notification about it, to them.
func (k InvitationKind) SubjectType() SubjectType {
	switch k {
	case InviteNote:
		return SubjectNoteInvitation
	case InviteNotebook:
		return SubjectNotebookInvitation
	case InviteKnowledgeBase:
		return SubjectKnowledgeBaseInvitation
	case InviteMeeting:
		return SubjectMeetingInvitation
	}
	return SubjectCommunity
}
