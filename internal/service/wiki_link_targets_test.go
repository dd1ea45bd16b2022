package service_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// linkWorld is a service whose clock moves one minute at every reading,
// so that each note is strictly newer than the one before, and its people:
// Alice writes the links, Carole writes notes others link to, Mallory
// tries to take links over.
type linkWorld struct {
	t                          *testing.T
	ctx                        context.Context
	s                          *service.Service
	alice, carole, malo        maillage.Viewer
	aliceID, carolesID, maloID string
}

func newLinkWorld(t *testing.T) *linkWorld {
	t.Helper()
	s, db := testutil.Service(t)
	step := &atomic.Int64{}
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return base.Add(time.Duration(step.Add(1)) * time.Minute) }
	w := &linkWorld{t: t, s: s, ctx: context.Background()}
	var a, c, m *maillage.User
	a, w.alice = testutil.User(t, s, "Alice", "alice@exemple.org")
	c, w.carole = testutil.User(t, s, "Carole", "carole@exemple.org")
	m, w.malo = testutil.User(t, s, "Mallory", "mallory@exemple.org")
	w.aliceID, w.carolesID, w.maloID = a.ID, c.ID, m.ID
	return w
}

// note creates a note with a body.
func (w *linkWorld) note(v maillage.Viewer, title, vis, body, communityID string) *maillage.Note {
	w.t.Helper()
	in := noteIn(title, vis)
	in.Body, in.CommunityID = body, communityID
	n, err := w.s.CreateNote(w.ctx, v, in)
	if err != nil {
		w.t.Fatalf("create %s: %v", title, err)
	}
	return n
}

// html renders a note's page for v.
func (w *linkWorld) html(v maillage.Viewer, id string) string {
	w.t.Helper()
	p, err := w.s.NotePage(w.ctx, v, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return string(p.HTML)
}

// readers are the people the link must render the same for.
func (w *linkWorld) readers() map[string]maillage.Viewer {
	return map[string]maillage.Viewer{"author": w.alice, "visitor": maillage.Anonymous(), "attacker": w.malo}
}

// wantLink checks that the note's link reads as a link to want (or, with
// want nil, as plain text) for every reader, and never reaches avoid.
func (w *linkWorld) wantLink(id, title string, want *maillage.Note, avoid ...*maillage.Note) {
	w.t.Helper()
	for who, v := range w.readers() {
		html := w.html(v, id)
		if want != nil && !strings.Contains(html, `href="`+service.NoteHref(want.ID)+`"`) {
			w.t.Errorf("%s: the link does not reach %q (%s):\n%s", who, want.Title, want.ID, html)
		}
		if want == nil && !strings.Contains(html, `<span class="wikilink-missing">`+title+`</span>`) {
			w.t.Errorf("%s: the link is not plain text:\n%s", who, html)
		}
		for _, a := range avoid {
			if strings.Contains(html, service.NoteHref(a.ID)) {
				w.t.Errorf("%s: the link reaches the wrong note %q (%s):\n%s", who, a.Title, a.ID, html)
			}
		}
	}
}

// backlinks lists the titles of the notes linking to id, as Alice sees them.
func (w *linkWorld) backlinks(id string) []string {
	w.t.Helper()
	p, err := w.s.NotePage(w.ctx, w.alice, id)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, b := range p.Backlinks {
		out = append(out, b.Title)
	}
	return out
}

// touch makes an unrelated edit to a note: its summary only.
func (w *linkWorld) touch(v maillage.Viewer, n *maillage.Note) {
	w.t.Helper()
	cur, err := w.s.Note(w.ctx, v, n.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	in := service.InputOf(cur)
	in.Summary += " (relu)"
	if _, err := w.s.UpdateNote(w.ctx, v, n.ID, in); err != nil {
		w.t.Fatal(err)
	}
}

// TestWikiLinkNotTakenOverByNewerPublicNote: Alice links to Carole's
// public note; Mallory then publishes a note with the same title. Alice's
// link keeps reaching Carole's note for everyone, after an edit too, and
// Mallory's note gets no backlink.
func TestWikiLinkNotTakenOverByNewerPublicNote(t *testing.T) {
	w := newLinkWorld(t)
	target := w.note(w.carole, "Budget participatif", "public", "Le guide.", "")
	victim := w.note(w.alice, "Nos sources", "public", "Voir [[budget participatif|le guide]] et ![[Budget participatif]].", "")
	attack := w.note(w.malo, "Budget Participatif", "public", "Une copie.", "")

	w.wantLink(victim.ID, "", target, attack)
	w.touch(w.alice, victim)
	w.wantLink(victim.ID, "", target, attack)
	if got := w.backlinks(attack.ID); len(got) != 0 {
		t.Fatalf("the attacker's note has backlinks: %v", got)
	}
	if got := w.backlinks(target.ID); len(got) != 1 || got[0] != victim.Title {
		t.Fatalf("the target lost its backlink: %v", got)
	}
	// Even a new note of Alice's, written now, reaches the older note.
	later := w.note(w.alice, "Nouvelle page", "public", "[[Budget participatif]]", "")
	w.wantLink(later.ID, "", target, attack)
}

// TestWikiLinkPrefersTheAuthorsOwnNote: among notes sharing a title, the
// linking author's own wins over a stranger's older one; readers who may
// not see it get plain text, never the stranger's note.
func TestWikiLinkPrefersTheAuthorsOwnNote(t *testing.T) {
	w := newLinkWorld(t)
	strangers := w.note(w.malo, "Charte", "public", "Une autre charte.", "")
	own := w.note(w.alice, "Charte", "private", "Notre charte.", "")
	linking := w.note(w.alice, "Accueil", "public", "Lire la [[Charte]].", "")

	if html := w.html(w.alice, linking.ID); !strings.Contains(html, service.NoteHref(own.ID)) {
		t.Fatalf("the author's own note is not preferred:\n%s", html)
	}
	for who, v := range map[string]maillage.Viewer{"visitor": maillage.Anonymous(), "attacker": w.malo} {
		html := w.html(v, linking.ID)
		if strings.Contains(html, service.NoteHref(strangers.ID)) || !strings.Contains(html, `<span class="wikilink-missing">Charte</span>`) {
			t.Errorf("%s: a hidden own note must read as plain text:\n%s", who, html)
		}
	}
}

// TestWikiLinkPrefersCommunityNotes: after the author's own notes come
// notes of the communities the author belongs to, before strangers'
// notes, older or newer.
func TestWikiLinkPrefersCommunityNotes(t *testing.T) {
	w := newLinkWorld(t)
	comm, err := w.s.CreateCommunity(w.ctx, w.carole, maillage.CommunityInput{Name: "Cercle des coops", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AddMember(t, w.s, testutil.ViewerOf(t, w.s, w.carolesID), comm.ID, w.aliceID, maillage.RoleMember)
	w.alice = testutil.ViewerOf(t, w.s, w.aliceID)
	w.carole = testutil.ViewerOf(t, w.s, w.carolesID)
	_, vd := testutil.User(t, w.s, "Dominique", "dominique@exemple.org")
	older := w.note(vd, "Guide d’accueil", "public", "Le plus ancien.", "")
	inComm := w.note(w.carole, "Guide d'accueil", "public", "Celui du cercle.", comm.ID)
	newer := w.note(w.malo, "Guide d’accueil", "public", "Le plus récent.", "")
	linking := w.note(w.alice, "Bienvenue", "public", "Voir le [[Guide d’accueil]].", "")
	w.wantLink(linking.ID, "", inComm, older, newer)
}

// TestWikiLinkFollowsARenamedTarget: renaming the target keeps the link,
// even once someone else's note takes the old title.
func TestWikiLinkFollowsARenamedTarget(t *testing.T) {
	w := newLinkWorld(t)
	target := w.note(w.carole, "Plan d’action", "public", "Le plan.", "")
	linking := w.note(w.alice, "Suivi", "public", "Selon le [[Plan d’action]].", "")
	up := service.InputOf(target)
	up.Title = "Plan d’action 2027"
	if _, err := w.s.UpdateNote(w.ctx, w.carole, target.ID, up); err != nil {
		t.Fatal(err)
	}
	attack := w.note(w.malo, "Plan d’action", "public", "Un faux plan.", "")
	w.wantLink(linking.ID, "", target, attack)
	w.touch(w.alice, linking)
	w.wantLink(linking.ID, "", target, attack)
}

// TestWikiLinkWrittenBeforeItsTarget: a link to a title no note bears yet
// waits. A stranger's note taking the title does not keep it (the link
// reaches it when read while nothing better exists, and an unrelated edit
// does not pin it); the author's own note, created later, receives it.
func TestWikiLinkWrittenBeforeItsTarget(t *testing.T) {
	w := newLinkWorld(t)
	linking := w.note(w.alice, "Ordre du jour", "public", "Adopter le [[Compte rendu]].", "")
	w.wantLink(linking.ID, "Compte rendu", nil)

	squat := w.note(w.malo, "Compte rendu", "public", "Pris en premier.", "")
	w.wantLink(linking.ID, "", squat)
	w.touch(w.alice, linking)
	if got := w.backlinks(squat.ID); len(got) != 0 {
		t.Fatalf("a stranger's note took the waiting link: %v", got)
	}

	own := w.note(w.alice, "Compte rendu", "public", "Le vrai.", "")
	w.wantLink(linking.ID, "", own, squat)
	if got := w.backlinks(own.ID); len(got) != 1 || got[0] != linking.Title {
		t.Fatalf("the author's note did not receive the waiting link: %v", got)
	}
}

// TestWikiLinkToADeletedTarget: once its target is deleted, a link reads
// as plain text for everyone rather than falling to another note with
// the title, even after an edit; it re-attaches to a note the author
// then writes with that title.
func TestWikiLinkToADeletedTarget(t *testing.T) {
	w := newLinkWorld(t)
	target := w.note(w.carole, "Annexe", "public", "Les chiffres.", "")
	linking := w.note(w.alice, "Rapport", "public", "Voir l’[[Annexe]].", "")
	other := w.note(w.malo, "Annexe", "public", "D’autres chiffres.", "")
	if err := w.s.DeleteNote(w.ctx, w.carole, target.ID); err != nil {
		t.Fatal(err)
	}
	w.wantLink(linking.ID, "Annexe", nil, other)
	w.touch(w.alice, linking)
	w.wantLink(linking.ID, "Annexe", nil, other)

	own := w.note(w.alice, "Annexe", "public", "Refaite.", "")
	w.wantLink(linking.ID, "", own, other)
}

// TestWikiLinkStoredTargetStaysPerReader: a stored target the reader may
// not see is plain text, never a link or its title.
func TestWikiLinkStoredTargetStaysPerReader(t *testing.T) {
	w := newLinkWorld(t)
	own := w.note(w.alice, "Budget 2026", "private", "Chiffres internes.", "")
	linking := w.note(w.alice, "Bilan", "public", "Voir [[Budget 2026|le budget]].", "")
	if html := w.html(w.alice, linking.ID); !strings.Contains(html, service.NoteHref(own.ID)) {
		t.Fatalf("author:\n%s", html)
	}
	html := w.html(maillage.Anonymous(), linking.ID)
	if strings.Contains(html, own.ID) || strings.Contains(html, "Budget 2026") || !strings.Contains(html, `<span class="wikilink-missing">le budget</span>`) {
		t.Fatalf("visitor:\n%s", html)
	}
	// Free text naming the hidden note's title reaches nothing either.
	res, err := w.s.RenderMarkdown(w.ctx, w.malo, "[[Budget 2026]]", "")
	if err != nil || strings.Contains(string(res.HTML), own.ID) {
		t.Fatalf("free text reached a hidden note: %v %s", err, res.HTML)
	}
}
