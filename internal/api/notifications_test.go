package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// tellThread starts a thread in a community and runs the fan-out that
// tells its members.
func (e *env) tellThread(c *maillage.Community, author, title string) *maillage.Thread {
	e.t.Helper()
	ctx := context.Background()
	th := &maillage.Thread{ID: auth.NewID(), CommunityID: c.ID, AuthorID: e.users[author].ID, Title: title, Body: "…"}
	if err := e.svc.DB().Update(ctx, func(tx *store.Tx) error { return tx.CreateThread(ctx, th) }); err != nil {
		e.t.Fatal(err)
	}
	bundle, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	om, err := mail.NewOutbox(e.t.TempDir(), "maillage@example.test")
	if err != nil {
		e.t.Fatal(err)
	}
	n := &service.Notifier{Service: e.svc, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Mailer: &service.Mailer{Mail: om, Bundle: bundle, From: "maillage@example.test", BaseURL: "http://example.test"}}
	payload, _ := json.Marshal(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: e.users[author].ID,
		SubjectType: maillage.SubjectThread, SubjectID: th.ID, CommunityID: c.ID, AllMembers: true})
	if err := n.HandleEvent(ctx, payload); err != nil {
		e.t.Fatal(err)
	}
	return th
}

func TestNotificationsAPI(t *testing.T) {
	e := newEnv(t)
	th := e.tellThread(e.priv, "alice", "Ordre du jour")
	e.tellThread(e.priv, "alice", "Procès-verbal")

	w := e.call(http.MethodGet, "/api/v1/notifications?limit=1", "bob", "")
	if w.Code != http.StatusOK {
		t.Fatalf("list: %d %s", w.Code, w.Body)
	}
	var got struct {
		Notifications []struct {
			ID      string `json:"id"`
			Kind    string `json:"kind"`
			Read    bool   `json:"read"`
			Subject struct {
				Type, ID, Title string
			} `json:"subject"`
			Actor     *struct{ ID, Name string } `json:"actor"`
			Community *struct{ ID, Name string } `json:"community"`
			Text      string                     `json:"text"`
			CreatedAt string                     `json:"created_at"`
		} `json:"notifications"`
		Total, Limit, Offset, Unread int
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != 2 || got.Limit != 1 || got.Unread != 2 || len(got.Notifications) != 1 {
		t.Fatalf("list %s", w.Body)
	}
	first := got.Notifications[0]
	// Newest first; bob reads English.
	if first.Kind != "thread_created" || first.Read || first.Subject.Type != "thread" || first.Subject.Title != "Procès-verbal" ||
		first.Actor == nil || first.Actor.ID != e.users["alice"].ID || first.Community == nil || first.Community.ID != e.priv.ID ||
		first.Text != "Alice Tremblay started the thread “Procès-verbal”" || first.CreatedAt == "" {
		t.Errorf("notification %s", w.Body)
	}
	w = e.call(http.MethodGet, "/api/v1/notifications?offset=1&lang=fr-CA", "bob", "")
	m := decodeBody(t, w)
	items := m["notifications"].([]any)
	second := items[0].(map[string]any)
	if second["subject"].(map[string]any)["id"] != th.ID || second["text"] != "Alice Tremblay a lancé la discussion « Ordre du jour »" {
		t.Errorf("second page %s", w.Body)
	}
	// Marking read: one, then all; another person's is absent.
	id := second["id"].(string)
	if w := e.call(http.MethodPost, "/api/v1/notifications/"+id+"/read", "carol", ""); w.Code != http.StatusNotFound {
		t.Errorf("carol marking bob's: %d", w.Code)
	}
	if w := e.call(http.MethodPost, "/api/v1/notifications/"+id+"/read", "bob", ""); w.Code != http.StatusNoContent {
		t.Errorf("mark read: %d %s", w.Code, w.Body)
	}
	w = e.call(http.MethodGet, "/api/v1/notifications?unread_only=true", "bob", "")
	if m := decodeBody(t, w); m["total"] != float64(1) || m["unread"] != float64(1) {
		t.Errorf("unread only: %s", w.Body)
	}
	w = e.call(http.MethodPost, "/api/v1/notifications/read-all", "bob", "")
	if m := decodeBody(t, w); w.Code != http.StatusOK || m["marked"] != float64(1) {
		t.Errorf("read all: %d %s", w.Code, w.Body)
	}
	// Bad parameters and anonymous callers.
	for _, q := range []string{"?limit=0", "?unread_only=peut-être", "?offset=-1"} {
		if w := e.call(http.MethodGet, "/api/v1/notifications"+q, "bob", ""); w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d", q, w.Code)
		}
	}
	if w := e.call(http.MethodGet, "/api/v1/notifications", "", ""); w.Code != http.StatusUnauthorized {
		t.Errorf("anonymous: %d", w.Code)
	}
	// Carol, who is in neither community, has nothing.
	if m := decodeBody(t, e.call(http.MethodGet, "/api/v1/notifications", "carol", "")); m["total"] != float64(0) {
		t.Errorf("carol's notifications: %v", m)
	}
}

func TestNotificationPreferencesAPI(t *testing.T) {
	e := newEnv(t)
	w := e.call(http.MethodGet, "/api/v1/me/notification-preferences", "bob", "")
	m := decodeBody(t, w)
	if w.Code != http.StatusOK || m["default"] != string(maillage.DefaultNotifyMode) || len(m["communities"].([]any)) != 2 {
		t.Fatalf("defaults: %d %s", w.Code, w.Body)
	}
	w = e.call(http.MethodPut, "/api/v1/me/notification-preferences", "bob",
		`{"default":"weekly","communities":[{"community_id":"`+e.priv.ID+`","mode":"none"}]}`)
	if w.Code != http.StatusOK {
		t.Fatalf("put: %d %s", w.Code, w.Body)
	}
	m = decodeBody(t, w)
	modes := map[string]string{}
	for _, c := range m["communities"].([]any) {
		c := c.(map[string]any)
		modes[c["community_id"].(string)] = c["mode"].(string)
	}
	if m["default"] != "weekly" || modes[e.priv.ID] != "none" || modes[e.secret.ID] != "" {
		t.Errorf("after put: %s", w.Body)
	}
	for _, body := range []string{`{"default":"hourly"}`, `{"communities":[{"community_id":"` + e.pub.ID + `","mode":"each"}]}`,
		`{"default":"each","extra":1}`} {
		if w := e.call(http.MethodPut, "/api/v1/me/notification-preferences", "bob", body); w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d %s", body, w.Code, w.Body)
		}
	}
	if w := e.call(http.MethodGet, "/api/v1/me/notification-preferences", "", ""); w.Code != http.StatusUnauthorized {
		t.Errorf("anonymous: %d", w.Code)
	}
}

func TestFollowsAPI(t *testing.T) {
	e := newEnv(t)
	w := e.call(http.MethodPost, "/api/v1/me/follows", "carol", `{"target_type":"community","target_id":"`+e.pub.ID+`"}`)
	if w.Code != http.StatusCreated {
		t.Fatalf("follow: %d %s", w.Code, w.Body)
	}
	// Following again is harmless; the unlisted private community, a
	// made-up ID and an unknown kind are all absent.
	if w := e.call(http.MethodPost, "/api/v1/me/follows", "carol", `{"target_type":"community","target_id":"`+e.pub.ID+`"}`); w.Code != http.StatusCreated {
		t.Errorf("follow again: %d", w.Code)
	}
	for _, body := range []string{`{"target_type":"community","target_id":"` + e.secret.ID + `"}`,
		`{"target_type":"thread","target_id":"` + absentID + `"}`, `{"target_type":"meeting","target_id":"` + e.pub.ID + `"}`} {
		if w := e.call(http.MethodPost, "/api/v1/me/follows", "carol", body); w.Code != http.StatusNotFound {
			t.Errorf("%s: %d %s", body, w.Code, w.Body)
		}
	}
	if w := e.call(http.MethodPost, "/api/v1/me/follows", "carol", `{"target_type":"community"}`); w.Code != http.StatusBadRequest {
		t.Errorf("missing target_id: %d", w.Code)
	}
	w = e.call(http.MethodGet, "/api/v1/me/follows", "carol", "")
	m := decodeBody(t, w)
	items := m["items"].([]any)
	if m["total"] != float64(1) || items[0].(map[string]any)["title"] != e.pub.Name || items[0].(map[string]any)["target_type"] != "community" {
		t.Errorf("list: %s", w.Body)
	}
	if w := e.call(http.MethodDelete, "/api/v1/me/follows/community/"+e.pub.ID, "carol", ""); w.Code != http.StatusNoContent {
		t.Errorf("unfollow: %d %s", w.Code, w.Body)
	}
	if w := e.call(http.MethodDelete, "/api/v1/me/follows/community/"+e.pub.ID, "carol", ""); w.Code != http.StatusNotFound {
		t.Errorf("unfollow again: %d", w.Code)
	}
}
