package store_test

import (
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

func TestFollowsListTitlesAndVisibility(t *testing.T) {
	w := newNFWorld(t)
	erin := w.id("erin")
	w.update(func(tx *store.Tx) error {
		for _, f := range []struct {
			t  maillage.FollowTarget
			id string
		}{{maillage.FollowCommunity, w.pub.ID}, {maillage.FollowNotebook, w.pubBook.ID}, {maillage.FollowThread, w.privThread.ID},
			{maillage.FollowPerson, w.id("alice")}} {
			if _, err := tx.Follow(w.ctx, erin, f.t, f.id); err != nil {
				return err
			}
		}
		// Following twice changes nothing.
		added, err := tx.Follow(w.ctx, erin, maillage.FollowCommunity, w.pub.ID)
		if added {
			t.Error("a second follow was added")
		}
		return err
	})
	list, total, err := w.db.Follows(w.ctx, erin, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	// erin followed the tag in newNFWorld; the private thread is not
	// listed: she may not see it.
	got := map[maillage.FollowTarget]maillage.Follow{}
	for _, f := range list {
		got[f.TargetType] = f
	}
	if total != 4 || len(list) != 4 {
		t.Fatalf("%d follows (total %d): %+v", len(list), total, list)
	}
	if _, ok := got[maillage.FollowThread]; ok {
		t.Error("a thread erin may not see is listed")
	}
	if got[maillage.FollowTag].Title != w.tag.Label || got[maillage.FollowTag].Ref != w.tag.Slug {
		t.Errorf("tag follow %+v", got[maillage.FollowTag])
	}
	if got[maillage.FollowPerson].Title != "alice" || got[maillage.FollowNotebook].Title != w.pubBook.Title ||
		got[maillage.FollowCommunity].Title != w.pub.Name {
		t.Errorf("titles %+v", got)
	}
	if ok, _ := w.db.IsFollowing(w.ctx, erin, maillage.FollowNotebook, w.pubBook.ID); !ok {
		t.Error("IsFollowing: false")
	}
	w.update(func(tx *store.Tx) error { return tx.Unfollow(w.ctx, erin, maillage.FollowNotebook, w.pubBook.ID) })
	if ok, _ := w.db.IsFollowing(w.ctx, erin, maillage.FollowNotebook, w.pubBook.ID); ok {
		t.Error("still following after Unfollow")
	}
	err = w.db.Update(w.ctx, func(tx *store.Tx) error { return tx.Unfollow(w.ctx, erin, maillage.FollowNotebook, w.pubBook.ID) })
	if !maillage.IsNotFound(err) {
		t.Errorf("unfollowing again: %v", err)
	}
}

func TestNotificationPreferencesStore(t *testing.T) {
	w := newNFWorld(t)
	hugo := w.id("hugo")
	p, err := w.db.NotificationPreferences(w.ctx, hugo)
	if err != nil {
		t.Fatal(err)
	}
	if p.Default != maillage.DefaultNotifyMode || len(p.Communities) != 1 || p.Communities[0].CommunityID != w.priv.ID ||
		p.Communities[0].Mode != "" || p.Communities[0].CommunityName != w.priv.Name {
		t.Fatalf("defaults %+v", p)
	}
	w.update(func(tx *store.Tx) error {
		if err := tx.SetNotifyMode(w.ctx, hugo, "", maillage.NotifyWeekly); err != nil {
			return err
		}
		return tx.SetNotifyMode(w.ctx, hugo, w.priv.ID, maillage.NotifyNone)
	})
	for community, want := range map[string]maillage.NotifyMode{"": maillage.NotifyWeekly, w.priv.ID: maillage.NotifyNone, w.pub.ID: maillage.NotifyWeekly} {
		if got, err := w.db.NotifyMode(w.ctx, hugo, community); err != nil || got != want {
			t.Errorf("mode in %q: %s (%v), want %s", community, got, err, want)
		}
	}
	// An empty mode removes the override: the default applies again.
	w.update(func(tx *store.Tx) error { return tx.SetNotifyMode(w.ctx, hugo, w.priv.ID, "") })
	if got, _ := w.db.NotifyMode(w.ctx, hugo, w.priv.ID); got != maillage.NotifyWeekly {
		t.Errorf("after removing the override: %s", got)
	}
	if got, _ := w.db.NotifyMode(w.ctx, w.id("erin"), w.pub.ID); got != maillage.DefaultNotifyMode {
		t.Errorf("no preference at all: %s", got)
	}
}
