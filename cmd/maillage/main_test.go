package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/testutil"
)

// storageArgs points a command at a fresh database: SQLite in a temporary
// folder, or a fresh PostgreSQL schema when the tests run on PostgreSQL.
func storageArgs(t *testing.T) []string {
	opts := testutil.DBOptions(t)
	if opts.URL != "" {
		return []string{"--database-url", opts.URL, "--data", t.TempDir()}
	}
	return []string{"--data", opts.DataDir}
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestUserCreatePrintsTokenLast(t *testing.T) {
	ctx := context.Background()
	store := storageArgs(t)
	var out bytes.Buffer
	args := append([]string{"user", "create", "--email", "Ana@Exemple.org", "--name", "Ana Diallo", "--password", "un mot de passe solide", "--admin", "--token"}, store...)
	if err := run(ctx, args, &out, quiet()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	token := lines[len(lines)-1]
	if !strings.HasPrefix(token, "mlg_") || strings.Contains(token, " ") {
		t.Fatalf("last line is not a token alone: %q", token)
	}
	// The same email again is refused with a clear reason.
	err := run(ctx, append([]string{"user", "create", "--email", "ana@exemple.org", "--name", "X"}, store...), &out, quiet())
	if err == nil || !strings.Contains(err.Error(), "email") {
		t.Fatalf("duplicate email: %v", err)
	}
	if err := run(ctx, append([]string{"user", "create", "--email", "pas-un-courriel", "--name", "X"}, store...), &out, quiet()); err == nil {
		t.Fatal("invalid email accepted")
	}
}

func TestMigrateAndBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(ctx, []string{"migrate", "--data", dir}, &out, quiet()); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"user", "create", "--data", dir, "--email", "b@exemple.org", "--name", "B"}, &out, quiet()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "copie.db")
	if err := run(ctx, []string{"backup", file, "--data", dir}, &out, quiet()); err != nil {
		t.Fatal(err)
	}
	// The copy is a working database holding the user.
	out.Reset()
	restored := t.TempDir()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, "maillage.db"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	err = run(ctx, []string{"user", "create", "--data", restored, "--email", "b@exemple.org", "--name", "B"}, &out, quiet())
	if err == nil || !strings.Contains(err.Error(), "email") {
		t.Fatalf("the backup does not hold the user: %v", err)
	}
	if err := run(ctx, []string{"backup", file, "--data", dir}, &out, quiet()); err == nil {
		t.Fatal("a backup overwrote an existing file")
	}
}

func TestServeAnswersHealth(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	args := append([]string{"serve", "--addr", "127.0.0.1:0"}, storageArgs(t)...)
	go func() { done <- run(ctx, args, pw, quiet()); pw.Close() }()
	line := make([]byte, 256)
	n, err := pr.Read(line)
	if err != nil {
		t.Fatalf("no start-up line: %v", err)
	}
	go io.Copy(io.Discard, pr)
	// "Maillage listens at http://127.0.0.1:PORT (public URL ...)"
	fields := strings.Fields(string(line[:n]))
	if len(fields) < 4 {
		t.Fatalf("start-up line: %q", line[:n])
	}
	res, err := http.Get(fields[3] + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]string
	json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	if res.StatusCode != 200 || body["status"] != "ok" {
		t.Fatalf("healthz: %d %v", res.StatusCode, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve ended with %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestUnknownCommand(t *testing.T) {
	if err := run(context.Background(), []string{"frobnicate"}, io.Discard, quiet()); err == nil {
		t.Fatal("unknown command accepted")
	}
}

// TestBackupOnPostgresAdvisesPgDump: PostgreSQL has its own backup tool;
// the command says how to use it instead of writing a partial file.
func TestBackupOnPostgresAdvisesPgDump(t *testing.T) {
	opts := testutil.DBOptions(t)
	if opts.URL == "" {
		t.Skip("needs PostgreSQL: set " + testutil.PostgresURLEnv + " (CI does)")
	}
	file := filepath.Join(t.TempDir(), "copie.dump")
	err := run(context.Background(), []string{"backup", file, "--database-url", opts.URL, "--data", t.TempDir()}, io.Discard, quiet())
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Fatalf("backup on PostgreSQL: %v", err)
	}
	if _, statErr := os.Stat(file); !os.IsNotExist(statErr) {
		t.Fatal("a file was written")
	}
}
