package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/maillage"
)

// This file derives the relation graph from the store. As for search
// documents (search_documents.go), who may see a node is the item's own
// access struct of package maillage asked for its audiences, built from
// the columns the SQL filters of policy_sql.go read; a relation adds what
// the policy says about the relation itself (a community's member list is
// for whoever may read the community). An edge exists for a viewer only
// when both of its ends and its own audiences do (graph.Builder.Edge).

// graphStep loads one kind of node or relation.
type graphStep struct {
	what string
	load func(ctx context.Context, b *graph.Builder) error
}

// LoadGraph feeds every node and relation of the store to b. Nodes come
// first; a relation whose end is missing (deleted meanwhile) is dropped,
// and the change log that deleted it makes the next build right.
func (db *DB) LoadGraph(ctx context.Context, b *graph.Builder) error {
	for _, st := range db.graphSteps() {
		if err := st.load(ctx, b); err != nil {
			return fmt.Errorf("graph: %s: %w", st.what, err)
		}
	}
	return nil
}

func (db *DB) graphSteps() []graphStep {
	return []graphStep{
		{"tags", db.graphTags},
		{"people", db.graphUsers},
		{"organisations", db.graphOrganizations},
		{"actor cards", db.graphActors},
		{"communities", db.graphCommunities},
		{"notes", db.graphNotes},
		{"notebooks", db.graphNotebooks},
		{"threads", db.graphThreads},
		{"meetings", db.graphMeetings},
		{"affiliations", db.graphAffiliations},
		{"memberships", db.graphMemberships},
		{"authors", db.graphAuthors},
		{"posts", db.graphPosts},
		{"links", db.graphLinks},
		{"notebook contents", db.graphNotebookNotes},
		{"tags of items", db.graphItemTags},
		{"acquaintances", db.graphAcquaintances},
		{"attendance", db.graphAttendance},
		{"nominations", db.graphNominations},
	}
}

// eachRow runs a query and calls fn with each row scanned into dest.
func (db *DB) eachRow(ctx context.Context, q string, dest []any, fn func() error) error {
	rows, err := db.query(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := fn(); err != nil {
			return err
		}
	}
	return rows.Err()
}

func graphRef(k graph.Kind, id string) graph.NodeRef { return graph.NodeRef{Kind: k, ID: id} }

// graphTags: live tags (not merged away) are seen by everyone in the
// graph; whether a free tag exists for a viewer is the tag rule's
// business (maillage.CanViewTag), asked by whoever resolves a tag, and a
// tag's relations carry the audiences of the items that bear it.
func (db *DB) graphTags(ctx context.Context, b *graph.Builder) error {
	var id, label string
	var at time.Time
	everyone := audienceKeys([]maillage.Audience{maillage.Everyone()})
	return db.eachRow(ctx, `SELECT id, label, created_at FROM tags WHERE merged_into_id IS NULL`,
		[]any{&id, &label, &at}, func() error {
			b.Node(graphRef(graph.KindTag, id), label, everyone, at)
			return nil
		})
}

func (db *DB) graphUsers(ctx context.Context, b *graph.Builder) error {
	var id, name, vis string
	var at time.Time
	return db.eachRow(ctx, `SELECT id, name, profile_visibility, updated_at FROM users`,
		[]any{&id, &name, &vis, &at}, func() error {
			p := maillage.ProfileAccess{UserID: id, Visibility: maillage.ProfileVisibility(vis)}
			b.Node(graphRef(graph.KindUser, id), name, audienceKeys(p.Audiences()), at)
			return nil
		})
}

func (db *DB) graphOrganizations(ctx context.Context, b *graph.Builder) error {
	var id, name string
	var at time.Time
	audiences := organizationAudiences()
	return db.eachRow(ctx, `SELECT id, name, updated_at FROM organizations`, []any{&id, &name, &at}, func() error {
		b.Node(graphRef(graph.KindOrganization, id), name, audiences, at)
		return nil
	})
}

// graphCommunities: a community is a node for whoever may see that it
// exists (SeeAudiences); what it holds (members, threads, notebooks) is
// for whoever may read it, which each relation adds.
func (db *DB) graphCommunities(ctx context.Context, b *graph.Builder) error {
	var id, name, vis string
	var listed bool
	var at time.Time
	return db.eachRow(ctx, `SELECT id, name, visibility, listed, updated_at FROM communities`,
		[]any{&id, &name, &vis, &listed, &at}, func() error {
			ca := maillage.CommunityAccess{ID: id, Visibility: maillage.Visibility(vis), Listed: listed}
			b.Node(graphRef(graph.KindCommunity, id), name, audienceKeys(ca.SeeAudiences()), at)
			return nil
		})
}

// graphOwners reads who owns each item of a kind: the accepted authors
// of notes, the managers and contributors of notebooks.
func (db *DB) graphOwners(ctx context.Context, q string) (map[string][]string, map[string][]string, error) {
	owners, contributors := map[string][]string{}, map[string][]string{}
	var item, user, role string
	err := db.eachRow(ctx, q, []any{&item, &user, &role}, func() error {
		if role == string(maillage.NotebookContributor) {
			contributors[item] = append(contributors[item], user)
		} else {
			owners[item] = append(owners[item], user)
		}
		return nil
	})
	return owners, contributors, err
}

func (db *DB) graphNotes(ctx context.Context, b *graph.Builder) error {
	owners, _, err := db.graphOwners(ctx, `SELECT note_id, user_id, 'author' FROM note_authors`)
	if err != nil {
		return err
	}
	var id, title, vis string
	var community, org, actor sql.NullString
	var at time.Time
	type about struct {
		note string
		ref  graph.NodeRef
	}
	var abouts []about
	err = db.eachRow(ctx, `SELECT id, title, visibility, community_id, organization_id, actor_id, updated_at FROM notes`,
		[]any{&id, &title, &vis, &community, &org, &actor, &at}, func() error {
			ca := maillage.ContentAccess{Visibility: maillage.Visibility(vis), CommunityID: community.String, OwnerIDs: owners[id]}
			b.Node(graphRef(graph.KindNote, id), title, audienceKeys(ca.Audiences()), at)
			if org.Valid {
				abouts = append(abouts, about{id, graphRef(graph.KindOrganization, org.String)})
			}
			if actor.Valid {
				abouts = append(abouts, about{id, graphRef(graph.KindActor, actor.String)})
			}
			return nil
		})
	if err != nil {
		return err
	}
	// Actor cards come before notes (graphSteps), so a note about one
	// finds it.
	for _, a := range abouts {
		b.Edge(graph.EdgeAbout, graphRef(graph.KindNote, a.note), a.ref, nil)
	}
	return nil
}

// graphNotebooks adds notebooks, held by their community when they have
// one (seen by whoever may read both).
func (db *DB) graphNotebooks(ctx context.Context, b *graph.Builder) error {
	owners, contributors, err := db.graphOwners(ctx, `SELECT notebook_id, user_id, role FROM notebook_members`)
	if err != nil {
		return err
	}
	var id, title, vis string
	var community sql.NullString
	var at time.Time
	return db.eachRow(ctx, `SELECT id, title, visibility, community_id, updated_at FROM notebooks`,
		[]any{&id, &title, &vis, &community, &at}, func() error {
			ca := maillage.ContentAccess{Visibility: maillage.Visibility(vis), CommunityID: community.String,
				OwnerIDs: owners[id], ContributorIDs: contributors[id]}
			ref := graphRef(graph.KindNotebook, id)
			b.Node(ref, title, audienceKeys(ca.Audiences()), at)
			if community.Valid {
				b.Edge(graph.EdgeContains, graphRef(graph.KindCommunity, community.String), ref, nil)
			}
			return nil
		})
}

// graphThreads: a thread is seen by whoever reads its community and
// passes its moderation (maillage.CanViewThread), as its search document.
func (db *DB) graphThreads(ctx context.Context, b *graph.Builder) error {
	var id, title, vis string
	var author sql.NullString
	var access maillage.ThreadAccess
	var at time.Time
	return db.eachRow(ctx, `SELECT t.id, t.title, t.hidden, t.author_id, t.last_activity_at, c.id, c.visibility, c.listed
		FROM threads t JOIN communities c ON c.id = t.community_id`,
		[]any{&id, &title, &access.Hidden, &author, &at, &access.Community.ID, &vis, &access.Community.Listed}, func() error {
			access.AuthorID, access.Community.Visibility = author.String, maillage.Visibility(vis)
			ref := graphRef(graph.KindThread, id)
			b.Node(ref, title, audienceKeys(access.Community.ReadAudiences(), access.ModerationAudiences()), at)
			b.Edge(graph.EdgeContains, graphRef(graph.KindCommunity, access.Community.ID), ref, nil)
			if author.Valid {
				b.Edge(graph.EdgePost, graphRef(graph.KindUser, author.String), ref, nil)
			}
			return nil
		})
}

// graphAffiliations: an affiliation is part of the profile it shows on.
func (db *DB) graphAffiliations(ctx context.Context, b *graph.Builder) error {
	var user, org string
	return db.eachRow(ctx, `SELECT user_id, organization_id FROM organization_members`, []any{&user, &org}, func() error {
		b.Edge(graph.EdgeAffiliation, graphRef(graph.KindUser, user), graphRef(graph.KindOrganization, org), nil)
		return nil
	})
}

// graphMemberships: a membership is seen by whoever may read the
// community's member list (CanReadCommunity): a private community's
// members are known to its members only, whatever the profiles say.
func (db *DB) graphMemberships(ctx context.Context, b *graph.Builder) error {
	var user, community, vis string
	var listed bool
	return db.eachRow(ctx, `SELECT m.user_id, m.community_id, c.visibility, c.listed FROM community_members m
		JOIN communities c ON c.id = m.community_id`, []any{&user, &community, &vis, &listed}, func() error {
		ca := maillage.CommunityAccess{ID: community, Visibility: maillage.Visibility(vis), Listed: listed}
		b.Edge(graph.EdgeMembership, graphRef(graph.KindUser, user), graphRef(graph.KindCommunity, community),
			audienceKeys(ca.ReadAudiences()))
		return nil
	})
}

// graphAuthors: the accepted authors of notes (people invited are only
// in note_invitations and are nobody's author yet).
func (db *DB) graphAuthors(ctx context.Context, b *graph.Builder) error {
	var note, user string
	return db.eachRow(ctx, `SELECT note_id, user_id FROM note_authors`, []any{&note, &user}, func() error {
		b.Edge(graph.EdgeAuthor, graphRef(graph.KindUser, user), graphRef(graph.KindNote, note), nil)
		return nil
	})
}

// graphPosts: replies as everyone who reads the thread reads them; a
// reply hidden by moderation or deleted links nobody.
func (db *DB) graphPosts(ctx context.Context, b *graph.Builder) error {
	var thread, user string
	return db.eachRow(ctx, `SELECT DISTINCT thread_id, author_id FROM replies
		WHERE author_id IS NOT NULL AND deleted_at IS NULL AND NOT hidden`, []any{&thread, &user}, func() error {
		b.Edge(graph.EdgePost, graphRef(graph.KindUser, user), graphRef(graph.KindThread, thread), nil)
		return nil
	})
}

// graphLinks: a note's [[links]] to the notes they reached.
func (db *DB) graphLinks(ctx context.Context, b *graph.Builder) error {
	var source, target string
	return db.eachRow(ctx, `SELECT DISTINCT source_id, target_id FROM note_links WHERE target_id IS NOT NULL`,
		[]any{&source, &target}, func() error {
			b.Edge(graph.EdgeLink, graphRef(graph.KindNote, source), graphRef(graph.KindNote, target), nil)
			return nil
		})
}

func (db *DB) graphNotebookNotes(ctx context.Context, b *graph.Builder) error {
	var notebook, note string
	return db.eachRow(ctx, `SELECT notebook_id, note_id FROM notebook_notes`, []any{&notebook, &note}, func() error {
		b.Edge(graph.EdgeContains, graphRef(graph.KindNotebook, notebook), graphRef(graph.KindNote, note), nil)
		return nil
	})
}

// graphItemTags: the tags of people (interests), organisations,
// communities and notes.
func (db *DB) graphItemTags(ctx context.Context, b *graph.Builder) error {
	for _, t := range []struct {
		kind       graph.Kind
		table, key string
	}{
		{graph.KindUser, "user_interests", "user_id"},
		{graph.KindOrganization, "organization_tags", "organization_id"},
		{graph.KindCommunity, "community_tags", "community_id"},
		{graph.KindNote, "note_tags", "note_id"},
		{graph.KindMeeting, "meeting_tags", "meeting_id"},
		{graph.KindActor, "actor_tags", "actor_id"},
	} {
		var item, tag string
		// table and key come from the list above, never from input.
		err := db.eachRow(ctx, `SELECT `+t.key+`, tag_id FROM `+t.table, []any{&item, &tag}, func() error {
			b.Edge(graph.EdgeTagged, graphRef(t.kind, item), graphRef(graph.KindTag, tag), nil)
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", t.table, err)
		}
	}
	return nil
}

// GraphMark is where the change log stands, for a relation graph to tell
// whether it must be built again: Count rows above Base, the highest
// being Last. A write that commits late with a lower number (PostgreSQL
// hands numbers out before commit) still changes Count.
type GraphMark struct {
	Base, Count, Last int64
}

// graphMarkLookback is how far below the last change a mark looks for
// changes committed late: far more than the writes in flight at once.
const graphMarkLookback = 5000

// GraphMarkNow reads the change log's mark. base is a previous mark's
// Base, or -1 to start one below the last change.
func (db *DB) GraphMarkNow(ctx context.Context, base int64) (GraphMark, error) {
	if base < 0 {
		last, err := db.LastSearchChange(ctx)
		if err != nil {
			return GraphMark{}, err
		}
		base = max(0, last-graphMarkLookback)
	}
	m := GraphMark{Base: base}
	err := db.queryRow(ctx, `SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM change_log WHERE seq > $1`, base).Scan(&m.Count, &m.Last)
	if err != nil {
		return GraphMark{}, fmt.Errorf("graph: reading the change log: %w", err)
	}
	return m, nil
}

// graphMeetings adds meetings, held by their community, seen as the
// meeting rule says (maillage.CanViewMeeting).
func (db *DB) graphMeetings(ctx context.Context, b *graph.Builder) error {
	var id, title, vis, cvis string
	var ca maillage.CommunityAccess
	var at time.Time
	return db.eachRow(ctx, `SELECT m.id, m.title, m.visibility, m.updated_at, c.id, c.visibility, c.listed
		FROM meetings m JOIN communities c ON c.id = m.community_id`,
		[]any{&id, &title, &vis, &at, &ca.ID, &cvis, &ca.Listed}, func() error {
			ca.Visibility = maillage.Visibility(cvis)
			ma := maillage.MeetingAccess{Community: ca, Visibility: maillage.Visibility(vis)}
			ref := graphRef(graph.KindMeeting, id)
			b.Node(ref, title, audienceKeys(ma.Audiences()), at)
			b.Edge(graph.EdgeContains, graphRef(graph.KindCommunity, ca.ID), ref, nil)
			return nil
		})
}

// graphAttendance: who attended a meeting (any of its dates), recorded by
// its managers. Who came is known to the community's members only, even
// for a public meeting: being seen somewhere is not published.
func (db *DB) graphAttendance(ctx context.Context, b *graph.Builder) error {
	var meeting, user, community string
	return db.eachRow(ctx, `SELECT DISTINCT a.meeting_id, a.user_id, m.community_id FROM meeting_attendance a
		JOIN meetings m ON m.id = a.meeting_id WHERE a.attended`, []any{&meeting, &user, &community}, func() error {
		members := audienceKeys([]maillage.Audience{maillage.Admins(), maillage.MembersOf(community)})
		b.Edge(graph.EdgeAttended, graphRef(graph.KindUser, user), graphRef(graph.KindMeeting, meeting), members)
		return nil
	})
}

// graphActors adds the actor cards not claimed yet (a claimed card's
// account stands for it), seen as the card rule says.
func (db *DB) graphActors(ctx context.Context, b *graph.Builder) error {
	var id, name, vis string
	var community, createdBy sql.NullString
	var at time.Time
	return db.eachRow(ctx, `SELECT id, name, visibility, community_id, created_by, updated_at FROM actors
		WHERE claimed_user_id IS NULL`, []any{&id, &name, &vis, &community, &createdBy, &at}, func() error {
		a := maillage.ActorAccess{Visibility: maillage.ActorVisibility(vis), CommunityID: community.String, CreatedBy: createdBy.String}
		b.Node(graphRef(graph.KindActor, id), name, audienceKeys(a.Audiences()), at)
		return nil
	})
}

// graphNominations: who named whom on which theme, for the requester
// alone (maillage.CanViewNominationResults). A respondent with an
// account is also linked to the person they named, for the requester.
func (db *DB) graphNominations(ctx context.Context, b *graph.Builder) error {
	kinds := map[maillage.NomineeType]graph.Kind{maillage.NomineeUser: graph.KindUser,
		maillage.NomineeOrganization: graph.KindOrganization, maillage.NomineeActor: graph.KindActor}
	return db.EachNomination(ctx, func(e NominationEdge) error {
		kind, ok := kinds[e.Nominee.Type]
		if !ok {
			return nil
		}
		aud := audienceKeys([]maillage.Audience{maillage.Person(e.RequesterID)})
		key, from := "row:"+e.RespondentID, (*graph.NodeRef)(nil)
		if e.RespondentUserID != "" {
			key = "user:" + e.RespondentUserID
			r := graphRef(graph.KindUser, e.RespondentUserID)
			from = &r
		}
		b.Nomination(key, from, graphRef(kind, e.Nominee.ID), aud, e.TagID)
		return nil
	})
}
