package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/api"
	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// bootLeak opens the real program over a fresh database without serving
// on a port or running the background worker: the test calls its handler
// in process and drains the jobs itself, so nothing runs behind its back.
// Emails go to out; the database clock is now.
func bootLeak(t *testing.T, out mail.Mailer, now func() time.Time) *app.Main {
	t.Helper()
	opts := testutil.DBOptions(t)
	cfg := config.Default()
	cfg.Addr = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	cfg.DatabaseURL = opts.URL
	if opts.DataDir != "" {
		cfg.DataDir = opts.DataDir
	}
	params := auth.TestParams()
	m := &app.Main{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), HashParams: &params, Mailer: out,
		// Thousands of calls: the API's budget would otherwise run out.
		APILimits: api.Limits{ReadsPerMinute: 1 << 30, ReadBurst: 1 << 30}}
	if err := m.Open(context.Background()); err != nil {
		t.Fatalf("open: %v", err)
	}
	m.DB.Now = now
	t.Cleanup(func() {
		// Run with a context already done only closes the listener.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		m.Run(ctx)
		m.Close()
	})
	return m
}

// leakOutbox keeps every email sent, as the mailer was given it.
type leakOutbox struct {
	mu   sync.Mutex
	msgs []mail.Message
}

func (o *leakOutbox) Send(_ context.Context, m mail.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.msgs = append(o.msgs, m)
	return nil
}

func (o *leakOutbox) all() []mail.Message {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]mail.Message(nil), o.msgs...)
}

// leakViewer is someone looking: a visitor, a person or the administrator.
type leakViewer struct {
	name   string
	policy maillage.Viewer
	cookie string // the web session ("" for the visitor)
	token  string // the API token ("" for the visitor)
}

// signInViewers signs everyone in, on the web and the API, with their
// policy view as it is now.
func (w *leakWorld) signInViewers(t *testing.T) []*leakViewer {
	out := []*leakViewer{{name: "visitor", policy: maillage.Anonymous()}}
	for i, p := range w.people {
		name := p.u.Name
		if p == w.admin {
			name = "administrator " + name
		}
		out = append(out, &leakViewer{name: name, policy: w.viewerOf(t, p.u.ID), token: p.token,
			cookie: leakSignIn(t, w.m.Handler, p.u.Email, i)})
	}
	return out
}

// leakSignIn signs in through the sign-in form and returns the session
// cookie. It is the one place that knows how signing in works.
func leakSignIn(t *testing.T, h http.Handler, email string, n int) string {
	t.Helper()
	form := url.Values{"email": {email}, "password": {testutil.Password}}
	req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// Each from its own address: sign-ins are rate limited per address.
	req.RemoteAddr = fmt.Sprintf("192.0.2.%d:1234", n+1)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("sign in %s: status %d", email, rec.Code)
	}
	var cookies []string
	for _, c := range rec.Result().Cookies() {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	if len(cookies) == 0 {
		t.Fatalf("sign in %s: no session cookie", email)
	}
	return strings.Join(cookies, "; ")
}

// leakResponse is what a GET answered.
type leakResponse struct {
	status   int
	body     string
	location string
}

// get calls the program in process as the viewer: pages with the
// session, API calls with the token.
func (w *leakWorld) get(v *leakViewer, target string) leakResponse {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if strings.HasPrefix(target, api.Prefix+"/") {
		if v.token != "" {
			req.Header.Set("Authorization", "Bearer "+v.token)
		}
	} else if v.cookie != "" {
		req.Header.Set("Cookie", v.cookie)
	}
	rec := httptest.NewRecorder()
	w.m.Handler.ServeHTTP(rec, req)
	w.requests.Add(1)
	return leakResponse{status: rec.Code, body: rec.Body.String(), location: rec.Header().Get("Location")}
}
