package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// searchWorld is a small world whose documents the search tests read:
// two authors (one public, one members-only), an organisation, a public
// community with a thread and replies, a curated tag hierarchy, a note
// in a notebook in a knowledge base.
type searchWorld struct {
	t        *testing.T
	ctx      context.Context
	db       *store.DB
	public   *maillage.User // public profile
	member   *maillage.User // members-only profile
	org      *maillage.Organization
	comm     *maillage.Community
	broad    *maillage.Tag // curated, parent of theme
	theme    *maillage.Tag // curated, with an English label and a synonym
	note     *maillage.Note
	notebook *maillage.Notebook
	kb       *maillage.KnowledgeBase
	thread   *maillage.Thread
	reply    *maillage.Reply
}

func newSearchWorld(t *testing.T) *searchWorld {
	w := &searchWorld{t: t, ctx: context.Background(), db: testutil.OpenDB(t)}
	w.public = newUser(t, w.db, "Aïcha Tremblay", "aicha@exemple.org", maillage.ProfilePublic)
	w.member = newUser(t, w.db, "Bruno Discret", "bruno@exemple.org", maillage.ProfileMembers)
	w.update(func(tx *store.Tx) error {
		w.public.Pronouns, w.public.Region, w.public.Bio = "elle", "06", "Je travaille en habitation coopérative."
		if err := tx.UpdateProfile(w.ctx, w.public, nil); err != nil {
			return err
		}
		w.broad = &maillage.Tag{Label: "Transition socio-écologique", LabelEn: "Socio-ecological transition", Kind: maillage.TagCurated}
		if err := tx.InsertTag(w.ctx, w.broad); err != nil {
			return err
		}
		w.theme = &maillage.Tag{Label: "Mobilité durable", LabelEn: "Sustainable mobility", Kind: maillage.TagCurated, ParentID: w.broad.ID}
		if err := tx.InsertTag(w.ctx, w.theme); err != nil {
			return err
		}
		if err := tx.AddTagSynonym(w.ctx, w.theme.ID, "Transport actif", "fr"); err != nil {
			return err
		}
		if err := tx.SetUserInterests(w.ctx, w.public.ID, []string{w.theme.ID}); err != nil {
			return err
		}
		w.org = &maillage.Organization{ID: auth.NewID(), Name: "Coop Vélo Solidaire", Type: maillage.OrgCooperative,
			Region: "03", Description: "Réparation de vélos.", Tags: []maillage.Tag{*w.theme}}
		if err := tx.CreateOrganization(w.ctx, w.org); err != nil {
			return err
		}
		if err := tx.UpsertAffiliation(w.ctx, maillage.Affiliation{OrganizationID: w.org.ID, UserID: w.public.ID}); err != nil {
			return err
		}
		w.comm = &maillage.Community{ID: auth.NewID(), Name: "Cyclistes de Québec", Visibility: maillage.VisibilityPublic,
			Listed: true, CreatedBy: w.public.ID, Tags: []maillage.Tag{*w.theme}}
		if err := tx.CreateCommunity(w.ctx, w.comm); err != nil {
			return err
		}
		if err := tx.UpsertMember(w.ctx, w.comm.ID, w.public.ID, maillage.RoleManager); err != nil {
			return err
		}
		w.note = &maillage.Note{ID: auth.NewID(), Title: "Pistes cyclables d'hiver", Summary: "Un résumé court.",
			Body: "Le **déneigement** des pistes.\n\n- entretien\n- sécurité", Kind: maillage.NoteGeneral,
			Visibility: maillage.VisibilityPublic, CommunityID: w.comm.ID, OrganizationID: w.org.ID, License: maillage.LicenseCCBY,
			CreatedBy: w.public.ID, Authors: []maillage.NoteAuthor{{UserID: w.public.ID}, {UserID: w.member.ID}},
			Tags: []maillage.Tag{*w.theme}}
		if err := tx.CreateNote(w.ctx, w.note); err != nil {
			return err
		}
		w.notebook = &maillage.Notebook{ID: auth.NewID(), Title: "Carnet du vélo", Description: "Nos *notes* sur le vélo.",
			Visibility: maillage.VisibilityPublic, CommunityID: w.comm.ID, CreatedBy: w.public.ID}
		if err := tx.CreateNotebook(w.ctx, w.notebook); err != nil {
			return err
		}
		if _, err := tx.AddNotebookNote(w.ctx, w.notebook.ID, w.note.ID, "", w.public.ID); err != nil {
			return err
		}
		w.kb = &maillage.KnowledgeBase{ID: auth.NewID(), Title: "Savoirs du vélo", Visibility: maillage.VisibilityPublic, CreatedBy: w.public.ID}
		if err := tx.CreateKnowledgeBase(w.ctx, w.kb); err != nil {
			return err
		}
		if _, err := tx.AddKnowledgeBaseNotebook(w.ctx, w.kb.ID, w.notebook.ID); err != nil {
			return err
		}
		w.thread = &maillage.Thread{ID: auth.NewID(), CommunityID: w.comm.ID, AuthorID: w.public.ID,
			Title: "Sorties du samedi", Body: "On part du *marché* à 9 h."}
		if err := tx.CreateThread(w.ctx, w.thread); err != nil {
			return err
		}
		w.reply = &maillage.Reply{ID: auth.NewID(), ThreadID: w.thread.ID, AuthorID: w.member.ID, Body: "Je viendrai avec un tandem."}
		return tx.CreateReply(w.ctx, w.reply)
	})
	return w
}

func (w *searchWorld) update(fn func(tx *store.Tx) error) {
	w.t.Helper()
	if err := w.db.Update(w.ctx, fn); err != nil {
		w.t.Fatal(err)
	}
}

// last is the log's last seq, before a write.
func (w *searchWorld) last() int64 {
	w.t.Helper()
	seq, err := w.db.LastSearchChange(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	return seq
}

// since returns the changes after seq.
func (w *searchWorld) since(seq int64) []store.SearchChange {
	w.t.Helper()
	out, err := w.db.SearchChanges(w.ctx, seq, 10000)
	if err != nil {
		w.t.Fatal(err)
	}
	return out
}

// affected maps the changes after seq to refs written "kind:id".
func (w *searchWorld) affected(seq int64) []string {
	w.t.Helper()
	refs, err := w.db.AffectedSearchDocuments(w.ctx, w.since(seq))
	if err != nil {
		w.t.Fatal(err)
	}
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = string(r.Kind) + ":" + r.ID
	}
	return out
}

// doc loads one document, or nil when it does not exist.
func (w *searchWorld) doc(kind search.Kind, id string) *search.Document {
	w.t.Helper()
	docs, err := w.db.SearchDocuments(w.ctx, []store.SearchDocRef{{Kind: kind, ID: id}})
	if err != nil {
		w.t.Fatal(err)
	}
	if len(docs) == 0 {
		return nil
	}
	if len(docs) > 1 || docs[0].ID != id || docs[0].Kind != kind {
		w.t.Fatalf("asked for %s %s, got %+v", kind, id, docs)
	}
	return &docs[0]
}

func ref(kind search.Kind, id string) string { return string(kind) + ":" + id }

// expectRefs fails unless every one of want is in got.
func expectRefs(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	for _, x := range want {
		if !slices.Contains(got, x) {
			t.Errorf("%s: %s not among the affected documents %v", what, x, got)
		}
	}
}
