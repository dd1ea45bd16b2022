package store_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// nfWorld is a small world for notification tests: an author (the actor),
// members of a public and a private community with every mode, outsiders
// following a tag or the author, and content of every visibility.
type nfWorld struct {
	t     *testing.T
	db    *store.DB
	ctx   context.Context
	users map[string]*maillage.User
	pub   *maillage.Community
	priv  *maillage.Community
	tag   maillage.Tag
	// pubNote is public, tagged; commNote is for the private community's
	// members, tagged; pubBook is a public notebook of the public community.
	pubNote, commNote *maillage.Note
	pubBook           *maillage.Notebook
	privThread        *maillage.Thread
}

func newNFWorld(t *testing.T) *nfWorld {
	t.Helper()
	w := &nfWorld{t: t, db: testutil.OpenDB(t), ctx: context.Background(), users: map[string]*maillage.User{}}
	for _, name := range []string{"actor", "alice", "bob", "carol", "dave", "erin", "frank", "gina", "hugo"} {
		w.users[name] = newUser(t, w.db, name, name+"@exemple.org", maillage.ProfileMembers)
	}
	// alice each (explicit), bob daily, carol weekly, dave none, gina
	// blocked the actor; erin follows the tag, frank the actor; hugo is
	// a member of the private community only.
	w.pub = w.community(maillage.VisibilityPublic, "actor", "alice", "bob", "carol", "dave", "gina")
	w.priv = w.community(maillage.VisibilityPrivate, "actor", "alice", "hugo")
	w.update(func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(w.ctx, []string{"Économie circulaire"}, w.id("actor"))
		if err != nil {
			return err
		}
		w.tag = tags[0]
		for name, mode := range map[string]maillage.NotifyMode{"alice": maillage.NotifyEach, "bob": maillage.NotifyDaily,
			"carol": maillage.NotifyWeekly, "dave": maillage.NotifyNone} {
			if err := tx.SetNotifyMode(w.ctx, w.id(name), w.pub.ID, mode); err != nil {
				return err
			}
		}
		if err := tx.BlockUser(w.ctx, w.id("gina"), w.id("actor")); err != nil {
			return err
		}
		for _, f := range []struct {
			who string
			t   maillage.FollowTarget
			id  string
		}{{"erin", maillage.FollowTag, w.tag.ID}, {"hugo", maillage.FollowTag, w.tag.ID}, {"frank", maillage.FollowPerson, w.id("actor")}} {
			if _, err := tx.Follow(w.ctx, w.id(f.who), f.t, f.id); err != nil {
				return err
			}
		}
		return nil
	})
	w.pubNote = w.note("Guide du réemploi", maillage.VisibilityPublic, "")
	w.commNote = w.note("Compte rendu interne", maillage.VisibilityCommunity, w.priv.ID)
	w.pubBook = &maillage.Notebook{ID: auth.NewID(), Title: "Ressources", Visibility: maillage.VisibilityPublic,
		CommunityID: w.pub.ID, CreatedBy: w.id("actor")}
	w.privThread = &maillage.Thread{ID: auth.NewID(), CommunityID: w.priv.ID, AuthorID: w.id("actor"), Title: "Budget confidentiel", Body: "…"}
	w.update(func(tx *store.Tx) error {
		if err := tx.CreateNotebook(w.ctx, w.pubBook); err != nil {
			return err
		}
		return tx.CreateThread(w.ctx, w.privThread)
	})
	return w
}

func (w *nfWorld) id(name string) string {
	u, ok := w.users[name]
	if !ok {
		w.t.Fatalf("no user %s", name)
	}
	return u.ID
}

func (w *nfWorld) update(fn func(tx *store.Tx) error) {
	w.t.Helper()
	if err := w.db.Update(w.ctx, fn); err != nil {
		w.t.Fatal(err)
	}
}

func (w *nfWorld) community(vis maillage.Visibility, manager string, members ...string) *maillage.Community {
	c := &maillage.Community{ID: auth.NewID(), Name: "Communauté " + string(vis), Visibility: vis, CreatedBy: w.id(manager)}
	w.update(func(tx *store.Tx) error {
		if err := tx.CreateCommunity(w.ctx, c); err != nil {
			return err
		}
		if err := tx.UpsertMember(w.ctx, c.ID, w.id(manager), maillage.RoleManager); err != nil {
			return err
		}
		for _, m := range members {
			if m != manager {
				if err := tx.UpsertMember(w.ctx, c.ID, w.id(m), maillage.RoleMember); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return c
}

func (w *nfWorld) note(title string, vis maillage.Visibility, communityID string) *maillage.Note {
	n := &maillage.Note{ID: auth.NewID(), Title: title, Kind: maillage.NoteGeneral, Visibility: vis, CommunityID: communityID,
		License: maillage.LicenseCCBY, CreatedBy: w.id("actor"), Authors: []maillage.NoteAuthor{{UserID: w.id("actor")}},
		Tags: []maillage.Tag{w.tag}}
	w.update(func(tx *store.Tx) error { return tx.CreateNote(w.ctx, n) })
	return n
}

// fanOut runs a fan-out and returns how many rows it wrote.
func (w *nfWorld) fanOut(f store.FanOut) int {
	w.t.Helper()
	n, err := w.db.FanOut(w.ctx, f)
	if err != nil {
		w.t.Fatalf("fan-out: %v", err)
	}
	return n
}

// inbox returns a person's visible notifications by subject ID.
func (w *nfWorld) inbox(name string) map[string]maillage.Notification {
	w.t.Helper()
	list, total, err := w.db.Notifications(w.ctx, w.id(name), store.NotificationFilter{Limit: 100})
	if err != nil {
		w.t.Fatal(err)
	}
	if total != len(list) {
		w.t.Fatalf("%s: total %d for %d notifications", name, total, len(list))
	}
	out := map[string]maillage.Notification{}
	for _, n := range list {
		out[n.SubjectID] = n
	}
	return out
}
