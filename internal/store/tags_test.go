package store_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// ensureTag returns the tag for a label, creating it free if needed.
func ensureTag(t *testing.T, db *store.DB, label string) maillage.Tag {
	t.Helper()
	var out []maillage.Tag
	err := db.Update(context.Background(), func(tx *store.Tx) error {
		var err error
		out, err = tx.EnsureTags(context.Background(), []string{label}, "")
		return err
	})
	if err != nil || len(out) != 1 {
		t.Fatalf("ensure tag %q: %v", label, err)
	}
	return out[0]
}

// newTaggedNote writes a note carrying exactly the given tags.
func newTaggedNote(t *testing.T, db *store.DB, author *maillage.User, title string, vis maillage.Visibility, tags ...maillage.Tag) *maillage.Note {
	t.Helper()
	n := &maillage.Note{ID: auth.NewID(), Title: title, Body: "Texte", Kind: maillage.NoteGeneral, Visibility: vis,
		License: maillage.LicenseCCBY, CreatedBy: author.ID, Authors: []maillage.NoteAuthor{{UserID: author.ID}}, Tags: tags}
	if err := db.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateNote(context.Background(), n) }); err != nil {
		t.Fatalf("create note %s: %v", title, err)
	}
	return n
}

func curate(t *testing.T, db *store.DB, tag maillage.Tag, labelEn, parentID string) maillage.Tag {
	t.Helper()
	tag.Kind, tag.LabelEn, tag.ParentID = maillage.TagCurated, labelEn, parentID
	if err := db.Update(context.Background(), func(tx *store.Tx) error { return tx.UpdateTag(context.Background(), &tag) }); err != nil {
		t.Fatalf("curate %s: %v", tag.Label, err)
	}
	return tag
}

func TestTagKeysFoldPunctuationAndLanguages(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	es := ensureTag(t, db, "Économie sociale")
	for _, label := range []string{"économie-sociale", "ECONOMIE, SOCIALE", " économie   sociale "} {
		if got := ensureTag(t, db, label); got.ID != es.ID {
			t.Errorf("%q made another tag than %q", label, es.Label)
		}
	}
	es = curate(t, db, es, "Social economy", "")
	// The English label and a synonym resolve to the tag, in lists' filters too.
	if got := ensureTag(t, db, "social-economy"); got.ID != es.ID {
		t.Errorf("English label made a new tag")
	}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.AddTagSynonym(ctx, es.ID, "Économie solidaire", "fr-CA") }); err != nil {
		t.Fatal(err)
	}
	if got, err := db.TagByLabel(ctx, "ECONOMIE SOLIDAIRE"); err != nil || got.ID != es.ID {
		t.Fatalf("synonym: %v %v", got, err)
	}
	// A synonym's slug and the English label lead to the tag, as a redirect.
	got, redirected, err := db.ResolveTagSlug(ctx, "economie-solidaire")
	if err != nil || got.ID != es.ID || !redirected {
		t.Fatalf("synonym slug: %+v %v %v", got, redirected, err)
	}
	if got, redirected, err := db.ResolveTagSlug(ctx, es.Slug); err != nil || got.ID != es.ID || redirected {
		t.Fatalf("own slug: %+v %v %v", got, redirected, err)
	}
	if _, _, err := db.ResolveTagSlug(ctx, "nothing"); !maillage.IsNotFound(err) {
		t.Fatalf("unknown slug: %v", err)
	}
	// Autocomplete finds it through each of its names, curated first.
	free := ensureTag(t, db, "Économie circulaire")
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateOrganization(ctx, &maillage.Organization{ID: auth.NewID(), Name: "Coop", Tags: []maillage.Tag{free, free}})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"eco", "social", "ÉCONOMIE SOL"} {
		sug, err := db.AutocompleteTags(ctx, maillage.Anonymous(), q, 10)
		if err != nil || len(sug) == 0 || sug[0].ID != es.ID {
			t.Errorf("autocomplete %q: %+v %v", q, sug, err)
		}
	}
}

func TestMergeMovesEveryUseAndUndoPutsThemBack(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	author := newUser(t, db, "Autrice", "autrice@exemple.org", maillage.ProfilePublic)
	from := ensureTag(t, db, "Mobilité")
	into := curate(t, db, ensureTag(t, db, "Mobilité durable"), "Sustainable mobility", "")
	child := curate(t, db, ensureTag(t, db, "Autopartage"), "", from.ID)
	// A note carries only the old tag, an organisation both, a profile the
	// old one; someone follows the old tag.
	note := newTaggedNote(t, db, author, "Covoiturage", maillage.VisibilityPublic, from)
	org := &maillage.Organization{ID: auth.NewID(), Name: "Coop", Tags: []maillage.Tag{from, into}}
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateOrganization(ctx, org); err != nil {
			return err
		}
		if err := tx.SetUserInterests(ctx, author.ID, []string{from.ID}); err != nil {
			return err
		}
		_, err := tx.Follow(ctx, author.ID, maillage.FollowTag, from.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var action maillage.TagAction
	err = db.Update(ctx, func(tx *store.Tx) error {
		snap, err := tx.Snapshot(ctx, from.ID, into.ID, child.ID)
		if err != nil {
			return err
		}
		uses, err := tx.MoveTagUses(ctx, from.ID, into.ID)
		if err != nil {
			return err
		}
		follows, err := tx.MoveTagFollows(ctx, from.ID, into.ID)
		if err != nil {
			return err
		}
		if err := tx.MergeTagRecord(ctx, &from, &into, true); err != nil {
			return err
		}
		action = maillage.TagAction{Kind: maillage.TagActionMerge, Summary: "Mobilité → Mobilité durable",
			TagIDs: []string{from.ID, into.ID, child.ID}}
		return tx.LogTagAction(ctx, &action, &store.TagUndo{Snapshot: snap, Uses: uses, Follows: follows})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind maillage.TagUseKind
		id   string
	}{{maillage.TagUseNote, note.ID}, {maillage.TagUseOrganization, org.ID}, {maillage.TagUseUser, author.ID}} {
		tags, err := db.SubjectTags(ctx, c.kind, c.id)
		if err != nil || len(tags) != 1 || tags[0] != into.ID {
			t.Errorf("%s after merge carries %v (%v), want only %s", c.kind, tags, err, into.ID)
		}
	}
	// The old label and slug lead to the new tag; the child moved up.
	if got, err := db.TagByLabel(ctx, "mobilite"); err != nil || got.ID != into.ID {
		t.Fatalf("old label: %+v %v", got, err)
	}
	if got, redirected, err := db.ResolveTagSlug(ctx, from.Slug); err != nil || got.ID != into.ID || !redirected {
		t.Fatalf("old slug: %+v %v %v", got, redirected, err)
	}
	if ch, _ := db.Tag(ctx, child.ID); ch.ParentID != into.ID {
		t.Fatalf("child's parent %s, want %s", ch.ParentID, into.ID)
	}
	if ok, _ := db.IsFollowing(ctx, author.ID, maillage.FollowTag, into.ID); !ok {
		t.Fatal("follow not moved")
	}
	// Counts see each thing once.
	counts, err := db.TagCounts(ctx, maillage.Anonymous(), []string{into.ID})
	if err != nil || counts[maillage.TagUseOrganization] != 1 || counts[maillage.TagUseNote] != 1 || counts[maillage.TagUseUser] != 1 {
		t.Fatalf("counts %v %v", counts, err)
	}
	// Undo: everything as before.
	err = db.Update(ctx, func(tx *store.Tx) error {
		later, err := tx.LaterTagActions(ctx, action.Seq, action.TagIDs)
		if err != nil || len(later) > 0 {
			t.Errorf("later actions %v %v", later, err)
		}
		a, undo, err := tx.TagAction(ctx, action.ID)
		if err != nil || undo == nil || !a.Undoable {
			t.Fatalf("read action: %+v %v", a, err)
		}
		return tx.UndoTagAction(ctx, a.ID, author.ID, undo)
	})
	if err != nil {
		t.Fatal(err)
	}
	if tags, _ := db.SubjectTags(ctx, maillage.TagUseNote, note.ID); len(tags) != 1 || tags[0] != from.ID {
		t.Errorf("note after undo carries %v", tags)
	}
	if tags, _ := db.SubjectTags(ctx, maillage.TagUseOrganization, org.ID); len(tags) != 2 {
		t.Errorf("organisation after undo carries %v", tags)
	}
	if got, err := db.TagByLabel(ctx, "mobilite"); err != nil || got.ID != from.ID {
		t.Fatalf("old label after undo: %+v %v", got, err)
	}
	if got, redirected, err := db.ResolveTagSlug(ctx, from.Slug); err != nil || got.ID != from.ID || redirected {
		t.Fatalf("old slug after undo: %+v %v %v", got, redirected, err)
	}
	if ch, _ := db.Tag(ctx, child.ID); ch.ParentID != from.ID {
		t.Fatalf("child's parent after undo %s", ch.ParentID)
	}
	if ok, _ := db.IsFollowing(ctx, author.ID, maillage.FollowTag, from.ID); !ok {
		t.Fatal("follow not moved back")
	}
	if ok, _ := db.IsFollowing(ctx, author.ID, maillage.FollowTag, into.ID); ok {
		t.Fatal("moved follow left behind")
	}
	list, total, err := db.TagActions(ctx, store.TagActionFilter{TagID: from.ID})
	if err != nil || total != 1 || list[0].UndoneAt == nil || list[0].UndoneBy != author.ID {
		t.Fatalf("log: %+v %d %v", list, total, err)
	}
}

func TestTagCountsFollowThePolicy(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	author := newUser(t, db, "Autrice", "autrice@exemple.org", maillage.ProfileMembers)
	member := newUser(t, db, "Membre", "membre@exemple.org", maillage.ProfileMembers)
	c := newCommunity(t, db, author, maillage.VisibilityPrivate, member)
	tag := ensureTag(t, db, "Économie sociale")
	newNote(t, db, author, "Publique", maillage.VisibilityPublic, "")
	newNote(t, db, author, "Privée", maillage.VisibilityPrivate, "")
	newNote(t, db, author, "Communauté", maillage.VisibilityCommunity, c.ID)
	roles, err := db.CommunityRoles(ctx, member.ID)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]struct {
		v     maillage.Viewer
		notes int
	}{
		"anonymous": {maillage.Anonymous(), 1},
		"member":    {maillage.Viewer{UserID: member.ID, Roles: roles}, 2},
		"author":    {maillage.Viewer{UserID: author.ID}, 3},
	} {
		counts, err := db.TagCounts(ctx, want.v, []string{tag.ID})
		if err != nil || counts[maillage.TagUseNote] != want.notes {
			t.Errorf("%s: counts %v (%v), want %d notes", name, counts, err, want.notes)
		}
		uses, total, err := db.TagUses(ctx, want.v, tag.ID, 10, 0)
		if err != nil || total != want.notes || len(uses) != want.notes {
			t.Errorf("%s: uses %v (%d, %v)", name, uses, total, err)
		}
		vis, err := db.TagsVisibility(ctx, want.v, []string{tag.ID})
		if err != nil || vis[tag.ID].Uses != want.notes || !vis[tag.ID].Visible {
			t.Errorf("%s: visibility %+v %v", name, vis, err)
		}
	}
}

func TestTagHierarchyReads(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	root := curate(t, db, ensureTag(t, db, "Transition socio-écologique"), "Socio-ecological transition", "")
	mid := curate(t, db, ensureTag(t, db, "Mobilité durable"), "Sustainable mobility", root.ID)
	leaf := curate(t, db, ensureTag(t, db, "Vélo"), "Cycling", mid.ID)
	ids, err := db.TagDescendantIDs(ctx, root.ID)
	if err != nil || len(ids) != 2 {
		t.Fatalf("descendants %v %v", ids, err)
	}
	anc, err := db.TagAncestors(ctx, leaf.ID)
	if err != nil || len(anc) != 2 || anc[0].ID != mid.ID || anc[1].ID != root.ID {
		t.Fatalf("ancestors %+v %v", anc, err)
	}
	kids, err := db.TagChildren(ctx, root.ID)
	if err != nil || len(kids[root.ID]) != 1 {
		t.Fatalf("children %v %v", kids, err)
	}
	tax, err := db.CuratedTaxonomy(ctx)
	if err != nil || len(tax) != 3 {
		t.Fatalf("taxonomy %v %v", tax, err)
	}
	for _, tt := range tax {
		if tt.ID == leaf.ID && tt.ParentSlug != mid.Slug {
			t.Errorf("leaf's parent slug %q", tt.ParentSlug)
		}
	}
	entries, err := db.TagIndexEntries(ctx)
	if err != nil || len(entries) != 3 {
		t.Fatalf("index entries %v %v", entries, err)
	}
	for _, e := range entries {
		if len(e.Keys) != 2 {
			t.Errorf("%s answers to %v, want its two labels", e.Tag.Label, e.Keys)
		}
	}
	v1, _ := db.TaxonomyVersion(ctx)
	ensureTag(t, db, "Nouvelle")
	if v2, _ := db.TaxonomyVersion(ctx); v2 <= v1 {
		t.Errorf("a new tag did not raise the version (%d, %d)", v1, v2)
	}
}
