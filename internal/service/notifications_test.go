package service_test

import (
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

func TestNotificationsReadAndMarkRead(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Actrice", "fr-CA")
	w.user("Lecteur", "fr-CA")
	w.user("Autre", "fr-CA")
	c := w.community("Habitation", maillage.VisibilityPublic, "Actrice", "Lecteur", "Autre")
	for _, title := range []string{"Premier", "Second"} {
		th := w.thread(c, "Actrice", title)
		w.emit(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: w.users["Actrice"].ID, SubjectType: maillage.SubjectThread,
			SubjectID: th.ID, CommunityID: c.ID, AllMembers: true})
		w.drain()
	}
	v := w.viewer("Lecteur")
	list, total, err := w.s.Notifications(w.ctx, v, false, service.Page{Limit: 10})
	if err != nil || total != 2 || list[0].SubjectTitle != "Second" || list[1].SubjectTitle != "Premier" {
		t.Fatalf("newest first: %+v total %d (%v)", list, total, err)
	}
	if n, _ := w.s.UnreadNotifications(w.ctx, v); n != 2 {
		t.Errorf("unread %d", n)
	}
	if err := w.s.MarkNotificationRead(w.ctx, v, list[1].ID); err != nil {
		t.Fatal(err)
	}
	unread, total, _ := w.s.Notifications(w.ctx, v, true, service.Page{Limit: 10})
	if total != 1 || unread[0].ID != list[0].ID {
		t.Errorf("unread only: %+v", unread)
	}
	// Someone else's notification is absent, marking included.
	other := w.viewer("Autre")
	if _, err := w.s.Notification(w.ctx, other, list[0].ID); !maillage.IsNotFound(err) {
		t.Errorf("reading another's notification: %v", err)
	}
	if err := w.s.MarkNotificationRead(w.ctx, other, list[0].ID); !maillage.IsNotFound(err) {
		t.Errorf("marking another's notification: %v", err)
	}
	if n, err := w.s.MarkAllNotificationsRead(w.ctx, v); err != nil || n != 1 {
		t.Errorf("mark all: %d %v", n, err)
	}
	if n, _ := w.s.UnreadNotifications(w.ctx, v); n != 0 {
		t.Errorf("unread %d after marking all", n)
	}
	if n, _ := w.s.UnreadNotifications(w.ctx, other); n != 2 {
		t.Errorf("marking all read touched someone else's: %d unread", n)
	}
	if _, _, err := w.s.Notifications(w.ctx, maillage.Anonymous(), false, service.Page{}); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Errorf("anonymous: %v", err)
	}
}

func TestNotificationPreferencesAndUnsubscribe(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Gestion", "fr-CA")
	w.user("Membre", "fr-CA")
	mine := w.community("Mienne", maillage.VisibilityPublic, "Gestion", "Membre")
	other := w.community("Autre", maillage.VisibilityPublic, "Gestion")
	v := w.viewer("Membre")
	err := w.s.SetNotificationPreferences(w.ctx, v, maillage.NotificationPreferences{Default: "sometimes",
		Communities: []maillage.CommunityNotifyMode{{CommunityID: mine.ID, Mode: "often"}, {CommunityID: other.ID, Mode: maillage.NotifyEach}}})
	e := maillage.AsError(err)
	if e.Code != maillage.CodeInvalid || len(e.Fields) != 3 || e.Fields[2].MessageID != "notifications.error.not_member" {
		t.Fatalf("bad input: %+v", e)
	}
	err = w.s.SetNotificationPreferences(w.ctx, v, maillage.NotificationPreferences{Default: maillage.NotifyWeekly,
		Communities: []maillage.CommunityNotifyMode{{CommunityID: mine.ID, Mode: maillage.NotifyEach}}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := w.s.NotificationPreferences(w.ctx, v)
	if err != nil || p.Default != maillage.NotifyWeekly || len(p.Communities) != 1 || p.Communities[0].Mode != maillage.NotifyEach {
		t.Fatalf("preferences %+v (%v)", p, err)
	}
	// Leaving Default empty keeps it; an empty community mode removes the override.
	err = w.s.SetNotificationPreferences(w.ctx, v, maillage.NotificationPreferences{
		Communities: []maillage.CommunityNotifyMode{{CommunityID: mine.ID}}})
	if p, _ = w.s.NotificationPreferences(w.ctx, v); err != nil || p.Default != maillage.NotifyWeekly || p.Communities[0].Mode != "" {
		t.Errorf("after removing the override: %+v (%v)", p, err)
	}

	// An unsubscribe link for every email: its scope goes to 'none'; a
	// second use is harmless; a wrong link is not found.
	var link string
	w.update(func(tx *store.Tx) error {
		link = "mlg_unsub_essai"
		return tx.CreateUnsubscribeToken(w.ctx, hashOf(link), w.users["Membre"].ID, "", tx.Now().Add(24*time.Hour))
	})
	for range 2 {
		sc, err := w.s.Unsubscribe(w.ctx, link)
		if err != nil || sc.CommunityID != "" || sc.Mode != maillage.NotifyNone {
			t.Fatalf("unsubscribe: %+v %v", sc, err)
		}
	}
	if p, _ = w.s.NotificationPreferences(w.ctx, v); p.Default != maillage.NotifyNone {
		t.Errorf("default after unsubscribing: %s", p.Default)
	}
	if _, err := w.s.Unsubscribe(w.ctx, "mlg_unsub_faux"); !maillage.IsNotFound(err) {
		t.Errorf("a wrong link: %v", err)
	}
}

func TestFollowOnlyWhatOneMaySee(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Gestion", "fr-CA")
	w.user("Dehors", "fr-CA")
	pub := w.community("Ouverte", maillage.VisibilityPublic, "Gestion")
	priv := w.community("Fermée", maillage.VisibilityPrivate, "Gestion")
	secret := w.thread(priv, "Gestion", "Stratégie")
	open := w.thread(pub, "Gestion", "Bienvenue")
	var tag maillage.Tag
	w.update(func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(w.ctx, []string{"projet confidentiel X"}, w.users["Gestion"].ID)
		tag = tags[0]
		return err
	})
	v := w.viewer("Dehors")
	for _, c := range []struct {
		t  maillage.FollowTarget
		id string
	}{{maillage.FollowThread, secret.ID}, {maillage.FollowCommunity, priv.ID}, {maillage.FollowTag, tag.ID},
		{maillage.FollowPerson, "nobody"}, {"meeting", pub.ID}, {maillage.FollowNotebook, open.ID}} {
		if err := w.s.Follow(w.ctx, v, c.t, c.id); !maillage.IsNotFound(err) {
			t.Errorf("following %s %s: %v, want not found", c.t, c.id, err)
		}
	}
	for _, c := range []struct {
		t  maillage.FollowTarget
		id string
	}{{maillage.FollowThread, open.ID}, {maillage.FollowCommunity, pub.ID}, {maillage.FollowPerson, w.users["Gestion"].ID}} {
		if err := w.s.Follow(w.ctx, v, c.t, c.id); err != nil {
			t.Errorf("following %s: %v", c.t, err)
		}
		if ok, _ := w.s.IsFollowing(w.ctx, v, c.t, c.id); !ok {
			t.Errorf("not following %s after Follow", c.t)
		}
	}
	// The tag's maker sees it, so may follow it.
	if err := w.s.Follow(w.ctx, w.viewer("Gestion"), maillage.FollowTag, tag.ID); err != nil {
		t.Errorf("the maker following their tag: %v", err)
	}
	if err := w.s.Follow(w.ctx, v, maillage.FollowPerson, w.users["Dehors"].ID); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Errorf("following oneself: %v", err)
	}
	list, total, err := w.s.Follows(w.ctx, v, service.Page{Limit: 10})
	if err != nil || total != 3 || len(list) != 3 {
		t.Errorf("follows %+v (%d, %v)", list, total, err)
	}
	if err := w.s.Unfollow(w.ctx, v, maillage.FollowThread, open.ID); err != nil {
		t.Error(err)
	}
	if err := w.s.Unfollow(w.ctx, v, maillage.FollowThread, open.ID); !maillage.IsNotFound(err) {
		t.Errorf("unfollowing twice: %v", err)
	}
}
