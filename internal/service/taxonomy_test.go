package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// curatorOf makes a curator and returns their viewer.
func curatorOf(t *testing.T, s *service.Service, name, email string) (*maillage.User, maillage.Viewer) {
	t.Helper()
	u, _ := testutil.User(t, s, name, email)
	if err := s.SetCuratorByOperator(context.Background(), u.ID, true); err != nil {
		t.Fatal(err)
	}
	return u, testutil.ViewerOf(t, s, u.ID)
}

// wantError checks an error's code and message ID.
func wantError(t *testing.T, what string, err error, code maillage.Code, id string) {
	t.Helper()
	e := maillage.AsError(err)
	if err == nil || e.Code != code || (id != "" && e.MessageID != id) {
		t.Errorf("%s: got %v, want %s %s", what, err, code, id)
	}
}

func TestCuratedTagsAndBadInput(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, member := testutil.User(t, s, "Membre", "membre@exemple.org")
	_, cur := curatorOf(t, s, "Curatrice", "cur@exemple.org")
	in := service.TagInput{Label: "Transition socio-écologique", LabelEn: "Socio-ecological transition",
		Definition: "Transformer l’économie et la société…", Synonyms: []string{"TSÉ"}, SynonymsEn: []string{"Green transition"}}
	if _, err := s.CreateCuratedTag(ctx, member, in); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member created a curated tag: %v", err)
	}
	root, err := s.CreateCuratedTag(ctx, cur, in)
	if err != nil {
		t.Fatal(err)
	}
	if root.Slug != "transition-socio-ecologique" || !root.Curated() {
		t.Fatalf("created %+v", root)
	}
	mob, err := s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Mobilité durable", LabelEn: "Sustainable mobility", Parent: root.Slug})
	if err != nil {
		t.Fatal(err)
	}
	// Every bad input of the taxonomy, with its message.
	for _, c := range []struct {
		what string
		in   service.TagInput
		code maillage.Code
		id   string
	}{
		{"folded duplicate", service.TagInput{Label: "TRANSITION, socio écologique"}, maillage.CodeConflict, "taxonomy.error.label_taken"},
		{"duplicate of a synonym", service.TagInput{Label: "tse"}, maillage.CodeConflict, "taxonomy.error.label_taken"},
		{"duplicate of an English label", service.TagInput{Label: "Sustainable Mobility"}, maillage.CodeConflict, "taxonomy.error.label_taken"},
		{"synonym of another tag", service.TagInput{Label: "Vélo", Synonyms: []string{"mobilité-durable"}}, maillage.CodeConflict, "taxonomy.error.label_taken"},
		{"empty", service.TagInput{Label: "   "}, maillage.CodeInvalid, "field.required"},
		{"only punctuation", service.TagInput{Label: "!!!"}, maillage.CodeInvalid, "taxonomy.error.label_no_letters"},
		{"too long", service.TagInput{Label: string(make([]rune, 0)) + "Une étiquette beaucoup trop longue pour être une étiquette raisonnable ici"},
			maillage.CodeInvalid, "field.too_long"},
		{"unknown parent", service.TagInput{Label: "Vélo", Parent: "nulle-part"}, maillage.CodeInvalid, "taxonomy.error.unknown_tag"},
	} {
		_, err := s.CreateCuratedTag(ctx, cur, c.in)
		wantError(t, c.what, err, c.code, c.id)
	}
	// A cycle in the hierarchy, and a parent that is itself.
	_, err = s.EditTag(ctx, cur, root.Slug, service.TagInput{Label: root.Label, LabelEn: root.LabelEn, Parent: mob.Slug})
	wantError(t, "cycle", err, maillage.CodeInvalid, "taxonomy.error.cycle")
	_, err = s.EditTag(ctx, cur, root.Slug, service.TagInput{Label: root.Label, Parent: root.Slug})
	wantError(t, "own parent", err, maillage.CodeInvalid, "taxonomy.error.parent_self")
	// Renaming onto another tag's label is refused; renaming keeps the old
	// slug and label leading to the tag.
	_, err = s.RenameTag(ctx, cur, mob.Slug, "transition socio-écologique")
	wantError(t, "rename onto another", err, maillage.CodeConflict, "taxonomy.error.label_taken")
	renamed, err := s.RenameTag(ctx, cur, mob.Slug, "Mobilité partagée")
	if err != nil || renamed.Slug != "mobilite-partagee" {
		t.Fatalf("rename: %+v %v", renamed, err)
	}
	if got, redirected, err := s.ResolveTag(ctx, maillage.Anonymous(), mob.Slug); err != nil || got.ID != mob.ID || !redirected {
		t.Fatalf("old slug after rename: %+v %v %v", got, redirected, err)
	}
	if got, _, err := s.ResolveTag(ctx, maillage.Anonymous(), "Mobilité durable"); err != nil || got.ID != mob.ID {
		t.Fatalf("old label after rename: %+v %v", got, err)
	}
	// Merging into itself or into a descendant is refused.
	_, err = s.MergeTags(ctx, cur, root.Slug, root.Slug)
	wantError(t, "merge into itself", err, maillage.CodeInvalid, "taxonomy.error.merge_self")
	_, err = s.MergeTags(ctx, cur, root.Slug, renamed.Slug)
	wantError(t, "merge into a descendant", err, maillage.CodeInvalid, "taxonomy.error.merge_into_descendant")
	// Synonyms: one that another tag holds, and one it already has.
	wantError(t, "synonym taken", s.AddSynonym(ctx, cur, root.Slug, "Mobilité partagée", "fr"), maillage.CodeConflict, "taxonomy.error.label_taken")
	wantError(t, "synonym repeated", s.AddSynonym(ctx, cur, root.Slug, "tse", "fr"), maillage.CodeConflict, "taxonomy.error.synonym_exists")
	wantError(t, "not a synonym", s.RemoveSynonym(ctx, cur, root.Slug, "rien"), maillage.CodeInvalid, "taxonomy.error.not_a_synonym")
	// A member's free tag is found through the curated tag's English
	// label: typing it does not make a new tag.
	n, err := s.CreateNote(ctx, member, maillage.NoteInput{Title: "Vélo-partage", Body: "x", Visibility: "public",
		Tags: []string{"socio-ecological transition", "vélo libre"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Tags) != 2 || n.Tags[0].ID != root.ID && n.Tags[1].ID != root.ID {
		t.Fatalf("note tags %+v", n.Tags)
	}
	// The curated tag comes first in suggestions, then the free one.
	sug, err := s.AutocompleteTags(ctx, maillage.Anonymous(), "v", 10)
	if err != nil || len(sug) != 1 || sug[0].Label != "vélo libre" || sug[0].Uses != 1 {
		t.Fatalf("suggest v: %+v %v", sug, err)
	}
	sug, err = s.AutocompleteTags(ctx, maillage.Anonymous(), "green", 10)
	if err != nil || len(sug) != 1 || sug[0].ID != root.ID {
		t.Fatalf("suggest an English synonym: %+v %v", sug, err)
	}
	// Deprecated: hidden from suggestions, uses kept.
	if err := s.DeprecateTag(ctx, cur, root.Slug, true); err != nil {
		t.Fatal(err)
	}
	if sug, _ := s.AutocompleteTags(ctx, maillage.Anonymous(), "trans", 10); len(sug) != 0 {
		t.Fatalf("deprecated tag suggested: %+v", sug)
	}
	page, err := s.TagPage(ctx, maillage.Anonymous(), root.Slug, service.TagPageOptions{PerList: 5})
	if err != nil || page.NotesTotal != 1 || page.Counts[maillage.TagUseNote] != 1 {
		t.Fatalf("deprecated tag's page: %+v %v", page, err)
	}
	// A free tag cannot take a place in the hierarchy without promotion.
	free, _, err := s.ResolveTag(ctx, member, "vélo libre")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.EditTag(ctx, cur, free.Slug, service.TagInput{Label: free.Label, Parent: root.Slug})
	wantError(t, "free tag under a parent", err, maillage.CodeInvalid, "taxonomy.error.free_in_hierarchy")
	if _, err := s.PromoteTag(ctx, cur, free.Slug, service.PromoteInput{LabelEn: "Free bike", Parent: renamed.Slug}); err != nil {
		t.Fatal(err)
	}
	_, err = s.PromoteTag(ctx, cur, free.Slug, service.PromoteInput{})
	wantError(t, "promote twice", err, maillage.CodeConflict, "taxonomy.error.already_curated")
	// The tag page with descendants gathers the promoted tag's note.
	page, err = s.TagPage(ctx, maillage.Anonymous(), root.Slug, service.TagPageOptions{PerList: 5, Descendants: true})
	if err != nil || len(page.Children) != 1 || page.Counts[maillage.TagUseNote] != 1 {
		t.Fatalf("descendants: %+v %v", page, err)
	}
	// Curator rights: administrators have them; members may not grant them.
	if err := s.SetCurator(ctx, cur, page.Tag.ID, true); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a curator granted the role: %v", err)
	}
}

func TestUndoWaitsForLaterActionsAndBulkIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	_, member := testutil.User(t, s, "Membre", "membre@exemple.org")
	_, cur := curatorOf(t, s, "Curatrice", "cur@exemple.org")
	target, err := s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Agriculture urbaine", LabelEn: "Urban agriculture"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"agri urbaine", "jardins urbains", "potagers"} {
		if _, err := s.CreateNote(ctx, member, maillage.NoteInput{Title: "Note " + l, Body: "x", Visibility: "public", Tags: []string{l}}); err != nil {
			t.Fatal(err)
		}
	}
	// One bad tag in a bulk merge: nothing changes.
	_, err = s.BulkTagAction(ctx, cur, service.BulkInput{Action: service.BulkMerge, Tags: []string{"agri-urbaine", "agriculture-urbaine"},
		Into: target.Slug})
	wantError(t, "bulk with a self merge", err, maillage.CodeInvalid, "taxonomy.error.merge_self")
	if tg, _, _ := s.ResolveTag(ctx, member, "agri-urbaine"); tg == nil || tg.MergedInto != "" || tg.ID == target.ID {
		t.Fatal("a failed bulk action changed a tag")
	}
	batch, err := s.BulkTagAction(ctx, cur, service.BulkInput{Action: service.BulkMerge, Tags: []string{"agri-urbaine", "jardins-urbains"},
		Into: target.Slug})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.Tag(ctx, maillage.Anonymous(), target.Slug, 10)
	if err != nil || page.NotesTotal != 2 || len(page.Synonyms) != 2 {
		t.Fatalf("after bulk merge: notes %d synonyms %+v %v", page.NotesTotal, page.Synonyms, err)
	}
	// A later action on the target blocks undoing the merges one by one...
	if err := s.AddSynonym(ctx, cur, target.Slug, "Urban farming", "en"); err != nil {
		t.Fatal(err)
	}
	actions, _, err := db.TagActions(ctx, store.TagActionFilter{BatchID: batch})
	if err != nil || len(actions) != 2 {
		t.Fatalf("batch actions %v %v", actions, err)
	}
	wantError(t, "undo under a later action", s.UndoTagAction(ctx, cur, actions[0].ID), maillage.CodeConflict, "taxonomy.error.undo_later_first")
	log, _, err := s.TagActions(ctx, cur, store.TagActionFilter{TagID: target.ID})
	if err != nil || log[0].Kind != maillage.TagActionAddSyn {
		t.Fatalf("log %+v %v", log, err)
	}
	if err := s.UndoTagAction(ctx, cur, log[0].ID); err != nil {
		t.Fatal(err)
	}
	wantError(t, "undo twice", s.UndoTagAction(ctx, cur, log[0].ID), maillage.CodeConflict, "taxonomy.error.already_undone")
	// ...then the whole batch goes back.
	if err := s.UndoTagBatch(ctx, cur, batch); err != nil {
		t.Fatal(err)
	}
	page, err = s.Tag(ctx, maillage.Anonymous(), target.Slug, 10)
	if err != nil || page.NotesTotal != 0 || len(page.Synonyms) != 0 {
		t.Fatalf("after undoing the batch: notes %d synonyms %+v %v", page.NotesTotal, page.Synonyms, err)
	}
	for _, l := range []string{"agri urbaine", "jardins urbains"} {
		p, err := s.Tag(ctx, maillage.Anonymous(), l, 10)
		if err != nil || p.NotesTotal != 1 || p.Tag.MergedInto != "" {
			t.Fatalf("%s after undo: %+v %v", l, p, err)
		}
	}
	if err := s.UndoTagAction(ctx, member, log[0].ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member undid: %v", err)
	}
}

// TestMergingAPrivateFreeTagLeavesNoPublicTrace: a label only a private
// community typed, merged into a public tag by a curator who belongs to
// it, becomes no public synonym, its address leads nowhere, and other
// curators see the log entry without its labels and cannot undo it.
func TestMergingAPrivateFreeTagLeavesNoPublicTrace(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	m, mv := testutil.User(t, s, "Membre", "membre@exemple.org")
	c, cv := curatorOf(t, s, "Curatrice", "cur@exemple.org")
	_, dv := curatorOf(t, s, "Autre curatrice", "autre@exemple.org")
	comm, err := s.CreateCommunity(ctx, mv, maillage.CommunityInput{Name: "Comité", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AddMember(t, s, testutil.ViewerOf(t, s, m.ID), comm.ID, c.ID, maillage.RoleMember)
	mv, cv = testutil.ViewerOf(t, s, m.ID), testutil.ViewerOf(t, s, c.ID)
	if _, err := s.CreateNote(ctx, mv, maillage.NoteInput{Title: "Plan", Body: "x", Visibility: "community", CommunityID: comm.ID,
		Tags: []string{"Projet confidentiel X"}}); err != nil {
		t.Fatal(err)
	}
	pub, err := s.CreateCuratedTag(ctx, cv, service.TagInput{Label: "Innovation sociale"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ResolveTag(ctx, dv, "projet-confidentiel-x"); !maillage.IsNotFound(err) {
		t.Fatalf("another curator sees the private tag: %v", err)
	}
	if _, err := s.MergeTags(ctx, cv, "projet-confidentiel-x", pub.Slug); err != nil {
		t.Fatal(err)
	}
	p, err := s.Tag(ctx, maillage.Anonymous(), pub.Slug, 5)
	if err != nil || len(p.Synonyms) != 0 || p.Counts.Total() != 0 {
		t.Fatalf("public page: synonyms %+v counts %v %v", p.Synonyms, p.Counts, err)
	}
	if member, _ := s.Tag(ctx, mv, pub.Slug, 5); member == nil || member.NotesTotal != 1 {
		t.Fatal("the member's note lost its tag")
	}
	for _, v := range []maillage.Viewer{maillage.Anonymous(), dv, mv} {
		if _, _, err := s.ResolveTag(ctx, v, "projet-confidentiel-x"); !maillage.IsNotFound(err) {
			t.Errorf("the old address still answers: %v", err)
		}
	}
	other, _, err := s.TagActions(ctx, dv, store.TagActionFilter{Limit: 5})
	if err != nil || !other[0].Hidden || other[0].Summary != "" {
		t.Fatalf("another curator's log: %+v %v", other, err)
	}
	if err := s.UndoTagAction(ctx, dv, other[0].ID); !maillage.IsNotFound(err) {
		t.Fatalf("another curator undid it: %v", err)
	}
	mine, _, err := s.TagActions(ctx, cv, store.TagActionFilter{Limit: 5})
	if err != nil || mine[0].Hidden || mine[0].Summary != "Projet confidentiel X → Innovation sociale" {
		t.Fatalf("the curator's own log: %+v %v", mine, err)
	}
	if err := s.UndoTagAction(ctx, cv, mine[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ResolveTag(ctx, mv, "projet-confidentiel-x"); err != nil {
		t.Fatalf("undone, the tag is back for its community: %v", err)
	}
}
