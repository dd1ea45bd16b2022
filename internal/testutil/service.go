package testutil

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// Service returns a service over a fresh database with cheap password
// hashing, and the database itself.
func Service(t testing.TB) (*service.Service, *store.DB) {
	t.Helper()
	db := OpenDB(t)
	return service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://maillage.test",
		Files: Files(t)}), db
}

// Files returns file storage in a temporary folder removed after the test.
func Files(t testing.TB) files.Storage {
	t.Helper()
	d, err := files.NewDisk(filepath.Join(t.TempDir(), "files"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Password is the password of every user made by User.
const Password = "un mot de passe assez long"

// User creates a confirmed account and returns it with its viewer.
func User(t testing.TB, s *service.Service, name, email string) (*maillage.User, maillage.Viewer) {
	t.Helper()
	ctx := context.Background()
	u, err := s.CreateUser(ctx, maillage.SignUpInput{Email: email, Name: name, Password: Password}, false)
	if err != nil {
		t.Fatalf("create user %s: %v", email, err)
	}
	return u, ViewerOf(t, s, u.ID)
}

// ViewerOf loads a user's current viewer (after membership changes).
func ViewerOf(t testing.TB, s *service.Service, userID string) maillage.Viewer {
	t.Helper()
	v, _, err := s.Viewer(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
