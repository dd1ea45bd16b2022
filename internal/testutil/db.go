// Package testutil gives tests real databases: SQLite in a temporary
// folder by default, PostgreSQL when MAILLAGE_TEST_DATABASE_URL is set
// (each test then gets a fresh schema, dropped when it ends).
package testutil

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/maillage/maillage/internal/store"
)

// PostgresURLEnv names the variable that switches tests to PostgreSQL.
const PostgresURLEnv = "MAILLAGE_TEST_DATABASE_URL"

// DBOptions returns store options for a fresh, empty database for t, and
// registers its removal.
func DBOptions(t testing.TB) store.Options {
	t.Helper()
	base := os.Getenv(PostgresURLEnv)
	if base == "" {
		return store.Options{DataDir: t.TempDir()}
	}
	return store.Options{URL: freshSchema(t, base)}
}

// OpenDB opens and migrates a fresh database for t, closed when t ends.
func OpenDB(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, DBOptions(t))
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}

// freshSchema creates a schema with a random name and returns base with
// its search_path set to it, so tests never see each other's rows.
func freshSchema(t testing.TB, base string) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresURLEnv, err)
	}
	q := u.Query()
	// public stays on the path so extensions installed there (unaccent) resolve.
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}
