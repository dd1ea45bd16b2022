package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

const actorColumns = `a.id, a.kind, a.name, a.name_key, a.description, a.title, a.organization_name, a.website, a.email,
	a.region, a.address, a.latitude, a.longitude, a.visibility, a.community_id, COALESCE(c.name, ''), a.source, a.created_by,
	a.claimed_user_id, a.claimed_organization_id, a.claimed_at, a.created_at, a.updated_at, a.version`

// actorFrom joins the community a card is for, for its name.
const actorFrom = `actors a LEFT JOIN communities c ON c.id = a.community_id`

func scanActor(row rowScanner) (*maillage.Actor, error) {
	var a maillage.Actor
	var kind, vis string
	var lat, lon sql.NullFloat64
	var community, by, claimedUser, claimedOrg sql.NullString
	var claimedAt sql.NullTime
	if err := row.Scan(&a.ID, &kind, &a.Name, &a.NameKey, &a.Description, &a.Title, &a.OrganizationName, &a.Website, &a.Email,
		&a.Region, &a.Address, &lat, &lon, &vis, &community, &a.CommunityName, &a.Source, &by,
		&claimedUser, &claimedOrg, &claimedAt, &a.CreatedAt, &a.UpdatedAt, &a.Version); err != nil {
		return nil, mapError(err)
	}
	a.Kind, a.Visibility = maillage.ActorKind(kind), maillage.ActorVisibility(vis)
	a.Latitude, a.Longitude = nullFloat(lat), nullFloat(lon)
	a.CommunityID, a.CreatedBy = community.String, by.String
	a.ClaimedUserID, a.ClaimedOrganizationID = claimedUser.String, claimedOrg.String
	if claimedAt.Valid {
		t := claimedAt.Time.UTC()
		a.ClaimedAt = &t
	}
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return &a, nil
}

// CreateActor inserts a card with its tags.
func (tx *Tx) CreateActor(ctx context.Context, a *maillage.Actor) error {
	a.CreatedAt, a.UpdatedAt, a.Version = tx.now, tx.now, 1
	a.NameKey = fold.Key(a.Name)
	_, err := tx.exec(ctx, `INSERT INTO actors (id, kind, name, name_key, description, title, organization_name, website, email,
		region, address, latitude, longitude, visibility, community_id, source, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
		a.ID, string(a.Kind), a.Name, a.NameKey, a.Description, a.Title, a.OrganizationName, a.Website, a.Email,
		a.Region, a.Address, a.Latitude, a.Longitude, string(a.Visibility), nullString(a.CommunityID), a.Source,
		nullString(a.CreatedBy), a.CreatedAt, a.UpdatedAt)
	if err != nil {
		return fmt.Errorf("create actor: %w", err)
	}
	return tx.replaceTags(ctx, "actor_tags", "actor_id", a.ID, tagIDs(a.Tags))
}

// UpdateActor writes a card's fields and tags if it is still at version
// expected (0 skips the check), and moves it to the next version;
// otherwise it answers maillage.ErrEditConflict.
func (tx *Tx) UpdateActor(ctx context.Context, a *maillage.Actor, expected int) error {
	a.UpdatedAt = tx.now
	a.NameKey = fold.Key(a.Name)
	res, err := tx.exec(ctx, `UPDATE actors SET kind = $1, name = $2, name_key = $3, description = $4, title = $5,
		organization_name = $6, website = $7, email = $8, region = $9, address = $10, latitude = $11, longitude = $12,
		visibility = $13, community_id = $14, source = $15, updated_at = $16, version = version + 1
		WHERE id = $17 AND ($18 = 0 OR version = $18)`,
		string(a.Kind), a.Name, a.NameKey, a.Description, a.Title, a.OrganizationName, a.Website, a.Email, a.Region, a.Address,
		a.Latitude, a.Longitude, string(a.Visibility), nullString(a.CommunityID), a.Source, a.UpdatedAt, a.ID, expected)
	if err != nil {
		return fmt.Errorf("update actor: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "actors", a.ID)
	}
	if err := tx.tx.QueryRowContext(ctx, `SELECT version FROM actors WHERE id = $1`, a.ID).Scan(&a.Version); err != nil {
		return mapError(err)
	}
	return tx.replaceTags(ctx, "actor_tags", "actor_id", a.ID, tagIDs(a.Tags))
}

// DeleteActor removes a card; its tags go with it, the notes attached to
// it are detached, and its pending requests are closed (kept, with the
// card's name, as the record of what was asked).
func (tx *Tx) DeleteActor(ctx context.Context, id string) error {
	if _, err := tx.exec(ctx, `UPDATE actor_requests SET status = $1, answered_at = $2 WHERE actor_id = $3 AND status = $4`,
		string(maillage.ActorRequestClosed), tx.now, id, string(maillage.ActorRequestPending)); err != nil {
		return fmt.Errorf("delete actor: %w", err)
	}
	res, err := tx.exec(ctx, `DELETE FROM actors WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete actor: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// Actor returns a card with its tags, whoever may see it: the service
// applies maillage.CanViewActor.
func (db *DB) Actor(ctx context.Context, id string) (*maillage.Actor, error) {
	return actorByID(ctx, db.r(), db, id)
}

// Actor reads a card inside a write transaction.
func (tx *Tx) Actor(ctx context.Context, id string) (*maillage.Actor, error) {
	return actorByID(ctx, tx.q(), nil, id)
}

func actorByID(ctx context.Context, q querier, db *DB, id string) (*maillage.Actor, error) {
	a, err := scanActor(q.QueryRowContext(ctx, `SELECT `+actorColumns+` FROM `+actorFrom+` WHERE a.id = $1`, id))
	if err != nil {
		return nil, err
	}
	if db != nil {
		tags, err := db.ActorTags(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		a.Tags = tags[a.ID]
		return a, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT t.id, t.slug, t.key, t.label, t.label_en, t.kind FROM actor_tags j
		JOIN tags t ON t.id = j.tag_id WHERE j.actor_id = $1 ORDER BY t.key`, id)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var t maillage.Tag
		var kind string
		if err := rows.Scan(&t.ID, &t.Slug, &t.Key, &t.Label, &t.LabelEn, &kind); err != nil {
			return nil, mapError(err)
		}
		t.Kind = maillage.TagKind(kind)
		a.Tags = append(a.Tags, t)
	}
	return a, rows.Err()
}

// ActorTags returns the tags of the given cards.
func (db *DB) ActorTags(ctx context.Context, actorIDs ...string) (map[string][]maillage.Tag, error) {
	return db.tagsOf(ctx, "actor_tags", "actor_id", actorIDs)
}

// ActorFilter selects cards in the directory of actors.
type ActorFilter struct {
	Query  string
	TagIDs []string
	Kind   string
	// CommunityID keeps the cards for one community.
	CommunityID string
	// CreatedBy keeps the cards one person made.
	CreatedBy string
	Limit     int
	Offset    int
}

// Actors lists the cards the viewer may see (maillage.CanViewActor) by
// name, with tags, and the total under the same filter. Claimed cards are
// left out: the account they joined stands for them.
func (db *DB) Actors(ctx context.Context, v maillage.Viewer, f ActorFilter) ([]maillage.Actor, int, error) {
	var a args
	where := []string{"a.claimed_user_id IS NULL", actorVisibleSQL(v, "a", &a)}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "a.name_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if len(f.TagIDs) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM actor_tags at WHERE at.actor_id = a.id AND "+tagIn("at.tag_id", "", f.TagIDs, &a)+")")
	}
	if f.Kind != "" {
		where = append(where, "a.kind = "+a.add(f.Kind))
	}
	if f.CommunityID != "" {
		where = append(where, "a.community_id = "+a.add(f.CommunityID))
	}
	if f.CreatedBy != "" {
		where = append(where, "a.created_by = "+a.add(f.CreatedBy))
	}
	out, total, err := listPage(ctx, db, a, actorFrom, strings.Join(where, " AND "), actorColumns,
		"a.name_key, a.id", f.Limit, f.Offset, scanActor)
	if err != nil {
		return nil, 0, err
	}
	ids := make([]string, len(out))
	for i, x := range out {
		ids[i] = x.ID
	}
	tags, err := db.ActorTags(ctx, ids...)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Tags = tags[out[i].ID]
	}
	return out, total, nil
}

// actorBatch is how many cards EachActor reads at a time.
const actorBatch = 500

// EachActor calls fn with every card, claimed ones included, with the
// fields the policy reads (Visibility, CommunityID, CreatedBy,
// ClaimedUserID: apply maillage.CanViewActor to a.Access()) and its tags,
// in ID order, a batch at a time so memory stays bounded whatever the
// number of cards. It is for derived structures (the relation graph, map
// layouts) that file each card under its audiences; fn's error stops the
// walk and is returned.
func (db *DB) EachActor(ctx context.Context, fn func(a maillage.Actor) error) error {
	after := ""
	for {
		rows, err := db.query(ctx, `SELECT `+actorColumns+` FROM `+actorFrom+` WHERE a.id > $1 ORDER BY a.id LIMIT $2`, after, actorBatch)
		if err != nil {
			return fmt.Errorf("each actor: %w", mapError(err))
		}
		var batch []maillage.Actor
		for rows.Next() {
			x, err := scanActor(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("each actor: %w", err)
			}
			batch = append(batch, *x)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("each actor: %w", mapError(err))
		}
		if len(batch) == 0 {
			return nil
		}
		ids := make([]string, len(batch))
		for i, x := range batch {
			ids[i] = x.ID
		}
		tags, err := db.ActorTags(ctx, ids...)
		if err != nil {
			return fmt.Errorf("each actor: %w", err)
		}
		for i := range batch {
			batch[i].Tags = tags[batch[i].ID]
			if err := fn(batch[i]); err != nil {
				return err
			}
		}
		if len(batch) < actorBatch {
			return nil
		}
		after = batch[len(batch)-1].ID
	}
}
