package demo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

func newService(t *testing.T) (*service.Service, *store.DB) {
	db := testutil.OpenDB(t)
	return service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://example.test", Files: testutil.Files(t)}), db
}

func load(t *testing.T) (*service.Service, *Summary) {
	s, _ := newService(t)
	sum, err := Load(context.Background(), s)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s, sum
}

// world is one loaded demo dataset that the read-only checks share: a
// load takes seconds, and the checks run on SQLite and PostgreSQL in CI.
type world struct {
	s   *service.Service
	db  *store.DB
	sum *Summary
}

// userID returns the ID of the account with this email.
func (w *world) userID(t *testing.T, email string) string {
	t.Helper()
	u, _, err := w.db.UserCredentials(context.Background(), email)
	if err != nil {
		t.Fatalf("account %s: %v", email, err)
	}
	return u.ID
}

// as returns the viewer of the account with this email.
func (w *world) as(t *testing.T, email string) maillage.Viewer {
	t.Helper()
	return viewer(t, w.s, w.userID(t, email))
}

// TestDemo loads the dataset once and checks it from every side; the
// second load, which must refuse, comes last.
func TestDemo(t *testing.T) {
	s, db := newService(t)
	sum, err := Load(context.Background(), s)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	t.Logf("loaded: %s", sum)
	w := &world{s: s, db: db, sum: sum}
	for _, c := range []struct {
		name string
		fn   func(*testing.T, *world)
	}{
		{"Summary", testSummary},
		{"DemoPerson", testDemoPerson},
		{"PublicCommunities", testPublicCommunities},
		{"UnlistedCommunityIsPrivate", testUnlistedCommunityIsPrivate},
		{"TagsAreFound", testTagsAreFound},
		{"MinutesAreForTheirAuthors", testMinutesAreForTheirAuthors},
		{"PublicSummariesAndResources", testPublicSummariesAndResources},
		{"CommunityNotebook", testCommunityNotebook},
		{"LexiconAndBacklinks", testLexiconAndBacklinks},
		{"ActorCards", testActorCards},
		{"KnowledgeBase", testKnowledgeBase},
		{"Recruitment", testRecruitment},
		{"CommunityOfPracticeDiscussion", testCommunityOfPracticeDiscussion},
		{"ThematicCommunity", testThematicCommunity},
		{"Conversations", testConversations},
		{"Meetings", testMeetings},
		{"Nominations", testNominations},
		{"Deterministic", testDeterministic},
		{"SecondLoadRefused", testSecondLoadRefused},
	} {
		t.Run(c.name, func(t *testing.T) { c.fn(t, w) })
	}
}

func viewer(t *testing.T, s *service.Service, userID string) maillage.Viewer {
	v, _, err := s.Viewer(context.Background(), userID)
	if err != nil || !v.SignedIn() {
		t.Fatalf("viewer %s: %v", userID, err)
	}
	return v
}

func signIn(t *testing.T, s *service.Service, email string) maillage.Viewer {
	u, err := s.SignIn(context.Background(), email, DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
	return viewer(t, s, u.ID)
}

func TestDataIsConsistent(t *testing.T) {
	if err := check(); err != nil {
		t.Fatal(err)
	}
	emails := map[string]bool{}
	for _, p := range people {
		if emails[p.email()] {
			t.Errorf("email %s twice", p.email())
		}
		emails[p.email()] = true
		if !maillage.ValidEmail(p.email()) {
			t.Errorf("invalid email %q", p.email())
		}
		if n := len(p.interests); n < 2 || n > 5 {
			t.Errorf("%s has %d interests, want 2 to 5", p.name(), n)
		}
		if n := len(p.affs); n < 1 || n > 2 {
			t.Errorf("%s has %d affiliations, want 1 or 2", p.name(), n)
		}
	}
	for _, o := range organizations {
		if n := len(o.tags); n < 2 || n > 4 {
			t.Errorf("%s has %d tags, want 2 to 4", o.name, n)
		}
	}
	if len(usedTags()) != len(taxonomy) {
		t.Errorf("%d tags used, the taxonomy has %d", len(usedTags()), len(taxonomy))
	}
}

func testSummary(t *testing.T, w *world) {
	ctx := context.Background()
	s, db, sum := w.s, w.db, w.sum
	if sum.Organizations < 40 || sum.People < 60 || sum.Communities < 5 || sum.Accounts != sum.People+1 {
		t.Fatalf("summary too small: %s", sum)
	}
	if sum.DemoEmail != DemoEmail || sum.JoinRequests != 2 || sum.Invitations != 1 || sum.Tags != len(taxonomy) {
		t.Errorf("summary: %+v", sum)
	}
	if sum.Notes != len(allNotes()) || sum.Notebooks != 3 || sum.KnowledgeBases != 1 || sum.Conversations != 2 ||
		sum.Threads < len(threads) || sum.Replies < 2*len(threads) || sum.Messages < 2*len(conversations) {
		t.Errorf("summary of the content: %+v", sum)
	}
	if n, err := db.CountUsers(ctx); err != nil || n != sum.Accounts {
		t.Errorf("%d accounts in the database, summary says %d (%v)", n, sum.Accounts, err)
	}
	admin := signIn(t, s, AdminEmail)
	if !admin.Admin {
		t.Error("the administrator account is not an administrator")
	}
	listed, total, err := s.People(ctx, admin, service.PeopleFilter{Page: service.Page{Limit: 100}})
	if err != nil || total != sum.Accounts || len(listed) != min(total, 100) {
		t.Errorf("people: %d listed, total %d, want %d (%v)", len(listed), total, sum.Accounts, err)
	}
	_, total, err = s.Organizations(ctx, maillage.Anonymous(), service.OrganizationFilter{})
	if err != nil || total != sum.Organizations {
		t.Errorf("organizations: total %d, want %d (%v)", total, sum.Organizations, err)
	}
}

// testSecondLoadRefused: a second load refuses and changes nothing.
func testSecondLoadRefused(t *testing.T, w *world) {
	ctx := context.Background()
	s, db, sum := w.s, w.db, w.sum
	admin := viewer(t, s, w.userID(t, AdminEmail))
	again, err := Load(ctx, s)
	if !errors.Is(err, ErrNotEmpty) || again != nil {
		t.Fatalf("second load: %v, %v", again, err)
	}
	if n, _ := db.CountUsers(ctx); n != sum.Accounts {
		t.Errorf("second load changed the accounts: %d, was %d", n, sum.Accounts)
	}
	if _, total, _ := s.Organizations(ctx, maillage.Anonymous(), service.OrganizationFilter{}); total != sum.Organizations {
		t.Errorf("second load changed the organizations: %d, was %d", total, sum.Organizations)
	}
	if _, total, _ := s.Communities(ctx, admin, service.CommunityFilter{}); total != sum.Communities {
		t.Errorf("second load changed the communities: %d, was %d", total, sum.Communities)
	}
}

func testDemoPerson(t *testing.T, w *world) {
	ctx := context.Background()
	s := w.s
	if _, err := s.SignIn(ctx, DemoEmail, "not the password", "192.0.2.1"); err == nil {
		t.Fatal("signed in with a wrong password")
	}
	v := signIn(t, s, DemoEmail)
	if v.Admin {
		t.Error("the demo person is not an administrator")
	}
	me, err := s.Profile(ctx, v, v.UserID)
	if err != nil {
		t.Fatal(err)
	}
	if me.Name != DemoName || me.Bio == "" || len(me.Interests) == 0 || len(me.Links) == 0 || len(me.Affiliations) != 1 {
		t.Errorf("demo profile incomplete: %+v", me)
	}
	if !slices.ContainsFunc(me.Affiliations, func(a maillage.Affiliation) bool {
		return a.OrganizationName == "Relais savoirs — Centre de transfert en économie sociale"
	}) {
		t.Errorf("the demo person works at Relais savoirs: %+v", me.Affiliations)
	}

	mine, _, err := s.Communities(ctx, v, service.CommunityFilter{MemberID: v.UserID, Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	public := 0
	for _, c := range mine {
		if c.Visibility == maillage.VisibilityPublic {
			public++
		}
	}
	if public != 2 {
		t.Errorf("the demo person is in %d public communities, want 2", public)
	}

	cdp := findCommunity(t, s, v, cdpName)
	if !v.IsManager(cdp.ID) || cdp.Visibility != maillage.VisibilityPrivate || !cdp.Listed {
		t.Errorf("the community of practice: manager %v, %+v", v.IsManager(cdp.ID), cdp)
	}
	members, total, err := s.Members(ctx, v, cdp.ID, service.Page{Limit: 100})
	if err != nil || total < 18 || total > 22 || len(members) != total {
		t.Errorf("community of practice members: %d (%v)", total, err)
	}
	reqs, err := s.JoinRequests(ctx, v, cdp.ID)
	if err != nil || len(reqs) != 2 {
		t.Errorf("join requests: %+v (%v)", reqs, err)
	}
	// Visitors know the community of practice exists, not who is in it.
	if _, err := s.Community(ctx, maillage.Anonymous(), cdp.ID); err != nil {
		t.Errorf("the listed community of practice is hidden from visitors: %v", err)
	}
	if _, _, err := s.Members(ctx, maillage.Anonymous(), cdp.ID, service.Page{}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Errorf("visitors read the community of practice's members: %v", err)
	}
}

func testPublicCommunities(t *testing.T, w *world) {
	ctx := context.Background()
	s := w.s
	list, _, err := s.Communities(ctx, maillage.Anonymous(), service.CommunityFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range list {
		if c.Visibility != maillage.VisibilityPublic {
			continue
		}
		n++
		t.Logf("%s: %d members", c.Name, c.MemberCount)
		lo, hi := 10, 40
		if c.Name == publicCommunityName {
			// The generated members give it its real size.
			lo, hi = 250, 400
		}
		if c.MemberCount < lo || c.MemberCount > hi {
			t.Errorf("%s has %d members, want %d to %d", c.Name, c.MemberCount, lo, hi)
		}
		if c.Description == "" || len(c.Tags) == 0 {
			t.Errorf("%s lacks a description or tags", c.Name)
		}
	}
	if n != 4 {
		t.Errorf("%d public communities, want 4", n)
	}
}

func testUnlistedCommunityIsPrivate(t *testing.T, w *world) {
	ctx := context.Background()
	s := w.s
	demo := signIn(t, s, DemoEmail)
	comite := findCommunity(t, s, demo, comiteName)
	if comite.Visibility != maillage.VisibilityPrivate || comite.Listed || comite.MemberCount != 5 {
		t.Fatalf("steering committee: %+v", comite)
	}
	outsider := signIn(t, s, "thomas.ouellet@exemple.org")
	for name, v := range map[string]maillage.Viewer{"a visitor": maillage.Anonymous(), "a non-member": outsider} {
		list, _, err := s.Communities(ctx, v, service.CommunityFilter{Page: service.Page{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			if c.ID == comite.ID {
				t.Errorf("%s sees the unlisted community in the list", name)
			}
		}
		if _, err := s.Community(ctx, v, comite.ID); !maillage.IsNotFound(err) {
			t.Errorf("%s opens the unlisted community: %v", name, err)
		}
	}
	members, _, err := s.Members(ctx, demo, comite.ID, service.Page{})
	if err != nil || len(members) != 5 {
		t.Errorf("members see each other: %d (%v)", len(members), err)
	}
}

func testTagsAreFound(t *testing.T, w *world) {
	ctx := context.Background()
	s := w.s
	for _, label := range usedTags() {
		found, err := s.AutocompleteTags(ctx, maillage.Anonymous(), label, 10)
		if err != nil {
			t.Fatal(err)
		}
		// The label is the tag's, or leads to a tag of the starter
		// taxonomy (a synonym): typing it finds that tag.
		tag, _, err := s.ResolveTag(ctx, maillage.Anonymous(), label)
		if err != nil {
			t.Fatalf("tag %q: %v", label, err)
		}
		if !slices.ContainsFunc(found, func(f maillage.Tag) bool { return f.ID == tag.ID && f.Uses > 0 }) {
			t.Errorf("tag %q not found: %+v", label, found)
		}
	}
	if w.sum.CuratedTags < 140 {
		t.Errorf("starter taxonomy: %d curated tags", w.sum.CuratedTags)
	}
}

// testDeterministic loads a second dataset and compares what people
// would see of the two.
func testDeterministic(t *testing.T, w *world) {
	s2, _ := load(t)
	a, b := snapshot(t, w.s), snapshot(t, s2)
	for name, x := range a {
		if y := b[name]; !slices.Equal(x, y) {
			t.Errorf("two loads differ in %s:\n%v\n%v", name, x, y)
		}
	}
}

// snapshot sums a dataset up as sorted lists of what the administrator
// and visitors see: organisations, people, member counts, notes, the
// thematic community's notebook and threads.
func snapshot(t *testing.T, s *service.Service) map[string][]string {
	ctx := context.Background()
	out := map[string][]string{}
	admin := signIn(t, s, AdminEmail)
	os, _, err := s.Organizations(ctx, admin, service.OrganizationFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range os {
		out["organizations"] = append(out["organizations"], o.Name+" | "+o.Address)
	}
	for offset := 0; ; offset += 100 {
		ps, total, err := s.People(ctx, admin, service.PeopleFilter{Page: service.Page{Limit: 100, Offset: offset}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			out["people"] = append(out["people"], p.Name+" | "+p.Region)
		}
		if offset+100 >= total {
			break
		}
	}
	cs, _, err := s.Communities(ctx, admin, service.CommunityFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		out["members"] = append(out["members"], fmt.Sprintf("%s: %d", c.Name, c.MemberCount))
		if c.Name == publicCommunityName {
			ts, _, err := s.Threads(ctx, maillage.Anonymous(), c.ID, service.Page{Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, th := range ts {
				out["threads"] = append(out["threads"], fmt.Sprintf("%s (%d)", th.Title, th.Replies))
			}
		}
	}
	ns, _, err := s.Notes(ctx, admin, service.NoteFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ns {
		out["notes"] = append(out["notes"], fmt.Sprintf("%s | %s | %s | %d authors", n.Title, n.Kind, n.Visibility, len(n.Authors)))
	}
	nb := findNotebook(t, s, maillage.Anonymous(), communityNotebookTitle)
	entries, _, err := s.NotebookNotes(ctx, maillage.Anonymous(), nb.ID, service.NotebookNoteFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		out["community notebook"] = append(out["community notebook"], e.CategoryName+" | "+e.Note.Title)
	}
	for k, list := range out {
		if k != "community notebook" {
			slices.Sort(list)
		}
	}
	return out
}

func findCommunity(t *testing.T, s *service.Service, v maillage.Viewer, name string) maillage.Community {
	list, _, err := s.Communities(context.Background(), v, service.CommunityFilter{Page: service.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("community %q not visible", name)
	return maillage.Community{}
}

func TestSummaryCountsReadNaturally(t *testing.T) {
	got := Summary{Accounts: 2, People: 1, Invitations: 1, KnowledgeBases: 1, Replies: 3}.String()
	for _, want := range []string{"2 accounts (1 person)", "1 invitation,", "1 knowledge base,", "3 replies"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
}
