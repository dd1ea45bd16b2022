package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// env is a running front end over a real database, with the jobs worker
// sending emails into an outbox folder.
type env struct {
	t      *testing.T
	URL    string
	Svc    *service.Service
	DB     *store.DB
	Outbox string
	worker *jobs.Worker
}

func newEnv(t *testing.T) *env {
	t.Helper()
	db := testutil.OpenDB(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	svc := service.New(service.Options{DB: db, Hasher: auth.NewHasher(auth.TestParams(), 2), BaseURL: base, Logger: logger, Files: testutil.Files(t)})
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	sessions := scs.New()
	sessions.Store = store.SessionStore{DB: db}
	sessions.Cookie.Name = "maillage_session"
	sessions.Cookie.SameSite = http.SameSiteLaxMode
	h, err := New(Options{Service: svc, Bundle: bundle, Sessions: sessions, Logger: logger, BaseURL: base})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)

	outbox := filepath.Join(t.TempDir(), "outbox")
	om, err := mail.NewOutbox(outbox, "maillage@example.org")
	if err != nil {
		t.Fatal(err)
	}
	mailer := &service.Mailer{Mail: om, Bundle: bundle, From: "maillage@example.org", BaseURL: base}
	w := &jobs.Worker{DB: db, Logger: logger, Handlers: map[string]jobs.Handler{service.JobEmail: mailer.Handle}}
	return &env{t: t, URL: srv.URL, Svc: svc, DB: db, Outbox: outbox, worker: w}
}

// drain runs every queued job (emails) now.
func (e *env) drain() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := e.worker.Drain(ctx); err != nil {
		e.t.Fatalf("drain jobs: %v", err)
	}
}

// lastLink returns the link to path found in the newest email sent to addr.
func (e *env) lastLink(addr, path string) string {
	e.t.Helper()
	e.drain()
	files, _ := filepath.Glob(filepath.Join(e.Outbox, "*.eml"))
	re := regexp.MustCompile(regexp.QuoteMeta(e.URL+path) + `\?token=[A-Za-z0-9_=-]+`)
	for i := len(files) - 1; i >= 0; i-- {
		raw, err := os.ReadFile(files[i])
		if err != nil {
			e.t.Fatal(err)
		}
		// Soft line breaks of quoted-printable bodies would cut the link.
		text := strings.ReplaceAll(string(raw), "=\r\n", "")
		text = strings.ReplaceAll(text, "=\n", "")
		if !strings.Contains(text, addr) {
			continue
		}
		if m := re.FindString(strings.ReplaceAll(text, "=3D", "=")); m != "" {
			return m
		}
	}
	e.t.Fatalf("no email to %s with a link to %s", addr, path)
	return ""
}

// emailsTo returns the text of every email sent to addr so far, oldest
// first (quoted-printable soft breaks removed).
func (e *env) emailsTo(addr string) []string {
	e.t.Helper()
	e.drain()
	files, _ := filepath.Glob(filepath.Join(e.Outbox, "*.eml"))
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			e.t.Fatal(err)
		}
		text := strings.ReplaceAll(string(raw), "=\r\n", "")
		text = strings.ReplaceAll(text, "=\n", "")
		if strings.Contains(text, "To: <"+addr+">") || strings.Contains(text, "To: "+addr) {
			out = append(out, strings.ReplaceAll(text, "=3D", "="))
		}
	}
	return out
}

// user creates a confirmed account directly through the service.
func (e *env) user(name, email string, interests ...string) *maillage.User {
	e.t.Helper()
	u, err := e.Svc.CreateUser(context.Background(), maillage.SignUpInput{
		Name: name, Email: email, Password: "mot de passe solide", Region: "06", Interests: interests}, false)
	if err != nil {
		e.t.Fatalf("create user: %v", err)
	}
	return u
}

// viewer loads the access viewer of a user, for calling services directly.
func (e *env) viewer(id string) maillage.Viewer {
	e.t.Helper()
	v, _, err := e.Svc.Viewer(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// client is a browser-like HTTP client: cookies and redirects are real.
type client struct {
	t    *testing.T
	base string
	http *http.Client
	// lang is sent as Accept-Language.
	lang string
}

func (e *env) client() *client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return &client{t: e.t, base: e.URL, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// response is what a request got after following redirects.
type response struct {
	Status int
	Body   string
	URL    *url.URL // final URL
	Header http.Header
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return response{Status: resp.StatusCode, Body: string(b), URL: resp.Request.URL, Header: resp.Header}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// confirm opens an emailed confirmation link and confirms, as a person
// clicking the link and then the button would.
func (c *client) confirm(link string) response {
	c.t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		c.t.Fatal(err)
	}
	if r := c.get(u.RequestURI()); r.Status != http.StatusOK {
		c.t.Fatalf("confirmation page: %d", r.Status)
	}
	return c.post("/email/confirm", url.Values{"token": {u.Query().Get("token")}})
}

// signIn signs in through the form and checks it worked.
func (c *client) signIn(email, password string) {
	c.t.Helper()
	r := c.post("/signin", url.Values{"email": {email}, "password": {password}})
	if r.Status != http.StatusOK || r.URL.Path != "/" {
		c.t.Fatalf("sign in as %s: status %d at %s\n%s", email, r.Status, r.URL, excerptBody(r.Body))
	}
}

// excerptBody keeps failure messages readable: the <main> of a page.
func excerptBody(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if j := strings.Index(body, "</main>"); j >= 0 {
		body = body[:j]
	}
	if len(body) > 3000 {
		body = body[:3000]
	}
	return body
}

// mustContain fails unless every string is in the body.
func mustContain(t *testing.T, r response, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(r.Body, w) {
			t.Errorf("%s: body lacks %q\n%s", r.URL.Path, w, excerptBody(r.Body))
		}
	}
}

func mustNotContain(t *testing.T, r response, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(r.Body, w) {
			t.Errorf("%s: body contains %q\n%s", r.URL.Path, w, excerptBody(r.Body))
		}
	}
}

func wantStatus(t *testing.T, r response, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("%s: status %d, want %d\n%s", r.URL, r.Status, status, excerptBody(r.Body))
	}
}
