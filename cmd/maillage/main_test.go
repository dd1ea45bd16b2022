package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
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
	t.Run("serve", func(t *testing.T) {
		serveAnswersHealth(t, append([]string{"serve", "--addr", "127.0.0.1:0"}, storageArgs(t)...))
	})
	// No command at all still serves, flags given alone.
	t.Run("default", func(t *testing.T) {
		serveAnswersHealth(t, append([]string{"--addr", "127.0.0.1:0"}, storageArgs(t)...))
	})
}

func serveAnswersHealth(t *testing.T, args []string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
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
	// Ready once the search index and the relation graph are built,
	// which they do in the background; until then 503 with why.
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err = http.Get(fields[3] + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		body = nil
		json.NewDecoder(res.Body).Decode(&body)
		res.Body.Close()
		if res.StatusCode == 200 && body["status"] == "ok" {
			break
		}
		building := body["status"] == "search_index_behind" || body["status"] == "relation_graph_building"
		if res.StatusCode != http.StatusServiceUnavailable || !building || time.Now().After(deadline) {
			t.Fatalf("readyz: %d %v", res.StatusCode, body)
		}
		time.Sleep(50 * time.Millisecond)
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

// TestFlagsBeforeOrAfterCommand: `maillage --data d migrate` migrates (it
// once started a server instead), exactly like `maillage migrate --data d`;
// the same holds for every command.
func TestFlagsBeforeOrAfterCommand(t *testing.T) {
	// A command that wrongly serves would block until this deadline and
	// then fail on its missing output; the test never waits on time itself.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--data", dir, "migrate"}, "migrations applied"},
		{[]string{"migrate", "--data", dir}, "migrations applied"},
		{[]string{"--data=" + dir, "migrate"}, "migrations applied"},
		{[]string{"--data", dir, "user", "create", "--email", "c@exemple.org", "--name", "C", "--curator"}, "user created"},
		{[]string{"user", "--data", dir, "create", "--email", "d@exemple.org", "--name", "D"}, "user created"},
		{[]string{"--data", dir, "backup", filepath.Join(t.TempDir(), "a.db")}, "backup written"},
		{[]string{"backup", "--data", dir, filepath.Join(t.TempDir(), "b.db")}, "backup written"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		if err := run(ctx, c.args, &out, quiet()); err != nil {
			t.Fatalf("%q: %v", c.args, err)
		}
		if !strings.Contains(out.String(), c.want) {
			t.Fatalf("%q printed %q, want %q", c.args, out.String(), c.want)
		}
	}
}

// TestCuratorFlag: --curator makes a curator who is not an
// administrator; without it, a plain member.
func TestCuratorFlag(t *testing.T) {
	ctx := context.Background()
	opts := testutil.DBOptions(t)
	storage := []string{"--data", opts.DataDir}
	if opts.URL != "" {
		storage = []string{"--database-url", opts.URL, "--data", t.TempDir()}
	}
	create := func(email string, extra ...string) string {
		var out bytes.Buffer
		args := append(append([]string{"user", "create", "--email", email, "--name", "E", "--token"}, extra...), storage...)
		if err := run(ctx, args, &out, quiet()); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		want := "admin=false curator=" + strconv.FormatBool(len(extra) > 0)
		if !strings.Contains(out.String(), want) || !strings.HasPrefix(lines[len(lines)-1], "mlg_") {
			t.Fatalf("user create %v printed %q, want %q and a token last", extra, out.String(), want)
		}
		_, id, _ := strings.Cut(lines[0], " id=")
		id, _, _ = strings.Cut(id, " ")
		return id
	}
	curator, member := create("cur@exemple.org", "--curator"), create("membre@exemple.org")
	db, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for id, want := range map[string]bool{curator: true, member: false} {
		u, err := db.User(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := maillage.CanCurate(maillage.Viewer{UserID: u.ID, Admin: u.Admin, Curator: u.Curator}); got != want {
			t.Errorf("user %s may curate: %v, want %v", u.Email, got, want)
		}
	}
}

// TestSplitArgs: the words of a command line are found wherever its
// flags stand, and a flag's value is never taken for a word.
func TestSplitArgs(t *testing.T) {
	cases := []struct {
		args, words, flags []string
	}{
		{nil, nil, nil},
		{[]string{"--data", "d", "migrate"}, []string{"migrate"}, []string{"--data", "d"}},
		{[]string{"migrate", "-data", "d"}, []string{"migrate"}, []string{"-data", "d"}},
		{[]string{"--demo", "serve"}, []string{"serve"}, []string{"--demo"}},
		{[]string{"--addr=:1", "x"}, []string{"x"}, []string{"--addr=:1"}},
		{[]string{"user", "create", "--admin", "--name", "create"}, []string{"user", "create"}, []string{"--admin", "--name", "create"}},
		{[]string{"backup", "--", "-f"}, []string{"backup", "-f"}, nil},
		{[]string{"--bogus", "migrate"}, []string{"migrate"}, []string{"--bogus"}},
	}
	for _, c := range cases {
		words, flags := splitArgs(c.args)
		if strings.Join(words, "|") != strings.Join(c.words, "|") || strings.Join(flags, "|") != strings.Join(c.flags, "|") {
			t.Errorf("splitArgs(%q) = %q, %q; want %q, %q", c.args, words, flags, c.words, c.flags)
		}
	}
}

// TestBadCommandLineExitsTwo runs the real program (this test binary,
// re-executed as main) and checks that a command line it does not
// understand prints the usage on stderr and ends with status 2, having
// done nothing.
func TestBadCommandLineExitsTwo(t *testing.T) {
	dir := t.TempDir()
	cases := [][]string{
		{"frobnicate"},
		{"--data", dir, "frobnicate"},
		{"migrate", "extra", "--data", dir},
		{"--data", dir, "stray"},
		{"serve", "stray", "--data", dir},
		{"demo", "stray", "--data", dir},
		{"user", "--data", dir},
		{"user", "delete", "--data", dir},
		{"user", "create", "extra", "--data", dir, "--email", "f@exemple.org", "--name", "F"},
		{"backup", "--data", dir},
		{"backup", "a", "b", "--data", dir},
		{"--bogus", "migrate", "--data", dir},
		{"migrate", "--data"},
		{"migrate", "--addr", ":1", "--data", dir},
	}
	for _, args := range cases {
		code, stdout, stderr := runMain(t, args)
		if code != 2 {
			t.Errorf("%q: exit status %d, want 2 (stderr %q)", args, code, stderr)
		}
		if !strings.Contains(stderr, "Usage:") || stdout != "" {
			t.Errorf("%q: stdout %q, stderr %q; want the usage on stderr only", args, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "maillage.db")); !os.IsNotExist(err) {
		t.Error("a refused command line touched the data folder")
	}
	// A command line that is understood but fails ends with status 1.
	if code, _, stderr := runMain(t, []string{"--base-url", "ftp://x", "--data", dir}); code != 1 || !strings.Contains(stderr, "base-url") {
		t.Errorf("invalid setting: status %d, stderr %q", code, stderr)
	}
}

// mainArgsEnv carries the arguments of a re-executed test binary that
// runs main instead of the tests (see TestMain).
const mainArgsEnv = "MAILLAGE_TEST_MAIN_ARGS"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(mainArgsEnv); ok {
		os.Args = append([]string{"maillage"}, strings.Split(args, "\n")...)
		main()
		return
	}
	os.Exit(m.Run())
}

// runMain runs main in a child process with args and returns its exit
// status and output.
func runMain(t *testing.T, args []string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), mainArgsEnv+"="+strings.Join(args, "\n"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
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
