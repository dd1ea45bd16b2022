package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

const orgColumns = `o.id, o.name, o.description, o.type, o.region, o.address, o.website, o.latitude, o.longitude,
	o.created_by, o.created_at, o.updated_at, o.version`

func scanOrg(row rowScanner) (*maillage.Organization, error) {
	var o maillage.Organization
	var typ string
	var lat, lon sql.NullFloat64
	var by sql.NullString
	if err := row.Scan(&o.ID, &o.Name, &o.Description, &typ, &o.Region, &o.Address, &o.Website, &lat, &lon,
		&by, &o.CreatedAt, &o.UpdatedAt, &o.Version); err != nil {
		return nil, mapError(err)
	}
	o.Type, o.CreatedBy = maillage.OrganizationType(typ), by.String
	o.Latitude, o.Longitude = nullFloat(lat), nullFloat(lon)
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return &o, nil
}

// CreateOrganization inserts an organisation with its tags.
func (tx *Tx) CreateOrganization(ctx context.Context, o *maillage.Organization) error {
	o.CreatedAt, o.UpdatedAt, o.Version = tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO organizations (id, name, name_key, description, type, region, address, website,
		website_key, latitude, longitude, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		o.ID, o.Name, fold.Key(o.Name), o.Description, string(o.Type), o.Region, o.Address, o.Website,
		fold.WebsiteKey(o.Website), o.Latitude, o.Longitude, nullString(o.CreatedBy), o.CreatedAt, o.UpdatedAt)
	if err != nil {
		return fmt.Errorf("create organization: %w", err)
	}
	return tx.replaceTags(ctx, "organization_tags", "organization_id", o.ID, tagIDs(o.Tags))
}

// UpdateOrganization writes an organisation's fields and tags if it is
// still at version expected (0 skips the check), and moves it to the next
// version; otherwise it answers maillage.ErrEditConflict.
func (tx *Tx) UpdateOrganization(ctx context.Context, o *maillage.Organization, expected int) error {
	o.UpdatedAt = tx.now
	res, err := tx.exec(ctx, `UPDATE organizations SET name = $1, name_key = $2, description = $3, type = $4, region = $5,
		address = $6, website = $7, website_key = $8, latitude = $9, longitude = $10, updated_at = $11, version = version + 1
		WHERE id = $12 AND ($13 = 0 OR version = $13)`,
		o.Name, fold.Key(o.Name), o.Description, string(o.Type), o.Region, o.Address, o.Website, fold.WebsiteKey(o.Website),
		o.Latitude, o.Longitude, o.UpdatedAt, o.ID, expected)
	if err != nil {
		return fmt.Errorf("update organization: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "organizations", o.ID)
	}
	if err := tx.tx.QueryRowContext(ctx, `SELECT version FROM organizations WHERE id = $1`, o.ID).Scan(&o.Version); err != nil {
		return mapError(err)
	}
	return tx.replaceTags(ctx, "organization_tags", "organization_id", o.ID, tagIDs(o.Tags))
}

// DeleteOrganization removes an organisation (affiliations and tags go with it).
func (tx *Tx) DeleteOrganization(ctx context.Context, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM organizations WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete organization: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// Organization returns an organisation with its tags.
func (db *DB) Organization(ctx context.Context, id string) (*maillage.Organization, error) {
	o, err := scanOrg(db.queryRow(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE o.id = $1`, id))
	if err != nil {
		return nil, err
	}
	tags, err := db.OrganizationTags(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	o.Tags = tags[o.ID]
	return o, nil
}

// SimilarOrganizations finds organisations with the same name (accents
// and case ignored) or the same website, for duplicate detection.
// excludeID leaves out the organisation being edited.
func (tx *Tx) SimilarOrganizations(ctx context.Context, name, website, excludeID string) ([]maillage.Organization, error) {
	var a args
	cond := "o.name_key = " + a.add(fold.Key(name))
	if wk := fold.WebsiteKey(website); wk != "" {
		cond = "(" + cond + " OR o.website_key = " + a.add(wk) + ")"
	}
	rows, err := tx.tx.QueryContext(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE `+cond+
		` AND o.id <> `+a.add(excludeID)+` ORDER BY o.name_key LIMIT 5`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Organization
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *o)
	}
	return out, rows.Err()
}

// OrganizationFilter selects organisations in the directory.
type OrganizationFilter struct {
	Query  string
	TagID  string
	TagIDs []string // any of several tags, with TagID
	Region string
	Type   string
	Limit  int
	Offset int
}

// Organizations lists the directory (public to all) by name, with tags,
// and the total under the same filter.
func (db *DB) Organizations(ctx context.Context, f OrganizationFilter) ([]maillage.Organization, int, error) {
	var a args
	where := []string{"TRUE"}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "o.name_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if f.TagID != "" || len(f.TagIDs) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM organization_tags ot WHERE ot.organization_id = o.id AND "+tagIn("ot.tag_id", f.TagID, f.TagIDs, &a)+")")
	}
	if f.Region != "" {
		where = append(where, "o.region = "+a.add(f.Region))
	}
	if f.Type != "" {
		where = append(where, "o.type = "+a.add(f.Type))
	}
	out, total, err := listPage(ctx, db, a, "organizations o", strings.Join(where, " AND "), orgColumns,
		"o.name_key, o.id", f.Limit, f.Offset, scanOrg)
	if err != nil {
		return nil, 0, err
	}
	ids := make([]string, len(out))
	for i, o := range out {
		ids[i] = o.ID
	}
	tags, err := db.OrganizationTags(ctx, ids...)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Tags = tags[out[i].ID]
	}
	return out, total, nil
}

// UpsertAffiliation adds a person to an organisation or updates their role.
func (tx *Tx) UpsertAffiliation(ctx context.Context, a maillage.Affiliation) error {
	_, err := tx.exec(ctx, `INSERT INTO organization_members (organization_id, user_id, role, is_admin, created_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organization_id, user_id)
		DO UPDATE SET role = excluded.role, is_admin = excluded.is_admin`,
		a.OrganizationID, a.UserID, a.Role, a.Admin, tx.now)
	if err != nil {
		return fmt.Errorf("affiliation: %w", err)
	}
	return nil
}

// DeleteAffiliation removes a person from an organisation.
func (tx *Tx) DeleteAffiliation(ctx context.Context, orgID, userID string) error {
	res, err := tx.exec(ctx, `DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2`, orgID, userID)
	if err != nil {
		return fmt.Errorf("affiliation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// OrganizationAdminIDs returns the people allowed to edit an organisation.
func (db *DB) OrganizationAdminIDs(ctx context.Context, orgID string) ([]string, error) {
	rows, err := db.query(ctx, `SELECT user_id FROM organization_members WHERE organization_id = $1 AND is_admin`, orgID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, mapError(err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// OrganizationMembers lists the people affiliated with an organisation
// whose profile the viewer may see.
func (db *DB) OrganizationMembers(ctx context.Context, v maillage.Viewer, orgID string) ([]maillage.Affiliation, error) {
	var a args
	q := `SELECT m.organization_id, o.name, m.user_id, u.name, m.role, m.is_admin FROM organization_members m
		JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
		WHERE m.organization_id = ` + a.add(orgID) + ` AND ` + profileVisibleSQL(v, "u", &a) + ` ORDER BY u.name_key`
	return db.affiliations(ctx, q, a)
}

// UserAffiliations lists a person's organisations.
func (db *DB) UserAffiliations(ctx context.Context, userID string) ([]maillage.Affiliation, error) {
	var a args
	q := `SELECT m.organization_id, o.name, m.user_id, u.name, m.role, m.is_admin FROM organization_members m
		JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
		WHERE m.user_id = ` + a.add(userID) + ` ORDER BY o.name_key`
	return db.affiliations(ctx, q, a)
}

func (db *DB) affiliations(ctx context.Context, q string, a args) ([]maillage.Affiliation, error) {
	rows, err := db.query(ctx, q, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Affiliation
	for rows.Next() {
		var m maillage.Affiliation
		if err := rows.Scan(&m.OrganizationID, &m.OrganizationName, &m.UserID, &m.UserName, &m.Role, &m.Admin); err != nil {
			return nil, mapError(err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func tagIDs(tags []maillage.Tag) []string {
	ids := make([]string, len(tags))
	for i, t := range tags {
		ids[i] = t.ID
	}
	return ids
}
