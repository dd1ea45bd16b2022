package store_test

import (
	"context"
	"os"
	"reflect"
	"sort"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestSchemaParity migrates both databases and compares their tables and
// columns, so a migration written for one dialect only is caught.
func TestSchemaParity(t *testing.T) {
	if os.Getenv(testutil.PostgresURLEnv) == "" {
		t.Skip("needs PostgreSQL: set " + testutil.PostgresURLEnv + " (CI does)")
	}
	ctx := context.Background()
	pg := testutil.OpenDB(t)
	sqlite, err := store.Open(ctx, store.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer sqlite.Close()
	if err := sqlite.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a, err := sqlite.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := pg.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) < 50 {
		t.Fatalf("schema looks empty: %d columns", len(a))
	}
	if !reflect.DeepEqual(a, b) {
		ma := map[store.Column]bool{}
		for _, c := range a {
			ma[c] = true
		}
		for _, c := range b {
			if !ma[c] {
				t.Errorf("only in PostgreSQL (or nullability differs): %+v", c)
			}
			delete(ma, c)
		}
		for c := range ma {
			t.Errorf("only in SQLite (or nullability differs): %+v", c)
		}
	}
}

func TestMigrateTwiceIsHarmless(t *testing.T) {
	db := testutil.OpenDB(t)
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("second migration: %v", err)
	}
}

func newUser(t *testing.T, db *store.DB, name, email string, vis maillage.ProfileVisibility) *maillage.User {
	t.Helper()
	u := &maillage.User{ID: auth.NewID(), Email: email, Name: name, ProfileVisibility: vis}
	err := db.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateUser(context.Background(), u, "hash") })
	if err != nil {
		t.Fatalf("create user: %v", err)
	}
	return u
}

func TestUsersAndErrors(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	u := newUser(t, db, "Léa Côté", "lea@exemple.org", maillage.ProfilePublic)
	got, err := db.User(ctx, u.ID)
	if err != nil || got.Name != "Léa Côté" || got.Language != "fr-CA" || got.CreatedAt.Location().String() != "UTC" {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	// The same address again is a conflict on the email field, not a driver error.
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateUser(ctx, &maillage.User{ID: auth.NewID(), Email: "lea@exemple.org", Name: "X"}, "h")
	})
	if e := maillage.AsError(err); e.Code != maillage.CodeConflict || len(e.Fields) != 1 || e.Fields[0].Field != "email" {
		t.Fatalf("duplicate email: %v", err)
	}
	if _, err := db.User(ctx, "nope"); !maillage.IsNotFound(err) {
		t.Fatalf("unknown id: %v", err)
	}
	// A failed transaction leaves nothing behind.
	_ = db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateUser(ctx, &maillage.User{ID: auth.NewID(), Email: "half@exemple.org", Name: "Half"}, "h"); err != nil {
			return err
		}
		return maillage.ErrConflict
	})
	if n, _ := db.CountUsers(ctx); n != 1 {
		t.Fatalf("rolled-back user persisted: %d users", n)
	}
	// Accent- and case-insensitive name search.
	users, total, err := db.Users(ctx, maillage.Viewer{UserID: u.ID}, store.UserFilter{Query: "LEA COTE"})
	if err != nil || total != 1 || len(users) != 1 {
		t.Fatalf("search by folded name: %d %v", total, err)
	}
}

func TestTagsFoldAndMerge(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	var first, second []maillage.Tag
	err := db.Update(ctx, func(tx *store.Tx) error {
		var err error
		if first, err = tx.EnsureTags(ctx, []string{"Économie sociale", "  ", "C++", "c"}, ""); err != nil {
			return err
		}
		second, err = tx.EnsureTags(ctx, []string{"economie  SOCIALE", "économie sociale"}, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 3 || len(second) != 1 || second[0].ID != first[0].ID || second[0].Label != "Économie sociale" {
		t.Fatalf("tags not folded: %+v / %+v", first, second)
	}
	if first[1].Slug != "c" || first[2].Slug != "c-2" {
		t.Fatalf("slug collision not numbered: %q %q", first[1].Slug, first[2].Slug)
	}
	// A synonym resolves to its tag.
	err = db.Update(ctx, func(tx *store.Tx) error { return tx.AddTagSynonym(ctx, first[0].ID, "ESS", "fr-CA") })
	if err != nil {
		t.Fatal(err)
	}
	if tg, err := db.TagByLabel(ctx, "ess"); err != nil || tg.ID != first[0].ID {
		t.Fatalf("synonym: %v %v", tg, err)
	}
	// A free tag nothing visible carries is not suggested; once an
	// organisation (a public directory) carries it, it is.
	if sug, err := db.AutocompleteTags(ctx, maillage.Anonymous(), "eco", 10); err != nil || len(sug) != 0 {
		t.Fatalf("an unused free tag was suggested: %+v %v", sug, err)
	}
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateOrganization(ctx, &maillage.Organization{ID: auth.NewID(), Name: "Coop", Tags: first[:1]})
	})
	if err != nil {
		t.Fatal(err)
	}
	sug, err := db.AutocompleteTags(ctx, maillage.Anonymous(), "eco", 10)
	if err != nil || len(sug) != 1 || sug[0].Slug != "economie-sociale" || sug[0].Uses != 1 {
		t.Fatalf("autocomplete: %+v %v", sug, err)
	}
	// Pattern characters are literal.
	if sug, err := db.AutocompleteTags(ctx, maillage.Anonymous(), "%", 10); err != nil || len(sug) != 0 {
		t.Fatalf("autocomplete %%: %+v %v", sug, err)
	}
}

// TestPolicySQLMirror builds every kind of community and profile and every
// kind of viewer, and checks that the store's filtered lists and counts
// return exactly what the domain policy allows.
func TestPolicySQLMirror(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	pubUser := newUser(t, db, "Public", "pub@exemple.org", maillage.ProfilePublic)
	memUser := newUser(t, db, "Membre", "mem@exemple.org", maillage.ProfileMembers)
	manager := newUser(t, db, "Responsable", "mgr@exemple.org", maillage.ProfileMembers)
	outsider := newUser(t, db, "Dehors", "out@exemple.org", maillage.ProfilePublic)

	var comms []*maillage.Community
	for _, c := range []struct {
		vis    maillage.Visibility
		listed bool
	}{{maillage.VisibilityPublic, true}, {maillage.VisibilityPrivate, true}, {maillage.VisibilityPrivate, false}} {
		cm := &maillage.Community{ID: auth.NewID(), Name: string(c.vis), Visibility: c.vis, Listed: c.listed, CreatedBy: manager.ID}
		err := db.Update(ctx, func(tx *store.Tx) error {
			if err := tx.CreateCommunity(ctx, cm); err != nil {
				return err
			}
			return tx.UpsertMember(ctx, cm.ID, memUser.ID, maillage.RoleMember)
		})
		if err != nil {
			t.Fatal(err)
		}
		comms = append(comms, cm)
	}
	users := []*maillage.User{pubUser, memUser, manager, outsider}
	viewers := map[string]maillage.Viewer{"anonymous": maillage.Anonymous(), "admin": {UserID: "admin-id", Admin: true}}
	for _, u := range users {
		roles, err := db.CommunityRoles(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		viewers[u.Name] = maillage.Viewer{UserID: u.ID, Roles: roles}
	}
	for name, v := range viewers {
		var want []string
		for _, c := range comms {
			if maillage.CanSeeCommunity(v, c.Access()) {
				want = append(want, c.ID)
			}
		}
		list, total, err := db.Communities(ctx, v, store.CommunityFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if got := communityIDs(list); !equalSets(got, want) || total != len(want) {
			t.Errorf("%s: communities %v (total %d), policy allows %v", name, got, total, want)
		}
		var wantUsers []string
		for _, u := range users {
			if maillage.CanViewProfile(v, u.Access()) {
				wantUsers = append(wantUsers, u.ID)
			}
		}
		people, total, err := db.Users(ctx, v, store.UserFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range people {
			got = append(got, p.ID)
		}
		if !equalSets(got, wantUsers) || total != len(wantUsers) {
			t.Errorf("%s: people %v (total %d), policy allows %v", name, got, total, wantUsers)
		}
		members, total, err := db.Members(ctx, v, comms[0].ID, 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			u, _ := db.User(ctx, m.UserID)
			if !maillage.CanViewProfile(v, u.Access()) {
				t.Errorf("%s: member list shows hidden profile %s", name, u.Name)
			}
		}
		if total != len(members) {
			t.Errorf("%s: member count %d for %d listed", name, total, len(members))
		}
	}
}

func communityIDs(cs []maillage.Community) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func equalSets(a, b []string) bool {
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}
