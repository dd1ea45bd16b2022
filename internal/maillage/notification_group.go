package maillage

// NotificationGroup gathers kinds of notification that read alike, so a
// long list can be filtered and marked read one group at a time.
type NotificationGroup string

// The groups of the notifications page, in the order it shows them.
const (
	GroupDiscussions NotificationGroup = "discussions"
	GroupNotes       NotificationGroup = "notes"
	GroupMessages    NotificationGroup = "messages"
	GroupInvitations NotificationGroup = "invitations"
	GroupManagement  NotificationGroup = "management"
)

// NotificationGroups lists the groups in display order.
func NotificationGroups() []NotificationGroup {
	return []NotificationGroup{GroupDiscussions, GroupNotes, GroupMessages, GroupInvitations, GroupManagement}
}

// Kinds lists the kinds of notification in the group; an unknown group
// has none. A kind belongs to one group.
func (g NotificationGroup) Kinds() []EventKind {
	switch g {
	case GroupDiscussions:
		return []EventKind{EventThreadCreated, EventReplyCreated, EventMention}
	case GroupNotes:
		return []EventKind{EventNotePublished, EventNoteShared, EventNoteIntegrated, EventNoteAuthorAdded, EventNewFollowedItem}
	case GroupMessages:
		return []EventKind{EventMessage}
	case GroupInvitations:
		return []EventKind{EventInvitation, EventNoteInvitation, EventNotebookInvitation, EventKnowledgeBaseInvitation,
			EventManagerInvitation, EventJoinAccepted}
	case GroupManagement:
		return []EventKind{EventJoinRequest, EventReport}
	}
	return nil
}

// Valid reports whether g is a known group.
func (g NotificationGroup) Valid() bool { return len(g.Kinds()) > 0 }

// GroupOf is the group a kind of notification belongs to; a kind added
// later without a group reads as a note, the most general one.
func GroupOf(k EventKind) NotificationGroup {
	for _, g := range NotificationGroups() {
		for _, x := range g.Kinds() {
			if x == k {
				return g
			}
		}
	}
	return GroupNotes
}
