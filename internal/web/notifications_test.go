package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// missingNotificationKey matches a message ID of this area shown as-is.
var missingNotificationKey = regexp.MustCompile(`\bnotifications\.[a-z_]+\.[a-z_.]+\b`)

// notifyWorker runs the notification jobs of an env.
func (e *env) notifyWorker() *jobs.Worker {
	e.t.Helper()
	bundle, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	om, err := mail.NewOutbox(filepath.Join(e.Outbox, "notifications"), "maillage@example.org")
	if err != nil {
		e.t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	n := &service.Notifier{Service: e.Svc, Logger: quiet, Mailer: &service.Mailer{Mail: om, Bundle: bundle, From: "maillage@example.org", BaseURL: e.URL}}
	handlers := map[string]jobs.Handler{}
	for kind, h := range n.Handlers() {
		handlers[kind] = h
	}
	return &jobs.Worker{DB: e.DB, Handlers: handlers, Logger: quiet}
}

// threadsWithNews starts n threads in a community and tells its members.
func (e *env) threadsWithNews(c *maillage.Community, author *maillage.User, titles ...string) []*maillage.Thread {
	e.t.Helper()
	ctx := context.Background()
	worker := e.notifyWorker()
	var out []*maillage.Thread
	for _, title := range titles {
		th := &maillage.Thread{ID: auth.NewID(), CommunityID: c.ID, AuthorID: author.ID, Title: title, Body: "…"}
		err := e.DB.Update(ctx, func(tx *store.Tx) error {
			if err := tx.CreateThread(ctx, th); err != nil {
				return err
			}
			return tx.Enqueue(ctx, maillage.JobNotify, maillage.Event{Kind: maillage.EventThreadCreated, ActorID: author.ID,
				SubjectType: maillage.SubjectThread, SubjectID: th.ID, CommunityID: c.ID, AllMembers: true})
		})
		if err != nil {
			e.t.Fatal(err)
		}
		// One at a time: the worker runs jobs concurrently, and the order
		// of notifications is the order of their fan-outs.
		if err := worker.Drain(ctx); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, th)
	}
	return out
}

func TestNotificationsPage(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	threads := e.threadsWithNews(w.Public, w.Alice, "Atelier « vélo »", "Budget participatif")
	for _, c := range []struct{ lang, sentence, unread, menu string }{
		{"fr-CA", "Alice Côté a lancé la discussion « Atelier « vélo » »", "Non lue", "Notifications <span class=\"badge\">2"},
		{"en", "Alice Côté started the thread “Budget participatif”", "Unread", "Notifications <span class=\"badge\">2"},
	} {
		bob := e.client()
		bob.get("/?lang=" + c.lang)
		bob.signIn("bob@example.org", testPassword)
		r := bob.get("/notifications")
		wantStatus(t, r, http.StatusOK)
		mustContain(t, r, `<html lang="`+c.lang+`">`, html(c.sentence), c.unread, c.menu, `class="notification-item unread"`,
			`href="/settings/notifications"`, "/static/")
		if m := missingNotificationKey.FindString(r.Body); m != "" {
			t.Errorf("%s: untranslated %s", c.lang, m)
		}
	}
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	list, _, err := e.Svc.Notifications(context.Background(), e.viewer(w.Bob.ID), false, service.Page{Limit: 10})
	if err != nil || len(list) < 2 {
		t.Fatalf("bob's notifications: %v %v", list, err)
	}
	// Newest first: "Budget participatif" before "Atelier".
	r := bob.get("/notifications")
	if strings.Index(r.Body, "Budget participatif") > strings.Index(r.Body, "Atelier") {
		t.Error("not newest first")
	}
	// Opening one marks it read and leads to its thread.
	var budget maillage.Notification
	for _, n := range list {
		if n.SubjectID == threads[1].ID {
			budget = n
		}
	}
	r = bob.get("/notifications/" + budget.ID)
	if r.URL.Path != "/threads/"+threads[1].ID {
		t.Errorf("opening led to %s", r.URL)
	}
	if got, _ := e.Svc.Notification(context.Background(), e.viewer(w.Bob.ID), budget.ID); !got.Read() {
		t.Error("opening did not mark it read")
	}
	// Marking one read, then all.
	r = bob.get("/notifications?unread=1")
	mustContain(t, r, "Atelier")
	mustNotContain(t, r, "Budget participatif")
	var atelier string
	for _, n := range list {
		if n.SubjectID == threads[0].ID {
			atelier = n.ID
		}
	}
	r = bob.post("/notifications/"+atelier+"/read", url.Values{"next": {"/notifications?unread=1"}})
	if r.URL.String() != e.URL+"/notifications?unread=1" {
		t.Errorf("marking read returned to %s", r.URL)
	}
	mustNotContain(t, r, "Atelier")
	e.threadsWithNews(w.Public, w.Alice, "Troisième")
	r = bob.post("/notifications/read-all", url.Values{"next": {"/notifications"}})
	mustContain(t, r, "Toutes vos notifications sont marquées comme lues.")
	mustNotContain(t, r, `class="notification-item unread"`, `<span class="badge">1`)
	// Another person's notification is absent, marking included.
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	wantStatus(t, carol.get("/notifications/"+atelier), http.StatusNotFound)
	wantStatus(t, carol.post("/notifications/"+atelier+"/read", nil), http.StatusNotFound)
	// Visitors are asked to sign in.
	if r := e.client().get("/notifications"); r.URL.Path != "/signin" {
		t.Errorf("a visitor reached %s", r.URL)
	}
}

func TestNotificationsPaging(t *testing.T) {
	e := newEnv(t)
	w := e.world()
	var titles []string
	for i := range perPage + 3 {
		titles = append(titles, fmt.Sprintf("Sujet numéro %02d", i))
	}
	e.threadsWithNews(w.Public, w.Alice, titles...)
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	r := bob.get("/notifications")
	mustContain(t, r, "Sujet numéro 22", `href="/notifications?page=2"`)
	mustNotContain(t, r, "Sujet numéro 00")
	r = bob.get("/notifications?page=2")
	mustContain(t, r, "Sujet numéro 00")
}

// html escapes what html/template escapes in text.
func html(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
