package service_test

import (
	"context"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// TestManagerChangesSyncNoteAuthors: when a note's authors are its
// community's managers, every change of managers changes its authors in
// the same transaction (read straight from the store, which repairs nothing).
func TestManagerChangesSyncNoteAuthors(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	ana, av := testutil.User(t, s, "Ana", "ana@exemple.org")
	ben, _ := testutil.User(t, s, "Ben", "ben@exemple.org")
	c, err := s.CreateCommunity(ctx, av, maillage.CommunityInput{Name: "CdP", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	av = testutil.ViewerOf(t, s, ana.ID)
	n, err := s.CreateNote(ctx, av, maillage.NoteInput{Title: "Compte rendu", Kind: "general", Visibility: "community",
		CommunityID: c.ID, AuthorsAreManagers: true})
	if err != nil {
		t.Fatal(err)
	}
	authors := func() []string {
		t.Helper()
		got, err := db.Note(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids := got.AuthorIDs()
		slices.Sort(ids)
		return ids
	}
	both := []string{ana.ID, ben.ID}
	slices.Sort(both)
	testutil.AddMember(t, s, av, c.ID, ben.ID, maillage.RoleManager)
	if got := authors(); !slices.Equal(got, both) {
		t.Fatalf("after promoting Ben, authors %v, want %v", got, both)
	}
	if _, err := s.TransferManagement(ctx, testutil.ViewerOf(t, s, ana.ID), c.ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	if got := authors(); !slices.Equal(got, []string{ben.ID}) {
		t.Fatalf("after Ana handed over, authors %v, want only Ben", got)
	}
	testutil.AddMember(t, s, testutil.ViewerOf(t, s, ben.ID), c.ID, ana.ID, maillage.RoleManager)
	if err := s.RemoveMember(ctx, testutil.ViewerOf(t, s, ben.ID), c.ID, ana.ID); err != nil {
		t.Fatal(err)
	}
	if got := authors(); !slices.Equal(got, []string{ben.ID}) {
		t.Fatalf("after Ana was removed, authors %v, want only Ben", got)
	}
}
