package service

import (
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// canViewSubject is the access policy for the subject (or parent) of a
// notification, composed from the domain's rules. The store mirrors it in
// SQL keyed on the recipient (store/notifications_policy.go); a test holds
// the two to the same answers.
func canViewSubject(v maillage.Viewer, a *store.SubjectAccess) bool {
	if !v.SignedIn() {
		return false
	}
	switch a.Type {
	case maillage.SubjectNote, maillage.SubjectNotebook:
		return maillage.CanViewContent(v, a.Content)
	case maillage.SubjectThread:
		return maillage.CanViewThread(v, a.Thread)
	case maillage.SubjectReply:
		// A reply is seen within its thread, with its own hidden flag; a
		// tombstone has nothing left to tell.
		return !a.ReplyDeleted && maillage.CanViewThread(v, a.Thread) && maillage.CanViewThread(v, a.Reply)
	case maillage.SubjectCommunity:
		// An invitation shows its community to the person invited.
		return maillage.CanSeeCommunity(v, a.Community) || maillage.CanViewInvitation(v, a.InvitedIDs)
	case maillage.SubjectNoteInvitation, maillage.SubjectNotebookInvitation, maillage.SubjectKnowledgeBaseInvitation:
		// An invitation shows the item's title to the person invited, and
		// stays readable by whoever may see the item (once accepted).
		return maillage.CanViewInvitation(v, a.InvitedIDs) || maillage.CanViewContent(v, a.Content)
	case maillage.SubjectMeeting:
		return maillage.CanViewMeeting(v, a.Meeting)
	case maillage.SubjectMeetingInvitation:
		return maillage.CanViewInvitation(v, a.InvitedIDs) || maillage.CanViewMeeting(v, a.Meeting)
	case maillage.SubjectConversation:
		return maillage.CanViewConversation(v, a.ParticipantIDs)
	case maillage.SubjectUser:
		return maillage.CanViewProfile(v, maillage.ProfileAccess{UserID: a.ID})
	case maillage.SubjectTag:
		// Stricter than CanViewTag, which counts the uses the viewer may
		// see: a notification names a curated tag, or one's own.
		return a.Tag.Curated || v.UserID == a.Tag.CreatedBy
	case maillage.SubjectNomination:
		return maillage.CanViewNominationRequest(v, a.Nomination)
	}
	return false
}

// anyMember is a signed-in person with no membership, role or ownership.
// The policy only grows with memberships and roles, so what anyMember may
// see, every recipient may: the fan-out then skips the per-recipient check.
func anyMember() maillage.Viewer { return maillage.Viewer{UserID: "\x00any member"} }

// visibleToAll reports whether every signed-in person may see the subject
// and its parent (nil when the event has none).
func visibleToAll(subject, parent *store.SubjectAccess) bool {
	return canViewSubject(anyMember(), subject) && (parent == nil || canViewSubject(anyMember(), parent))
}
