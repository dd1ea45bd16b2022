package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// discussionWorld is a public and a private community, each with a
// manager, a member and their threads and replies, some hidden.
type discussionWorld struct {
	db       *store.DB
	comms    []*maillage.Community
	threads  []*maillage.Thread
	replies  []*maillage.Reply
	viewers  map[string]maillage.Viewer
	manager  *maillage.User
	member   *maillage.User
	outsider *maillage.User
}

func newDiscussionWorld(t *testing.T) *discussionWorld {
	t.Helper()
	ctx := context.Background()
	w := &discussionWorld{db: testutil.OpenDB(t)}
	w.manager = newUser(t, w.db, "Responsable", "mgr@exemple.org", maillage.ProfileMembers)
	w.member = newUser(t, w.db, "Membre", "mem@exemple.org", maillage.ProfilePublic)
	w.outsider = newUser(t, w.db, "Dehors", "out@exemple.org", maillage.ProfilePublic)
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityPrivate} {
		c := &maillage.Community{ID: auth.NewID(), Name: string(vis), Visibility: vis, Listed: false, CreatedBy: w.manager.ID}
		err := w.db.Update(ctx, func(tx *store.Tx) error {
			if err := tx.CreateCommunity(ctx, c); err != nil {
				return err
			}
			if err := tx.UpsertMember(ctx, c.ID, w.member.ID, maillage.RoleMember); err != nil {
				return err
			}
			// Threads by the member and the manager, hidden or not, each
			// with a hidden and a visible reply by the other.
			for _, author := range []*maillage.User{w.member, w.manager} {
				for _, hidden := range []bool{false, true} {
					th := &maillage.Thread{ID: auth.NewID(), CommunityID: c.ID, AuthorID: author.ID, Title: fmt.Sprintf("%s %v", author.Name, hidden), Body: "Texte"}
					if err := tx.CreateThread(ctx, th); err != nil {
						return err
					}
					if hidden {
						if err := tx.SetThreadFlag(ctx, th.ID, store.FlagHidden, true); err != nil {
							return err
						}
					}
					th.Hidden, th.Community = hidden, c.Access()
					w.threads = append(w.threads, th)
					for _, rh := range []bool{false, true} {
						other := w.manager
						if author == w.manager {
							other = w.member
						}
						r := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, AuthorID: other.ID, Body: "Réponse"}
						if err := tx.CreateReply(ctx, r); err != nil {
							return err
						}
						if rh {
							if err := tx.SetReplyHidden(ctx, r.ID, true); err != nil {
								return err
							}
						}
						r.Hidden = rh
						w.replies = append(w.replies, r)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		w.comms = append(w.comms, c)
	}
	w.viewers = map[string]maillage.Viewer{"anonymous": maillage.Anonymous(), "admin": {UserID: "admin-id", Admin: true}}
	for _, u := range []*maillage.User{w.manager, w.member, w.outsider} {
		roles, err := w.db.CommunityRoles(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.viewers[u.Name] = maillage.Viewer{UserID: u.ID, Roles: roles}
	}
	return w
}

// TestThreadPolicySQLMirror checks that thread lists, their totals and
// their reply counts show exactly what maillage.CanViewThread allows, for
// every kind of viewer in a public and a private community.
func TestThreadPolicySQLMirror(t *testing.T) {
	ctx := context.Background()
	w := newDiscussionWorld(t)
	for name, v := range w.viewers {
		for _, c := range w.comms {
			var want []string
			wantReplies := map[string]int{}
			for _, th := range w.threads {
				if th.CommunityID != c.ID || !maillage.CanViewThread(v, th.Access()) {
					continue
				}
				want = append(want, th.ID)
				for _, r := range w.replies {
					if r.ThreadID == th.ID && maillage.CanViewThread(v, r.Access(c.Access())) {
						wantReplies[th.ID]++
					}
				}
			}
			list, counts, total, err := w.db.Threads(ctx, v, store.ThreadFilter{CommunityID: c.ID, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, th := range list {
				got = append(got, th.ID)
				if counts[i] != wantReplies[th.ID] {
					t.Errorf("%s in %s: thread %q shows %d replies, policy allows %d", name, c.Name, th.Title, counts[i], wantReplies[th.ID])
				}
				replies, rt, err := w.db.Replies(ctx, v, th.ID, 0, 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(replies) != wantReplies[th.ID] || rt != len(replies) {
					t.Errorf("%s in %s: thread %q lists %d replies (total %d), policy allows %d", name, c.Name, th.Title, len(replies), rt, wantReplies[th.ID])
				}
			}
			if !equalSets(got, want) || total != len(want) {
				t.Errorf("%s in %s: threads %v (total %d), policy allows %v", name, c.Name, got, total, want)
			}
		}
	}
	// The policy itself distinguishes the cases the mirror is tested on.
	if n := len(w.threads); n != 8 {
		t.Fatalf("world has %d threads", n)
	}
}

func TestThreadOrderAndAuthorNames(t *testing.T) {
	ctx := context.Background()
	w := newDiscussionWorld(t)
	pub := w.comms[0]
	last := w.threads[0]
	if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.SetThreadFlag(ctx, last.ID, store.FlagPinned, true) }); err != nil {
		t.Fatal(err)
	}
	list, _, _, err := w.db.Threads(ctx, maillage.Anonymous(), store.ThreadFilter{CommunityID: pub.ID})
	if err != nil || len(list) == 0 || list[0].ID != last.ID || !list[0].Pinned {
		t.Fatalf("pinned thread not first: %+v %v", list, err)
	}
	// The manager's profile is for members only: a visitor sees no name.
	for _, th := range list {
		if th.AuthorID == w.manager.ID && th.AuthorName != "" {
			t.Errorf("visitor sees the name of a members-only profile: %q", th.AuthorName)
		}
		if th.AuthorID == w.member.ID && th.AuthorName != "Membre" {
			t.Errorf("public author name missing: %q", th.AuthorName)
		}
	}
}

func TestReplyTombstoneAndEdit(t *testing.T) {
	ctx := context.Background()
	w := newDiscussionWorld(t)
	th := w.threads[0]
	parent := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, AuthorID: w.member.ID, Body: "Parent"}
	child := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, ParentID: parent.ID, AuthorID: w.manager.ID, Body: "Enfant"}
	var tomb bool
	err := w.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateReply(ctx, parent); err != nil {
			return err
		}
		if err := tx.CreateReply(ctx, child); err != nil {
			return err
		}
		parent.Body = "Parent corrigé"
		if err := tx.UpdateReply(ctx, parent, 1); err != nil {
			return err
		}
		if parent.Version != 2 || parent.EditedAt == nil {
			return fmt.Errorf("edit not marked: %+v", parent)
		}
		if err := tx.UpdateReply(ctx, parent, 1); !maillage.IsNotFound(err) && maillage.ErrorCode(err) != maillage.CodeConflict {
			return fmt.Errorf("stale edit accepted: %v", err)
		}
		var err error
		tomb, err = tx.DeleteReply(ctx, parent.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !tomb {
		t.Fatal("a reply with answers was removed instead of kept as a tombstone")
	}
	got, err := w.db.Reply(ctx, maillage.Anonymous(), parent.ID)
	if err != nil || !got.Deleted() || got.Body != "" {
		t.Fatalf("tombstone: %+v %v", got, err)
	}
	// Deleting the last answer removes the tombstone as well.
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		tomb, err := tx.DeleteReply(ctx, child.ID)
		if tomb {
			return fmt.Errorf("a reply without answers became a tombstone")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.Reply(ctx, maillage.Anonymous(), parent.ID); !maillage.IsNotFound(err) {
		t.Fatalf("empty tombstone kept: %v", err)
	}
}

func TestReactionsToggleAndNames(t *testing.T) {
	ctx := context.Background()
	w := newDiscussionWorld(t)
	th := w.threads[0]
	toggle := func(u *maillage.User, r maillage.Reaction) bool {
		var on bool
		err := w.db.Update(ctx, func(tx *store.Tx) error {
			var err error
			on, err = tx.ToggleReaction(ctx, maillage.SubjectThread, th.ID, u.ID, r)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return on
	}
	if !toggle(w.member, maillage.ReactionHeart) || !toggle(w.manager, maillage.ReactionHeart) || !toggle(w.member, maillage.ReactionThumbsUp) {
		t.Fatal("first reactions not given")
	}
	if toggle(w.member, maillage.ReactionThumbsUp) {
		t.Fatal("second click did not take the reaction back")
	}
	counts, err := w.db.ReactionCounts(ctx, w.viewers["Membre"], maillage.SubjectThread, []string{th.ID})
	if err != nil {
		t.Fatal(err)
	}
	rc := counts[th.ID]
	if len(rc) != 1 || rc[0].Reaction != maillage.ReactionHeart || rc[0].Count != 2 || !rc[0].Mine || len(rc[0].Names) != 2 {
		t.Fatalf("member sees %+v", rc)
	}
	anon, err := w.db.ReactionCounts(ctx, maillage.Anonymous(), maillage.SubjectThread, []string{th.ID})
	if err != nil {
		t.Fatal(err)
	}
	// The visitor counts both but sees only the public profile's name.
	if rc := anon[th.ID]; len(rc) != 1 || rc[0].Count != 2 || rc[0].Mine || len(rc[0].Names) != 1 || rc[0].Names[0] != "Membre" {
		t.Fatalf("visitor sees %+v", rc)
	}
}

func TestInvitationsAndPreviews(t *testing.T) {
	ctx := context.Background()
	w := newDiscussionWorld(t)
	c := w.comms[1]
	invite := func() bool {
		var isNew bool
		err := w.db.Update(ctx, func(tx *store.Tx) error {
			var err error
			isNew, err = tx.UpsertInvitation(ctx, maillage.InviteCommunity, c.ID, w.outsider.ID, w.manager.ID, "member")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return isNew
	}
	if !invite() || invite() {
		t.Fatal("a pending invitation was renewed by a second click")
	}
	inv, err := w.db.PendingInvitation(ctx, maillage.InviteCommunity, c.ID, w.outsider.ID)
	if err != nil || inv.ItemTitle != c.Name || inv.InvitedByName != "Responsable" || inv.Role != "member" {
		t.Fatalf("pending invitation: %+v %v", inv, err)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.AnswerInvitation(ctx, maillage.InviteCommunity, c.ID, w.outsider.ID, maillage.InvitationDeclined)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if mine, _ := w.db.UserInvitations(ctx, w.outsider.ID); len(mine) != 0 {
		t.Fatalf("a declined invitation is still pending: %+v", mine)
	}
	if !invite() {
		t.Fatal("inviting again after a refusal did not ask anew")
	}

	p := &maillage.LinkPreview{URL: "https://exemple.org/a", Status: maillage.LinkPreviewOK, Title: "A"}
	if err := w.db.SaveLinkPreview(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.Title = "A bis"
	if err := w.db.SaveLinkPreview(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := w.db.LinkPreviews(ctx, []string{"https://exemple.org/a", "https://exemple.org/b"})
	if err != nil || len(got) != 1 || got["https://exemple.org/a"].Title != "A bis" || time.Since(got["https://exemple.org/a"].FetchedAt) > time.Hour {
		t.Fatalf("previews: %+v %v", got, err)
	}
}

func TestReportsOnce(t *testing.T) {
	ctx := context.Background()
	w := newDiscussionWorld(t)
	th := w.threads[0]
	report := func(reason string) bool {
		var isNew bool
		err := w.db.Update(ctx, func(tx *store.Tx) error {
			var err error
			isNew, err = tx.CreateReport(ctx, &maillage.Report{ID: auth.NewID(), CommunityID: th.CommunityID, ThreadID: th.ID,
				ReporterID: w.outsider.ID, Reason: reason})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return isNew
	}
	if !report("Hors sujet") || report("Hors sujet, vraiment") {
		t.Fatal("the same person reporting twice opened two reports")
	}
	open, err := w.db.Reports(ctx, th.CommunityID, maillage.ReportOpen, 10)
	if err != nil || len(open) != 1 || open[0].Reason != "Hors sujet, vraiment" || open[0].ThreadTitle != th.Title {
		t.Fatalf("open reports: %+v %v", open, err)
	}
	if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.ResolveReport(ctx, th.CommunityID, open[0].ID, w.manager.ID) }); err != nil {
		t.Fatal(err)
	}
	if n, _ := w.db.CountOpenReports(ctx, th.CommunityID); n != 0 {
		t.Fatalf("%d open reports after resolving", n)
	}
}
