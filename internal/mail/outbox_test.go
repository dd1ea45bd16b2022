package mail

import (
	"context"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// parseEML parses a raw message, failing the test if it is malformed.
func parseEML(t *testing.T, raw string) *mail.Message {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("parse message: %v\n%s", err, raw)
	}
	return msg
}

func decodeSubject(t *testing.T, msg *mail.Message) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("decode subject: %v", err)
	}
	return s
}

// alternativeParts checks msg is multipart/alternative and returns its
// decoded parts by media type.
func alternativeParts(t *testing.T, msg *mail.Message) map[string]string {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	if mediaType != "multipart/alternative" {
		t.Fatalf("Content-Type = %q, want multipart/alternative", mediaType)
	}
	parts := make(map[string]string)
	var order []string
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, ctParams, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(ctParams["charset"], "utf-8") {
			t.Errorf("%s charset = %q, want UTF-8", ct, ctParams["charset"])
		}
		var body io.Reader = p
		switch enc := strings.ToLower(p.Header.Get("Content-Transfer-Encoding")); enc {
		case "quoted-printable":
			body = quotedprintable.NewReader(p)
		case "", "7bit", "8bit":
		default:
			t.Fatalf("unexpected transfer encoding %q", enc)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		parts[ct] = string(b)
		order = append(order, ct)
	}
	// Mail clients show the last alternative they understand: the richer
	// HTML must come after the plain text.
	if !slices.Equal(order, []string{"text/plain", "text/html"}) {
		t.Errorf("parts in order %q, want text/plain then text/html", order)
	}
	return parts
}

func emlFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestOutboxWritesParseableMessage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox", "nested")
	o, err := NewOutbox(dir, "Maillage <ne-pas-repondre@maillage.example>")
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&^0o750 != 0 {
		t.Errorf("outbox mode %o, want at most 0750", perm)
	}
	m := sampleMessage()
	m.Text = "Réinitialisation du mot de passe : suivez le lien ci-dessous, s’il vous plaît. Éléonore, à bientôt!"
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
	if got := decodeSubject(t, msg); got != "Réinitialisation du mot de passe" {
		t.Errorf("subject = %q", got)
	}
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Address != "ne-pas-repondre@maillage.example" || from[0].Name != "Maillage" {
		t.Errorf("From = %v (%v)", from, err)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "camille@example.ca" {
		t.Errorf("To = %v (%v)", to, err)
	}
	if msg.Header.Get("Message-Id") == "" || msg.Header.Get("Date") == "" {
		t.Error("missing Message-ID or Date")
	}
	if got := msg.Header.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post = %q", got)
	}
	parts := alternativeParts(t, msg)
	if parts["text/plain"] != m.Text {
		t.Errorf("text part = %q, want %q", parts["text/plain"], m.Text)
	}
	if parts["text/html"] != m.HTML {
		t.Errorf("HTML part = %q, want %q", parts["text/html"], m.HTML)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestOutboxTextOnly(t *testing.T) {
	dir := t.TempDir()
	o, err := NewOutbox(dir, "a@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Send(context.Background(), Message{To: []string{"b@example.ca"}, Subject: "Allô", Text: "Texte seul"}); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(emlFiles(t, dir)[0])
	if err != nil {
		t.Fatal(err)
	}
	msg := parseEML(t, string(raw))
	mediaType, _, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if mediaType != "text/plain" {
		t.Errorf("Content-Type = %q, want text/plain", mediaType)
	}
}

func TestOutboxNamesSortAndAreUnique(t *testing.T) {
	dir := t.TempDir()
	o, err := NewOutbox(dir, "a@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	// Sequential sends: listing order must follow sending order.
	for i := range 5 {
		m := sampleMessage()
		m.Subject = fmt.Sprintf("n%d", i)
		if err := o.Send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	files := emlFiles(t, dir) // Glob sorts by name
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := parseEML(t, string(raw)).Header.Get("Subject"); got != fmt.Sprintf("n%d", i) {
			t.Errorf("file %d holds %q", i, got)
		}
	}
	// Concurrent sends: none may overwrite another.
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if err := o.Send(context.Background(), sampleMessage()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := len(emlFiles(t, dir)); got != 55 {
		t.Errorf("%d files, want 55", got)
	}
}

func TestOutboxRejectsBadMessages(t *testing.T) {
	dir := t.TempDir()
	o, err := NewOutbox(dir, "a@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	base := sampleMessage()
	cases := map[string]func(m *Message){
		"no recipient":        func(m *Message) { m.To = nil },
		"bad recipient":       func(m *Message) { m.To = []string{"not an address"} },
		"bad sender":          func(m *Message) { m.From = "nope" },
		"no text":             func(m *Message) { m.Text = "" },
		"header injection":    func(m *Message) { m.Headers = map[string]string{"X-Test": "a\r\nBcc: victim@example.ca"} },
		"header name newline": func(m *Message) { m.Headers = map[string]string{"X-Test\r\nBcc": "x"} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			m := base
			m.Headers = map[string]string{}
			mutate(&m)
			if err := o.Send(context.Background(), m); err == nil {
				t.Fatal("want an error")
			}
		})
	}
	if n := len(emlFiles(t, dir)); n != 0 {
		t.Errorf("%d files written for rejected messages", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := o.Send(ctx, base); err == nil {
		t.Error("want an error for a cancelled context")
	}
}

func TestNewOutboxNeedsSender(t *testing.T) {
	if _, err := NewOutbox(t.TempDir(), ""); err == nil {
		t.Fatal("want an error")
	}
}
