package demo

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// byName returns the viewer of a demo person.
func (w *world) byName(t *testing.T, name string) maillage.Viewer {
	t.Helper()
	for _, p := range people {
		if p.name() == name {
			return w.as(t, p.email())
		}
	}
	t.Fatalf("no demo person %q", name)
	return maillage.Viewer{}
}

func findNotebook(t *testing.T, s *service.Service, v maillage.Viewer, title string) maillage.Notebook {
	t.Helper()
	list, _, err := s.Notebooks(context.Background(), v, service.NotebookFilter{Query: title, Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, nb := range list {
		if nb.Title == title {
			// The list leaves out members and categories.
			full, err := s.Notebook(context.Background(), v, nb.ID)
			if err != nil {
				t.Fatal(err)
			}
			return *full
		}
	}
	t.Fatalf("notebook %q not visible", title)
	return maillage.Notebook{}
}

// entries lists a notebook's notes in one category (all when "") as v sees them.
func entries(t *testing.T, s *service.Service, v maillage.Viewer, nb maillage.Notebook, category string) []maillage.NotebookEntry {
	t.Helper()
	f := service.NotebookNoteFilter{Page: service.Page{Limit: 100}}
	if category != "" {
		i := slices.IndexFunc(nb.Categories, func(c maillage.NotebookCategory) bool { return c.Name == category })
		if i < 0 {
			t.Fatalf("notebook %q has no category %q: %+v", nb.Title, category, nb.Categories)
		}
		f.CategoryID = nb.Categories[i].ID
	}
	list, total, err := s.NotebookNotes(context.Background(), v, nb.ID, f)
	if err != nil || total != len(list) {
		t.Fatalf("notes of %q: %d of %d (%v)", nb.Title, len(list), total, err)
	}
	return list
}

func titles(list []maillage.NotebookEntry) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Note.Title
	}
	return out
}

// findNote returns the ID of the note with this title that v can list.
func findNote(t *testing.T, s *service.Service, v maillage.Viewer, title string) string {
	t.Helper()
	list, _, err := s.Notes(context.Background(), v, service.NoteFilter{Query: title, Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range list {
		if n.Title == title {
			return n.ID
		}
	}
	t.Fatalf("note %q not visible", title)
	return ""
}

// testMinutesAreForTheirAuthors: private minutes are read by their
// authors only, even inside the community's notebook.
func testMinutesAreForTheirAuthors(t *testing.T, w *world) {
	ctx := context.Background()
	amina, demo := w.byName(t, "Amina Benali"), w.as(t, DemoEmail)
	nb := findNotebook(t, w.s, demo, cdpNotebookTitle)
	if nb.Visibility != maillage.VisibilityCommunity || nb.CommunityName != cdpName || len(nb.Categories) != 4 {
		t.Errorf("meetings notebook: %+v", nb)
	}
	all := entries(t, w.s, amina, nb, catMinutes)
	if len(all) != len(meetings) {
		t.Fatalf("the note-taker sees %d minutes, want %d: %v", len(all), len(meetings), titles(all))
	}
	mine := entries(t, w.s, demo, nb, catMinutes)
	if len(mine) != len(meetings)-1 {
		t.Errorf("the facilitator sees %d minutes, want %d (not the one she did not write)", len(mine), len(meetings)-1)
	}
	for _, e := range mine {
		if e.Note.Visibility != maillage.VisibilityPrivate || !slices.ContainsFunc(e.Note.Authors, func(a maillage.NoteAuthor) bool { return a.UserID == demo.UserID }) {
			t.Errorf("the facilitator sees a minute she did not write: %+v", e.Note)
		}
	}
	sophie := w.byName(t, "Sophie Lavoie")
	if got := entries(t, w.s, sophie, nb, catMinutes); len(got) != 0 {
		t.Errorf("a member who wrote no minute sees %v", titles(got))
	}
	if got := entries(t, w.s, sophie, nb, catSummaries); len(got) != len(meetings) {
		t.Errorf("a member sees %d summaries, want %d", len(got), len(meetings))
	}
	outsider := w.as(t, "thomas.ouellet@exemple.org")
	for _, e := range all {
		for name, v := range map[string]maillage.Viewer{"the facilitator": demo, "a member": sophie, "a visitor": maillage.Anonymous(), "a non-member": outsider} {
			_, err := w.s.Note(ctx, v, e.Note.ID)
			wantSeen := v.UserID == demo.UserID && slices.ContainsFunc(mine, func(m maillage.NotebookEntry) bool { return m.Note.ID == e.Note.ID })
			if wantSeen != (err == nil) || (err != nil && !maillage.IsNotFound(err)) {
				t.Errorf("%s opening %q: %v", name, e.Note.Title, err)
			}
		}
	}
	for _, v := range []maillage.Viewer{maillage.Anonymous(), outsider} {
		if _, err := w.s.Notebook(ctx, v, nb.ID); !maillage.IsNotFound(err) {
			t.Errorf("the community notebook is open to outsiders: %v", err)
		}
	}
}

// testPublicSummariesAndResources: visitors read the summaries and
// resources, under CC BY 4.0, with their files.
func testPublicSummariesAndResources(t *testing.T, w *world) {
	ctx := context.Background()
	anon := maillage.Anonymous()
	for _, m := range meetings {
		for _, n := range append([]noteSpec{m.summary}, m.resources...) {
			page, err := w.s.NotePage(ctx, anon, findNote(t, w.s, anon, n.title))
			if err != nil {
				t.Fatalf("%s: %v", n.title, err)
			}
			if page.Note.Visibility != maillage.VisibilityPublic || page.Note.License != maillage.LicenseCCBY || page.Citation == "" {
				t.Errorf("%s: %+v", n.title, page.Note)
			}
		}
	}
	grid, err := w.s.NotePage(ctx, anon, findNote(t, w.s, anon, "Grille d’autodiagnostic numérique"))
	if err != nil {
		t.Fatal(err)
	}
	if len(grid.Attachments) != 1 || grid.Attachments[0].Name != "grille-autodiagnostic.csv" {
		t.Errorf("grid attachments: %+v", grid.Attachments)
	}
	if grid.Note.Version < 2 {
		t.Errorf("the grid was revised once, version %d", grid.Note.Version)
	}
	if !strings.Contains(string(grid.HTML), "<table") {
		t.Error("the grid has no table")
	}
}

// testCommunityNotebook: the public resources and summaries are relayed
// into the thematic community's notebook, and each got its thread.
func testCommunityNotebook(t *testing.T, w *world) {
	ctx := context.Background()
	anon := maillage.Anonymous()
	nb := findNotebook(t, w.s, anon, communityNotebookTitle)
	if nb.Visibility != maillage.VisibilityPublic || nb.CommunityName != publicCommunityName {
		t.Errorf("community notebook: %+v", nb)
	}
	got := titles(entries(t, w.s, anon, nb, ""))
	var want []string
	for _, m := range meetings {
		want = append(want, m.summary.title)
		for _, r := range m.resources {
			want = append(want, r.title)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("community notebook holds\n%v\nwant\n%v", got, want)
	}
	c := findCommunity(t, w.s, anon, publicCommunityName)
	ts, _, err := w.s.Threads(ctx, anon, c.ID, service.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, th := range ts {
		if th.NoteID != "" {
			shared++
		}
	}
	if shared != len(want) {
		t.Errorf("%d threads share a relayed note, want %d", shared, len(want))
	}
}

// testLexiconAndBacklinks: the lexicon is public, each term defined, and
// a term shows the notes that link to it.
func testLexiconAndBacklinks(t *testing.T, w *world) {
	ctx := context.Background()
	anon := maillage.Anonymous()
	lex := findNotebook(t, w.s, anon, lexiconTitle)
	terms := entries(t, w.s, anon, lex, "")
	if len(terms) != len(lexicon) {
		t.Errorf("lexicon: %d terms, want %d", len(terms), len(lexicon))
	}
	for _, e := range terms {
		if e.Note.Kind != maillage.NoteTerm || e.Note.Summary == "" || e.CategoryName == "" {
			t.Errorf("term %+v", e)
		}
	}
	page, err := w.s.NotePage(ctx, anon, findNote(t, w.s, anon, "Communauté de pratique"))
	if err != nil {
		t.Fatal(err)
	}
	var back []string
	for _, b := range page.Backlinks {
		back = append(back, b.Title)
		if _, err := w.s.Note(ctx, anon, b.ID); err != nil {
			t.Errorf("a visitor sees a backlink from a note they cannot read: %s", b.Title)
		}
	}
	for _, want := range []string{"Rencontre 1 — 12 mars 2025 : résumé", "Animation", "Transfert de connaissances"} {
		if !slices.Contains(back, want) {
			t.Errorf("backlinks of « Communauté de pratique »: %v, missing %q", back, want)
		}
	}
}

// testActorCards: organisation notes are tied to the directory; person
// cards meant for the community stay in it.
func testActorCards(t *testing.T, w *world) {
	ctx := context.Background()
	anon, demo := maillage.Anonymous(), w.as(t, DemoEmail)
	count := func(v maillage.Viewer, kind maillage.NoteKind) []maillage.NoteSummary {
		list, _, err := w.s.Notes(ctx, v, service.NoteFilter{Kind: kind, Page: service.Page{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	orgs := count(anon, maillage.NoteOrganization)
	if len(orgs) != 4 {
		t.Errorf("%d organisation notes, want 4", len(orgs))
	}
	for _, o := range orgs {
		n, err := w.s.Note(ctx, anon, o.ID)
		if err != nil || n.OrganizationID == "" || n.OrganizationName == "" {
			t.Errorf("organisation note %q not tied to the directory: %+v (%v)", o.Title, n, err)
		}
	}
	if got, want := len(count(anon, maillage.NotePerson)), 3; got != want {
		t.Errorf("visitors see %d person cards, want %d", got, want)
	}
	if got, want := len(count(demo, maillage.NotePerson)), 4; got != want {
		t.Errorf("members of the community of practice see %d person cards, want %d", got, want)
	}
	// A dozen cards; the person notes are attached to their cards.
	if w.sum.Actors != len(actorCards) || len(actorCards) < 12 {
		t.Errorf("%d actor cards", w.sum.Actors)
	}
	public, _, err := w.s.Actors(ctx, anon, service.ActorFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	mine, _, err := w.s.Actors(ctx, demo, service.ActorFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	if len(public) < 8 || len(mine) <= len(public) {
		t.Errorf("visitors see %d cards, the demo person %d", len(public), len(mine))
	}
	for _, p := range count(demo, maillage.NotePerson) {
		a, err := w.s.NoteActor(ctx, demo, p.ID)
		if err != nil || a == nil || a.Name != p.Title {
			t.Errorf("person note %q is not attached to its card: %+v (%v)", p.Title, a, err)
		}
	}
}

// testKnowledgeBase: the knowledge base shows each reader the notebooks
// they may see.
func testKnowledgeBase(t *testing.T, w *world) {
	ctx := context.Background()
	anon, demo := maillage.Anonymous(), w.as(t, DemoEmail)
	list, _, err := w.s.KnowledgeBases(ctx, anon, service.KnowledgeBaseFilter{Query: knowledgeBaseTitle, Page: service.Page{Limit: 10}})
	if err != nil || len(list) != 1 || list[0].Title != knowledgeBaseTitle {
		t.Fatalf("knowledge bases: %+v (%v)", list, err)
	}
	for v, want := range map[*maillage.Viewer]int{&anon: 2, &demo: 3} {
		nbs, err := w.s.KnowledgeBaseNotebooks(ctx, *v, list[0].ID)
		if err != nil || len(nbs) != want {
			t.Errorf("viewer %q sees %d notebooks in the knowledge base, want %d (%v)", v.UserID, len(nbs), want, err)
		}
	}
}
