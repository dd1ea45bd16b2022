package app_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// A leak world is built through the services from a seed: people, an
// administrator, organisations, communities of every kind with members,
// managers, join requests and invitations, notes of every visibility and
// kind with tags, co-authors, links, mentions, files, revisions and
// drafts, notebooks and knowledge bases with categories and roles,
// threads and replies (some hidden by moderation), reactions, reports,
// follows, blocks, conversations, notifications and the emails they send.
//
// Everything secret carries a code ("uq0042") in every string that names
// it, and the world knows, through the access policy, who may see each
// code: a page or email that shows a code to someone else leaks.

// leakSecret is one thing some viewers may not see.
type leakSecret struct {
	code string // in every string naming it
	what string // for messages: "private note «...»"
	id   string // its ID, when it has one worth checking in bodies
	may  func(v maillage.Viewer) bool
}

// leakItem is a world item a route parameter can name.
type leakItem struct {
	kind  string            // a key of leakKinds
	label string            // for messages
	vals  map[string]string // path values by item kind (a revision also names its note)
	// can answers the item's actions (see leakRule) for a viewer.
	can map[string]func(v maillage.Viewer) bool
	// holder is the person a link item was sent to: its page may show
	// what they may see, whoever opens it.
	holder string
}

type leakUser struct {
	u     *maillage.User
	token string // API bearer token
	mode  maillage.NotifyMode
}

type leakCommunity struct {
	c       *maillage.Community
	invited map[string]bool // pending invitations
	cover   bool
}

type leakNote struct {
	n       *maillage.Note
	invited map[string]bool // pending invitations to co-author it
	owner   string          // an author, who reads it back
	revs    int
	files   []maillage.Attachment
	targets []string // titles it links to
	// linked: other notes' words name it; shared: a thread copies its
	// title and opening (see leakWorld.sharedTo).
	linked, shared bool
}

type leakNotebook struct {
	nb      *maillage.Notebook
	invited map[string]bool // pending invitations to a role
	owner   string
	notes   []string // IDs filed in it
	cover   bool
}

type leakKB struct {
	kb        *maillage.KnowledgeBase
	invited   map[string]bool // pending invitations to a role
	owner     string
	notebooks []string
}

type leakThread struct {
	th *maillage.Thread
}

type leakReply struct {
	r  *maillage.Reply
	th *leakThread
}

type leakConversation struct {
	id           string
	subject      string
	participants []string
}

type leakNotification struct {
	n         maillage.Notification
	recipient string
}

type leakWorld struct {
	seed  uint64
	index int
	m     *app.Main
	out   *leakOutbox
	r     *rand.Rand
	ctx   context.Context
	codes int
	clock *leakClock

	people      []*leakUser // the administrator is last
	admin       *leakUser
	orgs        []*maillage.Organization
	communities []*leakCommunity
	notes       []*leakNote
	actors      []*leakActor
	notebooks   []*leakNotebook
	kbs         []*leakKB
	threads     []*leakThread
	replies     []*leakReply
	convs       []*leakConversation
	meetings    []*leakMeeting // leak_build_meetings_test.go
	notifs      []*leakNotification
	comments    []*leakComment
	proposals   []*leakProposal
	nominations []*leakNomination
	tags        map[string]*leakTag // by slug
	tokens      []leakToken         // unsubscribe links found in emails
	candidates  []*leakCandidate    // shortlists (leak_build_recruitment_test.go)
	joins       []leakJoin          // emailed invitation links
	// emailsAtOnce were sent as things happened, emailsLater a week later
	// (the digests).
	emailsAtOnce, emailsLater int
	requests                  atomic.Int64 // GETs made, for the log

	secrets  []*leakSecret
	viewers  []*leakViewer
	items    map[string][]*leakItem     // by kind, for route parameters
	views    map[string]maillage.Viewer // each person's policy view, as of the last refresh
	idPrefix string                     // the first characters every ID of the world shares
}

// leakTag is a tag and what carries it.
type leakTag struct {
	slug, label string
	id          string
	createdBy   string
	carriers    []leakCarrier
	followers   map[string]bool
}

// leakCarrier is an item carrying a tag.
type leakCarrier struct {
	list, id string // the tag page's list it belongs to ("notes"), its ID
	visible  func(v maillage.Viewer) bool
}

type leakToken struct {
	token, owner string
}

// leakClock lets the world move time forward (digests) without racing
// the server: it is installed before anything runs.
type leakClock struct{ offset time.Duration }

func (c *leakClock) now() time.Time { return time.Now().UTC().Add(c.offset).Truncate(time.Microsecond) }

// tinyPNG is a valid one-pixel image for attachments and covers.
func tinyPNG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// code returns a new secret code.
func (w *leakWorld) code() string {
	w.codes++
	return fmt.Sprintf("uq%04d", w.codes)
}

// secret registers something only some viewers may see.
func (w *leakWorld) secret(code, what, id string, may func(maillage.Viewer) bool) *leakSecret {
	s := &leakSecret{code: code, what: what, id: id, may: may}
	w.secrets = append(w.secrets, s)
	return s
}

func (w *leakWorld) pick(n int) int        { return w.r.IntN(n) }
func (w *leakWorld) chance(p float64) bool { return w.r.Float64() < p }

// viewerOf loads a person's current policy view.
func (w *leakWorld) viewerOf(t *testing.T, id string) maillage.Viewer {
	return testutil.ViewerOf(t, w.m.Service, id)
}

func (w *leakWorld) must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s (seed %d, world %d): building %s: %v", t.Name(), w.seed, w.index, what, err)
	}
}

// tag records a label carried by an item, listed in the tag page's list.
func (w *leakWorld) tag(label, createdBy, list, id string, visible func(maillage.Viewer) bool) {
	slug := fold.Slug(label)
	tg := w.tags[slug]
	if tg == nil {
		tg = &leakTag{slug: slug, label: label, createdBy: createdBy, followers: map[string]bool{}}
		w.tags[slug] = tg
	}
	tg.carriers = append(tg.carriers, leakCarrier{list: list, id: id, visible: visible})
}

func buildLeakWorld(t *testing.T, seed uint64, index int) *leakWorld {
	w := &leakWorld{seed: seed, index: index, r: rand.New(rand.NewPCG(seed, uint64(index))), ctx: context.Background(),
		out: &leakOutbox{}, clock: &leakClock{}, tags: map[string]*leakTag{}}
	w.m = bootLeak(t, w.out, w.clock.now)
	w.people = w.buildPeople(t)
	w.buildOrganizations(t)
	w.buildCommunities(t)
	w.buildNotes(t)
	w.buildActors(t)
	w.buildNotebooks(t)
	w.buildMeetings(t)
	w.buildDiscussion(t)
	w.buildContributions(t)
	w.buildFollowsAndBlocks(t)
	w.buildConversations(t)
	w.buildNominations(t)
	w.adoptNominationCards(t)
	w.buildPreferences(t)
	w.buildRecruitment(t)
	w.tagSecrets()
	w.drain(t)
	w.refresh(t)
	w.checkEmails(t, 0)

	// After the first notifications: things change, so lists, counts and
	// digests must follow what each person may see now.
	sent := len(w.out.all())
	w.emailsAtOnce = sent
	w.buildLaterChanges(t)
	w.drain(t)
	// A week later, the daily and weekly digests leave.
	w.clock.offset = 8 * 24 * time.Hour
	w.must(t, "digests", w.m.Notifier.EnqueueDueDigests(w.ctx, w.clock.now()))
	w.drain(t)
	w.refresh(t)
	w.checkEmails(t, sent)
	w.emailsLater = len(w.out.all()) - sent
	w.collectNotifications(t)
	w.buildItems()
	w.viewers = w.signInViewers(t)
	return w
}

// drain runs every queued job: notifications, their emails, digests.
func (w *leakWorld) drain(t *testing.T) {
	w.must(t, "jobs", w.m.Worker.Drain(w.ctx))
}

// communitiesOf lists the communities a viewer belongs to in the order
// they were made, so the same seed builds the same world.
func (w *leakWorld) communitiesOf(v maillage.Viewer) []string {
	var out []string
	for _, lc := range w.communities {
		if v.IsMember(lc.c.ID) {
			out = append(out, lc.c.ID)
		}
	}
	return out
}

// members are the people who are not the administrator.
func (w *leakWorld) members() []*leakUser { return w.people[:len(w.people)-1] }

func (w *leakWorld) person(id string) *leakUser {
	for _, p := range w.people {
		if p.u.ID == id {
			return p
		}
	}
	return nil
}

// managerOf returns the viewer of one of a community's managers.
func (w *leakWorld) managerOf(t *testing.T, lc *leakCommunity) maillage.Viewer {
	for _, p := range w.members() {
		if v := w.viewerOf(t, p.u.ID); v.IsManager(lc.c.ID) {
			return v
		}
	}
	t.Fatalf("community %s has no manager", lc.c.Name)
	return maillage.Viewer{}
}

// everyViewer lists the policy views of every person and a visitor, as
// they are now.
func (w *leakWorld) everyViewer(t *testing.T) []maillage.Viewer {
	out := []maillage.Viewer{maillage.Anonymous()}
	for _, p := range w.people {
		out = append(out, w.viewerOf(t, p.u.ID))
	}
	return out
}

// communityMembers lists the people of a community, with their viewers.
func (w *leakWorld) communityMembers(t *testing.T, lc *leakCommunity) []maillage.Viewer {
	var out []maillage.Viewer
	for _, p := range w.members() {
		if v := w.viewerOf(t, p.u.ID); v.IsMember(lc.c.ID) {
			out = append(out, v)
		}
	}
	return out
}

// ownsLinked: the viewer owns or adds to a note, notebook or knowledge
// base linked to the community.
func (w *leakWorld) ownsLinked(v maillage.Viewer, communityID string) bool {
	for _, ln := range w.notes {
		if ln.n.CommunityID == communityID && maillage.CanEditContent(v, ln.n.Access()) {
			return true
		}
	}
	for _, lnb := range w.notebooks {
		if lnb.nb.CommunityID == communityID && maillage.CanContributeContent(v, lnb.nb.Access()) {
			return true
		}
	}
	for _, lkb := range w.kbs {
		if lkb.kb.CommunityID == communityID && maillage.CanContributeContent(v, lkb.kb.Access()) {
			return true
		}
	}
	return false
}

// sharedTo: a thread sharing a note repeats its title and opening (with
// the titles its links name) to the thread's readers. A community note is
// shared only into its own private community, whose readers are its
// members — and the administrators, who read every discussion but not
// community notes: they see that much of it.
func (w *leakWorld) sharedTo(v maillage.Viewer, ln *leakNote) bool {
	for _, src := range w.notes {
		if !src.shared || (src != ln && !slices.Contains(src.targets, ln.n.Title)) {
			continue
		}
		for _, lt := range w.threads {
			if lt.th.NoteID == src.n.ID && lt.th.Community.Visibility == maillage.VisibilityPrivate && maillage.CanViewThread(v, lt.th.Access()) {
				return true
			}
		}
	}
	return false
}

// replyVisible: a reply is seen where its thread is, and, when hidden,
// like a hidden thread (its author and the managers).
func (w *leakWorld) replyVisible(v maillage.Viewer, lr *leakReply) bool {
	return maillage.CanViewThread(v, lr.th.th.Access()) && maillage.CanViewThread(v, lr.r.Access(lr.th.th.Community))
}

func (w *leakWorld) sortedTags() []*leakTag {
	var out []*leakTag
	for _, tg := range w.tags {
		out = append(out, tg)
	}
	slices.SortFunc(out, func(a, b *leakTag) int { return cmpString(a.slug, b.slug) })
	return out
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (w *leakWorld) community(id string) *leakCommunity {
	for _, lc := range w.communities {
		if lc.c.ID == id {
			return lc
		}
	}
	return nil
}

// refresh reads every item back as someone who may see it, so the policy
// is asked about what the store holds now (authors, roles, flags).
func (w *leakWorld) refresh(t *testing.T) {
	s := w.m.Service
	admin := w.viewerOf(t, w.admin.u.ID)
	w.views = map[string]maillage.Viewer{}
	for _, p := range w.people {
		w.views[p.u.ID] = w.viewerOf(t, p.u.ID)
		u, err := s.Profile(w.ctx, admin, p.u.ID)
		w.must(t, "read back profile", err)
		p.u = u
	}
	for _, lc := range w.communities {
		c, err := s.Community(w.ctx, admin, lc.c.ID)
		w.must(t, "read back community", err)
		lc.c = c
		invs, err := s.CommunityInvitations(w.ctx, admin, c.ID)
		w.must(t, "read back invitations", err)
		lc.invited = map[string]bool{}
		for _, inv := range invs {
			if inv.Status == maillage.InvitationPending {
				lc.invited[inv.UserID] = true
			}
		}
	}
	for _, ln := range w.notes {
		ov := w.viewerOf(t, ln.owner)
		n, err := s.Note(w.ctx, ov, ln.n.ID)
		w.must(t, "read back note", err)
		ln.n = n
		_, revs, err := s.NoteRevisions(w.ctx, ov, n.ID)
		w.must(t, "read back revisions", err)
		ln.revs = len(revs)
		files, err := s.Attachments(w.ctx, ov, n.ID)
		w.must(t, "read back files", err)
		ln.files = files
		ln.invited = w.pendingInvitations(t, maillage.InviteNote, n.ID, ov)
	}
	for _, lnb := range w.notebooks {
		nb, err := s.Notebook(w.ctx, w.viewerOf(t, lnb.owner), lnb.nb.ID)
		w.must(t, "read back notebook", err)
		lnb.nb = nb
		lnb.invited = w.pendingInvitations(t, maillage.InviteNotebook, nb.ID, w.viewerOf(t, lnb.owner))
	}
	for _, lkb := range w.kbs {
		kb, err := s.KnowledgeBase(w.ctx, w.viewerOf(t, lkb.owner), lkb.kb.ID)
		w.must(t, "read back knowledge base", err)
		lkb.kb = kb
		lkb.invited = w.pendingInvitations(t, maillage.InviteKnowledgeBase, kb.ID, w.viewerOf(t, lkb.owner))
	}
	for _, lt := range w.threads {
		// Managers see hidden threads and replies.
		th, err := s.Thread(w.ctx, w.managerOf(t, w.community(lt.th.CommunityID)), lt.th.ID)
		w.must(t, "read back thread", err)
		lt.th = th
	}
	// Threads the program posted itself (a public note entering a public
	// community's notebook) are visited too.
	for _, lc := range w.communities {
		list, _, err := s.Threads(w.ctx, admin, lc.c.ID, service.Page{Limit: 200})
		w.must(t, "threads", err)
		for _, ts := range list {
			if !slices.ContainsFunc(w.threads, func(lt *leakThread) bool { return lt.th.ID == ts.ID }) {
				th := ts.Thread
				lt := &leakThread{th: &th}
				w.threads = append(w.threads, lt)
				w.secret("", "thread "+th.Title, th.ID, func(v maillage.Viewer) bool { return maillage.CanViewThread(v, lt.th.Access()) })
			}
		}
	}
	for _, lt := range w.threads {
		if ln := w.note(lt.th.NoteID); ln != nil {
			ln.shared = true
		}
	}
	for _, lr := range w.replies {
		r, _, err := s.Reply(w.ctx, w.managerOf(t, w.community(lr.th.th.CommunityID)), lr.r.ID)
		w.must(t, "read back reply", err)
		lr.r = r
	}
}

// pendingInvitations reads who has a pending invitation to an item, as
// one of its owners (ov) sees them.
func (w *leakWorld) pendingInvitations(t *testing.T, k maillage.InvitationKind, id string, ov maillage.Viewer) map[string]bool {
	invs, err := w.m.Service.ItemInvitations(w.ctx, ov, k, id)
	w.must(t, "read back invitations", err)
	out := map[string]bool{}
	for _, inv := range invs {
		if inv.Status == maillage.InvitationPending {
			out[inv.UserID] = true
		}
	}
	return out
}

// pendingCount counts the pending invitations of every kind in the world.
func (w *leakWorld) pendingCount() int {
	n := 0
	for _, lc := range w.communities {
		n += len(lc.invited)
	}
	for _, ln := range w.notes {
		n += len(ln.invited)
	}
	for _, lnb := range w.notebooks {
		n += len(lnb.invited)
	}
	for _, lkb := range w.kbs {
		n += len(lkb.invited)
	}
	return n
}

// collectNotifications reads every person's notifications.
func (w *leakWorld) collectNotifications(t *testing.T) {
	for _, p := range w.people {
		list, _, err := w.m.Service.Notifications(w.ctx, w.viewerOf(t, p.u.ID), false, service.Page{Limit: 500})
		w.must(t, "notifications", err)
		for _, n := range list {
			w.notifs = append(w.notifs, &leakNotification{n: n, recipient: p.u.ID})
		}
	}
	// Their IDs are for their recipients alone.
	for _, ln := range w.notifs {
		w.secret("", "notification of "+w.person(ln.recipient).u.Name, ln.n.ID, func(v maillage.Viewer) bool {
			return maillage.CanViewNotification(v, ln.recipient)
		})
	}
}

// subjectVisible says whether v may see a notification's subject now.
func (w *leakWorld) subjectVisible(v maillage.Viewer, typ maillage.SubjectType, id string) bool {
	for _, s := range w.secrets {
		if s.id == id && s.id != "" {
			return s.may(v)
		}
	}
	if typ == maillage.SubjectUser {
		if p := w.person(id); p != nil {
			return maillage.CanViewProfile(v, p.u.Access())
		}
	}
	return true
}
