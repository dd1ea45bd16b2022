package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

func TestSearchDocumentOfANote(t *testing.T) {
	w := newSearchWorld(t)
	d := w.doc(search.KindNote, w.note.ID)
	if d == nil {
		t.Fatal("no document for the note")
	}
	if d.Title != "Pistes cyclables d'hiver" {
		t.Errorf("title %q", d.Title)
	}
	// The summary, then the body as plain text: no Markdown left.
	if !strings.HasPrefix(d.Body, "Un résumé court.") || !strings.Contains(d.Body, "Le déneigement des pistes.") ||
		!strings.Contains(d.Body, "sécurité") || strings.Contains(d.Body, "**") {
		t.Errorf("body %q", d.Body)
	}
	// Both languages and the synonym; the broader theme in both languages.
	for _, l := range []string{"Mobilité durable", "Sustainable mobility", "Transport actif"} {
		if !slices.Contains(d.Tags, l) {
			t.Errorf("tags %v lack %q", d.Tags, l)
		}
	}
	if want := []string{"Transition socio-écologique", "Socio-ecological transition"}; !slices.Equal(d.Broader, want) {
		t.Errorf("broader %v, want %v", d.Broader, want)
	}
	if !slices.Equal(d.TagIDs, []string{w.theme.ID}) {
		t.Errorf("tag IDs %v", d.TagIDs)
	}
	// The public author's name, the organisation and the public
	// community; never the members-only author's name.
	for _, x := range []string{w.public.Name, w.org.Name, w.comm.Name} {
		if !slices.Contains(d.Extra, x) {
			t.Errorf("extra %v lacks %q", d.Extra, x)
		}
	}
	if slices.Contains(d.Extra, w.member.Name) {
		t.Errorf("a members-only author's name is findable through the note: %v", d.Extra)
	}
	if d.CommunityID != w.comm.ID {
		t.Errorf("community facet %q", d.CommunityID)
	}
	if !sameGroups(d.Audiences, [][]string{{"everyone"}}) {
		t.Errorf("a public note's audiences: %v", d.Audiences)
	}
	if d.Relations != 1 || !d.Updated.Equal(w.note.UpdatedAt) {
		t.Errorf("relations %d, updated %v (want 1, %v)", d.Relations, d.Updated, w.note.UpdatedAt)
	}
}

func TestSearchDocumentsOfPeopleAndOrganisations(t *testing.T) {
	w := newSearchWorld(t)
	u := w.doc(search.KindUser, w.public.ID)
	if u.Title != w.public.Name || u.Body != w.public.Bio || u.Region != "06" {
		t.Errorf("person: %+v", u)
	}
	for _, x := range []string{"elle", "Montréal", w.org.Name} {
		if !slices.Contains(u.Extra, x) {
			t.Errorf("person's extra %v lacks %q", u.Extra, x)
		}
	}
	if !slices.Contains(u.Broader, "Transition socio-écologique") {
		t.Errorf("person's broader %v", u.Broader)
	}
	// One public note signed; one affiliation and one interest.
	if u.Publications != 1 || u.Relations != 2 {
		t.Errorf("person: publications %d, relations %d", u.Publications, u.Relations)
	}
	m := w.doc(search.KindUser, w.member.ID)
	if want := [][]string{{"person:" + w.member.ID, "admins", "signed-in"}}; !sameGroups(m.Audiences, want) {
		t.Errorf("a members-only profile's audiences: %v", m.Audiences)
	}
	o := w.doc(search.KindOrganization, w.org.ID)
	if o.Title != w.org.Name || o.OrgType != string(maillage.OrgCooperative) || o.Region != "03" ||
		!slices.Contains(o.Extra, "Capitale-Nationale") || o.Body != "Réparation de vélos." {
		t.Errorf("organisation: %+v", o)
	}
	// The note about it; one public affiliated person and one tag.
	if o.Publications != 1 || o.Relations != 2 {
		t.Errorf("organisation: publications %d, relations %d", o.Publications, o.Relations)
	}
}

func TestSearchDocumentsOfCommunitiesAndCollections(t *testing.T) {
	w := newSearchWorld(t)
	c := w.doc(search.KindCommunity, w.comm.ID)
	if c.Title != w.comm.Name || !slices.Contains(c.Tags, "Mobilité durable") || c.Relations != 1 {
		t.Errorf("community: %+v", c)
	}
	nb := w.doc(search.KindNotebook, w.notebook.ID)
	if nb.Body != "Nos notes sur le vélo." || !slices.Contains(nb.Extra, w.comm.Name) || nb.Relations != 1 {
		t.Errorf("notebook: %+v", nb)
	}
	kb := w.doc(search.KindKnowledgeBase, w.kb.ID)
	if kb.Title != w.kb.Title || kb.Relations != 1 {
		t.Errorf("knowledge base: %+v", kb)
	}

	// An unlisted private community: its public notebook is found by
	// everyone, without the community's name or ID.
	w.comm.Visibility, w.comm.Listed = maillage.VisibilityPrivate, false
	w.update(func(tx *store.Tx) error { return tx.UpdateCommunity(w.ctx, w.comm, 0) })
	nb = w.doc(search.KindNotebook, w.notebook.ID)
	if slices.Contains(nb.Extra, w.comm.Name) || nb.CommunityID != "" {
		t.Errorf("a public notebook reveals its hidden community: %+v", nb)
	}
	if !sameGroups(nb.Audiences, [][]string{{"everyone"}}) {
		t.Errorf("notebook audiences %v", nb.Audiences)
	}
	c = w.doc(search.KindCommunity, w.comm.ID)
	if want := [][]string{{"admins", "community:" + w.comm.ID}}; !sameGroups(c.Audiences, want) {
		t.Errorf("an unlisted private community's audiences: %v", c.Audiences)
	}
}

func TestSearchDocumentOfAThread(t *testing.T) {
	w := newSearchWorld(t)
	hidden := &maillage.Reply{ID: auth.NewID(), ThreadID: w.thread.ID, AuthorID: w.member.ID, Body: "Message **modéré** secret."}
	gone := &maillage.Reply{ID: auth.NewID(), ThreadID: w.thread.ID, AuthorID: w.member.ID, Body: "Réponse effacée."}
	w.update(func(tx *store.Tx) error {
		for _, r := range []*maillage.Reply{hidden, gone} {
			if err := tx.CreateReply(w.ctx, r); err != nil {
				return err
			}
		}
		// A reply to gone makes its deletion a tombstone.
		answer := &maillage.Reply{ID: auth.NewID(), ThreadID: w.thread.ID, ParentID: gone.ID, AuthorID: w.public.ID, Body: "Dommage."}
		if err := tx.CreateReply(w.ctx, answer); err != nil {
			return err
		}
		if _, err := tx.DeleteReply(w.ctx, gone.ID); err != nil {
			return err
		}
		return tx.SetReplyHidden(w.ctx, hidden.ID, true)
	})
	d := w.doc(search.KindThread, w.thread.ID)
	if d.Title != "Sorties du samedi" || !strings.Contains(d.Body, "On part du marché à 9 h.") ||
		!strings.Contains(d.Body, "tandem") || !strings.Contains(d.Body, "Dommage.") {
		t.Errorf("thread body %q", d.Body)
	}
	if strings.Contains(d.Body, "secret") || strings.Contains(d.Body, "effacée") {
		t.Errorf("a hidden or deleted reply is in the thread's body: %q", d.Body)
	}
	if d.Relations != 2 || d.CommunityID != w.comm.ID || !slices.Equal(d.Extra, []string{w.comm.Name}) {
		t.Errorf("thread: %+v", d)
	}

	// Hidden by moderation, in a private community: two groups.
	w.comm.Visibility = maillage.VisibilityPrivate
	w.update(func(tx *store.Tx) error {
		if err := tx.UpdateCommunity(w.ctx, w.comm, 0); err != nil {
			return err
		}
		return tx.SetThreadFlag(w.ctx, w.thread.ID, store.FlagHidden, true)
	})
	d = w.doc(search.KindThread, w.thread.ID)
	want := [][]string{{"admins", "community:" + w.comm.ID}, {"person:" + w.public.ID, "managers:" + w.comm.ID, "admins"}}
	if !sameGroups(d.Audiences, want) {
		t.Errorf("a hidden thread's audiences %v, want %v", d.Audiences, want)
	}
}

// TestEachSearchDocumentVisitsEveryRowOnce walks notes in small batches.
func TestEachSearchDocumentVisitsEveryRowOnce(t *testing.T) {
	w := newSearchWorld(t)
	want := []string{w.note.ID}
	w.update(func(tx *store.Tx) error {
		for i := range 9 {
			n := &maillage.Note{ID: auth.NewID(), Title: fmt.Sprint("Note ", i), Kind: maillage.NoteGeneral,
				Visibility: []maillage.Visibility{maillage.VisibilityPublic, maillage.VisibilityPrivate}[i%2],
				License:    maillage.LicenseCCBY, Authors: []maillage.NoteAuthor{{UserID: w.member.ID}}}
			if err := tx.CreateNote(w.ctx, n); err != nil {
				return err
			}
			want = append(want, n.ID)
		}
		return nil
	})
	for _, batch := range []int{1, 3, 4, 10, 0} {
		var got []string
		calls := 0
		err := w.db.EachSearchDocument(w.ctx, search.KindNote, batch, func(docs []search.Document) error {
			calls++
			if batch > 0 && len(docs) > batch {
				t.Errorf("batch of %d documents, asked %d", len(docs), batch)
			}
			for _, d := range docs {
				got = append(got, d.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || !sameSet(got, want) {
			t.Errorf("batch %d: %d documents in %d calls: %s", batch, len(got), calls, diffSets(got, want))
		}
	}
	for _, k := range []search.Kind{search.KindActor} {
		err := w.db.EachSearchDocument(w.ctx, k, 10, func([]search.Document) error {
			t.Errorf("%s has documents", k)
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	}
	if err := w.db.EachSearchDocument(w.ctx, "nothing", 10, func([]search.Document) error { return nil }); err == nil {
		t.Error("an unknown kind walks")
	}
}

// sameGroups compares audience groups, order inside a group ignored.
func sameGroups(got, want [][]string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !sameSet(got[i], want[i]) {
			return false
		}
	}
	return true
}
