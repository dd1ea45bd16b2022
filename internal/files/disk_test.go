package files

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func newDisk(t *testing.T) (*Disk, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "files")
	d, err := NewDisk(dir)
	if err != nil {
		t.Fatal(err)
	}
	return d, dir
}

// storedFiles lists the regular files under dir, temporary ones included.
func storedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readAll(t *testing.T, d *Disk, key string) []byte {
	t.Helper()
	f, err := d.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("Open(%s): %v", key, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if f.Size() != int64(len(b)) {
		t.Errorf("Size = %d, read %d bytes", f.Size(), len(b))
	}
	return b
}

func TestNewDiskCreatesFolder(t *testing.T) {
	_, dir := newDisk(t)
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !info.IsDir() || info.Mode().Perm()&^0o750 != 0 {
		t.Errorf("storage folder mode = %v, want a folder of at most 0750", info.Mode())
	}
	if _, err := NewDisk(""); err == nil {
		t.Error("NewDisk accepted an empty folder name")
	}
}

func TestDiskPutOpenDelete(t *testing.T) {
	ctx := context.Background()
	d, dir := newDisk(t)
	key := KeyFor("01j9z3k5m7n9p1q3r5s7t9v1w3")
	body := []byte("%PDF-1.7 contenu du procès-verbal")

	before := time.Now().Add(-time.Second)
	n, err := d.Put(ctx, key, bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("Put at exactly the limit: %v", err)
	}
	if n != int64(len(body)) {
		t.Errorf("Put wrote %d bytes, want %d", n, len(body))
	}
	if got := readAll(t, d, key); !bytes.Equal(got, body) {
		t.Errorf("read back %q", got)
	}
	f, err := d.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if f.ModTime().Before(before) || f.ModTime().After(time.Now().Add(time.Second)) {
		t.Errorf("ModTime = %v", f.ModTime())
	}
	f.Close()
	if got := storedFiles(t, dir); len(got) != 1 || got[0] != key {
		t.Errorf("files on disk = %v, want just %s", got, key)
	}

	// Put replaces.
	if _, err := d.Put(ctx, key, strings.NewReader("v2"), 10); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, d, key); string(got) != "v2" {
		t.Errorf("after replace read %q", got)
	}

	if err := d.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	_, err = d.Open(ctx, key)
	if !errors.Is(err, fs.ErrNotExist) || !errors.Is(err, ErrNotExist) {
		t.Errorf("Open after Delete: %v, want ErrNotExist", err)
	}
	if err := d.Delete(ctx, key); err != nil {
		t.Errorf("Delete of a missing file: %v", err)
	}
	if got := storedFiles(t, dir); len(got) != 0 {
		t.Errorf("files left after Delete: %v", got)
	}
}

func TestDiskOpenMissing(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	if _, err := d.Put(ctx, "ab/cd/present", strings.NewReader("x"), 10); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"ab/cd/absent", "zz/yy/absent", "ab/cd", "ab/cd/present/below"} {
		_, err := d.Open(ctx, key)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%s) = %v, want fs.ErrNotExist", key, err)
		}
		if err := d.Delete(ctx, key); err != nil {
			t.Errorf("Delete(%s) = %v, want nil", key, err)
		}
	}
	if got := readAll(t, d, "ab/cd/present"); string(got) != "x" {
		t.Errorf("a neighbour was touched: %q", got)
	}
}

// failingReader gives some bytes, then an error, like a dropped upload.
type failingReader struct{ sent bool }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.sent {
		return 0, errors.New("connection reset")
	}
	r.sent = true
	return copy(p, "début du fichier"), nil
}

func TestDiskPutLeavesNothingOnFailure(t *testing.T) {
	ctx := context.Background()
	d, dir := newDisk(t)
	key := KeyFor("big")

	// Over the limit, also when a previous version exists: it stays whole.
	_, err := d.Put(ctx, key, strings.NewReader("0123456789A"), 10)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Put over the limit: %v, want ErrTooLarge", err)
	}
	if got := storedFiles(t, dir); len(got) != 0 {
		t.Errorf("files left after a refused Put: %v", got)
	}
	if _, err := d.Put(ctx, key, strings.NewReader("ancien"), 10); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Put(ctx, key, bytes.NewReader(make([]byte, 5000)), 4096); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Put over the limit: %v, want ErrTooLarge", err)
	}
	if got := readAll(t, d, key); string(got) != "ancien" {
		t.Errorf("a refused Put changed the stored file: %q", got)
	}

	// A reader failing midway.
	if _, err := d.Put(ctx, KeyFor("cut"), &failingReader{}, 1000); err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("Put from a failing reader: %v", err)
	}
	// A cancelled request.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.Put(cctx, KeyFor("cancelled"), strings.NewReader("x"), 10); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a cancelled context: %v", err)
	}
	// A zero limit is a programming error, not a licence to store anything.
	if _, err := d.Put(ctx, KeyFor("nolimit"), strings.NewReader("x"), 0); err == nil {
		t.Error("Put with a zero limit succeeded")
	}

	if got := storedFiles(t, dir); len(got) != 1 || got[0] != key {
		t.Errorf("files on disk = %v, want only %s (no temporary file)", got, key)
	}
}

func TestDiskConcurrentPuts(t *testing.T) {
	ctx := context.Background()
	d, dir := newDisk(t)
	const n = 32
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			body := strings.Repeat(fmt.Sprintf("fichier %d\n", i), 1000+i)
			if _, err := d.Put(ctx, KeyFor(fmt.Sprintf("id%02d", i)), strings.NewReader(body), 1<<20); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i := range n {
		want := strings.Repeat(fmt.Sprintf("fichier %d\n", i), 1000+i)
		if got := readAll(t, d, KeyFor(fmt.Sprintf("id%02d", i))); string(got) != want {
			t.Errorf("file %d: got %d bytes, want %d", i, len(got), len(want))
		}
	}
	if got := storedFiles(t, dir); len(got) != n {
		t.Errorf("%d files on disk, want %d", len(got), n)
	}
}

func TestDiskKeyValidation(t *testing.T) {
	ctx := context.Background()
	d, dir := newDisk(t)
	outside := filepath.Dir(dir)
	bad := []string{
		"", "/etc/passwd", "../escape", "ab/../../escape", "ab/./cd", "..", "ab//cd", "ab/cd/",
		"/ab", `ab\cd`, `..\escape`, "C:/x", "ab/.tmp", ".tmp/put-1", "ab/.hidden", "ab/c d",
		"ab/cd\x00", "ab/é", "ab/cd?x", strings.Repeat("a", 300), strings.Repeat("ab/", 200) + "x",
	}
	for _, key := range bad {
		if _, err := d.Put(ctx, key, strings.NewReader("x"), 10); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Put(%q) = %v, want ErrInvalidKey", key, err)
		}
		if _, err := d.Open(ctx, key); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Open(%q) = %v, want ErrInvalidKey", key, err)
		}
		if err := d.Delete(ctx, key); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Delete(%q) = %v, want ErrInvalidKey", key, err)
		}
	}
	if got := storedFiles(t, dir); len(got) != 0 {
		t.Errorf("files written by refused keys: %v", got)
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 1 {
		t.Errorf("something was written next to the storage folder: %v", entries)
	}
	for _, key := range []string{"a", "ab/cd/01j9z3k5m7n9p1q3r5s7t9v1w3", "x/y.z-1_2", KeyFor("abc")} {
		if err := ValidKey(key); err != nil {
			t.Errorf("ValidKey(%q) = %v", key, err)
		}
	}
}

func TestKeyFor(t *testing.T) {
	a, b := KeyFor("01j9z3k5m7n9p1q3r5s7t9v1w3"), KeyFor("01j9z3k5m7n9p1q3r5s7t9v1w4")
	if a == b || KeyFor("01j9z3k5m7n9p1q3r5s7t9v1w3") != a {
		t.Errorf("KeyFor is not a function of the ID: %s %s", a, b)
	}
	if !strings.HasSuffix(a, "/01j9z3k5m7n9p1q3r5s7t9v1w3") || strings.Count(a, "/") != 2 {
		t.Errorf("KeyFor = %s", a)
	}
	if a[:5] == b[:5] {
		t.Logf("neighbouring IDs share a folder (possible, but rare): %s %s", a, b)
	}
}

func TestNewDiskRemovesStaleTemporaryFiles(t *testing.T) {
	_, dir := newDisk(t)
	stale := filepath.Join(dir, tmpDir, "put-stale")
	fresh := filepath.Join(dir, tmpDir, "put-fresh")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("partiel"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleTemp)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := NewDisk(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a temporary file in use was removed: %v", err)
	}
}

func TestDiskFileServesRanges(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	body := strings.Repeat("0123456789", 100)
	if _, err := d.Put(ctx, "ab/cd/video", strings.NewReader(body), 10000); err != nil {
		t.Fatal(err)
	}
	f, err := d.Open(ctx, "ab/cd/video")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Range", "bytes=10-19")
	rec := httptest.NewRecorder()
	http.ServeContent(rec, req, "", f.ModTime(), f)
	if rec.Code != http.StatusPartialContent || rec.Body.String() != "0123456789" {
		t.Errorf("range request: %d %q", rec.Code, rec.Body.String())
	}
	if got := rec.Header().Get("Content-Range"); got != "bytes 10-19/1000" {
		t.Errorf("Content-Range = %q", got)
	}
}
