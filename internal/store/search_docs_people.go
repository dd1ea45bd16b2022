package store

import (
	"context"
	"database/sql"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
)

// users loads people: their name; Extra their pronouns, region and
// organisations; Body their bio; Tags their interests. Every account has
// a profile document: the profile rule reads no account state (an
// unconfirmed address still has a profile), so neither does this.
func (l *docLoader) users(ctx context.Context, ids []string) ([]search.Document, error) {
	var docs []search.Document
	err := l.db.queryIn(ctx, `SELECT u.id, u.name, u.pronouns, u.bio, u.region, u.profile_visibility, u.updated_at
		FROM users u WHERE u.id IN (%s)`, ids, func(rows *sql.Rows) error {
		var d search.Document
		var pronouns, vis string
		if err := rows.Scan(&d.ID, &d.Title, &pronouns, &d.Body, &d.Region, &vis, &d.Updated); err != nil {
			return err
		}
		d.Kind, d.Updated = search.KindUser, d.Updated.UTC()
		d.Extra = appendUnique(nil, pronouns)
		d.Extra = appendUnique(d.Extra, regionNames(d.Region)...)
		p := maillage.ProfileAccess{UserID: d.ID, Visibility: maillage.ProfileVisibility(vis)}
		d.Audiences = audienceKeys(p.Audiences())
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	tags, err := l.itemTags(ctx, "user_interests", "user_id", ids)
	if err != nil {
		return nil, err
	}
	// Organisations are public (the directory), and so is an affiliation
	// to whoever sees the profile it is part of.
	orgs, err := l.db.pairsIn(ctx, `SELECT m.user_id, o.name FROM organization_members m
		JOIN organizations o ON o.id = m.organization_id WHERE m.user_id IN (%s) ORDER BY m.user_id, o.name_key, o.id`, ids)
	if err != nil {
		return nil, err
	}
	pubs, err := l.db.countsIn(ctx, `SELECT na.user_id, COUNT(*) FROM note_authors na JOIN notes n ON n.id = na.note_id
		WHERE na.user_id IN (%s) AND `+publicSQL(noteVisibleSQL, "n")+` GROUP BY na.user_id`, ids)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		d := &docs[i]
		d.TagIDs = tags[d.ID]
		d.Tags, d.Broader = l.tagFields(d.TagIDs)
		d.Extra = appendUnique(d.Extra, orgs[d.ID]...)
		d.Publications = pubs[d.ID]
		d.Relations = len(orgs[d.ID]) + len(d.TagIDs)
	}
	return docs, nil
}

// organizations loads the directory: name; Extra region and address;
// Body the description; facets region and type.
func (l *docLoader) organizations(ctx context.Context, ids []string) ([]search.Document, error) {
	audiences := organizationAudiences()
	var docs []search.Document
	err := l.db.queryIn(ctx, `SELECT o.id, o.name, o.description, o.type, o.region, o.address, o.updated_at
		FROM organizations o WHERE o.id IN (%s)`, ids, func(rows *sql.Rows) error {
		var d search.Document
		var address string
		if err := rows.Scan(&d.ID, &d.Title, &d.Body, &d.OrgType, &d.Region, &address, &d.Updated); err != nil {
			return err
		}
		d.Kind, d.Updated = search.KindOrganization, d.Updated.UTC()
		d.Extra = appendUnique(regionNames(d.Region), address)
		d.Audiences = audiences
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	tags, err := l.itemTags(ctx, "organization_tags", "organization_id", ids)
	if err != nil {
		return nil, err
	}
	people, err := l.db.countsIn(ctx, `SELECT m.organization_id, COUNT(*) FROM organization_members m
		JOIN users u ON u.id = m.user_id WHERE m.organization_id IN (%s) AND `+publicSQL(profileVisibleSQL, "u")+`
		GROUP BY m.organization_id`, ids)
	if err != nil {
		return nil, err
	}
	pubs, err := l.db.countsIn(ctx, `SELECT n.organization_id, COUNT(*) FROM notes n
		WHERE n.organization_id IN (%s) AND `+publicSQL(noteVisibleSQL, "n")+` GROUP BY n.organization_id`, ids)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		d := &docs[i]
		d.TagIDs = tags[d.ID]
		d.Tags, d.Broader = l.tagFields(d.TagIDs)
		d.Publications = pubs[d.ID]
		d.Relations = people[d.ID] + len(d.TagIDs)
	}
	return docs, nil
}

// organizationAudiences derives who sees an organisation from
// maillage.CanViewOrganization, which has no audiences of its own: the
// directory is public, so a visitor may see any entry and the audience is
// everyone. Were the rule to change, no organisation would be found
// rather than one shown too widely.
func organizationAudiences() [][]string {
	if maillage.CanViewOrganization(maillage.Anonymous(), maillage.OrganizationAccess{}) {
		return audienceKeys([]maillage.Audience{maillage.Everyone()})
	}
	return nil
}
