package search

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// public is the audience of a document everyone may see.
var public = [][]string{{"public"}}

// everyone is the audience keys of an anonymous viewer.
var everyone = []string{"public"}

func note(id, title, body string) Document {
	return Document{Kind: KindNote, ID: id, Title: title, Body: body, Audiences: public}
}

// ids returns the IDs of the hits, in order.
func ids(r Results) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func search(ix *Index, text string) Results {
	return ix.Search(Query{Text: text, Audience: everyone, Limit: 100})
}

// sameSet reports whether got holds exactly the IDs of want, any order.
func sameSet(got, want []string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}

func TestSearchFindsFrenchForms(t *testing.T) {
	ix := New()
	ix.Upsert(
		note("1", "Les coopératives d'habitation", "Un modèle de logement abordable."),
		note("2", "Mobilité durable", "Le vélo-cargo en ville et l'économie sociale."),
		note("3", "Bénévoles recherché·e·s", "Les étudiant.e.s et les aîné·es sont bienvenu·es."),
		note("4", "Housing co-ops", "Community land trusts are growing in many cities."),
	)
	for q, want := range map[string][]string{
		"coopérative":          {"1"},
		"COOPERATIF":           {"1"},
		"logements":            {"1"},
		"l'économie":           {"2"},
		"economie sociale":     {"2"},
		"vélo":                 {"2"},
		"cargo":                {"2"},
		"vélocargo":            {"2"},
		"bénévole":             {"3"},
		"étudiante":            {"3"},
		"aînés":                {"3"},
		"communities":          {"4"},
		"community":            {"4"},
		"growing":              {"4"},
		"mobilité vélo":        {"2"},
		"mobilité coopérative": nil,
	} {
		if got := ids(search(ix, q)); !sameSet(got, want) {
			t.Errorf("%q: got %v, want %v", q, got, want)
		}
	}
}

func TestSearchPhrase(t *testing.T) {
	ix := New()
	ix.Upsert(
		note("a", "Économie sociale", ""),
		note("b", "Sociale économie", ""),
		note("c", "", "L'économie de la connaissance au Québec"),
		note("d", "", "L'économie, la connaissance"), // one stop word fewer between them
		note("e", "", "économie, sociale"),
	)
	for q, want := range map[string][]string{
		`"économie sociale"`:            {"a", "e"},
		`"sociale économie"`:            {"b"},
		`"économie de la connaissance"`: {"c"},
		`"économie connaissance"`:       nil,
		`"économie sociale`:             {"a", "e"}, // unbalanced: a phrase to the end
		`économie sociale`:              {"a", "b", "e"},
		`«économie sociale»`:            {"a", "e"},
	} {
		if got := ids(search(ix, q)); !sameSet(got, want) {
			t.Errorf("%q: got %v, want %v", q, got, want)
		}
	}
}

func TestSearchPhraseAcrossTagValues(t *testing.T) {
	ix := New()
	ix.Upsert(Document{Kind: KindNote, ID: "x", Tags: []string{"Mobilité", "Durable"}, Audiences: public})
	if got := ids(search(ix, `"mobilité durable"`)); got != nil {
		t.Errorf("a phrase ran across two tags: %v", got)
	}
	if got := ids(search(ix, `mobilité durable`)); !slices.Equal(got, []string{"x"}) {
		t.Errorf("words of two tags: %v", got)
	}
}

func TestSearchPrefixAndAsYouType(t *testing.T) {
	ix := New()
	ix.Upsert(
		note("1", "Coopératives d'habitation", ""),
		note("2", "Communauté de pratique", ""),
		note("3", "Communication", ""),
	)
	for _, tc := range []struct {
		text   string
		typing bool
		want   []string
	}{
		{"coop*", false, []string{"1"}},
		{"coop", false, nil},
		{"coop", true, []string{"1"}},
		{"coopérati", true, []string{"1"}},
		{"commun*", false, []string{"2", "3"}},
		{"communaut", true, []string{"2"}},
		{"communauté ", true, []string{"2"}},
		{"communauté d", true, []string{"2"}}, // a stop word being typed does not hide note 2
		{"communauté de", true, []string{"2"}},
		{"de", true, nil},
		{"communauté xyz", true, nil},
		{"communauté p", true, []string{"2"}},
		{"habitation coop", true, []string{"1"}},
	} {
		got := ids(ix.Search(Query{Text: tc.text, AsYouType: tc.typing, Audience: everyone}))
		if !sameSet(got, tc.want) {
			t.Errorf("%q (typing %v): got %v, want %v", tc.text, tc.typing, got, tc.want)
		}
	}
}

func TestSearchTypos(t *testing.T) {
	ix := New()
	ix.Upsert(
		note("1", "Coopératives d'habitation", ""),
		note("2", "Mobilité durable", ""),
		note("3", "Coopération internationale", ""),
	)
	for q, want := range map[string][]string{
		"cooperatvies": {"1", "3"},
		"mobilitée":    {"2"},
		"mboilité":     {"2"},
		"ombilité":     nil, // the first letter is trusted
		"durabel":      {"2"},
		"habitaiton":   {"1"},
		"mobi":         nil, // too short for a guess
	} {
		if got := ids(search(ix, q)); !sameSet(got, want) {
			t.Errorf("%q: got %v, want %v", q, got, want)
		}
	}
	// A guess scores below an exact match.
	exact, guess := search(ix, "durable"), search(ix, "durabel")
	if len(exact.Hits) != 1 || len(guess.Hits) != 1 || guess.Hits[0].Score >= exact.Hits[0].Score {
		t.Errorf("exact %v, guess %v", exact.Hits, guess.Hits)
	}
	// A word the index has is not second-guessed.
	ix.Upsert(note("4", "Durabel", ""))
	if got := ids(search(ix, "durabel")); !slices.Equal(got, []string{"4"}) {
		t.Errorf("durabel = %v", got)
	}
}

func TestSearchExclusion(t *testing.T) {
	ix := New()
	ix.Upsert(note("1", "Vélo en ville", ""), note("2", "Vélo à la campagne", ""))
	if got := ids(search(ix, "vélo -campagne")); !slices.Equal(got, []string{"1"}) {
		t.Errorf("got %v", got)
	}
	if got := ids(search(ix, "vélo -inconnu")); len(got) != 2 {
		t.Errorf("excluding an absent word: %v", got)
	}
	if got := ids(search(ix, "-vélo")); got != nil {
		t.Errorf("only an exclusion: %v", got)
	}
	if got := ids(search(ix, `vélo -"la campagne"`)); !slices.Equal(got, []string{"1"}) {
		t.Errorf("excluded phrase: %v", got)
	}
}

func TestSearchStopWordsAndBlank(t *testing.T) {
	ix := New()
	ix.Upsert(note("1", "Le vélo", ""), note("2", "La ville", ""))
	for _, q := range []string{"le la les", "the of", "!!!", "C++", `"`, "*", "-"} {
		r := search(ix, q)
		if r.Total != 0 || len(r.Hits) != 0 {
			t.Errorf("%q matched %v", q, ids(r))
		}
	}
	if r := search(ix, "  "); r.Total != 2 {
		t.Errorf("a blank query browses everything: total %d", r.Total)
	}
}

func TestSearchUpdateAndDelete(t *testing.T) {
	ix := New()
	ix.Upsert(note("1", "Vélo", ""), note("2", "Vélo", ""))
	ix.Upsert(note("1", "Autobus", ""))
	if got := ids(search(ix, "vélo")); !slices.Equal(got, []string{"2"}) {
		t.Errorf("old version still found: %v", got)
	}
	if got := ids(search(ix, "autobus")); !slices.Equal(got, []string{"1"}) {
		t.Errorf("new version not found: %v", got)
	}
	if ix.Len() != 2 {
		t.Errorf("Len = %d", ix.Len())
	}
	ix.Delete(KindNote, "2")
	ix.Delete(KindNote, "nope")
	if r := search(ix, "vélo"); r.Total != 0 {
		t.Errorf("deleted still found: %v", ids(r))
	}
	// The same ID under another kind is another document.
	ix.Upsert(Document{Kind: KindThread, ID: "1", Title: "Autobus", Audiences: public})
	if r := search(ix, "autobus"); r.Total != 2 {
		t.Errorf("kinds share IDs: total %d", r.Total)
	}
	if st := ix.Stats(); st.Live != 2 || st.Docs != 4 {
		t.Errorf("stats %+v", st)
	}
	// Twice in one batch: the last version wins.
	ix.Upsert(note("9", "Premier", ""), note("9", "Second", ""))
	if search(ix, "premier").Total != 0 || search(ix, "second").Total != 1 {
		t.Error("the last version of a batch does not win")
	}
}

func TestCompaction(t *testing.T) {
	ix := New()
	rounds := []string{"alpha", "bravo", "charlie", "delta", "echo"}
	for _, round := range rounds {
		var docs []Document
		for i := range 200 {
			docs = append(docs, note(fmt.Sprint(i), fmt.Sprintf("Note %d %s", i, round), "économie sociale"))
		}
		ix.Upsert(docs...)
	}
	st := ix.Stats()
	if st.Live != 200 || st.Docs-st.Live > st.Docs/4 {
		t.Errorf("not compacted: %+v", st)
	}
	ix.Delete(KindNote, "0")
	ix.Compact()
	st = ix.Stats()
	// note, its number, echo, econom, social: 5 terms per document;
	// the vocabulary lost alpha...delta and number 0.
	if st.Docs != 199 || st.Live != 199 || st.Postings != 199*5 || st.Terms != 199+4 {
		t.Errorf("after Compact: %+v", st)
	}
	if r := search(ix, "alpha"); r.Total != 0 {
		t.Errorf("a replaced version's term still matches: %d", r.Total)
	}
	if r := search(ix, "économie"); r.Total != 199 {
		t.Errorf("total after compaction = %d", r.Total)
	}
	if r := search(ix, "echo"); r.Total != 199 {
		t.Errorf("echo = %d", r.Total)
	}
	if r := ix.Search(Query{Text: "ech", AsYouType: true, Audience: everyone}); r.Total != 199 {
		t.Errorf("prefix after compaction = %d", r.Total)
	}
	if r := search(ix, `"note 17"`); !slices.Equal(ids(r), []string{"17"}) {
		t.Errorf("phrase after compaction = %v", ids(r))
	}
}

func TestSearchLimitOffset(t *testing.T) {
	ix := New()
	var docs []Document
	for i := range 150 {
		docs = append(docs, note(fmt.Sprintf("%03d", i), "Vélo", ""))
	}
	ix.Upsert(docs...)
	r := ix.Search(Query{Text: "vélo", Audience: everyone})
	if r.Total != 150 || len(r.Hits) != defaultLimit {
		t.Errorf("default limit: total %d, %d hits", r.Total, len(r.Hits))
	}
	r = ix.Search(Query{Text: "vélo", Audience: everyone, Limit: 1000})
	if len(r.Hits) != maxLimit {
		t.Errorf("max limit: %d hits", len(r.Hits))
	}
	r = ix.Search(Query{Text: "vélo", Audience: everyone, Offset: 150})
	if r.Total != 150 || len(r.Hits) != 0 {
		t.Errorf("offset at end: total %d, %d hits", r.Total, len(r.Hits))
	}
	r = ix.Search(Query{Text: "vélo", Audience: everyone, Offset: 1 << 40, Limit: 5})
	if r.Total != 150 || len(r.Hits) != 0 {
		t.Errorf("offset far beyond: total %d, %d hits", r.Total, len(r.Hits))
	}
	// Pages follow each other without gap or repeat (equal scores: by ID).
	var all []string
	for off := 0; off < 150; off += 40 {
		all = append(all, ids(ix.Search(Query{Text: "vélo", Audience: everyone, Offset: off, Limit: 40}))...)
	}
	want := make([]string, 150)
	for i := range want {
		want[i] = fmt.Sprintf("%03d", i)
	}
	if !slices.Equal(all, want) {
		t.Errorf("pages: %v", all)
	}
	r = ix.Search(Query{Text: "vélo", Audience: everyone, Offset: -5, Limit: -1})
	if len(r.Hits) != defaultLimit || r.Hits[0].ID != "000" {
		t.Errorf("negative offset and limit: %v", ids(r))
	}
}

func TestSearchFilters(t *testing.T) {
	ix := New()
	ix.Upsert(
		Document{Kind: KindUser, ID: "u1", Title: "Alex Vélo", Region: "Montréal", TagIDs: []string{"t1"}, Audiences: public},
		Document{Kind: KindOrganization, ID: "o1", Title: "Vélo Québec", Region: "Montréal", OrgType: "obnl", TagIDs: []string{"t1", "t2"}, Audiences: public},
		Document{Kind: KindOrganization, ID: "o2", Title: "Coop Vélo", Region: "Québec", OrgType: "coop", TagIDs: []string{"t2"}, Audiences: public},
		Document{Kind: KindNote, ID: "n1", Title: "Vélo d'hiver", CommunityID: "c1", TagIDs: []string{"t3"}, Audiences: public},
	)
	for _, tc := range []struct {
		name string
		q    Query
		want []string
	}{
		{"kind", Query{Kinds: []Kind{KindOrganization}}, []string{"o1", "o2"}},
		{"kinds", Query{Kinds: []Kind{KindOrganization, KindUser}}, []string{"u1", "o1", "o2"}},
		{"unknown kind", Query{Kinds: []Kind{"nope"}}, nil},
		{"tag", Query{TagIDs: []string{"t2"}}, []string{"o1", "o2"}},
		{"tags any", Query{TagIDs: []string{"t1", "t3"}}, []string{"u1", "o1", "n1"}},
		{"unknown tag", Query{TagIDs: []string{"zz"}}, nil},
		{"region", Query{Region: "Montréal"}, []string{"u1", "o1"}},
		{"org type", Query{OrgType: "coop"}, []string{"o2"}},
		{"community", Query{CommunityID: "c1"}, []string{"n1"}},
		{"unknown region", Query{Region: "Gaspésie"}, nil},
		{"combined", Query{Kinds: []Kind{KindOrganization}, TagIDs: []string{"t1"}, Region: "Montréal"}, []string{"o1"}},
	} {
		for _, text := range []string{"vélo", ""} {
			q := tc.q
			q.Text, q.Audience = text, everyone
			r := ix.Search(q)
			if !sameSet(ids(r), tc.want) || r.Total != len(tc.want) {
				t.Errorf("%s, text %q: got %v (total %d), want %v", tc.name, text, ids(r), r.Total, tc.want)
			}
		}
	}
}

func TestSearchFacets(t *testing.T) {
	ix := New()
	ix.Upsert(
		Document{Kind: KindUser, ID: "u1", Title: "Vélo", Region: "Montréal", TagIDs: []string{"t1"}, Audiences: public},
		Document{Kind: KindOrganization, ID: "o1", Title: "Vélo", Region: "Montréal", OrgType: "obnl", TagIDs: []string{"t1", "t2"}, Audiences: public},
		Document{Kind: KindOrganization, ID: "o2", Title: "Vélo", Region: "Québec", OrgType: "coop", TagIDs: []string{"t2"}, Audiences: public},
		Document{Kind: KindNote, ID: "n1", Title: "Vélo", CommunityID: "c1", TagIDs: []string{"t3"}, Audiences: [][]string{{"member:c1"}}},
		Document{Kind: KindNote, ID: "n2", Title: "Auto", TagIDs: []string{"t1"}, Audiences: public},
	)
	r := ix.Search(Query{Text: "vélo", Audience: everyone, Facets: true, Limit: 1})
	want := map[string][]FacetValue{
		FacetKind:    {{"organization", 2}, {"user", 1}},
		FacetTag:     {{"t1", 2}, {"t2", 2}},
		FacetRegion:  {{"Montréal", 2}, {"Québec", 1}},
		FacetOrgType: {{"coop", 1}, {"obnl", 1}},
	}
	if fmt.Sprint(r.Facets) != fmt.Sprint(want) {
		t.Errorf("facets\n got %v\nwant %v", r.Facets, want)
	}
	r = ix.Search(Query{Text: "vélo", Audience: everyone, Facets: true, Kinds: []Kind{KindOrganization}})
	if got := r.Facets[FacetKind]; len(got) != 1 || got[0] != (FacetValue{"organization", 2}) {
		t.Errorf("facets after the kind filter: %v", got)
	}
	if r := ix.Search(Query{Text: "vélo", Audience: everyone}); r.Facets != nil {
		t.Errorf("facets not asked for: %v", r.Facets)
	}
}

func TestSearchRankingTitleAboveBody(t *testing.T) {
	ix := New()
	ix.Upsert(
		note("body", "Rapport annuel", "Ce rapport parle de mobilité, de mobilité durable et encore de mobilité partout en région."),
		note("title", "Mobilité", "Un texte sur autre chose, assez long pour que la longueur compte un peu."),
		Document{Kind: KindNote, ID: "tag", Title: "Un projet", Tags: []string{"Mobilité"}, Audiences: public},
		Document{Kind: KindNote, ID: "broader", Title: "Un autre projet", Broader: []string{"Mobilité"}, Audiences: public},
	)
	got := ids(search(ix, "mobilité"))
	if !slices.Equal(got, []string{"title", "tag", "body", "broader"}) && !slices.Equal(got, []string{"title", "tag", "broader", "body"}) {
		t.Errorf("order = %v", got)
	}
	// Every word in the title beats words scattered in the body.
	ix.Upsert(
		note("t2", "Économie sociale", ""),
		note("b2", "Sociale", "L'économie"),
	)
	if got := ids(search(ix, "économie sociale")); len(got) < 2 || got[0] != "t2" {
		t.Errorf("all in title first: %v", got)
	}
}

func TestSearchRankingProximity(t *testing.T) {
	ix := New()
	ix.Upsert(
		note("far", "", "Économie du quartier. Plus loin, bien plus loin dans le texte, une note sociale."),
		note("near", "", "Économie sociale du quartier. Plus loin, bien plus loin dans le texte, une note."),
	)
	if got := ids(search(ix, "économie sociale")); !slices.Equal(got, []string{"near", "far"}) {
		t.Errorf("order = %v", got)
	}
}

func TestSearchSorts(t *testing.T) {
	ix := New()
	day := 24 * time.Hour
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	ix.Upsert(
		Document{Kind: KindUser, ID: "a", Title: "Vélo", Relations: 5, Publications: 1, Updated: now.Add(-10 * day), Audiences: public},
		Document{Kind: KindUser, ID: "b", Title: "Vélo vélo", Body: "vélo", Relations: 50, Publications: 0, Updated: now.Add(-100 * day), Audiences: public},
		Document{Kind: KindUser, ID: "c", Title: "Vélo", Relations: 5, Publications: 9, Updated: now, Audiences: public},
	)
	for sort, want := range map[Sort][]string{
		SortRelations:    {"b", "c", "a"}, // c before a: more recent, so a higher score
		SortPublications: {"c", "a", "b"},
		SortRecent:       {"c", "a", "b"},
	} {
		r := ix.Search(Query{Text: "vélo", Audience: everyone, Sort: sort})
		if got := ids(r); !slices.Equal(got, want) {
			t.Errorf("sort %s: %v, want %v", sort, got, want)
		}
	}
	// A recent item ranks above an old one with the same text.
	r := ix.Search(Query{Text: "vélo", Audience: everyone, Kinds: []Kind{KindUser}})
	if r.Hits[0].ID == "a" && r.Hits[1].ID == "c" {
		t.Errorf("recency ignored: %v", ids(r))
	}
}

func TestSearchDeterministicTies(t *testing.T) {
	ix := New()
	ix.Upsert(
		Document{Kind: KindNote, ID: "2", Title: "Vélo", Audiences: public},
		Document{Kind: KindUser, ID: "1", Title: "Vélo", Audiences: public},
		Document{Kind: KindNote, ID: "1", Title: "Vélo", Audiences: public},
	)
	r := search(ix, "vélo")
	var got []string
	for _, h := range r.Hits {
		got = append(got, string(h.Kind)+":"+h.ID)
	}
	if !slices.Equal(got, []string{"note:1", "note:2", "user:1"}) {
		t.Errorf("ties: %v", got)
	}
}

func TestSearchTerms(t *testing.T) {
	ix := New()
	ix.Upsert(note("1", "Coopératives", "économie"))
	r := ix.Search(Query{Text: "coopérative l'économie", Audience: everyone})
	if !slices.Contains(r.Terms, "cooper") || !slices.Contains(r.Terms, "econom") {
		t.Errorf("terms = %v", r.Terms)
	}
}
