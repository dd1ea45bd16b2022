package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"testing"
)

// TestSearchRebuild: `maillage search rebuild` builds the index from the
// database, says how many documents it holds, and leaves a request in the
// change log so running servers rebuild theirs.
func TestSearchRebuild(t *testing.T) {
	ctx := context.Background()
	storage := storageArgs(t)
	var out bytes.Buffer
	if err := run(ctx, append([]string{"bench", "generate", "--profile", "tiny", "--dictionary", ""}, storage...), &out, quiet()); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(ctx, append([]string{"search", "rebuild"}, storage...), &out, quiet()); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`search index: (\d+) documents`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("output: %q", out.String())
	}
	if n, _ := strconv.Atoi(m[1]); n < 100 {
		t.Errorf("the tiny data set gave %d documents", n)
	}
	code, _, stderr := runMain(t, append([]string{"search", "reindex"}, storage...))
	if code != 2 || !bytes.Contains([]byte(stderr), []byte("rebuild")) {
		t.Errorf("search reindex: status %d, stderr %q", code, stderr)
	}
}
