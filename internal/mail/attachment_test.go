package mail

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutboxWritesAttachments: a message with a file is multipart/mixed,
// its text and HTML still alternatives, the file whole with its type and
// name, and a name that tries to break the header is kept on one line.
func TestOutboxWritesAttachments(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox")
	o, err := NewOutbox(dir, "Maillage <ne-pas-repondre@maillage.example>")
	if err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.3\n% mandat\n")
	m := sampleMessage()
	m.Attachments = []Attachment{{Name: "mandat-cdp.pdf\r\nBcc: x@y.example", ContentType: "application/pdf", Data: pdf}}
	if err := o.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	files := emlFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d files", len(files))
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	msg := parseEML(t, string(raw))
	if msg.Header.Get("Bcc") != "" {
		t.Fatal("the attachment's name added a header")
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/mixed" {
		t.Fatalf("content type %q: %v", mediaType, err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var kinds []string
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		kinds = append(kinds, ct)
		if ct != "application/pdf" {
			continue
		}
		if !strings.Contains(p.Header.Get("Content-Disposition"), "mandat-cdp.pdf") {
			t.Errorf("disposition %q", p.Header.Get("Content-Disposition"))
		}
		b, _ := io.ReadAll(p)
		got, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(b)), ""))
		if err != nil || !bytes.Equal(got, pdf) {
			t.Errorf("the file does not come back whole: %q %v", got, err)
		}
	}
	if len(kinds) != 2 || kinds[0] != "multipart/alternative" || kinds[1] != "application/pdf" {
		t.Errorf("parts %v, want the alternatives then the file", kinds)
	}
}
