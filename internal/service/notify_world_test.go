package service_test

import (
	"context"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/jobs"
	mailer "github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// nsWorld runs notifications end to end: the service, the jobs worker
// with the notification handlers, and a mailer (an outbox by default).
type nsWorld struct {
	t        *testing.T
	ctx      context.Context
	s        *service.Service
	db       *store.DB
	outbox   string
	notifier *service.Notifier
	worker   *jobs.Worker
	users    map[string]*maillage.User
}

const testBaseURL = "https://maillage.example"

// newNSWorld builds the world; m nil writes emails to an outbox folder.
func newNSWorld(t *testing.T, m mailer.Mailer) *nsWorld {
	t.Helper()
	w := &nsWorld{t: t, ctx: context.Background(), users: map[string]*maillage.User{}}
	w.s, w.db = testutil.Service(t)
	if m == nil {
		w.outbox = filepath.Join(t.TempDir(), "outbox")
		o, err := mailer.NewOutbox(w.outbox, "Maillage <bonjour@maillage.example>")
		if err != nil {
			t.Fatal(err)
		}
		m = o
	}
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	w.notifier = &service.Notifier{Service: w.s, Logger: quiet,
		Mailer: &service.Mailer{Mail: m, Bundle: bundle, From: "Maillage <bonjour@maillage.example>", BaseURL: testBaseURL}}
	handlers := map[string]jobs.Handler{}
	for kind, h := range w.notifier.Handlers() {
		handlers[kind] = h
	}
	w.worker = &jobs.Worker{DB: w.db, Handlers: handlers, Logger: quiet}
	return w
}

// user makes a confirmed account writing in lang.
func (w *nsWorld) user(name, lang string) *maillage.User {
	w.t.Helper()
	u, _ := testutil.User(w.t, w.s, name, fold.Slug(name)+"@exemple.org")
	if lang != u.Language {
		u.Language = lang
		w.update(func(tx *store.Tx) error { return tx.UpdateProfile(w.ctx, u, nil) })
	}
	w.users[name] = u
	return u
}

func (w *nsWorld) viewer(name string) maillage.Viewer {
	return testutil.ViewerOf(w.t, w.s, w.users[name].ID)
}

func (w *nsWorld) update(fn func(tx *store.Tx) error) {
	w.t.Helper()
	if err := w.db.Update(w.ctx, fn); err != nil {
		w.t.Fatal(err)
	}
}

// community makes a community managed by the first name, with the others
// as members.
func (w *nsWorld) community(name string, vis maillage.Visibility, manager string, members ...string) *maillage.Community {
	w.t.Helper()
	c := &maillage.Community{ID: auth.NewID(), Name: name, Visibility: vis, CreatedBy: w.users[manager].ID}
	w.update(func(tx *store.Tx) error {
		if err := tx.CreateCommunity(w.ctx, c); err != nil {
			return err
		}
		if err := tx.UpsertMember(w.ctx, c.ID, w.users[manager].ID, maillage.RoleManager); err != nil {
			return err
		}
		for _, m := range members {
			if err := tx.UpsertMember(w.ctx, c.ID, w.users[m].ID, maillage.RoleMember); err != nil {
				return err
			}
		}
		return nil
	})
	return c
}

func (w *nsWorld) setMode(name, communityID string, mode maillage.NotifyMode) {
	w.t.Helper()
	w.update(func(tx *store.Tx) error { return tx.SetNotifyMode(w.ctx, w.users[name].ID, communityID, mode) })
}

// note writes a note by author, and a notebook of the community holding it.
func (w *nsWorld) noteInNotebook(title string, vis maillage.Visibility, author string, c *maillage.Community) (*maillage.Note, *maillage.Notebook) {
	w.t.Helper()
	n := &maillage.Note{ID: auth.NewID(), Title: title, Kind: maillage.NoteGeneral, Visibility: vis, License: maillage.LicenseCCBY,
		CreatedBy: w.users[author].ID, Authors: []maillage.NoteAuthor{{UserID: w.users[author].ID}}}
	nb := &maillage.Notebook{ID: auth.NewID(), Title: "Carnet de " + c.Name, Visibility: maillage.VisibilityPublic,
		CommunityID: c.ID, CreatedBy: w.users[author].ID}
	w.update(func(tx *store.Tx) error {
		if err := tx.CreateNote(w.ctx, n); err != nil {
			return err
		}
		if err := tx.CreateNotebook(w.ctx, nb); err != nil {
			return err
		}
		_, err := tx.AddNotebookNote(w.ctx, nb.ID, n.ID, "", w.users[author].ID)
		return err
	})
	return n, nb
}

// emit enqueues an event as the services do, in a transaction.
func (w *nsWorld) emit(ev maillage.Event) {
	w.t.Helper()
	w.update(func(tx *store.Tx) error { return tx.Enqueue(w.ctx, maillage.JobNotify, ev) })
}

// drain runs every due job.
func (w *nsWorld) drain() {
	w.t.Helper()
	if err := w.worker.Drain(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}

func (w *nsWorld) inbox(name string) []maillage.Notification {
	w.t.Helper()
	list, _, err := w.s.Notifications(w.ctx, w.viewer(name), false, service.Page{Limit: 100})
	if err != nil {
		w.t.Fatal(err)
	}
	return list
}

// email is a received message, parsed.
type email struct {
	To, Subject, Text, HTML string
	Header                  mail.Header
}

// emails reads the outbox, oldest first, and removes what it read.
func (w *nsWorld) emails() []email {
	w.t.Helper()
	files, err := filepath.Glob(filepath.Join(w.outbox, "*.eml"))
	if err != nil {
		w.t.Fatal(err)
	}
	sort.Strings(files)
	var out []email
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			w.t.Fatal(err)
		}
		out = append(out, parseEmail(w.t, string(raw)))
		os.Remove(f)
	}
	return out
}

// parseEmail checks a message is well formed (multipart/alternative, text
// then HTML, UTF-8) and returns its parts decoded.
func parseEmail(t *testing.T, raw string) email {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("malformed email: %v\n%s", err, raw)
	}
	e := email{Header: msg.Header}
	if to, err := msg.Header.AddressList("To"); err == nil && len(to) == 1 {
		e.To = to[0].Address
	}
	e.Subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/alternative" {
		t.Fatalf("content type %q (%v)", mediaType, err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var order []string
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, cp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if !strings.EqualFold(cp["charset"], "utf-8") {
			t.Errorf("%s charset %q", ct, cp["charset"])
		}
		var body io.Reader = p
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
			body = quotedprintable.NewReader(p)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		order = append(order, ct)
		switch ct {
		case "text/plain":
			e.Text = string(b)
		case "text/html":
			e.HTML = string(b)
		}
	}
	if len(order) != 2 || order[0] != "text/plain" || order[1] != "text/html" {
		t.Errorf("parts %v, want text/plain then text/html", order)
	}
	return e
}

// jobs counts the jobs of a kind by state.
func (w *nsWorld) jobs(kind string) store.JobStats {
	w.t.Helper()
	st, err := w.db.JobCounts(w.ctx, kind)
	if err != nil {
		w.t.Fatal(err)
	}
	return st
}

// hashOf is how a token is stored.
func hashOf(token string) string { return auth.HashToken(token) }
