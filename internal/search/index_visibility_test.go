package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestVisibilityGroups(t *testing.T) {
	ix := New()
	ix.Upsert(
		Document{Kind: KindNote, ID: "public", Title: "Vélo", Audiences: [][]string{{"public"}}},
		Document{Kind: KindNote, ID: "members", Title: "Vélo", Audiences: [][]string{{"member:c1", "owner:u9"}}},
		// A thread: its community's readers AND its moderation.
		Document{Kind: KindThread, ID: "thread", Title: "Vélo", Audiences: [][]string{{"member:c1"}, {"visible:t1", "moderator:c1"}}},
		Document{Kind: KindNote, ID: "nobody", Title: "Vélo"},
		Document{Kind: KindNote, ID: "empty-group", Title: "Vélo", Audiences: [][]string{{"public"}, {}}},
		Document{Kind: KindNote, ID: "empty-key", Title: "Vélo", Audiences: [][]string{{""}}},
	)
	for _, tc := range []struct {
		viewer []string
		want   []string
	}{
		{nil, nil},
		{[]string{"public"}, []string{"public"}},
		{[]string{"member:c1"}, []string{"members"}},
		{[]string{"owner:u9"}, []string{"members"}},
		{[]string{"public", "member:c1"}, []string{"public", "members"}},
		{[]string{"public", "member:c1", "visible:t1"}, []string{"public", "members", "thread"}},
		{[]string{"member:c1", "moderator:c1"}, []string{"members", "thread"}},
		{[]string{"visible:t1", "moderator:c1"}, nil}, // the second group alone is not enough
		{[]string{"", "unknown"}, nil},
	} {
		for _, text := range []string{"vélo", ""} {
			r := ix.Search(Query{Text: text, Audience: tc.viewer, Facets: true})
			if !sameSet(ids(r), tc.want) || r.Total != len(tc.want) {
				t.Errorf("viewer %v, text %q: got %v (total %d), want %v", tc.viewer, text, ids(r), r.Total, tc.want)
			}
			n := 0
			for _, v := range r.Facets[FacetKind] {
				n += v.Count
			}
			if n != len(tc.want) {
				t.Errorf("viewer %v: facets count %d documents, want %d", tc.viewer, n, len(tc.want))
			}
		}
	}
}

// TestVisibilityNeverLeaks checks totals, facets and every page of hits
// against a brute-force answer over random worlds: a hidden document
// must never be counted, faceted or returned, whatever the rank of the
// visible ones.
func TestVisibilityNeverLeaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []string{"public", "member:c1", "member:c2", "owner:u1", "owner:u2", "moderator:c1"}
	words := []string{"vélo", "économie", "sociale", "mobilité", "coopérative"}
	tags := []string{"t1", "t2", "t3"}
	ix := New()
	var docs []Document
	for i := range 400 {
		d := Document{Kind: Kinds()[rng.IntN(4)], ID: fmt.Sprint(i)}
		for range 1 + rng.IntN(3) {
			d.Title += words[rng.IntN(len(words))] + " "
		}
		for g := range rng.IntN(3) {
			var group []string
			for range 1 + rng.IntN(2) {
				group = append(group, keys[rng.IntN(len(keys))])
			}
			if g == 0 && rng.IntN(2) == 0 {
				group = []string{"public"}
			}
			d.Audiences = append(d.Audiences, group)
		}
		d.TagIDs = []string{tags[rng.IntN(len(tags))]}
		docs = append(docs, d)
	}
	ix.Upsert(docs...)
	// Some updates and deletes, so that tombstones are in the way.
	for i := 0; i < 400; i += 7 {
		ix.Delete(docs[i].Kind, docs[i].ID)
	}
	reaches := func(d Document, viewer []string) bool {
		if len(d.Audiences) == 0 {
			return false
		}
		for _, g := range d.Audiences {
			if !slices.ContainsFunc(g, func(k string) bool { return slices.Contains(viewer, k) }) {
				return false
			}
		}
		return true
	}
	for round := range 60 {
		var viewer []string
		for _, k := range keys {
			if rng.IntN(2) == 0 {
				viewer = append(viewer, k)
			}
		}
		word := words[rng.IntN(len(words))]
		q := Query{Text: word, Audience: viewer, Facets: true, Limit: 7}
		if round%3 == 0 {
			q.TagIDs = []string{tags[rng.IntN(len(tags))]}
		}
		want := map[string]bool{}
		tagCount := map[string]int{}
		for i, d := range docs {
			if i%7 == 0 || !reaches(d, viewer) {
				continue
			}
			if !containsWord(ix.an, d.Title, word) {
				continue
			}
			if q.TagIDs != nil && !slices.Contains(d.TagIDs, q.TagIDs[0]) {
				continue
			}
			want[string(d.Kind)+":"+d.ID] = true
			tagCount[d.TagIDs[0]]++
		}
		r := ix.Search(q)
		if r.Total != len(want) {
			t.Fatalf("round %d: total %d, want %d", round, r.Total, len(want))
		}
		seen := 0
		for off := 0; off < r.Total+7; off += 7 {
			q.Offset = off
			for _, h := range ix.Search(q).Hits {
				if !want[string(h.Kind)+":"+h.ID] {
					t.Fatalf("round %d: hit %s:%s is not visible or does not match", round, h.Kind, h.ID)
				}
				seen++
			}
		}
		if seen != len(want) {
			t.Fatalf("round %d: pages hold %d hits, want %d", round, seen, len(want))
		}
		for _, v := range r.Facets[FacetTag] {
			if v.Count != tagCount[v.Value] {
				t.Fatalf("round %d: tag facet %s = %d, want %d", round, v.Value, v.Count, tagCount[v.Value])
			}
		}
	}
}

// containsWord reports whether text has a word with the stem of word.
func containsWord(a *Analyzer, text, word string) bool {
	st := a.Analyze(word, French)[0].Term
	for _, tok := range a.Analyze(text, French) {
		if tok.Term == st {
			return true
		}
	}
	return false
}

func TestVisibilityManyKeys(t *testing.T) {
	ix := New()
	var docs []Document
	var viewer []string
	for i := range 300 {
		key := fmt.Sprintf("owner:u%d", i)
		docs = append(docs, Document{Kind: KindNote, ID: fmt.Sprint(i), Title: "Vélo", Audiences: [][]string{{key}}})
		if i%3 == 0 {
			viewer = append(viewer, key)
		}
	}
	ix.Upsert(docs...)
	if r := ix.Search(Query{Text: "vélo", Audience: viewer}); r.Total != 100 {
		t.Errorf("total %d, want 100", r.Total)
	}
}
