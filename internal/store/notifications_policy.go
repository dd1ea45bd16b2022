package store

import "github.com/maillage/maillage/internal/maillage"

// This file is the access policy for notifications. Unlike the viewer
// filters of policy_sql.go, which bind one viewer's ID, these are derived
// for an SQL expression naming the recipient (a column such as
// "r.user_id"), so one statement can decide for thousands of recipients
// at once during a fan-out, and for the stored recipient when a
// notification is read. Memberships, roles and the administrator flag are
// read from the database, exactly as Service.Viewer loads them. A test
// checks them against the Go policy (service.canViewSubject) on every case.

// recipientSeesCommunitySQL is maillage.CanSeeCommunity for the recipient
// u and communities aliased c.
func recipientSeesCommunitySQL(u, c string) string {
	return forRecipient(u).where(communityRule(c, seeAudiences))
}

// recipientSeesContentSQL is maillage.CanViewContent for the recipient u
// and content described by r (noteRule, notebookRule ...).
func recipientSeesContentSQL(u string, r rule) string { return forRecipient(u).where(r) }

// recipientSeesThreadSQL is maillage.CanViewThread for the recipient u,
// threads aliased t and communities aliased c.
func recipientSeesThreadSQL(u, t, c string) string {
	k := forRecipient(u)
	return and(k.where(communityRule(c, readAudiences)), k.where(moderationRule(t+".hidden", t+".author_id", t+".community_id")))
}

// subjectExistsVisibleSQL is true when the subject of type typ (known in
// Go) whose ID is the SQL expression id exists and the recipient may see
// it. Unknown types are never visible, so a new subject type notifies
// nobody until its rule is written here and in service.canViewSubject.
func subjectExistsVisibleSQL(u string, typ maillage.SubjectType, id string) string {
	switch typ {
	case maillage.SubjectNote:
		return "EXISTS (SELECT 1 FROM notes vn WHERE vn.id = " + id + " AND " +
			recipientSeesContentSQL(u, noteRule("vn")) + ")"
	case maillage.SubjectNotebook:
		return "EXISTS (SELECT 1 FROM notebooks vb WHERE vb.id = " + id + " AND " +
			recipientSeesContentSQL(u, notebookRule("vb")) + ")"
	case maillage.SubjectThread:
		return "EXISTS (SELECT 1 FROM threads vt JOIN communities vc ON vc.id = vt.community_id WHERE vt.id = " + id + " AND " +
			recipientSeesThreadSQL(u, "vt", "vc") + ")"
	case maillage.SubjectReply:
		// A reply is seen like its thread, with its own hidden flag; a
		// deleted reply (a tombstone) has nothing left to tell.
		return "EXISTS (SELECT 1 FROM replies vr JOIN threads vt ON vt.id = vr.thread_id JOIN communities vc ON vc.id = vt.community_id" +
			" WHERE vr.id = " + id + " AND vr.deleted_at IS NULL AND " + recipientSeesThreadSQL(u, "vt", "vc") +
			" AND " + forRecipient(u).where(moderationRule("vr.hidden", "vr.author_id", "vt.community_id")) + ")"
	case maillage.SubjectCommunity:
		// An invitation names a community its recipient may not see yet:
		// the invitation itself shows it to them.
		return "EXISTS (SELECT 1 FROM communities vc WHERE vc.id = " + id + " AND (" + recipientSeesCommunitySQL(u, "vc") +
			" OR " + recipientInvitedSQL(u, maillage.InviteCommunity, "vc.id") + "))"
	case maillage.SubjectNoteInvitation:
		// An invitation shows the item's title to the person invited, and
		// stays readable by whoever may see the item (once accepted).
		return "(" + recipientInvitedSQL(u, maillage.InviteNote, id) + " OR " + subjectExistsVisibleSQL(u, maillage.SubjectNote, id) + ")"
	case maillage.SubjectNotebookInvitation:
		return "(" + recipientInvitedSQL(u, maillage.InviteNotebook, id) + " OR " +
			subjectExistsVisibleSQL(u, maillage.SubjectNotebook, id) + ")"
	case maillage.SubjectKnowledgeBaseInvitation:
		return "(" + recipientInvitedSQL(u, maillage.InviteKnowledgeBase, id) + " OR EXISTS (SELECT 1 FROM knowledge_bases vk WHERE vk.id = " +
			id + " AND " + recipientSeesContentSQL(u, knowledgeBaseRule("vk")) + "))"
	case maillage.SubjectMeeting:
		return "EXISTS (SELECT 1 FROM meetings vm JOIN communities vmc ON vmc.id = vm.community_id WHERE vm.id = " + id + " AND " +
			forRecipient(u).where(meetingRule("vm", "vmc")) + ")"
	case maillage.SubjectMeetingInvitation:
		return "(" + recipientInvitedSQL(u, maillage.InviteMeeting, id) + " OR " + subjectExistsVisibleSQL(u, maillage.SubjectMeeting, id) + ")"
	case maillage.SubjectConversation:
		return "EXISTS (SELECT 1 FROM conversation_participants vp WHERE vp.conversation_id = " + id +
			" AND vp.user_id = " + u + " AND vp.left_at IS NULL)"
	case maillage.SubjectUser:
		return "EXISTS (SELECT 1 FROM users vu WHERE vu.id = " + id + " AND " + forRecipient(u).where(profileRule("vu")) + ")"
	case maillage.SubjectTag:
		// Stricter than maillage.CanViewTag, which counts visible uses: a
		// notification names a curated tag, or one the recipient made.
		return "EXISTS (SELECT 1 FROM tags vg WHERE vg.id = " + id + " AND (vg.kind = 'curated' OR vg.created_by = " + u + "))"
	case maillage.SubjectNomination:
		return "EXISTS (SELECT 1 FROM nomination_requests vq WHERE vq.id = " + id + " AND " + forRecipient(u).where(nominationRule("vq")) + ")"
	}
	return "FALSE"
}

// recipientInvitedSQL is maillage.CanViewInvitation for the recipient u
// and the pending invitations of kind k to the item whose ID is the SQL
// expression id.
func recipientInvitedSQL(u string, k maillage.InvitationKind, id string) string {
	t, err := invitationTableOf(k)
	if err != nil {
		return "FALSE"
	}
	return forRecipient(u).where(invitationRule(t, id))
}

// invitationRule describes the pending invitations of one item (its ID
// is the SQL expression id) to maillage.InvitationAudiences.
func invitationRule(t invitationTable, id string) rule {
	invitees := sqlRef{table: t.table, key: t.key, row: id, extra: "status = 'pending'"}
	return rule{refs: map[string]sqlRef{"invitees": invitees},
		states: []ruleState{{cond: "TRUE", audiences: maillage.InvitationAudiences([]string{ref("invitees")})}}}
}

// NotifiableSubjects are the subject types a notification may be about:
// the ones subjectExistsVisibleSQL has a rule for.
func NotifiableSubjects() []maillage.SubjectType {
	return []maillage.SubjectType{
		maillage.SubjectNote, maillage.SubjectNotebook, maillage.SubjectThread, maillage.SubjectReply,
		maillage.SubjectCommunity, maillage.SubjectConversation, maillage.SubjectUser, maillage.SubjectTag,
		maillage.SubjectNoteInvitation, maillage.SubjectNotebookInvitation, maillage.SubjectKnowledgeBaseInvitation,
		maillage.SubjectMeeting, maillage.SubjectMeetingInvitation,
		maillage.SubjectNomination,
	}
}

// storedSubjectVisibleSQL is subjectExistsVisibleSQL for a type stored in
// a column (typ) rather than known in Go.
func storedSubjectVisibleSQL(u, typ, id string) string {
	s := "(CASE " + typ
	for _, t := range NotifiableSubjects() {
		s += " WHEN '" + string(t) + "' THEN " + subjectExistsVisibleSQL(u, t, id)
	}
	return s + " ELSE FALSE END)"
}

// notificationVisibleSQL is true when the stored recipient of the
// notification aliased n may still see what it is about: its subject,
// its parent if any, and not from someone they have since blocked.
func notificationVisibleSQL(n string) string {
	u := n + ".user_id"
	return "(" + storedSubjectVisibleSQL(u, n+".subject_type", n+".subject_id") +
		" AND (" + n + ".parent_type = '' OR " + storedSubjectVisibleSQL(u, n+".parent_type", n+".parent_id") + ")" +
		" AND NOT EXISTS (SELECT 1 FROM user_blocks vbk WHERE vbk.blocker_id = " + u + " AND vbk.blocked_id = " + n + ".actor_id))"
}

// subjectTitleSQL is the current title of the subject stored in the typ
// and id columns: a reply is titled by its thread, a person by their name.
func subjectTitleSQL(typ, id string) string {
	return "(CASE " + typ +
		" WHEN 'note' THEN (SELECT tn.title FROM notes tn WHERE tn.id = " + id + ")" +
		" WHEN 'notebook' THEN (SELECT tb.title FROM notebooks tb WHERE tb.id = " + id + ")" +
		" WHEN 'thread' THEN (SELECT tt.title FROM threads tt WHERE tt.id = " + id + ")" +
		" WHEN 'reply' THEN (SELECT tt.title FROM replies tr JOIN threads tt ON tt.id = tr.thread_id WHERE tr.id = " + id + ")" +
		" WHEN 'community' THEN (SELECT tc.name FROM communities tc WHERE tc.id = " + id + ")" +
		" WHEN 'conversation' THEN (SELECT tv.subject FROM conversations tv WHERE tv.id = " + id + ")" +
		" WHEN 'user' THEN (SELECT tu.name FROM users tu WHERE tu.id = " + id + ")" +
		" WHEN 'tag' THEN (SELECT tg.label FROM tags tg WHERE tg.id = " + id + ")" +
		" WHEN 'note_invitation' THEN (SELECT tn.title FROM notes tn WHERE tn.id = " + id + ")" +
		" WHEN 'notebook_invitation' THEN (SELECT tb.title FROM notebooks tb WHERE tb.id = " + id + ")" +
		" WHEN 'knowledge_base_invitation' THEN (SELECT tk.title FROM knowledge_bases tk WHERE tk.id = " + id + ")" +
		" WHEN 'meeting' THEN (SELECT tm.title FROM meetings tm WHERE tm.id = " + id + ")" +
		" WHEN 'meeting_invitation' THEN (SELECT tm.title FROM meetings tm WHERE tm.id = " + id + ")" +
		" WHEN 'nomination' THEN (SELECT tq.tag_label FROM nomination_requests tq WHERE tq.id = " + id + ")" +
		" END)"
}

// subjectRefSQL completes a subject's address: a reply's thread, a tag's slug.
func subjectRefSQL(typ, id string) string {
	return "(CASE " + typ +
		" WHEN 'reply' THEN (SELECT rr.thread_id FROM replies rr WHERE rr.id = " + id + ")" +
		" WHEN 'tag' THEN (SELECT rg.slug FROM tags rg WHERE rg.id = " + id + ")" +
		" END)"
}
