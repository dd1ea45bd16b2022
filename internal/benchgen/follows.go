package benchgen

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// follows: people follow their theme's tags (some with the tags under
// them), the most prolific authors of their theme, their communities and
// notebooks of their theme.
func (g *gen) stepFollows(ctx context.Context) error {
	r := g.rand(streamFollows)
	nbByTheme := make([][]int32, len(g.themes))
	for i, nb := range g.notebooks {
		if nb.vis == maillage.VisibilityPublic {
			nbByTheme[nb.theme] = append(nbByTheme[nb.theme], int32(i))
		}
	}
	var rows [][]any
	for pi := range g.people {
		p := &g.people[pi]
		seen := map[string]bool{}
		for range geometric(r, 1.6) {
			var target maillage.FollowTarget
			var id string
			withDescendants := false
			switch u := r.Float64(); {
			case u < 0.45:
				target, id = maillage.FollowTag, g.tags.theme[p.theme][g.tags.themePick[p.theme].pick(r)]
				withDescendants = chance(r, 0.3)
			case u < 0.75:
				a := g.pickAuthor(r, int(p.theme))
				if a == int32(pi) {
					continue
				}
				target, id = maillage.FollowPerson, g.people[a].id
			case u < 0.9:
				if len(p.comms) == 0 {
					continue
				}
				target, id = maillage.FollowCommunity, g.comms[oneOf(r, p.comms)].id
			default:
				if len(nbByTheme[p.theme]) == 0 {
					continue
				}
				target, id = maillage.FollowNotebook, g.notebooks[oneOf(r, nbByTheme[p.theme])].id
			}
			if seen[string(target)+id] {
				continue
			}
			seen[string(target)+id] = true
			rows = append(rows, []any{p.id, string(target), id, g.after(r, p.created), withDescendants})
		}
	}
	return g.db.BulkLoad(ctx, func(b *store.BulkTx) error {
		return g.insert(ctx, b, "follows", []string{"user_id", "target_type", "target_id", "created_at", "with_descendants"}, rows)
	})
}
