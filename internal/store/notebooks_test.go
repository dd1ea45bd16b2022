package store_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// nbWorld is a small population for notebook tests: alice manages a
// community and writes notes, bob is a member of it, cora contributes to
// notebooks without belonging to the community, olga is an outsider.
type nbWorld struct {
	db                     *store.DB
	alice, bob, cora, olga *maillage.User
	community              *maillage.Community
	viewers                map[string]maillage.Viewer
}

func newNBWorld(t *testing.T) *nbWorld {
	t.Helper()
	ctx := context.Background()
	db := testutil.OpenDB(t)
	w := &nbWorld{db: db,
		alice: newUser(t, db, "Alice Tremblay", "alice@exemple.org", maillage.ProfilePublic),
		bob:   newUser(t, db, "Bob Roy", "bob@exemple.org", maillage.ProfileMembers),
		cora:  newUser(t, db, "Cora Lavoie", "cora@exemple.org", maillage.ProfilePublic),
		olga:  newUser(t, db, "Olga Fortin", "olga@exemple.org", maillage.ProfilePublic),
	}
	w.community = &maillage.Community{ID: auth.NewID(), Name: "Cercle numérique", Visibility: maillage.VisibilityPrivate, CreatedBy: w.alice.ID}
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, w.community); err != nil {
			return err
		}
		return tx.UpsertMember(ctx, w.community.ID, w.bob.ID, maillage.RoleMember)
	})
	if err != nil {
		t.Fatal(err)
	}
	w.viewers = map[string]maillage.Viewer{"anonymous": maillage.Anonymous(), "admin": {UserID: "admin-id", Admin: true}}
	for _, u := range []*maillage.User{w.alice, w.bob, w.cora, w.olga} {
		roles, err := db.CommunityRoles(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.viewers[u.Name] = maillage.Viewer{UserID: u.ID, Roles: roles}
	}
	return w
}

// note writes a note by alice.
func (w *nbWorld) note(t *testing.T, title string, vis maillage.Visibility) *maillage.Note {
	t.Helper()
	ctx := context.Background()
	n := &maillage.Note{ID: auth.NewID(), Title: title, Body: "Texte de « " + title + " »", Summary: "Résumé " + title,
		Kind: maillage.NoteGeneral, Visibility: vis, License: maillage.LicenseCCBY, CreatedBy: w.alice.ID,
		Authors: []maillage.NoteAuthor{{UserID: w.alice.ID}}}
	if vis == maillage.VisibilityCommunity {
		n.CommunityID = w.community.ID
	}
	if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.CreateNote(ctx, n) }); err != nil {
		t.Fatalf("note %s: %v", title, err)
	}
	return n
}

// notebook makes a notebook managed by alice with cora as contributor.
func (w *nbWorld) notebook(t *testing.T, title string, vis maillage.Visibility) *maillage.Notebook {
	t.Helper()
	ctx := context.Background()
	nb := &maillage.Notebook{ID: auth.NewID(), Title: title, Visibility: vis, CreatedBy: w.alice.ID}
	if vis == maillage.VisibilityCommunity {
		nb.CommunityID = w.community.ID
	}
	err := w.db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNotebook(ctx, nb); err != nil {
			return err
		}
		return tx.UpsertNotebookMember(ctx, nb.ID, w.cora.ID, maillage.NotebookContributor)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.db.Notebook(ctx, nb.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func (w *nbWorld) add(t *testing.T, nb *maillage.Notebook, n *maillage.Note, categoryID string) bool {
	t.Helper()
	ctx := context.Background()
	var added bool
	err := w.db.Update(ctx, func(tx *store.Tx) error {
		var err error
		added, err = tx.AddNotebookNote(ctx, nb.ID, n.ID, categoryID, w.alice.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return added
}

// TestNotebookPolicySQLMirror checks that notebook and knowledge base
// lists, counts and a knowledge base's notebooks return exactly what the
// domain policy allows, for every kind of viewer.
func TestNotebookPolicySQLMirror(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	var nbs []*maillage.Notebook
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate} {
		nbs = append(nbs, w.notebook(t, "Carnet "+string(vis), vis))
	}
	var kbs []*maillage.KnowledgeBase
	for _, vis := range []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityCommunity, maillage.VisibilityPrivate} {
		k := &maillage.KnowledgeBase{ID: auth.NewID(), Title: "Base " + string(vis), Visibility: vis, CreatedBy: w.alice.ID}
		if vis == maillage.VisibilityCommunity {
			k.CommunityID = w.community.ID
		}
		err := w.db.Update(ctx, func(tx *store.Tx) error {
			if err := tx.CreateKnowledgeBase(ctx, k); err != nil {
				return err
			}
			if err := tx.UpsertKnowledgeBaseMember(ctx, k.ID, w.cora.ID, maillage.NotebookContributor); err != nil {
				return err
			}
			for _, nb := range nbs {
				if _, err := tx.AddKnowledgeBaseNotebook(ctx, k.ID, nb.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := w.db.KnowledgeBase(ctx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		kbs = append(kbs, got)
	}
	for name, v := range w.viewers {
		var want []string
		for _, nb := range nbs {
			if maillage.CanViewContent(v, nb.Access()) {
				want = append(want, nb.ID)
			}
		}
		list, total, err := w.db.Notebooks(ctx, v, store.NotebookFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, nb := range list {
			got = append(got, nb.ID)
		}
		if !equalSets(got, want) || total != len(want) {
			t.Errorf("%s: notebooks %v (total %d), policy allows %v", name, got, total, want)
		}
		var wantKB []string
		for _, k := range kbs {
			if maillage.CanViewContent(v, k.Access()) {
				wantKB = append(wantKB, k.ID)
			}
		}
		kl, total, err := w.db.KnowledgeBases(ctx, v, store.KnowledgeBaseFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, k := range kl {
			got = append(got, k.ID)
		}
		if !equalSets(got, wantKB) || total != len(wantKB) {
			t.Errorf("%s: knowledge bases %v (total %d), policy allows %v", name, got, total, wantKB)
		}
		// A knowledge base shows only the notebooks the viewer may see,
		// and counts only those.
		inKB, err := w.db.KnowledgeBaseNotebooks(ctx, v, kbs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, nb := range inKB {
			got = append(got, nb.ID)
		}
		if !equalSets(got, want) {
			t.Errorf("%s: knowledge base notebooks %v, policy allows %v", name, got, want)
		}
		counts, err := w.db.KnowledgeBaseNotebookCounts(ctx, v, kbs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if counts[kbs[0].ID] != len(want) {
			t.Errorf("%s: knowledge base counts %d notebooks, policy allows %d", name, counts[kbs[0].ID], len(want))
		}
	}
	// The linked community's name shows only to those who may see it: the
	// private community here is unlisted.
	list, _, err := w.db.Notebooks(ctx, w.viewers["Olga Fortin"], store.NotebookFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, nb := range list {
		if nb.CommunityName != "" {
			t.Errorf("an outsider sees the name of an unlisted community on %q", nb.Title)
		}
	}
}

// TestNotebookMixedVisibility is the meeting notebook: a private minute,
// a community summary and a public resource in one public notebook. Each
// viewer sees and counts only their share; the feed only the public note.
func TestNotebookMixedVisibility(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	nb := w.notebook(t, "Rencontre du 12 mars", maillage.VisibilityPublic)
	notes := []*maillage.Note{
		w.note(t, "Compte rendu détaillé", maillage.VisibilityPrivate),
		w.note(t, "Synthèse de la rencontre", maillage.VisibilityCommunity),
		w.note(t, "Ressources partagées", maillage.VisibilityPublic),
	}
	for _, n := range notes {
		if !w.add(t, nb, n, "") {
			t.Fatalf("%s: not reported as added", n.Title)
		}
	}
	for name, v := range w.viewers {
		var want []string
		for _, n := range notes {
			if maillage.CanViewContent(v, n.Access()) {
				want = append(want, n.ID)
			}
		}
		entries, total, err := w.db.NotebookEntries(ctx, v, nb.ID, store.NotebookEntryFilter{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Note.ID)
		}
		if !equalSets(got, want) || total != len(want) {
			t.Errorf("%s: notebook shows %v (total %d), policy allows %v", name, got, total, want)
		}
		counts, err := w.db.NotebookCategoryCounts(ctx, v, nb.ID)
		if err != nil {
			t.Fatal(err)
		}
		if counts[""] != len(want) {
			t.Errorf("%s: category counts %v, want %d", name, counts, len(want))
		}
		byNotebook, err := w.db.NotebookNoteCounts(ctx, v, nb.ID)
		if err != nil {
			t.Fatal(err)
		}
		if byNotebook[nb.ID] != len(want) {
			t.Errorf("%s: notebook note count %d, want %d", name, byNotebook[nb.ID], len(want))
		}
	}
	items, err := w.db.NotebookFeedItems(ctx, nb.ID, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Note.ID != notes[2].ID || items[0].Note.Body == "" {
		t.Fatalf("feed items: %+v", items)
	}
	// Being in a public notebook does not make the private minute visible
	// to anyone new: it is still absent for bob, cora and visitors.
	for _, who := range []string{"Bob Roy", "Cora Lavoie", "anonymous", "admin"} {
		entries, _, err := w.db.NotebookEntries(ctx, w.viewers[who], nb.ID, store.NotebookEntryFilter{Query: "compte rendu", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 0 {
			t.Errorf("%s finds the private minute through the notebook", who)
		}
	}
	// Search folds accents and matches summaries; the tag, kind and author
	// filters narrow the list.
	alice := w.viewers["Alice Tremblay"]
	for _, c := range []struct {
		f    store.NotebookEntryFilter
		want int
	}{
		{store.NotebookEntryFilter{Query: "SYNTHESE"}, 1},
		{store.NotebookEntryFilter{Query: "résumé"}, 3},
		{store.NotebookEntryFilter{Query: "50%"}, 0},
		{store.NotebookEntryFilter{Kind: "term"}, 0},
		{store.NotebookEntryFilter{Kind: "general"}, 3},
		{store.NotebookEntryFilter{AuthorID: w.alice.ID}, 3},
		{store.NotebookEntryFilter{AuthorID: w.bob.ID}, 0},
		{store.NotebookEntryFilter{CategoryID: store.NoCategory}, 3},
	} {
		c.f.Limit = 50
		_, total, err := w.db.NotebookEntries(ctx, alice, nb.ID, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if total != c.want {
			t.Errorf("filter %+v: %d notes, want %d", c.f, total, c.want)
		}
	}
	// Authors are listed only when the viewer may see their profile.
	entries, _, err := w.db.NotebookEntries(ctx, maillage.Anonymous(), nb.ID, store.NotebookEntryFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || len(entries[0].Note.Authors) != 1 || entries[0].Note.Authors[0].Name != "Alice Tremblay" {
		t.Errorf("public entry authors: %+v", entries)
	}
}

// TestNotebookCategoriesAndOrder: one note in different categories in two
// notebooks, category management, pins and the manual order.
func TestNotebookCategoriesAndOrder(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	a := w.notebook(t, "Carnet A", maillage.VisibilityPublic)
	b := w.notebook(t, "Carnet B", maillage.VisibilityPublic)
	n1 := w.note(t, "Première", maillage.VisibilityPublic)
	n2 := w.note(t, "Deuxième", maillage.VisibilityPublic)
	n3 := w.note(t, "Troisième", maillage.VisibilityPublic)

	mkCat := func(nb *maillage.Notebook, name string) *maillage.NotebookCategory {
		t.Helper()
		c := &maillage.NotebookCategory{ID: auth.NewID(), Name: name}
		if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.CreateNotebookCategory(ctx, nb.ID, c) }); err != nil {
			t.Fatal(err)
		}
		return c
	}
	ressources, comptes := mkCat(a, "Ressources"), mkCat(a, "Comptes rendus")
	lexique := mkCat(b, "Lexique")
	// The same name (accents and case aside) twice in one notebook is a
	// conflict on the name field; in another notebook it is fine.
	err := w.db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateNotebookCategory(ctx, a.ID, &maillage.NotebookCategory{ID: auth.NewID(), Name: "RESSOURCES"})
	})
	if e := maillage.AsError(err); e.Code != maillage.CodeConflict || len(e.Fields) != 1 || e.Fields[0].Field != "name" {
		t.Fatalf("duplicate category: %v", err)
	}
	mkCat(b, "Ressources")

	w.add(t, a, n1, ressources.ID)
	w.add(t, b, n1, lexique.ID)
	w.add(t, a, n2, comptes.ID)
	w.add(t, a, n3, "")
	// Adding again is not an error and moves the note to the new category.
	if w.add(t, a, n2, ressources.ID) {
		t.Error("a second add reported the note as new")
	}
	alice := w.viewers["Alice Tremblay"]
	entries, _, err := w.db.NotebookEntries(ctx, alice, a.ID, store.NotebookEntryFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	cat := map[string]string{}
	for _, e := range entries {
		cat[e.Note.ID] = e.CategoryName
	}
	if cat[n1.ID] != "Ressources" || cat[n2.ID] != "Ressources" || cat[n3.ID] != "" {
		t.Errorf("categories in A: %v", cat)
	}
	inB, _, err := w.db.NotebookEntries(ctx, alice, b.ID, store.NotebookEntryFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(inB) != 1 || inB[0].CategoryName != "Lexique" {
		t.Errorf("the same note in B: %+v", inB)
	}
	// Manual order: categories in their order, notes without one last.
	order := func() []string {
		t.Helper()
		es, _, err := w.db.NotebookEntries(ctx, alice, a.ID, store.NotebookEntryFilter{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Note.Title)
		}
		return out
	}
	wantNotebookOrder(t, order(), "Première", "Deuxième", "Troisième")
	update := func(fn func(tx *store.Tx) error) {
		t.Helper()
		if err := w.db.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	update(func(tx *store.Tx) error { return tx.MoveNotebookNote(ctx, alice, a.ID, n2.ID, true) })
	wantNotebookOrder(t, order(), "Deuxième", "Première", "Troisième")
	// At the top of its section, up does nothing; a note alone in its
	// section does not leave it.
	update(func(tx *store.Tx) error { return tx.MoveNotebookNote(ctx, alice, a.ID, n2.ID, true) })
	update(func(tx *store.Tx) error { return tx.MoveNotebookNote(ctx, alice, a.ID, n3.ID, true) })
	wantNotebookOrder(t, order(), "Deuxième", "Première", "Troisième")
	// A pinned note comes first, whatever its category.
	update(func(tx *store.Tx) error { return tx.SetNotebookNotePinned(ctx, a.ID, n3.ID, true) })
	wantNotebookOrder(t, order(), "Troisième", "Deuxième", "Première")
	// Other sorts.
	es, _, err := w.db.NotebookEntries(ctx, alice, a.ID, store.NotebookEntryFilter{Sort: store.SortTitle, Limit: 50})
	if err != nil || len(es) != 3 || es[0].Note.Title != "Deuxième" || es[2].Note.Title != "Troisième" {
		t.Errorf("title sort: %+v %v", es, err)
	}
	// Categories: rename, reorder, delete (its notes stay, uncategorised).
	update(func(tx *store.Tx) error { return tx.RenameNotebookCategory(ctx, a.ID, comptes.ID, "Procès-verbaux") })
	update(func(tx *store.Tx) error { return tx.MoveNotebookCategory(ctx, a.ID, comptes.ID, true) })
	cats, err := w.db.NotebookCategories(ctx, a.ID)
	if err != nil || len(cats) != 2 || cats[0].Name != "Procès-verbaux" || cats[1].Name != "Ressources" {
		t.Fatalf("categories after rename and move: %+v %v", cats, err)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error { return tx.RenameNotebookCategory(ctx, a.ID, comptes.ID, "ressources") })
	if maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Errorf("rename onto a taken name: %v", err)
	}
	// A category of another notebook is not found here.
	err = w.db.Update(ctx, func(tx *store.Tx) error { return tx.DeleteNotebookCategory(ctx, a.ID, lexique.ID) })
	if !maillage.IsNotFound(err) {
		t.Errorf("delete another notebook's category: %v", err)
	}
	update(func(tx *store.Tx) error { return tx.DeleteNotebookCategory(ctx, a.ID, ressources.ID) })
	counts, err := w.db.NotebookCategoryCounts(ctx, alice, a.ID)
	if err != nil || counts[""] != 3 {
		t.Errorf("after deleting a category: %v %v", counts, err)
	}
	// Removing a note from A leaves it in B.
	update(func(tx *store.Tx) error { return tx.RemoveNotebookNote(ctx, a.ID, n1.ID) })
	if _, total, _ := w.db.NotebookEntries(ctx, alice, b.ID, store.NotebookEntryFilter{}); total != 1 {
		t.Errorf("removing from A touched B: %d", total)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error { return tx.RemoveNotebookNote(ctx, a.ID, n1.ID) })
	if !maillage.IsNotFound(err) {
		t.Errorf("removing twice: %v", err)
	}
}

// TestNotebookMoveSkipsInvisibleNotes: moving a note swaps it with the
// previous note the mover can see, not with one hidden from them.
func TestNotebookMoveSkipsInvisibleNotes(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	nb := w.notebook(t, "Carnet", maillage.VisibilityPublic)
	first := w.note(t, "Un", maillage.VisibilityPublic)
	hidden := w.note(t, "Deux privé", maillage.VisibilityPrivate)
	third := w.note(t, "Trois", maillage.VisibilityPublic)
	for _, n := range []*maillage.Note{first, hidden, third} {
		w.add(t, nb, n, "")
	}
	cora := w.viewers["Cora Lavoie"]
	if err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.MoveNotebookNote(ctx, cora, nb.ID, third.ID, true) }); err != nil {
		t.Fatal(err)
	}
	es, _, err := w.db.NotebookEntries(ctx, w.viewers["Alice Tremblay"], nb.ID, store.NotebookEntryFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Note.Title)
	}
	wantNotebookOrder(t, got, "Trois", "Deux privé", "Un")
}

// TestNotebookSuggestionsAndRoles covers the note picker and the roles.
func TestNotebookSuggestionsAndRoles(t *testing.T) {
	ctx := context.Background()
	w := newNBWorld(t)
	nb := w.notebook(t, "Carnet", maillage.VisibilityPrivate)
	w.note(t, "Économie sociale", maillage.VisibilityPublic)
	secret := w.note(t, "Économie cachée", maillage.VisibilityPrivate)
	inside := w.note(t, "Économie déjà là", maillage.VisibilityPublic)
	w.add(t, nb, inside, "")
	sug, err := w.db.NotebookNoteSuggestions(ctx, w.viewers["Olga Fortin"], nb.ID, "ECONOMIE", 10)
	if err != nil || len(sug) != 1 || sug[0].Title != "Économie sociale" {
		t.Errorf("suggestions for an outsider: %+v %v", sug, err)
	}
	sug, err = w.db.NotebookNoteSuggestions(ctx, w.viewers["Alice Tremblay"], nb.ID, "cach", 10)
	if err != nil || len(sug) != 1 || sug[0].ID != secret.ID {
		t.Errorf("suggestions for the author: %+v %v", sug, err)
	}
	// Roles: everyone is listed for the policy; display hides bob's
	// members-only profile from visitors.
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		return tx.UpsertNotebookMember(ctx, nb.ID, w.bob.ID, maillage.NotebookManager)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.db.Notebook(ctx, nb.ID)
	if err != nil || len(got.Members) != 3 || got.Members[2].Role != maillage.NotebookContributor {
		t.Fatalf("members: %+v %v", got, err)
	}
	shown, err := w.db.NotebookMembers(ctx, maillage.Anonymous(), nb.ID)
	if err != nil || len(shown) != 2 {
		t.Errorf("members shown to a visitor: %+v %v", shown, err)
	}
	err = w.db.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.CountNotebookManagers(ctx, nb.ID)
		if err != nil || n != 2 {
			t.Errorf("managers: %d %v", n, err)
		}
		if err := tx.DeleteNotebookMember(ctx, nb.ID, w.bob.ID); err != nil {
			return err
		}
		if _, err := tx.NotebookRole(ctx, nb.ID, w.bob.ID); !maillage.IsNotFound(err) {
			t.Errorf("role after removal: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func wantNotebookOrder(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}
