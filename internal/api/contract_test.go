package api

import (
	"strings"
	"testing"
)

// TestContractRoutes calls each call of the fixed contract that exists so
// far on a valid, existing resource and checks the fixed shape of the
// answer (fields may be added, none removed).
func TestContractRoutes(t *testing.T) {
	e := newEnv(t)
	dave := e.users["dave"]
	var orgID, communityID string
	steps := []struct {
		method, path, body string
		status             int
		keys               []string
		after              func(m map[string]any)
	}{
		{"GET", "/api/v1/me", "", 200, []string{"id", "name", "email"}, nil},
		{"POST", "/api/v1/organizations", `{"name":"Coop Nouvelle","description":"d","region":"06","website":"https://nouvelle.example.test","tags":["économie sociale"]}`,
			201, []string{"id"}, func(m map[string]any) { orgID = m["id"].(string) }},
		{"GET", "/api/v1/organizations/{org}", "", 200, []string{"id", "name", "tags"}, func(m map[string]any) {
			if tags, _ := m["tags"].([]any); len(tags) != 1 || tags[0] != "économie sociale" {
				t.Errorf("tags %v are not labels", m["tags"])
			}
		}},
		{"POST", "/api/v1/communities", `{"name":"Nouvelle communauté","description":"d","visibility":"private","tags":["économie sociale"]}`,
			201, []string{"id"}, func(m map[string]any) { communityID = m["id"].(string) }},
		// Adding someone else takes their consent: 202 and an invitation,
		// which dave accepts with his own token.
		{"POST", "/api/v1/communities/{community}/members", `{"user_id":"` + dave.ID + `","role":"member"}`, 202, []string{"invitation"}, nil},
		{"POST", "/api/v1/communities/{community}/invitation/accept", "", 200, nil, nil},
		{"GET", "/api/v1/communities/{community}", "", 200, []string{"id", "name", "visibility", "tags"}, func(m map[string]any) {
			if m["visibility"] != "private" || m["member_count"].(float64) != 2 {
				t.Errorf("community %v", m)
			}
		}},
	}
	for _, s := range steps {
		path := strings.NewReplacer("{org}", orgID, "{community}", communityID).Replace(s.path)
		as := "alice"
		if strings.HasSuffix(s.path, "/invitation/accept") {
			as = "dave" // the person invited answers with their own token
		}
		w := e.call(s.method, path, as, s.body)
		if w.Code != s.status {
			t.Fatalf("%s %s: %d, want %d: %s", s.method, path, w.Code, s.status, w.Body)
		}
		var m map[string]any
		if w.Body.Len() > 0 {
			m = decodeBody(t, w)
		}
		for _, k := range s.keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s %s: no %q in %s", s.method, s.path, k, w.Body)
			}
		}
		if id, ok := m["id"]; ok {
			if _, isString := id.(string); !isString {
				t.Errorf("%s %s: id is not a string", s.method, s.path)
			}
		}
		if ts, ok := m["created_at"].(string); ok && !strings.HasSuffix(ts, "Z") {
			t.Errorf("%s %s: created_at %q is not UTC", s.method, s.path, ts)
		}
		if s.after != nil {
			s.after(m)
		}
	}
}
