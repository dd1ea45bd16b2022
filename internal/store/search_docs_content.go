package store

import (
	"context"
	"database/sql"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
)

// linkedCommunity is the community a note, notebook or knowledge base is
// linked to, as a LEFT JOIN on communities reads it.
type linkedCommunity struct {
	id, name, visibility sql.NullString
	listed               sql.NullBool
}

// dest is where to scan c.id, c.name, c.visibility, c.listed.
func (c *linkedCommunity) dest() []any { return []any{&c.id, &c.name, &c.visibility, &c.listed} }

// show puts the community on a document seen by audiences: its name in
// Extra and its ID as the community facet when every viewer of the
// document may see the community (maillage.CanSeeCommunity); only its ID
// when the item is for the community's members (its owners may have left
// it, but they linked it there and see the item already); nothing
// otherwise, so a public note in an unlisted private community does not
// reveal the community.
func (c linkedCommunity) show(d *search.Document, vis maillage.Visibility, audiences []maillage.Audience) {
	if !c.id.Valid {
		return
	}
	ca := maillage.CommunityAccess{ID: c.id.String, Visibility: maillage.Visibility(c.visibility.String), Listed: c.listed.Bool}
	switch {
	case covers(ca.SeeAudiences(), audiences):
		d.Extra = appendUnique(d.Extra, c.name.String)
		d.CommunityID = c.id.String
	case vis == maillage.VisibilityCommunity:
		d.CommunityID = c.id.String
	}
}

// contentCommunityColumns reads the linkedCommunity of an item, joined as c.
const contentCommunityColumns = `c.id, c.name, c.visibility, c.listed`

// notes loads notes: title; Tags; Extra the names of the authors whose
// profile everyone may see (a members-only author stays unfindable
// through the note by visitors), the organisation it is about and its
// community (see linkedCommunity.show); Body the summary and the body as
// plain text. The authors in note_authors are the accepted ones (people
// invited are only in note_invitations) and own the note, as noteRule
// says.
func (l *docLoader) notes(ctx context.Context, ids []string) ([]search.Document, error) {
	type row struct {
		d         search.Document
		vis       string
		org       string
		community linkedCommunity
	}
	var rs []*row
	err := l.db.queryIn(ctx, `SELECT n.id, n.title, n.summary, n.body, n.visibility, n.updated_at, COALESCE(o.name, ''),
		`+contentCommunityColumns+` FROM notes n LEFT JOIN organizations o ON o.id = n.organization_id
		LEFT JOIN communities c ON c.id = n.community_id WHERE n.id IN (%s)`, ids, func(rows *sql.Rows) error {
		r := &row{}
		var summary, body string
		dest := append([]any{&r.d.ID, &r.d.Title, &summary, &body, &r.vis, &r.d.Updated, &r.org}, r.community.dest()...)
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		r.d.Kind, r.d.Updated = search.KindNote, r.d.Updated.UTC()
		r.d.Body = joinText(summary, l.plain(body))
		rs = append(rs, r)
		return nil
	})
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	owners := map[string][]string{}
	names := map[string][]string{}
	err = l.db.queryIn(ctx, `SELECT na.note_id, na.user_id, `+profileNameSQL(maillage.Anonymous(), "u")+`
		FROM note_authors na JOIN users u ON u.id = na.user_id WHERE na.note_id IN (%s)
		ORDER BY na.note_id, na.position, u.name_key, u.id`, ids, func(rows *sql.Rows) error {
		var note, user, name string
		if err := rows.Scan(&note, &user, &name); err != nil {
			return err
		}
		owners[note] = append(owners[note], user)
		names[note] = appendUnique(names[note], name)
		return nil
	})
	if err != nil {
		return nil, err
	}
	tags, err := l.itemTags(ctx, "note_tags", "note_id", ids)
	if err != nil {
		return nil, err
	}
	links, err := l.db.countsIn(ctx, `SELECT nl.target_id, COUNT(DISTINCT nl.source_id) FROM note_links nl
		JOIN notes n ON n.id = nl.source_id WHERE nl.target_id IN (%s) AND nl.source_id <> nl.target_id
		AND `+publicSQL(noteVisibleSQL, "n")+` GROUP BY nl.target_id`, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]search.Document, len(rs))
	for i, r := range rs {
		d := &r.d
		vis := maillage.Visibility(r.vis)
		ca := maillage.ContentAccess{Visibility: vis, CommunityID: r.community.id.String, OwnerIDs: owners[d.ID]}
		audiences := ca.Audiences()
		d.Audiences = audienceKeys(audiences)
		d.TagIDs = tags[d.ID]
		d.Tags, d.Broader = l.tagFields(d.TagIDs)
		d.Extra = appendUnique(names[d.ID], r.org)
		r.community.show(d, vis, audiences)
		d.Relations = len(d.TagIDs) + links[d.ID]
		docs[i] = *d
	}
	return docs, nil
}

// notebooks loads notebooks: title; Extra their community (see
// linkedCommunity.show); Body the description as plain text; Relations
// the public notes they hold. Managers own a notebook, contributors add
// to it (notebookRule).
func (l *docLoader) notebooks(ctx context.Context, ids []string) ([]search.Document, error) {
	return l.collections(ctx, ids, search.KindNotebook, "notebooks", "notebook_members", "notebook_id",
		`SELECT nn.notebook_id, COUNT(*) FROM notebook_notes nn JOIN notes n ON n.id = nn.note_id
		WHERE nn.notebook_id IN (%s) AND `+publicSQL(noteVisibleSQL, "n")+` GROUP BY nn.notebook_id`)
}

// knowledgeBases loads knowledge bases like notebooks; Relations are the
// public notebooks they collect.
func (l *docLoader) knowledgeBases(ctx context.Context, ids []string) ([]search.Document, error) {
	return l.collections(ctx, ids, search.KindKnowledgeBase, "knowledge_bases", "knowledge_base_members", "knowledge_base_id",
		`SELECT kn.knowledge_base_id, COUNT(*) FROM knowledge_base_notebooks kn JOIN notebooks b ON b.id = kn.notebook_id
		WHERE kn.knowledge_base_id IN (%s) AND `+publicSQL(notebookVisibleSQL, "b")+` GROUP BY kn.knowledge_base_id`)
}

// collections loads notebooks or knowledge bases (the tables and query
// come from this file, never from input).
func (l *docLoader) collections(ctx context.Context, ids []string, kind search.Kind, table, members, key, holds string) ([]search.Document, error) {
	type row struct {
		d         search.Document
		vis       string
		community linkedCommunity
	}
	var rs []*row
	err := l.db.queryIn(ctx, `SELECT x.id, x.title, x.description, x.visibility, x.updated_at, `+contentCommunityColumns+`
		FROM `+table+` x LEFT JOIN communities c ON c.id = x.community_id WHERE x.id IN (%s)`, ids, func(rows *sql.Rows) error {
		r := &row{}
		var description string
		dest := append([]any{&r.d.ID, &r.d.Title, &description, &r.vis, &r.d.Updated}, r.community.dest()...)
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		r.d.Kind, r.d.Updated = kind, r.d.Updated.UTC()
		r.d.Body = l.plain(description)
		rs = append(rs, r)
		return nil
	})
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	roles := map[string]map[maillage.NotebookRole][]string{}
	err = l.db.queryIn(ctx, `SELECT `+key+`, user_id, role FROM `+members+` WHERE `+key+` IN (%s) ORDER BY `+key+`, user_id`, ids,
		func(rows *sql.Rows) error {
			var item, user, role string
			if err := rows.Scan(&item, &user, &role); err != nil {
				return err
			}
			if roles[item] == nil {
				roles[item] = map[maillage.NotebookRole][]string{}
			}
			roles[item][maillage.NotebookRole(role)] = append(roles[item][maillage.NotebookRole(role)], user)
			return nil
		})
	if err != nil {
		return nil, err
	}
	counts, err := l.db.countsIn(ctx, holds, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]search.Document, len(rs))
	for i, r := range rs {
		d := &r.d
		vis := maillage.Visibility(r.vis)
		ca := maillage.ContentAccess{Visibility: vis, CommunityID: r.community.id.String,
			OwnerIDs: roles[d.ID][maillage.NotebookManager], ContributorIDs: roles[d.ID][maillage.NotebookContributor]}
		audiences := ca.Audiences()
		d.Audiences = audienceKeys(audiences)
		r.community.show(d, vis, audiences)
		d.Relations = counts[d.ID]
		docs[i] = *d
	}
	return docs, nil
}
