package service

import (
	"context"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/recurrence"
	"github.com/maillage/maillage/internal/store"
)

// MeetingView is a meeting as its page and the API show it.
type MeetingView struct {
	Meeting *maillage.Meeting
	// Occurrences are the next ones (at least UpcomingCount), then the
	// past ones, most recent first, each with its answers.
	Upcoming []maillage.Occurrence
	Past     []maillage.Occurrence
	// CanManage: the viewer schedules and changes meetings here;
	// CanAnswer: the viewer may answer yes, no or maybe.
	CanManage, CanAnswer bool
	// IsNoteTaker: the viewer takes this meeting's notes.
	IsNoteTaker bool
	// Location is the meeting's time zone.
	Location *time.Location
}

// UpcomingCount is how many next occurrences a meeting shows.
const UpcomingCount = 10

// PastCount is how many past occurrences a meeting's page lists.
const PastCount = 24

// Meeting returns a meeting the viewer may see with its occurrences;
// not found otherwise.
func (s *Service) Meeting(ctx context.Context, v maillage.Viewer, id string) (*MeetingView, error) {
	m, access, err := s.visibleMeeting(ctx, v, id)
	if err != nil {
		return nil, err
	}
	series, err := meetingSeries(m)
	if err != nil {
		return nil, err
	}
	now := s.db.Now()
	next, err := series.Next(now, UpcomingCount)
	if err != nil {
		return nil, err
	}
	// The past: back to the first start, the latest PastCount.
	past, err := series.Occurrences(series.Start, now, 0)
	if err != nil {
		return nil, err
	}
	counts, err := s.db.RSVPCounts(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	mine := map[time.Time]maillage.RSVP{}
	if v.SignedIn() {
		if mine, err = s.db.UserRSVPs(ctx, m.ID, v.UserID); err != nil {
			return nil, err
		}
	}
	view := &MeetingView{Meeting: m, CanManage: maillage.CanManageMeeting(v, access), CanAnswer: maillage.CanAnswerMeeting(v, access),
		IsNoteTaker: v.SignedIn() && m.NoteTakerID == v.UserID, Location: series.Start.Location()}
	convert := func(o occurrenceLike) maillage.Occurrence {
		occ := o.Original.UTC()
		c := counts[occ]
		out := maillage.Occurrence{Occurrence: occ, StartsAt: o.Start.UTC(), EndsAt: o.End.UTC(), Status: maillage.OccurrenceScheduled,
			Yes: c.Yes, No: c.No, Maybe: c.Maybe, MyAnswer: mine[occ]}
		switch {
		case o.Cancelled || m.Cancelled():
			out.Status = maillage.OccurrenceCancelled
		case o.Moved:
			out.Status = maillage.OccurrenceMoved
		}
		out.NotebookID = changeOf(m, occ).NotebookID
		return out
	}
	seen := map[time.Time]bool{}
	for _, o := range next {
		view.Upcoming = append(view.Upcoming, convert(o))
		seen[o.Original.UTC()] = true
	}
	for i := len(past) - 1; i >= 0 && len(view.Past) < PastCount; i-- {
		if o := past[i]; !seen[o.Original.UTC()] && o.Start.Before(now) {
			view.Past = append(view.Past, convert(o))
		}
	}
	return view, nil
}

// Occurrence returns one occurrence of a meeting (by its original start,
// or its new start once moved); not found otherwise.
func (v *MeetingView) Occurrence(t time.Time) (maillage.Occurrence, bool) {
	t = t.UTC().Truncate(time.Second)
	for _, list := range [][]maillage.Occurrence{v.Upcoming, v.Past} {
		for _, o := range list {
			if o.Occurrence.Equal(t) || o.StartsAt.Equal(t) {
				return o, true
			}
		}
	}
	return maillage.Occurrence{}, false
}

// CommunityMeetings lists the meetings of a community the viewer may
// see, cancelled ones included (marked so), by first start.
func (s *Service) CommunityMeetings(ctx context.Context, v maillage.Viewer, communityID string) ([]maillage.Meeting, error) {
	if _, err := s.Community(ctx, v, communityID); err != nil {
		return nil, err
	}
	return s.db.Meetings(ctx, v, store.MeetingFilter{CommunityID: communityID, IncludeCancelled: true})
}

// NextOccurrence returns a meeting's next occurrence (not cancelled),
// for lists; ok is false when it has none left.
func (s *Service) NextOccurrence(m *maillage.Meeting) (start time.Time, ok bool) {
	if m.Cancelled() {
		return time.Time{}, false
	}
	series, err := meetingSeries(m)
	if err != nil {
		return time.Time{}, false
	}
	next, err := series.Next(s.db.Now(), 3)
	if err != nil {
		return time.Time{}, false
	}
	for _, o := range next {
		if !o.Cancelled {
			return o.Start, true
		}
	}
	return time.Time{}, false
}

// occurrenceLike is one expanded occurrence.
type occurrenceLike = recurrence.Occurrence
