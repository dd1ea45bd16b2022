package demo

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

func newService(t *testing.T) (*service.Service, *store.DB) {
	db := testutil.OpenDB(t)
	return service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://example.test"}), db
}

func load(t *testing.T) (*service.Service, *Summary) {
	s, _ := newService(t)
	sum, err := Load(context.Background(), s)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s, sum
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

func TestLoad(t *testing.T) {
	ctx := context.Background()
	s, db := newService(t)
	sum, err := Load(ctx, s)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	t.Logf("loaded: %s", sum)
	if sum.Organizations < 40 || sum.People < 60 || sum.Communities < 5 || sum.Accounts != sum.People+1 {
		t.Fatalf("summary too small: %s", sum)
	}
	if sum.DemoEmail != DemoEmail || sum.JoinRequests != 2 || sum.Tags != len(taxonomy) {
		t.Errorf("summary: %+v", sum)
	}
	if n, err := db.CountUsers(ctx); err != nil || n != sum.Accounts {
		t.Errorf("%d accounts in the database, summary says %d (%v)", n, sum.Accounts, err)
	}
	admin := signIn(t, s, AdminEmail)
	if !admin.Admin {
		t.Error("the administrator account is not an administrator")
	}
	listed, total, err := s.People(ctx, admin, service.PeopleFilter{Page: service.Page{Limit: 100}})
	if err != nil || total != sum.Accounts || len(listed) != total {
		t.Errorf("people: %d listed, total %d, want %d (%v)", len(listed), total, sum.Accounts, err)
	}
	_, total, err = s.Organizations(ctx, maillage.Anonymous(), service.OrganizationFilter{})
	if err != nil || total != sum.Organizations {
		t.Errorf("organizations: total %d, want %d (%v)", total, sum.Organizations, err)
	}

	// A second load refuses and changes nothing.
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

func TestDemoPerson(t *testing.T) {
	ctx := context.Background()
	s, _ := load(t)
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

func TestPublicCommunities(t *testing.T) {
	ctx := context.Background()
	s, _ := load(t)
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
		if c.MemberCount < 10 || c.MemberCount > 40 {
			t.Errorf("%s has %d members, want 10 to 40", c.Name, c.MemberCount)
		}
		if c.Description == "" || len(c.Tags) == 0 {
			t.Errorf("%s lacks a description or tags", c.Name)
		}
	}
	if n != 4 {
		t.Errorf("%d public communities, want 4", n)
	}
}

func TestUnlistedCommunityIsPrivate(t *testing.T) {
	ctx := context.Background()
	s, _ := load(t)
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

func TestTagsAreFound(t *testing.T) {
	ctx := context.Background()
	s, _ := load(t)
	for _, label := range usedTags() {
		found, err := s.AutocompleteTags(ctx, maillage.Anonymous(), label, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(found, func(tag maillage.Tag) bool { return tag.Label == label && tag.Uses > 0 }) {
			t.Errorf("tag %q not found: %+v", label, found)
		}
	}
}

func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	snapshot := func() (orgs, names []string, members map[string]int) {
		s, _ := load(t)
		admin := signIn(t, s, AdminEmail)
		os, _, err := s.Organizations(ctx, admin, service.OrganizationFilter{Page: service.Page{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range os {
			orgs = append(orgs, o.Name+" | "+o.Address)
		}
		ps, _, err := s.People(ctx, admin, service.PeopleFilter{Page: service.Page{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			names = append(names, p.Name)
		}
		cs, _, err := s.Communities(ctx, admin, service.CommunityFilter{Page: service.Page{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		members = map[string]int{}
		for _, c := range cs {
			members[c.Name] = c.MemberCount
		}
		slices.Sort(orgs)
		slices.Sort(names)
		return orgs, names, members
	}
	o1, p1, m1 := snapshot()
	o2, p2, m2 := snapshot()
	if !slices.Equal(o1, o2) || !slices.Equal(p1, p2) {
		t.Errorf("two loads differ:\n%v\n%v\n%v\n%v", o1, o2, p1, p2)
	}
	if len(m1) != len(m2) {
		t.Errorf("communities differ: %v %v", m1, m2)
	}
	for name, n := range m1 {
		if m2[name] != n {
			t.Errorf("%s: %d members, then %d", name, n, m2[name])
		}
	}
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
