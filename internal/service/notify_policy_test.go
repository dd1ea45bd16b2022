package service_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestNotificationPolicyMirror builds every kind of subject a
// notification may be about and every kind of person, and checks that
// the SQL mirror keyed on the recipient (used by the fan-out and when
// notifications are read) agrees with the Go policy on each pair.
func TestNotificationPolicyMirror(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	people := map[string]*maillage.User{}
	for _, name := range []string{"admin", "manager", "member", "author", "contributor", "invitee", "participant", "leaver", "outsider"} {
		people[name], _ = testutil.User(t, s, name, name+"@exemple.org")
	}
	id := func(name string) string { return people[name].ID }
	type subject struct {
		name string
		typ  maillage.SubjectType
		id   string
	}
	var subjects []subject
	add := func(name string, typ maillage.SubjectType, id string) {
		subjects = append(subjects, subject{name, typ, id})
	}
	update := func(fn func(tx *store.Tx) error) {
		t.Helper()
		if err := db.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	update(func(tx *store.Tx) error { return tx.SetAdmin(ctx, id("admin"), true) })

	var comms []*maillage.Community
	for _, c := range []struct {
		vis    maillage.Visibility
		listed bool
	}{{maillage.VisibilityPublic, true}, {maillage.VisibilityPrivate, true}, {maillage.VisibilityPrivate, false}} {
		cm := &maillage.Community{ID: auth.NewID(), Name: fmt.Sprintf("%s listed=%v", c.vis, c.listed), Visibility: c.vis, Listed: c.listed, CreatedBy: id("manager")}
		comms = append(comms, cm)
		update(func(tx *store.Tx) error {
			if err := tx.CreateCommunity(ctx, cm); err != nil {
				return err
			}
			if err := tx.UpsertMember(ctx, cm.ID, id("manager"), maillage.RoleManager); err != nil {
				return err
			}
			return tx.UpsertMember(ctx, cm.ID, id("member"), maillage.RoleMember)
		})
		add("community "+cm.Name, maillage.SubjectCommunity, cm.ID)
		for _, hidden := range []bool{false, true} {
			th := &maillage.Thread{ID: auth.NewID(), CommunityID: cm.ID, AuthorID: id("author"), Title: "Fil", Body: "…"}
			r1 := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, AuthorID: id("author"), Body: "Réponse"}
			r2 := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, AuthorID: id("author"), Body: "Masquée"}
			gone := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, AuthorID: id("author"), Body: "Effacée"}
			answer := &maillage.Reply{ID: auth.NewID(), ThreadID: th.ID, ParentID: gone.ID, AuthorID: id("member"), Body: "Réponse à l’effacée"}
			update(func(tx *store.Tx) error {
				if err := tx.CreateThread(ctx, th); err != nil {
					return err
				}
				if err := tx.SetThreadFlag(ctx, th.ID, store.FlagHidden, hidden); err != nil {
					return err
				}
				for _, r := range []*maillage.Reply{r1, r2, gone, answer} {
					if err := tx.CreateReply(ctx, r); err != nil {
						return err
					}
				}
				if err := tx.SetReplyHidden(ctx, r2.ID, true); err != nil {
					return err
				}
				_, err := tx.DeleteReply(ctx, gone.ID)
				return err
			})
			label := fmt.Sprintf("in %s hidden=%v", cm.Name, hidden)
			add("thread "+label, maillage.SubjectThread, th.ID)
			add("reply "+label, maillage.SubjectReply, r1.ID)
			add("hidden reply "+label, maillage.SubjectReply, r2.ID)
			add("deleted reply "+label, maillage.SubjectReply, gone.ID)
		}
	}
	private := comms[2]
	update(func(tx *store.Tx) error {
		_, err := tx.UpsertInvitation(ctx, maillage.InviteCommunity, private.ID, id("invitee"), id("manager"), "member")
		return err
	})
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate} {
		n := &maillage.Note{ID: auth.NewID(), Title: "Note " + string(vis), Kind: maillage.NoteGeneral, Visibility: vis,
			CommunityID: private.ID, License: maillage.LicenseCCBY, CreatedBy: id("author"), Authors: []maillage.NoteAuthor{{UserID: id("author")}}}
		nb := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet " + string(vis), Visibility: vis, CommunityID: private.ID, CreatedBy: id("author")}
		kb := &maillage.KnowledgeBase{ID: auth.NewID(), Title: "Base " + string(vis), Visibility: vis, CommunityID: private.ID, CreatedBy: id("author")}
		update(func(tx *store.Tx) error {
			if err := tx.CreateNote(ctx, n); err != nil {
				return err
			}
			if err := tx.CreateNotebook(ctx, nb); err != nil {
				return err
			}
			if err := tx.CreateKnowledgeBase(ctx, kb); err != nil {
				return err
			}
			if err := tx.UpsertKnowledgeBaseMember(ctx, kb.ID, id("contributor"), maillage.NotebookContributor); err != nil {
				return err
			}
			// The invitee is invited to each; the leaver was, and declined.
			for _, inv := range []struct {
				k  maillage.InvitationKind
				id string
			}{{maillage.InviteNote, n.ID}, {maillage.InviteNotebook, nb.ID}, {maillage.InviteKnowledgeBase, kb.ID}} {
				role := "contributor"
				if inv.k == maillage.InviteNote {
					role = maillage.RoleAuthor
				}
				if _, err := tx.UpsertInvitation(ctx, inv.k, inv.id, id("invitee"), id("author"), role); err != nil {
					return err
				}
				if _, err := tx.UpsertInvitation(ctx, inv.k, inv.id, id("leaver"), id("author"), role); err != nil {
					return err
				}
				if _, err := tx.AnswerInvitation(ctx, inv.k, inv.id, id("leaver"), maillage.InvitationDeclined); err != nil {
					return err
				}
			}
			return tx.UpsertNotebookMember(ctx, nb.ID, id("contributor"), maillage.NotebookContributor)
		})
		add("note "+string(vis), maillage.SubjectNote, n.ID)
		add("notebook "+string(vis), maillage.SubjectNotebook, nb.ID)
		add("invitation to note "+string(vis), maillage.SubjectNoteInvitation, n.ID)
		add("invitation to notebook "+string(vis), maillage.SubjectNotebookInvitation, nb.ID)
		add("invitation to knowledge base "+string(vis), maillage.SubjectKnowledgeBaseInvitation, kb.ID)
	}
	conv := &maillage.Conversation{ID: auth.NewID(), Subject: "Entre nous", CreatedBy: id("participant")}
	update(func(tx *store.Tx) error {
		if err := tx.CreateConversation(ctx, conv, []string{id("participant"), id("leaver"), id("author")}); err != nil {
			return err
		}
		return tx.LeaveConversation(ctx, conv.ID, id("leaver"))
	})
	add("conversation", maillage.SubjectConversation, conv.ID)
	add("person", maillage.SubjectUser, id("member"))
	update(func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, []string{"Étiquette libre"}, id("author"))
		if err == nil {
			add("free tag", maillage.SubjectTag, tags[0].ID)
		}
		return err
	})
	add("unknown type", maillage.SubjectType("meeting"), private.ID)

	agreed := 0
	for name, u := range people {
		v := testutil.ViewerOf(t, s, u.ID)
		for _, sub := range subjects {
			var want bool
			a, err := db.SubjectAccess(ctx, sub.typ, sub.id)
			switch {
			case err == nil:
				want = service.CanViewSubject(v, a)
			case !maillage.IsNotFound(err):
				t.Fatal(err)
			}
			got, err := db.SubjectVisibleTo(ctx, u.ID, sub.typ, sub.id)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s sees %s: SQL %v, policy %v", name, sub.name, got, want)
			}
			if want {
				agreed++
			}
		}
	}
	// The world is varied enough that both answers occur often.
	if total := len(people) * len(subjects); agreed < total/5 || agreed > total*4/5 {
		t.Errorf("%d of %d pairs visible: the cases do not exercise the rules", agreed, total)
	}
}
