package service

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Emails of one chunk are read in batches, and one job sends at most
// Notifier.EmailsPerJob (emailsPerJob by default) before handing the rest
// to a fresh job, so a long list never holds a worker past its timeout.
const (
	emailBatch   = 50
	emailsPerJob = 200
)

// HandleEmail runs a JobNotifyEmail: one email per notification of a
// fan-out chunk whose recipient's mode is 'each'. Each email is rendered
// when sent, in the recipient's language and as they may see the subject
// then. A permanent refusal by the mail server (5xx) is recorded on the
// notification and not retried; a temporary one fails the job, which the
// worker retries with backoff until its attempts run out. Emails already
// sent are not sent again.
func (n *Notifier) HandleEmail(ctx context.Context, payload json.RawMessage) error {
	var j emailChunkJob
	if err := json.Unmarshal(payload, &j); err != nil {
		n.log().Error("notify email: malformed job", "err", err)
		return nil
	}
	db := n.Service.db
	perJob := n.EmailsPerJob
	if perJob <= 0 {
		perJob = emailsPerJob
	}
	for sent := 0; sent < perJob; {
		batch, err := db.PendingEachEmails(ctx, j.Keys, j.Chunk, j.At, j.After, min(emailBatch, perJob-sent))
		if err != nil || len(batch) == 0 {
			return err
		}
		for _, p := range batch {
			if err := n.emailOne(ctx, p); err != nil {
				return err
			}
			sent++
			j.After = p.UserID
		}
	}
	return db.Update(ctx, func(tx *store.Tx) error { return tx.Enqueue(ctx, JobNotifyEmail, j) })
}

// emailOne sends the email of one notification, or records why not.
func (n *Notifier) emailOne(ctx context.Context, p store.PendingEmail) error {
	s := n.Service
	skip := func(reason string) error {
		return s.db.Update(ctx, func(tx *store.Tx) error { return tx.SkipEmail(ctx, p.ID, reason) })
	}
	u, err := s.db.User(ctx, p.UserID)
	if maillage.IsNotFound(err) {
		return skip("recipient gone")
	}
	if err != nil {
		return err
	}
	if u.EmailConfirmedAt == nil {
		// An unconfirmed address may be someone else's: send it nothing.
		return skip("address not confirmed")
	}
	notif, err := s.db.Notification(ctx, p.UserID, p.ID)
	if maillage.IsNotFound(err) {
		return skip("subject no longer visible")
	}
	if err != nil {
		return err
	}
	if err := s.completeNotification(ctx, p.UserID, notif); err != nil {
		return err
	}
	mode, err := s.db.NotifyMode(ctx, p.UserID, notif.CommunityID)
	if err != nil {
		return err
	}
	switch mode {
	case maillage.NotifyNone:
		return skip("mode none")
	case maillage.NotifyDaily, maillage.NotifyWeekly:
		if notif.Direct {
			break // named people hear at once unless they want no email
		}
		// The person chose a digest since: the notification waits for it.
		return s.db.Update(ctx, func(tx *store.Tx) error { return tx.DeferEmail(ctx, p.ID, mode) })
	}
	link, err := n.unsubscribeURL(ctx, u.ID, notif.CommunityID)
	if err != nil {
		return err
	}
	msg, err := n.eachEmail(n.Mailer.Bundle.Localizer(u.Language), u, notif, link)
	if err != nil {
		return err
	}
	if err := n.Mailer.Mail.Send(ctx, msg); err != nil {
		if mail.IsPermanent(err) {
			n.log().Warn("notify email: refused for good", "notification", p.ID, "err", err)
			return skip("refused: " + err.Error())
		}
		return fmt.Errorf("notify email: %w", err)
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.MarkEmailed(ctx, p.ID) })
}
