package service_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// nbEnv is the meeting-notebook world: alice manages the private
// community "Cercle" (bob is a member) and a public notebook where cora
// contributes; olga is an outsider. Alice wrote a private minute, a
// community summary and a public resource, all in the notebook.
type nbEnv struct {
	s                         *service.Service
	db                        *store.DB
	alice, bob, cora, olga    *maillage.User
	va, vb, vc, vo            maillage.Viewer
	community                 *maillage.Community
	nb                        *maillage.Notebook
	minute, summary, resource *maillage.Note
	viewers                   map[string]maillage.Viewer
}

func newNBEnv(t *testing.T) *nbEnv {
	t.Helper()
	ctx := context.Background()
	e := &nbEnv{}
	e.s, e.db = testutil.Service(t)
	e.alice, e.va = testutil.User(t, e.s, "Alice Tremblay", "alice@exemple.org")
	e.bob, _ = testutil.User(t, e.s, "Bob Roy", "bob@exemple.org")
	e.cora, _ = testutil.User(t, e.s, "Cora Lavoie", "cora@exemple.org")
	e.olga, e.vo = testutil.User(t, e.s, "Olga Fortin", "olga@exemple.org")
	var err error
	e.community, err = e.s.CreateCommunity(ctx, e.va, maillage.CommunityInput{Name: "Cercle", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	e.va = testutil.ViewerOf(t, e.s, e.alice.ID)
	testutil.AddMember(t, e.s, e.va, e.community.ID, e.bob.ID, maillage.RoleMember)
	e.vb = testutil.ViewerOf(t, e.s, e.bob.ID)
	e.nb, err = e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "Rencontre du 12 mars", Description: "Voir [[Ressources partagées]].",
		Guide: "Écrivez **court**.", Visibility: "public", CommunityID: e.community.ID})
	if err != nil {
		t.Fatal(err)
	}
	testutil.AddNotebookMember(t, e.s, e.va, e.nb.ID, e.cora.ID, maillage.NotebookContributor)
	e.vc = testutil.ViewerOf(t, e.s, e.cora.ID)
	mk := func(title, vis string) *maillage.Note {
		in := maillage.NoteInput{Title: title, Body: "Texte de " + title + ", voir [[Compte rendu détaillé]].", Summary: "Résumé", Visibility: vis}
		if vis == "community" {
			in.CommunityID = e.community.ID
		}
		n, err := e.s.CreateNote(ctx, e.va, in)
		if err != nil {
			t.Fatalf("note %s: %v", title, err)
		}
		if _, err := e.s.AddNoteToNotebook(ctx, e.va, e.nb.ID, n.ID, ""); err != nil {
			t.Fatalf("add %s: %v", title, err)
		}
		return n
	}
	e.minute = mk("Compte rendu détaillé", "private")
	e.summary = mk("Synthèse", "community")
	e.resource = mk("Ressources partagées", "public")
	e.viewers = map[string]maillage.Viewer{"alice": e.va, "bob": e.vb, "cora": e.vc, "olga": e.vo,
		"anonymous": maillage.Anonymous(), "admin": {UserID: "admin-id", Admin: true}}
	return e
}

func nbField(err error, field string) string {
	for _, f := range maillage.AsError(err).Fields {
		if f.Field == field {
			return f.MessageID
		}
	}
	return ""
}

func TestNotebookShowsEachViewerTheirShare(t *testing.T) {
	ctx := context.Background()
	e := newNBEnv(t)
	notes := []*maillage.Note{e.minute, e.summary, e.resource}
	for name, v := range e.viewers {
		var want []string
		for _, n := range notes {
			if maillage.CanViewContent(v, n.Access()) {
				want = append(want, n.ID)
			}
		}
		entries, total, err := e.s.NotebookNotes(ctx, v, e.nb.ID, service.NotebookNoteFilter{Page: service.Page{Limit: 50}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := map[string]bool{}
		for _, en := range entries {
			got[en.Note.ID] = true
		}
		if total != len(want) || len(got) != len(want) {
			t.Errorf("%s: sees %d notes (total %d), policy allows %d", name, len(got), total, len(want))
		}
		for _, id := range want {
			if !got[id] {
				t.Errorf("%s: misses note %s", name, id)
			}
		}
		counts, err := e.s.NotebookNoteCounts(ctx, v, e.nb.ID)
		if err != nil || counts[e.nb.ID] != len(want) {
			t.Errorf("%s: count %d, want %d (%v)", name, counts[e.nb.ID], len(want), err)
		}
	}
	// Alice, author of all three, sees the private minute; bob sees the
	// summary too; visitors only the resource.
	if n := len(e.viewers); n != 6 {
		t.Fatal(n)
	}
	// The community page lists the notebook to whoever may see it.
	for _, v := range []maillage.Viewer{e.vb, maillage.Anonymous()} {
		list, err := e.s.CommunityNotebooks(ctx, v, e.community.ID)
		if err != nil || len(list) != 1 || list[0].ID != e.nb.ID {
			t.Errorf("community notebooks: %+v %v", list, err)
		}
	}
	// The description's wiki link resolves for everyone (a public note);
	// the guide is only for people who may add notes.
	for name, v := range map[string]maillage.Viewer{"cora": e.vc, "olga": e.vo} {
		nb, err := e.s.Notebook(ctx, v, e.nb.ID)
		if err != nil {
			t.Fatal(err)
		}
		texts, err := e.s.RenderNotebookTexts(ctx, v, nb)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(texts.Description), service.NoteHref(e.resource.ID)) {
			t.Errorf("%s: description %s", name, texts.Description)
		}
		if (texts.Guide != "") != (name == "cora") || (name == "cora" && !strings.Contains(string(texts.Guide), "<strong>court</strong>")) {
			t.Errorf("%s: guide %q", name, texts.Guide)
		}
	}
}

func TestNotebookFeedIsPublicOnly(t *testing.T) {
	ctx := context.Background()
	e := newNBEnv(t)
	f, err := e.s.NotebookFeed(ctx, e.nb.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 || f.Entries[0].Title != "Ressources partagées" {
		t.Fatalf("feed entries: %+v", f.Entries)
	}
	en := f.Entries[0]
	if en.ID != "http://maillage.test/notes/"+e.resource.ID || en.Link != en.ID || en.Author != "" && en.Author != "Alice Tremblay" {
		t.Errorf("entry: %+v", en)
	}
	// The private minute the body links to renders as plain text, never as
	// a link, even in the author's own notebook feed.
	if strings.Contains(en.ContentHTML, e.minute.ID) || !strings.Contains(en.ContentHTML, "Compte rendu détaillé") {
		t.Errorf("feed content leaks or loses the link text: %s", en.ContentHTML)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(buf.Bytes(), new(struct{})); err != nil {
		t.Fatalf("feed XML: %v", err)
	}
	for _, leak := range []string{"Synthèse", "Compte rendu détaillé</", e.minute.ID, e.summary.ID} {
		if strings.Contains(buf.String(), leak) {
			t.Errorf("feed contains %q", leak)
		}
	}
	// A notebook that is not public has no feed, exactly like none at all.
	priv, err := e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "Privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{priv.ID, "absent"} {
		if _, err := e.s.NotebookFeed(ctx, id); !maillage.IsNotFound(err) {
			t.Errorf("feed of %s: %v", id, err)
		}
	}
}

func TestNotebookAddRemoveRules(t *testing.T) {
	ctx := context.Background()
	e := newNBEnv(t)
	jobs := func() int {
		t.Helper()
		st, err := e.db.JobCounts(ctx, maillage.JobNotify)
		if err != nil {
			t.Fatal(err)
		}
		return st.Pending + st.Done + st.Failed
	}
	corasNote, err := e.s.CreateNote(ctx, e.vc, maillage.NoteInput{Title: "Note de Cora", Body: "x", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	before := jobs()
	added, err := e.s.AddNoteToNotebook(ctx, e.vc, e.nb.ID, corasNote.ID, "Ressources")
	if err != nil || !added {
		t.Fatalf("contributor adds: %v %v", added, err)
	}
	if jobs() != before+1 {
		t.Errorf("adding a note enqueued %d notifications, want 1", jobs()-before)
	}
	// Adding again only changes the category (created by name) and tells nobody.
	added, err = e.s.AddNoteToNotebook(ctx, e.vc, e.nb.ID, corasNote.ID, "Lexique")
	if err != nil || added {
		t.Fatalf("second add: %v %v", added, err)
	}
	if jobs() != before+1 {
		t.Error("a second add notified again")
	}
	nb, err := e.s.Notebook(ctx, e.va, e.nb.ID)
	if err != nil || len(nb.Categories) != 2 {
		t.Fatalf("categories created by name: %+v %v", nb, err)
	}
	entries, _, err := e.s.NotebookNotes(ctx, e.va, e.nb.ID, service.NotebookNoteFilter{CategoryID: nb.Categories[1].ID})
	if err != nil || len(entries) != 1 || entries[0].Note.ID != corasNote.ID || entries[0].CategoryName != "Lexique" {
		t.Fatalf("filter by category: %+v %v", entries, err)
	}
	// A note the contributor may not see is absent, like an unknown one.
	for _, id := range []string{e.minute.ID, "absent"} {
		if _, err := e.s.AddNoteToNotebook(ctx, e.vc, e.nb.ID, id, ""); !maillage.IsNotFound(err) {
			t.Errorf("add invisible note %s: %v", id, err)
		}
	}
	// Someone without a role may not add; a visitor must sign in.
	if _, err := e.s.AddNoteToNotebook(ctx, e.vo, e.nb.ID, e.resource.ID, ""); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("outsider adds: %v", err)
	}
	if _, err := e.s.AddNoteToNotebook(ctx, maillage.Anonymous(), e.nb.ID, e.resource.ID, ""); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Errorf("visitor adds: %v", err)
	}
	if _, err := e.s.AddNoteToNotebook(ctx, e.vc, e.nb.ID, corasNote.ID, strings.Repeat("c", 81)); nbField(err, "category") != "field.too_long" {
		t.Errorf("long category: %v", err)
	}
	// Removing: the contributor may take out what they added, not others'
	// notes; a manager may take out anything.
	if err := e.s.RemoveNoteFromNotebook(ctx, e.vc, e.nb.ID, e.resource.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor removes a manager's note: %v", err)
	}
	if err := e.s.RemoveNoteFromNotebook(ctx, e.vc, e.nb.ID, e.minute.ID); !maillage.IsNotFound(err) {
		t.Errorf("contributor removes an invisible note: %v", err)
	}
	if err := e.s.RemoveNoteFromNotebook(ctx, e.vc, e.nb.ID, corasNote.ID); err != nil {
		t.Errorf("contributor removes their note: %v", err)
	}
	if err := e.s.RemoveNoteFromNotebook(ctx, e.va, e.nb.ID, e.summary.ID); err != nil {
		t.Errorf("manager removes: %v", err)
	}
	// Pins and moves are for managers.
	if err := e.s.PinNotebookNote(ctx, e.vc, e.nb.ID, e.resource.ID, true); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor pins: %v", err)
	}
	if err := e.s.PinNotebookNote(ctx, e.va, e.nb.ID, e.resource.ID, true); err != nil {
		t.Fatal(err)
	}
	entries, _, err = e.s.NotebookNotes(ctx, e.va, e.nb.ID, service.NotebookNoteFilter{})
	if err != nil || len(entries) != 2 || !entries[0].Pinned || entries[0].Note.ID != e.resource.ID {
		t.Errorf("pinned first: %+v %v", entries, err)
	}
	if err := e.s.MoveNotebookNote(ctx, e.vc, e.nb.ID, e.minute.ID, true); !maillage.IsNotFound(err) {
		t.Errorf("contributor moves an invisible note: %v", err)
	}
}

func TestNotebookEditsAndRoles(t *testing.T) {
	ctx := context.Background()
	e := newNBEnv(t)
	in := maillage.NotebookInput{Title: "Rencontre du 12 mars", Description: "Nouvelle", Visibility: "public",
		CommunityID: e.community.ID, Version: e.nb.Version}
	// A contributor sees the notebook but may not edit it.
	if _, err := e.s.UpdateNotebook(ctx, e.vc, e.nb.ID, in); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor edits: %v", err)
	}
	nb, err := e.s.UpdateNotebook(ctx, e.va, e.nb.ID, in)
	if err != nil || nb.Description != "Nouvelle" || nb.Version != e.nb.Version+1 {
		t.Fatalf("manager edits: %+v %v", nb, err)
	}
	// The edit that started from the old version is refused.
	if _, err := e.s.UpdateNotebook(ctx, e.va, e.nb.ID, in); maillage.AsError(err).MessageID != maillage.ErrEditConflict.MessageID {
		t.Errorf("stale edit: %v", err)
	}
	in.Version, in.Title = 0, strings.Repeat("t", maillage.MaxNotebookTitleLen+1)
	if _, err := e.s.UpdateNotebook(ctx, e.va, e.nb.ID, in); nbField(err, "title") != "field.too_long" {
		t.Errorf("long title: %v", err)
	}
	// Linking a community needs membership in it.
	if _, err := e.s.CreateNotebook(ctx, e.vc, maillage.NotebookInput{Title: "X", Visibility: "public", CommunityID: e.community.ID}); nbField(err, "community_id") == "" {
		t.Errorf("link to a community one is not in: %v", err)
	}
	if _, err := e.s.CreateNotebook(ctx, e.vc, maillage.NotebookInput{Title: "X", Visibility: "community"}); nbField(err, "community_id") == "" {
		t.Errorf("community visibility without a community: %v", err)
	}
	// The same title by the same person within minutes is the same notebook.
	again, err := e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "rencontre du 12 MARS", Visibility: "private"})
	if err != nil || again.ID != e.nb.ID {
		t.Errorf("duplicate create: %+v %v", again, err)
	}
	// A private notebook is absent for others, its contributors aside.
	priv, err := e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "Privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []maillage.Viewer{e.vb, e.vo, maillage.Anonymous(), {UserID: "admin-id", Admin: true}} {
		if _, err := e.s.Notebook(ctx, v, priv.ID); !maillage.IsNotFound(err) {
			t.Errorf("private notebook seen: %v", err)
		}
		if _, err := e.s.UpdateNotebook(ctx, v, priv.ID, maillage.NotebookInput{Title: "x", Visibility: "public"}); maillage.ErrorCode(err) != maillage.CodeNotFound &&
			maillage.ErrorCode(err) != maillage.CodeUnauthorized {
			t.Errorf("private notebook edited: %v", err)
		}
	}
	// Roles: the last manager can neither leave nor become a contributor.
	if err := e.s.RemoveNotebookMember(ctx, e.va, priv.ID, e.alice.ID); maillage.AsError(err).MessageID != "notebook.last_manager" {
		t.Errorf("last manager leaves: %v", err)
	}
	if _, err := e.s.AddNotebookMember(ctx, e.va, priv.ID, e.alice.ID, maillage.NotebookContributor); maillage.AsError(err).MessageID != "notebook.last_manager" {
		t.Errorf("last manager demoted: %v", err)
	}
	testutil.AddNotebookMember(t, e.s, e.va, priv.ID, e.bob.ID, maillage.NotebookManager)
	if _, err := e.s.AddNotebookMember(ctx, e.va, priv.ID, "absent", maillage.NotebookContributor); nbField(err, "user_id") == "" {
		t.Errorf("unknown person: %v", err)
	}
	if _, err := e.s.AddNotebookMember(ctx, e.va, priv.ID, e.olga.ID, "owner"); nbField(err, "role") == "" {
		t.Errorf("bad role: %v", err)
	}
	// Now bob manages it too and sees it; alice may step down.
	if _, err := e.s.Notebook(ctx, e.vb, priv.ID); err != nil {
		t.Errorf("new manager: %v", err)
	}
	if err := e.s.RemoveNotebookMember(ctx, e.va, priv.ID, e.alice.ID); err != nil {
		t.Errorf("a manager leaves when another remains: %v", err)
	}
	// A contributor may not manage roles, but may leave.
	if _, err := e.s.AddNotebookMember(ctx, e.vc, e.nb.ID, e.olga.ID, maillage.NotebookContributor); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor adds a member: %v", err)
	}
	if err := e.s.RemoveNotebookMember(ctx, e.vc, e.nb.ID, e.alice.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor removes a manager: %v", err)
	}
	if err := e.s.RemoveNotebookMember(ctx, e.vc, e.nb.ID, e.cora.ID); err != nil {
		t.Errorf("contributor leaves: %v", err)
	}
	// Categories are managed by managers.
	c, err := e.s.CreateNotebookCategory(ctx, e.va, e.nb.ID, "  Ressources  ")
	if err != nil || c.Name != "Ressources" {
		t.Fatalf("category: %+v %v", c, err)
	}
	if _, err := e.s.CreateNotebookCategory(ctx, e.va, e.nb.ID, "ressources"); maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Errorf("duplicate category: %v", err)
	}
	if _, err := e.s.CreateNotebookCategory(ctx, e.va, e.nb.ID, " "); nbField(err, "name") != "field.required" {
		t.Errorf("empty category: %v", err)
	}
	if _, err := e.s.CreateNotebookCategory(ctx, e.vb, e.nb.ID, "x"); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("member creates a category: %v", err)
	}
	if err := e.s.SetNotebookNoteCategory(ctx, e.va, e.nb.ID, e.resource.ID, "other"); nbField(err, "category_id") == "" {
		t.Errorf("category of another notebook: %v", err)
	}
	if err := e.s.SetNotebookNoteCategory(ctx, e.va, e.nb.ID, e.resource.ID, c.ID); err != nil {
		t.Error(err)
	}
	// Deleting the notebook leaves its notes.
	if err := e.s.DeleteNotebook(ctx, e.vc, e.nb.ID); maillage.ErrorCode(err) != maillage.CodeNotFound && maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("non-manager deletes: %v", err)
	}
	if err := e.s.DeleteNotebook(ctx, e.va, e.nb.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Notebook(ctx, e.va, e.nb.ID); !maillage.IsNotFound(err) {
		t.Errorf("deleted notebook: %v", err)
	}
	if _, err := e.s.Note(ctx, e.va, e.resource.ID); err != nil {
		t.Errorf("the notes stay: %v", err)
	}
}

func TestNotebookCover(t *testing.T) {
	ctx := context.Background()
	e := newNBEnv(t)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	if err := e.s.SetNotebookCover(ctx, e.vc, e.nb.ID, "c.png", bytes.NewReader(img.Bytes())); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor sets the cover: %v", err)
	}
	// Not an image (whatever its name), or too big: a field error, nothing kept.
	if err := e.s.SetNotebookCover(ctx, e.va, e.nb.ID, "c.png", strings.NewReader("%PDF-1.4\n...")); nbField(err, "cover") != "notebook.cover_type" {
		t.Errorf("pdf cover: %v", err)
	}
	if err := e.s.SetNotebookCover(ctx, e.va, e.nb.ID, "c.svg", strings.NewReader(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)); nbField(err, "cover") != "notebook.cover_type" {
		t.Errorf("svg cover: %v", err)
	}
	big := append(append([]byte(nil), img.Bytes()...), make([]byte, 11<<20)...)
	if err := e.s.SetNotebookCover(ctx, e.va, e.nb.ID, "c.png", bytes.NewReader(big)); maillage.ErrorCode(err) != maillage.CodeTooLarge || nbField(err, "cover") == "" {
		t.Errorf("big cover: %v", err)
	}
	if _, _, err := e.s.NotebookCover(ctx, maillage.Anonymous(), e.nb.ID); !maillage.IsNotFound(err) {
		t.Errorf("cover before upload: %v", err)
	}
	if err := e.s.SetNotebookCover(ctx, e.va, e.nb.ID, "c.png", bytes.NewReader(img.Bytes())); err != nil {
		t.Fatal(err)
	}
	f, mime, err := e.s.NotebookCover(ctx, maillage.Anonymous(), e.nb.ID)
	if err != nil || mime != "image/png" || f.Size() != int64(img.Len()) {
		t.Fatalf("cover: %s %v", mime, err)
	}
	f.Close()
	// The cover has the notebook's visibility.
	priv, err := e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "Privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.s.SetNotebookCover(ctx, e.va, priv.ID, "c.png", bytes.NewReader(img.Bytes())); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.s.NotebookCover(ctx, e.vo, priv.ID); !maillage.IsNotFound(err) {
		t.Errorf("private cover: %v", err)
	}
	if err := e.s.RemoveNotebookCover(ctx, e.va, priv.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.s.NotebookCover(ctx, e.va, priv.ID); !maillage.IsNotFound(err) {
		t.Errorf("removed cover: %v", err)
	}
}

func TestKnowledgeBaseShowsVisibleNotebooks(t *testing.T) {
	ctx := context.Background()
	e := newNBEnv(t)
	priv, err := e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "Carnet privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	comm, err := e.s.CreateNotebook(ctx, e.va, maillage.NotebookInput{Title: "Carnet du cercle", Visibility: "community", CommunityID: e.community.ID})
	if err != nil {
		t.Fatal(err)
	}
	kb, err := e.s.CreateKnowledgeBase(ctx, e.va, maillage.NotebookInput{Title: "Héritage de la CdP", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	for _, nb := range []*maillage.Notebook{e.nb, priv, comm, e.nb} {
		if _, err := e.s.AddNotebookToKnowledgeBase(ctx, e.va, kb.ID, nb.ID); err != nil {
			t.Fatal(err)
		}
	}
	all := []*maillage.Notebook{e.nb, priv, comm}
	for name, v := range e.viewers {
		var want []string
		for _, nb := range all {
			full, err := e.db.Notebook(ctx, nb.ID)
			if err != nil {
				t.Fatal(err)
			}
			if maillage.CanViewContent(v, full.Access()) {
				want = append(want, nb.ID)
			}
		}
		list, err := e.s.KnowledgeBaseNotebooks(ctx, v, kb.ID)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(list) != len(want) {
			t.Errorf("%s: knowledge base shows %d notebooks, policy allows %d", name, len(list), len(want))
		}
		for i := range list {
			if i < len(want) && list[i].ID != want[i] {
				t.Errorf("%s: order %v, want %v", name, list, want)
			}
		}
	}
	// An outsider may not add to it, nor add a notebook they cannot see.
	if _, err := e.s.AddNotebookToKnowledgeBase(ctx, e.vo, kb.ID, e.nb.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("outsider adds: %v", err)
	}
	testutil.AddKnowledgeBaseMember(t, e.s, e.va, kb.ID, e.olga.ID, maillage.NotebookContributor)
	if _, err := e.s.AddNotebookToKnowledgeBase(ctx, e.vo, kb.ID, priv.ID); !maillage.IsNotFound(err) {
		t.Errorf("contributor adds a notebook they cannot see: %v", err)
	}
	// Moving skips notebooks the mover cannot see; only managers move.
	if err := e.s.MoveKnowledgeBaseNotebook(ctx, e.vo, kb.ID, e.nb.ID, false); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor moves: %v", err)
	}
	if err := e.s.MoveKnowledgeBaseNotebook(ctx, e.va, kb.ID, comm.ID, true); err != nil {
		t.Fatal(err)
	}
	list, err := e.s.KnowledgeBaseNotebooks(ctx, e.va, kb.ID)
	if err != nil || len(list) != 3 || list[1].ID != comm.ID {
		t.Errorf("after move: %+v %v", list, err)
	}
	// Private knowledge bases are absent to others; lists agree.
	pkb, err := e.s.CreateKnowledgeBase(ctx, e.va, maillage.NotebookInput{Title: "Base privée", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.KnowledgeBase(ctx, e.vb, pkb.ID); !maillage.IsNotFound(err) {
		t.Errorf("private knowledge base: %v", err)
	}
	_, total, err := e.s.KnowledgeBases(ctx, e.vb, service.KnowledgeBaseFilter{})
	if err != nil || total != 1 {
		t.Errorf("bob lists %d knowledge bases: %v", total, err)
	}
	if _, err := e.s.UpdateKnowledgeBase(ctx, e.vo, kb.ID, maillage.NotebookInput{Title: "x", Visibility: "public"}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("contributor edits the knowledge base: %v", err)
	}
	if err := e.s.RemoveNotebookFromKnowledgeBase(ctx, e.va, kb.ID, priv.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.s.DeleteKnowledgeBase(ctx, e.va, kb.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Notebook(ctx, e.va, priv.ID); err != nil {
		t.Errorf("notebooks outlive their knowledge base: %v", err)
	}
}
