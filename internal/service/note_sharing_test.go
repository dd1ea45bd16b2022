package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

func TestShareNoteIntoDiscussion(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private")
	note := func(v maillage.Viewer, title, vis string) *maillage.Note {
		t.Helper()
		in := maillage.NoteInput{Title: title, Body: "Le **compte rendu** complet.", Kind: "general", Visibility: vis, License: "cc-by-4.0"}
		if vis == "community" {
			in.CommunityID = d.c.ID
		}
		n, err := d.s.CreateNote(ctx, v, in)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	linked := note(d.vMem, "Rencontre de mars", "community")
	loose := note(d.vMem, "Note ailleurs", "public")
	private := note(d.vMem, "Brouillon", "private")
	nb, err := d.s.CreateNotebook(ctx, d.vMem, maillage.NotebookInput{Title: "Rencontres", Visibility: "community", CommunityID: d.c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.AddNoteToNotebook(ctx, d.vMem, nb.ID, private.ID, ""); err != nil {
		t.Fatal(err)
	}

	picker, err := d.s.ShareableNotes(ctx, d.vMem, d.c.ID)
	if err != nil || len(picker) != 1 || picker[0].ID != linked.ID {
		t.Fatalf("note picker: %+v %v", picker, err)
	}
	if list, _ := d.s.ShareableNotes(ctx, d.vMgr, d.c.ID); len(list) != 0 {
		t.Fatalf("the picker offers notes the viewer does not author: %+v", list)
	}
	field := func(err error) string {
		if e := maillage.AsError(err); len(e.Fields) == 1 {
			return e.Fields[0].MessageID
		}
		return err.Error()
	}
	if _, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, loose.ID); field(err) != "discussion.share_not_in_community" {
		t.Fatalf("shared a note of no notebook of the community: %v", err)
	}
	if _, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, private.ID); field(err) != "discussion.share_not_readable" {
		t.Fatalf("shared a private note: %v", err)
	}
	if _, err := d.s.ShareNote(ctx, d.vMgr, d.c.ID, linked.ID); field(err) != "discussion.share_not_author" {
		t.Fatalf("shared someone else's note: %v", err)
	}
	th, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, linked.ID)
	if err != nil || th.NoteID != linked.ID || th.Title != linked.Title {
		t.Fatalf("share: %+v %v", th, err)
	}
	again, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, linked.ID)
	if err != nil || again.ID != th.ID {
		t.Fatalf("shared twice: %+v %v", again, err)
	}
	shared := eventsOf(d.log.drain(t, d.db, nil), maillage.EventNoteShared)
	if len(shared) != 1 || shared[0].SubjectID != th.ID || !shared[0].AllMembers {
		t.Fatalf("share events: %+v", shared)
	}
	// The card shows the note to those who may see it, and only to them.
	page, err := d.s.ThreadPage(ctx, d.vMgr, th.ID)
	if err != nil || page.Note == nil || page.Note.ID != linked.ID || page.Note.Excerpt == "" {
		t.Fatalf("note card: %+v %v", page, err)
	}
}

func TestIntegratedNoteIsPostedOnce(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	n, err := d.s.CreateNote(ctx, d.vMem, maillage.NoteInput{Title: "Guide des outils libres", Summary: "Un tour des outils.",
		Body: "Texte", Kind: "general", Visibility: "public", License: "cc-by-4.0"})
	if err != nil {
		t.Fatal(err)
	}
	var notebooks []*maillage.Notebook
	for _, title := range []string{"Ressources", "Outils"} {
		nb, err := d.s.CreateNotebook(ctx, d.vMem, maillage.NotebookInput{Title: title, Visibility: "public", CommunityID: d.c.ID})
		if err != nil {
			t.Fatal(err)
		}
		notebooks = append(notebooks, nb)
	}
	for _, nb := range notebooks {
		if _, err := d.s.AddNoteToNotebook(ctx, d.vMem, nb.ID, n.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	list, total, err := d.s.Threads(ctx, maillage.Anonymous(), d.c.ID, service.Page{})
	if err != nil || total != 1 || list[0].NoteID != n.ID || list[0].AuthorID != d.mem.ID || list[0].Title != n.Title {
		t.Fatalf("integration threads: %d %+v %v", total, list, err)
	}
	page, err := d.s.ThreadPage(ctx, maillage.Anonymous(), list[0].ID)
	if err != nil || page.Note == nil || page.Note.Excerpt != "Un tour des outils." {
		t.Fatalf("integration thread page: %+v %v", page, err)
	}
	// Sharing it by hand afterwards answers with the same thread.
	th, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, n.ID)
	if err != nil || th.ID != list[0].ID {
		t.Fatalf("manual share after integration: %+v %v", th, err)
	}
	// A private community's notebook never posts anything by itself.
	priv, err := d.s.CreateCommunity(ctx, d.vMem, maillage.CommunityInput{Name: "Privée", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	vMem := testutil.ViewerOf(t, d.s, d.mem.ID)
	nb, err := d.s.CreateNotebook(ctx, vMem, maillage.NotebookInput{Title: "Interne", Visibility: "public", CommunityID: priv.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.AddNoteToNotebook(ctx, vMem, nb.ID, n.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := d.s.Threads(ctx, vMem, priv.ID, service.Page{}); total != 0 {
		t.Fatalf("a private community got an automatic thread: %d", total)
	}
}

// TestShareNoteKeepsCommunityNotesToMembers: everyone reads a public
// community's discussion, so a note for its members alone is neither
// offered nor shared there; a public note is.
func TestShareNoteKeepsCommunityNotesToMembers(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	members, err := d.s.CreateNote(ctx, d.vMem, maillage.NoteInput{Title: "Entre membres", Body: "Pour nous.", Kind: "general",
		Visibility: "community", CommunityID: d.c.ID})
	if err != nil {
		t.Fatal(err)
	}
	public, err := d.s.CreateNote(ctx, d.vMem, maillage.NoteInput{Title: "Pour tout le monde", Body: "Public.", Kind: "general",
		Visibility: "public", CommunityID: d.c.ID})
	if err != nil {
		t.Fatal(err)
	}
	picker, err := d.s.ShareableNotes(ctx, d.vMem, d.c.ID)
	if err != nil || len(picker) != 1 || picker[0].ID != public.ID {
		t.Fatalf("note picker of a public community: %+v %v", picker, err)
	}
	if _, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, members.ID); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("a members' note was shared where everyone reads: %v", err)
	}
	if _, err := d.s.ShareNote(ctx, d.vMem, d.c.ID, public.ID); err != nil {
		t.Fatalf("public note: %v", err)
	}
}

// TestListsFilteredByAnInvisibleCommunity: filtering by a community the
// viewer may not see lists nothing, as for one that does not exist, even
// when public items are linked to it.
func TestListsFilteredByAnInvisibleCommunity(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private") // private and unlisted
	if _, err := d.s.CreateNote(ctx, d.vMem, maillage.NoteInput{Title: "Publique", Body: "Liée.", Kind: "general",
		Visibility: "public", CommunityID: d.c.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.CreateNotebook(ctx, d.vMem, maillage.NotebookInput{Title: "Carnet public", Visibility: "public", CommunityID: d.c.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.CreateKnowledgeBase(ctx, d.vMem, maillage.NotebookInput{Title: "Base publique", Visibility: "public", CommunityID: d.c.ID}); err != nil {
		t.Fatal(err)
	}
	for _, v := range []maillage.Viewer{maillage.Anonymous(), d.vOut} {
		if _, n, err := d.s.Notes(ctx, v, service.NoteFilter{CommunityID: d.c.ID}); err != nil || n != 0 {
			t.Errorf("notes of an invisible community: %d %v", n, err)
		}
		if _, n, err := d.s.Notebooks(ctx, v, service.NotebookFilter{CommunityID: d.c.ID}); err != nil || n != 0 {
			t.Errorf("notebooks of an invisible community: %d %v", n, err)
		}
		if _, n, err := d.s.KnowledgeBases(ctx, v, service.KnowledgeBaseFilter{CommunityID: d.c.ID}); err != nil || n != 0 {
			t.Errorf("knowledge bases of an invisible community: %d %v", n, err)
		}
	}
	if _, n, err := d.s.Notes(ctx, d.vMem, service.NoteFilter{CommunityID: d.c.ID}); err != nil || n != 1 {
		t.Errorf("a member filters by their community: %d %v", n, err)
	}
}
