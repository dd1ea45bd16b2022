package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestInvitationsOfEveryKind runs the invitations of communities, notes,
// notebooks and knowledge bases through one set of statements, on both
// databases: renewal, roles, answers, withdrawal, lists and cascades.
func TestInvitationsOfEveryKind(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	owner := newUser(t, db, "Autrice", "autrice@exemple.org", maillage.ProfilePublic)
	guest := newUser(t, db, "Invitée", "invitee@exemple.org", maillage.ProfilePublic)
	update := func(fn func(tx *store.Tx) error) {
		t.Helper()
		if err := db.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	c := &maillage.Community{ID: auth.NewID(), Name: "Cercle", Visibility: maillage.VisibilityPrivate, CreatedBy: owner.ID}
	n := &maillage.Note{ID: auth.NewID(), Title: "Note secrète", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPrivate,
		License: maillage.LicenseCCBY, CreatedBy: owner.ID, Authors: []maillage.NoteAuthor{{UserID: owner.ID}}}
	nb := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet", Visibility: maillage.VisibilityPrivate, CreatedBy: owner.ID}
	kb := &maillage.KnowledgeBase{ID: auth.NewID(), Title: "Base", Visibility: maillage.VisibilityPrivate, CreatedBy: owner.ID}
	update(func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		if err := tx.CreateNote(ctx, n); err != nil {
			return err
		}
		if err := tx.CreateNotebook(ctx, nb); err != nil {
			return err
		}
		return tx.CreateKnowledgeBase(ctx, kb)
	})
	items := []struct {
		k      maillage.InvitationKind
		id     string
		title  string
		role   string
		higher string
	}{
		{maillage.InviteCommunity, c.ID, "Cercle", "member", "manager"},
		{maillage.InviteNote, n.ID, "Note secrète", maillage.RoleAuthor, ""},
		{maillage.InviteNotebook, nb.ID, "Carnet", "contributor", "manager"},
		{maillage.InviteKnowledgeBase, kb.ID, "Base", "contributor", "manager"},
	}
	invite := func(k maillage.InvitationKind, id, role string) bool {
		t.Helper()
		var isNew bool
		update(func(tx *store.Tx) error {
			var err error
			isNew, err = tx.UpsertInvitation(ctx, k, id, guest.ID, owner.ID, role)
			return err
		})
		return isNew
	}
	for _, it := range items {
		if !invite(it.k, it.id, it.role) || invite(it.k, it.id, it.role) {
			t.Fatalf("%s: a second invitation was new", it.k)
		}
		if it.higher != "" {
			// Another role offered while pending: the same invitation, not new.
			if invite(it.k, it.id, it.higher) {
				t.Fatalf("%s: changing the role offered renewed the invitation", it.k)
			}
			inv, err := db.PendingInvitation(ctx, it.k, it.id, guest.ID)
			if err != nil || inv.Role != it.higher {
				t.Fatalf("%s: role offered %+v %v", it.k, inv, err)
			}
			invite(it.k, it.id, it.role)
		}
		inv, err := db.PendingInvitation(ctx, it.k, it.id, guest.ID)
		if err != nil || inv.Kind != it.k || inv.ItemTitle != it.title || inv.Role != it.role || inv.InvitedByName != "Autrice" ||
			inv.UserName != "Invitée" || inv.Status != maillage.InvitationPending || inv.CreatedAt.Location().String() != "UTC" {
			t.Fatalf("%s: pending %+v %v", it.k, inv, err)
		}
		if ids, err := db.InvitedIDs(ctx, it.k, it.id); err != nil || !slices.Equal(ids, []string{guest.ID}) {
			t.Fatalf("%s: invited %v %v", it.k, ids, err)
		}
	}
	mine, err := db.UserInvitations(ctx, guest.ID)
	if err != nil || len(mine) != 4 {
		t.Fatalf("all my invitations: %+v %v", mine, err)
	}
	if got, _ := db.UserInvitations(ctx, owner.ID); len(got) != 0 {
		t.Fatalf("the inviter's own list: %+v", got)
	}
	// Answers: the role offered comes back; a second answer finds nothing.
	for _, it := range items {
		status := maillage.InvitationAccepted
		if it.k == maillage.InviteNotebook {
			status = maillage.InvitationDeclined
		}
		var role string
		update(func(tx *store.Tx) error {
			var err error
			role, err = tx.AnswerInvitation(ctx, it.k, it.id, guest.ID, status)
			return err
		})
		if role != it.role {
			t.Fatalf("%s: answered role %q", it.k, role)
		}
		err := db.Update(ctx, func(tx *store.Tx) error {
			_, err := tx.AnswerInvitation(ctx, it.k, it.id, guest.ID, status)
			return err
		})
		if !maillage.IsNotFound(err) {
			t.Fatalf("%s: answered twice: %v", it.k, err)
		}
		if _, err := db.PendingInvitation(ctx, it.k, it.id, guest.ID); !maillage.IsNotFound(err) {
			t.Fatalf("%s: still pending: %v", it.k, err)
		}
	}
	// The managers' list keeps the declined one, not the accepted ones;
	// withdrawing removes it, and an accepted one is not withdrawn.
	if list, _ := db.ItemInvitations(ctx, maillage.InviteNotebook, nb.ID); len(list) != 1 || list[0].Status != maillage.InvitationDeclined {
		t.Fatalf("notebook invitations: %+v", list)
	}
	if list, _ := db.ItemInvitations(ctx, maillage.InviteNote, n.ID); len(list) != 0 {
		t.Fatalf("note invitations: %+v", list)
	}
	update(func(tx *store.Tx) error { return tx.DeleteInvitation(ctx, maillage.InviteNotebook, nb.ID, guest.ID) })
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteInvitation(ctx, maillage.InviteNote, n.ID, guest.ID) }); !maillage.IsNotFound(err) {
		t.Fatalf("withdrew an accepted invitation: %v", err)
	}
	// After a refusal or a departure, inviting again asks anew.
	if !invite(maillage.InviteNotebook, nb.ID, "contributor") || !invite(maillage.InviteNote, n.ID, maillage.RoleAuthor) {
		t.Fatal("inviting again did not ask anew")
	}
	// Deleting the item takes its invitations along.
	update(func(tx *store.Tx) error { return tx.DeleteNote(ctx, n.ID) })
	if mine, _ := db.UserInvitations(ctx, guest.ID); len(mine) != 1 || mine[0].Kind != maillage.InviteNotebook {
		t.Fatalf("after deleting the note: %+v", mine)
	}
	if _, err := db.PendingInvitation(ctx, "meeting", c.ID, guest.ID); !maillage.IsNotFound(err) {
		t.Fatalf("an unknown kind: %v", err)
	}
}

// TestNoteAuthorsAndWriters: an accepted co-author joins the authors at
// the end; the writers are who created the note and who saved versions.
func TestNoteAuthorsAndWriters(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	a := newUser(t, db, "A", "a@exemple.org", maillage.ProfilePublic)
	b := newUser(t, db, "B", "b@exemple.org", maillage.ProfilePublic)
	c := newUser(t, db, "C", "c@exemple.org", maillage.ProfilePublic)
	n := &maillage.Note{ID: auth.NewID(), Title: "N", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic,
		License: maillage.LicenseCCBY, CreatedBy: a.ID, Authors: []maillage.NoteAuthor{{UserID: a.ID}}}
	var writers []string
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNote(ctx, n); err != nil {
			return err
		}
		for _, id := range []string{b.ID, c.ID, b.ID} {
			if err := tx.AddNoteAuthor(ctx, n.ID, id); err != nil {
				return err
			}
		}
		if err := tx.AddNoteRevision(ctx, &maillage.NoteRevision{ID: auth.NewID(), NoteID: n.ID, Title: "N", Kind: maillage.NoteGeneral,
			Visibility: maillage.VisibilityPublic, License: maillage.LicenseCCBY, AuthorID: c.ID}); err != nil {
			return err
		}
		var err error
		writers, err = tx.NoteWriterIDs(ctx, n.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Note(ctx, n.ID)
	if err != nil || !slices.Equal(got.AuthorIDs(), []string{a.ID, b.ID, c.ID}) {
		t.Fatalf("authors: %v %v", got.AuthorIDs(), err)
	}
	slices.Sort(writers)
	want := []string{a.ID, c.ID}
	slices.Sort(want)
	if !slices.Equal(writers, want) {
		t.Fatalf("writers %v, want %v", writers, want)
	}
}
