package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestSearchChangesFollowEveryWrite makes each kind of write the index
// must follow and checks that the triggers logged it and that
// AffectedSearchDocuments names the documents it changed.
func TestSearchChangesFollowEveryWrite(t *testing.T) {
	w := newSearchWorld(t)
	ctx := w.ctx

	t.Run("create a note", func(t *testing.T) {
		seq := w.last()
		n := &maillage.Note{ID: auth.NewID(), Title: "Nouvelle", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic,
			License: maillage.LicenseCCBY, Authors: []maillage.NoteAuthor{{UserID: w.public.ID}}}
		w.update(func(tx *store.Tx) error { return tx.CreateNote(ctx, n) })
		expectRefs(t, "create", w.affected(seq), ref(search.KindNote, n.ID), ref(search.KindUser, w.public.ID))
	})

	t.Run("update a note", func(t *testing.T) {
		seq := w.last()
		w.note.Body = "Un autre texte."
		w.update(func(tx *store.Tx) error { return tx.UpdateNote(ctx, w.note, 0) })
		expectRefs(t, "update", w.affected(seq), ref(search.KindNote, w.note.ID))
	})

	t.Run("a note made private", func(t *testing.T) {
		seq := w.last()
		w.note.Visibility = maillage.VisibilityPrivate
		w.update(func(tx *store.Tx) error { return tx.UpdateNote(ctx, w.note, 0) })
		// Its authors' publications, the notebook counting it, the
		// organisation it is about.
		expectRefs(t, "visibility", w.affected(seq), ref(search.KindNote, w.note.ID), ref(search.KindUser, w.public.ID),
			ref(search.KindUser, w.member.ID), ref(search.KindNotebook, w.notebook.ID), ref(search.KindOrganization, w.org.ID))
		w.note.Visibility = maillage.VisibilityPublic
		w.update(func(tx *store.Tx) error { return tx.UpdateNote(ctx, w.note, 0) })
	})

	t.Run("accept an author", func(t *testing.T) {
		u := newUser(t, w.db, "Chloé Invitée", "chloe@exemple.org", maillage.ProfilePublic)
		w.update(func(tx *store.Tx) error {
			_, err := tx.UpsertInvitation(ctx, maillage.InviteNote, w.note.ID, u.ID, w.public.ID, maillage.RoleAuthor)
			return err
		})
		seq := w.last()
		w.update(func(tx *store.Tx) error {
			if _, err := tx.AnswerInvitation(ctx, maillage.InviteNote, w.note.ID, u.ID, maillage.InvitationAccepted); err != nil {
				return err
			}
			return tx.AddNoteAuthor(ctx, w.note.ID, u.ID)
		})
		expectRefs(t, "accept", w.affected(seq), ref(search.KindNote, w.note.ID), ref(search.KindUser, u.ID))
		if d := w.doc(search.KindNote, w.note.ID); !slices.Contains(d.Extra, u.Name) {
			t.Errorf("the accepted author is not among the note's names: %v", d.Extra)
		}
	})

	t.Run("rename a tag", func(t *testing.T) {
		seq := w.last()
		w.broad.LabelEn = "Ecological transition"
		w.update(func(tx *store.Tx) error { return tx.UpdateTag(ctx, w.broad) })
		// Nothing carries broad itself: what carries its child shows it.
		expectRefs(t, "rename", w.affected(seq), ref(search.KindNote, w.note.ID), ref(search.KindUser, w.public.ID),
			ref(search.KindOrganization, w.org.ID), ref(search.KindCommunity, w.comm.ID))
		if d := w.doc(search.KindNote, w.note.ID); !slices.Contains(d.Broader, "Ecological transition") {
			t.Errorf("broader labels after the rename: %v", d.Broader)
		}
	})

	t.Run("move a tag and add a synonym", func(t *testing.T) {
		root := &maillage.Tag{Label: "Aménagement", Kind: maillage.TagCurated}
		w.update(func(tx *store.Tx) error { return tx.InsertTag(ctx, root) })
		seq := w.last()
		w.broad.ParentID = root.ID
		w.update(func(tx *store.Tx) error { return tx.UpdateTag(ctx, w.broad) })
		expectRefs(t, "move", w.affected(seq), ref(search.KindNote, w.note.ID), ref(search.KindCommunity, w.comm.ID))
		if d := w.doc(search.KindNote, w.note.ID); !slices.Contains(d.Broader, "Aménagement") {
			t.Errorf("broader labels after the move: %v", d.Broader)
		}
		seq = w.last()
		w.update(func(tx *store.Tx) error { return tx.AddTagSynonym(ctx, w.theme.ID, "Vélo utilitaire", "fr") })
		expectRefs(t, "synonym", w.affected(seq), ref(search.KindNote, w.note.ID), ref(search.KindUser, w.public.ID))
		if d := w.doc(search.KindUser, w.public.ID); !slices.Contains(d.Tags, "Vélo utilitaire") {
			t.Errorf("tags after a new synonym: %v", d.Tags)
		}
	})

	t.Run("link to a note, share a notebook", func(t *testing.T) {
		src := &maillage.Note{ID: auth.NewID(), Title: "Source", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic,
			License: maillage.LicenseCCBY, Authors: []maillage.NoteAuthor{{UserID: w.member.ID}}}
		w.update(func(tx *store.Tx) error { return tx.CreateNote(ctx, src) })
		before := w.doc(search.KindNote, w.note.ID).Relations
		seq := w.last()
		w.update(func(tx *store.Tx) error {
			return tx.ReplaceNoteLinks(ctx, src.ID, []store.NoteLink{{TargetKey: store.NoteIDKey(w.note.ID), TargetID: w.note.ID, Resolved: true}})
		})
		expectRefs(t, "link", w.affected(seq), ref(search.KindNote, w.note.ID))
		if after := w.doc(search.KindNote, w.note.ID).Relations; after != before+1 {
			t.Errorf("relations %d after a public link, %d before", after, before)
		}
		seq = w.last()
		w.update(func(tx *store.Tx) error {
			return tx.UpsertNotebookMember(ctx, w.notebook.ID, w.member.ID, maillage.NotebookContributor)
		})
		expectRefs(t, "notebook role", w.affected(seq), ref(search.KindNotebook, w.notebook.ID))
	})

	t.Run("merge tags", func(t *testing.T) {
		var from *maillage.Tag
		n := &maillage.Note{ID: auth.NewID(), Title: "Vélo-cargo", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic,
			License: maillage.LicenseCCBY, Authors: []maillage.NoteAuthor{{UserID: w.public.ID}}}
		w.update(func(tx *store.Tx) error {
			tags, err := tx.EnsureTags(ctx, []string{"vélo cargo"}, w.public.ID)
			if err != nil {
				return err
			}
			from, n.Tags = &tags[0], tags
			return tx.CreateNote(ctx, n)
		})
		seq := w.last()
		w.update(func(tx *store.Tx) error {
			if _, err := tx.MoveTagUses(ctx, from.ID, w.theme.ID); err != nil {
				return err
			}
			return tx.MergeTagRecord(ctx, from, w.theme, true)
		})
		// The note moved to theme, and everything carrying theme gains
		// the merged label as a synonym.
		expectRefs(t, "merge", w.affected(seq), ref(search.KindNote, n.ID), ref(search.KindNote, w.note.ID),
			ref(search.KindOrganization, w.org.ID))
		d := w.doc(search.KindNote, w.note.ID)
		if !slices.Contains(d.Tags, "vélo cargo") {
			t.Errorf("the merged label is not a synonym on the note: %v", d.Tags)
		}
	})

	t.Run("hide a reply", func(t *testing.T) {
		seq := w.last()
		w.update(func(tx *store.Tx) error { return tx.SetReplyHidden(ctx, w.reply.ID, true) })
		expectRefs(t, "hide", w.affected(seq), ref(search.KindThread, w.thread.ID))
		w.update(func(tx *store.Tx) error { return tx.SetReplyHidden(ctx, w.reply.ID, false) })
	})

	t.Run("a community made private", func(t *testing.T) {
		seq := w.last()
		w.comm.Visibility, w.comm.Listed = maillage.VisibilityPrivate, false
		w.update(func(tx *store.Tx) error { return tx.UpdateCommunity(ctx, w.comm, 0) })
		expectRefs(t, "community", w.affected(seq), ref(search.KindCommunity, w.comm.ID), ref(search.KindThread, w.thread.ID),
			ref(search.KindNote, w.note.ID), ref(search.KindNotebook, w.notebook.ID))
		w.comm.Visibility, w.comm.Listed = maillage.VisibilityPublic, true
		w.update(func(tx *store.Tx) error { return tx.UpdateCommunity(ctx, w.comm, 0) })
	})

	t.Run("rename an organisation", func(t *testing.T) {
		seq := w.last()
		w.org.Name = "Coop Roue Libre"
		w.update(func(tx *store.Tx) error { return tx.UpdateOrganization(ctx, w.org, 0) })
		got := w.affected(seq)
		expectRefs(t, "organisation", got, ref(search.KindOrganization, w.org.ID), ref(search.KindUser, w.public.ID),
			ref(search.KindNote, w.note.ID))
		if d := w.doc(search.KindUser, w.public.ID); !slices.Contains(d.Extra, "Coop Roue Libre") {
			t.Errorf("the person's organisations after the rename: %v", d.Extra)
		}
	})

	t.Run("a profile made members-only", func(t *testing.T) {
		seq := w.last()
		w.public.ProfileVisibility = maillage.ProfileMembers
		w.update(func(tx *store.Tx) error { return tx.UpdateProfile(ctx, w.public, []string{w.theme.ID}) })
		expectRefs(t, "profile", w.affected(seq), ref(search.KindUser, w.public.ID), ref(search.KindNote, w.note.ID),
			ref(search.KindOrganization, w.org.ID))
		if d := w.doc(search.KindNote, w.note.ID); slices.Contains(d.Extra, w.public.Name) {
			t.Errorf("a members-only author's name stays on the note: %v", d.Extra)
		}
		w.public.ProfileVisibility = maillage.ProfilePublic
		w.update(func(tx *store.Tx) error { return tx.UpdateProfile(ctx, w.public, []string{w.theme.ID}) })
	})

	t.Run("delete a note", func(t *testing.T) {
		seq := w.last()
		w.update(func(tx *store.Tx) error { return tx.DeleteNote(ctx, w.note.ID) })
		got := w.affected(seq)
		expectRefs(t, "delete", got, ref(search.KindNote, w.note.ID), ref(search.KindNotebook, w.notebook.ID),
			ref(search.KindUser, w.public.ID), ref(search.KindOrganization, w.org.ID))
		if d := w.doc(search.KindNote, w.note.ID); d != nil {
			t.Errorf("a deleted note still loads: %+v", d)
		}
	})

	t.Run("what no document reads logs nothing", func(t *testing.T) {
		seq := w.last()
		w.update(func(tx *store.Tx) error {
			if err := tx.SetAdmin(ctx, w.member.ID, true); err != nil {
				return err
			}
			return tx.SetThreadFlag(ctx, w.thread.ID, store.FlagPinned, true)
		})
		if got := w.since(seq); len(got) != 0 {
			t.Errorf("an admin flag and a pin logged %+v", got)
		}
	})

	t.Run("a rolled-back write logs nothing", func(t *testing.T) {
		seq := w.last()
		boom := errors.New("boom")
		err := w.db.Update(ctx, func(tx *store.Tx) error {
			n := &maillage.Note{ID: auth.NewID(), Title: "Annulée", Kind: maillage.NoteGeneral, Visibility: maillage.VisibilityPublic,
				License: maillage.LicenseCCBY, Authors: []maillage.NoteAuthor{{UserID: w.public.ID}}}
			if err := tx.CreateNote(ctx, n); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if got := w.since(seq); len(got) != 0 {
			t.Errorf("a rolled-back transaction logged %+v", got)
		}
	})
}

// TestSearchChangesOrderAndRebuild checks the log's API: seq order and
// paging, the rebuild request, and that every source the triggers write
// has a mapping.
func TestSearchChangesOrderAndRebuild(t *testing.T) {
	w := newSearchWorld(t)
	all := w.since(0)
	if len(all) < 10 {
		t.Fatalf("the world's creation logged only %d changes", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Seq <= all[i-1].Seq {
			t.Fatalf("changes out of order: %d after %d", all[i].Seq, all[i-1].Seq)
		}
	}
	page, err := w.db.SearchChanges(w.ctx, all[2].Seq, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != 3 || page[0] != all[3] {
		t.Errorf("a page after seq %d: %+v", all[2].Seq, page)
	}
	if last := w.last(); last != all[len(all)-1].Seq {
		t.Errorf("last change %d, want %d", last, all[len(all)-1].Seq)
	}
	if _, err := w.db.AffectedSearchDocuments(w.ctx, all); err != nil {
		t.Fatalf("a source without mapping: %v", err)
	}
	if _, err := w.db.AffectedSearchDocuments(w.ctx, []store.SearchChange{{Seq: 1, Source: "later", ItemID: "x"}}); err == nil {
		t.Error("an unknown source maps to nothing instead of failing")
	}

	seq := w.last()
	if err := w.db.LogSearchRebuild(w.ctx); err != nil {
		t.Fatal(err)
	}
	got := w.since(seq)
	if len(got) != 1 || got[0].Source != store.SearchSourceAll {
		t.Fatalf("rebuild request logged %+v", got)
	}
	if refs, err := w.db.AffectedSearchDocuments(w.ctx, got); err != nil || len(refs) != 0 {
		t.Errorf("a rebuild request maps to %v, %v", refs, err)
	}
	if d := time.Since(got[0].At); d < -time.Minute || d > time.Minute {
		t.Errorf("the rebuild request is dated %v", got[0].At)
	}
	if d := time.Since(all[0].At); d < -time.Minute || d > time.Minute {
		t.Errorf("a change written by a trigger is dated %v", all[0].At)
	}
}

// TestPruneSearchChanges deletes what is older than a moment and keeps
// the rest, seqs included.
func TestPruneSearchChanges(t *testing.T) {
	w := newSearchWorld(t)
	now := w.db.Now
	w.db.Now = func() time.Time { return now().Add(-48 * time.Hour) }
	if err := w.db.LogSearchRebuild(w.ctx); err != nil {
		t.Fatal(err)
	}
	w.db.Now = now
	before := w.since(0)
	n, err := w.db.PruneSearchChanges(w.ctx, time.Now().Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	after := w.since(0)
	if n != 1 || len(after) != len(before)-1 {
		t.Fatalf("pruned %d of %d, %d left", n, len(before), len(after))
	}
	for _, c := range after {
		if c.Source == store.SearchSourceAll {
			t.Errorf("the old change survived the prune: %+v", c)
		}
	}
	last := w.last()
	n, err = w.db.PruneSearchChanges(w.ctx, time.Now().Add(time.Hour))
	if err != nil || n != len(after) {
		t.Fatalf("pruning everything: %d, %v", n, err)
	}
	if got := w.since(0); len(got) != 0 {
		t.Fatalf("%d changes left", len(got))
	}
	// Seqs go on from where they were, so a follower sees the gap.
	if err := w.db.LogSearchRebuild(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := w.since(0); len(got) != 1 || got[0].Seq <= last {
		t.Errorf("after pruning everything, the next change is %+v (last was %d)", got, last)
	}
}

// TestSearchTriggersInstalled checks that the migration installed the
// triggers search_watches.go describes, and no others, and that every
// source they write has a mapping.
func TestSearchTriggersInstalled(t *testing.T) {
	db := testutil.OpenDB(t)
	want, unmapped := db.SearchTriggersWanted()
	if len(unmapped) > 0 {
		t.Errorf("sources without a mapping: %v", unmapped)
	}
	got, err := db.SearchTriggersInstalled(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !sameSet(got, want) {
		t.Errorf("triggers: %s", diffSets(got, want))
	}
}
