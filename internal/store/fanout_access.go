package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// SubjectAccess is what the access policy needs to know about the
// subject (or parent) of a notification, whatever its type. Only the
// fields of its Type are set.
type SubjectAccess struct {
	Type maillage.SubjectType
	ID   string
	// Content is a note's or a notebook's access.
	Content maillage.ContentAccess
	// Thread is a thread's access, or the access of a reply's thread.
	Thread maillage.ThreadAccess
	// Reply is a reply's own access (its hidden flag and author), seen
	// within its thread; ReplyDeleted marks a tombstone.
	Reply        maillage.ThreadAccess
	ReplyDeleted bool
	// Community is a community subject; InvitedIDs are the people with a
	// pending invitation to it, or to the note, notebook or knowledge base
	// of an invitation subject.
	Community  maillage.CommunityAccess
	InvitedIDs []string
	// ParticipantIDs are a conversation's current participants.
	ParticipantIDs []string
	// Tag is a tag's access (VisibleUses is not counted).
	Tag maillage.TagAccess
	// Meeting is a meeting's access (and an invitation to take its notes).
	Meeting maillage.MeetingAccess
	// Nomination is a nomination request's access.
	Nomination maillage.NominationAccess
}

// SubjectAccess loads the policy inputs of a subject. A subject that does
// not exist, or of a type notifications do not know, is not found.
func (db *DB) SubjectAccess(ctx context.Context, typ maillage.SubjectType, id string) (*SubjectAccess, error) {
	a := &SubjectAccess{Type: typ, ID: id}
	var err error
	switch typ {
	case maillage.SubjectNote:
		err = db.noteAccess(ctx, id, a)
	case maillage.SubjectNotebook:
		err = db.notebookAccess(ctx, id, a)
	case maillage.SubjectThread:
		a.Thread, err = db.threadAccess(ctx, id)
	case maillage.SubjectReply:
		err = db.replyAccess(ctx, id, a)
	case maillage.SubjectCommunity:
		err = db.communitySubjectAccess(ctx, id, a)
	case maillage.SubjectNoteInvitation:
		if err = db.noteAccess(ctx, id, a); err == nil {
			a.InvitedIDs, err = db.InvitedIDs(ctx, maillage.InviteNote, id)
		}
	case maillage.SubjectNotebookInvitation:
		if err = db.notebookAccess(ctx, id, a); err == nil {
			a.InvitedIDs, err = db.InvitedIDs(ctx, maillage.InviteNotebook, id)
		}
	case maillage.SubjectKnowledgeBaseInvitation:
		if err = db.knowledgeBaseAccess(ctx, id, a); err == nil {
			a.InvitedIDs, err = db.InvitedIDs(ctx, maillage.InviteKnowledgeBase, id)
		}
	case maillage.SubjectMeeting:
		a.Meeting, err = db.meetingAccess(ctx, id)
	case maillage.SubjectMeetingInvitation:
		if a.Meeting, err = db.meetingAccess(ctx, id); err == nil {
			a.InvitedIDs, err = db.InvitedIDs(ctx, maillage.InviteMeeting, id)
		}
	case maillage.SubjectConversation:
		a.ParticipantIDs, err = db.notifyIDs(ctx, `SELECT user_id FROM conversation_participants WHERE conversation_id = $1 AND left_at IS NULL`, id)
		if err == nil && len(a.ParticipantIDs) == 0 {
			err = maillage.ErrNotFound
		}
	case maillage.SubjectUser:
		var n int
		err = db.queryRow(ctx, `SELECT COUNT(*) FROM users WHERE id = $1`, id).Scan(&n)
		if err == nil && n == 0 {
			err = maillage.ErrNotFound
		}
	case maillage.SubjectTag:
		var kind string
		var by sql.NullString
		err = db.queryRow(ctx, `SELECT kind, created_by FROM tags WHERE id = $1`, id).Scan(&kind, &by)
		a.Tag = maillage.TagAccess{Curated: kind == string(maillage.TagCurated), CreatedBy: by.String}
	case maillage.SubjectNomination:
		err = db.queryRow(ctx, `SELECT requester_id FROM nomination_requests WHERE id = $1`, id).Scan(&a.Nomination.RequesterID)
		if err == nil {
			a.Nomination.RespondentIDs, err = db.NominationRespondentIDs(ctx, id)
		}
	default:
		err = maillage.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("subject %s %s: %w", typ, id, mapError(err))
	}
	return a, nil
}

func (db *DB) noteAccess(ctx context.Context, id string, a *SubjectAccess) error {
	var vis string
	var community sql.NullString
	if err := db.queryRow(ctx, `SELECT visibility, community_id FROM notes WHERE id = $1`, id).Scan(&vis, &community); err != nil {
		return err
	}
	owners, err := db.notifyIDs(ctx, `SELECT user_id FROM note_authors WHERE note_id = $1`, id)
	a.Content = maillage.ContentAccess{Visibility: maillage.Visibility(vis), CommunityID: community.String, OwnerIDs: owners}
	return err
}

func (db *DB) notebookAccess(ctx context.Context, id string, a *SubjectAccess) error {
	return db.roleItemAccess(ctx, notebookRoles, "notebooks", id, a)
}

func (db *DB) knowledgeBaseAccess(ctx context.Context, id string, a *SubjectAccess) error {
	return db.roleItemAccess(ctx, knowledgeBaseRoles, "knowledge_bases", id, a)
}

// roleItemAccess loads the access of a notebook or a knowledge base: its
// visibility, community and the people with a role in it.
func (db *DB) roleItemAccess(ctx context.Context, t roleTable, items, id string, a *SubjectAccess) error {
	var vis string
	var community sql.NullString
	if err := db.queryRow(ctx, `SELECT visibility, community_id FROM `+items+` WHERE id = $1`, id).Scan(&vis, &community); err != nil {
		return err
	}
	a.Content = maillage.ContentAccess{Visibility: maillage.Visibility(vis), CommunityID: community.String}
	rows, err := db.query(ctx, `SELECT user_id, role FROM `+string(t)+` WHERE `+t.key()+` = $1`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var user, role string
		if err := rows.Scan(&user, &role); err != nil {
			return err
		}
		if maillage.NotebookRole(role) == maillage.NotebookManager {
			a.Content.OwnerIDs = append(a.Content.OwnerIDs, user)
		} else {
			a.Content.ContributorIDs = append(a.Content.ContributorIDs, user)
		}
	}
	return rows.Err()
}

func (db *DB) threadAccess(ctx context.Context, id string) (maillage.ThreadAccess, error) {
	var t maillage.ThreadAccess
	var vis string
	var author sql.NullString
	err := db.queryRow(ctx, `SELECT c.id, c.visibility, c.listed, t.author_id, t.hidden
		FROM threads t JOIN communities c ON c.id = t.community_id WHERE t.id = $1`, id).
		Scan(&t.Community.ID, &vis, &t.Community.Listed, &author, &t.Hidden)
	t.Community.Visibility, t.AuthorID = maillage.Visibility(vis), author.String
	return t, err
}

func (db *DB) replyAccess(ctx context.Context, id string, a *SubjectAccess) error {
	var thread string
	var author sql.NullString
	var deleted sql.NullTime
	if err := db.queryRow(ctx, `SELECT thread_id, author_id, hidden, deleted_at FROM replies WHERE id = $1`, id).
		Scan(&thread, &author, &a.Reply.Hidden, &deleted); err != nil {
		return err
	}
	var err error
	if a.Thread, err = db.threadAccess(ctx, thread); err != nil {
		return err
	}
	a.Reply.Community, a.Reply.AuthorID, a.ReplyDeleted = a.Thread.Community, author.String, deleted.Valid
	return nil
}

func (db *DB) communitySubjectAccess(ctx context.Context, id string, a *SubjectAccess) error {
	var vis string
	if err := db.queryRow(ctx, `SELECT id, visibility, listed FROM communities WHERE id = $1`, id).
		Scan(&a.Community.ID, &vis, &a.Community.Listed); err != nil {
		return err
	}
	a.Community.Visibility = maillage.Visibility(vis)
	var err error
	a.InvitedIDs, err = db.notifyIDs(ctx, `SELECT user_id FROM community_invitations WHERE community_id = $1 AND status = 'pending'`, id)
	return err
}

// notifyIDs runs a query returning one column of IDs.
func (db *DB) notifyIDs(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// SubjectVisibleTo reports, through the SQL mirror, whether a person may
// see a subject. It serves the checks made at sending time and the test
// that holds the mirror to the Go policy.
func (db *DB) SubjectVisibleTo(ctx context.Context, userID string, typ maillage.SubjectType, id string) (bool, error) {
	var ok bool
	// The derived table types both parameters, whichever the rule uses.
	err := db.queryRow(ctx, `SELECT `+subjectExistsVisibleSQL("p.u", typ, "p.i")+
		` FROM (SELECT CAST($1 AS TEXT) AS u, CAST($2 AS TEXT) AS i) p`, userID, id).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("subject visible: %w", mapError(err))
	}
	return ok, nil
}
