package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// TestNoteHidesAnInvisibleCommunitysName: a co-author outside a private
// unlisted community reads the note, not the community's name, wherever
// the note is read (its page, its editor, the API).
func TestNoteHidesAnInvisibleCommunitysName(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private")
	n, err := d.s.CreateNote(ctx, d.vMem, maillage.NoteInput{Title: "Compte rendu", Body: "Texte.", Kind: "general",
		Visibility: "community", CommunityID: d.c.ID, AuthorIDs: []string{d.out.ID}})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AcceptNote(t, d.s, n.ID, d.out.ID)
	got, err := d.s.Note(ctx, d.vOut, n.ID)
	if err != nil {
		t.Fatalf("the co-author reads the note: %v", err)
	}
	if got.CommunityName != "" {
		t.Errorf("a co-author outside the community reads its name %q", got.CommunityName)
	}
	if got, err := d.s.Note(ctx, d.vMem, n.ID); err != nil || got.CommunityName != d.c.Name {
		t.Errorf("a member reads the community's name: %+v %v", got, err)
	}
}
