package store_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestTextArgumentsNeverFailAQuery: a NUL or bytes that are not UTF-8 in
// any text argument (a search, an ID, a stored value) never make the
// database fail, on PostgreSQL as on SQLite: reads find nothing, writes
// store the text without them.
func TestTextArgumentsNeverFailAQuery(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	bad := "a\x00b\xffc"

	if _, err := db.User(ctx, bad); !maillage.IsNotFound(err) {
		t.Fatalf("User(%q): %v, want not found", bad, err)
	}
	if _, _, err := db.Notes(ctx, maillage.Viewer{}, store.NoteFilter{Query: bad, AuthorID: bad, TagID: bad, Limit: 10}); err != nil {
		t.Fatalf("Notes with a NUL in the query: %v", err)
	}
	u := &maillage.User{ID: auth.NewID(), Email: "nul@exemple.org", Name: "Ana\x00 Diallo\xff"}
	if err := db.Update(ctx, func(tx *store.Tx) error { return tx.CreateUser(ctx, u, "hash") }); err != nil {
		t.Fatalf("a NUL in a stored value: %v", err)
	}
	got, err := db.User(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Ana Diallo\uFFFD" {
		t.Fatalf("stored name %q", got.Name)
	}
}
