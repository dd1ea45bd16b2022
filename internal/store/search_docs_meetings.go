package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
)

// meetings loads meetings: title; Extra the community's name and the
// place; Body the agenda as plain text. A meeting is found by whoever may
// see it (maillage.MeetingAccess.Audiences): a public one by everyone
// who sees its community, a community one by its members; either way the
// reader sees the community, so its name may show.
func (l *docLoader) meetings(ctx context.Context, ids []string) ([]search.Document, error) {
	var docs []search.Document
	err := l.db.queryIn(ctx, `SELECT m.id, m.title, m.description, m.location, m.visibility, m.updated_at,
		c.id, c.name, c.visibility, c.listed FROM meetings m JOIN communities c ON c.id = m.community_id
		WHERE m.id IN (%s)`, ids, func(rows *sql.Rows) error {
		var d search.Document
		var description, location, vis, name, cvis string
		var ma maillage.MeetingAccess
		if err := rows.Scan(&d.ID, &d.Title, &description, &location, &vis, &d.Updated,
			&ma.Community.ID, &name, &cvis, &ma.Community.Listed); err != nil {
			return err
		}
		ma.Visibility, ma.Community.Visibility = maillage.Visibility(vis), maillage.Visibility(cvis)
		d.Kind, d.Updated, d.CommunityID = search.KindMeeting, d.Updated.UTC(), ma.Community.ID
		d.Body = l.plain(description)
		d.Extra = []string{name}
		if location = strings.TrimSpace(location); location != "" {
			d.Extra = append(d.Extra, location)
		}
		d.Audiences = audienceKeys(ma.Audiences())
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	tags, err := l.itemTags(ctx, "meeting_tags", "meeting_id", ids)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		d := &docs[i]
		d.TagIDs = tags[d.ID]
		d.Tags, d.Broader = l.tagFields(d.TagIDs)
	}
	return docs, nil
}
