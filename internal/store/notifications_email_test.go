package store_test

import (
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

func TestDigestBookkeeping(t *testing.T) {
	w := newNFWorld(t)
	w.fanOut(w.integrated())
	until := time.Now().Add(time.Minute)
	bob := w.id("bob")
	pending, err := w.db.PendingDigest(w.ctx, bob, maillage.NotifyDaily, until)
	if err != nil || len(pending) != 1 {
		t.Fatalf("bob's daily digest: %+v (%v)", pending, err)
	}
	if got, _ := w.db.PendingDigest(w.ctx, bob, maillage.NotifyDaily, until.Add(-time.Hour)); len(got) != 0 {
		t.Error("a digest covering up to an hour ago includes a notification of now")
	}
	if key, _ := w.db.LastDigest(w.ctx, bob, maillage.NotifyDaily); key != "" {
		t.Errorf("last digest %q before any", key)
	}
	w.update(func(tx *store.Tx) error {
		return tx.FinishDigest(w.ctx, bob, maillage.NotifyDaily, "2026-11-30", until, []string{pending[0].ID})
	})
	if key, _ := w.db.LastDigest(w.ctx, bob, maillage.NotifyDaily); key != "2026-11-30" {
		t.Errorf("last digest %q", key)
	}
	// Bob is done; erin, frank and hugo (daily by default) still wait.
	got, _ := w.db.DigestRecipients(w.ctx, maillage.NotifyDaily, until)
	for _, id := range got {
		if id == bob {
			t.Errorf("bob is still a digest recipient after his was sent: %v", got)
		}
	}
	if len(got) != 3 {
		t.Errorf("digest recipients after bob's: %v, want erin, frank and hugo", got)
	}
	// A job with a fixed ID is queued once.
	for i, want := range []bool{true, false} {
		var added bool
		w.update(func(tx *store.Tx) error {
			var err error
			added, err = tx.EnqueueOnce(w.ctx, "notify.digest:daily:2026-11-30", "notify.digest", map[string]string{"k": "v"}, tx.Now())
			return err
		})
		if added != want {
			t.Errorf("enqueue #%d added %v", i, added)
		}
	}
}

func TestUnsubscribeTokens(t *testing.T) {
	w := newNFWorld(t)
	plain, hash, err := auth.NewToken("mlg_unsub_")
	if err != nil {
		t.Fatal(err)
	}
	_, expiredHash, _ := auth.NewToken("mlg_unsub_")
	w.update(func(tx *store.Tx) error {
		if err := tx.CreateUnsubscribeToken(w.ctx, hash, w.id("alice"), w.pub.ID, tx.Now().Add(time.Hour)); err != nil {
			return err
		}
		return tx.CreateUnsubscribeToken(w.ctx, expiredHash, w.id("alice"), "", tx.Now().Add(-time.Hour))
	})
	user, community, err := w.db.UnsubscribeToken(w.ctx, auth.HashToken(plain))
	if err != nil || user != w.id("alice") || community != w.pub.ID {
		t.Errorf("token: %s %s %v", user, community, err)
	}
	if _, _, err := w.db.UnsubscribeToken(w.ctx, expiredHash); !maillage.IsNotFound(err) {
		t.Errorf("expired token: %v", err)
	}
	if _, _, err := w.db.UnsubscribeToken(w.ctx, plain); !maillage.IsNotFound(err) {
		t.Errorf("the plain token is not what is stored: %v", err)
	}
	// Purging drops expired links, read notifications before the cut and
	// anything older than the retention.
	w.fanOut(w.integrated())
	n := w.inbox("alice")[w.pubNote.ID]
	w.update(func(tx *store.Tx) error { return tx.MarkNotificationRead(w.ctx, w.id("alice"), n.ID) })
	future := time.Now().Add(time.Hour)
	w.update(func(tx *store.Tx) error { return tx.PurgeNotifications(w.ctx, future, time.Now().Add(-time.Hour)) })
	if len(w.inbox("alice")) != 0 || len(w.inbox("bob")) != 1 {
		t.Errorf("after purge: alice %d, bob %d", len(w.inbox("alice")), len(w.inbox("bob")))
	}
	if _, _, err := w.db.UnsubscribeToken(w.ctx, auth.HashToken(plain)); err != nil {
		t.Errorf("a live link was purged: %v", err)
	}
}
