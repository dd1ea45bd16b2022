package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchGenerate: `maillage bench generate --profile tiny` fills a new
// database and prints its summary; a second run refuses the database it
// filled; an unknown profile is a usage error.
func TestBenchGenerate(t *testing.T) {
	ctx := context.Background()
	storage := storageArgs(t)
	var out bytes.Buffer
	if err := run(ctx, append([]string{"bench", "generate", "--profile", "tiny", "--seed", "3", "--dictionary", ""}, storage...), &out, quiet()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"profile tiny, seed 3", "notes", "relations", "maillage-bench-2026", "rows/s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}
	err := run(ctx, append([]string{"bench", "generate", "--profile", "tiny"}, storage...), &out, quiet())
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("second generation: %v, want a refusal", err)
	}
	fresh := t.TempDir()
	code, _, stderr := runMain(t, []string{"bench", "generate", "--profile", "huge", "--data", fresh})
	if code != 2 || !strings.Contains(stderr, "huge") {
		t.Errorf("unknown profile: status %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(fresh, "maillage.db")); !os.IsNotExist(err) {
		t.Error("a refused profile touched the data folder")
	}
	code, _, stderr = runMain(t, []string{"bench", "--data", t.TempDir()})
	if code != 2 || !strings.Contains(stderr, "Usage:") {
		t.Errorf("bench without generate: status %d, stderr %q", code, stderr)
	}
}
