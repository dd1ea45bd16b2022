package testutil

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Email is one message received by an SMTPSink.
type Email struct {
	From string
	To   []string
	Data string // the raw message, headers and body
}

// SMTPSink is a real SMTP server on 127.0.0.1 that keeps what it receives,
// so tests exercise the same exchange as production.
type SMTPSink struct {
	Addr string
	mu   sync.Mutex
	got  []Email
}

// StartSMTPSink serves a sink on a free loopback port until t ends.
func StartSMTPSink(t testing.TB) *SMTPSink {
	t.Helper()
	sink := &SMTPSink{}
	srv := smtp.NewServer(sink)
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sink.Addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return sink
}

// Emails returns what was received so far.
func (s *SMTPSink) Emails() []Email {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Email(nil), s.got...)
}

// WaitFor polls until an email to addr arrives or the timeout passes.
func (s *SMTPSink) WaitFor(t testing.TB, addr string, timeout time.Duration) Email {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		for _, e := range s.Emails() {
			for _, to := range e.To {
				if to == addr {
					return e
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no email to %s within %s", addr, timeout)
	return Email{}
}

// NewSession implements smtp.Backend.
func (s *SMTPSink) NewSession(*smtp.Conn) (smtp.Session, error) { return &sinkSession{sink: s}, nil }

type sinkSession struct {
	sink *SMTPSink
	cur  Email
}

func (ss *sinkSession) Mail(from string, _ *smtp.MailOptions) error { ss.cur.From = from; return nil }

func (ss *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.cur.To = append(ss.cur.To, to)
	return nil
}

func (ss *sinkSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.cur.Data = string(b)
	ss.sink.mu.Lock()
	ss.sink.got = append(ss.sink.got, ss.cur)
	ss.sink.mu.Unlock()
	ss.cur = Email{}
	return nil
}

func (ss *sinkSession) Reset()        { ss.cur = Email{} }
func (ss *sinkSession) Logout() error { return nil }
