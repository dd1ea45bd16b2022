package benchgen

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/maillage/maillage/internal/store"
)

// discussions starts threads in communities, more in the larger ones, by
// their members, with replies (one level of nesting, as the app keeps
// it); moderators hid a few.
func (g *gen) stepDiscussions(ctx context.Context) error {
	r := g.rand(streamDiscussion)
	weights := make([]float64, len(g.comms))
	for i, c := range g.comms {
		weights[i] = math.Pow(float64(len(c.members)), 0.8)
	}
	commPick := newWeighted(weights)
	threadCols := []string{"id", "community_id", "author_id", "title", "body", "pinned", "locked", "hidden",
		"last_activity_at", "created_at", "updated_at", "version"}
	replyCols := []string{"id", "thread_id", "parent_id", "author_id", "body", "hidden", "created_at", "updated_at", "version"}
	var threads, replies [][]any
	for range g.opts.Profile.threads() {
		c := &g.comms[commPick.pick(r)]
		th := &g.themes[c.theme]
		author := g.people[c.members[r.IntN(len(c.members))]]
		created := g.after(r, later(author.created, c.created))
		id := newID(created, r)
		w := newTextWriter(g.v, r, th, author.english && chance(r, 0.7))
		title := w.title()
		if chance(r, 0.3) {
			title += "?"
		}
		w.reset()
		w.paragraph(logNormal(r, 60, 0.7, 10, 400))
		body := w.String()
		last := created
		var tops []string
		at := created
		for range geometric(r, 5) {
			at = soon(r, at)
			replier := g.people[c.members[r.IntN(len(c.members))]]
			rid := newID(at, r)
			var parent any
			if len(tops) > 0 && chance(r, 0.3) {
				parent = oneOf(r, tops)
			} else {
				tops = append(tops, rid)
			}
			w.reset()
			w.paragraph(logNormal(r, 35, 0.7, 3, 300))
			replies = append(replies, []any{rid, id, parent, replier.id, w.String(), chance(r, 0.03), at, at, 1})
			last = at
		}
		threads = append(threads, []any{id, c.id, author.id, title, body, chance(r, 0.03), chance(r, 0.02), chance(r, 0.02),
			last, created, created, 1})
	}
	// Threads go in by creation, as they were written.
	sortRowsByTime(threads, 9)
	sortRowsByTime(replies, 6)
	return g.db.BulkLoad(ctx, func(b *store.BulkTx) error {
		if err := g.insert(ctx, b, "threads", threadCols, threads); err != nil {
			return err
		}
		return g.insert(ctx, b, "replies", replyCols, replies)
	})
}

// sortRowsByTime orders rows by the time in column col, so they go in
// the order they were written; rows of the same moment keep the order
// they were made in (a reply after the one it answers).
func sortRowsByTime(rows [][]any, col int) {
	slices.SortStableFunc(rows, func(a, b []any) int { return a[col].(time.Time).Compare(b[col].(time.Time)) })
}
