package service_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

func TestActorCardVisibilityAndRights(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	mgr, vm := testutil.User(t, s, "Mo", "mo@exemple.org")
	c, err := s.CreateCommunity(ctx, vm, maillage.CommunityInput{Name: "Cercle mobilité", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	vm = testutil.ViewerOf(t, s, mgr.ID)
	testutil.AddMember(t, s, vm, c.ID, va.UserID, maillage.RoleMember)
	va = testutil.ViewerOf(t, s, va.UserID)

	// A card for a community is made by its members only.
	_, err = s.CreateActor(ctx, vb, maillage.ActorInput{Name: "X", Kind: "person", Visibility: "community", CommunityID: c.ID})
	if maillage.AsError(err).Fields == nil {
		t.Fatalf("a non-member made a community card: %v", err)
	}
	if _, err := s.CreateActor(ctx, maillage.Anonymous(), maillage.ActorInput{Name: "X", Kind: "person", Visibility: "public"}); maillage.ErrorCode(err) != maillage.CodeUnauthorized {
		t.Fatalf("a visitor made a card: %v", err)
	}
	_, err = s.CreateActor(ctx, va, maillage.ActorInput{Name: "X", Kind: "robot", Visibility: "everyone", Latitude: "91", Longitude: "0"})
	if e := maillage.AsError(err); len(e.Fields) != 3 {
		t.Fatalf("bad kind, visibility and latitude: %+v", e)
	}
	mk := func(vis, community string) *maillage.Actor {
		a, err := s.CreateActor(ctx, va, maillage.ActorInput{Name: "Léa " + vis, Kind: "person", Visibility: vis, CommunityID: community,
			Title: "Chargée de projet", Email: "Lea." + vis + "@Exemple.org", Tags: []string{"Mobilité durable"}, Source: "https://src.example"})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	pub, mem, com, priv := mk("public", ""), mk("members", ""), mk("community", c.ID), mk("private", "")
	if pub.Email != "lea.public@exemple.org" || len(pub.Tags) != 1 {
		t.Fatalf("created: %+v", pub)
	}
	admin := testutil.ViewerOf(t, s, testAdmin(t, s).ID)
	cases := []struct {
		name    string
		v       maillage.Viewer
		visible []*maillage.Actor
		hidden  []*maillage.Actor
	}{
		{"visitor", maillage.Anonymous(), []*maillage.Actor{pub}, []*maillage.Actor{mem, com, priv}},
		{"member of the platform", vb, []*maillage.Actor{pub, mem}, []*maillage.Actor{com, priv}},
		{"community manager", vm, []*maillage.Actor{pub, mem, com}, []*maillage.Actor{priv}},
		{"creator", va, []*maillage.Actor{pub, mem, com, priv}, nil},
		{"administrator", admin, []*maillage.Actor{pub, mem, com}, []*maillage.Actor{priv}},
	}
	for _, tc := range cases {
		for _, a := range tc.visible {
			if _, err := s.Actor(ctx, tc.v, a.ID); err != nil {
				t.Errorf("%s cannot see %s: %v", tc.name, a.Name, err)
			}
		}
		for _, a := range tc.hidden {
			if _, err := s.Actor(ctx, tc.v, a.ID); !maillage.IsNotFound(err) {
				t.Errorf("%s sees %s: %v", tc.name, a.Name, err)
			}
			if _, err := s.UpdateActor(ctx, tc.v, a.ID, maillage.ActorInput{Name: "Z", Kind: "person", Visibility: "public"}); !maillage.IsNotFound(err) {
				t.Errorf("%s edits the hidden %s: %v", tc.name, a.Name, err)
			}
			if err := s.DeleteActor(ctx, tc.v, a.ID); !maillage.IsNotFound(err) {
				t.Errorf("%s deletes the hidden %s: %v", tc.name, a.Name, err)
			}
		}
		list, total, err := s.Actors(ctx, tc.v, service.ActorFilter{Tag: "mobilite-durable"})
		if err != nil || total != len(tc.visible) || len(list) != len(tc.visible) {
			t.Errorf("%s lists %d (total %d), want %d: %v", tc.name, len(list), total, len(tc.visible), err)
		}
	}
	// Seeing is not editing; a community card is edited by its managers too.
	if _, err := s.UpdateActor(ctx, vb, mem.ID, maillage.ActorInput{Name: "Z", Kind: "person", Visibility: "members"}); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a reader edited: %v", err)
	}
	in := service.ActorInputOf(com)
	in.Description = "Revue par la responsable."
	if _, err := s.UpdateActor(ctx, vm, com.ID, in); err != nil {
		t.Fatalf("the community manager edits: %v", err)
	}
	if err := s.DeleteActor(ctx, va, priv.ID); err != nil {
		t.Fatal(err)
	}
}

// testAdmin creates a platform administrator.
func testAdmin(t *testing.T, s *service.Service) *maillage.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), maillage.SignUpInput{Email: "admin@exemple.org", Name: "Admin", Password: testutil.Password}, true)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestActorClaimAndRequests(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	lea, vl := testutil.User(t, s, "Léa", "lea@exemple.org")
	_, vz := testutil.User(t, s, "Zed", "zed@exemple.org")
	admin := testutil.ViewerOf(t, s, testAdmin(t, s).ID)
	card, err := s.CreateActor(ctx, va, maillage.ActorInput{Name: "Léa Tremblay", Kind: "person", Visibility: "members",
		Email: "LEA@exemple.org", Tags: []string{"Mobilité"}})
	if err != nil {
		t.Fatal(err)
	}
	note, err := s.CreateNote(ctx, va, maillage.NoteInput{Title: "Fiche\u202f: Léa", Body: "Rencontrée au forum.", Kind: "person", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AttachNoteToActor(ctx, vz, note.ID, card.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("a stranger attached a note: %v", err)
	}
	if err := s.AttachNoteToActor(ctx, va, note.ID, card.ID); err != nil {
		t.Fatal(err)
	}
	page, err := s.ActorPage(ctx, vl, card.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !page.CanClaim || len(page.Notes) != 1 {
		t.Fatalf("Léa's page: can claim %v, notes %v", page.CanClaim, page.Notes)
	}
	if other, _ := s.ActorPage(ctx, vz, card.ID); other.CanClaim || !other.CanRequestClaim {
		t.Fatalf("Zed's address does not match: %+v", other)
	}
	if a, _ := s.NoteActor(ctx, vz, note.ID); a == nil || a.ID != card.ID {
		t.Fatalf("the note links the card: %+v", a)
	}

	// Zed asks to claim it; Léa's confirmed address claims it at once.
	res, err := s.ClaimActor(ctx, vz, card.ID, "C'est moi.")
	if err != nil || res.Claimed || res.Request == nil || res.Request.Status != maillage.ActorRequestPending {
		t.Fatalf("claim without a matching address: %+v %v", res, err)
	}
	res, err = s.ClaimActor(ctx, vl, card.ID, "")
	if err != nil || !res.Claimed {
		t.Fatalf("claim with a matching address: %+v %v", res, err)
	}
	if _, err := s.ClaimActor(ctx, vz, card.ID, ""); maillage.AsError(err).MessageID != "actors.error.already_claimed" || maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("claim of a claimed card: %v", err)
	}
	n, err := s.Note(ctx, vl, note.ID)
	if err != nil || n.PersonUserID != lea.ID {
		t.Fatalf("the note is about Léa now: %+v %v", n, err)
	}
	// The claimer may now edit their own card.
	claimed, _ := s.Actor(ctx, vl, card.ID)
	in := service.ActorInputOf(claimed)
	in.Title = "Directrice"
	if _, err := s.UpdateActor(ctx, vl, card.ID, in); err != nil {
		t.Fatalf("the claimer edits: %v", err)
	}

	// Law 25: a removal request, answered by an administrator.
	other, err := s.CreateActor(ctx, va, maillage.ActorInput{Name: "Marc", Kind: "person", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RequestActorChange(ctx, vz, other.ID, maillage.ActorRequestCorrection, ""); maillage.AsError(err).Fields == nil {
		t.Fatalf("a correction says what to correct: %v", err)
	}
	req, err := s.RequestActorChange(ctx, vz, other.ID, maillage.ActorRequestRemoval, "Je ne souhaite pas figurer ici.")
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.RequestActorChange(ctx, vz, other.ID, maillage.ActorRequestRemoval, "Encore.")
	if err != nil || again.ID != req.ID {
		t.Fatalf("a second click files a second request: %+v %v", again, err)
	}
	if d := req.DueAt.Sub(req.CreatedAt); d != maillage.ActorRequestDelay {
		t.Fatalf("due in %v", d)
	}
	if err := s.AnswerActorRequest(ctx, va, req.ID, true, ""); !maillage.IsNotFound(err) {
		t.Fatalf("the card's creator answered a removal request: %v", err)
	}
	queue, err := s.ActorRequests(ctx, admin)
	// Zed's claim was closed when Léa claimed the card.
	if err != nil || len(queue) != 1 || queue[0].ID != req.ID {
		t.Fatalf("admin queue: %+v %v", queue, err)
	}
	if err := s.AnswerActorRequest(ctx, admin, req.ID, true, "Retirée."); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Actor(ctx, admin, other.ID); !maillage.IsNotFound(err) {
		t.Fatalf("removed card still there: %v", err)
	}
	if err := s.AnswerActorRequest(ctx, admin, req.ID, true, ""); maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("answered twice: %v", err)
	}
}

func TestActorClaimApprovedByManager(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	mgr, vm := testutil.User(t, s, "Mo", "mo@exemple.org")
	joiner, vj := testutil.User(t, s, "Jo", "jo@exemple.org")
	c, err := s.CreateCommunity(ctx, vm, maillage.CommunityInput{Name: "Cercle", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	vm = testutil.ViewerOf(t, s, mgr.ID)
	testutil.AddMember(t, s, vm, c.ID, joiner.ID, maillage.RoleMember)
	vj = testutil.ViewerOf(t, s, joiner.ID)
	card, err := s.CreateActor(ctx, vm, maillage.ActorInput{Name: "Jo", Kind: "person", Visibility: "community", CommunityID: c.ID,
		Tags: []string{"Vélo"}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.ClaimActor(ctx, vj, card.ID, "Je suis Jo.")
	if err != nil || res.Request == nil {
		t.Fatalf("claim request: %+v %v", res, err)
	}
	if err := s.AnswerActorRequest(ctx, vj, res.Request.ID, true, ""); !maillage.IsNotFound(err) {
		t.Fatalf("the requester approved their own claim: %v", err)
	}
	queue, err := s.ActorRequests(ctx, vm)
	if err != nil || len(queue) != 1 {
		t.Fatalf("manager queue: %+v %v", queue, err)
	}
	if err := s.AnswerActorRequest(ctx, vm, res.Request.ID, true, "Bienvenue !"); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Actor(ctx, card.ID)
	if got.ClaimedUserID != joiner.ID {
		t.Fatalf("claimed by %q", got.ClaimedUserID)
	}
	interests, _ := db.UserInterests(ctx, joiner.ID)
	if len(interests[joiner.ID]) != 1 {
		t.Fatalf("tags moved: %+v", interests)
	}
}

// TestActorCardsInSearch: cards are found as type "actor" by the viewers
// who may see them and no one else, follow edits at once, and leave the
// index once claimed (the account stands for them).
func TestActorCardsInSearch(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, va := testutil.User(t, s, "Ana", "ana@exemple.org")
	_, vj := testutil.User(t, s, "Jo", "jo@exemple.org")
	find := func(v maillage.Viewer, q string) []string {
		t.Helper()
		res, err := s.Search(ctx, v, service.SearchInput{Q: q, Types: []string{"actor"}, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			if h.Kind != "actor" || h.Path() != "/actors/"+h.ID {
				t.Fatalf("hit %+v", h)
			}
			out = append(out, h.ID)
		}
		return out
	}
	pub, err := s.CreateActor(ctx, va, maillage.ActorInput{Name: "Accorderie du triporteur", Kind: "organization", Visibility: "public",
		Tags: []string{"Entraide"}})
	if err != nil {
		t.Fatal(err)
	}
	priv, err := s.CreateActor(ctx, va, maillage.ActorInput{Name: "Triporteur secret", Kind: "person", Visibility: "private",
		Email: "jo@exemple.org"})
	if err != nil {
		t.Fatal(err)
	}
	if got := find(maillage.Anonymous(), "triporteur"); len(got) != 1 || got[0] != pub.ID {
		t.Fatalf("a visitor finds %v", got)
	}
	if got := find(va, "triporteur"); len(got) != 2 {
		t.Fatalf("the creator finds %v", got)
	}
	if got := find(vj, "triporteur"); len(got) != 1 {
		t.Fatalf("another member finds %v", got)
	}
	if got := find(maillage.Anonymous(), "entraide"); len(got) != 1 {
		t.Fatalf("by its tag: %v", got)
	}
	in := service.ActorInputOf(priv)
	in.Visibility = "members"
	if _, err := s.UpdateActor(ctx, va, priv.ID, in); err != nil {
		t.Fatal(err)
	}
	if got := find(vj, "triporteur"); len(got) != 2 {
		t.Fatalf("after widening: %v", got)
	}
	if _, err := s.ClaimActor(ctx, vj, priv.ID, ""); err != nil {
		t.Fatal(err)
	}
	if got := find(va, "secret"); len(got) != 0 {
		t.Fatalf("a claimed card stays in search: %v", got)
	}
}
