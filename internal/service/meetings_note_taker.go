package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// meetingInvitable is the invitation to take a meeting's notes: the
// community's managers name the note-taker; someone else becomes it only
// by accepting, like co-authors and members. A manager who names
// themselves takes the role at once (see SetNoteTaker).
func (s *Service) meetingInvitable() invitable {
	return invitable{kind: maillage.InviteMeeting,
		manage: func(ctx context.Context, v maillage.Viewer, id string) error {
			_, err := s.managedMeeting(ctx, v, id)
			return err
		},
		roles: []string{maillage.RoleNoteTaker},
		current: func(ctx context.Context, tx *store.Tx, itemID, userID string) (string, error) {
			cur, err := tx.MeetingNoteTaker(ctx, itemID)
			if err != nil || cur != userID {
				return "", err
			}
			return maillage.RoleNoteTaker, nil
		},
		grant: func(ctx context.Context, tx *store.Tx, itemID, userID, _ string) error {
			// The note-taker is replaceable: the one who accepts last takes over.
			return tx.SetMeetingNoteTaker(ctx, itemID, userID)
		},
		already: "meeting.already_note_taker"}
}

// SetNoteTaker names a meeting's note-taker: the viewer themselves (a
// manager) at once; anyone else by invitation, taking the role when they
// accept. userID "" leaves the meeting without a note-taker. It returns
// the invitation sent, if any.
func (s *Service) SetNoteTaker(ctx context.Context, v maillage.Viewer, meetingID, userID string) (*maillage.Invitation, error) {
	m, err := s.managedMeeting(ctx, v, meetingID)
	if err != nil {
		return nil, err
	}
	if userID == "" || userID == v.UserID {
		if m.NoteTakerID == userID {
			return nil, nil
		}
		return nil, s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetMeetingNoteTaker(ctx, meetingID, userID) })
	}
	members, err := s.db.MeetingPeople(ctx, m.CommunityID)
	if err != nil {
		return nil, err
	}
	found := false
	for _, id := range members {
		found = found || id == userID
	}
	if !found {
		return nil, meetingFieldError("user_id", "meeting.note_taker_not_member")
	}
	return s.InvitePerson(ctx, v, maillage.InviteMeeting, meetingID, userID, maillage.RoleNoteTaker)
}
