package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

const communityColumns = `c.id, c.name, c.description, c.visibility, c.listed, c.region, c.created_by, c.created_at, c.updated_at, c.version,
	c.cover_type, c.cover_updated_at, (SELECT COUNT(*) FROM community_members cm WHERE cm.community_id = c.id)`

func scanCommunity(row rowScanner) (*maillage.Community, error) {
	var c maillage.Community
	var vis string
	var by sql.NullString
	var cover sql.NullTime
	if err := row.Scan(&c.ID, &c.Name, &c.Description, &vis, &c.Listed, &c.Region, &by, &c.CreatedAt, &c.UpdatedAt, &c.Version,
		&c.CoverType, &cover, &c.MemberCount); err != nil {
		return nil, mapError(err)
	}
	c.Visibility, c.CreatedBy, c.CoverUpdatedAt = maillage.Visibility(vis), by.String, nullTime(cover)
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return &c, nil
}

// CreateCommunity inserts a community with its tags; the creator becomes
// its first manager.
func (tx *Tx) CreateCommunity(ctx context.Context, c *maillage.Community) error {
	c.CreatedAt, c.UpdatedAt, c.Version = tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO communities (id, name, name_key, description, visibility, listed, region,
		created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		c.ID, c.Name, fold.Key(c.Name), c.Description, string(c.Visibility), c.Listed, c.Region,
		nullString(c.CreatedBy), c.CreatedAt, c.UpdatedAt)
	if err != nil {
		return fmt.Errorf("create community: %w", err)
	}
	if c.CreatedBy != "" {
		if err := tx.UpsertMember(ctx, c.ID, c.CreatedBy, maillage.RoleManager); err != nil {
			return err
		}
		c.MemberCount = 1
	}
	return tx.replaceTags(ctx, "community_tags", "community_id", c.ID, tagIDs(c.Tags))
}

// RecentCommunityByCreator finds a community with this name (accents and
// case ignored) that the person created after since, to recognise a form
// submitted twice.
func (tx *Tx) RecentCommunityByCreator(ctx context.Context, creatorID, name string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM communities WHERE created_by = $1 AND name_key = $2 AND created_at > $3
		ORDER BY created_at DESC LIMIT 1`, creatorID, fold.Key(name), since).Scan(&id)
	return id, mapError(err)
}

// UpdateCommunity writes a community's fields and tags if it is still at
// version expected (0 skips the check), and moves it to the next version;
// otherwise it answers maillage.ErrEditConflict.
func (tx *Tx) UpdateCommunity(ctx context.Context, c *maillage.Community, expected int) error {
	c.UpdatedAt = tx.now
	res, err := tx.exec(ctx, `UPDATE communities SET name = $1, name_key = $2, description = $3, visibility = $4,
		listed = $5, region = $6, updated_at = $7, version = version + 1 WHERE id = $8 AND ($9 = 0 OR version = $9)`,
		c.Name, fold.Key(c.Name), c.Description, string(c.Visibility), c.Listed, c.Region, c.UpdatedAt, c.ID, expected)
	if err != nil {
		return fmt.Errorf("update community: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "communities", c.ID)
	}
	if err := tx.tx.QueryRowContext(ctx, `SELECT version FROM communities WHERE id = $1`, c.ID).Scan(&c.Version); err != nil {
		return mapError(err)
	}
	return tx.replaceTags(ctx, "community_tags", "community_id", c.ID, tagIDs(c.Tags))
}

// Community returns a community with its tags and member count. It does
// not check visibility: callers ask the policy.
func (db *DB) Community(ctx context.Context, id string) (*maillage.Community, error) {
	c, err := scanCommunity(db.queryRow(ctx, `SELECT `+communityColumns+` FROM communities c WHERE c.id = $1`, id))
	if err != nil {
		return nil, err
	}
	tags, err := db.CommunityTags(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	c.Tags = tags[c.ID]
	return c, nil
}

// CommunityFilter selects communities.
type CommunityFilter struct {
	Query    string
	TagID    string
	TagIDs   []string // any of several tags, with TagID
	Region   string
	MemberID string // only communities this person belongs to
	// Visibility keeps only public or only private communities ("" for both).
	Visibility maillage.Visibility
	Limit      int
	Offset     int
}

// Communities lists the communities the viewer may see, by name, with the
// total under the same filter.
func (db *DB) Communities(ctx context.Context, v maillage.Viewer, f CommunityFilter) ([]maillage.Community, int, error) {
	var a args
	where := []string{communitySeeSQL(v, "c", &a)}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "c.name_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if f.TagID != "" || len(f.TagIDs) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM community_tags ct WHERE ct.community_id = c.id AND "+tagIn("ct.tag_id", f.TagID, f.TagIDs, &a)+")")
	}
	if f.Region != "" {
		where = append(where, "c.region = "+a.add(f.Region))
	}
	if f.Visibility != "" {
		where = append(where, "c.visibility = "+a.add(string(f.Visibility)))
	}
	if f.MemberID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM community_members fm WHERE fm.community_id = c.id AND fm.user_id = "+a.add(f.MemberID)+")")
	}
	out, total, err := listPage(ctx, db, a, "communities c", strings.Join(where, " AND "), communityColumns,
		"c.name_key, c.id", f.Limit, f.Offset, scanCommunity)
	if err != nil {
		return nil, 0, err
	}
	ids := make([]string, len(out))
	for i, c := range out {
		ids[i] = c.ID
	}
	tags, err := db.CommunityTags(ctx, ids...)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Tags = tags[out[i].ID]
	}
	return out, total, nil
}

// UpsertMember adds a member or changes their role, and clears any
// pending join request of theirs.
func (tx *Tx) UpsertMember(ctx context.Context, communityID, userID string, role maillage.Role) error {
	_, err := tx.exec(ctx, `INSERT INTO community_members (community_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (community_id, user_id) DO UPDATE SET role = excluded.role`, communityID, userID, string(role), tx.now)
	if err != nil {
		return fmt.Errorf("add member: %w", err)
	}
	_, err = tx.exec(ctx, `DELETE FROM community_join_requests WHERE community_id = $1 AND user_id = $2`, communityID, userID)
	return err
}

// DeleteMember removes a member.
func (tx *Tx) DeleteMember(ctx context.Context, communityID, userID string) error {
	res, err := tx.exec(ctx, `DELETE FROM community_members WHERE community_id = $1 AND user_id = $2`, communityID, userID)
	if err != nil {
		return fmt.Errorf("remove member: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// MemberRole returns a person's role in a community, or not found.
func (tx *Tx) MemberRole(ctx context.Context, communityID, userID string) (maillage.Role, error) {
	var role string
	err := tx.tx.QueryRowContext(ctx, `SELECT role FROM community_members WHERE community_id = $1 AND user_id = $2`,
		communityID, userID).Scan(&role)
	return maillage.Role(role), mapError(err)
}

// CountManagers counts a community's managers, inside the transaction that
// is about to remove or demote one, so the last manager cannot leave.
func (tx *Tx) CountManagers(ctx context.Context, communityID string) (int, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM community_members WHERE community_id = $1 AND role = 'manager'`,
		communityID).Scan(&n)
	return n, mapError(err)
}

// Members lists a community's members whose profile the viewer may see,
// managers first. Whether the viewer may read the community at all is the
// caller's check.
func (db *DB) Members(ctx context.Context, v maillage.Viewer, communityID string, lim, offset int) ([]maillage.Membership, int, error) {
	var a args
	cond := `m.community_id = ` + a.add(communityID) + ` AND ` + profileVisibleSQL(v, "u", &a)
	return listPage(ctx, db, a, "community_members m JOIN users u ON u.id = m.user_id", cond,
		"m.community_id, m.user_id, u.name, m.role, m.created_at",
		"CASE m.role WHEN 'manager' THEN 0 ELSE 1 END, u.name_key, u.id", lim, offset,
		func(row rowScanner) (*maillage.Membership, error) {
			var m maillage.Membership
			var role string
			if err := row.Scan(&m.CommunityID, &m.UserID, &m.UserName, &role, &m.CreatedAt); err != nil {
				return nil, mapError(err)
			}
			m.Role, m.CreatedAt = maillage.Role(role), m.CreatedAt.UTC()
			return &m, nil
		})
}

// CreateJoinRequest records a request to join; asking twice keeps the
// first request and updates its message.
func (tx *Tx) CreateJoinRequest(ctx context.Context, communityID, userID, message string) error {
	_, err := tx.exec(ctx, `INSERT INTO community_join_requests (community_id, user_id, message, created_at)
		VALUES ($1, $2, $3, $4) ON CONFLICT (community_id, user_id) DO UPDATE SET message = excluded.message`,
		communityID, userID, message, tx.now)
	if err != nil {
		return fmt.Errorf("join request: %w", err)
	}
	return nil
}

// DeleteJoinRequest removes a request (declined, withdrawn or accepted).
func (tx *Tx) DeleteJoinRequest(ctx context.Context, communityID, userID string) error {
	res, err := tx.exec(ctx, `DELETE FROM community_join_requests WHERE community_id = $1 AND user_id = $2`, communityID, userID)
	if err != nil {
		return fmt.Errorf("join request: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// JoinRequests lists a community's pending requests, oldest first.
func (db *DB) JoinRequests(ctx context.Context, communityID string) ([]maillage.JoinRequest, error) {
	rows, err := db.query(ctx, `SELECT r.community_id, r.user_id, u.name, r.message, r.created_at
		FROM community_join_requests r JOIN users u ON u.id = r.user_id WHERE r.community_id = $1
		ORDER BY r.created_at, u.name_key`, communityID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.JoinRequest
	for rows.Next() {
		var r maillage.JoinRequest
		if err := rows.Scan(&r.CommunityID, &r.UserID, &r.UserName, &r.Message, &r.CreatedAt); err != nil {
			return nil, mapError(err)
		}
		r.CreatedAt = r.CreatedAt.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}

// HasJoinRequest reports whether a person has asked to join.
func (db *DB) HasJoinRequest(ctx context.Context, communityID, userID string) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM community_join_requests WHERE community_id = $1 AND user_id = $2`,
		communityID, userID).Scan(&n)
	return n > 0, mapError(err)
}

// SetCommunityCover records the MIME type of a community's cover image
// ("" removes it); the file itself is in file storage.
func (tx *Tx) SetCommunityCover(ctx context.Context, id, mime string) error {
	at := sql.NullTime{Time: tx.now, Valid: mime != ""}
	res, err := tx.exec(ctx, `UPDATE communities SET cover_type = $1, cover_updated_at = $2 WHERE id = $3`, mime, at, id)
	if err != nil {
		return fmt.Errorf("community cover: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// CommunityVisibility reads a community's visibility inside a transaction.
func (tx *Tx) CommunityVisibility(ctx context.Context, id string) (maillage.Visibility, error) {
	var vis string
	if err := tx.tx.QueryRowContext(ctx, `SELECT visibility FROM communities WHERE id = $1`, id).Scan(&vis); err != nil {
		return "", mapError(err)
	}
	return maillage.Visibility(vis), nil
}

// PendingRequestCount is how many people ask to join a community.
type PendingRequestCount struct {
	CommunityID   string
	CommunityName string
	Requests      int
}

// PendingRequestsToAnswer counts the join requests waiting in each
// community the person manages, oldest request first.
func (db *DB) PendingRequestsToAnswer(ctx context.Context, userID string) ([]PendingRequestCount, error) {
	rows, err := db.query(ctx, `SELECT c.id, c.name, COUNT(*) FROM community_join_requests r
		JOIN communities c ON c.id = r.community_id
		JOIN community_members m ON m.community_id = c.id AND m.user_id = $1 AND m.role = 'manager'
		GROUP BY c.id, c.name ORDER BY MIN(r.created_at), c.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("requests to answer: %w", mapError(err))
	}
	defer rows.Close()
	var out []PendingRequestCount
	for rows.Next() {
		var p PendingRequestCount
		if err := rows.Scan(&p.CommunityID, &p.CommunityName, &p.Requests); err != nil {
			return nil, mapError(err)
		}
		out = append(out, p)
	}
	return out, mapError(rows.Err())
}

// ManagerCount counts a community's managers (outside a transaction, for
// pages).
func (db *DB) ManagerCount(ctx context.Context, communityID string) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM community_members WHERE community_id = $1 AND role = 'manager'`,
		communityID).Scan(&n)
	return n, mapError(err)
}
