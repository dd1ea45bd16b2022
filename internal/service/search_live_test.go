package service_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// TestSearchSeesEveryWriteAtOnce: once the index is built, each kind of
// write is found (or no longer found) by the very next search, because a
// search first catches up with the change log the database wrote in the
// write's own transaction.
func TestSearchSeesEveryWriteAtOnce(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	author, av := testutil.User(t, s, "Rosalie Paquette", "rosalie@exemple.org")
	cur, _ := testutil.User(t, s, "Curateur", "curateur@exemple.org")
	if err := s.SetCuratorByOperator(ctx, cur.ID, true); err != nil {
		t.Fatal(err)
	}
	cv := testutil.ViewerOf(t, s, cur.ID)
	visitor := maillage.Viewer{}
	find := func(v maillage.Viewer, q string) []string {
		t.Helper()
		res, err := s.Search(ctx, v, service.SearchInput{Q: q, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	if got := find(visitor, "triporteur"); len(got) != 0 {
		t.Fatalf("before anything: %v", got)
	}
	tag := must(s.CreateCuratedTag(ctx, cv, service.TagInput{Label: "Logistique urbaine", LabelEn: "Urban logistics"})).ok(t)
	n := must(s.CreateNote(ctx, av, maillage.NoteInput{Title: "Le triporteur du quartier", Body: "Livraisons à vélo.",
		Kind: "general", Visibility: "public", Tags: []string{tag.Label}})).ok(t)
	if got := find(visitor, "triporteur"); !slices.Equal(got, []string{n.ID}) {
		t.Fatalf("a new public note: %v", got)
	}
	// A synonym added to its tag finds it.
	if err := s.AddSynonym(ctx, cv, tag.Slug, "Cyclologistique", ""); err != nil {
		t.Fatal(err)
	}
	if got := find(visitor, "cyclologistique"); !slices.Equal(got, []string{n.ID}) {
		t.Fatalf("through the tag's new synonym: %v", got)
	}
	// Made private: gone for visitors, still there for its author.
	in := maillage.NoteInput{Title: n.Title, Body: "Livraisons à vélo.", Kind: "general", Visibility: "private",
		Tags: []string{tag.Label}, Version: n.Version}
	n = must(s.UpdateNote(ctx, av, n.ID, in)).ok(t)
	if got := find(visitor, "triporteur"); len(got) != 0 {
		t.Fatalf("a note made private, for a visitor: %v", got)
	}
	if got := find(av, "triporteur"); !slices.Equal(got, []string{n.ID}) {
		t.Fatalf("a note made private, for its author: %v", got)
	}
	// A profile made public, then members-only: found, then gone for
	// visitors.
	must(s.UpdateProfile(ctx, av, author.ID, maillage.ProfileInput{Name: author.Name, Language: "fr-CA",
		ProfileVisibility: "public", Contact: "messages"})).ok(t)
	if got := find(visitor, "Paquette"); !slices.Contains(got, author.ID) {
		t.Fatalf("a public profile: %v", got)
	}
	must(s.UpdateProfile(ctx, av, author.ID, maillage.ProfileInput{Name: author.Name, Language: "fr-CA",
		ProfileVisibility: "members", Contact: "messages"})).ok(t)
	if got := find(visitor, "Paquette"); slices.Contains(got, author.ID) {
		t.Fatalf("a members-only profile found by a visitor: %v", got)
	}
	// A discussion reply hidden by moderation no longer finds its thread.
	com := must(s.CreateCommunity(ctx, av, maillage.CommunityInput{Name: "Cyclistes", Visibility: "public", Listed: true})).ok(t)
	av = testutil.ViewerOf(t, s, author.ID)
	th := must(s.CreateThread(ctx, av, com.ID, maillage.ThreadInput{Title: "Entretien", Body: "Qui répare les freins ?"})).ok(t)
	rep := must(s.CreateReply(ctx, av, th.ID, maillage.ReplyInput{Body: "L’atelier Dérailleur, rue Ontario."})).ok(t)
	if got := find(visitor, "dérailleur"); !slices.Equal(got, []string{th.ID}) {
		t.Fatalf("a reply's words: %v", got)
	}
	must(s.HideReply(ctx, av, rep.ID, true)).ok(t)
	if got := find(visitor, "dérailleur"); len(got) != 0 {
		t.Fatalf("a hidden reply's words: %v", got)
	}
	// Deleted: gone for everyone.
	if err := s.DeleteNote(ctx, av, n.ID); err != nil {
		t.Fatal(err)
	}
	if got := find(av, "triporteur"); len(got) != 0 {
		t.Fatalf("a deleted note: %v", got)
	}
}

// TestSearchHundredAtOnce: a hundred searches at once, hostile text
// included, while notes are being written: none fails, and each finds
// what was there before it began.
func TestSearchHundredAtOnce(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	_, av := testutil.User(t, s, "Rosalie Paquette", "rosalie@exemple.org")
	first := must(s.CreateNote(ctx, av, maillage.NoteInput{Title: "Jardins collectifs", Body: "Potagers partagés.",
		Kind: "general", Visibility: "public"})).ok(t)
	queries := []string{"jardins", `"jardins collectifs"`, "jard*", "jardns", `"`, "*", "C++", "🙂", "a\x00b",
		strings.Repeat("jardin ", 2000), "le la les", "((( OR )))", "-jardin", "jardin -potager"}
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := queries[i%len(queries)]
			res, err := s.Search(ctx, maillage.Viewer{}, service.SearchInput{Q: q, Facets: i%2 == 0})
			if err != nil {
				errs <- fmt.Errorf("%.20q: %w", q, err)
				return
			}
			if q == "jardins" && !slices.ContainsFunc(res.Hits, func(h service.SearchHit) bool { return h.ID == first.ID }) {
				errs <- fmt.Errorf("%q: the first note is missing", q)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 10 {
			if _, err := s.CreateNote(ctx, av, maillage.NoteInput{Title: fmt.Sprintf("Jardin %d", i), Body: "Semis.",
				Kind: "general", Visibility: "public"}); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
