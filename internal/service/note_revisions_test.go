package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

func TestNoteHistoryDiffAndRestore(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	alice, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	in := noteIn("Procès-verbal", "public")
	in.Body = "Présent·es : 12\n\nDécisions :\n- budget\n"
	n, err := s.CreateNote(ctx, va, in)
	if err != nil {
		t.Fatal(err)
	}
	up := service.InputOf(n)
	up.Body = "Présent·es : 14\n\nDécisions :\n- budget\n- calendrier\n"
	if n, err = s.UpdateNote(ctx, va, n.ID, up); err != nil {
		t.Fatal(err)
	}
	up = service.InputOf(n)
	up.Title = "Procès-verbal du 3 mars"
	if n, err = s.UpdateNote(ctx, va, n.ID, up); err != nil {
		t.Fatal(err)
	}
	// A save that changes nothing adds no revision.
	if n, err = s.UpdateNote(ctx, va, n.ID, service.InputOf(n)); err != nil || n.Version != 3 {
		t.Fatalf("empty save: version %d, %v", n.Version, err)
	}

	_, revs, err := s.NoteRevisions(ctx, va, n.ID)
	if err != nil || len(revs) != 3 {
		t.Fatalf("revisions: %d %v", len(revs), err)
	}
	if revs[0].Number != 3 || len(revs[0].Changes) != 1 || revs[0].Changes[0] != "title" || revs[0].AuthorID != alice.ID {
		t.Fatalf("last revision: %+v", revs[0])
	}
	if revs[2].Number != 1 || len(revs[2].Changes) == 0 {
		t.Fatalf("first revision: %+v", revs[2])
	}
	// Bob sees the public note but not its history.
	if _, _, err := s.NoteRevisions(ctx, vb, n.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author history: %v", err)
	}
	if _, err := s.NoteDiff(ctx, vb, n.ID, 1, service.AgainstCurrent); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author diff: %v", err)
	}

	// What revision 2 changed: one line replaced, one added.
	d, err := s.NoteDiff(ctx, va, n.ID, 2, service.AgainstPrevious)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[service.DiffOp]int{}
	for _, l := range d.Lines {
		counts[l.Op]++
	}
	if d.OldNumber != 1 || d.NewNumber != 2 || counts[service.DiffDelete] != 1 || counts[service.DiffInsert] != 2 || d.Same {
		t.Fatalf("diff 1→2: %+v %+v", counts, d.Lines)
	}
	// Revision 1 against now: title and body differ.
	d, err = s.NoteDiff(ctx, va, n.ID, 1, service.AgainstCurrent)
	if err != nil || d.OldTitle != "Procès-verbal" || d.NewTitle != "Procès-verbal du 3 mars" || len(d.Lines) == 0 {
		t.Fatalf("diff 1→current: %+v %v", d, err)
	}
	if _, err := s.NoteDiff(ctx, va, n.ID, 42, service.AgainstCurrent); !maillage.IsNotFound(err) {
		t.Fatalf("unknown revision: %v", err)
	}

	// Restoring revision 1 brings back its text as revision 4.
	restored, err := s.RestoreNoteRevision(ctx, va, n.ID, 1, n.Version)
	if err != nil {
		t.Fatal(err)
	}
	if restored.Body != maillage.CleanText(in.Body) || restored.Title != "Procès-verbal" || restored.Version != 4 {
		t.Fatalf("restored: %+v", restored)
	}
	if _, revs, _ = s.NoteRevisions(ctx, va, n.ID); len(revs) != 4 {
		t.Fatalf("restore did not add a revision: %d", len(revs))
	}
	// A restore from a stale page is refused like any concurrent edit.
	if _, err := s.RestoreNoteRevision(ctx, va, n.ID, 2, 3); maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("stale restore: %v", err)
	}
}

func TestNoteDrafts(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")

	// A new note's draft, then the note: saving clears it.
	if _, err := s.SaveNoteDraft(ctx, va, "", "Brouillon", "début"); err != nil {
		t.Fatal(err)
	}
	if d, err := s.NoteDraft(ctx, va, ""); err != nil || d.Body != "début" {
		t.Fatalf("new note draft: %+v %v", d, err)
	}
	n, err := s.CreateNote(ctx, va, noteIn("Brouillon", "public"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.NoteDraft(ctx, va, ""); !maillage.IsNotFound(err) {
		t.Fatalf("draft kept after creation: %v", err)
	}
	// A draft of an edit is offered while newer than the note.
	if _, err := s.SaveNoteDraft(ctx, va, n.ID, n.Title, "suite en cours"); err != nil {
		t.Fatal(err)
	}
	if d, err := s.NoteDraft(ctx, va, n.ID); err != nil || d.Body != "suite en cours" {
		t.Fatalf("edit draft: %+v %v", d, err)
	}
	// Bob, who only reads the note, keeps no draft of it.
	if _, err := s.SaveNoteDraft(ctx, vb, n.ID, "x", "y"); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author draft: %v", err)
	}
	up := service.InputOf(n)
	up.Body = "suite en cours"
	if _, err := s.UpdateNote(ctx, va, n.ID, up); err != nil {
		t.Fatal(err)
	}
	if _, err := s.NoteDraft(ctx, va, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("draft kept after save: %v", err)
	}
	if _, err := s.SaveNoteDraft(ctx, maillage.Anonymous(), "", "x", "y"); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("visitor draft: %v", err)
	}
}
