package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/recurrence"
	"github.com/maillage/maillage/internal/store"
)

// CreateMeeting schedules a meeting in a community: its managers may. A
// meeting in the past is accepted (to record one that took place) and
// reported by MeetingResult.InPast, so the page can say so. The same
// person sending the same title and start again within minutes gets the
// meeting already made (a double click).
func (s *Service) CreateMeeting(ctx context.Context, v maillage.Viewer, communityID string, in maillage.MeetingInput) (*MeetingResult, error) {
	c, err := s.managedCommunity(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	in, err = s.checkMeeting(in)
	if err != nil {
		return nil, err
	}
	m := &maillage.Meeting{ID: auth.NewID(), CommunityID: c.ID, CommunityName: c.Name, CreatedBy: v.UserID}
	fillMeeting(m, in)
	var existing string
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		id, err := tx.RecentMeetingByCreator(ctx, v.UserID, c.ID, m.Title, m.StartsAt, tx.Now().Add(-duplicateWindow))
		if err == nil {
			existing = id
			return nil
		}
		if !maillage.IsNotFound(err) {
			return err
		}
		if m.Tags, err = tx.EnsureTags(ctx, in.Tags, v.UserID); err != nil {
			return err
		}
		return tx.CreateMeeting(ctx, m)
	})
	if err != nil {
		return nil, err
	}
	if existing != "" {
		m, err = s.db.Meeting(ctx, existing)
		if err != nil {
			return nil, err
		}
	}
	return s.meetingResult(m)
}

// MeetingResult is a meeting just written, with what the writer should know.
type MeetingResult struct {
	Meeting *maillage.Meeting
	// InPast: every occurrence is over (recorded for the archive; nobody
	// is reminded of it).
	InPast bool
}

func (s *Service) meetingResult(m *maillage.Meeting) (*MeetingResult, error) {
	series, err := meetingSeries(m)
	if err != nil {
		return nil, err
	}
	next, err := series.Next(s.db.Now(), 1)
	if err != nil {
		return nil, err
	}
	return &MeetingResult{Meeting: m, InPast: len(next) == 0}, nil
}

// UpdateMeeting changes a meeting (its managers): moving the first start
// or changing the rule moves the whole series. Calendars see a new SEQUENCE
// and the people concerned are told.
func (s *Service) UpdateMeeting(ctx context.Context, v maillage.Viewer, id string, in maillage.MeetingInput) (*MeetingResult, error) {
	m, err := s.managedMeeting(ctx, v, id)
	if err != nil {
		return nil, err
	}
	in, err = s.checkMeeting(in)
	if err != nil {
		return nil, err
	}
	fillMeeting(m, in)
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		if m.Tags, err = tx.EnsureTags(ctx, in.Tags, v.UserID); err != nil {
			return err
		}
		if err := tx.UpdateMeeting(ctx, m); err != nil {
			return err
		}
		return s.meetingNotice(ctx, tx, v, m, maillage.EventMeetingChanged, time.Time{})
	})
	if err != nil {
		return nil, err
	}
	return s.meetingResult(m)
}

// CancelMeeting cancels (or restores) a whole meeting or series: its
// managers may; the community's members and those who answered are told.
func (s *Service) CancelMeeting(ctx context.Context, v maillage.Viewer, id string, cancel bool) error {
	m, err := s.managedMeeting(ctx, v, id)
	if err != nil {
		return err
	}
	if m.Cancelled() == cancel {
		return nil // a second click changes nothing and tells nobody twice
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CancelMeeting(ctx, id, cancel); err != nil {
			return err
		}
		kind := maillage.EventMeetingCancelled
		if !cancel {
			kind = maillage.EventMeetingChanged
		}
		return s.meetingNotice(ctx, tx, v, m, kind, time.Time{})
	})
}

// CancelOccurrence cancels (or restores, with cancel false) one occurrence.
func (s *Service) CancelOccurrence(ctx context.Context, v maillage.Viewer, id string, occurrence time.Time, cancel bool) error {
	m, err := s.managedMeeting(ctx, v, id)
	if err != nil {
		return err
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return err
	}
	ch := changeOf(m, occ)
	status := maillage.OccurrenceCancelled
	if !cancel {
		status = maillage.OccurrenceScheduled
		if ch.StartsAt != nil {
			status = maillage.OccurrenceMoved
		}
	}
	if ch.Status == status || (!cancel && ch.Status == "") {
		return nil
	}
	ch.Status = status
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetOccurrence(ctx, id, ch); err != nil {
			return err
		}
		kind := maillage.EventMeetingCancelled
		if !cancel {
			kind = maillage.EventMeetingChanged
		}
		return s.meetingNotice(ctx, tx, v, m, kind, occ)
	})
}

// MoveOccurrence moves one occurrence to another start (and length;
// 0 keeps the series' length). It keeps its identity: answers, notebook
// and calendars follow it.
func (s *Service) MoveOccurrence(ctx context.Context, v maillage.Viewer, id string, occurrence, startsAt time.Time, durationMinutes int) error {
	m, err := s.managedMeeting(ctx, v, id)
	if err != nil {
		return err
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return err
	}
	if startsAt.IsZero() {
		return meetingFieldError("starts_at", "field.required")
	}
	if durationMinutes < 0 || durationMinutes > maillage.MaxMeetingDurationMin {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid", Fields: []maillage.FieldError{{Field: "duration_minutes",
			MessageID: "meeting.duration_range", Data: map[string]any{"Max": maillage.MaxMeetingDurationMin}}}}
	}
	if err := checkOffset(startsAt, m.Timezone); err != nil {
		return err
	}
	ch := changeOf(m, occ)
	start := startsAt.UTC().Truncate(time.Second)
	ch.Status, ch.StartsAt, ch.DurationMinutes = maillage.OccurrenceMoved, &start, durationMinutes
	if start.Equal(occ) && durationMinutes == 0 {
		ch.Status, ch.StartsAt = maillage.OccurrenceScheduled, nil
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetOccurrence(ctx, id, ch); err != nil {
			return err
		}
		return s.meetingNotice(ctx, tx, v, m, maillage.EventMeetingChanged, occ)
	})
}

// managedMeeting returns a meeting the viewer may see and manage; not
// found when invisible, forbidden when visible but not theirs to manage.
func (s *Service) managedMeeting(ctx context.Context, v maillage.Viewer, id string) (*maillage.Meeting, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	m, access, err := s.visibleMeeting(ctx, v, id)
	if err != nil {
		return nil, err
	}
	if !maillage.CanManageMeeting(v, access) {
		return nil, maillage.ErrForbidden
	}
	return m, nil
}

// visibleMeeting loads a meeting and its access; not found unless the
// viewer may see it.
func (s *Service) visibleMeeting(ctx context.Context, v maillage.Viewer, id string) (*maillage.Meeting, maillage.MeetingAccess, error) {
	m, err := s.db.Meeting(ctx, id)
	if err != nil {
		return nil, maillage.MeetingAccess{}, err
	}
	c, err := s.db.Community(ctx, m.CommunityID)
	if err != nil {
		return nil, maillage.MeetingAccess{}, err
	}
	access := m.Access(c.Access())
	if !maillage.CanViewMeeting(v, access) {
		return nil, maillage.MeetingAccess{}, maillage.ErrNotFound
	}
	return m, access, nil
}

// checkMeeting trims and validates a meeting's input: fields, time zone,
// the start's offset on that date, and the recurrence rule.
func (s *Service) checkMeeting(in maillage.MeetingInput) (maillage.MeetingInput, error) {
	in.Title = maillage.CleanLine(in.Title)
	in.Description = maillage.CleanText(in.Description)
	in.Location = maillage.CleanLine(in.Location)
	in.URL = maillage.CleanLine(in.URL)
	in.Visibility = maillage.CleanLine(in.Visibility)
	in.Timezone = maillage.CleanLine(in.Timezone)
	if in.Timezone == "" {
		in.Timezone = recurrence.DefaultTimezone
	}
	in.RRule = recurrence.Normalize(in.RRule)
	if err := in.Validate(); err != nil {
		return in, err
	}
	loc, err := recurrence.Location(in.Timezone)
	if err != nil {
		return in, meetingFieldError("timezone", "meeting.timezone_unknown")
	}
	if err := checkOffset(in.StartsAt, in.Timezone); err != nil {
		return in, err
	}
	in.StartsAt = in.StartsAt.UTC().Truncate(time.Second)
	if in.RRule != "" {
		if _, err := recurrence.Parse(in.RRule, in.StartsAt.In(loc)); err != nil {
			data := map[string]any{}
			if re, ok := err.(*recurrence.RuleError); ok && re.Reason == recurrence.ReasonStartOutside {
				data["Detail"] = re.Detail
			}
			return in, &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid", Err: err,
				Fields: []maillage.FieldError{{Field: "rrule", MessageID: "meeting.rrule_" + recurrence.Reason(err), Data: data}}}
		}
	}
	return in, nil
}

// checkOffset refuses a start whose UTC offset is not the time zone's on
// that date (19:00-05:00 for a date in July in Montréal, which is -04:00
// then): the two readings differ by an hour around daylight saving time,
// so the meeting would not be where the person thinks. A time in UTC
// ("Z") names an instant and is always accepted.
func checkOffset(t time.Time, tz string) error {
	loc, err := recurrence.Location(tz)
	if err != nil {
		return meetingFieldError("timezone", "meeting.timezone_unknown")
	}
	_, off := t.Zone()
	if t.Location() == time.UTC || off == 0 && t.Location().String() == "" {
		return nil
	}
	_, want := t.In(loc).Zone()
	if off != want {
		return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid", Fields: []maillage.FieldError{{Field: "starts_at",
			MessageID: "meeting.offset_mismatch", Data: map[string]any{"Local": t.In(loc).Format("2006-01-02 15:04"), "Zone": tz}}}}
	}
	return nil
}

// checkOccurrence finds the occurrence of a meeting that starts (by the
// rule) at t; not found when there is none, which is what a stale or
// made-up date gets.
func checkOccurrence(m *maillage.Meeting, t time.Time) (time.Time, error) {
	series, err := meetingSeries(m)
	if err != nil {
		return time.Time{}, err
	}
	occ := t.UTC().Truncate(time.Second)
	if series.IsOccurrence(occ.In(series.Start.Location())) {
		return occ, nil
	}
	// An occurrence may be named by its new start once moved.
	for _, ch := range m.Changes {
		if ch.StartsAt != nil && ch.StartsAt.Equal(occ) {
			return ch.Occurrence, nil
		}
	}
	return time.Time{}, &maillage.Error{Code: maillage.CodeNotFound, MessageID: "meeting.no_such_occurrence",
		Fields: []maillage.FieldError{{Field: "occurrence", MessageID: "meeting.no_such_occurrence"}}}
}

// changeOf is what is stored about an occurrence (a blank change if nothing).
func changeOf(m *maillage.Meeting, occ time.Time) maillage.OccurrenceChange {
	for _, ch := range m.Changes {
		if ch.Occurrence.Equal(occ) {
			return ch
		}
	}
	return maillage.OccurrenceChange{Occurrence: occ}
}

func meetingFieldError(field, messageID string) error {
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: field, MessageID: messageID}}}
}

func fillMeeting(m *maillage.Meeting, in maillage.MeetingInput) {
	m.Title, m.Description, m.StartsAt, m.DurationMinutes = in.Title, in.Description, in.StartsAt, in.DurationMinutes
	m.Timezone, m.RRule, m.Location, m.URL, m.Visibility = in.Timezone, in.RRule, in.Location, in.URL, maillage.Visibility(in.Visibility)
}

// meetingSeries is a meeting's schedule for package recurrence.
func meetingSeries(m *maillage.Meeting) (recurrence.Series, error) {
	loc, err := recurrence.Location(m.Timezone)
	if err != nil {
		return recurrence.Series{}, err
	}
	s := recurrence.Series{Start: m.StartsAt.In(loc), Duration: time.Duration(m.DurationMinutes) * time.Minute, Rule: m.RRule}
	for _, ch := range m.Changes {
		c := recurrence.Change{Original: ch.Occurrence.In(loc), Cancelled: ch.Status == maillage.OccurrenceCancelled}
		if ch.StartsAt != nil {
			c.Start, c.Duration = ch.StartsAt.In(loc), time.Duration(ch.DurationMinutes)*time.Minute
		}
		s.Changes = append(s.Changes, c)
	}
	return s, nil
}
