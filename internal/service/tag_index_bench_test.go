package service_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// benchWords make the labels of the benchmark's tags.
var benchWords = []string{"économie", "sociale", "solidaire", "transition", "écologique", "mobilité", "durable", "habitation",
	"coopérative", "numérique", "données", "ouvertes", "alimentation", "sécurité", "agriculture", "urbaine", "culture",
	"patrimoine", "jeunesse", "aînés", "immigration", "inclusion", "gouvernance", "philanthropie", "financement", "énergie",
	"climat", "recyclage", "réemploi", "circuits", "courts", "santé", "mentale", "éducation", "populaire", "emploi",
	"insertion", "logement", "communautaire", "territoire", "ruralité", "biodiversité", "eau", "forêt", "tourisme",
	"loisir", "médias", "arts", "commerce", "équitable"}

// BenchmarkAutocomplete answers tag autocomplete over 10 000 tags (a
// thousand of them curated) with 50 000 synonyms and 20 000 uses, for a
// visitor and for a member, with prefixes of one to eight letters. It
// reports the 50th and 99th percentiles of one answer's time. Run it with
//
//	go test ./internal/service/ -run '^$' -bench Autocomplete -benchtime 2000x
//
// (and MAILLAGE_TEST_DATABASE_URL set for PostgreSQL).
func BenchmarkAutocomplete(b *testing.B) {
	ctx := context.Background()
	s, db := testutil.Service(b)
	member, v := testutil.User(b, s, "Membre", "membre@exemple.org")
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func() string { return benchWords[rnd.IntN(len(benchWords))] }
	var labels []string
	err := db.Update(ctx, func(tx *store.Tx) error {
		for i := range 10000 {
			t := &maillage.Tag{Label: fmt.Sprintf("%s %s %d", word(), word(), i), Kind: maillage.TagFree, CreatedBy: member.ID}
			if i%10 == 0 {
				t.Kind, t.LabelEn = maillage.TagCurated, fmt.Sprintf("english %s %d", word(), i)
			}
			if err := tx.InsertTag(ctx, t); err != nil {
				return err
			}
			labels = append(labels, t.Label)
			for j := range 5 {
				if err := tx.AddTagSynonym(ctx, t.ID, fmt.Sprintf("%s %s syn %d-%d", word(), word(), i, j), "fr"); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	// 20 000 uses: organisations (public) and notes (public or private).
	err = db.Update(ctx, func(tx *store.Tx) error {
		for i := range 2000 {
			var tags []maillage.Tag
			for range 5 {
				t, err := tx.TagByLabel(ctx, labels[rnd.IntN(len(labels))])
				if err != nil {
					return err
				}
				tags = append(tags, *t)
			}
			o := &maillage.Organization{ID: auth.NewID(), Name: fmt.Sprintf("Organisation %d", i), Tags: tags}
			if err := tx.CreateOrganization(ctx, o); err != nil {
				return err
			}
			vis := maillage.VisibilityPublic
			if i%2 == 0 {
				vis = maillage.VisibilityPrivate
			}
			n := &maillage.Note{ID: auth.NewID(), Title: fmt.Sprintf("Note %d", i), Kind: maillage.NoteGeneral, Visibility: vis,
				License: maillage.LicenseCCBY, CreatedBy: member.ID, Authors: []maillage.NoteAuthor{{UserID: member.ID}}, Tags: tags}
			if err := tx.CreateNote(ctx, n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Analyze(ctx); err != nil {
		b.Fatal(err)
	}
	prefixes := make([]string, 512)
	for i := range prefixes {
		w := word()
		if i%5 == 0 {
			w = "english " + word()
		}
		prefixes[i] = string([]rune(w)[:1+rnd.IntN(min(8, len([]rune(w))))])
	}
	viewers := []maillage.Viewer{maillage.Anonymous(), v}
	// The first answer builds the index; it is not what is measured.
	if _, err := s.AutocompleteTags(ctx, v, "eco", 8); err != nil {
		b.Fatal(err)
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		tags, err := s.AutocompleteTags(ctx, viewers[i%2], prefixes[i%len(prefixes)], 8)
		times = append(times, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if len(tags) == 0 {
			b.Fatalf("nothing for %q", prefixes[i%len(prefixes)])
		}
	}
	b.StopTimer()
	slices.Sort(times)
	pct := func(p float64) float64 { return float64(times[int(float64(len(times)-1)*p)].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
