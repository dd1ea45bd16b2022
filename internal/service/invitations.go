package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Putting a person's name on something takes their consent (see
// maillage.Invitation): the rules of invitations to every kind of item
// are written once here, with an invitable describing each kind.

// invitable is what the rules need to know of one kind of item.
type invitable struct {
	kind maillage.InvitationKind
	// manage checks that the viewer may invite people to the item and see
	// or withdraw its invitations: not found when the item is invisible,
	// forbidden when it is not theirs to manage.
	manage func(ctx context.Context, v maillage.Viewer, id string) error
	// roles are the roles an invitation may offer, the default first.
	roles []string
	// current returns the person's role in the item ("" for none).
	current func(ctx context.Context, tx *store.Tx, itemID, userID string) (string, error)
	// grant gives an accepted role, inside the answer's transaction.
	grant func(ctx context.Context, tx *store.Tx, itemID, userID, role string) error
	// already is the message when the person holds the role already.
	already string
}

// roleManager is the one role above the others in every kind of item.
const roleManager = "manager"

// covers reports whether holding role cur makes an invitation to role
// offered pointless: the same role, or management, which covers the rest.
func covers(cur, offered string) bool {
	return cur != "" && (cur == offered || cur == roleManager)
}

func (s *Service) invitable(k maillage.InvitationKind) (invitable, error) {
	switch k {
	case maillage.InviteCommunity:
		return s.communityInvitable(), nil
	case maillage.InviteNote:
		return s.noteInvitable(), nil
	case maillage.InviteNotebook:
		return s.roleInvitable(k, notebookRoleOps(), func(ctx context.Context, v maillage.Viewer, id string) error {
			_, err := s.managedNotebook(ctx, v, id)
			return err
		}), nil
	case maillage.InviteMeeting:
		return s.meetingInvitable(), nil
	case maillage.InviteKnowledgeBase:
		return s.roleInvitable(k, knowledgeBaseRoleOps(), func(ctx context.Context, v maillage.Viewer, id string) error {
			_, err := s.managedKnowledgeBase(ctx, v, id)
			return err
		}), nil
	}
	return invitable{}, maillage.ErrNotFound
}

func (s *Service) communityInvitable() invitable {
	return invitable{kind: maillage.InviteCommunity,
		manage: func(ctx context.Context, v maillage.Viewer, id string) error {
			_, err := s.managedCommunity(ctx, v, id)
			return err
		},
		roles: []string{string(maillage.RoleMember), string(maillage.RoleManager)},
		current: func(ctx context.Context, tx *store.Tx, itemID, userID string) (string, error) {
			role, err := tx.MemberRole(ctx, itemID, userID)
			if maillage.IsNotFound(err) {
				return "", nil
			}
			return string(role), err
		},
		grant: func(ctx context.Context, tx *store.Tx, itemID, userID, role string) error {
			if err := tx.UpsertMember(ctx, itemID, userID, maillage.Role(role)); err != nil {
				return err
			}
			// Notes whose authors are the community's managers follow:
			// managing a community is consenting to sign them.
			return s.SyncCommunityNoteAuthors(ctx, tx, itemID)
		},
		already: "discussion.already_member"}
}

func (s *Service) noteInvitable() invitable {
	return invitable{kind: maillage.InviteNote,
		manage: func(ctx context.Context, v maillage.Viewer, id string) error {
			n, err := s.editableNote(ctx, v, id)
			if err != nil {
				return err
			}
			if n.AuthorsAreManagers {
				return maillage.Errorf(maillage.CodeConflict, "note.authors_follow_managers")
			}
			return nil
		},
		roles: []string{maillage.RoleAuthor},
		current: func(ctx context.Context, tx *store.Tx, itemID, userID string) (string, error) {
			n, err := tx.Note(ctx, itemID)
			if err != nil {
				return "", err
			}
			for _, id := range n.AuthorIDs() {
				if id == userID {
					return maillage.RoleAuthor, nil
				}
			}
			return "", nil
		},
		grant: func(ctx context.Context, tx *store.Tx, itemID, userID, _ string) error {
			n, err := tx.Note(ctx, itemID)
			if err != nil {
				return err
			}
			if n.AuthorsAreManagers {
				// The note's authors became its community's managers since.
				return maillage.Errorf(maillage.CodeConflict, "note.authors_follow_managers")
			}
			return tx.AddNoteAuthor(ctx, itemID, userID)
		},
		already: "consent.already_author"}
}

func (s *Service) roleInvitable(k maillage.InvitationKind, ops roleOps, manage func(context.Context, maillage.Viewer, string) error) invitable {
	return invitable{kind: k, manage: manage,
		roles: []string{string(maillage.NotebookContributor), string(maillage.NotebookManager)},
		current: func(ctx context.Context, tx *store.Tx, itemID, userID string) (string, error) {
			role, err := ops.role(tx, ctx, itemID, userID)
			if maillage.IsNotFound(err) {
				return "", nil
			}
			return string(role), err
		},
		grant: func(ctx context.Context, tx *store.Tx, itemID, userID, role string) error {
			return ops.upsert(tx, ctx, itemID, userID, maillage.NotebookRole(role))
		},
		already: "consent.already_member"}
}

// InvitePerson invites someone to take a role in an item: the people
// who manage the item (the authors of a note) may. The person must be
// someone the viewer can see, not the viewer (who adds themselves
// directly), not already in that role, and neither blocked by nor
// blocking the viewer. Inviting again someone with a pending invitation
// changes nothing and tells them nothing new. role "" offers the default
// role (member, author, contributor).
func (s *Service) InvitePerson(ctx context.Context, v maillage.Viewer, k maillage.InvitationKind, itemID, userID, role string) (*maillage.Invitation, error) {
	it, err := s.invitable(k)
	if err != nil {
		return nil, err
	}
	if err := it.manage(ctx, v, itemID); err != nil {
		return nil, err
	}
	if role, err = it.role(role); err != nil {
		return nil, err
	}
	if err := s.checkInvitee(ctx, v, userID, "user_id"); err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		cur, err := it.current(ctx, tx, itemID, userID)
		if err != nil {
			return err
		}
		if covers(cur, role) {
			return &maillage.Error{Code: maillage.CodeConflict, MessageID: it.already,
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: it.already}}}
		}
		return s.invite(ctx, tx, v, k, itemID, userID, role)
	})
	if err != nil {
		return nil, err
	}
	return s.db.PendingInvitation(ctx, k, itemID, userID)
}

// role checks the role offered, the default for "".
func (it invitable) role(role string) (string, error) {
	if role == "" {
		return it.roles[0], nil
	}
	for _, r := range it.roles {
		if r == role {
			return role, nil
		}
	}
	return "", &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: "role", MessageID: "field.invalid_choice"}}}
}

// checkInvitee refuses to invite oneself, someone unknown or invisible to
// the viewer (both not found, like any profile one may not see), and
// anyone a block stands between.
func (s *Service) checkInvitee(ctx context.Context, v maillage.Viewer, userID, field string) error {
	if userID == "" {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: field, MessageID: "field.required"}}}
	}
	if userID == v.UserID {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "consent.invite_self",
			Fields: []maillage.FieldError{{Field: field, MessageID: "consent.invite_self"}}}
	}
	u, err := s.visibleUser(ctx, v, userID)
	if maillage.IsNotFound(err) {
		return &maillage.Error{Code: maillage.CodeNotFound, MessageID: "consent.unknown_person",
			Fields: []maillage.FieldError{{Field: field, MessageID: "consent.unknown_person"}}}
	}
	if err != nil {
		return err
	}
	return checkInviteBlocks(ctx, s.db, v.UserID, u, field)
}

// visibleUser returns an account whose profile the viewer may see;
// otherwise not found, like an account that does not exist (or no longer).
func (s *Service) visibleUser(ctx context.Context, v maillage.Viewer, userID string) (*maillage.User, error) {
	u, err := s.db.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	if !maillage.CanViewProfile(v, u.Access()) {
		return nil, maillage.ErrNotFound
	}
	return u, nil
}

// checkInviteBlocks refuses an invitation between people a block stands
// between. Like messages, it tells the viewer that the person does not
// take their invitations, and nothing more; a block of their own they
// are reminded of, to lift it first.
func checkInviteBlocks(ctx context.Context, r blockReader, inviterID string, u *maillage.User, field string) error {
	blockers, err := r.BlockersOf(ctx, inviterID, []string{u.ID})
	if err != nil {
		return err
	}
	if len(blockers) > 0 {
		return &maillage.Error{Code: maillage.CodeForbidden, MessageID: "consent.blocked",
			Fields: []maillage.FieldError{{Field: field, MessageID: "consent.blocked"}}}
	}
	blocked, err := r.BlockedBy(ctx, inviterID, []string{u.ID})
	if err != nil {
		return err
	}
	if len(blocked) > 0 {
		data := map[string]any{"Name": u.Name}
		return &maillage.Error{Code: maillage.CodeForbidden, MessageID: "consent.you_blocked", Data: data,
			Fields: []maillage.FieldError{{Field: field, MessageID: "consent.you_blocked", Data: data}}}
	}
	return nil
}

// invite records an invitation inside the change that makes it and, when
// it is new, tells the invitee (in the application, and by email as
// their preferences say).
func (s *Service) invite(ctx context.Context, tx *store.Tx, v maillage.Viewer, k maillage.InvitationKind, itemID, userID, role string) error {
	isNew, err := tx.UpsertInvitation(ctx, k, itemID, userID, v.UserID, role)
	if err != nil || !isNew {
		return err
	}
	ev := maillage.Event{Kind: k.EventKind(role), ActorID: v.UserID, SubjectType: k.SubjectType(), SubjectID: itemID,
		RecipientIDs: []string{userID}}
	if k == maillage.InviteCommunity {
		ev.CommunityID = itemID
	}
	return tx.Enqueue(ctx, maillage.JobNotify, ev)
}

// settleInvitationNotifications marks read what told a person of their
// invitation to an item, once it is answered or withdrawn.
func settleInvitationNotifications(ctx context.Context, tx *store.Tx, k maillage.InvitationKind, itemID, userID string) error {
	for _, ek := range k.EventKinds() {
		if err := tx.SettleNotifications(ctx, userID, ek, k.SubjectType(), itemID); err != nil {
			return err
		}
	}
	return nil
}

// ItemInvitations lists an item's unanswered and declined invitations,
// for the people who manage it.
func (s *Service) ItemInvitations(ctx context.Context, v maillage.Viewer, k maillage.InvitationKind, itemID string) ([]maillage.Invitation, error) {
	it, err := s.invitable(k)
	if err != nil {
		return nil, err
	}
	if err := it.manage(ctx, v, itemID); err != nil && !isAuthorsFollowManagers(err) {
		return nil, err
	}
	return s.db.ItemInvitations(ctx, k, itemID)
}

// isAuthorsFollowManagers tells apart the one refusal that forbids new
// invitations to a note but not looking at, or withdrawing, old ones.
func isAuthorsFollowManagers(err error) bool {
	e := maillage.AsError(err)
	return err != nil && e.MessageID == "note.authors_follow_managers"
}

// WithdrawItemInvitation takes back an unanswered (or declined)
// invitation: the people who manage the item may.
func (s *Service) WithdrawItemInvitation(ctx context.Context, v maillage.Viewer, k maillage.InvitationKind, itemID, userID string) error {
	it, err := s.invitable(k)
	if err != nil {
		return err
	}
	if err := it.manage(ctx, v, itemID); err != nil && !isAuthorsFollowManagers(err) {
		return err
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteInvitation(ctx, k, itemID, userID); err != nil {
			return err
		}
		return settleInvitationNotifications(ctx, tx, k, itemID, userID)
	})
}

// MyInvitations lists the viewer's unanswered invitations of every kind.
// Each shows the item's title (and a community's description), even when
// the viewer may not see the item otherwise: that is what they are asked
// to accept, and all the invitation opens.
func (s *Service) MyInvitations(ctx context.Context, v maillage.Viewer) ([]maillage.Invitation, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	return s.db.UserInvitations(ctx, v.UserID)
}

// PendingItemInvitation returns the viewer's unanswered invitation to an
// item; not found for anyone else.
func (s *Service) PendingItemInvitation(ctx context.Context, v maillage.Viewer, k maillage.InvitationKind, itemID string) (*maillage.Invitation, error) {
	if !v.SignedIn() {
		return nil, maillage.ErrNotFound
	}
	return s.db.PendingInvitation(ctx, k, itemID, v.UserID)
}

// AnswerItemInvitation accepts or declines the viewer's pending
// invitation; accepting gives the role offered (a higher role held
// already stays). An invitation withdrawn or answered already is not
// found. It returns the invitation as answered.
func (s *Service) AnswerItemInvitation(ctx context.Context, v maillage.Viewer, k maillage.InvitationKind, itemID string, accept bool) (*maillage.Invitation, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	it, err := s.invitable(k)
	if err != nil {
		return nil, err
	}
	inv, err := s.db.PendingInvitation(ctx, k, itemID, v.UserID)
	if err != nil {
		return nil, err
	}
	status := maillage.InvitationDeclined
	if accept {
		status = maillage.InvitationAccepted
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		role, err := tx.AnswerInvitation(ctx, k, itemID, v.UserID, status)
		if err != nil {
			return err
		}
		if err := settleInvitationNotifications(ctx, tx, k, itemID, v.UserID); err != nil {
			return err
		}
		if !accept {
			return nil
		}
		cur, err := it.current(ctx, tx, itemID, v.UserID)
		if err != nil || covers(cur, role) {
			return err
		}
		return it.grant(ctx, tx, itemID, v.UserID, role)
	})
	if err != nil {
		return nil, err
	}
	inv.Status = status
	return inv, nil
}

// Community invitations, under the names the discussion pages and the
// API have used from the start.

// Invite lets a manager invite someone they can see to join the
// community as a member (see InvitePerson).
func (s *Service) Invite(ctx context.Context, v maillage.Viewer, communityID, userID string) error {
	_, err := s.InvitePerson(ctx, v, maillage.InviteCommunity, communityID, userID, "")
	return err
}

// CommunityInvitations lists a community's unanswered and declined
// invitations, for its managers.
func (s *Service) CommunityInvitations(ctx context.Context, v maillage.Viewer, communityID string) ([]maillage.Invitation, error) {
	return s.ItemInvitations(ctx, v, maillage.InviteCommunity, communityID)
}

// WithdrawInvitation lets a manager take back an invitation.
func (s *Service) WithdrawInvitation(ctx context.Context, v maillage.Viewer, communityID, userID string) error {
	return s.WithdrawItemInvitation(ctx, v, maillage.InviteCommunity, communityID, userID)
}

// PendingInvitation returns the viewer's unanswered invitation to a
// community. It is the one way an unlisted private community shows itself
// to a non-member: its name and description, on the invitation alone.
func (s *Service) PendingInvitation(ctx context.Context, v maillage.Viewer, communityID string) (*maillage.Invitation, error) {
	return s.PendingItemInvitation(ctx, v, maillage.InviteCommunity, communityID)
}

// AnswerInvitation accepts (the viewer becomes a member, or a manager
// when invited to manage) or declines the viewer's pending invitation.
func (s *Service) AnswerInvitation(ctx context.Context, v maillage.Viewer, communityID string, accept bool) error {
	_, err := s.AnswerItemInvitation(ctx, v, maillage.InviteCommunity, communityID, accept)
	return err
}
