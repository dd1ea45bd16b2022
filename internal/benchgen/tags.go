package benchgen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// generalTags are the field's tags any note may carry besides its theme's.
var generalTags = []string{"economie-sociale-et-solidaire", "innovation-sociale", "concertation", "benevolat",
	"communaute-de-pratique", "developpement-des-communautes", "entreprise-d-economie-sociale", "cooperative",
	"organisme-a-but-non-lucratif", "financement-des-organismes"}

// tagSet holds the tags generated things carry: curated ones from the
// starter taxonomy, grouped by theme, and free ones people add.
type tagSet struct {
	// theme[i] are theme i's curated tag IDs, the most typical first;
	// themePick draws them with a power law.
	theme     [][]string
	themePick []*weighted
	// free[i] are theme i's free tag IDs.
	free    [][]string
	general []string
	// newFree are the free tags to create (after the people who create them).
	newFree []freeTag
}

type freeTag struct {
	id, slug, key, label string
	theme                int
}

// taxonomy loads the starter taxonomy through the service, as a new
// instance (or `maillage demo`) does, then finds each theme's tags in it
// and plans the free tags.
func (g *gen) stepTaxonomy(ctx context.Context) error {
	if _, err := g.s.LoadStarterTaxonomyByOperator(ctx); err != nil {
		return fmt.Errorf("starter taxonomy: %w", err)
	}
	id := func(slug string) (string, error) {
		t, err := g.db.TagBySlug(ctx, slug)
		if err != nil {
			return "", fmt.Errorf("starter tag %s: %w", slug, err)
		}
		return t.ID, nil
	}
	g.tags.theme = make([][]string, len(g.themes))
	g.tags.themePick = make([]*weighted, len(g.themes))
	g.tags.free = make([][]string, len(g.themes))
	for i, th := range g.themes {
		for _, slug := range th.tags {
			tid, err := id(slug)
			if err != nil {
				return err
			}
			g.tags.theme[i] = append(g.tags.theme[i], tid)
		}
		g.tags.themePick[i] = newZipf(len(th.tags), 1.0, 0.5)
	}
	for _, slug := range generalTags {
		tid, err := id(slug)
		if err != nil {
			return err
		}
		g.tags.general = append(g.tags.general, tid)
	}
	// Free tags: a label the taxonomy already knows (as a label, an
	// English label or a synonym) means that tag, as EnsureTags decides.
	r := g.rand(streamTags)
	seenSlug, seenKey := map[string]bool{}, map[string]bool{}
	for i, th := range g.themes {
		for _, raw := range th.free {
			label := maillage.CleanTagLabel(raw)
			key, slug := store.TagKey(label), fold.Slug(label)
			if seenKey[key] {
				continue
			}
			seenKey[key] = true
			t, err := g.db.TagByLabel(ctx, label)
			switch {
			case err == nil:
				g.tags.free[i] = append(g.tags.free[i], t.ID)
				continue
			case !maillage.IsNotFound(err):
				return err
			}
			if _, err := g.db.TagBySlug(ctx, slug); err == nil || seenSlug[slug] {
				continue
			} else if !maillage.IsNotFound(err) {
				return err
			}
			seenSlug[slug] = true
			ft := freeTag{id: newID(g.start, r), slug: slug, key: key, label: label, theme: i}
			g.tags.newFree = append(g.tags.newFree, ft)
			g.tags.free[i] = append(g.tags.free[i], ft.id)
		}
	}
	return nil
}

// writeFreeTags creates the free tags, each by a person of its theme,
// and moves the taxonomy's version on as creating them one by one would.
func (g *gen) writeFreeTags(ctx context.Context, b *store.BulkTx, r *rand.Rand) error {
	rows := make([][]any, 0, len(g.tags.newFree))
	for _, ft := range g.tags.newFree {
		by, at := "", g.start
		if ps := g.byTheme[ft.theme]; len(ps) > 0 {
			p := g.people[ps[g.themeAuthors[ft.theme].pick(r)]]
			by, at = p.id, g.after(r, p.created)
		}
		rows = append(rows, []any{ft.id, ft.slug, ft.key, ft.label, "", "", string(maillage.TagFree), nullable(by), at})
	}
	if err := g.insert(ctx, b, "tags", []string{"id", "slug", "key", "label", "label_en", "key_en", "kind", "created_by", "created_at"}, rows); err != nil {
		return err
	}
	return b.BumpTaxonomy(ctx, len(rows))
}

// pickTags draws n distinct tags for something on theme th: mostly the
// theme's curated tags, some general ones, some of another theme, a few
// free ones.
func (g *gen) pickTags(r *rand.Rand, th, n int) []string {
	out := make([]string, 0, n)
	for tries := 0; len(out) < n && tries < 4*n; tries++ {
		var id string
		switch u := r.Float64(); {
		case u < 0.78:
			id = g.tags.theme[th][g.tags.themePick[th].pick(r)]
		case u < 0.87:
			id = oneOf(r, g.tags.general)
		case u < 0.94:
			o := g.themePick.pick(r)
			id = g.tags.theme[o][g.tags.themePick[o].pick(r)]
		default:
			if len(g.tags.free[th]) == 0 {
				continue
			}
			id = oneOf(r, g.tags.free[th])
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// tagRows are the rows of a join table of tags (user_interests,
// note_tags ...) for one subject.
func tagRows(rows [][]any, subjectID string, tagIDs []string, at time.Time) [][]any {
	for _, t := range tagIDs {
		rows = append(rows, []any{subjectID, t, at})
	}
	return rows
}
