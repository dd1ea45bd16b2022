package service_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// eventLog collects the notification events a test's changes enqueued,
// by running the queue with a handler that records them.
type eventLog struct {
	mu     sync.Mutex
	events []maillage.Event
}

func (l *eventLog) drain(t *testing.T, db *store.DB, extra map[string]jobs.Handler) []maillage.Event {
	t.Helper()
	handlers := map[string]jobs.Handler{
		maillage.JobNotify: func(_ context.Context, p json.RawMessage) error {
			var ev maillage.Event
			if err := json.Unmarshal(p, &ev); err != nil {
				return err
			}
			l.mu.Lock()
			l.events = append(l.events, ev)
			l.mu.Unlock()
			return nil
		},
		service.JobLinkPreviews: func(context.Context, json.RawMessage) error { return nil },
	}
	for k, h := range extra {
		handlers[k] = h
	}
	w := &jobs.Worker{DB: db, Handlers: handlers}
	if err := w.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.events
	l.events = nil
	return out
}

func eventsOf(evs []maillage.Event, kind maillage.EventKind) []maillage.Event {
	var out []maillage.Event
	for _, e := range evs {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// discussion is a community with a manager, a member and an outsider.
type discussion struct {
	s                *service.Service
	db               *store.DB
	c                *maillage.Community
	mgr, mem, out    *maillage.User
	vMgr, vMem, vOut maillage.Viewer
	log              eventLog
}

func newDiscussion(t *testing.T, visibility string) *discussion {
	t.Helper()
	ctx := context.Background()
	d := &discussion{}
	d.s, d.db = testutil.Service(t)
	d.mgr, d.vMgr = testutil.User(t, d.s, "Responsable", "mgr@exemple.org")
	d.mem, d.vMem = testutil.User(t, d.s, "Membre", "mem@exemple.org")
	d.out, d.vOut = testutil.User(t, d.s, "Dehors", "out@exemple.org")
	c, err := d.s.CreateCommunity(ctx, d.vMgr, maillage.CommunityInput{Name: "Transition numérique", Visibility: visibility})
	if err != nil {
		t.Fatal(err)
	}
	d.c = c
	d.vMgr = testutil.ViewerOf(t, d.s, d.mgr.ID)
	testutil.AddMember(t, d.s, d.vMgr, c.ID, d.mem.ID, maillage.RoleMember)
	d.vMem = testutil.ViewerOf(t, d.s, d.mem.ID)
	d.log.drain(t, d.db, nil)
	return d
}

func TestThreadPostingRules(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	in := maillage.ThreadInput{Title: "Outils libres", Body: "Que pensez-vous de **Nextcloud** ?"}
	if _, err := d.s.CreateThread(ctx, maillage.Anonymous(), d.c.ID, in); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("visitor posted: %v", err)
	}
	if _, err := d.s.CreateThread(ctx, d.vOut, d.c.ID, in); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a reader who is not a member posted: %v", err)
	}
	// Empty and huge posts are field errors; nothing is saved.
	_, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: " ", Body: strings.Repeat("é", maillage.MaxPostBodyLen+1)})
	if e := maillage.AsError(err); e.Code != maillage.CodeInvalid || len(e.Fields) != 2 {
		t.Fatalf("bad thread: %v", err)
	}
	th, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	// The same submission again within two minutes is the same thread.
	again, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, in)
	if err != nil || again.ID != th.ID {
		t.Fatalf("duplicate submission made a second thread: %v %v", again, err)
	}
	list, total, err := d.s.Threads(ctx, maillage.Anonymous(), d.c.ID, service.Page{})
	if err != nil || total != 1 || len(list) != 1 {
		t.Fatalf("threads: %d %v", total, err)
	}
	evs := eventsOf(d.log.drain(t, d.db, nil), maillage.EventThreadCreated)
	if len(evs) != 1 || !evs[0].AllMembers || evs[0].CommunityID != d.c.ID || evs[0].SubjectID != th.ID || evs[0].ActorID != d.mem.ID {
		t.Fatalf("thread event: %+v", evs)
	}
}

func TestRepliesNestingEditDeleteLock(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	th, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: "Rencontre", Body: "Quand ?"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.s.CreateReply(ctx, d.vMgr, th.ID, maillage.ReplyInput{Body: "Jeudi"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := d.s.CreateReply(ctx, d.vMem, th.ID, maillage.ReplyInput{Body: "Parfait", ParentID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	// An answer to an answer joins the same top-level reply.
	c, err := d.s.CreateReply(ctx, d.vMgr, th.ID, maillage.ReplyInput{Body: "Merci", ParentID: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	if b.ParentID != a.ID || c.ParentID != a.ID {
		t.Fatalf("nesting: b→%s c→%s, want %s", b.ParentID, c.ParentID, a.ID)
	}
	if _, err := d.s.CreateReply(ctx, d.vMem, th.ID, maillage.ReplyInput{Body: "x", ParentID: "inconnu"}); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("reply to an unknown parent: %v", err)
	}
	// The thread's author and the earlier repliers hear of a reply, never its writer.
	evs := eventsOf(d.log.drain(t, d.db, nil), maillage.EventReplyCreated)
	told := map[string][]string{}
	for _, e := range evs {
		if e.ParentID != th.ID {
			t.Fatalf("reply event names no thread: %+v", e)
		}
		told[e.SubjectID] = e.RecipientIDs
	}
	if len(evs) != 3 || !slices.Equal(told[a.ID], []string{d.mem.ID}) || !slices.Equal(told[b.ID], []string{d.mgr.ID}) ||
		!slices.Equal(told[c.ID], []string{d.mem.ID}) {
		t.Fatalf("reply events: %+v", evs)
	}

	// Others may not edit; the author's edit is marked.
	if _, err := d.s.UpdateReply(ctx, d.vOut, a.ID, maillage.ReplyInput{Body: "Vendredi"}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("outsider edited: %v", err)
	}
	if _, err := d.s.UpdateReply(ctx, d.vMgr, a.ID, maillage.ReplyInput{Body: "Jeudi 14 h"}); err != nil {
		t.Fatal(err)
	}
	page, err := d.s.ThreadPage(ctx, d.vMem, th.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Replies) != 1 || len(page.Replies[0].Answers) != 2 || page.Replies[0].EditedAt == nil || page.Replies[0].Answers[0].EditedAt != nil {
		t.Fatalf("thread page: %+v", page.Replies)
	}
	if !strings.Contains(string(page.Replies[0].HTML), "Jeudi 14 h") {
		t.Fatalf("edited text not shown: %s", page.Replies[0].HTML)
	}

	// Deleting a reply with answers leaves a tombstone holding them.
	tomb, err := d.s.DeleteReply(ctx, d.vMgr, a.ID)
	if err != nil || !tomb {
		t.Fatalf("delete: %v %v", tomb, err)
	}
	page, err = d.s.ThreadPage(ctx, maillage.Anonymous(), th.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Replies) != 1 || !page.Replies[0].Deleted() || page.Replies[0].HTML != "" || len(page.Replies[0].Answers) != 2 {
		t.Fatalf("tombstone: %+v", page.Replies)
	}
	if _, err := d.s.UpdateReply(ctx, d.vMgr, a.ID, maillage.ReplyInput{Body: "Revenu"}); !maillage.IsNotFound(err) {
		t.Fatalf("a tombstone was edited: %v", err)
	}

	// A locked thread takes no reply, from anyone.
	if _, err := d.s.ModerateThread(ctx, d.vMem, th.ID, service.ThreadLocked, true); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member locked: %v", err)
	}
	if _, err := d.s.ModerateThread(ctx, d.vMgr, th.ID, service.ThreadLocked, true); err != nil {
		t.Fatal(err)
	}
	for _, v := range []maillage.Viewer{d.vMem, d.vMgr} {
		if _, err := d.s.CreateReply(ctx, v, th.ID, maillage.ReplyInput{Body: "Encore"}); maillage.AsError(err).MessageID != "discussion.locked" {
			t.Fatalf("reply to a locked thread: %v", err)
		}
	}
	// The thread and its edits: marked too.
	up, err := d.s.UpdateThread(ctx, d.vMem, th.ID, maillage.ThreadInput{Title: "Rencontre de juin", Body: "Quand ?"})
	if err != nil || up.EditedAt == nil || up.Version != 2 {
		t.Fatalf("thread edit: %+v %v", up, err)
	}
	if err := d.s.DeleteThread(ctx, d.vOut, th.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("outsider deleted: %v", err)
	}
	if err := d.s.DeleteThread(ctx, d.vMem, th.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.Thread(ctx, d.vMem, th.ID); !maillage.IsNotFound(err) {
		t.Fatalf("deleted thread: %v", err)
	}
}

func TestHiddenThreadsAndPrivateCommunity(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private")
	th, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: "Compte rendu", Body: "Privé"})
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]maillage.Viewer{"outsider": d.vOut, "anonymous": maillage.Anonymous()} {
		if _, err := d.s.Thread(ctx, v, th.ID); !maillage.IsNotFound(err) {
			t.Errorf("%s sees a private community's thread: %v", name, err)
		}
		if _, _, err := d.s.Threads(ctx, v, d.c.ID, service.Page{}); !maillage.IsNotFound(err) {
			t.Errorf("%s lists an unlisted community's threads: %v", name, err)
		}
	}
	if _, err := d.s.ModerateThread(ctx, d.vMgr, th.ID, service.ThreadHidden, true); err != nil {
		t.Fatal(err)
	}
	other, _ := testutil.User(t, d.s, "Autre", "autre@exemple.org")
	testutil.AddMember(t, d.s, d.vMgr, d.c.ID, other.ID, maillage.RoleMember)
	vOther := testutil.ViewerOf(t, d.s, other.ID)
	if _, err := d.s.Thread(ctx, vOther, th.ID); !maillage.IsNotFound(err) {
		t.Fatalf("a member sees a hidden thread: %v", err)
	}
	for _, v := range []maillage.Viewer{d.vMem, d.vMgr} {
		if _, err := d.s.Thread(ctx, v, th.ID); err != nil {
			t.Fatalf("author or manager lost a hidden thread: %v", err)
		}
	}
	if _, total, _ := d.s.Threads(ctx, vOther, d.c.ID, service.Page{}); total != 0 {
		t.Fatalf("a hidden thread is counted for a member: %d", total)
	}
	if _, err := d.s.ShareNote(ctx, d.vOut, d.c.ID, "x"); !maillage.IsNotFound(err) {
		t.Fatalf("share into an invisible community: %v", err)
	}
}

func TestMentions(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "private")
	body := "Merci @[Responsable](user:" + d.mgr.ID + "), @[Dehors](user:" + d.out.ID + ") et @[Fantôme](user:inconnu0000) !"
	th, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: "Bilan", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	mentions := eventsOf(d.log.drain(t, d.db, nil), maillage.EventMention)
	// The outsider cannot read the private community and the unknown
	// person does not exist: only the manager is told.
	if len(mentions) != 1 || !slices.Equal(mentions[0].RecipientIDs, []string{d.mgr.ID}) || mentions[0].SubjectID != th.ID {
		t.Fatalf("mentions: %+v", mentions)
	}
	page, err := d.s.ThreadPage(ctx, d.vMgr, th.ID)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page.Post.HTML)
	if !strings.Contains(html, "/people/"+d.mgr.ID) || strings.Contains(html, "inconnu0000") {
		t.Fatalf("mention rendering: %s", html)
	}

	// Only people mentioned anew by an edit are told; nobody invisible ever.
	_, err = d.s.UpdateThread(ctx, d.vMem, th.ID, maillage.ThreadInput{Title: "Bilan", Body: body + " Et @[Dehors](user:" + d.out.ID + ")"})
	if err != nil {
		t.Fatal(err)
	}
	if m := eventsOf(d.log.drain(t, d.db, nil), maillage.EventMention); len(m) != 0 {
		t.Fatalf("an edit re-notified or told an outsider: %+v", m)
	}

	// A mention in a reply under a hidden thread reaches only those who
	// may still see it.
	other, _ := testutil.User(t, d.s, "Autre", "autre@exemple.org")
	testutil.AddMember(t, d.s, d.vMgr, d.c.ID, other.ID, maillage.RoleMember)
	if _, err := d.s.ModerateThread(ctx, d.vMgr, th.ID, service.ThreadHidden, true); err != nil {
		t.Fatal(err)
	}
	_, err = d.s.CreateReply(ctx, d.vMem, th.ID, maillage.ReplyInput{Body: "@[Autre](user:" + other.ID + ") @[Responsable](user:" + d.mgr.ID + ")"})
	if err != nil {
		t.Fatal(err)
	}
	m := eventsOf(d.log.drain(t, d.db, nil), maillage.EventMention)
	if len(m) != 1 || !slices.Equal(m[0].RecipientIDs, []string{d.mgr.ID}) || m[0].ParentID != th.ID {
		t.Fatalf("mention under a hidden thread: %+v", m)
	}
}

func TestReactionsAndReports(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	th, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: "Idée", Body: "Un wiki ?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.ToggleReaction(ctx, d.vOut, maillage.SubjectThread, th.ID, maillage.ReactionHeart); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a non-member reacted: %v", err)
	}
	if _, err := d.s.ToggleReaction(ctx, d.vMgr, maillage.SubjectThread, th.ID, "🔥"); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("an unknown reaction: %v", err)
	}
	rc, err := d.s.ToggleReaction(ctx, d.vMgr, maillage.SubjectThread, th.ID, maillage.ReactionIdea)
	if err != nil || len(rc) != 1 || rc[0].Count != 1 || !rc[0].Mine {
		t.Fatalf("react: %+v %v", rc, err)
	}
	if rc, err = d.s.ToggleReaction(ctx, d.vMgr, maillage.SubjectThread, th.ID, maillage.ReactionIdea); err != nil || len(rc) != 0 {
		t.Fatalf("toggle back: %+v %v", rc, err)
	}

	// A reader reports; the managers (not the reporter) hear of it once.
	if err := d.s.ReportPost(ctx, d.vOut, maillage.SubjectThread, th.ID, ""); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("report without a reason: %v", err)
	}
	for range 2 {
		if err := d.s.ReportPost(ctx, d.vOut, maillage.SubjectThread, th.ID, "Publicité"); err != nil {
			t.Fatal(err)
		}
	}
	reports := eventsOf(d.log.drain(t, d.db, nil), maillage.EventReport)
	if len(reports) != 1 || !slices.Equal(reports[0].RecipientIDs, []string{d.mgr.ID}) {
		t.Fatalf("report events: %+v", reports)
	}
	if _, err := d.s.Reports(ctx, d.vMem, d.c.ID, maillage.ReportOpen); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a member read the reports: %v", err)
	}
	open, err := d.s.Reports(ctx, d.vMgr, d.c.ID, maillage.ReportOpen)
	if err != nil || len(open) != 1 || open[0].ReporterName != "Dehors" {
		t.Fatalf("open reports: %+v %v", open, err)
	}
	if err := d.s.ResolveReport(ctx, d.vMgr, d.c.ID, open[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := d.s.OpenReportCount(ctx, d.vMgr, d.c); n != 0 {
		t.Fatalf("%d open after resolving", n)
	}
	if done, _ := d.s.Reports(ctx, d.vMgr, d.c.ID, maillage.ReportResolved); len(done) != 1 {
		t.Fatalf("resolved reports: %+v", done)
	}
}

func TestCommunityFeed(t *testing.T) {
	ctx := context.Background()
	d := newDiscussion(t, "public")
	if _, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: "Visible", Body: "Voir [[Une note]]"}); err != nil {
		t.Fatal(err)
	}
	hidden, err := d.s.CreateThread(ctx, d.vMem, d.c.ID, maillage.ThreadInput{Title: "Masqué", Body: "Non"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.ModerateThread(ctx, d.vMgr, hidden.ID, service.ThreadHidden, true); err != nil {
		t.Fatal(err)
	}
	f, err := d.s.CommunityFeed(ctx, d.c.ID)
	if err != nil || len(f.Entries) != 1 || f.Entries[0].Title != "Visible" || !strings.HasPrefix(f.Entries[0].Link, "http://maillage.test/threads/") {
		t.Fatalf("feed: %+v %v", f, err)
	}
	priv, err := d.s.CreateCommunity(ctx, d.vMgr, maillage.CommunityInput{Name: "Privée", Visibility: "private", Listed: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.CommunityFeed(ctx, priv.ID); !maillage.IsNotFound(err) {
		t.Fatalf("private community feed: %v", err)
	}
	if _, err := d.s.CommunityFeed(ctx, "absente"); !maillage.IsNotFound(err) {
		t.Fatalf("absent community feed: %v", err)
	}
}
