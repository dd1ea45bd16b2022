package service

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Job kinds of notifications (maillage.JobNotify fans an event out).
const (
	// JobNotifyEmail sends the emails of one fan-out chunk, one per
	// notification, to the people whose mode is 'each'.
	JobNotifyEmail = "notify.email"
	// JobNotifyDigest finds who gets a daily or weekly digest.
	JobNotifyDigest = "notify.digest"
	// JobNotifyDigestSend sends one person's digest.
	JobNotifyDigestSend = "notify.digest.send"
)

// Notifier runs the notification jobs: the fan-out of events into
// notifications, their emails and the digests. It is safe for concurrent
// use by the jobs worker.
type Notifier struct {
	Service *Service
	Mailer  *Mailer
	// Chunk overrides the number of recipients written per transaction.
	Chunk int
	// EmailsPerJob overrides how many emails one job sends before a fresh
	// job takes over the rest.
	EmailsPerJob int
	// Logger reports skipped emails; nil uses the service's.
	Logger *slog.Logger
}

// Handlers returns the job handlers of notifications by kind, for the
// jobs worker.
func (n *Notifier) Handlers() map[string]func(context.Context, json.RawMessage) error {
	return map[string]func(context.Context, json.RawMessage) error{
		maillage.JobNotify:  n.HandleEvent,
		JobNotifyEmail:      n.HandleEmail,
		JobNotifyDigest:     n.HandleDigest,
		JobNotifyDigestSend: n.HandleDigestSend,
	}
}

func (n *Notifier) log() *slog.Logger {
	if n.Logger != nil {
		return n.Logger
	}
	return n.Service.log
}

// broadcastKinds reach people through memberships and follows; the other
// kinds are direct (mentions, messages, invitations, requests, reports)
// and reach only the people the event names.
func broadcastKinds() []maillage.EventKind {
	return []maillage.EventKind{maillage.EventThreadCreated, maillage.EventReplyCreated, maillage.EventNotePublished,
		maillage.EventNoteShared, maillage.EventNoteIntegrated, maillage.EventNewFollowedItem}
}

// newItemKinds bring a new note or thread: followers of its tags and
// authors hear of it as a new followed item.
func newItemKinds() []maillage.EventKind {
	return []maillage.EventKind{maillage.EventThreadCreated, maillage.EventNotePublished,
		maillage.EventNoteShared, maillage.EventNoteIntegrated, maillage.EventNewFollowedItem}
}

// emailChunkJob is the payload of a JobNotifyEmail: the keys of the
// event, the chunk's recipients and the time stamped on its rows. After
// moves on as emails go, so a continuation starts where its job stopped.
type emailChunkJob struct {
	Keys  []string    `json:"keys"`
	Chunk store.Chunk `json:"chunk"`
	At    time.Time   `json:"at"`
	After string      `json:"after,omitempty"`
}

// HandleEvent runs a maillage.JobNotify job: it decides who hears of the
// event (see plan) and writes their notifications, with the jobs that
// email the people whose mode is 'each'. Running it again after a failure
// writes nothing twice (see store.EventKey).
func (n *Notifier) HandleEvent(ctx context.Context, payload json.RawMessage) error {
	var ev maillage.Event
	if err := json.Unmarshal(payload, &ev); err != nil {
		// A malformed event will not improve with retries.
		n.log().Error("notify: malformed event", "err", err)
		return nil
	}
	f, ok, err := n.Service.planFanOut(ctx, ev)
	if err != nil || !ok {
		return err
	}
	f.Chunk = n.Chunk
	ek, ik := f.Keys()
	f.OnChunk = func(ctx context.Context, tx *store.Tx, c store.Chunk) error {
		return tx.Enqueue(ctx, JobNotifyEmail, emailChunkJob{Keys: []string{ek, ik}, Chunk: c, At: tx.Now()})
	}
	if _, err := n.Service.db.FanOut(ctx, f); err != nil {
		return fmt.Errorf("notify %s: %w", ev.Kind, err)
	}
	return nil
}

// planFanOut turns an event into a fan-out. Recipients are the people it
// names, the members of its community when AllMembers is set, and for
// broadcast kinds the followers of its subject, parent and community (not
// for replies: follow the thread for those), and of the subject's tags
// and authors for a new note or thread. The actor, people who blocked the
// actor and people who may not see the subject or its parent are left
// out, and so is anyone whose mode there is 'none', unless named by the
// event. ok is false when there is nothing to tell (the subject is gone).
func (s *Service) planFanOut(ctx context.Context, ev maillage.Event) (store.FanOut, bool, error) {
	f := store.FanOut{Kind: ev.Kind, ActorID: ev.ActorID, SubjectType: ev.SubjectType, SubjectID: ev.SubjectID,
		ParentType: ev.ParentType, ParentID: ev.ParentID, CommunityID: ev.CommunityID, AllMembers: ev.AllMembers}
	if ev.Kind == "" || ev.SubjectID == "" || !slices.Contains(store.NotifiableSubjects(), ev.SubjectType) {
		s.log.Error("notify: event without a known subject", "kind", ev.Kind, "subject_type", ev.SubjectType)
		return f, false, nil
	}
	if ev.ParentID == "" {
		f.ParentType = ""
	}
	subject, err := s.db.SubjectAccess(ctx, ev.SubjectType, ev.SubjectID)
	if maillage.IsNotFound(err) {
		return f, false, nil
	}
	if err != nil {
		return f, false, err
	}
	var parent *store.SubjectAccess
	if f.ParentType != "" {
		if parent, err = s.db.SubjectAccess(ctx, f.ParentType, f.ParentID); maillage.IsNotFound(err) {
			return f, false, nil
		} else if err != nil {
			return f, false, err
		}
	}
	seen := map[string]bool{}
	if k, ok := maillage.InvitationKindOf(ev.Kind); ok {
		// An invitation answered or withdrawn before it is told has
		// nothing left to tell.
		invited, err := s.db.InvitedIDs(ctx, k, ev.SubjectID)
		if err != nil {
			return f, false, err
		}
		for _, id := range ev.RecipientIDs {
			seen[id] = !slices.Contains(invited, id)
		}
	}
	for _, id := range ev.RecipientIDs {
		if id != "" && !seen[id] {
			seen[id] = true
			f.DirectIDs = append(f.DirectIDs, id)
		}
	}
	if slices.Contains(broadcastKinds(), ev.Kind) {
		f.Followers = true
		f.CommunityFollowers = ev.Kind != maillage.EventReplyCreated
		f.ItemFollowers = slices.Contains(newItemKinds(), ev.Kind) &&
			(ev.SubjectType == maillage.SubjectNote || ev.SubjectType == maillage.SubjectThread)
	}
	f.VisibleToAll = visibleToAll(subject, parent)
	return f, true, nil
}
