package service_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// pngBytes is a real PNG of w×h pixels.
func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAttachmentsFollowTheirNote(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	disk := testutil.Files(t)
	s := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: "http://maillage.test", Files: disk})
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	n, err := s.CreateNote(ctx, va, noteIn("Photos de la rencontre", "private"))
	if err != nil {
		t.Fatal(err)
	}
	img := pngBytes(t, 3, 2)
	// The name says PDF, the bytes say PNG: the bytes win.
	a, err := s.UploadAttachment(ctx, va, n.ID, "../../groupe'photo.pdf", bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(img)
	if a.MIME != "image/png" || a.Kind != "image" || a.Width != 3 || a.Height != 2 || a.Size != int64(len(img)) ||
		a.SHA256 != hex.EncodeToString(sum[:]) || a.Name != "groupe’photo.pdf.png" || strings.Contains(a.StorageKey, "groupe") {
		t.Fatalf("attachment: %+v", a)
	}

	// The owner reads it back; anyone else gets what an unknown ID gets.
	got, err := s.OpenAttachment(ctx, va, n.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(got.File)
	got.File.Close()
	if got.Attachment.ID != a.ID || got.Public || !bytes.Equal(b, img) {
		t.Fatal("stored bytes differ")
	}
	_, unknown := s.OpenAttachment(ctx, vb, n.ID, "inconnu")
	for _, v := range []maillage.Viewer{vb, maillage.Anonymous(), {UserID: "admin", Admin: true}} {
		_, err := s.OpenAttachment(ctx, v, n.ID, a.ID)
		if !maillage.IsNotFound(err) || maillage.AsError(err).MessageID != maillage.AsError(unknown).MessageID {
			t.Fatalf("private file for %+v: %v (unknown: %v)", v, err, unknown)
		}
	}
	other, err := s.CreateNote(ctx, vb, noteIn("Note publique de Bob", "public"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenAttachment(ctx, vb, other.ID, a.ID); !maillage.IsNotFound(err) {
		t.Fatalf("file reached through another note: %v", err)
	}

	// Only authors upload; Bob may read his own public note's files only.
	if _, err := s.UploadAttachment(ctx, va, other.ID, "x.png", bytes.NewReader(img)); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("upload to someone else's note: %v", err)
	}
	// Markup, scripts and executables are refused whatever their name.
	for name, body := range map[string]string{
		"page.png":   "<!doctype html><html><script>alert(1)</script></html>",
		"dessin.svg": `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
		"outil.pdf":  "MZ\x90\x00executable",
	} {
		_, err := s.UploadAttachment(ctx, va, n.ID, name, strings.NewReader(body))
		if fieldOf(err, "file") != "note.file_type" || maillage.ErrorCode(err) != maillage.CodeInvalid {
			t.Errorf("%s accepted: %v", name, err)
		}
	}
	if _, err := s.UploadAttachment(ctx, va, n.ID, "vide.txt", strings.NewReader("")); fieldOf(err, "file") != "note.file_empty" {
		t.Errorf("empty file: %v", err)
	}
	// An image over its kind's limit is refused, naming the limit, and
	// nothing is kept.
	big := io.MultiReader(bytes.NewReader(img), io.LimitReader(zeros{}, files.LimitFor(files.KindImage)))
	_, err = s.UploadAttachment(ctx, va, n.ID, "immense.png", big)
	if e := maillage.AsError(err); e.Code != maillage.CodeTooLarge || fieldOf(err, "file") != "note.file_too_large" || e.Data["Max"] != int64(10) {
		t.Fatalf("too large: %v %+v", err, e.Data)
	}
	if list, _ := s.Attachments(ctx, va, n.ID); len(list) != 1 {
		t.Fatalf("refused files were recorded: %d", len(list))
	}

	// Deleting the note removes its rows now and its bytes in a job.
	if err := s.DeleteNote(ctx, va, n.ID); err != nil {
		t.Fatal(err)
	}
	stats, err := db.JobCounts(ctx, service.JobDeleteFiles)
	if err != nil || stats.Pending != 1 {
		t.Fatalf("file deletion job: %+v %v", stats, err)
	}
	payload, _ := json.Marshal(map[string][]string{"keys": {a.StorageKey}})
	if _, err := disk.Open(ctx, a.StorageKey); err != nil {
		t.Fatalf("file gone before its job ran: %v", err)
	}
	if err := s.DeleteStoredFiles(ctx, payload); err != nil {
		t.Fatal(err)
	}
	if _, err := disk.Open(ctx, a.StorageKey); !errors.Is(err, files.ErrNotExist) {
		t.Fatalf("file kept after its job: %v", err)
	}
	if err := s.DeleteStoredFiles(ctx, payload); err != nil {
		t.Fatalf("a second run must be harmless: %v", err)
	}
}

func TestDeletingOneAttachment(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	_, va := testutil.User(t, s, "Alice", "alice@exemple.org")
	_, vb := testutil.User(t, s, "Bob", "bob@exemple.org")
	n, err := s.CreateNote(ctx, va, noteIn("Ressources", "public"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.UploadAttachment(ctx, va, n.ID, "notes.txt", strings.NewReader("Des notes en texte brut.\n"))
	if err != nil || a.MIME != "text/plain; charset=utf-8" || service.AttachmentType(a).Inline {
		t.Fatalf("text upload: %+v %v", a, err)
	}
	if err := s.DeleteAttachment(ctx, vb, n.ID, a.ID); maillage.ErrorCode(err) != maillage.CodeForbidden {
		t.Fatalf("non-author deleted a file: %v", err)
	}
	if err := s.DeleteAttachment(ctx, va, n.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAttachment(ctx, va, n.ID, a.ID); !maillage.IsNotFound(err) {
		t.Fatalf("delete twice: %v", err)
	}
	if _, err := s.OpenAttachment(ctx, va, n.ID, a.ID); !maillage.IsNotFound(err) {
		t.Fatalf("deleted file still served: %v", err)
	}
	if stats, _ := db.JobCounts(ctx, service.JobDeleteFiles); stats.Pending != 1 {
		t.Fatalf("file deletion job: %+v", stats)
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
