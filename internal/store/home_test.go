package store_test

import (
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// TestHomeNoteAndThreadFilters: a member's communities' notes and threads,
// the notes under followed tags and people, each through the viewer's
// filter; their own notes left out on demand.
func TestHomeNoteAndThreadFilters(t *testing.T) {
	w := newNFWorld(t)
	ids := func(list []maillage.NoteSummary) map[string]bool {
		m := map[string]bool{}
		for _, n := range list {
			m[n.ID] = true
		}
		return m
	}
	// hugo belongs to the private community; erin to none.
	hugo := maillage.Viewer{UserID: w.id("hugo"), Roles: map[string]maillage.Role{w.priv.ID: maillage.RoleMember}}
	erin := maillage.Viewer{UserID: w.id("erin")}
	mine, _, err := w.db.Notes(w.ctx, hugo, store.NoteFilter{MemberID: hugo.UserID, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(mine); len(got) != 1 || !got[w.commNote.ID] {
		t.Errorf("hugo's communities' notes: %+v", mine)
	}
	if mine, _, _ := w.db.Notes(w.ctx, erin, store.NoteFilter{MemberID: erin.UserID, Limit: 10}); len(mine) != 0 {
		t.Errorf("erin belongs nowhere: %+v", mine)
	}
	// erin follows the tag: she gets the public note, not the private
	// community's one she may not read; hugo, who may, gets both.
	followed, _, err := w.db.Notes(w.ctx, erin, store.NoteFilter{FollowedBy: erin.UserID, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(followed); len(got) != 1 || !got[w.pubNote.ID] {
		t.Errorf("erin's followed notes: %+v", followed)
	}
	if got, _, _ := w.db.Notes(w.ctx, hugo, store.NoteFilter{FollowedBy: hugo.UserID, Limit: 10}); len(got) != 2 {
		t.Errorf("hugo's followed notes: %+v", got)
	}
	// frank follows the author.
	frank := maillage.Viewer{UserID: w.id("frank")}
	if got, _, _ := w.db.Notes(w.ctx, frank, store.NoteFilter{FollowedBy: frank.UserID, Limit: 10}); len(got) != 1 {
		t.Errorf("frank's followed notes: %+v", got)
	}
	actor := maillage.Viewer{UserID: w.id("actor"), Roles: map[string]maillage.Role{w.priv.ID: maillage.RoleManager, w.pub.ID: maillage.RoleManager}}
	if got, _, _ := w.db.Notes(w.ctx, actor, store.NoteFilter{MemberID: actor.UserID, NotAuthorID: actor.UserID, Limit: 10}); len(got) != 0 {
		t.Errorf("the author's own notes are news to her: %+v", got)
	}
	threads, _, total, err := w.db.Threads(w.ctx, hugo, store.ThreadFilter{MemberID: hugo.UserID, Limit: 10})
	if err != nil || total != 1 || threads[0].ID != w.privThread.ID {
		t.Errorf("hugo's threads: %+v %d (%v)", threads, total, err)
	}
	if _, _, total, _ := w.db.Threads(w.ctx, erin, store.ThreadFilter{MemberID: erin.UserID, Limit: 10}); total != 0 {
		t.Errorf("erin's threads: %d", total)
	}
}

// TestPendingRequestsAndNotificationCounts: join requests counted for
// managers only; unread notifications counted by community and kind, the
// community named only to who may see it; a filter marked read.
func TestPendingRequestsAndNotificationCounts(t *testing.T) {
	w := newNFWorld(t)
	w.update(func(tx *store.Tx) error { return tx.CreateJoinRequest(w.ctx, w.priv.ID, w.id("erin"), "Bonjour") })
	got, err := w.db.PendingRequestsToAnswer(w.ctx, w.id("actor"))
	if err != nil || len(got) != 1 || got[0].CommunityID != w.priv.ID || got[0].Requests != 1 {
		t.Errorf("actor's requests to answer: %+v (%v)", got, err)
	}
	if got, _ := w.db.PendingRequestsToAnswer(w.ctx, w.id("hugo")); len(got) != 0 {
		t.Errorf("a member is asked to answer: %+v", got)
	}
	// The private thread's news for the private community's members.
	w.fanOut(store.FanOut{Kind: maillage.EventThreadCreated, ActorID: w.id("actor"), SubjectType: maillage.SubjectThread,
		SubjectID: w.privThread.ID, CommunityID: w.priv.ID, AllMembers: true})
	counts, err := w.db.UnreadNotificationCounts(w.ctx, w.id("hugo"))
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 1 || counts[0].CommunityID != w.priv.ID || counts[0].CommunityName != w.priv.Name ||
		counts[0].Kind != maillage.EventThreadCreated || counts[0].Unread < 1 {
		t.Fatalf("hugo's counts: %+v", counts)
	}
	n, err := 0, error(nil)
	err = w.db.Update(w.ctx, func(tx *store.Tx) error {
		n, err = tx.MarkNotificationsRead(w.ctx, w.id("hugo"), store.NotificationFilter{
			Kinds: []maillage.EventKind{maillage.EventThreadCreated}, CommunityID: w.priv.ID})
		return err
	})
	if err != nil || n != counts[0].Unread {
		t.Errorf("marked %d of %d (%v)", n, counts[0].Unread, err)
	}
	if counts, _ := w.db.UnreadNotificationCounts(w.ctx, w.id("hugo")); len(counts) != 0 {
		t.Errorf("after marking read: %+v", counts)
	}
}
