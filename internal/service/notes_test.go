package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// fieldOf returns the message ID of a field error, or "".
func fieldOf(err error, field string) string {
	for _, f := range maillage.AsError(err).Fields {
		if f.Field == field {
			return f.MessageID
		}
	}
	return ""
}

func noteIn(title, vis string) maillage.NoteInput {
	return maillage.NoteInput{Title: title, Body: "Texte de " + title, Visibility: vis}
}

func TestNoteAuthorsAloneEditAndDelete(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	alice, va := testutil.User(t, s, "Alice Tremblay", "alice@exemple.org")
	bob, vb := testutil.User(t, s, "Bob Roy", "bob@exemple.org")
	_, vc := testutil.User(t, s, "Carole Gagnon", "carole@exemple.org")

	in := noteIn("Compte rendu", "private")
	in.AuthorIDs, in.Tags = []string{bob.ID}, []string{"Économie sociale", "économie SOCIALE"}
	n, err := s.CreateNote(ctx, va, in)
	if err != nil {
		t.Fatal(err)
	}
	// Bob is invited: he signs the note once he accepts.
	if n.Kind != maillage.NoteGeneral || n.License != maillage.LicenseCCBY || len(n.Tags) != 1 ||
		len(n.Authors) != 1 || n.Authors[0].UserID != alice.ID {
		t.Fatalf("created: %+v", n)
	}
	testutil.AcceptNote(t, s, n.ID, bob.ID)
	if n, err = s.Note(ctx, va, n.ID); err != nil || len(n.Authors) != 2 || n.Authors[1].UserID != bob.ID {
		t.Fatalf("after Bob accepted: %+v %v", n, err)
	}
	// Carol and visitors do not see a private note: not found, edits included.
	for _, v := range []maillage.Viewer{vc, maillage.Anonymous(), {UserID: "admin", Admin: true}} {
		if _, err := s.Note(ctx, v, n.ID); !maillage.IsNotFound(err) {
			t.Fatalf("private note seen by %+v: %v", v, err)
		}
	}
	if _, err := s.UpdateNote(ctx, vc, n.ID, noteIn("Volé", "public")); !maillage.IsNotFound(err) {
		t.Fatalf("outsider edit of a private note: %v", err)
	}
	if err := s.DeleteNote(ctx, maillage.Anonymous(), n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("visitor delete of a private note: %v", err)
	}
	// Bob, a co-author, edits and makes it public; Carol then sees it but
	// may not edit, delete or change authors.
	up := service.InputOf(n)
	up.Visibility, up.Body = "public", "Texte revu"
	n, err = s.UpdateNote(ctx, vb, n.ID, up)
	if err != nil {
		t.Fatal(err)
	}
	if n.Version != 2 || n.Visibility != maillage.VisibilityPublic {
		t.Fatalf("after edit: %+v", n)
	}
	if _, err := s.Note(ctx, vc, n.ID); err != nil {
		t.Fatalf("public note hidden: %v", err)
	}
	if _, err := s.UpdateNote(ctx, vc, n.ID, service.InputOf(n)); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author edit: %v", err)
	}
	if err := s.DeleteNote(ctx, vc, n.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author delete: %v", err)
	}
	if err := s.RemoveNoteAuthor(ctx, vc, n.ID, bob.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author removed an author: %v", err)
	}
	// Making it private again is immediate.
	up = service.InputOf(n)
	up.Visibility = "private"
	if _, err := s.UpdateNote(ctx, va, n.ID, up); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Note(ctx, vc, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("note still visible after going private: %v", err)
	}
	// Authors leave one by one; the last one cannot.
	if err := s.RemoveNoteAuthor(ctx, va, n.ID, bob.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveNoteAuthor(ctx, va, n.ID, alice.ID); maillage.AsError(err).MessageID != "note.last_author" {
		t.Fatalf("last author removed: %v", err)
	}
	if _, err := s.Note(ctx, vb, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("a former author still sees the private note: %v", err)
	}
	if err := s.DeleteNote(ctx, va, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Note(ctx, va, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("deleted note: %v", err)
	}
}

func TestNoteBadInputIsRefusedWithFieldErrors(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	comm, err := s.CreateCommunity(ctx, vb, maillage.CommunityInput{Name: "CdP de Bob", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		in    maillage.NoteInput
		field string
		msg   string
	}{
		{"no title", maillage.NoteInput{Visibility: "public"}, "title", "field.required"},
		{"huge body", maillage.NoteInput{Title: "Long", Visibility: "public", Body: strings.Repeat("é", maillage.MaxNoteBodyLen+1)}, "body", "field.too_long"},
		{"huge in bytes", maillage.NoteInput{Title: "Long", Visibility: "public", Body: strings.Repeat("é", maillage.MaxNoteBodyLen/2+10)}, "body", "note.body_too_large"},
		{"unknown author", maillage.NoteInput{Title: "A", Visibility: "public", AuthorIDs: []string{"personne"}}, "author_ids", "note.unknown_author"},
		{"term without definition", maillage.NoteInput{Title: "Terme", Kind: "term", Visibility: "public"}, "summary", "field.definition_required"},
		{"organisation note without organisation", maillage.NoteInput{Title: "Org", Kind: "organization", Visibility: "public"}, "organization_id", "field.required"},
		{"unknown organisation", maillage.NoteInput{Title: "Org", Kind: "organization", OrganizationID: "x", Visibility: "public"}, "organization_id", "note.unknown_organization"},
		{"community not mine", maillage.NoteInput{Title: "C", Visibility: "community", CommunityID: comm.ID}, "community_id", "note.unknown_community"},
		{"bad visibility", maillage.NoteInput{Title: "V", Visibility: "secret"}, "visibility", "field.invalid_choice"},
		{"bad licence", maillage.NoteInput{Title: "L", Visibility: "public", License: "gpl"}, "license", "field.invalid_choice"},
	}
	for _, c := range cases {
		_, err := s.CreateNote(ctx, va, c.in)
		if got := fieldOf(err, c.field); got != c.msg {
			t.Errorf("%s: %s error %q, want %q (%v)", c.name, c.field, got, c.msg, err)
		}
	}
	if list, total, _ := s.Notes(ctx, va, service.NoteFilter{}); total != 0 || len(list) != 0 {
		t.Fatalf("refused notes were saved: %d", total)
	}
	// Visitors are asked to sign in.
	if _, err := s.CreateNote(ctx, maillage.Anonymous(), noteIn("X", "public")); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("visitor create: %v", err)
	}
}

func TestCreatingANoteTwiceIsOneSubmission(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	first, err := s.CreateNote(ctx, va, noteIn("Procès-verbal du 3 mars", "private"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.CreateNote(ctx, va, noteIn("PROCES-VERBAL du 3 mars", "private"))
	if err != nil || again.ID != first.ID {
		t.Fatalf("second submission: %v %v", again, err)
	}
	other, err := s.CreateNote(ctx, vb, noteIn("Procès-verbal du 3 mars", "private"))
	if err != nil || other.ID == first.ID {
		t.Fatalf("another person's note with the same title: %v %v", other, err)
	}
}

func TestConcurrentNoteEditsAreRefused(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	bob, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_ = bob
	n, err := s.CreateNote(ctx, va, noteIn("Ordre du jour", "public"))
	if err != nil {
		t.Fatal(err)
	}
	first, second := service.InputOf(n), service.InputOf(n)
	first.Body, second.Body = "Version d’Alice dans l’onglet 1", "Version d’Alice dans l’onglet 2"
	if _, err := s.UpdateNote(ctx, va, n.ID, first); err != nil {
		t.Fatal(err)
	}
	_, err = s.UpdateNote(ctx, va, n.ID, second)
	if maillage.AsError(err).MessageID != maillage.ErrEditConflict.MessageID || maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("stale edit: %v", err)
	}
	cur, _ := s.Note(ctx, va, n.ID)
	if cur.Body != first.Body || cur.Version != 2 {
		t.Fatalf("the first save was lost: %+v", cur)
	}
	// Saving again knowingly (the current version) replaces it.
	second.Version = cur.Version
	if cur, err = s.UpdateNote(ctx, va, n.ID, second); err != nil || cur.Body != second.Body {
		t.Fatalf("save over the current version: %v", err)
	}
}

func TestCommunityNotesAndManagerAuthors(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	alice, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	bob, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	carol, vc := testutil.User(t, s, "Carole", "carole@exemple.org")
	comm, err := s.CreateCommunity(ctx, va, maillage.CommunityInput{Name: "CdP numérique", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AddMember(t, s, testutil.ViewerOf(t, s, alice.ID), comm.ID, bob.ID, maillage.RoleMember)
	va, vb = testutil.ViewerOf(t, s, alice.ID), testutil.ViewerOf(t, s, bob.ID)

	// A member writes for the community; an outsider cannot link to it.
	in := noteIn("Notes de la rencontre", "community")
	in.CommunityID = comm.ID
	n, err := s.CreateNote(ctx, vb, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Note(ctx, va, n.ID); err != nil {
		t.Fatalf("member cannot read a community note: %v", err)
	}
	if _, err := s.Note(ctx, vc, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("outsider reads a community note: %v", err)
	}
	if _, err := s.CreateNote(ctx, vc, in); fieldOf(err, "community_id") != "note.unknown_community" {
		t.Fatalf("outsider linked a private community: %v", err)
	}
	// Only a manager may hand a note to the managers.
	in = noteIn("Mandat de la communauté", "community")
	in.CommunityID, in.AuthorsAreManagers = comm.ID, true
	if _, err := s.CreateNote(ctx, vb, in); fieldOf(err, "authors_are_managers") != "note.managers_only" {
		t.Fatalf("member handed a note to the managers: %v", err)
	}
	mandate, err := s.CreateNote(ctx, va, in)
	if err != nil {
		t.Fatal(err)
	}
	if ids := mandate.AuthorIDs(); len(ids) != 1 || ids[0] != alice.ID {
		t.Fatalf("authors: %v", ids)
	}
	// Bob becomes a manager: the hook others call keeps the authors in step.
	err = db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.UpsertMember(ctx, comm.ID, bob.ID, maillage.RoleManager); err != nil {
			return err
		}
		return s.SyncCommunityNoteAuthors(ctx, tx, comm.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	vb = testutil.ViewerOf(t, s, bob.ID)
	got, _ := s.Note(ctx, vb, mandate.ID)
	if len(got.Authors) != 2 || !s.CanEditNote(vb, got) {
		t.Fatalf("new manager is not an author: %+v", got.Authors)
	}
	// A change made without the hook is caught up when the note is read.
	err = db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.UpsertMember(ctx, comm.ID, carol.ID, maillage.RoleManager); err != nil {
			return err
		}
		return tx.DeleteMember(ctx, comm.ID, alice.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	vc = testutil.ViewerOf(t, s, carol.ID)
	got, err = s.Note(ctx, vc, mandate.ID)
	if err != nil || !equalIDs(got.AuthorIDs(), []string{bob.ID, carol.ID}) {
		t.Fatalf("authors after drift: %+v %v", got, err)
	}
	// Authors who follow the managers are not removed one by one.
	if err := s.RemoveNoteAuthor(ctx, vb, mandate.ID, carol.ID); maillage.AsError(err).MessageID != "note.authors_follow_managers" {
		t.Fatalf("removed a manager author: %v", err)
	}
}

func equalIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestNoteCitation(t *testing.T) {
	n := &maillage.Note{Title: "Lexique de la transition", UpdatedAt: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC),
		Authors: []maillage.NoteAuthor{{Name: "Marie-Ève Tremblay"}, {Name: "Bob Roy"}, {Name: "Collectif"}}}
	got := service.Citation(n, "https://maillage.test/notes/1")
	want := "Tremblay, M.-È., Roy, B., & Collectif (2026). Lexique de la transition. Maillage. https://maillage.test/notes/1"
	if got != want {
		t.Fatalf("citation:\n got %s\nwant %s", got, want)
	}
	n.Authors = n.Authors[:1]
	n.Title = "Pourquoi?"
	if got := service.Citation(n, "u"); got != "Tremblay, M.-È. (2026). Pourquoi? Maillage. u" {
		t.Fatalf("one author: %s", got)
	}
}
