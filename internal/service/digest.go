package service

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// DigestHour is when digests leave, in Québec time: daily ones every
// morning, weekly ones on Monday morning.
const DigestHour = 7

// Notifications are kept this long: read ones for readRetention, any for
// retention. Lists and counts stay small; nothing here is the only copy
// of anything.
const (
	readRetention = 90 * 24 * time.Hour
	retention     = 365 * 24 * time.Hour
)

// digestJob is the payload of a JobNotifyDigest and, with UserID, of a
// JobNotifyDigestSend: the period, its key (the day, or the Monday of the
// week) and the time the digest covers up to.
type digestJob struct {
	Period maillage.NotifyMode `json:"period"`
	Key    string              `json:"key"`
	Until  time.Time           `json:"until"`
	UserID string              `json:"user_id,omitempty"`
}

// digestDue returns the last time a digest of the period was due at or
// before now, and the period's key.
func digestDue(period maillage.NotifyMode, now time.Time) (time.Time, string) {
	loc, err := time.LoadLocation(i18n.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	t := now.In(loc)
	due := time.Date(t.Year(), t.Month(), t.Day(), DigestHour, 0, 0, 0, loc)
	if due.After(t) {
		due = due.AddDate(0, 0, -1)
	}
	if period == maillage.NotifyWeekly {
		for due.Weekday() != time.Monday {
			due = due.AddDate(0, 0, -1)
		}
		return due.UTC(), "week-" + due.Format("2006-01-02")
	}
	return due.UTC(), due.Format("2006-01-02")
}

// EnqueueDueDigests makes sure the last due daily and weekly digests are
// queued. Each period's job has a fixed ID, so calling this often, from
// several servers, or after a restart queues each digest once.
func (n *Notifier) EnqueueDueDigests(ctx context.Context, now time.Time) error {
	return n.Service.db.Update(ctx, func(tx *store.Tx) error {
		for _, p := range []maillage.NotifyMode{maillage.NotifyDaily, maillage.NotifyWeekly} {
			due, key := digestDue(p, now)
			id := JobNotifyDigest + ":" + string(p) + ":" + key
			if _, err := tx.EnqueueOnce(ctx, id, JobNotifyDigest, digestJob{Period: p, Key: key, Until: due}, due); err != nil {
				return err
			}
		}
		return nil
	})
}

// ScheduleDigests queues the digests as they fall due, until ctx ends.
// The jobs worker sends them.
func (n *Notifier) ScheduleDigests(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := n.EnqueueDueDigests(ctx, n.Service.db.Now()); err != nil && ctx.Err() == nil {
			n.log().Warn("notify: schedule digests", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// HandleDigest runs a JobNotifyDigest: it queues one JobNotifyDigestSend
// per person with notifications waiting for this digest. The daily run
// also purges old notifications.
func (n *Notifier) HandleDigest(ctx context.Context, payload json.RawMessage) error {
	var j digestJob
	if err := json.Unmarshal(payload, &j); err != nil || (j.Period != maillage.NotifyDaily && j.Period != maillage.NotifyWeekly) {
		n.log().Error("notify digest: malformed job", "err", err)
		return nil
	}
	db := n.Service.db
	users, err := db.DigestRecipients(ctx, j.Period, j.Until)
	if err != nil {
		return err
	}
	for len(users) > 0 {
		batch := users[:min(len(users), 500)]
		users = users[len(batch):]
		err := db.Update(ctx, func(tx *store.Tx) error {
			for _, u := range batch {
				job := j
				job.UserID = u
				id := JobNotifyDigestSend + ":" + string(j.Period) + ":" + j.Key + ":" + u
				if _, err := tx.EnqueueOnce(ctx, id, JobNotifyDigestSend, job, tx.Now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("notify digest: %w", err)
		}
	}
	if j.Period == maillage.NotifyDaily {
		now := db.Now()
		return db.Update(ctx, func(tx *store.Tx) error {
			return tx.PurgeNotifications(ctx, now.Add(-readRetention), now.Add(-retention))
		})
	}
	return nil
}

// HandleDigestSend runs a JobNotifyDigestSend: one email gathering a
// person's waiting notifications of the period, grouped by community, in
// their language, as they may see each subject now. A person gets at most
// one digest per period.
func (n *Notifier) HandleDigestSend(ctx context.Context, payload json.RawMessage) error {
	var j digestJob
	if err := json.Unmarshal(payload, &j); err != nil || j.UserID == "" {
		n.log().Error("notify digest: malformed job", "err", err)
		return nil
	}
	s := n.Service
	if last, err := s.db.LastDigest(ctx, j.UserID, j.Period); err != nil || last == j.Key {
		return err
	}
	u, err := s.db.User(ctx, j.UserID)
	if maillage.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	items, err := n.digestItems(ctx, j)
	if err != nil {
		return err
	}
	finish := func(sent []string) error {
		return s.db.Update(ctx, func(tx *store.Tx) error { return tx.FinishDigest(ctx, j.UserID, j.Period, j.Key, j.Until, sent) })
	}
	if len(items) == 0 || u.EmailConfirmedAt == nil {
		return finish(nil)
	}
	link, err := n.unsubscribeURL(ctx, u.ID, "")
	if err != nil {
		return err
	}
	msg, err := n.digestEmail(n.Mailer.Bundle.Localizer(u.Language), u, j.Period, items, link)
	if err != nil {
		return err
	}
	if sendErr := n.Mailer.Mail.Send(ctx, msg); sendErr != nil {
		if !mail.IsPermanent(sendErr) {
			return fmt.Errorf("notify digest: %w", sendErr)
		}
		n.log().Warn("notify digest: refused for good", "user", u.ID, "err", sendErr)
		err := s.db.Update(ctx, func(tx *store.Tx) error {
			for _, it := range items {
				if err := tx.SkipEmail(ctx, it.ID, "refused: "+sendErr.Error()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return finish(nil)
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return finish(ids)
}

// digestItems loads a person's notifications waiting for the digest that
// they may still see and still want by email.
func (n *Notifier) digestItems(ctx context.Context, j digestJob) ([]maillage.Notification, error) {
	s := n.Service
	pending, err := s.db.PendingDigest(ctx, j.UserID, j.Period, j.Until)
	if err != nil {
		return nil, err
	}
	modes := map[string]maillage.NotifyMode{}
	var items []maillage.Notification
	for _, p := range pending {
		notif, err := s.db.Notification(ctx, j.UserID, p.ID)
		if maillage.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		mode, ok := modes[notif.CommunityID]
		if !ok {
			if mode, err = s.db.NotifyMode(ctx, j.UserID, notif.CommunityID); err != nil {
				return nil, err
			}
			modes[notif.CommunityID] = mode
		}
		if mode == maillage.NotifyNone {
			continue
		}
		if err := s.completeNotification(ctx, j.UserID, notif); err != nil {
			return nil, err
		}
		items = append(items, *notif)
	}
	return items, nil
}
