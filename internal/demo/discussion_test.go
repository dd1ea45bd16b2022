package demo

import (
	"context"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// testCommunityOfPracticeDiscussion: the private community has its twenty
// members and lively threads, which outsiders cannot read.
func testCommunityOfPracticeDiscussion(t *testing.T, w *world) {
	ctx := context.Background()
	demo := w.as(t, DemoEmail)
	cdp := findCommunity(t, w.s, demo, cdpName)
	if _, total, err := w.s.Members(ctx, demo, cdp.ID, service.Page{Limit: 100}); err != nil || total != 20 {
		t.Errorf("community of practice: %d members, want 20 (%v)", total, err)
	}
	ts, total, err := w.s.Threads(ctx, demo, cdp.ID, service.Page{Limit: 100})
	if err != nil || total != 6 || len(ts) != total {
		t.Fatalf("community of practice: %d threads, want 6 (%v)", total, err)
	}
	aminaID := w.byName(t, "Amina Benali").UserID
	var nested, shared, mention bool
	var ids []string
	for _, th := range ts {
		ids = append(ids, th.ID)
		if th.Replies < 2 || th.Replies > 6 {
			t.Errorf("%q has %d replies, want 2 to 6", th.Title, th.Replies)
		}
		shared = shared || (th.NoteID != "" && th.Title == "Liste de vérification — cybersécurité de base")
		mention = mention || strings.Contains(th.Body, "(user:"+aminaID+")")
		replies, _, err := w.s.Replies(ctx, demo, th.ID, service.Page{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range replies {
			nested = nested || r.ParentID != ""
		}
	}
	if !nested || !shared || !mention {
		t.Errorf("discussion lacks a nested reply (%v), a shared note (%v) or a mention (%v)", nested, shared, mention)
	}
	counts, err := w.s.ReactionCounts(ctx, demo, maillage.SubjectThread, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) < len(ids)-1 {
		t.Errorf("reactions on %d of %d threads", len(counts), len(ids))
	}
	for name, v := range map[string]maillage.Viewer{"a visitor": maillage.Anonymous(), "a non-member": w.as(t, "thomas.ouellet@exemple.org")} {
		if _, _, err := w.s.Threads(ctx, v, cdp.ID, service.Page{}); maillage.ErrorCode(err) != maillage.CodeForbidden {
			t.Errorf("%s reads the discussion of the community of practice: %v", name, err)
		}
		if _, err := w.s.Thread(ctx, v, ts[0].ID); !maillage.IsNotFound(err) {
			t.Errorf("%s opens a thread of the community of practice: %v", name, err)
		}
	}
}

// testThematicCommunity: « Numériques et données » has a few hundred
// members and a pinned welcome thread answered by some of them.
func testThematicCommunity(t *testing.T, w *world) {
	ctx := context.Background()
	anon := maillage.Anonymous()
	c := findCommunity(t, w.s, anon, publicCommunityName)
	if c.MemberCount < 250 {
		t.Errorf("%s has %d members, want at least 250", c.Name, c.MemberCount)
	}
	ts, _, err := w.s.Threads(ctx, anon, c.ID, service.Page{Limit: 100})
	if err != nil || len(ts) == 0 {
		t.Fatalf("threads: %d (%v)", len(ts), err)
	}
	if !ts[0].Pinned || !strings.HasPrefix(ts[0].Title, "Bienvenue") || ts[0].Replies != 5 {
		t.Errorf("first thread: %+v", ts[0].Thread)
	}
	gen := generatedPeople()
	for _, p := range []generatedPerson{gen[0], gen[len(gen)-1]} {
		if !strings.HasSuffix(p.email, ".exemple.org") && !strings.HasSuffix(p.email, "@exemple.org") {
			t.Errorf("generated email %q", p.email)
		}
		if v := w.as(t, p.email); !v.IsMember(c.ID) || v.IsMember(findCommunity(t, w.s, anon, "Sécurité alimentaire").ID) {
			t.Errorf("%s: roles %v", p.name(), v.Roles)
		}
		if u, err := w.s.Profile(ctx, anon, w.userID(t, p.email)); !maillage.IsNotFound(err) {
			t.Errorf("%s has a public profile: %+v (%v)", p.name(), u, err)
		}
	}
}

// testConversations: the demo person has a conversation with one person
// and a group conversation.
func testConversations(t *testing.T, w *world) {
	ctx := context.Background()
	demo := w.as(t, DemoEmail)
	list, total, err := w.s.Conversations(ctx, demo, service.ConversationFilter{Page: service.Page{Limit: 10}})
	if err != nil || total != 2 {
		t.Fatalf("conversations: %d (%v)", total, err)
	}
	sizes := map[int]bool{}
	for _, c := range list {
		sizes[len(c.Participants)] = true
		msgs, n, err := w.s.ConversationMessages(ctx, demo, c.ID, service.Page{Limit: 50})
		if err != nil || n < 4 || len(msgs) != n {
			t.Errorf("%q: %d messages (%v)", c.Subject, n, err)
		}
	}
	if !sizes[2] || !sizes[4] {
		t.Errorf("want a conversation of two and one of four: %v", sizes)
	}
	outsider := w.as(t, "thomas.ouellet@exemple.org")
	if _, err := w.s.Conversation(ctx, outsider, list[0].ID); !maillage.IsNotFound(err) {
		t.Errorf("an outsider opens a conversation: %v", err)
	}
}
