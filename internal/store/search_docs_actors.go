package store

import (
	"context"
	"database/sql"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
)

// actors loads actor cards: name; Extra the person's title and
// organisation, region and address; Body the description; Tags the
// card's tags. A claimed card has no document: the account it joined
// stands for it in search, as in lists and tag pages. Its audiences are
// maillage.ActorAccess.Audiences, built from the columns actorRule reads.
func (l *docLoader) actors(ctx context.Context, ids []string) ([]search.Document, error) {
	var docs []search.Document
	err := l.db.queryIn(ctx, `SELECT a.id, a.name, a.kind, a.title, a.organization_name, a.description, a.region, a.address,
		a.visibility, a.community_id, a.created_by, a.updated_at
		FROM actors a WHERE a.id IN (%s) AND a.claimed_user_id IS NULL`, ids, func(rows *sql.Rows) error {
		var d search.Document
		var kind, title, org, address, vis string
		var community, by sql.NullString
		if err := rows.Scan(&d.ID, &d.Title, &kind, &title, &org, &d.Body, &d.Region, &address, &vis, &community, &by,
			&d.Updated); err != nil {
			return err
		}
		d.Kind, d.Updated = search.KindActor, d.Updated.UTC()
		d.Extra = appendUnique(nil, title, org)
		d.Extra = appendUnique(d.Extra, regionNames(d.Region)...)
		d.Extra = appendUnique(d.Extra, address)
		ac := maillage.ActorAccess{Visibility: maillage.ActorVisibility(vis), CommunityID: community.String, CreatedBy: by.String}
		d.Audiences = audienceKeys(ac.Audiences())
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	tags, err := l.itemTags(ctx, "actor_tags", "actor_id", ids)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		d := &docs[i]
		d.TagIDs = tags[d.ID]
		d.Tags, d.Broader = l.tagFields(d.TagIDs)
		d.Relations = len(d.TagIDs)
	}
	return docs, nil
}
