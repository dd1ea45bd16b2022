package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

func actorsWorld(t *testing.T) (*store.DB, func(f func(tx *store.Tx) error), func(name string, admin bool) *maillage.User) {
	t.Helper()
	ctx := context.Background()
	db := testutil.OpenDB(t)
	update := func(f func(tx *store.Tx) error) {
		t.Helper()
		if err := db.Update(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	user := func(name string, admin bool) *maillage.User {
		u := &maillage.User{ID: auth.NewID(), Email: name + "@exemple.org", Name: name, ProfileVisibility: maillage.ProfilePublic}
		update(func(tx *store.Tx) error {
			if err := tx.CreateUser(ctx, u, "hash"); err != nil {
				return err
			}
			return tx.SetAdmin(ctx, u.ID, admin)
		})
		return u
	}
	return db, update, user
}

func TestActorsCreateListAndVisibility(t *testing.T) {
	ctx := context.Background()
	db, update, user := actorsWorld(t)
	ana, bob := user("ana", false), user("bob", false)
	c := &maillage.Community{ID: auth.NewID(), Name: "Cercle", Visibility: maillage.VisibilityPrivate, CreatedBy: ana.ID}
	update(func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		return tx.UpsertMember(ctx, c.ID, ana.ID, maillage.RoleManager)
	})
	lat, lon := 46.81, -71.21
	mk := func(name string, vis maillage.ActorVisibility, community string) *maillage.Actor {
		a := &maillage.Actor{ID: auth.NewID(), Kind: maillage.ActorOrganization, Name: name, Visibility: vis, CommunityID: community,
			CreatedBy: ana.ID, Website: "https://" + name + ".example", Latitude: &lat, Longitude: &lon, Source: "https://src.example"}
		update(func(tx *store.Tx) error {
			tags, err := tx.EnsureTags(ctx, []string{"Économie sociale"}, ana.ID)
			if err != nil {
				return err
			}
			a.Tags = tags
			return tx.CreateActor(ctx, a)
		})
		return a
	}
	pub := mk("Coop Été", maillage.ActorPublic, "")
	mem := mk("Membres", maillage.ActorMembers, "")
	com := mk("Cercle fermé", maillage.ActorCommunity, c.ID)
	priv := mk("Privée", maillage.ActorPrivate, "")

	got, err := db.Actor(ctx, pub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Coop Été" || got.NameKey != "coop ete" || len(got.Tags) != 1 || got.Tags[0].Label != "Économie sociale" ||
		got.Latitude == nil || *got.Latitude != lat || got.Source != "https://src.example" || got.Version != 1 {
		t.Fatalf("read back %+v", got)
	}
	if c2, _ := db.Actor(ctx, com.ID); c2.CommunityName != "Cercle" {
		t.Errorf("community name %q", c2.CommunityName)
	}

	names := func(v maillage.Viewer, f store.ActorFilter) []string {
		t.Helper()
		list, total, err := db.Actors(ctx, v, f)
		if err != nil {
			t.Fatal(err)
		}
		if total != len(list) {
			t.Errorf("total %d, listed %d", total, len(list))
		}
		var out []string
		for _, a := range list {
			out = append(out, a.Name)
		}
		return out
	}
	anaV := maillage.Viewer{UserID: ana.ID, Roles: map[string]maillage.Role{c.ID: maillage.RoleManager}}
	cases := []struct {
		name string
		v    maillage.Viewer
		want []string
	}{
		{"visitor", maillage.Anonymous(), []string{"Coop Été"}},
		{"member of the platform", maillage.Viewer{UserID: bob.ID}, []string{"Coop Été", "Membres"}},
		{"creator and community member", anaV, []string{"Cercle fermé", "Coop Été", "Membres", "Privée"}},
	}
	for _, tc := range cases {
		if got := names(tc.v, store.ActorFilter{}); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s sees %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := names(anaV, store.ActorFilter{Query: "coop ETE"}); fmt.Sprint(got) != "[Coop Été]" {
		t.Errorf("query: %v", got)
	}

	// Editing checks the version.
	pub.Name, pub.Description = "Coop Été 2", "Une coop."
	update(func(tx *store.Tx) error { return tx.UpdateActor(ctx, pub, 1) })
	err = db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateActor(ctx, pub, 1) })
	if !errors.Is(err, maillage.ErrEditConflict) {
		t.Fatalf("stale edit: %v", err)
	}

	// EachActor streams every card, claimed or not, with tags.
	seen := map[string]maillage.Actor{}
	if err := db.EachActor(ctx, func(a maillage.Actor) error { seen[a.ID] = a; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 4 || len(seen[priv.ID].Tags) != 1 || seen[com.ID].CommunityID != c.ID || seen[mem.ID].Visibility != maillage.ActorMembers {
		t.Fatalf("each actor: %+v", seen)
	}
	stop := errors.New("stop")
	if err := db.EachActor(ctx, func(maillage.Actor) error { return stop }); !errors.Is(err, stop) {
		t.Fatalf("each actor stops on error: %v", err)
	}

	// Tag pages list cards through the tag use tables, filtered.
	uses, total, err := db.TagUses(ctx, maillage.Anonymous(), pub.Tags[0].ID, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || uses[0].Kind != maillage.TagUseActor || uses[0].SubjectID != pub.ID {
		t.Fatalf("tag uses for a visitor: %d %+v", total, uses)
	}

	update(func(tx *store.Tx) error { return tx.DeleteActor(ctx, priv.ID) })
	if _, err := db.Actor(ctx, priv.ID); !maillage.IsNotFound(err) {
		t.Fatalf("deleted card: %v", err)
	}
}

func TestActorClaimMovesRelations(t *testing.T) {
	ctx := context.Background()
	db, update, user := actorsWorld(t)
	ana, joiner, other := user("ana", false), user("joiner", false), user("other", false)
	a := &maillage.Actor{ID: auth.NewID(), Kind: maillage.ActorPerson, Name: "Joiner", Visibility: maillage.ActorMembers,
		CreatedBy: ana.ID, Email: "joiner@exemple.org"}
	n := &maillage.Note{ID: auth.NewID(), Title: "Fiche", Kind: maillage.NotePerson, Visibility: maillage.VisibilityPublic,
		License: maillage.LicenseCCBY, CreatedBy: ana.ID, Authors: []maillage.NoteAuthor{{UserID: ana.ID}}}
	update(func(tx *store.Tx) error {
		tags, err := tx.EnsureTags(ctx, []string{"Mobilité"}, ana.ID)
		if err != nil {
			return err
		}
		a.Tags = tags
		if err := tx.CreateActor(ctx, a); err != nil {
			return err
		}
		if err := tx.CreateNote(ctx, n); err != nil {
			return err
		}
		return tx.AttachNoteToActor(ctx, n.ID, a.ID)
	})
	if id, _ := db.NoteActorID(ctx, n.ID); id != a.ID {
		t.Fatalf("note attached to %q", id)
	}
	notes, err := db.ActorNotes(ctx, maillage.Anonymous(), a.ID)
	if err != nil || len(notes) != 1 {
		t.Fatalf("actor notes: %v %v", notes, err)
	}
	req := &maillage.ActorRequest{ID: auth.NewID(), ActorID: a.ID, ActorName: a.Name, Kind: maillage.ActorRequestClaim, RequesterID: other.ID}
	update(func(tx *store.Tx) error { return tx.CreateActorRequest(ctx, req) })
	stored, err := db.ActorRequest(ctx, req.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := stored.DueAt.Sub(stored.CreatedAt); d != maillage.ActorRequestDelay || stored.Actor.Visibility != maillage.ActorMembers {
		t.Fatalf("request due after %v, access %+v", d, stored.Actor)
	}

	update(func(tx *store.Tx) error { return tx.ClaimActor(ctx, a.ID, joiner.ID) })
	got, _ := db.Actor(ctx, a.ID)
	if got.ClaimedUserID != joiner.ID || got.ClaimedAt == nil || len(got.Tags) != 0 {
		t.Fatalf("claimed card: %+v", got)
	}
	interests, _ := db.UserInterests(ctx, joiner.ID)
	if len(interests[joiner.ID]) != 1 || interests[joiner.ID][0].Label != "Mobilité" {
		t.Fatalf("tags moved to interests: %+v", interests)
	}
	note, err := db.Note(ctx, n.ID)
	if err != nil || note.PersonUserID != joiner.ID {
		t.Fatalf("note now about the member: %+v %v", note, err)
	}
	// The other person's pending claim is answered by this one.
	if r, _ := db.ActorRequest(ctx, req.ID); r.Status != maillage.ActorRequestRefused {
		t.Fatalf("pending claim left %q", r.Status)
	}
	// A second claim changes nothing.
	err = db.Update(ctx, func(tx *store.Tx) error { return tx.ClaimActor(ctx, a.ID, other.ID) })
	if !errors.Is(err, store.ErrActorClaimed) {
		t.Fatalf("second claim: %v", err)
	}
	if got, _ := db.Actor(ctx, a.ID); got.ClaimedUserID != joiner.ID {
		t.Fatalf("second claim moved the card to %q", got.ClaimedUserID)
	}
	// A claimed card leaves the directory and search; the account stands for it.
	list, _, _ := db.Actors(ctx, maillage.Viewer{UserID: ana.ID}, store.ActorFilter{})
	if len(list) != 0 {
		t.Fatalf("claimed card still listed: %+v", list)
	}
}

func TestActorRequestsQueueAndMatch(t *testing.T) {
	ctx := context.Background()
	db, update, user := actorsWorld(t)
	ana, admin, mgr := user("ana", false), user("admin", true), user("mgr", false)
	c := &maillage.Community{ID: auth.NewID(), Name: "Cercle", Visibility: maillage.VisibilityPublic, CreatedBy: mgr.ID}
	org := &maillage.Organization{ID: auth.NewID(), Name: "Coop du Quartier", Type: maillage.OrgCooperative, Website: "https://coopquartier.example"}
	update(func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		if err := tx.CreateOrganization(ctx, org); err != nil {
			return err
		}
		return tx.UpsertMember(ctx, c.ID, mgr.ID, maillage.RoleManager)
	})
	pub := &maillage.Actor{ID: auth.NewID(), Kind: maillage.ActorPerson, Name: "Zoé", Visibility: maillage.ActorPublic, CreatedBy: ana.ID}
	com := &maillage.Actor{ID: auth.NewID(), Kind: maillage.ActorPerson, Name: "Yan", Visibility: maillage.ActorCommunity, CommunityID: c.ID, CreatedBy: mgr.ID}
	update(func(tx *store.Tx) error {
		if err := tx.CreateActor(ctx, pub); err != nil {
			return err
		}
		return tx.CreateActor(ctx, com)
	})
	removal := &maillage.ActorRequest{ID: auth.NewID(), ActorID: pub.ID, ActorName: pub.Name, Kind: maillage.ActorRequestRemoval, RequesterID: ana.ID,
		DueAt: time.Now().Add(-time.Hour)}
	claim := &maillage.ActorRequest{ID: auth.NewID(), ActorID: com.ID, ActorName: com.Name, Kind: maillage.ActorRequestClaim, RequesterID: ana.ID}
	update(func(tx *store.Tx) error {
		if err := tx.CreateActorRequest(ctx, removal); err != nil {
			return err
		}
		return tx.CreateActorRequest(ctx, claim)
	})
	all, err := db.ActorRequests(ctx, maillage.Viewer{UserID: admin.ID, Admin: true}, 50)
	if err != nil || len(all) != 2 || all[0].ID != removal.ID {
		t.Fatalf("admin queue (due first): %+v %v", all, err)
	}
	if n, _ := db.OverdueActorRequests(ctx, time.Now()); n != 1 {
		t.Fatalf("overdue: %d", n)
	}
	mine, err := db.ActorRequests(ctx, maillage.Viewer{UserID: mgr.ID, Roles: map[string]maillage.Role{c.ID: maillage.RoleManager}}, 50)
	if err != nil || len(mine) != 1 || mine[0].ID != claim.ID {
		t.Fatalf("manager queue: %+v %v", mine, err)
	}
	if none, _ := db.ActorRequests(ctx, maillage.Viewer{UserID: ana.ID}, 50); len(none) != 0 {
		t.Fatalf("a member answers nothing: %+v", none)
	}
	// Removing the card closes its requests but keeps them, with its name.
	update(func(tx *store.Tx) error { return tx.DeleteActor(ctx, pub.ID) })
	r, err := db.ActorRequest(ctx, removal.ID)
	if err != nil || r.Status != maillage.ActorRequestClosed || r.ActorName != "Zoé" || r.ActorID != "" {
		t.Fatalf("request after removal: %+v %v", r, err)
	}
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.AnswerActorRequest(ctx, removal.ID, maillage.ActorRequestApproved, "", admin.ID)
	})
	if !errors.Is(err, maillage.ErrConflict) {
		t.Fatalf("answering a closed request: %v", err)
	}

	// Duplicates: an organisation of the directory, a member, a card.
	match := func(v maillage.Viewer, c store.ActorCandidate) *store.ActorMatch {
		t.Helper()
		var m *store.ActorMatch
		update(func(tx *store.Tx) error {
			var err error
			m, err = tx.MatchActor(ctx, v, c)
			return err
		})
		return m
	}
	anaV := maillage.Viewer{UserID: ana.ID}
	if m := match(anaV, store.ActorCandidate{NameKey: "coop du quartier"}); m == nil || m.Type != "organization" || m.ID != org.ID {
		t.Errorf("organisation by name: %+v", m)
	}
	if m := match(anaV, store.ActorCandidate{NameKey: "coop du quartier", Website: "https://autre.example"}); m != nil {
		t.Errorf("a homonym with another website is not a duplicate: %+v", m)
	}
	if m := match(anaV, store.ActorCandidate{NameKey: "mgr", Email: "MGR@exemple.org"}); m == nil || m.Type != "user" {
		t.Errorf("member by name and address: %+v", m)
	}
	if m := match(anaV, store.ActorCandidate{NameKey: "mgr"}); m != nil {
		t.Errorf("a member's name alone matches nothing: %+v", m)
	}
	if m := match(anaV, store.ActorCandidate{NameKey: "yan"}); m != nil {
		t.Errorf("a card the importer may not see is no duplicate (it would leak): %+v", m)
	}
	mgrV := maillage.Viewer{UserID: mgr.ID, Roles: map[string]maillage.Role{c.ID: maillage.RoleManager}}
	if m := match(mgrV, store.ActorCandidate{NameKey: "yan"}); m == nil || m.ID != com.ID {
		t.Errorf("a visible card: %+v", m)
	}
}
