package main

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/testutil"
)

// testEngines lists the engines a test can build here: all but
// PostgreSQL, which needs MAILLAGE_TEST_DATABASE_URL.
func testEngines(t *testing.T) (names []string, o options) {
	o.PostgresURL = os.Getenv(testutil.PostgresURLEnv)
	for _, name := range allEngines() {
		if name == engPostgres && o.PostgresURL == "" {
			t.Logf("postgres engine skipped: %s is not set", testutil.PostgresURLEnv)
			continue
		}
		names = append(names, name)
	}
	return names, o
}

// smallCorpus has one public match, one for a community's members, one
// for its managers only (a thread's second audience group), one for
// nobody, and one public person, all holding the word "covoiturage".
func smallCorpus() []search.Document {
	everyone := []string{maillage.Everyone().Key()}
	members := []string{maillage.MembersOf("c1").Key()}
	managers := []string{maillage.ManagersOf("c1").Key()}
	return []search.Document{
		{Kind: search.KindNote, ID: "n1", Title: "Mobilité durable à Montréal", TagIDs: []string{"t1"},
			Tags: []string{"Mobilité"}, Body: "Le covoiturage solidaire réduit les émissions.", Audiences: [][]string{everyone}},
		{Kind: search.KindNote, ID: "n2", Title: "Covoiturage en région",
			Body: "Une coopérative de covoiturage rurale.", Audiences: [][]string{members}},
		{Kind: search.KindThread, ID: "th1", Title: "Un fil masqué",
			Body: "On parle de covoiturage entre gestionnaires.", Audiences: [][]string{everyone, managers}},
		{Kind: search.KindNote, ID: "n3", Title: "Brouillon", Body: "Covoiturage, mais personne ne le voit."},
		{Kind: search.KindUser, ID: "u9", Title: "Alex Tremblay", Tags: []string{"Vélo"},
			Body: "Passionné de covoiturage et de vélo en ville.", Audiences: [][]string{everyone}},
		{Kind: search.KindOrganization, ID: "o1", Title: "Coopérative Roule", Body: "Location de vélos cargos.",
			Audiences: [][]string{everyone}},
	}
}

// TestEnginesFilterAlike builds every engine on the same small corpus and
// checks that each finds, counts and hides the same documents: the
// comparison is only fair if every engine applies the visibility filter
// and the query shapes the same way.
func TestEnginesFilterAlike(t *testing.T) {
	ctx := context.Background()
	anon := anonymous()
	member := viewer{UserID: "u1",
		Keys: maillage.Viewer{UserID: "u1", Roles: map[string]maillage.Role{"c1": maillage.RoleMember}}.AudienceKeys()}
	manager := viewer{UserID: "u2",
		Keys: maillage.Viewer{UserID: "u2", Roles: map[string]maillage.Role{"c1": maillage.RoleManager}}.AudienceKeys()}
	tag := tagFilter{Slug: "mobilite", IDs: []string{"t1"}}
	cases := []struct {
		name string
		q    benchQuery
		want []string
	}{
		{"anonymous sees public items", benchQuery{Words: []string{"covoiturage"}, Viewer: &anon},
			[]string{"note:n1", "user:u9"}},
		{"members see their community's", benchQuery{Words: []string{"covoiturage"}, Viewer: &member},
			[]string{"note:n1", "note:n2", "user:u9"}},
		{"managers see the moderated thread", benchQuery{Words: []string{"covoiturage"}, Viewer: &manager},
			[]string{"note:n1", "note:n2", "thread:th1", "user:u9"}},
		{"two words are both required", benchQuery{Words: []string{"covoiturage", "ville"}, Viewer: &anon},
			[]string{"user:u9"}},
		{"a phrase", benchQuery{Words: []string{"covoiturage", "solidaire"}, Phrase: true, Viewer: &anon},
			[]string{"note:n1"}},
		{"a prefix", benchQuery{Words: []string{"covoit"}, Prefix: true, Viewer: &anon},
			[]string{"note:n1", "user:u9"}},
		{"a tag filter", benchQuery{Words: []string{"covoiturage"}, Tag: &tag, Viewer: &anon},
			[]string{"note:n1"}},
		{"nothing matches", benchQuery{Words: []string{"aéroport"}, Viewer: &manager}, nil},
	}
	names, o := testEngines(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			e := newEngine(name, t.TempDir(), o)
			if e == nil {
				t.Fatalf("engine %s is not available", name)
			}
			defer func() {
				if err := e.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			}()
			if err := e.Build(ctx, smallCorpus()); err != nil {
				t.Fatalf("build: %v", err)
			}
			for _, c := range cases {
				total, ids, err := e.Search(ctx, c.q)
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				slices.Sort(ids)
				if total != len(c.want) || !slices.Equal(ids, c.want) {
					t.Errorf("%s (%q): total %d, hits %v; want %v", c.name, c.q.text(), total, ids, c.want)
				}
			}
		})
	}
}

func TestAudienceGroupsRefuseMoreThanTwo(t *testing.T) {
	d := search.Document{Kind: search.KindThread, ID: "x", Audiences: [][]string{{"everyone"}, {"a"}, {"b"}}}
	if err := checkAudiences([]search.Document{d}); err == nil {
		t.Fatal("three audience groups accepted; an engine would show the document too widely")
	}
}

func TestRequireLoopback(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80"} {
		if err := requireLoopback(u); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
	for _, u := range []string{"http://example.org", "http://10.0.0.1:8080", "ftp://127.0.0.1", "127.0.0.1:8080"} {
		if err := requireLoopback(u); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
}
