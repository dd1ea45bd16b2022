package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// runNotifications runs the queued notification fan-out jobs.
func (e *env) runNotifications() {
	e.t.Helper()
	bundle, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	om, err := mail.NewOutbox(e.t.TempDir(), "maillage@example.test")
	if err != nil {
		e.t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	n := &service.Notifier{Service: e.svc, Logger: log,
		Mailer: &service.Mailer{Mail: om, Bundle: bundle, From: "maillage@example.test", BaseURL: "http://example.test"}}
	w := &jobs.Worker{DB: e.svc.DB(), Logger: log, Handlers: map[string]jobs.Handler{maillage.JobNotify: n.HandleEvent,
		service.JobEmail: func(context.Context, json.RawMessage) error { return nil }}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.Drain(ctx); err != nil {
		e.t.Fatal(err)
	}
}

// TestAcquaintancesContract: alice declares knowing bob; bob is told and
// confirms; the link then explains the second degree. Declaring twice
// asks once; oneself, a hidden or absent person, a bad kind are refused.
func TestAcquaintancesContract(t *testing.T) {
	e := newEnv(t)
	alice, bob, carol, dave := e.users["alice"].ID, e.users["bob"].ID, e.users["carol"].ID, e.users["dave"].ID
	call := func(method, path, who, body string, want int) map[string]any {
		t.Helper()
		w := e.call(method, path, who, body)
		if w.Code != want {
			t.Fatalf("%s %s as %s: %d, want %d: %s", method, path, who, w.Code, want, w.Body)
		}
		if w.Code == http.StatusNoContent {
			return nil
		}
		return decodeBody(t, w)
	}
	m := call(http.MethodPut, "/api/v1/users/"+bob+"/acquaintance", "alice", `{"kind":"worked_with"}`, 200)
	if m["state"] != "asked" || m["kind"] != "worked_with" || m["user_id"] != bob {
		t.Errorf("alice's request: %v", m)
	}
	call(http.MethodPut, "/api/v1/users/"+bob+"/acquaintance", "alice", `{"kind":"know"}`, 200)
	e.runNotifications()
	n := 0
	for _, x := range call(http.MethodGet, "/api/v1/notifications", "bob", "", 200)["notifications"].([]any) {
		if x.(map[string]any)["kind"] == "acquaintance" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("bob was told %d times", n)
	}
	list := call(http.MethodGet, "/api/v1/me/acquaintances", "bob", "", 200)["acquaintances"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["state"] != "asks_you" || list[0].(map[string]any)["name"] != "Alice Tremblay" {
		t.Errorf("bob's list: %v", list)
	}
	// Not yet confirmed: nobody's second degree goes through it.
	if got := call(http.MethodGet, "/api/v1/users/"+alice+"/second-degree", "carol", "", 200)["people"].([]any); len(got) != 0 {
		t.Errorf("a request links people already: %v", got)
	}
	if m := call(http.MethodPost, "/api/v1/users/"+alice+"/acquaintance/answer", "bob", `{"accept":true}`, 200); m["state"] != "accepted" {
		t.Errorf("after bob confirms: %v", m)
	}
	call(http.MethodPost, "/api/v1/users/"+alice+"/acquaintance/answer", "bob", `{"accept":true}`, 404)
	// Confirmed: bob, linked to alice, is in the second degree of
	// whoever alice is linked to: carol meets bob through alice.
	call(http.MethodPut, "/api/v1/users/"+alice+"/acquaintance", "carol", `{"kind":"know"}`, 200)
	call(http.MethodPut, "/api/v1/users/"+carol+"/acquaintance", "alice", `{"kind":"know"}`, 200) // confirms carol's
	got := call(http.MethodGet, "/api/v1/second-degree", "carol", "", 200)["people"].([]any)
	if len(got) != 1 || got[0].(map[string]any)["id"] != bob {
		t.Fatalf("carol's own second degree: %v", got)
	}
	if via := got[0].(map[string]any)["via"].([]any)[0].(map[string]any); via["id"] != alice || via["kind"] != "knows" {
		t.Errorf("the path: %v", via)
	}
	// Bad input.
	call(http.MethodPut, "/api/v1/users/"+alice+"/acquaintance", "alice", `{"kind":"know"}`, 400)
	call(http.MethodPut, "/api/v1/users/"+carol+"/acquaintance", "bob", `{"kind":"ami"}`, 400)
	call(http.MethodPut, "/api/v1/users/"+absentID+"/acquaintance", "bob", `{"kind":"know"}`, 404)
	call(http.MethodPut, "/api/v1/users/"+dave+"/acquaintance", "", `{"kind":"know"}`, 401)
	// Declining and withdrawing.
	call(http.MethodPut, "/api/v1/users/"+dave+"/acquaintance", "carol", `{"kind":"know"}`, 200)
	call(http.MethodPost, "/api/v1/users/"+carol+"/acquaintance/answer", "dave", `{"accept":false}`, 200)
	if l := call(http.MethodGet, "/api/v1/me/acquaintances", "dave", "", 200)["acquaintances"].([]any); len(l) != 0 {
		t.Errorf("a declined request stays: %v", l)
	}
	call(http.MethodDelete, "/api/v1/users/"+alice+"/acquaintance", "bob", "", 204)
	call(http.MethodDelete, "/api/v1/users/"+alice+"/acquaintance", "bob", "", 204)
	if got := call(http.MethodGet, "/api/v1/second-degree", "carol", "", 200)["people"].([]any); len(got) != 0 {
		t.Errorf("a withdrawn link still explains: %v", got)
	}
}
