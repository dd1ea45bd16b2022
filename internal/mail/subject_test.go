package mail

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestSubjectCannotAddHeaders: a subject built from a name or a title
// that (stored long ago, or by a bug) holds line breaks, NUL or bidi
// overrides stays one Subject header, and no header of its making appears.
func TestSubjectCannotAddHeaders(t *testing.T) {
	dir := t.TempDir()
	o, err := NewOutbox(dir, "Maillage <ne-pas-repondre@maillage.example>")
	if err != nil {
		t.Fatal(err)
	}
	m := sampleMessage()
	m.Subject = "Ana\r\nBcc: victime@exemple.org\r\n\r\nFaux corps\x00 \u202etxt.exe"
	if err := o.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	files := emlFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d files in outbox, want 1", len(files))
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	msg := parseEML(t, string(raw))
	if bcc := msg.Header.Get("Bcc"); bcc != "" {
		t.Fatalf("the subject added a Bcc header: %q", bcc)
	}
	got := decodeSubject(t, msg)
	if want := "Ana Bcc: victime@exemple.org  Faux corps txt.exe"; got != want {
		t.Fatalf("subject = %q, want %q", got, want)
	}
	if strings.Contains(string(raw), "\nFaux corps") {
		t.Fatal("the subject put a line in the message")
	}
}
