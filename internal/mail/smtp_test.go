package mail

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// received is one message as seen by the test SMTP server.
type received struct {
	from string
	to   []string
	data string
	user string // authenticated user, if any
}

// testServer is a real SMTP server on 127.0.0.1 recording what it gets.
type testServer struct {
	mu       sync.Mutex
	messages []received
	user     string // when set, AUTH PLAIN is offered and required
	pass     string
}

func (ts *testServer) NewSession(*smtp.Conn) (smtp.Session, error) {
	return &testConn{srv: ts}, nil
}

func (ts *testServer) all() []received {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]received(nil), ts.messages...)
}

type testConn struct {
	srv *testServer
	cur received
}

func (s *testConn) AuthMechanisms() []string {
	if s.srv.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *testConn) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.srv.user || pass != s.srv.pass {
			return errors.New("invalid credentials")
		}
		s.cur.user = user
		return nil
	}), nil
}

func (s *testConn) Mail(from string, _ *smtp.MailOptions) error {
	if s.srv.user != "" && s.cur.user == "" {
		return smtp.ErrAuthRequired
	}
	s.cur.from = from
	return nil
}

func (s *testConn) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.to = append(s.cur.to, to)
	return nil
}

func (s *testConn) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.data = string(b)
	s.srv.mu.Lock()
	s.srv.messages = append(s.srv.messages, s.cur)
	s.srv.mu.Unlock()
	s.cur = received{user: s.cur.user}
	return nil
}

func (s *testConn) Reset()        { s.cur = received{user: s.cur.user} }
func (s *testConn) Logout() error { return nil }

// start serves ts on a free port. With cert, the server either offers
// STARTTLS or, when implicit is true, speaks TLS from the first byte.
func (ts *testServer) start(t *testing.T, cert *tls.Certificate, implicit bool) string {
	t.Helper()
	srv := smtp.NewServer(ts)
	srv.Domain = "localhost"
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	var ln net.Listener
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if cert != nil {
		cfg := &tls.Config{Certificates: []tls.Certificate{*cert}}
		if implicit {
			ln = tls.NewListener(ln, cfg)
		} else {
			srv.TLSConfig = cfg
		}
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// selfSigned makes a certificate for 127.0.0.1 and a pool trusting it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "test smtp"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

func sampleMessage() Message {
	return Message{
		To:      []string{"Camille Tremblay <camille@example.ca>"},
		Subject: "Réinitialisation du mot de passe",
		Text:    "Bonjour Camille,\n\nVoici votre lien de réinitialisation.",
		HTML:    "<p>Bonjour Camille,</p><p>Voici votre <a href=\"https://maillage.example/r\">lien</a>.</p>",
		Headers: map[string]string{
			"List-Unsubscribe":      "<https://maillage.example/desabonnement/abc>",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		},
	}
}

func TestSMTPMailerSends(t *testing.T) {
	ts := &testServer{}
	addr := ts.start(t, nil, false)
	m, err := NewFromURL("smtp://"+addr, "Maillage <ne-pas-repondre@maillage.example>")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), sampleMessage()); err != nil {
		t.Fatal(err)
	}
	got := ts.all()
	if len(got) != 1 {
		t.Fatalf("server received %d messages, want 1", len(got))
	}
	r := got[0]
	if r.from != "ne-pas-repondre@maillage.example" {
		t.Errorf("MAIL FROM = %q", r.from)
	}
	if len(r.to) != 1 || r.to[0] != "camille@example.ca" {
		t.Errorf("RCPT TO = %q", r.to)
	}
	// Parse the DATA rather than grep it: the subject is encoded and the
	// parts are quoted-printable.
	msg := parseEML(t, r.data)
	if got := decodeSubject(t, msg); got != "Réinitialisation du mot de passe" {
		t.Errorf("subject = %q", got)
	}
	if got := msg.Header.Get("List-Unsubscribe"); got != "<https://maillage.example/desabonnement/abc>" {
		t.Errorf("List-Unsubscribe = %q", got)
	}
	if got := msg.Header.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post = %q", got)
	}
	parts := alternativeParts(t, msg)
	if !strings.Contains(parts["text/plain"], "Voici votre lien de réinitialisation.") {
		t.Errorf("text part = %q", parts["text/plain"])
	}
	if !strings.Contains(parts["text/html"], `<a href="https://maillage.example/r">lien</a>`) {
		t.Errorf("HTML part = %q", parts["text/html"])
	}
}

func TestSMTPMailerAuthOverSTARTTLS(t *testing.T) {
	cert, pool := selfSigned(t)
	ts := &testServer{user: "maillage", pass: "s3cret:/@"}
	addr := ts.start(t, &cert, false)
	m, err := NewFromURL("smtp://maillage:s3cret%3A%2F%40@"+addr, "ne-pas-repondre@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.client.SetTLSConfig(&tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), sampleMessage()); err != nil {
		t.Fatal(err)
	}
	if got := ts.all(); len(got) != 1 || got[0].user != "maillage" {
		t.Fatalf("received %+v, want one message from the authenticated user", got)
	}
}

func TestSMTPMailerImplicitTLS(t *testing.T) {
	cert, pool := selfSigned(t)
	ts := &testServer{user: "maillage", pass: "pw"}
	addr := ts.start(t, &cert, true)
	m, err := NewFromURL("smtps://maillage:pw@"+addr, "ne-pas-repondre@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.client.SetTLSConfig(&tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), sampleMessage()); err != nil {
		t.Fatal(err)
	}
	if got := ts.all(); len(got) != 1 {
		t.Fatalf("received %d messages, want 1", len(got))
	}
}

func TestSMTPMailerNeverSendsPasswordInClear(t *testing.T) {
	// No TLS on the server: PLAIN would expose the password, so the client
	// must refuse to authenticate, and the server refuses unauthenticated mail.
	ts := &testServer{user: "maillage", pass: "pw"}
	addr := ts.start(t, nil, false)
	m, err := NewFromURL("smtp://maillage:pw@"+addr, "ne-pas-repondre@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), sampleMessage()); err == nil {
		t.Fatal("want an error, got none")
	}
	if got := ts.all(); len(got) != 0 {
		t.Fatalf("server received %d messages, want 0", len(got))
	}
}

func TestSMTPMailerUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	m, err := NewFromURL("smtp://"+addr, "a@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), sampleMessage()); err == nil {
		t.Fatal("want an error for a closed port")
	}
}

func TestNewFromURLErrors(t *testing.T) {
	cases := map[string]string{
		"bad scheme":    "http://mail.example:25",
		"no scheme":     "mail.example:25",
		"no host":       "smtp://:25",
		"bad port":      "smtp://mail.example:99999",
		"port not num":  "smtp://mail.example:abc",
		"unparseable":   "smtp://user:pa ss@mail.example:%zz",
		"control chars": "smtp://mail.example\n:25",
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := NewFromURL(raw, "a@maillage.example"); err == nil {
				t.Fatalf("NewFromURL(%q): want an error", raw)
			}
		})
	}
	t.Run("no sender", func(t *testing.T) {
		if _, err := NewFromURL("smtp://mail.example", ""); err == nil {
			t.Fatal("want an error")
		}
	})
}

func TestNewFromURLHidesPassword(t *testing.T) {
	_, err := NewFromURL("smtp://user:hunter2@mail.example:%zz", "a@maillage.example")
	if err == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error reveals the password: %v", err)
	}
}

func TestNewFromURLPorts(t *testing.T) {
	cases := map[string]string{
		"smtp://mail.example":        "mail.example:587",
		"smtps://mail.example":       "mail.example:465",
		"smtp://mail.example:2525":   "mail.example:2525",
		"smtps://u:p@mail.example:1": "mail.example:1",
	}
	for raw, want := range cases {
		m, err := NewFromURL(raw, "a@maillage.example")
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		if got := m.client.ServerAddr(); got != want {
			t.Errorf("%s: server address %q, want %q", raw, got, want)
		}
	}
}

func TestNewChoosesMailer(t *testing.T) {
	m, err := New("smtp://mail.example", t.TempDir(), "a@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.(*SMTPMailer); !ok {
		t.Errorf("with an SMTP URL got %T", m)
	}
	m, err = New("", t.TempDir(), "a@maillage.example")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.(*OutboxMailer); !ok {
		t.Errorf("without an SMTP URL got %T", m)
	}
	if _, err := New("", "", "a@maillage.example"); err == nil {
		t.Error("want an error with neither SMTP nor outbox")
	}
	if _, err := New("ftp://x", "", "a@maillage.example"); err == nil {
		t.Error("want an error for a bad URL")
	}
}
