package service_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/testutil"
)

// TestFiltersFindItemsThroughAnyNameOfTheirTag: every list filtered by a
// tag finds what carries it through the tag's label, English label,
// synonyms (in either language), slug and old slugs.
func TestFiltersFindItemsThroughAnyNameOfTheirTag(t *testing.T) {
	ctx := context.Background()
	s, _ := testutil.Service(t)
	u, v := testutil.User(t, s, "Membre", "membre@exemple.org")
	_, cur := curatorOf(t, s, "Curatrice", "cur@exemple.org")
	tag, err := s.CreateCuratedTag(ctx, cur, service.TagInput{Label: "Sécurité alimentaire", LabelEn: "Food security",
		Synonyms: []string{"Autonomie alimentaire"}, SynonymsEn: []string{"Food sovereignty"}})
	if err != nil {
		t.Fatal(err)
	}
	// Everything is tagged with a synonym, as people type it.
	if _, err := s.UpdateProfile(ctx, v, u.ID, maillage.ProfileInput{Name: u.Name, Language: "fr-CA", ProfileVisibility: "public",
		Contact: "messages", Interests: []string{"autonomie alimentaire"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateOrganization(ctx, v, maillage.OrganizationInput{Name: "Épicerie solidaire", Tags: []string{"FOOD SOVEREIGNTY"}}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateCommunity(ctx, v, maillage.CommunityInput{Name: "Nourrir le quartier", Visibility: "public",
		Tags: []string{"food-security"}}); err != nil {
		t.Fatal(err)
	}
	n, err := s.CreateNote(ctx, v, maillage.NoteInput{Title: "Frigos partagés", Body: "x", Visibility: "public",
		Tags: []string{"sécurité-alimentaire"}})
	if err != nil {
		t.Fatal(err)
	}
	nb, err := s.CreateNotebook(ctx, v, maillage.NotebookInput{Title: "Carnet", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNoteToNotebook(ctx, v, nb.ID, n.ID, ""); err != nil {
		t.Fatal(err)
	}
	// A rename leaves an old slug behind.
	if _, err := s.RenameTag(ctx, cur, tag.Slug, "Sécurité alimentaire des ménages"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Sécurité alimentaire des ménages", "securite-alimentaire-des-menages", "securite-alimentaire",
		"Sécurité alimentaire", "food security", "Food sovereignty", "food-sovereignty", "autonomie-alimentaire", "AUTONOMIE ALIMENTAIRE"} {
		anon := maillage.Anonymous()
		_, np, err := s.People(ctx, v, service.PeopleFilter{Tag: name})
		check(t, name, "people", np, err)
		_, no, err := s.Organizations(ctx, anon, service.OrganizationFilter{Tag: name})
		check(t, name, "organisations", no, err)
		_, nc, err := s.Communities(ctx, anon, service.CommunityFilter{Tag: name})
		check(t, name, "communities", nc, err)
		_, nn, err := s.Notes(ctx, anon, service.NoteFilter{Tag: name})
		check(t, name, "notes", nn, err)
		_, nbs, err := s.Notebooks(ctx, anon, service.NotebookFilter{Tag: name})
		check(t, name, "notebooks", nbs, err)
		p, err := s.Tag(ctx, anon, name, 5)
		if err != nil || p.Tag.ID != tag.ID || p.Counts.Total() != 5 {
			t.Errorf("%s: tag page %v %v", name, p.Counts, err)
		}
	}
}

func check(t *testing.T, name, list string, n int, err error) {
	t.Helper()
	if err != nil || n != 1 {
		t.Errorf("%s: %s found %d (%v)", name, list, n, err)
	}
}

// TestIndexAgreesWithSQL: the in-memory index suggests exactly the tags
// the plain SQL query finds, for visitors and members, curated first.
func TestIndexAgreesWithSQL(t *testing.T) {
	ctx := context.Background()
	s, db := testutil.Service(t)
	_, v := testutil.User(t, s, "Membre", "membre@exemple.org")
	_, other := testutil.User(t, s, "Autre", "autre@exemple.org")
	if _, err := s.LoadStarterTaxonomyByOperator(ctx); err != nil {
		t.Fatal(err)
	}
	for i, l := range []string{"vélo-cargo", "économie du partage", "coop de travail", "mobilité active", "santé des aînés"} {
		vis := []string{"public", "private"}[i%2]
		if _, err := s.CreateNote(ctx, other, maillage.NoteInput{Title: fmt.Sprint("Note ", i), Body: "x", Visibility: vis,
			Tags: []string{l}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, viewer := range []maillage.Viewer{maillage.Anonymous(), v, other} {
		for _, q := range []string{"v", "eco", "ÉCONOMIE", "coop", "mob", "sante", "food", "green tr", "aines", "partage", "zzz"} {
			got, err := s.AutocompleteTags(ctx, viewer, q, 100)
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.AutocompleteTags(ctx, viewer, q, 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 100 {
				continue // too many to compare as sets
			}
			ids := func(tags []maillage.Tag) []string {
				var out []string
				for _, t := range tags {
					out = append(out, fmt.Sprintf("%s/%v/%d", t.ID, t.Curated(), t.Uses))
				}
				slices.Sort(out)
				return out
			}
			if !slices.Equal(ids(got), ids(want)) {
				t.Errorf("%q for %q: index %v, SQL %v", q, viewer.UserID, ids(got), ids(want))
			}
			for i := 1; i < len(got); i++ {
				if got[i].Curated() && !got[i-1].Curated() {
					t.Errorf("%q: a free tag before a curated one", q)
				}
			}
		}
	}
}
