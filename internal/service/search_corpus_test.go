package service_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/service"
)

// corpusQuery is one query of the shared French corpus: who searches,
// what, and what must and must never come back. Written by hand from
// what a person would expect, not from what the code does.
type corpusQuery struct {
	q      string
	viewer string // "" is a visitor
	types  []string
	tag    string
	desc   bool
	// expect must all be found; forbid must never be; first, when set,
	// must be the first result.
	expect []string
	forbid []string
	first  string
	// none says nothing at all may be found.
	none bool
}

// secrets are the things a visitor must never find, whatever the query.
var corpusSecrets = []string{"note:zephyr", "note:strategie", "note:compte-rendu", "community:cellule",
	"thread:negociation", "user:nadia"}

func corpusQueries() []corpusQuery {
	return []corpusQuery{
		// Accents, case and plurals.
		{q: "coopérative", expect: []string{"note:coop", "organization:tournesols", "user:amelie", "note:economie"}},
		{q: "coopératives", expect: []string{"note:coop", "organization:tournesols", "note:economie"}},
		{q: "cooperative", expect: []string{"note:coop", "organization:tournesols"}},
		{q: "COOPÉRATIVE", expect: []string{"note:coop", "organization:tournesols"}},
		{q: "habitation", expect: []string{"note:coop", "organization:tournesols", "user:amelie"}},
		{q: "frigo", expect: []string{"note:frigos"}, first: "note:frigos"},
		{q: "frigos communautaires", first: "note:frigos"},
		{q: "logements", expect: []string{"note:coop", "organization:tournesols"}},
		{q: "organisme", expect: []string{"thread:bilan", "community:transition"}},
		// Elisions, straight and typographic apostrophes.
		{q: "d'habitation", expect: []string{"note:coop", "organization:tournesols"}},
		{q: "d’habitation", expect: []string{"note:coop"}},
		{q: "l'économie sociale", expect: []string{"note:economie", "note:coop", "organization:reseau", "user:lea"}},
		{q: "economie sociale", expect: []string{"note:economie", "organization:reseau"}},
		{q: "l'isolement", expect: []string{"note:aines", "community:aines"}},
		{q: "qu'est-ce que l'économie", expect: []string{"note:economie"}},
		// Phrases.
		{q: `"économie sociale"`, expect: []string{"note:economie", "note:coop", "organization:reseau"}},
		{q: `"sociale économie"`, forbid: []string{"note:economie", "note:coop", "organization:reseau"}},
		{q: `"conseil d'administration"`, expect: []string{"note:coop"}},
		{q: `"bilan carbone"`, expect: []string{"thread:bilan"}},
		{q: `"carbone bilan"`, forbid: []string{"thread:bilan"}},
		// Hyphenated words.
		{q: "vélo-cargo", expect: []string{"note:velo"}, first: "note:velo"},
		{q: "cargo", expect: []string{"note:velo"}},
		{q: "velo cargo", expect: []string{"note:velo"}},
		{q: "Marc-André", expect: []string{"user:marc"}},
		{q: "marc andre levesque", expect: []string{"user:marc"}, first: "user:marc"},
		{q: "socio-écologique", expect: []string{"community:transition"}},
		// Stems.
		{q: "vélos", expect: []string{"note:velo", "organization:velo"}},
		{q: "livraisons", expect: []string{"note:velo"}},
		{q: "entreprise", expect: []string{"note:insertion", "organization:reseau"}},
		{q: "jeune", expect: []string{"note:insertion"}},
		{q: "regroupements", expect: []string{"organization:reseau"}},
		// Inclusive forms.
		{q: "bénévoles", expect: []string{"note:benevoles"}},
		{q: "bénévole", expect: []string{"note:benevoles"}},
		{q: "bénévole·s", expect: []string{"note:benevoles"}},
		{q: "aîné·es", expect: []string{"note:aines", "community:aines"}},
		{q: "aînées", expect: []string{"note:aines"}},
		{q: "aines", expect: []string{"note:aines"}},
		{q: "éloigné·es", expect: []string{"note:insertion"}},
		{q: "éloignés", expect: []string{"note:insertion"}},
		// Stop words alone find nothing and fail nothing.
		{q: "le la les de des", none: true},
		{q: "the of and", none: true},
		// One typo in a longer word.
		{q: "habitaton", expect: []string{"note:coop"}},
		{q: "isolemnet", expect: []string{"note:aines"}},
		{q: "gaspilage", expect: []string{"note:frigos"}},
		// Prefixes.
		{q: "coop*", expect: []string{"note:coop", "organization:tournesols"}},
		{q: "socioprof*", expect: []string{"note:insertion", "user:marc"}},
		// English matched in English.
		{q: "land trusts", expect: []string{"note:trusts", "user:samuel"}, first: "note:trusts"},
		{q: "trust", expect: []string{"note:trusts"}},
		{q: "affordable housing", expect: []string{"note:trusts", "user:samuel"}},
		{q: "buildings", expect: []string{"note:trusts"}},
		// Tags: labels in both languages, synonyms, broader themes.
		{q: "mobilité durable", expect: []string{"note:velo", "user:jerome"}},
		{q: "transport durable", expect: []string{"note:velo"}},
		{q: "sustainable mobility", expect: []string{"note:velo"}},
		{q: "logement communautaire", expect: []string{"note:coop"}},
		{q: "community housing", expect: []string{"note:coop"}},
		{q: "food security", expect: []string{"note:frigos"}},
		{q: "transition socio-écologique", expect: []string{"community:transition", "note:velo"}, first: "community:transition"},
		{tag: "mobilite-durable", expect: []string{"note:velo"}, forbid: []string{"note:coop"}},
		{tag: "transport-durable", expect: []string{"note:velo"}},
		{tag: "transition-socio-ecologique", desc: true, expect: []string{"note:velo"}, forbid: []string{"note:frigos"}},
		{q: "livraison", tag: "habitation-communautaire", none: true},
		// Types.
		{q: "coopérative", types: []string{"organization"}, expect: []string{"organization:tournesols"}, forbid: []string{"note:coop", "user:amelie"}},
		{q: "Amélie", types: []string{"user"}, expect: []string{"user:amelie"}, forbid: []string{"note:coop"}},
		// People and organisations by name, bio and description.
		{q: "Amélie", expect: []string{"user:amelie"}, first: "user:amelie"},
		{q: "tremblay", expect: []string{"user:amelie"}},
		{q: "Lévesque", expect: []string{"user:marc"}},
		{q: "lucioles", expect: []string{"organization:lucioles"}},
		{q: "petite enfance", expect: []string{"organization:lucioles"}},
		{q: "agriculture urbaine", expect: []string{"user:amelie"}},
		{q: "Écoleader", expect: []string{"thread:bilan"}},
		// Visibility: the private, the community-only, the hidden.
		{q: "Zéphyr", none: true},
		{q: "Zéphyr", viewer: "marc", expect: []string{"note:zephyr", "note:strategie", "community:cellule", "thread:negociation"}},
		{q: "Zéphyr", viewer: "lea", expect: []string{"note:strategie", "community:cellule", "thread:negociation"}, forbid: []string{"note:zephyr"}},
		{q: "Zéphyr", viewer: "jerome", none: true},
		{q: "confidentielle", none: true},
		{q: "décarbonation", forbid: []string{"note:compte-rendu"}},
		{q: "décarbonation", viewer: "jerome", expect: []string{"note:compte-rendu"}},
		{q: "décarbonation", viewer: "marc", forbid: []string{"note:compte-rendu"}},
		{q: "numéro personnel 555", none: true},
		{q: "numéro personnel", viewer: "jerome", forbid: []string{"thread:bilan"}},
		{q: "Nadia", forbid: []string{"user:nadia"}},
		{q: "Nadia", viewer: "amelie", expect: []string{"user:nadia"}},
		// A members-only author's name does not lead visitors to her note.
		{q: "Ouellet", forbid: []string{"note:benevoles", "user:nadia"}},
		{q: "Solidarité aîné·es", expect: []string{"community:aines"}},
		// Hostile or odd input: never an error.
		{q: `"`},
		{q: `coop"érative`},
		{q: "C++"},
		{q: "*"},
		{q: "-"},
		{q: "🙂 vélo", expect: []string{"note:velo"}},
		{q: "vélo\x00cargo"},
		{q: "((( OR AND NOT )))"},
		{q: strings.Repeat("économie ", 1200)},
	}
}

// TestSearchFrenchCorpus runs the shared corpus. It runs on SQLite, and
// on PostgreSQL when MAILLAGE_TEST_DATABASE_URL is set, with the same
// expectations: results do not depend on the database.
func TestSearchFrenchCorpus(t *testing.T) {
	w := newCorpusWorld(t)
	queries := corpusQueries()
	if len(queries) < 60 {
		t.Fatalf("the corpus has %d queries; it promises at least 60", len(queries))
	}
	for _, cq := range queries {
		name := cq.q
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if cq.viewer != "" {
			name += " as " + cq.viewer
		}
		if cq.tag != "" {
			name += " tag:" + cq.tag
		}
		v := w.viewer(cq.viewer)
		res, err := w.s.Search(w.ctx, v, service.SearchInput{Q: cq.q, Types: cq.types, Tag: cq.tag, Descendants: cq.desc,
			Limit: 100, Facets: true})
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, string(h.Kind)+":"+w.name(string(h.Kind), h.ID))
		}
		if res.Total != len(res.Hits) {
			t.Errorf("%q: total %d for %d results on one page", name, res.Total, len(res.Hits))
		}
		for _, e := range cq.expect {
			if !slices.Contains(got, e) {
				t.Errorf("%q: %s not found in %v", name, e, got)
			}
		}
		forbid := cq.forbid
		if cq.viewer == "" {
			forbid = append(forbid, corpusSecrets...)
		}
		for _, f := range forbid {
			if slices.Contains(got, f) {
				t.Errorf("%q: %s must not be found (%v)", name, f, got)
			}
		}
		if cq.first != "" && (len(got) == 0 || got[0] != cq.first) {
			t.Errorf("%q: first result %v, want %s", name, got, cq.first)
		}
		if cq.none && len(got) > 0 {
			t.Errorf("%q: want nothing, got %v", name, got)
		}
	}
}

// name is the corpus key name of an item's ID ("coop" for note:coop).
func (w *corpusWorld) name(kind, id string) string {
	for k, v := range w.ids {
		if v == id && strings.HasPrefix(k, kind+":") {
			return strings.TrimPrefix(k, kind+":")
		}
	}
	return id
}
