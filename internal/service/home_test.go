package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// homeWorld is a small network around Bob, a new member interested in
// « numérique »: what he may see, and what he must not.
type homeWorld struct {
	ctx                context.Context
	s                  *service.Service
	alice, bob, carol  *maillage.User
	av, bv, cv         maillage.Viewer
	numeriques, secret *maillage.Community
	estrie, coop, mine *maillage.Community
	dana               *maillage.User
	notebook, hidden   *maillage.Notebook
}

func newHomeWorld(t *testing.T) *homeWorld {
	t.Helper()
	ctx := context.Background()
	s, _ := testutil.Service(t)
	w := &homeWorld{ctx: ctx, s: s}
	w.alice, w.av = testutil.User(t, s, "Alice Côté", "alice@exemple.org")
	w.carol, w.cv = testutil.User(t, s, "Carol Roy", "carol@exemple.org")
	var err error
	if w.bob, err = s.CreateUser(ctx, maillage.SignUpInput{Name: "Bob Tremblay", Email: "bob@exemple.org",
		Password: testutil.Password, Interests: []string{"numérique", "habitation"}}, false); err != nil {
		t.Fatal(err)
	}
	if w.dana, err = s.CreateUser(ctx, maillage.SignUpInput{Name: "Dana Fortin", Email: "dana@exemple.org",
		Password: testutil.Password, Interests: []string{"numérique"}}, false); err != nil {
		t.Fatal(err)
	}
	community := func(v maillage.Viewer, in maillage.CommunityInput) *maillage.Community {
		t.Helper()
		c, err := s.CreateCommunity(ctx, v, in)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// Found by its name's words only: its tag is another one.
	w.numeriques = community(w.cv, maillage.CommunityInput{Name: "Numériques et données", Visibility: "public", Tags: []string{"données ouvertes"}})
	w.secret = community(w.cv, maillage.CommunityInput{Name: "Cercle numérique confidentiel", Visibility: "private"})
	w.estrie = community(w.av, maillage.CommunityInput{Name: "CdP Estrie", Visibility: "private"})
	w.coop = community(w.av, maillage.CommunityInput{Name: "Coopératives d’habitation", Visibility: "public"})
	w.bv = testutil.ViewerOf(t, s, w.bob.ID)
	if err := s.Join(ctx, w.bv, w.coop.ID); err != nil {
		t.Fatal(err)
	}
	w.mine = community(w.bv, maillage.CommunityInput{Name: "Voisinage", Visibility: "private", Listed: true})
	w.av, w.bv, w.cv = testutil.ViewerOf(t, s, w.alice.ID), testutil.ViewerOf(t, s, w.bob.ID), testutil.ViewerOf(t, s, w.carol.ID)
	if w.notebook, err = s.CreateNotebook(ctx, w.cv, maillage.NotebookInput{Title: "Carnet du numérique", Visibility: "public"}); err != nil {
		t.Fatal(err)
	}
	if w.hidden, err = s.CreateNotebook(ctx, w.cv, maillage.NotebookInput{Title: "Carnet numérique privé", Visibility: "private"}); err != nil {
		t.Fatal(err)
	}
	return w
}

func TestHomeWaitingNewAndSuggestions(t *testing.T) {
	w := newHomeWorld(t)
	ctx, s := w.ctx, w.s
	// Waiting: an invitation, a request to answer.
	if _, err := s.AddMember(ctx, w.av, w.estrie.ID, w.bob.ID, maillage.RoleMember); err != nil {
		t.Fatal(err)
	}
	if err := s.RequestToJoin(ctx, w.cv, w.mine.ID, "Bonjour"); err != nil {
		t.Fatal(err)
	}
	// New in Bob's community: a thread and a note for members; a private
	// note nobody else may read; a note of Bob's own (not news to him).
	th, err := s.CreateThread(ctx, w.av, w.coop.ID, maillage.ThreadInput{Title: "Assemblée de mars", Body: "Qui vient ?"})
	if err != nil {
		t.Fatal(err)
	}
	note := func(v maillage.Viewer, in maillage.NoteInput) *maillage.Note {
		t.Helper()
		n, err := s.CreateNote(ctx, v, in)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	shared := note(w.av, maillage.NoteInput{Title: "Compte rendu de février", Visibility: "community", CommunityID: w.coop.ID})
	private := note(w.av, maillage.NoteInput{Title: "Brouillon d’Alice", Visibility: "private", CommunityID: w.coop.ID})
	own := note(w.bv, maillage.NoteInput{Title: "Ma note", Visibility: "community", CommunityID: w.coop.ID})
	// From what Bob follows: a tag.
	tag, _, err := s.ResolveTag(ctx, w.bv, "habitation")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Follow(ctx, w.bv, maillage.FollowTag, tag.ID); err != nil {
		t.Fatal(err)
	}
	followed := note(w.cv, maillage.NoteInput{Title: "Guide du logement", Visibility: "public", Tags: []string{"habitation"}})
	secretTagged := note(w.cv, maillage.NoteInput{Title: "Notes privées de Carol", Visibility: "private", Tags: []string{"habitation"}})

	h, err := s.Home(ctx, w.bv)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Invitations) != 1 || h.Invitations[0].ItemID != w.estrie.ID {
		t.Errorf("invitations: %+v", h.Invitations)
	}
	if len(h.Requests) != 1 || h.Requests[0].CommunityID != w.mine.ID || h.Requests[0].Requests != 1 {
		t.Errorf("requests to answer: %+v", h.Requests)
	}
	if !h.Waiting() {
		t.Error("nothing waiting")
	}
	if len(h.CommunityThreads) != 1 || h.CommunityThreads[0].ID != th.ID || h.CommunityThreads[0].CommunityName != w.coop.Name {
		t.Errorf("threads: %+v", h.CommunityThreads)
	}
	ids := func(list []maillage.NoteSummary) map[string]bool {
		m := map[string]bool{}
		for _, n := range list {
			m[n.ID] = true
		}
		return m
	}
	if got := ids(h.CommunityNotes); !got[shared.ID] || got[private.ID] || got[own.ID] || len(got) != 1 {
		t.Errorf("community notes: %+v", h.CommunityNotes)
	}
	if got := ids(h.FollowedNotes); !got[followed.ID] || got[secretTagged.ID] || len(got) != 1 {
		t.Errorf("followed notes: %+v", h.FollowedNotes)
	}

	// Suggestions: « numérique » finds « Numériques et données » by its
	// words, Dana by her interest, the public notebook; never the private
	// community or notebook, nor Bob himself or his own community.
	has := func(list []service.Suggestion, id string) bool {
		for _, sg := range list {
			if sg.ID == id {
				return true
			}
		}
		return false
	}
	sg := h.Suggestions
	if !has(sg.Communities, w.numeriques.ID) {
		t.Errorf("« Numériques et données » not suggested: %+v", sg.Communities)
	}
	if has(sg.Communities, w.secret.ID) || has(sg.Communities, w.mine.ID) || has(sg.Communities, w.coop.ID) {
		t.Errorf("suggested a hidden community or one of Bob's: %+v", sg.Communities)
	}
	if !has(sg.People, w.dana.ID) || has(sg.People, w.bob.ID) {
		t.Errorf("people: %+v", sg.People)
	}
	if !has(sg.Notebooks, w.notebook.ID) || has(sg.Notebooks, w.hidden.ID) {
		t.Errorf("notebooks: %+v", sg.Notebooks)
	}
	for _, s := range sg.Communities {
		if s.Kind != search.KindCommunity || s.Because.Slug == "" {
			t.Errorf("suggestion without its reason: %+v", s)
		}
	}
	// A new account is guided; the steps it did are marked.
	steps := map[string]bool{}
	for _, st := range h.Steps {
		steps[st.ID] = st.Done
	}
	if len(h.Steps) != 6 || !steps["interests"] || !steps["join"] || !steps["follow"] || !steps["publish"] || steps["profile"] {
		t.Errorf("first steps: %+v", h.Steps)
	}
	if _, err := s.Home(ctx, maillage.Anonymous()); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Errorf("visitor's home: %v", err)
	}
}

// The private community Bob is invited to shows nothing of its content
// before he accepts; after, its threads are news to him.
func TestHomeInvitedCommunityStaysClosedUntilAccepted(t *testing.T) {
	w := newHomeWorld(t)
	ctx, s := w.ctx, w.s
	inv, err := s.AddMember(ctx, w.av, w.estrie.ID, w.bob.ID, maillage.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateThread(ctx, w.av, w.estrie.ID, maillage.ThreadInput{Title: "Ordre du jour", Body: "Points à traiter"}); err != nil {
		t.Fatal(err)
	}
	h, err := s.Home(ctx, w.bv)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range h.CommunityThreads {
		if th.CommunityID == w.estrie.ID {
			t.Fatalf("a thread of a community Bob has not joined: %+v", th)
		}
	}
	testutil.Accept(t, s, inv)
	h, err = s.Home(ctx, testutil.ViewerOf(t, s, w.bob.ID))
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Invitations) != 0 || len(h.CommunityThreads) != 1 || h.CommunityThreads[0].Title != "Ordre du jour" {
		t.Errorf("after accepting: invitations %+v threads %+v", h.Invitations, h.CommunityThreads)
	}
}
