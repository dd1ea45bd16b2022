package service

import (
	"context"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// meetingNotice tells, inside the change's transaction, the people a
// meeting's change concerns: those who answered yes or maybe (to the
// occurrence changed, or to any for the series) by name, and for a change
// to the whole series every member of the community, through the usual
// notifications (in the application, and by email as each person's
// preferences say). Nobody hears of a meeting they may not see.
func (s *Service) meetingNotice(ctx context.Context, tx *store.Tx, v maillage.Viewer, m *maillage.Meeting, kind maillage.EventKind, occurrence time.Time) error {
	answered, err := s.db.OccurrenceAnswerers(ctx, m.ID, occurrence)
	if err != nil {
		return fmt.Errorf("meeting notice: %w", err)
	}
	ev := maillage.Event{Kind: kind, ActorID: v.UserID, SubjectType: maillage.SubjectMeeting, SubjectID: m.ID,
		CommunityID: m.CommunityID, RecipientIDs: answered, AllMembers: true}
	if err := tx.Enqueue(ctx, maillage.JobNotify, ev); err != nil {
		return fmt.Errorf("meeting notice: %w", err)
	}
	return nil
}

// ReminderLead is how long before an occurrence its reminder goes out.
const ReminderLead = 24 * time.Hour

// QueueMeetingReminders queues the reminder of every occurrence starting
// within ReminderLead of now, once per occurrence: the community's
// members hear of it as their notification preferences say (an email of
// its own, a digest, or nothing but the application), and those who
// answered yes or maybe directly. It returns how many were queued.
func (s *Service) QueueMeetingReminders(ctx context.Context, now time.Time) (int, error) {
	meetings, err := s.db.ActiveMeetings(ctx)
	if err != nil {
		return 0, err
	}
	queued := 0
	for i := range meetings {
		m := &meetings[i]
		series, err := meetingSeries(m)
		if err != nil {
			s.log.Warn("meeting reminders: unreadable series", "meeting", m.ID, "err", err)
			continue
		}
		occs, err := series.Occurrences(now, now.Add(ReminderLead), 0)
		if err != nil {
			s.log.Warn("meeting reminders: unreadable series", "meeting", m.ID, "err", err)
			continue
		}
		for _, o := range occs {
			if o.Cancelled || o.Start.Before(now) {
				continue
			}
			answered, err := s.db.OccurrenceAnswerers(ctx, m.ID, o.Original)
			if err != nil {
				return queued, err
			}
			err = s.db.Update(ctx, func(tx *store.Tx) error {
				ok, err := tx.ClaimReminder(ctx, m.ID, o.Original)
				if err != nil || !ok {
					return err
				}
				queued++
				return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{Kind: maillage.EventMeetingReminder,
					SubjectType: maillage.SubjectMeeting, SubjectID: m.ID, CommunityID: m.CommunityID,
					RecipientIDs: answered, AllMembers: true})
			})
			if err != nil {
				return queued, err
			}
		}
	}
	return queued, nil
}

// ScheduleMeetingReminders queues due reminders every interval until ctx ends.
func (s *Service) ScheduleMeetingReminders(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := s.QueueMeetingReminders(ctx, s.db.Now()); err != nil && ctx.Err() == nil {
			s.log.Error("meeting reminders", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
