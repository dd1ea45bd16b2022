package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// newNote writes a note by author directly through the store.
func newNote(t *testing.T, db *store.DB, author *maillage.User, title string, vis maillage.Visibility, communityID string) *maillage.Note {
	t.Helper()
	ctx := context.Background()
	n := &maillage.Note{ID: auth.NewID(), Title: title, Body: "Texte de " + title, Kind: maillage.NoteGeneral,
		Visibility: vis, CommunityID: communityID, License: maillage.LicenseCCBY, CreatedBy: author.ID,
		Authors: []maillage.NoteAuthor{{UserID: author.ID}}}
	err := db.Update(ctx, func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, []string{"Économie sociale"}, author.ID)
		if err != nil {
			return err
		}
		n.Tags = tags
		if err := tx.CreateNote(ctx, n); err != nil {
			return err
		}
		return tx.AttachDanglingLinks(ctx, n.ID, fold.Key(title))
	})
	if err != nil {
		t.Fatalf("create note %s: %v", title, err)
	}
	return n
}

func newCommunity(t *testing.T, db *store.DB, manager *maillage.User, vis maillage.Visibility, members ...*maillage.User) *maillage.Community {
	t.Helper()
	ctx := context.Background()
	c := &maillage.Community{ID: auth.NewID(), Name: "Communauté " + auth.NewID()[:6], Visibility: vis, CreatedBy: manager.ID}
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		for _, m := range members {
			if err := tx.UpsertMember(ctx, c.ID, m.ID, maillage.RoleMember); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func viewerOf(t *testing.T, db *store.DB, u *maillage.User, admin bool) maillage.Viewer {
	t.Helper()
	roles, err := db.CommunityRoles(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return maillage.Viewer{UserID: u.ID, Admin: admin, Roles: roles}
}

func TestNoteRoundTripAndEdits(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice Tremblay", "alice@exemple.org", maillage.ProfilePublic)
	bob := newUser(t, db, "Bob Roy", "bob@exemple.org", maillage.ProfilePublic)
	n := newNote(t, db, alice, "Compte rendu", maillage.VisibilityPrivate, "")

	got, err := db.Note(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Compte rendu" || got.Version != 1 || len(got.Authors) != 1 || got.Authors[0].Name != "Alice Tremblay" ||
		len(got.Tags) != 1 || got.License != maillage.LicenseCCBY || got.CreatedAt.Location() != time.UTC {
		t.Fatalf("round trip: %+v", got)
	}

	// An edit from version 1 succeeds and moves to version 2, with a new
	// author after the first.
	got.Title, got.Authors = "Compte rendu du 12 mars", []maillage.NoteAuthor{{UserID: alice.ID}, {UserID: bob.ID}}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateNote(ctx, got, 1) }); err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 {
		t.Fatalf("version after edit: %d", got.Version)
	}
	again, _ := db.Note(ctx, n.ID)
	if len(again.Authors) != 2 || again.Authors[0].UserID != alice.ID || again.Authors[1].UserID != bob.ID {
		t.Fatalf("authors: %+v", again.Authors)
	}
	// A second edit from version 1 is stale: refused, nothing written.
	stale := *again
	stale.Title = "Écrasé"
	err = db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateNote(ctx, &stale, 1) })
	if maillage.AsError(err).MessageID != maillage.ErrEditConflict.MessageID {
		t.Fatalf("stale edit: %v", err)
	}
	if cur, _ := db.Note(ctx, n.ID); cur.Title != "Compte rendu du 12 mars" {
		t.Fatalf("stale edit written: %q", cur.Title)
	}
	// Unknown notes are not found, for edits too.
	ghost := &maillage.Note{ID: "nope", Title: "x", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic, License: maillage.LicenseCCBY}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateNote(ctx, ghost, 0) }); !maillage.IsNotFound(err) {
		t.Fatalf("unknown note edit: %v", err)
	}
	if _, err := db.Note(ctx, "nope"); !maillage.IsNotFound(err) {
		t.Fatalf("unknown note: %v", err)
	}

	// The same title by the same person within the window is found again.
	err = db.Update(ctx, func(tx *store.Tx) error {
		id, err := tx.RecentNoteByAuthor(ctx, alice.ID, "COMPTE RENDU DU 12 MARS", tx.Now().Add(-10*time.Minute))
		if err != nil || id != n.ID {
			return fmt.Errorf("recent note: %q %v", id, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Deleting takes the note away.
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNote(ctx, n.ID) }); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Note(ctx, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("deleted note: %v", err)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNote(ctx, n.ID) }); !maillage.IsNotFound(err) {
		t.Fatalf("delete twice: %v", err)
	}
}

// TestNoteVisibilityMirror builds notes of every visibility and checks,
// for every kind of viewer, that lists, counts, backlinks, title
// resolution and suggestions return exactly what maillage.CanViewContent
// allows. Administrators do not read private notes.
func TestNoteVisibilityMirror(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	author := newUser(t, db, "Autrice", "autrice@exemple.org", maillage.ProfilePublic)
	member := newUser(t, db, "Membre", "membre@exemple.org", maillage.ProfileMembers)
	outsider := newUser(t, db, "Dehors", "dehors@exemple.org", maillage.ProfilePublic)
	admin := newUser(t, db, "Admin", "admin@exemple.org", maillage.ProfilePublic)
	comm := newCommunity(t, db, author, maillage.VisibilityPrivate, member)

	// A hub every other note links to, so backlinks are tested for each.
	hub := newNote(t, db, author, "Carrefour", maillage.VisibilityPublic, "")
	var notes []*maillage.Note
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate} {
		n := newNote(t, db, author, "Note "+string(vis), vis, comm.ID)
		err := db.Update(ctx, func(tx *store.Tx) error {
			return tx.ReplaceNoteLinks(ctx, n.ID, []store.NoteLink{{TargetKey: fold.Key("Carrefour"), TargetID: hub.ID}})
		})
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n)
	}
	all := append([]*maillage.Note{hub}, notes...)

	viewers := map[string]maillage.Viewer{
		"author":    viewerOf(t, db, author, false),
		"member":    viewerOf(t, db, member, false),
		"outsider":  viewerOf(t, db, outsider, false),
		"admin":     viewerOf(t, db, admin, true),
		"anonymous": maillage.Anonymous(),
	}
	for name, v := range viewers {
		var want, wantLinking []string
		for _, n := range all {
			full, err := db.Note(ctx, n.ID)
			if err != nil {
				t.Fatal(err)
			}
			if maillage.CanViewContent(v, full.Access()) {
				want = append(want, n.ID)
				if n.ID != hub.ID {
					wantLinking = append(wantLinking, n.ID)
				}
			}
		}
		list, total, err := db.Notes(ctx, v, store.NoteFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range list {
			got = append(got, n.ID)
		}
		if !equalSets(got, want) || total != len(want) {
			t.Errorf("%s: notes %v (total %d), policy allows %v", name, got, total, want)
		}
		// The same filter through the community and tag keeps the policy.
		_, total, err = db.Notes(ctx, v, store.NoteFilter{CommunityID: comm.ID, Limit: 100})
		if err != nil || total != len(wantLinking) {
			t.Errorf("%s: community notes total %d, want %d (%v)", name, total, len(wantLinking), err)
		}
		back, err := db.Backlinks(ctx, v, hub.ID)
		if err != nil {
			t.Fatal(err)
		}
		var gotBack []string
		for _, b := range back {
			gotBack = append(gotBack, b.ID)
		}
		if !equalSets(gotBack, wantLinking) {
			t.Errorf("%s: backlinks %v, policy allows %v", name, gotBack, wantLinking)
		}
		for _, n := range all {
			allowed := false
			for _, id := range want {
				allowed = allowed || id == n.ID
			}
			res, err := db.ResolveNoteTitles(ctx, v, []string{fold.Key(n.Title)}, store.TitlePreference{})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := res[fold.Key(n.Title)]; ok != allowed {
				t.Errorf("%s: title %q resolved=%v, allowed=%v", name, n.Title, ok, allowed)
			}
			vis, err := db.VisibleNotes(ctx, v, []string{n.ID})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := vis[n.ID]; ok != allowed {
				t.Errorf("%s: note %q visible=%v, allowed=%v", name, n.Title, ok, allowed)
			}
		}
		sug, err := db.SuggestNotes(ctx, v, "note", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(sug) != len(wantLinking) {
			t.Errorf("%s: %d suggestions, want %d", name, len(sug), len(wantLinking))
		}
	}
}

// TestBacklinksNeverRevealHiddenNotes: a private note linking to a public
// one is listed as a backlink to its author only.
func TestBacklinksNeverRevealHiddenNotes(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	bob := newUser(t, db, "Bob", "bob@exemple.org", maillage.ProfilePublic)
	public := newNote(t, db, bob, "Ressources publiques", maillage.VisibilityPublic, "")
	secret := newNote(t, db, alice, "Procès-verbal confidentiel", maillage.VisibilityPrivate, "")
	err := db.Update(ctx, func(tx *store.Tx) error {
		return tx.ReplaceNoteLinks(ctx, secret.ID, []store.NoteLink{{TargetKey: store.NoteIDKey(public.ID), TargetID: public.ID}})
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]maillage.Viewer{"bob": viewerOf(t, db, bob, false), "anonymous": maillage.Anonymous(),
		"admin": {UserID: "x", Admin: true}} {
		back, err := db.Backlinks(ctx, v, public.ID)
		if err != nil || len(back) != 0 {
			t.Errorf("%s sees backlinks %+v (%v)", name, back, err)
		}
	}
	back, err := db.Backlinks(ctx, viewerOf(t, db, alice, false), public.ID)
	if err != nil || len(back) != 1 || back[0].ID != secret.ID {
		t.Fatalf("author's backlinks: %+v %v", back, err)
	}
	// Self-links are not kept.
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.ReplaceNoteLinks(ctx, public.ID, []store.NoteLink{{TargetKey: store.NoteIDKey(public.ID), TargetID: public.ID},
			{TargetKey: fold.Key(public.Title), TargetID: public.ID}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if back, _ := db.Backlinks(ctx, viewerOf(t, db, bob, false), public.ID); len(back) != 0 {
		t.Fatalf("self-link listed: %+v", back)
	}
}

// TestRenameKeepsLinks: a wiki link written with a note's old title still
// reaches it, links written before a note existed attach when it is
// created, and a former title never wins over a current one.
func TestRenameKeepsLinks(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	v := viewerOf(t, db, alice, false)
	source := newNote(t, db, alice, "Source", maillage.VisibilityPublic, "")
	// A link to a note that does not exist yet stays dangling...
	err := db.Update(ctx, func(tx *store.Tx) error {
		return tx.ReplaceNoteLinks(ctx, source.ID, []store.NoteLink{{TargetKey: fold.Key("Lexique")}})
	})
	if err != nil {
		t.Fatal(err)
	}
	// ... until the note is created.
	target := newNote(t, db, alice, "Lexique", maillage.VisibilityPublic, "")
	if back, _ := db.Backlinks(ctx, v, target.ID); len(back) != 1 || back[0].ID != source.ID {
		t.Fatalf("dangling link not attached: %+v", back)
	}
	// Rename: the link (by target ID) stays, the old title resolves.
	target.Title = "Lexique de l’économie sociale"
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateNote(ctx, target, 0) }); err != nil {
		t.Fatal(err)
	}
	if back, _ := db.Backlinks(ctx, v, target.ID); len(back) != 1 {
		t.Fatalf("rename lost backlinks: %+v", back)
	}
	res, err := db.ResolveNoteTitles(ctx, v, []string{fold.Key("lexique"), fold.Key("Lexique de l'économie sociale")}, store.TitlePreference{})
	if err != nil || res[fold.Key("lexique")].ID != target.ID || res[fold.Key("Lexique de l'économie sociale")].ID != target.ID {
		t.Fatalf("former and current title: %+v %v", res, err)
	}
	// A new note taking the old title wins over the former title.
	other := newNote(t, db, alice, "Lexique", maillage.VisibilityPublic, "")
	res, _ = db.ResolveNoteTitles(ctx, v, []string{fold.Key("Lexique")}, store.TitlePreference{})
	if res[fold.Key("Lexique")].ID != other.ID {
		t.Fatalf("former title beat a current one: %+v", res)
	}
	// Deleting the target makes the link dangle again, harmlessly.
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNote(ctx, target.ID) }); err != nil {
		t.Fatal(err)
	}
	if back, err := db.Backlinks(ctx, v, target.ID); err != nil || len(back) != 0 {
		t.Fatalf("backlinks of a deleted note: %+v %v", back, err)
	}
}

// TestResolvePrefersSameCommunityThenOldest checks which of several
// notes with one title a link reaches: the community's, else the oldest,
// never the most recent.
func TestResolvePrefersSameCommunityThenOldest(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	comm := newCommunity(t, db, alice, maillage.VisibilityPublic)
	first := newNote(t, db, alice, "Procès-verbal", maillage.VisibilityPublic, "")
	db.Now = func() time.Time { return time.Now().UTC().Add(time.Hour) }
	inComm := newNote(t, db, alice, "Procès-verbal", maillage.VisibilityPublic, comm.ID)
	db.Now = func() time.Time { return time.Now().UTC().Add(2 * time.Hour) }
	newNote(t, db, alice, "Procès-verbal", maillage.VisibilityPublic, "")
	v := viewerOf(t, db, alice, false)
	key := fold.Key("proces-verbal")
	if res, _ := db.ResolveNoteTitles(ctx, v, []string{key}, store.TitlePreference{CommunityID: comm.ID}); res[key].ID != inComm.ID {
		t.Errorf("same community not preferred: %+v", res)
	}
	if res, _ := db.ResolveNoteTitles(ctx, v, []string{key}, store.TitlePreference{}); res[key].ID != first.ID {
		t.Errorf("oldest not preferred: %+v", res)
	}
}

func TestNoteRevisionsDraftsAndAttachments(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	n := newNote(t, db, alice, "Histoire", maillage.VisibilityPublic, "")
	for i, body := range []string{"un", "deux", "trois"} {
		r := &maillage.NoteRevision{ID: auth.NewID(), NoteID: n.ID, Title: n.Title, Body: body, Kind: n.Kind,
			Visibility: n.Visibility, License: n.License, Changes: []string{"body"}, AuthorID: alice.ID}
		if err := db.Update(ctx, func(tx *store.Tx) error { return tx.AddNoteRevision(ctx, r) }); err != nil {
			t.Fatal(err)
		}
		if r.Number != i+1 {
			t.Fatalf("revision number %d, want %d", r.Number, i+1)
		}
	}
	list, err := db.NoteRevisions(ctx, n.ID)
	if err != nil || len(list) != 3 || list[0].Number != 3 || list[0].Body != "" || list[0].AuthorName != "Alice" ||
		len(list[0].Changes) != 1 || list[0].Changes[0] != "body" {
		t.Fatalf("revisions: %+v %v", list, err)
	}
	r2, err := db.NoteRevision(ctx, n.ID, 2)
	if err != nil || r2.Body != "deux" {
		t.Fatalf("revision 2: %+v %v", r2, err)
	}
	if _, err := db.NoteRevision(ctx, n.ID, 9); !maillage.IsNotFound(err) {
		t.Fatalf("unknown revision: %v", err)
	}

	// Drafts: one per person and note, replaced on save, dropped on demand.
	for _, body := range []string{"brouillon 1", "brouillon 2"} {
		d := &maillage.NoteDraft{Key: n.ID, Title: "Histoire", Body: body}
		if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SaveNoteDraft(ctx, alice.ID, d) }); err != nil {
			t.Fatal(err)
		}
	}
	if d, err := db.NoteDraft(ctx, alice.ID, n.ID); err != nil || d.Body != "brouillon 2" {
		t.Fatalf("draft: %+v %v", d, err)
	}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNoteDraft(ctx, alice.ID, n.ID) }); err != nil {
		t.Fatal(err)
	}
	if _, err := db.NoteDraft(ctx, alice.ID, n.ID); !maillage.IsNotFound(err) {
		t.Fatalf("deleted draft: %v", err)
	}

	// Attachments belong to one note: another note's ID does not reach them.
	a := &maillage.Attachment{ID: auth.NewID(), NoteID: n.ID, StorageKey: "k/" + auth.NewID(), Name: "photo.png", MIME: "image/png",
		Kind: "image", Size: 42, Width: 2, Height: 3, SHA256: "abc", UploadedBy: alice.ID}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.CreateAttachment(ctx, a) }); err != nil {
		t.Fatal(err)
	}
	other := newNote(t, db, alice, "Autre", maillage.VisibilityPublic, "")
	if _, err := db.Attachment(ctx, other.ID, a.ID); !maillage.IsNotFound(err) {
		t.Fatalf("attachment through another note: %v", err)
	}
	got, err := db.Attachment(ctx, n.ID, a.ID)
	if err != nil || got.Name != "photo.png" || got.Size != 42 || got.Width != 2 {
		t.Fatalf("attachment: %+v %v", got, err)
	}
	var keys []string
	err = db.Update(ctx, func(tx *store.Tx) error {
		var err error
		keys, err = tx.AttachmentKeys(ctx, n.ID)
		return err
	})
	if err != nil || len(keys) != 1 || keys[0] != a.StorageKey {
		t.Fatalf("keys: %v %v", keys, err)
	}
	err = db.Update(ctx, func(tx *store.Tx) error {
		key, err := tx.DeleteAttachment(ctx, n.ID, a.ID)
		if err == nil && key != a.StorageKey {
			err = fmt.Errorf("deleted key %q", key)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Attachments(ctx, n.ID); len(list) != 0 {
		t.Fatalf("attachment not deleted: %+v", list)
	}
}

// TestManagerAuthorsFollowTheCommunity: notes whose authors are the
// community's managers follow promotions and departures.
func TestManagerAuthorsFollowTheCommunity(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	bob := newUser(t, db, "Bob", "bob@exemple.org", maillage.ProfilePublic)
	comm := newCommunity(t, db, alice, maillage.VisibilityPrivate, bob)
	n := newNote(t, db, alice, "Mandat", maillage.VisibilityCommunity, comm.ID)
	plain := newNote(t, db, alice, "Autre note", maillage.VisibilityCommunity, comm.ID)
	n.AuthorsAreManagers = true
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateNote(ctx, n, 0) }); err != nil {
		t.Fatal(err)
	}
	sync := func() {
		t.Helper()
		if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SyncManagerAuthors(ctx, comm.ID) }); err != nil {
			t.Fatal(err)
		}
	}
	authors := func(id string) []string {
		got, err := db.Note(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got.AuthorIDs()
	}
	// Bob becomes a manager: he is an author of the synced note only.
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.UpsertMember(ctx, comm.ID, bob.ID, maillage.RoleManager) }); err != nil {
		t.Fatal(err)
	}
	sync()
	if got := authors(n.ID); !equalSets(got, []string{alice.ID, bob.ID}) {
		t.Fatalf("after promotion: %v", got)
	}
	if got := authors(plain.ID); !equalSets(got, []string{alice.ID}) {
		t.Fatalf("unsynced note changed: %v", got)
	}
	// Alice leaves: Bob remains the only author.
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteMember(ctx, comm.ID, alice.ID) }); err != nil {
		t.Fatal(err)
	}
	sync()
	if got := authors(n.ID); !equalSets(got, []string{bob.ID}) {
		t.Fatalf("after departure: %v", got)
	}
	if ids, err := db.CommunityManagerIDs(ctx, comm.ID); err != nil || !equalSets(ids, []string{bob.ID}) {
		t.Fatalf("managers: %v %v", ids, err)
	}
}

// TestNoteNotebooksShowOnlyVisibleOnes: a note's page lists the notebooks
// holding it that the viewer may see, and no other.
func TestNoteNotebooksShowOnlyVisibleOnes(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	alice := newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	bob := newUser(t, db, "Bob", "bob@exemple.org", maillage.ProfilePublic)
	n := newNote(t, db, alice, "Ressource", maillage.VisibilityPublic, "")
	public := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet public", Visibility: maillage.VisibilityPublic, CreatedBy: alice.ID}
	private := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet privé de Bob", Visibility: maillage.VisibilityPrivate, CreatedBy: bob.ID}
	err := db.Update(ctx, func(tx *store.Tx) error {
		for _, nb := range []*maillage.Notebook{public, private} {
			if err := tx.CreateNotebook(ctx, nb); err != nil {
				return err
			}
			if _, err := tx.AddNotebookNote(ctx, nb.ID, n.ID, "", nb.CreatedBy); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		v    maillage.Viewer
		want int
	}{"anonymous": {maillage.Anonymous(), 1}, "alice": {viewerOf(t, db, alice, false), 1}, "bob": {viewerOf(t, db, bob, false), 2},
		"admin": {maillage.Viewer{UserID: "x", Admin: true}, 1}} {
		got, err := db.NoteNotebooks(ctx, c.v, n.ID)
		if err != nil || len(got) != c.want {
			t.Errorf("%s: notebooks %+v (%v), want %d", name, got, err, c.want)
		}
		for _, nb := range got {
			if nb.ID == private.ID && name != "bob" {
				t.Errorf("%s sees Bob's private notebook", name)
			}
		}
	}
}
