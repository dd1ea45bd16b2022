package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// AnswerMeeting records the viewer's answer (yes, no, maybe) to one
// occurrence: the community's members may, for an occurrence that is not
// cancelled. Answering again replaces the answer.
func (s *Service) AnswerMeeting(ctx context.Context, v maillage.Viewer, id string, occurrence time.Time, answer maillage.RSVP) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	m, access, err := s.visibleMeeting(ctx, v, id)
	if err != nil {
		return err
	}
	if !answer.Valid() {
		return meetingFieldError("answer", "field.invalid_choice")
	}
	if !maillage.CanAnswerMeeting(v, access) {
		return maillage.Errorf(maillage.CodeForbidden, "meeting.members_answer")
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return err
	}
	if m.Cancelled() || changeOf(m, occ).Status == maillage.OccurrenceCancelled {
		return maillage.Errorf(maillage.CodeConflict, "meeting.occurrence_cancelled")
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetRSVP(ctx, id, occ, v.UserID, answer) })
}

// Attendance lists who answered and who came to one occurrence: the
// community's managers (who record attendance) may see it. A zero
// occurrence names the latest one that has begun, or else the first to
// come. It returns the occurrence used.
func (s *Service) Attendance(ctx context.Context, v maillage.Viewer, id string, occurrence time.Time) ([]maillage.Attendance, time.Time, error) {
	m, err := s.managedMeeting(ctx, v, id)
	if err != nil {
		return nil, time.Time{}, err
	}
	if occurrence.IsZero() {
		if occurrence, err = s.defaultOccurrence(m); err != nil {
			return nil, time.Time{}, err
		}
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return nil, time.Time{}, err
	}
	rows, err := s.db.OccurrenceAttendance(ctx, id, occ)
	return rows, occ, err
}

// defaultOccurrence is the occurrence a page shows when none is named:
// the latest one that has begun, or else the first to come.
func (s *Service) defaultOccurrence(m *maillage.Meeting) (time.Time, error) {
	series, err := meetingSeries(m)
	if err != nil {
		return time.Time{}, err
	}
	now := s.db.Now()
	past, err := series.Occurrences(series.Start, now, 0)
	if err != nil {
		return time.Time{}, err
	}
	if len(past) > 0 {
		return past[len(past)-1].Original.UTC(), nil
	}
	next, err := series.Next(now, 1)
	if err != nil || len(next) == 0 {
		return series.Start.UTC(), err
	}
	return next[0].Original.UTC(), nil
}

// RecordAttendance records who came to one occurrence (true), who did not
// (false) or clears the record (nil): the community's managers may, for
// members of the community only. Every name is checked before anything is
// written, so a list with one mistake loses nothing and can be sent again.
func (s *Service) RecordAttendance(ctx context.Context, v maillage.Viewer, id string, occurrence time.Time, attended map[string]*bool) error {
	m, err := s.managedMeeting(ctx, v, id)
	if err != nil {
		return err
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return err
	}
	if len(attended) > maillage.MaxAttendanceBatch {
		return &maillage.Error{Code: maillage.CodeTooLarge, MessageID: "meeting.attendance_too_many",
			Data: map[string]any{"Max": maillage.MaxAttendanceBatch}}
	}
	members, err := s.db.MeetingPeople(ctx, m.CommunityID)
	if err != nil {
		return err
	}
	isMember := make(map[string]bool, len(members))
	for _, id := range members {
		isMember[id] = true
	}
	for userID := range attended {
		if !isMember[userID] {
			return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
				Fields: []maillage.FieldError{{Field: "user_id", MessageID: "meeting.attendee_not_member"}}}
		}
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.RecordAttendance(ctx, id, occ, attended) })
}
