package app_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// The content half of the visibility leak test: notes of every
// visibility with backlinks and attachments, notebooks mixing them,
// knowledge bases, discussion threads (some hidden by moderation),
// conversations, feeds and the notifications all of this causes. For every
// viewer it checks pages, API resources, lists, counts, feeds and
// notifications against the policy, and searches every body for the names
// of what the viewer may not see.

type contentWorld struct {
	*world
	target        *maillage.Note // a public note every other note links to
	notes         []*maillage.Note
	attachments   map[string]string // note ID -> attachment URL path
	notebooks     []*maillage.Notebook
	notebookNotes map[string][]string // notebook ID -> note IDs in it
	kb            *maillage.KnowledgeBase
	threads       []*maillage.Thread
	convs         []conversation
}

type conversation struct {
	id, subject  string
	participants []string
}

func TestContentVisibilityLeaks(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			w := buildContentWorld(t, seed)
			for _, v := range w.viewers {
				t.Run(v.name, func(t *testing.T) { w.checkContent(t, v) })
			}
		})
	}
}

// tinyPNG is a valid one-pixel image for attachments.
func tinyPNG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func buildContentWorld(t *testing.T, seed uint64) *contentWorld {
	ctx := context.Background()
	w := &contentWorld{world: buildWorld(t, seed), attachments: map[string]string{}, notebookNotes: map[string][]string{}}
	s := w.m.Service
	r := rand.New(rand.NewPCG(seed, 7))
	viewer := func(u *maillage.User) maillage.Viewer { return testutil.ViewerOf(t, s, u.ID) }
	people := w.users[:len(w.users)-1] // the last one is the administrator
	memberOf := func(u *maillage.User) []*maillage.Community {
		var out []*maillage.Community
		for _, c := range w.communities {
			if viewer(u).IsMember(c.ID) {
				out = append(out, c)
			}
		}
		return out
	}

	var err error
	w.target, err = s.CreateNote(ctx, viewer(people[0]), maillage.NoteInput{Title: fmt.Sprintf("Cible%d", seed),
		Body: "Une note publique vers laquelle tout pointe.", Kind: "general", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 9; i++ {
		author := people[r.IntN(len(people))]
		in := maillage.NoteInput{Title: fmt.Sprintf("Note%dx%d", seed, i), Kind: "general",
			// Every note links to the public target, so its backlinks list
			// notes of every visibility. (Bodies never name other notes:
			// an author's own words are not a leak.)
			Body:       fmt.Sprintf("Voir [[Cible%d]].", seed),
			Visibility: []string{"public", "community", "private"}[i%3]}
		if in.Visibility == "community" {
			if cs := memberOf(author); len(cs) > 0 {
				in.CommunityID = cs[r.IntN(len(cs))].ID
			} else {
				in.Visibility = "private"
			}
		}
		if r.IntN(2) == 0 { // a co-author
			in.AuthorIDs = []string{people[r.IntN(len(people))].ID}
		}
		n, err := s.CreateNote(ctx, viewer(author), in)
		if err != nil {
			t.Fatalf("note %s: %v", in.Title, err)
		}
		if len(in.AuthorIDs) > 0 && in.AuthorIDs[0] != author.ID { // the co-author invited accepts
			testutil.AcceptNote(t, s, n.ID, in.AuthorIDs...)
			if n, err = s.Note(ctx, viewer(author), n.ID); err != nil {
				t.Fatal(err)
			}
		}
		a, err := s.UploadAttachment(ctx, viewer(author), n.ID, fmt.Sprintf("Fichier%dx%d.png", seed, i), bytes.NewReader(tinyPNG(t)))
		if err != nil {
			t.Fatalf("attachment: %v", err)
		}
		w.attachments[n.ID] = fmt.Sprintf("/notes/%s/files/%s/%s", n.ID, a.ID, a.Name)
		w.notes = append(w.notes, n)
	}

	for i, vis := range []string{"public", "community", "private"} {
		creator := people[r.IntN(len(people))]
		in := maillage.NotebookInput{Title: fmt.Sprintf("Carnet%dx%d", seed, i), Visibility: vis}
		if vis == "community" {
			cs := memberOf(creator)
			if len(cs) == 0 {
				in.Visibility = "private"
			} else {
				in.CommunityID = cs[0].ID
			}
		}
		nb, err := s.CreateNotebook(ctx, viewer(creator), in)
		if err != nil {
			t.Fatal(err)
		}
		// The creator adds every note they may see; the notebook shows each
		// viewer only those the viewer may see.
		for _, n := range append([]*maillage.Note{w.target}, w.notes...) {
			if maillage.CanViewContent(viewer(creator), n.Access()) {
				if _, err := s.AddNoteToNotebook(ctx, viewer(creator), nb.ID, n.ID, fmt.Sprintf("Rubrique%d", i)); err != nil {
					t.Fatal(err)
				}
				w.notebookNotes[nb.ID] = append(w.notebookNotes[nb.ID], n.ID)
			}
		}
		if nb, err = s.Notebook(ctx, viewer(creator), nb.ID); err != nil {
			t.Fatal(err)
		}
		w.notebooks = append(w.notebooks, nb)
	}
	kbOwner := people[0]
	w.kb, err = s.CreateKnowledgeBase(ctx, viewer(kbOwner), maillage.NotebookInput{Title: fmt.Sprintf("Base%d", seed), Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	for _, nb := range w.notebooks {
		if maillage.CanViewContent(viewer(kbOwner), nb.Access()) {
			if _, err := s.AddNotebookToKnowledgeBase(ctx, viewer(kbOwner), w.kb.ID, nb.ID); err != nil {
				t.Fatal(err)
			}
		}
	}

	for i, c := range w.communities {
		author := people[0]
		for _, p := range people {
			if viewer(p).IsManager(c.ID) {
				author = p
				break
			}
		}
		th, err := s.CreateThread(ctx, viewer(author), c.ID, maillage.ThreadInput{Title: fmt.Sprintf("Fil%dx%d", seed, i),
			// The label is the writer's; the reader sees the person's name
			// only if they may see the profile.
			Body: fmt.Sprintf("Bonjour @[collègue](user:%s)", people[1].ID)})
		if err != nil {
			t.Fatalf("thread in %s: %v", c.Name, err)
		}
		if i%2 == 1 { // hidden by moderation: its author and the managers only
			if th, err = s.ModerateThread(ctx, viewer(author), th.ID, service.ThreadFlag("hidden"), true); err != nil {
				t.Fatal(err)
			}
		}
		w.threads = append(w.threads, th)
	}

	// People who chose not to be contacted cannot be written to.
	var reachable []*maillage.User
	for _, p := range people {
		if p.Contact != maillage.ContactNone {
			reachable = append(reachable, p)
		}
	}
	var groups [][]*maillage.User
	if len(reachable) >= 2 {
		groups = append(groups, reachable[:2])
	}
	if len(reachable) >= 5 {
		groups = append(groups, reachable[2:5])
	}
	for i, group := range groups {
		var ids []string
		for _, p := range group[1:] {
			ids = append(ids, p.ID)
		}
		subject := fmt.Sprintf("Conversation%dx%d", seed, i)
		c, err := s.StartConversation(ctx, viewer(group[0]), service.ConversationInput{ParticipantIDs: ids, Subject: subject, Body: "Bonjour"})
		if err != nil {
			t.Fatalf("conversation: %v", err)
		}
		var all []string
		for _, p := range group {
			all = append(all, p.ID)
		}
		w.convs = append(w.convs, conversation{id: c.ID, subject: subject, participants: all})
	}
	// Notifications come from jobs: run them all.
	if err := w.m.Worker.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	// Viewers' roles may have changed; reload the policy view of each.
	for i := range w.viewers {
		if id := w.viewers[i].policy.UserID; id != "" {
			w.viewers[i].policy = testutil.ViewerOf(t, s, id)
		}
	}
	return w
}

func (w *contentWorld) allNotes() []*maillage.Note {
	return append([]*maillage.Note{w.target}, w.notes...)
}

func (w *contentWorld) checkContent(t *testing.T, v leakViewer) {
	var hidden []string
	bodies := map[string]string{} // what was fetched -> its body
	// People the viewer may not see stay nameless as authors, reactors,
	// participants and mentions too.
	for _, u := range w.users {
		if !maillage.CanViewProfile(v.policy, u.Access()) {
			hidden = append(hidden, u.Name)
		}
	}
	seeNote := map[string]bool{}
	var visibleNotes []string
	_, _, absentNote := w.call(t, v, "/api/v1/notes/01abcdefghjkmnpqrstvwxyz00")
	const absentPath = "/notes/01abcdefghjkmnpqrstvwxyz00/files/01abcdefghjkmnpqrstvwxyz01/x.png"
	_, absentFile := w.page(t, v, absentPath)
	for _, n := range w.allNotes() {
		see := maillage.CanViewContent(v.policy, n.Access())
		seeNote[n.ID] = see
		if see {
			visibleNotes = append(visibleNotes, n.ID)
		} else {
			hidden = append(hidden, n.Title)
		}
		code, page := w.page(t, v, "/notes/"+n.ID)
		if code != status(see) {
			t.Errorf("note page %s (%s): %d, policy says %v", n.Title, n.Visibility, code, see)
		}
		code, _, raw := w.call(t, v, "/api/v1/notes/"+n.ID)
		if code != status(see) {
			t.Errorf("note API %s: %d, policy says %v", n.Title, code, see)
		}
		if !see && raw != absentNote {
			t.Errorf("invisible note answers %s, absent one %s", raw, absentNote)
		}
		if see {
			bodies["note "+n.Title] = page
			bodies["note API "+n.Title] = raw
		}
		if path, ok := w.attachments[n.ID]; ok {
			code, body := w.page(t, v, path)
			if code != status(see) {
				t.Errorf("attachment of %s: %d, policy says %v", n.Title, code, see)
			}
			// The page names its own address (language links): compare without it.
			if !see && strings.ReplaceAll(body, path, absentPath) != absentFile {
				t.Errorf("invisible attachment of %s answers unlike an absent one", n.Title)
			}
		}
	}
	w.checkList(t, v, "/api/v1/notes?limit=100", visibleNotes)

	seeNotebook := map[string]bool{}
	var visibleNotebooks []string
	for _, nb := range w.notebooks {
		see := maillage.CanViewContent(v.policy, nb.Access())
		seeNotebook[nb.ID] = see
		if !see {
			hidden = append(hidden, nb.Title)
		} else {
			visibleNotebooks = append(visibleNotebooks, nb.ID)
		}
		code, page := w.page(t, v, "/notebooks/"+nb.ID)
		if code != status(see) {
			t.Errorf("notebook page %s (%s): %d, policy says %v", nb.Title, nb.Visibility, code, see)
		}
		code, body, raw := w.call(t, v, "/api/v1/notebooks/"+nb.ID)
		if code != status(see) {
			t.Errorf("notebook API %s: %d, policy says %v", nb.Title, code, see)
		}
		if see {
			bodies["notebook "+nb.Title] = page
			bodies["notebook API "+nb.Title] = raw
			var want []string
			for _, id := range w.notebookNotes[nb.ID] {
				if seeNote[id] {
					want = append(want, id)
				}
			}
			items, _ := body["notes"].([]any)
			var got []string
			for _, it := range items {
				if m, ok := it.(map[string]any); ok {
					got = append(got, fmt.Sprint(m["id"]))
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("notebook %s lists %v, policy allows %v", nb.Title, got, want)
			}
		}
		// Feeds are for public notebooks and carry public notes only.
		code, feed := w.page(t, v, "/notebooks/"+nb.ID+"/feed.atom")
		bodies["feed of "+nb.Title] = feed
		if code != status(nb.Visibility == maillage.VisibilityPublic) {
			t.Errorf("feed of %s notebook %s: %d", nb.Visibility, nb.Title, code)
		}
		for _, n := range w.allNotes() {
			if n.Visibility != maillage.VisibilityPublic && strings.Contains(feed, n.Title) {
				t.Errorf("feed of %s carries %s note %s", nb.Title, n.Visibility, n.Title)
			}
		}
	}
	w.checkList(t, v, "/api/v1/notebooks?limit=100", visibleNotebooks)

	code, kbBody, kbRaw := w.call(t, v, "/api/v1/knowledge-bases/"+w.kb.ID)
	if code != http.StatusOK {
		t.Fatalf("public knowledge base: %d", code)
	}
	kbItems, _ := kbBody["notebooks"].([]any)
	for _, it := range kbItems {
		if m, ok := it.(map[string]any); ok && !seeNotebook[fmt.Sprint(m["id"])] {
			t.Errorf("knowledge base lists invisible notebook %v", m["title"])
		}
	}
	_, kbPage := w.page(t, v, "/knowledge-bases/"+w.kb.ID)
	bodies["knowledge base API"], bodies["knowledge base"] = kbRaw, kbPage

	community := map[string]*maillage.Community{}
	for _, c := range w.communities {
		community[c.ID] = c
	}
	seeThread := map[string]bool{}
	for _, th := range w.threads {
		c := community[th.CommunityID]
		see := maillage.CanViewThread(v.policy, maillage.ThreadAccess{Community: c.Access(), AuthorID: th.AuthorID, Hidden: th.Hidden})
		seeThread[th.ID] = see
		if !see {
			hidden = append(hidden, th.Title)
		}
		code, threadPage := w.page(t, v, "/threads/"+th.ID)
		if see {
			bodies["thread "+th.Title] = threadPage
		}
		if code != status(see) {
			t.Errorf("thread %s (hidden %v, %s): %d, policy says %v", th.Title, th.Hidden, c.Visibility, code, see)
		}
		if code, _, _ := w.call(t, v, "/api/v1/threads/"+th.ID); code != status(see) {
			t.Errorf("thread API %s: %d, policy says %v", th.Title, code, see)
		}
		if maillage.CanSeeCommunity(v.policy, c.Access()) {
			_, page := w.page(t, v, "/communities/"+c.ID)
			bodies["community "+c.Name] = page
		}
		code, feed := w.page(t, v, "/communities/"+c.ID+"/feed.atom")
		bodies["feed of "+c.Name] = feed
		if code != status(c.Visibility == maillage.VisibilityPublic) {
			t.Errorf("feed of %s community %s: %d", c.Visibility, c.Name, code)
		}
		if th.Hidden && strings.Contains(feed, th.Title) {
			t.Errorf("community feed carries hidden thread %s", th.Title)
		}
	}

	for _, c := range w.convs {
		see := maillage.CanViewConversation(v.policy, c.participants)
		if !see {
			hidden = append(hidden, c.subject)
		}
		if code, _ := w.page(t, v, "/messages/"+c.id); code != status(see) && !(code == http.StatusSeeOther && !v.policy.SignedIn()) {
			t.Errorf("conversation %s page: %d, policy says %v", c.subject, code, see)
		}
		if code, _, _ := w.call(t, v, "/api/v1/conversations/"+c.id); code != status(see) && !(code == http.StatusUnauthorized && !v.policy.SignedIn()) {
			t.Errorf("conversation %s API: %d, policy says %v", c.subject, code, see)
		}
	}

	if v.policy.SignedIn() {
		code, body, raw := w.call(t, v, "/api/v1/notifications")
		if code != http.StatusOK {
			t.Fatalf("notifications: %d %s", code, raw)
		}
		list, _ := body["notifications"].([]any)
		for _, it := range list {
			m, _ := it.(map[string]any)
			subject, _ := m["subject"].(map[string]any)
			id, typ := fmt.Sprint(subject["id"]), fmt.Sprint(subject["type"])
			switch {
			case typ == "note" && !seeNote[id]:
				t.Errorf("notification about invisible note %v", subject["title"])
			case typ == "thread" && !seeThread[id]:
				t.Errorf("notification about invisible thread %v", subject["title"])
			}
		}
		_, page := w.page(t, v, "/notifications")
		bodies["notifications API"], bodies["notifications"] = raw, page
		_, msgs := w.page(t, v, "/messages")
		bodies["messages"] = msgs
	}
	for _, p := range []string{"/notes", "/notebooks", "/knowledge-bases", "/notes/suggest?q=note"} {
		code, body := w.page(t, v, p)
		if code != http.StatusOK {
			t.Errorf("page %s: %d", p, code)
		}
		bodies[p] = body
	}
	for where, b := range bodies {
		for _, name := range hidden {
			if strings.Contains(b, name) {
				t.Errorf("%q leaked to %s on %s", name, v.name, where)
			}
		}
	}
}
