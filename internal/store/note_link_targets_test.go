package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// linkPeople is a database whose clock moves a minute at every reading
// (each note is strictly newer than the one before), with Alice, who
// writes links, Dana, who shares a community with her, and two strangers.
type linkPeople struct {
	db                         *store.DB
	alice, dana, erin, mallory *maillage.User
	comm                       *maillage.Community
}

func newLinkPeople(t *testing.T) *linkPeople {
	t.Helper()
	db := testutil.OpenDB(t)
	base, step := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), 0
	db.Now = func() time.Time { step++; return base.Add(time.Duration(step) * time.Minute) }
	p := &linkPeople{db: db}
	p.alice = newUser(t, db, "Alice", "alice@exemple.org", maillage.ProfilePublic)
	p.dana = newUser(t, db, "Dana", "dana@exemple.org", maillage.ProfilePublic)
	p.erin = newUser(t, db, "Erin", "erin@exemple.org", maillage.ProfilePublic)
	p.mallory = newUser(t, db, "Mallory", "mallory@exemple.org", maillage.ProfilePublic)
	p.comm = newCommunity(t, db, p.dana, maillage.VisibilityPrivate, p.alice, p.dana)
	return p
}

func (p *linkPeople) rename(t *testing.T, n *maillage.Note, title string) {
	t.Helper()
	n.Title = title
	if err := p.db.Update(context.Background(), func(tx *store.Tx) error { return tx.UpdateNote(context.Background(), n, 0) }); err != nil {
		t.Fatal(err)
	}
}

func (p *linkPeople) setLinks(t *testing.T, source *maillage.Note, links ...store.NoteLink) {
	t.Helper()
	if err := p.db.Update(context.Background(), func(tx *store.Tx) error {
		return tx.ReplaceNoteLinks(context.Background(), source.ID, links)
	}); err != nil {
		t.Fatal(err)
	}
}

func (p *linkPeople) links(t *testing.T, source *maillage.Note) map[string]store.NoteLink {
	t.Helper()
	got, err := p.db.NoteLinks(context.Background(), source.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestResolvePrefersAuthorsThenCommunitiesThenOldest: for text written
// by Alice, her own notes (even by a former title) come first, then notes
// of her communities, then the oldest stranger's note, never a newer one.
func TestResolvePrefersAuthorsThenCommunitiesThenOldest(t *testing.T) {
	ctx := context.Background()
	p := newLinkPeople(t)
	pub, comm := maillage.VisibilityPublic, maillage.VisibilityCommunity
	oldest := newNote(t, p.db, p.erin, "Sujet un", pub, "")
	newNote(t, p.db, p.mallory, "Sujet un", pub, "")
	newNote(t, p.db, p.erin, "Sujet deux", pub, "")
	ofComm := newNote(t, p.db, p.dana, "Sujet deux", comm, p.comm.ID)
	newNote(t, p.db, p.mallory, "Sujet deux", pub, "")
	own := newNote(t, p.db, p.alice, "Sujet trois", maillage.VisibilityPrivate, "")
	p.rename(t, own, "Sujet trois, revu")
	newNote(t, p.db, p.erin, "Sujet trois", pub, "")
	newNote(t, p.db, p.dana, "Sujet trois", comm, p.comm.ID)

	k1, k2, k3 := fold.Key("Sujet un"), fold.Key("Sujet deux"), fold.Key("Sujet trois")
	pref := store.TitlePreference{AuthorIDs: []string{p.alice.ID}}
	got, err := p.db.ResolveNoteTitles(ctx, viewerOf(t, p.db, p.alice, false), []string{k1, k2, k3}, pref)
	if err != nil {
		t.Fatal(err)
	}
	if got[k1].ID != oldest.ID || got[k1].Preferred {
		t.Errorf("strangers' notes: want the oldest, not preferred; got %+v", got[k1])
	}
	if got[k2].ID != ofComm.ID || !got[k2].Preferred {
		t.Errorf("a note of the author's community: got %+v", got[k2])
	}
	if got[k3].ID != own.ID || !got[k3].Preferred {
		t.Errorf("the author's own note by its former title: got %+v", got[k3])
	}
	// A visitor may see only the public notes: the oldest of them.
	got, err = p.db.ResolveNoteTitles(ctx, maillage.Anonymous(), []string{k2}, pref)
	if err != nil || got[k2].ID == ofComm.ID || got[k2].ID == "" {
		t.Errorf("visitor: %+v %v", got, err)
	}
}

// TestAttachDanglingLinksOnlyForTheLinkingAuthors: a waiting link is
// attached to a new note of its authors or of their communities (one they
// may see), never to a stranger's.
func TestAttachDanglingLinksOnlyForTheLinkingAuthors(t *testing.T) {
	p := newLinkPeople(t)
	source := newNote(t, p.db, p.alice, "Source", maillage.VisibilityPublic, "")
	k1, k2, k3 := fold.Key("Attente un"), fold.Key("Attente deux"), fold.Key("Attente trois")
	p.setLinks(t, source, store.NoteLink{TargetKey: k1}, store.NoteLink{TargetKey: k2}, store.NoteLink{TargetKey: k3})

	newNote(t, p.db, p.mallory, "Attente un", maillage.VisibilityPublic, "")
	ofComm := newNote(t, p.db, p.dana, "Attente deux", maillage.VisibilityCommunity, p.comm.ID)
	newNote(t, p.db, p.dana, "Attente trois", maillage.VisibilityPrivate, p.comm.ID)
	got := p.links(t, source)
	if got[k1].TargetID != "" || got[k1].Resolved {
		t.Errorf("a stranger's note took a waiting link: %+v", got[k1])
	}
	if got[k2].TargetID != ofComm.ID || !got[k2].Resolved {
		t.Errorf("a community note did not receive the link: %+v", got[k2])
	}
	if got[k3].TargetID != "" {
		t.Errorf("a note the author may not see took the link: %+v", got[k3])
	}
	own := newNote(t, p.db, p.alice, "Attente un", maillage.VisibilityPrivate, "")
	if got := p.links(t, source); got[k1].TargetID != own.ID {
		t.Errorf("the author's own note did not receive the link: %+v", got[k1])
	}
	// Deleting the target leaves the link resolved, without a target.
	if err := p.db.Update(context.Background(), func(tx *store.Tx) error { return tx.DeleteNote(context.Background(), own.ID) }); err != nil {
		t.Fatal(err)
	}
	if got := p.links(t, source); got[k1].TargetID != "" || !got[k1].Resolved {
		t.Errorf("deleted target: %+v", got[k1])
	}
}

// TestLinkTargetsMigrationResolvesExistingLinks runs the migration that
// added stored targets over links saved by the former rule (the most
// recently updated note won): each is resolved again by the new one.
func TestLinkTargetsMigrationResolvesExistingLinks(t *testing.T) {
	ctx := context.Background()
	p := newLinkPeople(t)
	pub := maillage.VisibilityPublic
	source := newNote(t, p.db, p.alice, "Source", pub, "")

	first := newNote(t, p.db, p.erin, "Budget", pub, "")
	hijack := newNote(t, p.db, p.mallory, "Budget", pub, "")
	strangers := newNote(t, p.db, p.mallory, "Charte", pub, "")
	ownCharte := newNote(t, p.db, p.alice, "Charte", maillage.VisibilityPrivate, "")
	newNote(t, p.db, p.mallory, "Guide", pub, "")
	ofComm := newNote(t, p.db, p.dana, "Guide", maillage.VisibilityCommunity, p.comm.ID)
	newNote(t, p.db, p.mallory, "Guide", pub, "")
	newNote(t, p.db, p.alice, "Plan", pub, "")
	plan2 := newNote(t, p.db, p.alice, "Plan", pub, "")
	newNote(t, p.db, p.mallory, "Compte rendu", pub, "")
	annexe := newNote(t, p.db, p.alice, "Annexe", pub, "")
	hidden := newNote(t, p.db, p.erin, "Secret", maillage.VisibilityPrivate, "")

	key := fold.Key
	p.setLinks(t, source,
		store.NoteLink{TargetKey: key("Budget"), TargetID: hijack.ID},    // taken over: the oldest wins back
		store.NoteLink{TargetKey: key("Charte"), TargetID: strangers.ID}, // the author's own wins
		store.NoteLink{TargetKey: key("Guide"), TargetID: ""},            // waiting: a community note
		store.NoteLink{TargetKey: key("Plan"), TargetID: plan2.ID},       // an own target stays
		store.NoteLink{TargetKey: key("Compte rendu")},                   // waiting: never a stranger's
		store.NoteLink{TargetKey: key("Annexe")},                         // waiting: the author's own
		store.NoteLink{TargetKey: key("Secret"), TargetID: hidden.ID},    // one the author may not see
		store.NoteLink{TargetKey: store.NoteIDKey(first.ID), TargetID: first.ID},
	)
	if err := p.db.MigrateDownTo(ctx, 8); err != nil {
		t.Fatal(err)
	}
	if err := p.db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	got := p.links(t, source)
	want := map[string]store.NoteLink{
		key("Budget"):             {TargetID: first.ID, Resolved: true},
		key("Charte"):             {TargetID: ownCharte.ID, Resolved: true},
		key("Guide"):              {TargetID: ofComm.ID, Resolved: true},
		key("Plan"):               {TargetID: plan2.ID, Resolved: true},
		key("Compte rendu"):       {},
		key("Annexe"):             {TargetID: annexe.ID, Resolved: true},
		key("Secret"):             {},
		store.NoteIDKey(first.ID): {TargetID: first.ID, Resolved: true},
	}
	for k, w := range want {
		w.TargetKey = k
		if got[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, got[k], w)
		}
	}
}
