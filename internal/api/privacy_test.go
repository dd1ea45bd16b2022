package api

import (
	"strings"
	"testing"
)

// TestPrivateUnlistedCommunityIsAbsent checks that, for outsiders and
// anonymous callers, a private unlisted community answers exactly like an
// ID that names nothing, and appears in no list, count or tag page.
func TestPrivateUnlistedCommunityIsAbsent(t *testing.T) {
	e := newEnv(t)
	secret := e.secret
	slug := tagSlug(t, e)
	for _, who := range []string{"", "carol", "dave"} {
		t.Run("as "+who, func(t *testing.T) {
			for _, suffix := range []string{"", "/members", "/requests"} {
				a := e.call("GET", "/api/v1/communities/"+secret.ID+suffix, who, "")
				b := e.call("GET", "/api/v1/communities/"+absentID+suffix, who, "")
				// Anonymous callers are asked to sign in before anything is
				// looked up for the managers' list of requests: still identical.
				want := 404
				if who == "" && suffix == "/requests" {
					want = 401
				}
				if a.Code != want || b.Code != want || a.Body.String() != b.Body.String() {
					t.Errorf("GET %s: %d %s; absent ID: %d %s", suffix, a.Code, a.Body, b.Code, b.Body)
				}
			}
			for _, write := range []struct{ method, suffix, body string }{
				{"PATCH", "", `{"name":"x"}`},
				{"POST", "/join", ""},
				{"POST", "/requests", `{}`},
				{"POST", "/members", `{"user_id":"` + e.users["carol"].ID + `"}`},
				{"DELETE", "/members/" + e.users["bob"].ID, ""},
			} {
				if who == "" {
					continue // anonymous writes are 401 whatever the target
				}
				a := e.call(write.method, "/api/v1/communities/"+secret.ID+write.suffix, who, write.body)
				b := e.call(write.method, "/api/v1/communities/"+absentID+write.suffix, who, write.body)
				if a.Code != 404 || a.Body.String() != b.Body.String() {
					t.Errorf("%s %s: %d %s; absent ID: %d %s", write.method, write.suffix, a.Code, a.Body, b.Code, b.Body)
				}
			}
			for _, path := range []string{
				"/api/v1/communities?limit=100",
				"/api/v1/communities?limit=100&tag=" + slug,
				"/api/v1/communities?limit=100&q=secret",
				"/api/v1/tags/" + slug,
				"/api/v1/tags?q=eco",
			} {
				w := e.call("GET", path, who, "")
				if w.Code != 200 {
					t.Fatalf("%s: %d %s", path, w.Code, w.Body)
				}
				if strings.Contains(w.Body.String(), secret.ID) || strings.Contains(w.Body.String(), "Comité secret") {
					t.Errorf("%s shows the secret community: %s", path, w.Body)
				}
			}
			all := decodeBody(t, e.call("GET", "/api/v1/communities?limit=100", who, ""))
			if total := all["total"].(float64); total != 2 {
				t.Errorf("total %v counts the secret community", total)
			}
			tag := decodeBody(t, e.call("GET", "/api/v1/tags/"+slug, who, ""))
			if n := tag["communities_total"].(float64); n != 1 {
				t.Errorf("tag page counts %v communities", n)
			}
		})
	}
	// Its members and administrators do see it.
	w := e.call("GET", "/api/v1/communities?limit=100", "bob", "")
	if m := decodeBody(t, w); m["total"].(float64) != 3 || !ids(m, "items")[secret.ID] {
		t.Errorf("member list: %s", w.Body)
	}
}

// TestMembersOnlyProfilesHiddenFromAnonymous checks lists, counts, the tag
// page and the profile itself.
func TestMembersOnlyProfilesHiddenFromAnonymous(t *testing.T) {
	e := newEnv(t)
	dave := e.users["dave"]
	slug := tagSlug(t, e)
	for _, path := range []string{"/api/v1/users?limit=100", "/api/v1/users?tag=" + slug, "/api/v1/users?q=dave",
		"/api/v1/tags/" + slug, "/api/v1/communities/" + e.pub.ID + "/members"} {
		w := e.call("GET", path, "", "")
		if w.Code != 200 || strings.Contains(w.Body.String(), dave.ID) || strings.Contains(w.Body.String(), "Dave") {
			t.Errorf("%s: %d %s", path, w.Code, w.Body)
		}
	}
	if m := decodeBody(t, e.call("GET", "/api/v1/users?tag="+slug, "", "")); m["total"].(float64) != 0 {
		t.Errorf("anonymous count of tagged people: %v", m["total"])
	}
	if m := decodeBody(t, e.call("GET", "/api/v1/users?tag="+slug, "carol", "")); m["total"].(float64) != 1 {
		t.Errorf("signed-in count of tagged people: %v", m["total"])
	}
}
