package store

import (
	"context"
	"database/sql"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
)

// communities loads communities: name; Tags; Extra the region; Body the
// description. They are found by whoever may see that they exist
// (maillage.CommunityAccess.SeeAudiences), as the community list shows
// them; their members are not part of the document.
func (l *docLoader) communities(ctx context.Context, ids []string) ([]search.Document, error) {
	var docs []search.Document
	err := l.db.queryIn(ctx, `SELECT c.id, c.name, c.description, c.region, c.visibility, c.listed, c.updated_at
		FROM communities c WHERE c.id IN (%s)`, ids, func(rows *sql.Rows) error {
		var d search.Document
		var vis string
		var listed bool
		if err := rows.Scan(&d.ID, &d.Title, &d.Body, &d.Region, &vis, &listed, &d.Updated); err != nil {
			return err
		}
		d.Kind, d.Updated = search.KindCommunity, d.Updated.UTC()
		d.Extra = regionNames(d.Region)
		ca := maillage.CommunityAccess{ID: d.ID, Visibility: maillage.Visibility(vis), Listed: listed}
		d.Audiences = audienceKeys(ca.SeeAudiences())
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	tags, err := l.itemTags(ctx, "community_tags", "community_id", ids)
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

// threads loads discussion threads: title; Extra the community's name;
// Body the thread's post and its replies that moderation has not hidden
// (nor their authors deleted), as plain text. A thread is seen by those
// who reach both its community's readers and its moderation audiences
// (maillage.CanViewThread): two groups. Updated is its last activity.
func (l *docLoader) threads(ctx context.Context, ids []string) ([]search.Document, error) {
	type row struct {
		d      search.Document
		body   string
		access maillage.ThreadAccess
		name   string
	}
	var rs []*row
	err := l.db.queryIn(ctx, `SELECT t.id, t.title, t.body, t.hidden, t.author_id, t.last_activity_at,
		c.id, c.name, c.visibility, c.listed FROM threads t JOIN communities c ON c.id = t.community_id
		WHERE t.id IN (%s)`, ids, func(rows *sql.Rows) error {
		r := &row{}
		var author sql.NullString
		var vis string
		if err := rows.Scan(&r.d.ID, &r.d.Title, &r.body, &r.access.Hidden, &author, &r.d.Updated,
			&r.access.Community.ID, &r.name, &vis, &r.access.Community.Listed); err != nil {
			return err
		}
		r.d.Kind, r.d.Updated = search.KindThread, r.d.Updated.UTC()
		r.access.AuthorID, r.access.Community.Visibility = author.String, maillage.Visibility(vis)
		rs = append(rs, r)
		return nil
	})
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	// The replies everyone who reads the thread reads: the moderation
	// rule for a visitor (hidden ones are left to their author and the
	// managers, who find the thread by its other words).
	replies, err := l.db.pairsIn(ctx, `SELECT r.thread_id, r.body FROM replies r JOIN threads t ON t.id = r.thread_id
		WHERE r.thread_id IN (%s) AND r.deleted_at IS NULL
		AND `+publicWhere(moderationRule("r.hidden", "r.author_id", "t.community_id"))+`
		ORDER BY r.thread_id, r.created_at, r.id`, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]search.Document, len(rs))
	for i, r := range rs {
		d := &r.d
		read := r.access.Community.ReadAudiences()
		d.Audiences = audienceKeys(read, r.access.ModerationAudiences())
		if covers(r.access.Community.SeeAudiences(), read) {
			// Whoever reads a community's threads sees the community.
			d.Extra = []string{r.name}
			d.CommunityID = r.access.Community.ID
		}
		parts := []string{l.plain(r.body)}
		for _, b := range replies[d.ID] {
			parts = append(parts, l.plain(b))
		}
		d.Body = joinText(parts...)
		d.Relations = len(replies[d.ID])
		docs[i] = *d
	}
	return docs, nil
}
