package benchgen

import (
	"context"
	"slices"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

type notebook struct {
	id      string
	created time.Time
	theme   uint8
	vis     maillage.Visibility
}

var notebookTitles = []string{"Carnet : ", "Boîte à outils : ", "Ressources — ", "Lectures : ", "Dossier : ", "Recueil : "}

var categoryNames = []string{"Outils", "Comptes rendus", "Ressources", "Lexique", "Études de cas", "Politiques publiques",
	"Formations", "Financement", "À lire"}

// collections creates notebooks (notes of their theme, and of their
// community for a community's notebook, some in categories) and knowledge
// bases gathering notebooks of a theme. Their creators manage them;
// contributors joined by accepting an invitation.
func (g *gen) stepCollections(ctx context.Context) error {
	r := g.rand(streamCollections)
	type tables struct{ nbs, members, invitations, categories, entries, kbs, kbMembers, kbNotebooks [][]any }
	var t tables
	titles := map[string]bool{}
	commNotes := map[int32][]int32{}
	for i, m := range g.notesMeta {
		if m.comm >= 0 && m.vis != maillage.VisibilityPrivate {
			commNotes[m.comm] = append(commNotes[m.comm], int32(i))
		}
	}
	// place picks the owner, visibility and community of a notebook or
	// knowledge base on theme th.
	place := func(th int) (owner int32, vis maillage.Visibility, comm int32) {
		owner, comm = g.pickAuthor(r, th), -1
		vis = maillage.VisibilityPublic
		switch u := r.Float64(); {
		case u < 0.2:
			vis = maillage.VisibilityCommunity
			cs := g.people[owner].comms
			if len(cs) == 0 {
				cs = g.commsByTheme[th]
				if len(cs) == 0 {
					cs = []int32{0}
				}
				comm = oneOf(r, cs)
				owner = g.comms[comm].members[0]
			} else {
				comm = oneOf(r, cs)
			}
		case u < 0.3:
			vis = maillage.VisibilityPrivate
		}
		return owner, vis, comm
	}
	g.notebooks = make([]notebook, g.opts.Profile.notebooks())
	for i := range g.notebooks {
		nb := &g.notebooks[i]
		th := g.themePick.pick(r)
		nb.theme = uint8(th)
		owner, vis, comm := place(th)
		nb.vis = vis
		start := g.people[owner].created
		commID := ""
		if comm >= 0 {
			start = later(start, g.comms[comm].created)
			commID = g.comms[comm].id
		}
		nb.created = g.after(r, start)
		nb.id = newID(nb.created, r)
		ownerID := g.people[owner].id
		title := uniqueTitle(r, titles, oneOf(r, notebookTitles)+oneOf(r, g.themes[th].phrases))
		w := newTextWriter(g.v, r, &g.themes[th], false)
		w.paragraph(logNormal(r, 40, 0.5, 10, 150))
		desc, guide := w.String(), ""
		if chance(r, 0.2) {
			w.reset()
			w.paragraph(logNormal(r, 60, 0.5, 20, 200))
			guide = w.String()
		}
		t.members = append(t.members, []any{nb.id, ownerID, string(maillage.NotebookManager), nb.created})
		var contributors []int32
		for range geometric(r, 0.4) {
			var p int32
			if comm >= 0 {
				p = oneOf(r, g.comms[comm].members)
			} else {
				p = g.pickAuthor(r, th)
			}
			if p == owner || contains(contributors, p) {
				continue
			}
			contributors = append(contributors, p)
			invited := g.after(r, later(nb.created, g.people[p].created))
			accepted := soon(r, invited)
			t.invitations = append(t.invitations, []any{nb.id, g.people[p].id, string(maillage.NotebookContributor), ownerID,
				string(maillage.InvitationAccepted), invited, accepted})
			t.members = append(t.members, []any{nb.id, g.people[p].id, string(maillage.NotebookContributor), accepted})
		}
		var cats []string
		if chance(r, 0.3) {
			names := slices.Clone(categoryNames)
			r.Shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
			for k, name := range names[:between(r, 2, 4)] {
				id := newID(nb.created, r)
				cats = append(cats, id)
				t.categories = append(t.categories, []any{id, nb.id, name, fold.Key(name), k + 1})
			}
		}
		// Its notes: popular public notes of the theme, its community's.
		var entries []notebookEntry
		pub := g.publicByTheme[th]
		for range logNormal(r, 12, 0.6, 2, 60) {
			var ni int32
			if cs := commNotes[comm]; comm >= 0 && len(cs) > 0 && chance(r, 0.6) {
				ni = oneOf(r, cs)
			} else if len(pub) > 0 {
				f := r.Float64()
				ni = pub[int(f*f*float64(len(pub)))]
			} else {
				continue
			}
			if slices.ContainsFunc(entries, func(e notebookEntry) bool { return e.note == ni }) {
				continue
			}
			by := ownerID
			if len(contributors) > 0 && chance(r, 0.4) {
				by = g.people[oneOf(r, contributors)].id
			}
			at := soon(r, g.after(r, later(nb.created, g.notesMeta[ni].created)))
			entries = append(entries, notebookEntry{note: ni, at: at, by: by})
		}
		slices.SortStableFunc(entries, func(a, b notebookEntry) int { return a.at.Compare(b.at) })
		updated := nb.created
		for k, e := range entries {
			var cat any
			if len(cats) > 0 && chance(r, 0.7) {
				cat = oneOf(r, cats)
			}
			t.entries = append(t.entries, []any{nb.id, g.notesMeta[e.note].id, cat, chance(r, 0.05), k + 1, e.by, e.at})
			updated = e.at
		}
		t.nbs = append(t.nbs, []any{nb.id, title, fold.Key(title), desc, guide, string(vis), nullable(commID), ownerID, nb.created, updated, 1})
	}
	byTheme := make([][]int32, len(g.themes))
	for i, nb := range g.notebooks {
		byTheme[nb.theme] = append(byTheme[nb.theme], int32(i))
	}
	for range g.opts.Profile.knowledgeBases() {
		th := g.themePick.pick(r)
		owner, vis, comm := place(th)
		start, commID := g.people[owner].created, ""
		if comm >= 0 {
			start, commID = later(start, g.comms[comm].created), g.comms[comm].id
		}
		created := g.after(r, start)
		id := newID(created, r)
		title := uniqueTitle(r, titles, "Base de connaissances : "+oneOf(r, g.themes[th].phrases))
		w := newTextWriter(g.v, r, &g.themes[th], false)
		w.paragraph(logNormal(r, 50, 0.5, 15, 150))
		updated := created
		var chosen []int32
		for range between(r, 2, 8) {
			if len(byTheme[th]) == 0 {
				break
			}
			nb := oneOf(r, byTheme[th])
			if contains(chosen, nb) {
				continue
			}
			chosen = append(chosen, nb)
			at := soon(r, later(created, g.notebooks[nb].created))
			t.kbNotebooks = append(t.kbNotebooks, []any{id, g.notebooks[nb].id, len(chosen), at})
			updated = later(updated, at)
		}
		t.kbs = append(t.kbs, []any{id, title, fold.Key(title), w.String(), string(vis), nullable(commID), g.people[owner].id, created, updated, 1})
		t.kbMembers = append(t.kbMembers, []any{id, g.people[owner].id, string(maillage.NotebookManager), created})
	}
	sortRowsByTime(t.nbs, 8)
	return g.db.BulkLoad(ctx, func(b *store.BulkTx) error {
		steps := []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"notebooks", []string{"id", "title", "title_key", "description", "guide", "visibility", "community_id", "created_by",
				"created_at", "updated_at", "version"}, t.nbs},
			{"notebook_members", []string{"notebook_id", "user_id", "role", "added_at"}, t.members},
			{"notebook_invitations", []string{"notebook_id", "user_id", "role", "invited_by", "status", "created_at", "answered_at"}, t.invitations},
			{"notebook_categories", []string{"id", "notebook_id", "name", "name_key", "position"}, t.categories},
			{"notebook_notes", []string{"notebook_id", "note_id", "category_id", "pinned", "position", "added_by", "added_at"}, t.entries},
			{"knowledge_bases", []string{"id", "title", "title_key", "description", "visibility", "community_id", "created_by",
				"created_at", "updated_at", "version"}, t.kbs},
			{"knowledge_base_members", []string{"knowledge_base_id", "user_id", "role", "added_at"}, t.kbMembers},
			{"knowledge_base_notebooks", []string{"knowledge_base_id", "notebook_id", "position", "added_at"}, t.kbNotebooks},
		}
		for _, s := range steps {
			if err := g.insert(ctx, b, s.table, s.cols, s.rows); err != nil {
				return err
			}
		}
		return nil
	})
}

type notebookEntry struct {
	note int32
	at   time.Time
	by   string
}
