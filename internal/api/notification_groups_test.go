package api

import (
	"encoding/json"
	"net/http"
	"testing"
)

// TestNotificationGroupsAPI counts the unread by community and group,
// filters the list by group and community, and marks one group read.
func TestNotificationGroupsAPI(t *testing.T) {
	e := newEnv(t)
	e.tellThread(e.priv, "alice", "Ordre du jour")
	e.tellThread(e.priv, "alice", "Procès-verbal")

	w := e.call(http.MethodGet, "/api/v1/notifications/groups", "bob", "")
	if w.Code != http.StatusOK {
		t.Fatalf("groups: %d %s", w.Code, w.Body)
	}
	var groups struct {
		Groups []struct {
			Group     string `json:"group"`
			Community *struct {
				ID string `json:"id"`
			} `json:"community"`
			Unread int `json:"unread"`
		} `json:"groups"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &groups); err != nil {
		t.Fatal(err)
	}
	if len(groups.Groups) != 1 || groups.Groups[0].Group != "discussions" || groups.Groups[0].Unread != 2 ||
		groups.Groups[0].Community == nil || groups.Groups[0].Community.ID != e.priv.ID {
		t.Fatalf("groups: %s", w.Body)
	}
	w = e.call(http.MethodGet, "/api/v1/notifications?group=discussions&community="+e.priv.ID, "bob", "")
	if w.Code != http.StatusOK || decodeBody(t, w)["total"] != float64(2) {
		t.Errorf("filtered list: %d %s", w.Code, w.Body)
	}
	w = e.call(http.MethodGet, "/api/v1/notifications?group=messages", "bob", "")
	if w.Code != http.StatusOK || decodeBody(t, w)["total"] != float64(0) {
		t.Errorf("messages: %d %s", w.Code, w.Body)
	}
	if w = e.call(http.MethodGet, "/api/v1/notifications?group=bidon", "bob", ""); w.Code != http.StatusBadRequest {
		t.Errorf("unknown group: %d %s", w.Code, w.Body)
	}
	w = e.call(http.MethodPost, "/api/v1/notifications/read", "bob", `{"group":"discussions","community_id":"`+e.priv.ID+`"}`)
	if w.Code != http.StatusOK || decodeBody(t, w)["marked"] != float64(2) {
		t.Fatalf("mark read: %d %s", w.Code, w.Body)
	}
	w = e.call(http.MethodGet, "/api/v1/notifications/groups", "bob", "")
	if err := json.Unmarshal(w.Body.Bytes(), &groups); err != nil || len(groups.Groups) != 0 {
		t.Errorf("groups after marking read: %s", w.Body)
	}
	if w = e.call(http.MethodGet, "/api/v1/notifications/groups", "", ""); w.Code != http.StatusUnauthorized {
		t.Errorf("anonymous: %d", w.Code)
	}
}
