package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// tickingClock makes every transaction one second later than the last, so
// "read before" and "posted after" never share a timestamp.
func tickingClock(db *store.DB) {
	t := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func newConversation(t *testing.T, db *store.DB, by string, ids ...string) *maillage.Conversation {
	t.Helper()
	c := &maillage.Conversation{ID: auth.NewID(), CreatedBy: by}
	if err := db.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateConversation(context.Background(), c, ids) }); err != nil {
		t.Fatalf("create conversation: %v", err)
	}
	return c
}

func postMessage(t *testing.T, db *store.DB, conv, author, body string) *maillage.Message {
	t.Helper()
	m := &maillage.Message{ID: auth.NewID(), ConversationID: conv, AuthorID: author, Body: body}
	if err := db.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateMessage(context.Background(), m) }); err != nil {
		t.Fatalf("post message: %v", err)
	}
	return m
}

func update(t *testing.T, db *store.DB, fn func(ctx context.Context, tx *store.Tx) error) {
	t.Helper()
	ctx := context.Background()
	if err := db.Update(ctx, func(tx *store.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
}

// TestConversationPolicySQLMirror checks that the SQL filter of
// conversation lists agrees with maillage.CanViewConversation.
func TestConversationPolicySQLMirror(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	tickingClock(db)
	ana := newUser(t, db, "Ana", "ana@exemple.org", maillage.ProfilePublic)
	ben := newUser(t, db, "Ben", "ben@exemple.org", maillage.ProfileMembers)
	cleo := newUser(t, db, "Cléo", "cleo@exemple.org", maillage.ProfilePublic)
	root := newUser(t, db, "Root", "root@exemple.org", maillage.ProfilePublic)
	direct := newConversation(t, db, ana.ID, ana.ID, ben.ID)
	group := newConversation(t, db, ana.ID, ana.ID, ben.ID, cleo.ID)
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.LeaveConversation(ctx, group.ID, ben.ID) })

	viewers := map[string]maillage.Viewer{
		"anonymous":     maillage.Anonymous(),
		"ana":           {UserID: ana.ID},
		"ben (left)":    {UserID: ben.ID},
		"cleo":          {UserID: cleo.ID},
		"administrator": {UserID: root.ID, Admin: true},
	}
	for name, v := range viewers {
		list, total, err := db.Conversations(ctx, v, store.ConversationFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, c := range list {
			listed[c.ID] = true
		}
		if total != len(list) {
			t.Errorf("%s: total %d for %d listed", name, total, len(list))
		}
		for _, c := range []*maillage.Conversation{direct, group} {
			ids, err := db.ConversationParticipantIDs(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if want := maillage.CanViewConversation(v, ids); listed[c.ID] != want {
				t.Errorf("%s, conversation %s: policy says %v, SQL lists %v", name, c.Kind, want, listed[c.ID])
			}
		}
	}
	// The cases above cover both answers.
	if !slices.Contains(mustIDs(t, db, group.ID), cleo.ID) || slices.Contains(mustIDs(t, db, group.ID), ben.ID) {
		t.Fatal("leaving did not change the participants")
	}
}

func mustIDs(t *testing.T, db *store.DB, conv string) []string {
	t.Helper()
	ids, err := db.ConversationParticipantIDs(context.Background(), conv)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestDirectConversationIsUniqueUntilItBecomesAGroup(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	tickingClock(db)
	ana := newUser(t, db, "Ana", "ana@exemple.org", maillage.ProfilePublic)
	ben := newUser(t, db, "Ben", "ben@exemple.org", maillage.ProfilePublic)
	cleo := newUser(t, db, "Cléo", "cleo@exemple.org", maillage.ProfilePublic)
	c := newConversation(t, db, ana.ID, ana.ID, ben.ID)
	if c.Kind != maillage.ConversationDirect {
		t.Fatalf("two people: kind %q", c.Kind)
	}
	// The same pair, in the other order, cannot get a second one.
	err := db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateConversation(ctx, &maillage.Conversation{ID: auth.NewID(), CreatedBy: ben.ID}, []string{ben.ID, ana.ID})
	})
	if maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("second direct conversation: %v", err)
	}
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		id, err := tx.DirectConversation(ctx, ben.ID, ana.ID)
		if err != nil || id != c.ID {
			t.Errorf("direct conversation lookup: %q %v", id, err)
		}
		return tx.AddParticipants(ctx, c.ID, []string{cleo.ID})
	})
	got, err := db.Conversation(ctx, maillage.Viewer{UserID: ana.ID}, c.ID)
	if err != nil || got.Kind != maillage.ConversationGroup || len(got.Participants) != 3 {
		t.Fatalf("after adding a third person: %+v %v", got, err)
	}
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		if _, err := tx.DirectConversation(ctx, ana.ID, ben.ID); !maillage.IsNotFound(err) {
			t.Errorf("a group still answers as the pair's direct conversation: %v", err)
		}
		return nil
	})
	// A new direct conversation for the pair is now possible.
	newConversation(t, db, ana.ID, ana.ID, ben.ID)
}

func TestUnreadMuteLeaveAndRejoin(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	tickingClock(db)
	ana := newUser(t, db, "Ana", "ana@exemple.org", maillage.ProfilePublic)
	ben := newUser(t, db, "Ben", "ben@exemple.org", maillage.ProfilePublic)
	va, vb := maillage.Viewer{UserID: ana.ID}, maillage.Viewer{UserID: ben.ID}
	c := newConversation(t, db, ana.ID, ana.ID, ben.ID)
	postMessage(t, db, c.ID, ana.ID, "Bonjour")
	last := postMessage(t, db, c.ID, ana.ID, "Tu es là ?")

	got, err := db.Conversation(ctx, vb, c.ID)
	if err != nil || got.Unread != 2 {
		t.Fatalf("ben's unread: %+v %v", got, err)
	}
	if got, _ := db.Conversation(ctx, va, c.ID); got.Unread != 0 {
		t.Fatalf("an author's own messages count as unread: %d", got.Unread)
	}
	list, _, err := db.Conversations(ctx, vb, store.ConversationFilter{Unread: true})
	if err != nil || len(list) != 1 || list[0].Last == nil || list[0].Last.ID != last.ID || list[0].Last.AuthorName != "Ana" {
		t.Fatalf("unread list with last message: %+v %v", list, err)
	}
	if n, _ := db.UnreadConversations(ctx, ben.ID); n != 1 {
		t.Fatalf("unread conversations: %d", n)
	}
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.MarkConversationRead(ctx, c.ID, ben.ID) })
	if got, _ := db.Conversation(ctx, vb, c.ID); got.Unread != 0 || got.LastReadAt == nil {
		t.Fatalf("after reading: %+v", got)
	}
	if list, _, _ := db.Conversations(ctx, vb, store.ConversationFilter{Unread: true}); len(list) != 0 {
		t.Fatalf("read conversation still in the unread list")
	}

	// Muted: still listed and counted on the page, not in the menu count.
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.SetConversationMuted(ctx, c.ID, ben.ID, true) })
	postMessage(t, db, c.ID, ana.ID, "Encore moi")
	if got, _ := db.Conversation(ctx, vb, c.ID); !got.Muted || got.Unread != 1 {
		t.Fatalf("muted conversation: %+v", got)
	}
	if n, _ := db.UnreadConversations(ctx, ben.ID); n != 0 {
		t.Fatalf("a muted conversation counts in the menu: %d", n)
	}

	// Leaving twice is not found; rejoining restores access.
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.LeaveConversation(ctx, c.ID, ben.ID) })
	err = db.Update(ctx, func(tx *store.Tx) error { return tx.LeaveConversation(ctx, c.ID, ben.ID) })
	if !maillage.IsNotFound(err) {
		t.Fatalf("leaving twice: %v", err)
	}
	for _, op := range []func(tx *store.Tx) error{
		func(tx *store.Tx) error { return tx.MarkConversationRead(ctx, c.ID, ben.ID) },
		func(tx *store.Tx) error { return tx.SetConversationMuted(ctx, c.ID, ben.ID, false) },
	} {
		if err := db.Update(ctx, op); !maillage.IsNotFound(err) {
			t.Fatalf("acting after leaving: %v", err)
		}
	}
	if list, total, _ := db.Conversations(ctx, vb, store.ConversationFilter{}); total != 0 || len(list) != 0 {
		t.Fatal("a left conversation is still listed")
	}
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.AddParticipants(ctx, c.ID, []string{ben.ID}) })
	if ids := mustIDs(t, db, c.ID); !slices.Equal(ids, sorted(ana.ID, ben.ID)) {
		t.Fatalf("rejoined participants: %v", ids)
	}
	if got, _ := db.Conversation(ctx, va, c.ID); got.Kind != maillage.ConversationDirect {
		t.Fatalf("coming back made the pair a group: %q", got.Kind)
	}
}

func sorted(ids ...string) []string {
	slices.Sort(ids)
	return ids
}

func TestMessagesPagesAndDuplicates(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	tickingClock(db)
	ana := newUser(t, db, "Ana", "ana@exemple.org", maillage.ProfilePublic)
	ben := newUser(t, db, "Ben", "ben@exemple.org", maillage.ProfilePublic)
	cleo := newUser(t, db, "Cléo", "cleo@exemple.org", maillage.ProfilePublic)
	c := newConversation(t, db, ana.ID, ana.ID, ben.ID, cleo.ID)
	var posted []*maillage.Message
	for _, body := range []string{"un", "deux", "trois", "quatre", "cinq"} {
		posted = append(posted, postMessage(t, db, c.ID, ana.ID, body))
	}
	page, total, err := db.Messages(ctx, c.ID, 2, 1)
	if err != nil || total != 5 || len(page) != 2 || page[0].Body != "quatre" || page[1].Body != "trois" {
		t.Fatalf("second page, newest first: %+v %d %v", page, total, err)
	}
	if m, err := db.Message(ctx, posted[0].ID); err != nil || m.AuthorName != "Ana" || m.Body != "un" {
		t.Fatalf("one message: %+v %v", m, err)
	}
	if m, err := db.LastMessage(ctx, c.ID); err != nil || m.ID != posted[4].ID {
		t.Fatalf("last message: %+v %v", m, err)
	}
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		id, err := tx.RecentDuplicateMessage(ctx, c.ID, ana.ID, "cinq", tx.Now().Add(-time.Minute))
		if err != nil || id != posted[4].ID {
			t.Errorf("duplicate within the window: %q %v", id, err)
		}
		if _, err := tx.RecentDuplicateMessage(ctx, c.ID, ana.ID, "un", tx.Now().Add(-2*time.Second)); !maillage.IsNotFound(err) {
			t.Errorf("an old message counts as a duplicate: %v", err)
		}
		if _, err := tx.RecentDuplicateMessage(ctx, c.ID, ben.ID, "cinq", tx.Now().Add(-time.Minute)); !maillage.IsNotFound(err) {
			t.Errorf("someone else's message counts as a duplicate: %v", err)
		}
		id, err = tx.RecentDuplicateConversation(ctx, ana.ID, []string{cleo.ID, ana.ID, ben.ID}, "trois", tx.Now().Add(-time.Minute))
		if err != nil || id != c.ID {
			t.Errorf("same group started twice: %q %v", id, err)
		}
		if _, err := tx.RecentDuplicateConversation(ctx, ana.ID, []string{ana.ID, ben.ID}, "trois", tx.Now().Add(-time.Minute)); !maillage.IsNotFound(err) {
			t.Errorf("other participants count as a duplicate: %v", err)
		}
		return nil
	})
}

func TestBlocksAndMessageRecipients(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	tickingClock(db)
	ana := newUser(t, db, "Ana", "ana@exemple.org", maillage.ProfilePublic)
	ben := newUser(t, db, "Ben", "ben@exemple.org", maillage.ProfilePublic)
	cleo := newUser(t, db, "Cléo", "cleo@exemple.org", maillage.ProfilePublic)
	dan := newUser(t, db, "Dan", "dan@exemple.org", maillage.ProfilePublic)
	eve := newUser(t, db, "Ève", "eve@exemple.org", maillage.ProfilePublic)
	c := newConversation(t, db, ana.ID, ana.ID, ben.ID, cleo.ID, dan.ID, eve.ID)
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		if err := tx.SetConversationMuted(ctx, c.ID, ben.ID, true); err != nil {
			return err
		}
		if err := tx.BlockUser(ctx, cleo.ID, ana.ID); err != nil {
			return err
		}
		// Twice is harmless.
		if err := tx.BlockUser(ctx, cleo.ID, ana.ID); err != nil {
			return err
		}
		// Ana blocking Dan does not stop Dan hearing from Ana.
		if err := tx.BlockUser(ctx, ana.ID, dan.ID); err != nil {
			return err
		}
		return tx.LeaveConversation(ctx, c.ID, eve.ID)
	})
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		got, err := tx.MessageRecipients(ctx, c.ID, ana.ID)
		if err != nil {
			return err
		}
		if !slices.Equal(got, []string{dan.ID}) {
			t.Errorf("recipients of ana's message: %v, want only dan (ben muted, cleo blocked ana, eve left)", got)
		}
		blockers, err := tx.BlockersOf(ctx, ana.ID, []string{ben.ID, cleo.ID, dan.ID})
		if err != nil || !slices.Equal(blockers, []string{cleo.ID}) {
			t.Errorf("who blocked ana: %v %v", blockers, err)
		}
		blocked, err := tx.BlockedBy(ctx, ana.ID, []string{ben.ID, cleo.ID, dan.ID})
		if err != nil || !slices.Equal(blocked, []string{dan.ID}) {
			t.Errorf("whom ana blocked: %v %v", blocked, err)
		}
		return nil
	})
	if ok, _ := db.HasBlocked(ctx, cleo.ID, ana.ID); !ok {
		t.Fatal("block not recorded")
	}
	if ok, _ := db.HasBlocked(ctx, ana.ID, cleo.ID); ok {
		t.Fatal("a block works both ways in the table")
	}
	list, total, err := db.BlockedUsers(ctx, cleo.ID, 10, 0)
	if err != nil || total != 1 || list[0].BlockedID != ana.ID || list[0].BlockedName != "Ana" {
		t.Fatalf("cleo's blocks: %+v %v", list, err)
	}
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UnblockUser(ctx, cleo.ID, ana.ID) })
	if _, total, _ := db.BlockedUsers(ctx, cleo.ID, 10, 0); total != 0 {
		t.Fatal("unblock kept the block")
	}
	// Blocking oneself is refused by the database itself.
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.BlockUser(ctx, ana.ID, ana.ID) }); err == nil {
		t.Fatal("blocked oneself")
	}
	title, err := db.ConversationTitle(ctx, c.ID, ana.ID)
	if err != nil || title != "Ben, Cléo, Dan" {
		t.Fatalf("title without subject: %q %v", title, err)
	}
}
