package benchgen

import (
	"context"
	"strconv"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

type community struct {
	id      string
	created time.Time
	theme   uint8
	private bool
	creator int32
	// members in the order they joined (the creator first).
	members []int32
}

// communities creates about one community per fifty people, public or
// private (most private ones unlisted), each created by a person of its
// theme who manages it. People join communities of their theme mostly,
// with a power law over them: a few gather hundreds, most a few dozen.
// Members of a private community came in by an invitation they accepted.
func (g *gen) stepCommunities(ctx context.Context) error {
	r := g.rand(streamCommunities)
	n := g.opts.Profile.communities()
	g.comms = make([]community, n)
	g.commsByTheme = make([][]int32, len(g.themes))
	names := map[string]bool{}
	var rows, tagRowsAll [][]any
	for i := range g.comms {
		c := &g.comms[i]
		th := g.themePick.pick(r)
		c.theme = uint8(th)
		c.creator = g.pickAuthor(r, th)
		c.created = g.after(r, g.people[c.creator].created)
		c.id = newID(c.created, r)
		c.private = chance(r, 0.3)
		listed := !c.private || chance(r, 0.4)
		if i < 2 {
			// However small the data set, it has a public community and an
			// unlisted private one.
			c.private, listed = i == 1, i == 0
		}
		region := ""
		base := oneOf(r, g.themes[th].communities)
		name := base
		switch u := r.Float64(); {
		case u < 0.4:
			region = oneOf(r, towns).region
			name = base + " — " + regionName(region)
		case u < 0.6:
			name = "Communauté de pratique : " + base
		}
		for k := 2; names[fold.Key(name)]; k++ {
			region = oneOf(r, towns).region
			name = base + " " + regionOf(region)
			if k > 3 {
				name += " (" + strconv.Itoa(k) + ")"
			}
		}
		names[fold.Key(name)] = true
		w := newTextWriter(g.v, r, &g.themes[th], false)
		w.paragraph(logNormal(r, 50, 0.5, 15, 200))
		vis := maillage.VisibilityPublic
		if c.private {
			vis = maillage.VisibilityPrivate
		}
		rows = append(rows, []any{c.id, name, fold.Key(name), w.String(), string(vis), listed, region,
			g.people[c.creator].id, c.created, c.created, 1})
		tagRowsAll = tagRows(tagRowsAll, c.id, g.pickTags(r, th, between(r, 2, 4)), c.created)
		g.commsByTheme[th] = append(g.commsByTheme[th], int32(i))
		c.members = []int32{c.creator}
		g.people[c.creator].comms = append(g.people[c.creator].comms, int32(i))
	}
	global := newZipf(n, 1.0, 2)
	themed := make([]*weighted, len(g.themes))
	for i, cs := range g.commsByTheme {
		themed[i] = newZipf(len(cs), 1.1, 1)
	}
	for pi := range g.people {
		p := &g.people[pi]
		for range geometric(r, 2.7) {
			var ci int32
			if cs := g.commsByTheme[p.theme]; chance(r, 0.75) && len(cs) > 0 {
				ci = cs[themed[p.theme].pick(r)]
			} else {
				ci = int32(global.pick(r))
			}
			if contains(p.comms, ci) {
				continue
			}
			p.comms = append(p.comms, ci)
			g.comms[ci].members = append(g.comms[ci].members, int32(pi))
		}
	}
	var members, invitations, requests [][]any
	for ci := range g.comms {
		c := &g.comms[ci]
		creator := g.people[c.creator].id
		managers := 1
		if len(c.members) > 20 {
			managers += between(r, 1, 2)
		}
		for k, pi := range c.members {
			p := &g.people[pi]
			role := maillage.RoleMember
			if k < managers {
				role = maillage.RoleManager
			}
			at := c.created
			if k > 0 {
				at = soon(r, g.after(r, later(p.created, c.created)))
				if c.private {
					invited := at.Add(-time.Duration(between(r, 1, 72)) * time.Hour)
					invitations = append(invitations, []any{c.id, p.id, creator, string(maillage.InvitationAccepted), string(role), invited, at})
				}
			}
			members = append(members, []any{c.id, p.id, string(role), at})
		}
		if !c.private {
			continue
		}
		// Some invitations wait for an answer, some people ask to join.
		asked := map[int32]bool{}
		for range geometric(r, 1) {
			pi := g.pickAuthor(r, int(c.theme))
			if asked[pi] || contains(g.people[pi].comms, int32(ci)) {
				continue
			}
			asked[pi] = true
			at := g.after(r, later(g.people[pi].created, c.created))
			if chance(r, 0.5) {
				invitations = append(invitations, []any{c.id, g.people[pi].id, creator, string(maillage.InvitationPending), string(maillage.RoleMember), at, nil})
			} else {
				requests = append(requests, []any{c.id, g.people[pi].id, "", at})
			}
		}
	}
	return g.db.BulkLoad(ctx, func(b *store.BulkTx) error {
		if err := g.insert(ctx, b, "communities", []string{"id", "name", "name_key", "description", "visibility", "listed", "region",
			"created_by", "created_at", "updated_at", "version"}, rows); err != nil {
			return err
		}
		if err := g.insert(ctx, b, "community_tags", []string{"community_id", "tag_id", "created_at"}, tagRowsAll); err != nil {
			return err
		}
		if err := g.insert(ctx, b, "community_members", []string{"community_id", "user_id", "role", "created_at"}, members); err != nil {
			return err
		}
		if err := g.insert(ctx, b, "community_invitations", []string{"community_id", "user_id", "invited_by", "status", "role",
			"created_at", "answered_at"}, invitations); err != nil {
			return err
		}
		return g.insert(ctx, b, "community_join_requests", []string{"community_id", "user_id", "message", "created_at"}, requests)
	})
}
