package benchgen

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// noteMeta is a note as planned before its text is written.
type noteMeta struct {
	id      string
	created time.Time
	author  int32
	theme   uint8
	vis     maillage.Visibility
	comm    int32 // -1: none
	kind    maillage.NoteKind
	org     int32 // -1: none
	english bool
	summary bool
	title   string
	license maillage.License
	// coauthors accepted an invitation; pending was invited and has not answered (-1: nobody).
	coauthors []int32
	pending   int32
	tags      []string
	links     []noteLink
}

// noteLink is a [[wiki link]] in a note's body: to an earlier note the
// author could see when writing (target >= 0), or to a title no note has
// yet (target -1), which stays waiting as the app keeps it.
type noteLink struct {
	title  string
	target int32
}

var titlePrefixes = []string{"Compte rendu : ", "Guide pratique : ", "Retour sur ", "Fiche : ", "Bilan : ", "Notes de lecture : ",
	"Atelier : ", "Portrait : ", "Boîte à outils : ", "Synthèse : ", "Question : "}

var licensePick = []struct {
	l maillage.License
	w float64
}{{maillage.LicenseCCBY, 70}, {maillage.LicenseCCBYSA, 12}, {maillage.LicenseCCBYNC, 8}, {maillage.LicenseCC0, 5}, {maillage.LicenseReserved, 5}}

// notes plans every note (author, visibility, community, tags, co-authors,
// links), then writes their text and rows in chunks while the next chunk's
// text is being written.
func (g *gen) stepNotes(ctx context.Context) error {
	g.planNotes()
	const chunk = 5000
	type batch struct{ rows noteRows }
	out := make(chan batch, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(out)
		for start := 0; start < len(g.notesMeta); start += chunk {
			var nr noteRows
			for i := start; i < min(start+chunk, len(g.notesMeta)); i++ {
				g.noteRowsOf(&nr, i)
			}
			select {
			case out <- batch{nr}:
			case <-stop:
				return
			}
		}
	}()
	for bt := range out {
		err := g.db.BulkLoad(ctx, func(b *store.BulkTx) error { return g.writeNotes(ctx, b, &bt.rows) })
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// planNotes decides everything about the notes but their text. Notes are
// planned in the order they were written, so links reach earlier notes.
func (g *gen) planNotes() {
	r := g.rand(streamNotes)
	n := g.opts.Profile.Notes
	metas := make([]noteMeta, n)
	for i := range metas {
		m := &metas[i]
		th := g.themePick.pick(r)
		m.author = g.pickAuthor(r, th)
		a := &g.people[m.author]
		m.theme = a.theme
		if chance(r, 0.1) {
			m.theme = uint8(th)
		}
		m.comm, m.org, m.pending = -1, -1, -1
		switch u := r.Float64(); {
		case u < 0.75:
			m.vis = maillage.VisibilityPublic
			if len(a.comms) > 0 && chance(r, 0.2) {
				m.comm = oneOf(r, a.comms)
			}
		case u < 0.90:
			m.vis = maillage.VisibilityCommunity
			if len(a.comms) > 0 {
				m.comm = oneOf(r, a.comms)
			} else {
				// Someone of a community on the theme writes it instead.
				cs := g.commsByTheme[m.theme]
				if len(cs) == 0 {
					cs = []int32{int32(r.IntN(len(g.comms)))}
				}
				m.comm = oneOf(r, cs)
				c := &g.comms[m.comm]
				m.author = c.members[r.IntN(len(c.members))]
				a = &g.people[m.author]
			}
		default:
			m.vis = maillage.VisibilityPrivate
		}
		start := a.created
		if m.comm >= 0 {
			start = later(start, g.comms[m.comm].created)
		}
		m.created = g.after(r, start)
		m.english = chance(r, 0.04) || a.english && chance(r, 0.6)
	}
	slices.SortStableFunc(metas, func(a, b noteMeta) int { return a.created.Compare(b.created) })

	g.publicByTheme = make([][]int32, len(g.themes))
	byAuthor := map[int32][]int32{}
	titles := map[string]bool{}
	lw := 0.0
	for _, l := range licensePick {
		lw += l.w
	}
	for i := range metas {
		m := &metas[i]
		m.id = newID(m.created, r)
		th := &g.themes[m.theme]
		w := newTextWriter(g.v, r, th, m.english)
		switch u := r.Float64(); {
		case u < 0.04 && !m.english:
			m.kind = maillage.NoteTerm
			m.summary = true
			m.title = capitalize(th.phrases[geometric(r, 4)%len(th.phrases)])
		case u < 0.07 && len(g.orgsByTheme[m.theme]) > 0:
			m.kind = maillage.NoteOrganization
			m.org = oneOf(r, g.orgsByTheme[m.theme])
			m.title = "Fiche : " + g.orgs[m.org].name
		case u < 0.08:
			m.kind = maillage.NotePerson
			m.title = "Portrait : " + g.people[g.pickAuthor(r, int(m.theme))].name
		default:
			m.kind = maillage.NoteGeneral
			m.summary = chance(r, 0.2)
			m.title = w.title()
		}
		m.title = uniqueTitle(r, titles, m.title)
		u := r.Float64() * lw
		for _, l := range licensePick {
			if u -= l.w; u < 0 {
				m.license = l.l
				break
			}
		}
		if m.license == "" {
			m.license = maillage.LicenseCCBY
		}
		m.tags = g.pickTags(r, int(m.theme), 1+geometric(r, 1.6))
		if chance(r, 0.15) {
			for range between(r, 1, 3) {
				var co int32
				if m.comm >= 0 && chance(r, 0.7) {
					c := &g.comms[m.comm]
					co = c.members[r.IntN(len(c.members))]
				} else {
					co = g.pickAuthor(r, int(m.theme))
				}
				if co != m.author && !contains(m.coauthors, co) {
					m.coauthors = append(m.coauthors, co)
				}
			}
		}
		if chance(r, 0.02) {
			if p := g.pickAuthor(r, int(m.theme)); p != m.author && !contains(m.coauthors, p) {
				m.pending = p
			}
		}
		own := byAuthor[m.author]
		pub := g.publicByTheme[m.theme]
		for range min(6, geometric(r, 0.8)) {
			switch u := r.Float64(); {
			case u < 0.07:
				w.reset()
				w.phrase(between(r, 2, 5))
				t := uniqueTitle(r, titles, capitalize(firstWords(w.String(), 6)))
				m.links = append(m.links, noteLink{title: t, target: -1})
			case u < 0.35 && len(own) > 0:
				t := own[r.IntN(len(own))]
				m.links = appendLink(m.links, noteLink{title: metas[t].title, target: t})
			case len(pub) > 0:
				// Older notes gather more links (preferential attachment).
				f := r.Float64()
				t := pub[int(f*f*float64(len(pub)))]
				m.links = appendLink(m.links, noteLink{title: metas[t].title, target: t})
			}
		}
		byAuthor[m.author] = append(own, int32(i))
		if m.vis == maillage.VisibilityPublic {
			g.publicByTheme[m.theme] = append(pub, int32(i))
		}
	}
	g.notesMeta = metas
}

func appendLink(links []noteLink, l noteLink) []noteLink {
	for _, x := range links {
		if x.target == l.target {
			return links
		}
	}
	return append(links, l)
}

// uniqueTitle returns title, or a variant of it no note has yet: titles
// are unique so every [[wiki link]] reaches the note it was meant for.
func uniqueTitle(r *rand.Rand, titles map[string]bool, title string) string {
	t := title
	for k := 2; titles[fold.Key(t)]; k++ {
		if k == 2 {
			t = title + " — " + oneOf(r, towns).name
			continue
		}
		t = title + " (" + strconv.Itoa(k) + ")"
	}
	titles[fold.Key(t)] = true
	return t
}

// firstWords keeps at most n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.TrimRight(strings.Join(f, " "), ",:")
}

// noteRows are the rows of a chunk of notes.
type noteRows struct {
	notes, authors, invitations, tags, links, revisions [][]any
}

// noteRowsOf writes note i's text and adds its rows. Its text comes from
// its own random stream, so chunks may be written in any order.
func (g *gen) noteRowsOf(nr *noteRows, i int) {
	m := &g.notesMeta[i]
	r := g.rand(streamText + uint64(i))
	author := g.people[m.author].id
	body := g.noteBody(r, m)
	summary := ""
	if m.summary {
		w := newTextWriter(g.v, r, &g.themes[m.theme], m.english)
		w.sentence(between(r, 8, 30))
		summary = w.String()
	}
	comm, org := "", ""
	if m.comm >= 0 {
		comm = g.comms[m.comm].id
	}
	if m.org >= 0 {
		org = g.orgs[m.org].id
	}
	nr.notes = append(nr.notes, []any{m.id, m.title, fold.Key(m.title), body, summary, string(m.kind), nullable(org), nil,
		string(m.vis), nullable(comm), false, string(m.license), author, m.created, m.created, 1})
	nr.authors = append(nr.authors, []any{m.id, author, 0, m.created})
	for k, co := range m.coauthors {
		invited := m.created
		accepted := soon(r, invited)
		nr.invitations = append(nr.invitations, []any{m.id, g.people[co].id, "author", author, string(maillage.InvitationAccepted), invited, accepted})
		nr.authors = append(nr.authors, []any{m.id, g.people[co].id, k + 1, accepted})
	}
	if m.pending >= 0 {
		nr.invitations = append(nr.invitations, []any{m.id, g.people[m.pending].id, "author", author, string(maillage.InvitationPending), m.created, nil})
	}
	nr.tags = tagRows(nr.tags, m.id, m.tags, m.created)
	seen := map[string]bool{}
	for _, l := range m.links {
		key := fold.Key(l.title)
		if seen[key] {
			continue
		}
		seen[key] = true
		if l.target >= 0 {
			nr.links = append(nr.links, []any{m.id, key, g.notesMeta[l.target].id, true})
		} else {
			nr.links = append(nr.links, []any{m.id, key, nil, false})
		}
	}
	// The first revision, as the service records a new note: what changed
	// from nothing (see service.noteChanges).
	changes := []string{"title"}
	if summary != "" {
		changes = append(changes, "summary")
	}
	if body != "" {
		changes = append(changes, "body")
	}
	changes = append(changes, "kind", "visibility")
	if comm != "" {
		changes = append(changes, "community")
	}
	changes = append(changes, "license")
	if org != "" {
		changes = append(changes, "organization")
	}
	changes = append(changes, "authors")
	if len(m.tags) > 0 {
		changes = append(changes, "tags")
	}
	nr.revisions = append(nr.revisions, []any{newID(m.created, r), m.id, 1, m.title, body, summary, string(m.kind), string(m.vis),
		string(m.license), strings.Join(changes, ","), author, m.created})
}

// noteBody writes a note's Markdown: paragraphs of 50 to 600 words in all
// (log-normal), sometimes a heading, a list or bold words, and its links.
func (g *gen) noteBody(r *rand.Rand, m *noteMeta) string {
	w := newTextWriter(g.v, r, &g.themes[m.theme], m.english)
	total := logNormal(r, 180, 0.6, 50, 600)
	paras := max(1, total/between(r, 50, 110))
	linkAt := make([]int, len(m.links))
	for k := range linkAt {
		linkAt[k] = r.IntN(paras)
	}
	written := 0
	for p := range paras {
		if p > 0 {
			w.raw("\n\n")
			w.prev = ""
			if chance(r, 0.15) {
				w.raw("## ")
				w.phrase(between(r, 2, 6))
				w.raw("\n\n")
			}
		}
		if p > 0 && chance(r, 0.12) {
			for range between(r, 2, 5) {
				w.raw("- ")
				w.phrase(between(r, 3, 10))
				w.raw("\n")
				written += 6
			}
			w.raw("\n")
		}
		written += w.paragraph(max(8, (total-written)/(paras-p)))
		for k, at := range linkAt {
			if at == p {
				w.raw(" ")
				w.prev = ""
				switch {
				case m.english && chance(r, 0.5):
					w.raw("See also ")
				case chance(r, 0.5):
					w.raw("Voir aussi ")
				}
				w.raw("[[" + m.links[k].title + "]].")
			}
		}
	}
	return w.String()
}

// writeNotes writes a chunk of notes.
func (g *gen) writeNotes(ctx context.Context, b *store.BulkTx, nr *noteRows) error {
	steps := []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"notes", []string{"id", "title", "title_key", "body", "summary", "kind", "organization_id", "person_user_id", "visibility",
			"community_id", "authors_are_managers", "license", "created_by", "created_at", "updated_at", "version"}, nr.notes},
		{"note_authors", []string{"note_id", "user_id", "position", "added_at"}, nr.authors},
		{"note_invitations", []string{"note_id", "user_id", "role", "invited_by", "status", "created_at", "answered_at"}, nr.invitations},
		{"note_tags", []string{"note_id", "tag_id", "created_at"}, nr.tags},
		{"note_links", []string{"source_id", "target_key", "target_id", "resolved"}, nr.links},
		{"note_revisions", []string{"id", "note_id", "number", "title", "body", "summary", "kind", "visibility", "license",
			"changes", "author_id", "created_at"}, nr.revisions},
	}
	for _, s := range steps {
		if err := g.insert(ctx, b, s.table, s.cols, s.rows); err != nil {
			return err
		}
	}
	return nil
}
