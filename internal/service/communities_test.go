package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

func TestCommunityLifecycle(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	mgr, vm := testutil.User(t, s, "Responsable", "mgr@exemple.org")
	bob, vb := testutil.User(t, s, "Bob", "bob@exemple.org")

	priv, err := s.CreateCommunity(ctx, vm, maillage.CommunityInput{Name: "CdP privée", Visibility: "private", Listed: false, Tags: []string{"Numérique"}})
	if err != nil {
		t.Fatal(err)
	}
	vm = testutil.ViewerOf(t, s, mgr.ID)
	if !vm.IsManager(priv.ID) {
		t.Fatal("the creator manages the community")
	}
	// Unlisted and private: absent for Bob, anonymous alike.
	for _, v := range []maillage.Viewer{vb, maillage.Anonymous()} {
		if _, err := s.Community(ctx, v, priv.ID); !maillage.IsNotFound(err) {
			t.Fatalf("unlisted private community visible: %v", err)
		}
		if err := s.RequestToJoin(ctx, v, priv.ID, ""); maillage.ErrorCode(err) != maillage.CodeNotFound && maillage.ErrorCode(err) != maillage.CodeUnauthorized {
			t.Fatalf("request to join an invisible community: %v", err)
		}
	}
	if err := s.Join(ctx, vb, priv.ID); !maillage.IsNotFound(err) {
		t.Fatalf("joined an invisible private community: %v", err)
	}
	// Listed: Bob sees it, may ask, may not read its members.
	if _, err := s.UpdateCommunity(ctx, vm, priv.ID, maillage.CommunityInput{Name: "CdP privée", Visibility: "private", Listed: true}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Members(ctx, vb, priv.ID, service.Page{}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("members of a listed private community: %v", err)
	}
	if err := s.Join(ctx, vb, priv.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("joined a private community directly: %v", err)
	}
	if err := s.RequestToJoin(ctx, vb, priv.ID, "Bonjour!"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.JoinRequests(ctx, vb, priv.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a non-manager read the requests: %v", err)
	}
	reqs, err := s.JoinRequests(ctx, vm, priv.ID)
	if err != nil || len(reqs) != 1 || reqs[0].UserID != bob.ID || reqs[0].Message != "Bonjour!" {
		t.Fatalf("requests: %+v %v", reqs, err)
	}
	if err := s.AnswerRequest(ctx, vm, priv.ID, bob.ID, true); err != nil {
		t.Fatal(err)
	}
	vb = testutil.ViewerOf(t, s, bob.ID)
	members, total, err := s.Members(ctx, vb, priv.ID, service.Page{})
	if err != nil || total != 2 || members[0].Role != maillage.RoleManager {
		t.Fatalf("members: %+v %d %v", members, total, err)
	}
	// The last manager cannot leave nor be demoted; once Bob manages too, they can.
	if err := s.Leave(ctx, vm, priv.ID); maillage.AsError(err).MessageID != "community.last_manager" {
		t.Fatalf("last manager left: %v", err)
	}
	if _, err := s.AddMember(ctx, vm, priv.ID, mgr.ID, maillage.RoleMember); maillage.AsError(err).MessageID != "community.last_manager" {
		t.Fatalf("last manager demoted: %v", err)
	}
	testutil.AddMember(t, s, vm, priv.ID, bob.ID, maillage.RoleManager)
	if err := s.Leave(ctx, vm, priv.ID); err != nil {
		t.Fatalf("leave once another manager exists: %v", err)
	}
	// Members remove others only as managers.
	vm = testutil.ViewerOf(t, s, mgr.ID)
	if err := s.RemoveMember(ctx, vm, priv.ID, bob.ID); maillage.ErrorCode(err) == "" {
		t.Fatal("a former member removed a manager")
	}
}

func TestPublicCommunityJoinAndUnknownPeople(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, vm := testutil.User(t, s, "Responsable", "mgr@exemple.org")
	bob, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	pub, err := s.CreateCommunity(ctx, vm, maillage.CommunityInput{Name: "Numériques et données", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if !pub.Listed {
		t.Fatal("a public community is always listed")
	}
	if err := s.Join(ctx, maillage.Anonymous(), pub.ID); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("anonymous join: %v", err)
	}
	if err := s.Join(ctx, vb, pub.ID); err != nil {
		t.Fatal(err)
	}
	vb = testutil.ViewerOf(t, s, bob.ID)
	if err := s.Join(ctx, vb, pub.ID); err != nil {
		t.Fatalf("joining twice is harmless: %v", err)
	}
	vm = testutil.ViewerOf(t, s, vm.UserID)
	if _, err := s.AddMember(ctx, vm, pub.ID, "no-such-person", maillage.RoleMember); maillage.AsError(err).MessageID != "community.unknown_person" {
		t.Fatalf("unknown person: %v", err)
	}
	if _, err := s.AddMember(ctx, vm, pub.ID, bob.ID, "owner"); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("bad role: %v", err)
	}
	if _, err := s.CreateCommunity(ctx, vb, maillage.CommunityInput{Name: "", Visibility: "secret"}); maillage.ErrorCode(err) != maillage.CodeInvalid {
		t.Fatalf("bad community: %v", err)
	}
}

func TestCommunitiesFilterByVisibility(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, v := testutil.User(t, s, "Responsable", "mgr@exemple.org")
	for _, vis := range []string{"public", "private"} {
		if _, err := s.CreateCommunity(ctx, v, maillage.CommunityInput{Name: "C " + vis, Visibility: vis, Listed: true}); err != nil {
			t.Fatal(err)
		}
	}
	list, total, err := s.Communities(ctx, maillage.Anonymous(), service.CommunityFilter{Visibility: maillage.VisibilityPublic})
	if err != nil || total != 1 || list[0].Visibility != maillage.VisibilityPublic {
		t.Fatalf("public only: %+v %d %v", list, total, err)
	}
	if _, total, _ := s.Communities(ctx, maillage.Anonymous(), service.CommunityFilter{}); total != 2 {
		t.Fatalf("both kinds: %d", total)
	}
}

func TestCreatingACommunityTwiceIsOneSubmission(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, v := testutil.User(t, s, "Responsable", "mgr@exemple.org")
	_, other := testutil.User(t, s, "Autre", "autre@exemple.org")
	in := maillage.CommunityInput{Name: "Cuisine collective", Visibility: "public"}
	a, err := s.CreateCommunity(ctx, v, in)
	if err != nil {
		t.Fatal(err)
	}
	in.Name = "CUISINE  collective"
	b, err := s.CreateCommunity(ctx, v, in)
	if err != nil || b.ID != a.ID {
		t.Fatalf("a double submission made a twin: %v %v", b, err)
	}
	// Someone else may start a community with the same name.
	c, err := s.CreateCommunity(ctx, other, in)
	if err != nil || c.ID == a.ID {
		t.Fatalf("another person's community: %v %v", c, err)
	}
	if _, total, _ := s.Communities(ctx, v, service.CommunityFilter{}); total != 2 {
		t.Fatalf("%d communities, want 2", total)
	}
}
