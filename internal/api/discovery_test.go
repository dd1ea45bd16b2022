package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/testutil"
)

// discoveryWorld adds to the env: alice and carol co-wrote a public note
// on the shared tag; alice and bob co-wrote an untagged public note; bob
// works at the Coop. Bob and alice are in the secret community, which
// carries the shared tag; dave (a members-only profile) is interested in
// the tag.
func (e *env) discoveryWorld() {
	e.t.Helper()
	ctx := context.Background()
	mk := func(title string, tags []string, with string) {
		n, err := e.svc.CreateNote(ctx, e.viewer("alice"), maillage.NoteInput{Title: title, Body: "Texte.", Kind: "general",
			Visibility: "public", Tags: tags, AuthorIDs: []string{e.users[with].ID}})
		if err != nil {
			e.t.Fatal(err)
		}
		testutil.AcceptNote(e.t, e.svc, n.ID, e.users[with].ID)
	}
	mk("Portrait des coopératives", []string{sharedTag}, "carol")
	mk("Compte rendu d'atelier", nil, "bob")
	if err := e.svc.SetAffiliation(ctx, e.viewer("bob"), e.org.ID, e.users["bob"].ID, "coordination", false); err != nil {
		e.t.Fatal(err)
	}
}

// actorsOf reads a key-actors answer by actor ID.
func actorsOf(t *testing.T, m map[string]any) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, a := range m["actors"].([]any) {
		a := a.(map[string]any)
		out[a["id"].(string)] = a
	}
	return out
}

func TestKeyActorsContract(t *testing.T) {
	e := newEnv(t)
	e.discoveryWorld()
	slug := url.PathEscape(tagSlug(t, e))
	get := func(who, query string) map[string]any {
		t.Helper()
		w := e.call(http.MethodGet, "/api/v1/tags/"+slug+"/key-actors"+query, who, "")
		if w.Code != http.StatusOK {
			t.Fatalf("key actors %s as %q: %d %s", query, who, w.Code, w.Body.String())
		}
		return decodeBody(t, w)
	}
	alice, bob, carol, dave := e.users["alice"].ID, e.users["bob"].ID, e.users["carol"].ID, e.users["dave"].ID
	anon := actorsOf(t, get("", ""))
	for _, id := range []string{alice, carol, e.org.ID} {
		if anon[id] == nil {
			t.Errorf("a visitor does not see %s among the key actors: %v", id, anon)
		}
	}
	if anon[dave] != nil {
		t.Errorf("a visitor sees dave, whose profile is for members: %v", anon[dave])
	}
	a := anon[alice]
	if a["type"] != "user" || a["name"] != "Alice Tremblay" || a["publications"].(float64) != 1 ||
		a["relations"].(float64) != 1 || a["communities"].(float64) != 1 || a["score"].(float64) <= 0 {
		t.Errorf("alice for a visitor: %v", a)
	}
	reasons := strings.Join(toStrings(a["reasons"]), " | ")
	if !strings.Contains(reasons, "1 note visible sur «\u202féconomie sociale\u202f»") || !strings.Contains(reasons, "Membre de 1 communauté") {
		t.Errorf("alice's reasons for a visitor: %s", reasons)
	}
	if org := anon[e.org.ID]; org["type"] != "organization" || org["tagged"] != true {
		t.Errorf("the Coop: %v", org)
	}
	// Bob is a member of the unlisted secret community on the theme: its
	// members see it in his reasons (in his language), nobody else does.
	if b := actorsOf(t, get("carol", ""))[bob]; b != nil && b["communities"].(float64) != 0 {
		t.Errorf("carol sees bob's secret membership: %v", b)
	}
	b := actorsOf(t, get("bob", ""))[bob]
	if b == nil || b["communities"].(float64) != 1 {
		t.Fatalf("bob does not see his own membership on the theme: %v", b)
	}
	if r := strings.Join(toStrings(b["reasons"]), " | "); !strings.Contains(r, "Member of 1 community on this theme") {
		t.Errorf("bob's reasons, in English: %s", r)
	}
	if a := actorsOf(t, get("bob", ""))[alice]; a["communities"].(float64) != 2 {
		t.Errorf("bob sees alice in the public and the secret community: %v", a)
	}
	if actorsOf(t, get("bob", ""))[dave] == nil {
		t.Error("a signed-in person does not see dave, who is interested in the theme")
	}
	// Dave knows nobody; carol is linked to alice, who co-wrote with bob.
	if c := actorsOf(t, get("carol", ""))[bob]; c != nil {
		if known := c["known"].([]any); len(known) != 1 || known[0].(map[string]any)["id"] != alice {
			t.Errorf("carol should know bob through alice: %v", c)
		}
	}
	// Orders, limit, descendants.
	for _, o := range []string{"combined", "relations", "publications", "nominations"} {
		if m := get("", "?order="+o+"&limit=2&descendants=true"); m["order"] != o || len(m["actors"].([]any)) > 2 {
			t.Errorf("order %s: %v", o, m)
		}
	}
	// Bad input and absent themes.
	for q, want := range map[string]int{"?order=fame": 400, "?limit=0": 400, "?limit=abc": 400, "?descendants=peut-etre": 400} {
		if w := e.call(http.MethodGet, "/api/v1/tags/"+slug+"/key-actors"+q, "", ""); w.Code != want {
			t.Errorf("%s: %d, want %d", q, w.Code, want)
		}
	}
	if w := e.call(http.MethodGet, "/api/v1/tags/zeta-absente/key-actors", "", ""); w.Code != http.StatusNotFound {
		t.Errorf("an absent tag: %d", w.Code)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, s := range v.([]any) {
		out = append(out, s.(string))
	}
	return out
}

func TestSecondDegreeContract(t *testing.T) {
	e := newEnv(t)
	e.discoveryWorld()
	alice, bob, carol, dave := e.users["alice"].ID, e.users["bob"].ID, e.users["carol"].ID, e.users["dave"].ID
	people := func(who, path string) []map[string]any {
		t.Helper()
		w := e.call(http.MethodGet, path, who, "")
		if w.Code != http.StatusOK {
			t.Fatalf("%s as %q: %d %s", path, who, w.Code, w.Body.String())
		}
		var out []map[string]any
		for _, p := range decodeBody(t, w)["people"].([]any) {
			out = append(out, p.(map[string]any))
		}
		return out
	}
	// From carol: alice is her first degree; bob, alice's co-author, the
	// second, with the path through alice.
	got := people("dave", "/api/v1/users/"+carol+"/second-degree")
	if len(got) == 0 || got[0]["id"] != bob {
		t.Fatalf("second degree of carol for dave: %v", got)
	}
	via := got[0]["via"].([]any)[0].(map[string]any)
	if via["id"] != alice || via["kind"] != "author" || via["count"].(float64) != 1 || via["relation"] != "1 note écrite ensemble" {
		t.Errorf("bob's path: %v", via)
	}
	// Bob is not offered himself, and alice (linked to bob) is not
	// offered bob, whom she knows.
	for _, who := range []string{"bob", "alice"} {
		for _, p := range people(who, "/api/v1/users/"+carol+"/second-degree") {
			if p["id"] == bob {
				t.Errorf("%s is offered bob: %v", who, p)
			}
		}
	}
	// From the Coop: bob works there; alice co-wrote with bob.
	got = people("", "/api/v1/organizations/"+e.org.ID+"/second-degree")
	if len(got) == 0 || got[0]["id"] != alice {
		t.Errorf("second degree of the Coop: %v", got)
	}
	// A theme keeps only actors on it: alice wrote on it.
	if got := people("", "/api/v1/organizations/"+e.org.ID+"/second-degree?tag="+url.QueryEscape(sharedTag)); len(got) != 1 {
		t.Errorf("on the theme: %v", got)
	}
	if got := people("", "/api/v1/organizations/"+e.org.ID+"/second-degree?tag=alimentation"); len(got) != 0 {
		t.Errorf("on an unrelated theme: %v", got)
	}
	// A selection.
	got = people("dave", "/api/v1/second-degree?from=user:"+carol+",organization:"+e.org.ID)
	for _, p := range got {
		if p["id"] == carol || p["id"] == e.org.ID {
			t.Errorf("a starting actor is suggested: %v", p)
		}
	}
	// Hidden and absent people answer alike; bad input is refused.
	for path, want := range map[string]int{
		"/api/v1/users/" + dave + "/second-degree":                   404,
		"/api/v1/users/" + absentID + "/second-degree":               404,
		"/api/v1/organizations/" + absentID + "/second-degree":       404,
		"/api/v1/users/" + carol + "/second-degree?tag=zeta-absente": 404,
		"/api/v1/second-degree?from=note:x":                          400,
		"/api/v1/second-degree":                                      400,
		"/api/v1/users/" + carol + "/second-degree?limit=500":        400,
	} {
		if w := e.call(http.MethodGet, path, "", ""); w.Code != want {
			t.Errorf("%s: %d, want %d: %s", path, w.Code, want, w.Body)
		}
	}
	if w := e.call(http.MethodGet, "/api/v1/users/"+dave+"/second-degree", "bob", ""); w.Code != http.StatusOK {
		t.Errorf("a member sees dave's second degree: %d", w.Code)
	}
}

// TestEveryDiscoveryRouteAnswers: the discovery routes answer on an
// existing theme and actors.
func TestEveryDiscoveryRouteAnswers(t *testing.T) {
	e := newEnv(t)
	e.discoveryWorld()
	slug := url.PathEscape(tagSlug(t, e))
	n := 0
	for _, rt := range e.srv.routes() {
		if rt.Group != "discovery" || strings.Contains(rt.Path, "acquaintance") {
			continue // acquaintances: TestAcquaintancesContract
		}
		n++
		path := strings.NewReplacer("{slug}", slug, "{id}", e.org.ID).Replace(rt.Path)
		if strings.HasPrefix(rt.Path, "/api/v1/users/") {
			path = strings.Replace(rt.Path, "{id}", e.users["carol"].ID, 1)
		}
		if rt.Op == "selectionSecondDegree" {
			path += "?from=user:" + e.users["carol"].ID
		}
		if w := e.call(rt.Method, path, "alice", ""); w.Code != rt.Status {
			t.Errorf("%s %s: %d %s", rt.Method, path, w.Code, w.Body)
		}
	}
	if n != 4 {
		t.Errorf("%d discovery routes", n)
	}
}
