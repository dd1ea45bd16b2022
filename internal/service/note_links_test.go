package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// TestLinksResolvePerViewerAndBacklinksNeverReveal: wiki links render
// for each viewer as what they may see; a private note linking to a
// public one is its backlink for its author only.
func TestLinksResolvePerViewerAndBacklinksNeverReveal(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")

	public, err := s.CreateNote(ctx, vb, noteIn("Ressources", "public"))
	if err != nil {
		t.Fatal(err)
	}
	secretIn := noteIn("Procès-verbal confidentiel", "private")
	secretIn.Body = "Voir [[Ressources]] et [[ressources|la liste]], et [[Procès-verbal confidentiel]] (moi-même)."
	secret, err := s.CreateNote(ctx, va, secretIn)
	if err != nil {
		t.Fatal(err)
	}
	// A public note linking to the secret one, by title and by address,
	// and to a note that does not exist yet.
	pubIn := noteIn("Synthèse publique", "public")
	pubIn.Body = "Détails : [[Procès-verbal confidentiel]], [le PV](/notes/" + secret.ID + "), [[Lexique]].\n\n<script>alert(1)</script>"
	summary, err := s.CreateNote(ctx, va, pubIn)
	if err != nil {
		t.Fatal(err)
	}

	// Bob sees the public summary; the secret title renders as missing text.
	page, err := s.NotePage(ctx, vb, summary.ID)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page.HTML)
	if !strings.Contains(html, `<span class="wikilink-missing">Procès-verbal confidentiel</span>`) {
		t.Fatalf("a hidden note's wiki link resolved for Bob:\n%s", html)
	}
	if !strings.Contains(html, `<span class="wikilink-missing">Lexique</span>`) || strings.Contains(html, "<script") {
		t.Fatalf("missing link or script not handled:\n%s", html)
	}
	// Alice, its author, gets a working link.
	page, err = s.NotePage(ctx, va, summary.ID)
	if err != nil || !strings.Contains(string(page.HTML), service.NoteHref(secret.ID)) {
		t.Fatalf("author's link: %v\n%s", err, page.HTML)
	}

	// Backlinks of the public note: Alice's private note is one for her only.
	back := func(v maillage.Viewer, id string) []string {
		t.Helper()
		p, err := s.NotePage(ctx, v, id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, b := range p.Backlinks {
			out = append(out, b.Title)
		}
		return out
	}
	if got := back(vb, public.ID); len(got) != 0 {
		t.Fatalf("Bob sees hidden backlinks: %v", got)
	}
	if got := back(maillage.Anonymous(), public.ID); len(got) != 0 {
		t.Fatalf("a visitor sees hidden backlinks: %v", got)
	}
	if got := back(va, public.ID); len(got) != 1 || got[0] != secret.Title {
		t.Fatalf("Alice's backlinks: %v", got)
	}
	// The secret note's backlinks (the public summary) show to Alice, and
	// a self-link is not one.
	if got := back(va, secret.ID); len(got) != 1 || got[0] != summary.Title {
		t.Fatalf("backlinks of the secret note: %v", got)
	}

	// A stranger's note created later with the linked title does not take
	// the waiting link for good: it is no backlink, though the link
	// reaches it when read while nothing better exists.
	bobsLex, err := s.CreateNote(ctx, vb, noteIn("Lexique", "public"))
	if err != nil {
		t.Fatal(err)
	}
	if got := back(vb, bobsLex.ID); len(got) != 0 {
		t.Fatalf("a stranger's note took a waiting link: %v", got)
	}
	if page, err := s.NotePage(ctx, vb, summary.ID); err != nil || !strings.Contains(string(page.HTML), service.NoteHref(bobsLex.ID)) {
		t.Fatalf("waiting link not resolved when read: %v\n%s", err, page.HTML)
	}
	// The author's own note with that title receives it.
	lex, err := s.CreateNote(ctx, va, noteIn("Lexique", "public"))
	if err != nil {
		t.Fatal(err)
	}
	if got := back(vb, lex.ID); len(got) != 1 || got[0] != summary.Title {
		t.Fatalf("dangling link not attached on creation: %v", got)
	}
	// Renaming keeps it; the old title still resolves for its author.
	up := service.InputOf(lex)
	up.Title = "Lexique commun"
	if _, err := s.UpdateNote(ctx, va, lex.ID, up); err != nil {
		t.Fatal(err)
	}
	if got := back(vb, lex.ID); len(got) != 1 {
		t.Fatalf("rename lost the backlink: %v", got)
	}
	if page, err := s.NotePage(ctx, vb, summary.ID); err != nil || !strings.Contains(string(page.HTML), service.NoteHref(lex.ID)) {
		t.Fatalf("renamed target lost: %v\n%s", err, page.HTML)
	}
	res, err := s.PreviewNote(ctx, va, "[[Lexique]]", "")
	if err != nil || !strings.Contains(string(res.HTML), service.NoteHref(lex.ID)) {
		t.Fatalf("former title: %v %s", err, res.HTML)
	}
	// A link written before the writer could see its target is not
	// attached to it later by someone else's eyes: Bob links to Alice's
	// secret by title; the link stays dangling for him.
	bobIn := noteIn("Note de Bob", "public")
	bobIn.Body = "[[Procès-verbal confidentiel]]"
	if _, err := s.CreateNote(ctx, vb, bobIn); err != nil {
		t.Fatal(err)
	}
	if got := back(va, secret.ID); len(got) != 1 {
		t.Fatalf("a link by someone who cannot see the note was attached: %v", got)
	}
}

// TestNotePageShowsOnlyWhatTheViewerMaySee checks the citation, the
// authors' profile links and the linked community's name.
func TestNotePageShowsOnlyWhatTheViewerMaySee(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	alice, va := testutil.User(t, s, "Alice Tremblay", "alice@exemple.org")
	comm, err := s.CreateCommunity(ctx, va, maillage.CommunityInput{Name: "CdP secrète", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	va = testutil.ViewerOf(t, s, alice.ID)
	if _, err := s.UpdateProfile(ctx, va, alice.ID, maillage.ProfileInput{Name: "Alice Tremblay", ProfileVisibility: "members", Language: "fr-CA"}); err != nil {
		t.Fatal(err)
	}
	in := noteIn("Ressource publique", "public")
	in.CommunityID = comm.ID
	n, err := s.CreateNote(ctx, va, in)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.NotePage(ctx, maillage.Anonymous(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Community != nil || p.Note.CommunityName != "" {
		t.Fatalf("a visitor reads the name of a hidden community: %+v", p.Community)
	}
	// Alice's profile is for members: visitors get neither her name nor
	// a link, in the byline or the citation.
	if len(p.Authors) != 1 || p.Authors[0].Linked || p.Authors[0].Name != "" {
		t.Fatalf("authors for a visitor: %+v", p.Authors)
	}
	if strings.Contains(p.Citation, "Tremblay") || !strings.HasSuffix(p.Citation, "Maillage. http://maillage.test/notes/"+n.ID) {
		t.Fatalf("citation: %q", p.Citation)
	}
	// Once her profile is public, visitors see and cite her.
	if _, err := s.UpdateProfile(ctx, va, alice.ID, maillage.ProfileInput{Name: "Alice Tremblay", ProfileVisibility: "public", Language: "fr-CA"}); err != nil {
		t.Fatal(err)
	}
	public, err := s.NotePage(ctx, maillage.Anonymous(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(public.Authors) != 1 || !public.Authors[0].Linked || public.Authors[0].Name != "Alice Tremblay" {
		t.Fatalf("authors for a visitor: %+v", public.Authors)
	}
	if !strings.HasPrefix(public.Citation, "Tremblay, A. (") || !strings.HasSuffix(public.Citation, "Maillage. http://maillage.test/notes/"+n.ID) {
		t.Fatalf("citation: %q", public.Citation)
	}
	if p.CanEdit {
		t.Fatal("a visitor may edit")
	}
	p, err = s.NotePage(ctx, va, n.ID)
	if err != nil || p.Community == nil || !p.Authors[0].Linked || !p.CanEdit {
		t.Fatalf("author's page: %+v %v", p, err)
	}
}
