package store_test

import (
	"context"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// integrated is the event of a public note integrated into the public
// community's public notebook.
func (w *nfWorld) integrated() store.FanOut {
	return store.FanOut{Kind: maillage.EventNoteIntegrated, ActorID: w.id("actor"),
		SubjectType: maillage.SubjectNote, SubjectID: w.pubNote.ID, ParentType: maillage.SubjectNotebook, ParentID: w.pubBook.ID,
		CommunityID: w.pub.ID, AllMembers: true, Followers: true, CommunityFollowers: true, ItemFollowers: true}
}

func TestFanOutPreferencesFollowsAndExclusions(t *testing.T) {
	for _, fast := range []bool{false, true} {
		w := newNFWorld(t)
		f := w.integrated()
		f.VisibleToAll = fast
		var chunks []store.Chunk
		var at time.Time
		f.OnChunk = func(ctx context.Context, tx *store.Tx, c store.Chunk) error {
			chunks, at = append(chunks, c), tx.Now()
			return nil
		}
		if n := w.fanOut(f); n != 6 {
			t.Errorf("fast=%v: %d rows, want 6 (alice, bob, carol, erin, frank, hugo)", fast, n)
		}
		want := map[string]maillage.EventKind{"alice": maillage.EventNoteIntegrated, "bob": maillage.EventNoteIntegrated,
			"carol": maillage.EventNoteIntegrated, "erin": maillage.EventNewFollowedItem, "frank": maillage.EventNewFollowedItem,
			"hugo": maillage.EventNewFollowedItem}
		for name := range w.users {
			got, ok := w.inbox(name)[w.pubNote.ID]
			kind, wanted := want[name]
			switch {
			case ok != wanted:
				t.Errorf("fast=%v: %s notified %v, want %v", fast, name, ok, wanted)
			case ok && got.Kind != kind:
				t.Errorf("fast=%v: %s got kind %s, want %s", fast, name, got.Kind, kind)
			case ok && (got.SubjectTitle != w.pubNote.Title || got.ParentTitle != w.pubBook.Title || got.ActorName != "actor" || got.Read()):
				t.Errorf("fast=%v: %s notification %+v", fast, name, got)
			}
		}
		if len(chunks) != 1 {
			t.Fatalf("fast=%v: %d chunks", fast, len(chunks))
		}
		// Email routing: 'each' now (alice), the daily digest for bob and,
		// by default, erin, frank and hugo; carol in the weekly one.
		ek, ik := f.Keys()
		pending, err := w.db.PendingEachEmails(w.ctx, []string{ek, ik}, chunks[0], at, "", 100)
		if err != nil {
			t.Fatal(err)
		}
		var each []string
		for _, p := range pending {
			each = append(each, p.UserID)
		}
		wantEach := []string{w.id("alice")}
		if !slices.Equal(each, wantEach) {
			t.Errorf("fast=%v: 'each' emails to %v, want %v", fast, each, wantEach)
		}
		for period, who := range map[maillage.NotifyMode][]string{maillage.NotifyDaily: {"bob", "erin", "frank", "hugo"},
			maillage.NotifyWeekly: {"carol"}} {
			got, err := w.db.DigestRecipients(w.ctx, period, time.Now().Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, name := range who {
				ids = append(ids, w.id(name))
			}
			sort.Strings(ids)
			sort.Strings(got)
			if !slices.Equal(got, ids) {
				t.Errorf("fast=%v: %s digest for %v, want %v", fast, period, got, who)
			}
		}
		// A retried fan-out writes nothing twice and queues no new emails.
		if n := w.fanOut(f); n != 0 {
			t.Errorf("fast=%v: retry wrote %d rows", fast, n)
		}
		if len(chunks) != 1 {
			t.Errorf("fast=%v: retry ran OnChunk again", fast)
		}
		// Read in the application before its email left: no email.
		w.update(func(tx *store.Tx) error {
			return tx.MarkNotificationRead(w.ctx, w.id("alice"), w.inbox("alice")[w.pubNote.ID].ID)
		})
		if pending, _ := w.db.PendingEachEmails(w.ctx, []string{ek, ik}, chunks[0], at, "", 100); len(pending) != 0 {
			t.Errorf("fast=%v: %d emails pending after alice read hers, want 0", fast, len(pending))
		}
	}
}

func TestFanOutNeverRevealsWhatRecipientsMayNotSee(t *testing.T) {
	w := newNFWorld(t)
	// A note for the private community's members, tagged: among the tag's
	// followers only hugo (a member) hears of it; frank follows the
	// author but is not a member.
	w.fanOut(store.FanOut{Kind: maillage.EventNewFollowedItem, ActorID: w.id("actor"), SubjectType: maillage.SubjectNote,
		SubjectID: w.commNote.ID, CommunityID: w.priv.ID, Followers: true, CommunityFollowers: true, ItemFollowers: true})
	for name, want := range map[string]bool{"hugo": true, "erin": false, "frank": false, "alice": false} {
		if _, got := w.inbox(name)[w.commNote.ID]; got != want {
			t.Errorf("community note: %s notified %v, want %v", name, got, want)
		}
	}
	// A thread of the private community: followers of the community and
	// of its author who are not members hear nothing; the whole
	// community does.
	w.update(func(tx *store.Tx) error {
		_, err := tx.Follow(w.ctx, w.id("erin"), maillage.FollowCommunity, w.priv.ID)
		return err
	})
	w.fanOut(store.FanOut{Kind: maillage.EventThreadCreated, ActorID: w.id("actor"), SubjectType: maillage.SubjectThread,
		SubjectID: w.privThread.ID, CommunityID: w.priv.ID, AllMembers: true, Followers: true, CommunityFollowers: true, ItemFollowers: true})
	for name, want := range map[string]bool{"hugo": true, "alice": true, "erin": false, "frank": false, "actor": false} {
		if _, got := w.inbox(name)[w.privThread.ID]; got != want {
			t.Errorf("private thread: %s notified %v, want %v", name, got, want)
		}
	}
	// A mention in that thread of someone who cannot see it: nothing. A
	// mention of dave, whose mode is 'none' in the public community,
	// still arrives (direct), without email.
	w.fanOut(store.FanOut{Kind: maillage.EventMention, ActorID: w.id("actor"), SubjectType: maillage.SubjectThread,
		SubjectID: w.privThread.ID, CommunityID: w.priv.ID, DirectIDs: []string{w.id("bob"), w.id("erin")}})
	for _, name := range []string{"bob", "erin"} {
		if n := len(w.inbox(name)); n != 0 {
			t.Errorf("mention in a thread %s may not see: %d notifications", name, n)
		}
	}
	var at time.Time
	var chunk store.Chunk
	f := store.FanOut{Kind: maillage.EventMention, ActorID: w.id("actor"), SubjectType: maillage.SubjectNote,
		SubjectID: w.pubNote.ID, CommunityID: w.pub.ID, DirectIDs: []string{w.id("dave"), w.id("gina"), w.id("actor")},
		OnChunk: func(ctx context.Context, tx *store.Tx, c store.Chunk) error { at, chunk = tx.Now(), c; return nil }}
	if n := w.fanOut(f); n != 1 {
		t.Errorf("mention of dave (none), gina (blocked the actor) and the actor: %d rows, want 1", n)
	}
	if got, ok := w.inbox("dave")[w.pubNote.ID]; !ok || got.Kind != maillage.EventMention || !got.Direct {
		t.Errorf("dave's mention: %+v", got)
	}
	ek, ik := f.Keys()
	if pending, _ := w.db.PendingEachEmails(w.ctx, []string{ek, ik}, chunk, at, "", 10); len(pending) != 0 {
		t.Errorf("dave chose no email, yet %d emails are pending", len(pending))
	}
}

func TestFanOutChunksAndRaisesReadNotifications(t *testing.T) {
	w := newNFWorld(t)
	// Emails at once for the people reached through follows, so several
	// chunks have 'each' recipients.
	w.update(func(tx *store.Tx) error {
		for _, name := range []string{"erin", "frank", "hugo"} {
			if err := tx.SetNotifyMode(w.ctx, w.id(name), "", maillage.NotifyEach); err != nil {
				return err
			}
		}
		return nil
	})
	f := w.integrated()
	f.Chunk = 2
	calls := 0
	type stamped struct {
		c  store.Chunk
		at time.Time
	}
	var chunks []stamped
	f.OnChunk = func(ctx context.Context, tx *store.Tx, c store.Chunk) error {
		// Members set the chunks; people reached otherwise (erin,
		// frank, hugo) join the chunk their IDs fall in.
		if c.Rows > 2+3 {
			t.Errorf("chunk of %d rows", c.Rows)
		}
		chunks = append(chunks, stamped{c, tx.Now()})
		calls++
		return nil
	}
	if n := w.fanOut(f); n != 6 {
		t.Errorf("chunked fan-out wrote %d rows, want 6", n)
	}
	// Members bound the chunks, two by two, and alice, bob and carol are
	// three of them: whatever their (random) IDs, they cannot share one
	// chunk. How many chunks the others add depends on where their IDs
	// fall, so only the lower bound and the total are fixed.
	rows := 0
	for _, ch := range chunks {
		rows += ch.c.Rows
	}
	if calls < 2 || rows != 6 {
		t.Errorf("%d chunks with %d rows in all for 6 recipients by 2", calls, rows)
	}
	// Each chunk's email job finds exactly its own recipients, one at a
	// time: together the 'each' ones, none twice.
	ek, ik := f.Keys()
	var covered []string
	for _, ch := range chunks {
		for after := ""; ; {
			p, err := w.db.PendingEachEmails(w.ctx, []string{ek, ik}, ch.c, ch.at, after, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(p) == 0 {
				break
			}
			after = p[0].UserID
			covered = append(covered, after)
		}
	}
	sort.Strings(covered)
	wantEach := []string{w.id("alice"), w.id("erin"), w.id("frank"), w.id("hugo")}
	sort.Strings(wantEach)
	if !slices.Equal(covered, wantEach) {
		t.Errorf("chunks' emails go to %v, want %v", covered, wantEach)
	}
	// Alice reads hers; the same event again raises it, unread, and
	// leaves the others (still unread) alone.
	n := w.inbox("alice")[w.pubNote.ID]
	w.update(func(tx *store.Tx) error { return tx.MarkNotificationRead(w.ctx, w.id("alice"), n.ID) })
	if !w.inbox("alice")[w.pubNote.ID].Read() {
		t.Fatal("not marked read")
	}
	if got := w.fanOut(f); got != 1 {
		t.Errorf("raise wrote %d rows, want 1", got)
	}
	if again := w.inbox("alice")[w.pubNote.ID]; again.Read() || again.ID != n.ID {
		t.Errorf("raised notification %+v (was %s)", again, n.ID)
	}
	// Marking another person's notification read is not found.
	err := w.db.Update(w.ctx, func(tx *store.Tx) error { return tx.MarkNotificationRead(w.ctx, w.id("bob"), n.ID) })
	if !maillage.IsNotFound(err) {
		t.Errorf("bob marking alice's notification: %v", err)
	}
}

func TestNotificationsRecheckVisibilityWhenRead(t *testing.T) {
	w := newNFWorld(t)
	w.fanOut(w.integrated())
	n := w.inbox("alice")[w.pubNote.ID]
	if c, _ := w.db.UnreadNotifications(w.ctx, w.id("alice"), 100); c != 1 {
		t.Fatalf("unread %d", c)
	}
	// The note is renamed: the notification shows the current title.
	w.pubNote.Title = "Guide du réemploi, 2e édition"
	w.update(func(tx *store.Tx) error { return tx.UpdateNote(w.ctx, w.pubNote, 0) })
	if got := w.inbox("alice")[w.pubNote.ID].SubjectTitle; got != w.pubNote.Title {
		t.Errorf("title %q, want the current one", got)
	}
	// Made private afterwards: gone from lists, counts and direct reads.
	w.pubNote.Visibility = maillage.VisibilityPrivate
	w.update(func(tx *store.Tx) error { return tx.UpdateNote(w.ctx, w.pubNote, 0) })
	if len(w.inbox("alice")) != 0 {
		t.Error("a notification about a now private note is still listed")
	}
	if c, _ := w.db.UnreadNotifications(w.ctx, w.id("alice"), 100); c != 0 {
		t.Errorf("unread count %d counts a now private note", c)
	}
	if _, err := w.db.Notification(w.ctx, w.id("alice"), n.ID); !maillage.IsNotFound(err) {
		t.Errorf("reading it: %v", err)
	}
	// Public again, then alice blocks the actor: hidden again.
	w.pubNote.Visibility = maillage.VisibilityPublic
	w.update(func(tx *store.Tx) error { return tx.UpdateNote(w.ctx, w.pubNote, 0) })
	if len(w.inbox("alice")) != 1 {
		t.Fatal("the notification did not come back with the note")
	}
	w.update(func(tx *store.Tx) error { return tx.BlockUser(w.ctx, w.id("alice"), w.id("actor")) })
	if len(w.inbox("alice")) != 0 {
		t.Error("a notification from someone alice blocked is still listed")
	}
}

func TestMarkAllReadAndUnreadFilter(t *testing.T) {
	w := newNFWorld(t)
	w.fanOut(w.integrated())
	w.fanOut(store.FanOut{Kind: maillage.EventThreadCreated, ActorID: w.id("actor"), SubjectType: maillage.SubjectThread,
		SubjectID: w.privThread.ID, CommunityID: w.priv.ID, AllMembers: true})
	list, total, err := w.db.Notifications(w.ctx, w.id("alice"), store.NotificationFilter{Limit: 1})
	if err != nil || total != 2 || len(list) != 1 || list[0].SubjectID != w.privThread.ID {
		t.Fatalf("newest first, paged: %+v total %d (%v)", list, total, err)
	}
	if list[0].CommunityName != w.priv.Name {
		t.Errorf("community name %q", list[0].CommunityName)
	}
	var changed int
	w.update(func(tx *store.Tx) error {
		var err error
		changed, err = tx.MarkAllNotificationsRead(w.ctx, w.id("alice"))
		return err
	})
	if changed != 2 {
		t.Errorf("marked %d read", changed)
	}
	if _, total, _ := w.db.Notifications(w.ctx, w.id("alice"), store.NotificationFilter{UnreadOnly: true}); total != 0 {
		t.Errorf("%d unread after marking all read", total)
	}
	if _, total, _ := w.db.Notifications(w.ctx, w.id("hugo"), store.NotificationFilter{UnreadOnly: true}); total != 2 {
		t.Errorf("hugo's notifications changed: %d unread", total)
	}
}
