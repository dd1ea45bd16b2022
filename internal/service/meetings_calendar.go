package service

import (
	"bytes"
	"context"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/ical"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/recurrence"
	"github.com/maillage/maillage/internal/store"
)

// CalendarTokenPrefix starts every calendar secret, so one found in a log
// says what it opens.
const CalendarTokenPrefix = "mlg_cal_"

// MeetingCalendar is one meeting as an iCalendar file; not found unless
// the viewer may see the meeting.
func (s *Service) MeetingCalendar(ctx context.Context, v maillage.Viewer, id string) ([]byte, error) {
	m, _, err := s.visibleMeeting(ctx, v, id)
	if err != nil {
		return nil, err
	}
	return s.writeCalendar(m.Title, []maillage.Meeting{*m})
}

// CommunityCalendar is the feed of a community's meetings the viewer may
// see, cancelled ones included so subscribers see the cancellation.
func (s *Service) CommunityCalendar(ctx context.Context, v maillage.Viewer, communityID string) ([]byte, error) {
	c, err := s.Community(ctx, v, communityID)
	if err != nil {
		return nil, err
	}
	ms, err := s.db.Meetings(ctx, v, store.MeetingFilter{CommunityID: c.ID, IncludeCancelled: true})
	if err != nil {
		return nil, err
	}
	return s.writeCalendar(c.Name, ms)
}

// PersonalCalendar is the feed of the meetings of every community the
// viewer belongs to.
func (s *Service) PersonalCalendar(ctx context.Context, v maillage.Viewer, name string) ([]byte, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(v.Roles))
	for id := range v.Roles {
		ids = append(ids, id)
	}
	ms, err := s.db.Meetings(ctx, v, store.MeetingFilter{CommunityIDs: ids, IncludeCancelled: true})
	if err != nil {
		return nil, err
	}
	return s.writeCalendar(name, ms)
}

// CalendarViewer is the person a calendar secret belongs to, as a viewer:
// feeds are read by calendar applications that carry no session, so the
// secret in the address stands for the person. An unknown secret is not found.
func (s *Service) CalendarViewer(ctx context.Context, token string) (maillage.Viewer, error) {
	if !strings.HasPrefix(token, CalendarTokenPrefix) {
		return maillage.Viewer{}, maillage.ErrNotFound
	}
	userID, err := s.db.CalendarTokenUser(ctx, auth.HashToken(token))
	if err != nil {
		return maillage.Viewer{}, err
	}
	v, u, err := s.Viewer(ctx, userID)
	if err != nil {
		return maillage.Viewer{}, err
	}
	if u == nil {
		return maillage.Viewer{}, maillage.ErrNotFound
	}
	return v, nil
}

// NewCalendarToken makes the viewer's calendar secret, replacing the old
// one (whose addresses stop working). Only its hash is kept: the secret
// is shown once.
func (s *Service) NewCalendarToken(ctx context.Context, v maillage.Viewer) (string, error) {
	if err := requireSignedIn(v); err != nil {
		return "", err
	}
	plain, hash, err := auth.NewToken(CalendarTokenPrefix)
	if err != nil {
		return "", err
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error { return tx.SetCalendarToken(ctx, v.UserID, hash) })
	return plain, err
}

// writeCalendar encodes meetings as an iCalendar file.
func (s *Service) writeCalendar(name string, ms []maillage.Meeting) ([]byte, error) {
	def, err := recurrence.Location(recurrence.DefaultTimezone)
	if err != nil {
		return nil, err
	}
	cal := ical.Calendar{Name: name, Stamp: s.db.Now()}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimRight(s.baseURL, "/"), "https://"), "http://")
	for i := range ms {
		m := &ms[i]
		loc, err := recurrence.Location(m.Timezone)
		if err != nil {
			continue // a zone unknown to this build: left out rather than wrong
		}
		ev := ical.Event{UID: m.ID + "@" + host, Sequence: m.Sequence, Title: m.Title, Description: m.Description,
			Location: m.Location, URL: strings.TrimRight(s.baseURL, "/") + "/meetings/" + m.ID,
			Start: m.StartsAt.In(loc), Duration: time.Duration(m.DurationMinutes) * time.Minute, Rule: m.RRule,
			Cancelled: m.Cancelled(), Created: m.CreatedAt, Modified: m.UpdatedAt}
		if m.URL != "" {
			// The video-conference link is where people go: it goes in
			// the location too, which every application shows.
			if ev.Location == "" {
				ev.Location = m.URL
			}
			ev.Description = strings.TrimSpace(ev.Description + "\n\n" + m.URL)
		}
		for _, t := range m.Tags {
			ev.Categories = append(ev.Categories, t.Label)
		}
		for _, ch := range m.Changes {
			switch {
			case ch.Status == maillage.OccurrenceCancelled:
				ev.ExDates = append(ev.ExDates, ch.Occurrence)
			case ch.Status == maillage.OccurrenceMoved && ch.StartsAt != nil:
				ev.Moved = append(ev.Moved, ical.Moved{Original: ch.Occurrence, Start: *ch.StartsAt,
					Duration: time.Duration(ch.DurationMinutes) * time.Minute, Sequence: m.Sequence})
			}
		}
		if m.RRule == "" && len(ev.ExDates) > 0 {
			ev.Cancelled = true // a single meeting whose one occurrence is cancelled
		}
		if m.RRule == "" && len(ev.Moved) > 0 {
			mv := ev.Moved[0]
			ev.Start, ev.Moved = mv.Start.In(loc), nil
			if mv.Duration > 0 {
				ev.Duration = mv.Duration
			}
		}
		cal.Events = append(cal.Events, ev)
	}
	var buf bytes.Buffer
	if err := ical.Write(&buf, cal, def); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// BaseURL is the public address of Maillage, for links written out
// (calendar subscriptions).
func (s *Service) BaseURL() string { return strings.TrimRight(s.baseURL, "/") }
