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

const userColumns = `u.id, u.email, u.email_confirmed_at, u.name, u.pronouns, u.bio, u.region, u.language,
	u.profile_visibility, u.contact, u.is_admin, u.is_curator, u.created_at, u.updated_at`

// scanUser reads the userColumns of a row.
func scanUser(row rowScanner) (*maillage.User, error) { return scanUserWith(row) }

// scanUserWith reads the userColumns of a row, then the extra columns
// selected after them into extra.
func scanUserWith(row rowScanner, extra ...any) (*maillage.User, error) {
	var u maillage.User
	var confirmed sql.NullTime
	var vis, contact string
	dest := append([]any{&u.ID, &u.Email, &confirmed, &u.Name, &u.Pronouns, &u.Bio, &u.Region, &u.Language,
		&vis, &contact, &u.Admin, &u.Curator, &u.CreatedAt, &u.UpdatedAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, mapError(err)
	}
	u.EmailConfirmedAt = nullTime(confirmed)
	u.ProfileVisibility = maillage.ProfileVisibility(vis)
	u.Contact = maillage.ContactPreference(contact)
	u.CreatedAt, u.UpdatedAt = u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	return &u, nil
}

// CreateUser inserts a user with a password hash; ID and times are set
// here. A taken email is a conflict.
func (tx *Tx) CreateUser(ctx context.Context, u *maillage.User, passwordHash string) error {
	u.CreatedAt, u.UpdatedAt = tx.now, tx.now
	if u.Language == "" {
		u.Language = "fr-CA"
	}
	if u.ProfileVisibility == "" {
		u.ProfileVisibility = maillage.ProfileMembers
	}
	if u.Contact == "" {
		u.Contact = maillage.ContactMessages
	}
	_, err := tx.exec(ctx, `INSERT INTO users (id, email, email_confirmed_at, password_hash, name, name_key, pronouns, bio,
		region, language, profile_visibility, contact, is_admin, is_curator, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		u.ID, u.Email, u.EmailConfirmedAt, passwordHash, u.Name, fold.Key(u.Name), u.Pronouns, u.Bio,
		u.Region, u.Language, string(u.ProfileVisibility), string(u.Contact), u.Admin, u.Curator, u.CreatedAt, u.UpdatedAt)
	if maillage.ErrorCode(err) == maillage.CodeConflict {
		return &maillage.Error{Code: maillage.CodeConflict, MessageID: "account.email_taken",
			Fields: []maillage.FieldError{{Field: "email", MessageID: "account.email_taken"}}, Err: err}
	}
	if err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	return nil
}

// User returns a user by ID, without relations.
func (db *DB) User(ctx context.Context, id string) (*maillage.User, error) {
	return scanUser(db.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id))
}

// User reads a user inside a write transaction.
func (tx *Tx) User(ctx context.Context, id string) (*maillage.User, error) {
	return scanUser(tx.tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id))
}

// UserCredentials returns the user with this (normalised) email and their
// password hash.
func (db *DB) UserCredentials(ctx context.Context, email string) (*maillage.User, string, error) {
	row := db.queryRow(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.email = $1`, email)
	var u maillage.User
	var confirmed sql.NullTime
	var vis, contact, hash string
	if err := row.Scan(&u.ID, &u.Email, &confirmed, &u.Name, &u.Pronouns, &u.Bio, &u.Region, &u.Language,
		&vis, &contact, &u.Admin, &u.Curator, &u.CreatedAt, &u.UpdatedAt, &hash); err != nil {
		return nil, "", mapError(err)
	}
	u.EmailConfirmedAt = nullTime(confirmed)
	u.ProfileVisibility, u.Contact = maillage.ProfileVisibility(vis), maillage.ContactPreference(contact)
	return &u, hash, nil
}

// PasswordHash returns a user's password hash, to check the current
// password before a change.
func (db *DB) PasswordHash(ctx context.Context, userID string) (string, error) {
	var h string
	err := db.queryRow(ctx, `SELECT password_hash FROM users WHERE id = $1`, userID).Scan(&h)
	return h, mapError(err)
}

// UpdateProfile writes the editable profile fields, links and interests.
func (tx *Tx) UpdateProfile(ctx context.Context, u *maillage.User, interestIDs []string) error {
	u.UpdatedAt = tx.now
	res, err := tx.exec(ctx, `UPDATE users SET name = $1, name_key = $2, pronouns = $3, bio = $4, region = $5,
		language = $6, profile_visibility = $7, contact = $8, updated_at = $9 WHERE id = $10`,
		u.Name, fold.Key(u.Name), u.Pronouns, u.Bio, u.Region, u.Language, string(u.ProfileVisibility),
		string(u.Contact), u.UpdatedAt, u.ID)
	if err != nil {
		return fmt.Errorf("update profile: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	if _, err := tx.exec(ctx, `DELETE FROM user_links WHERE user_id = $1`, u.ID); err != nil {
		return fmt.Errorf("update links: %w", err)
	}
	for i, l := range u.Links {
		if _, err := tx.exec(ctx, `INSERT INTO user_links (user_id, position, kind, url) VALUES ($1, $2, $3, $4)`,
			u.ID, i, string(l.Kind), l.URL); err != nil {
			return fmt.Errorf("update links: %w", err)
		}
	}
	return tx.SetUserInterests(ctx, u.ID, interestIDs)
}

// SetUserInterests replaces a person's interests.
func (tx *Tx) SetUserInterests(ctx context.Context, userID string, tagIDs []string) error {
	return tx.replaceTags(ctx, "user_interests", "user_id", userID, tagIDs)
}

// SetPassword replaces a user's password hash. Reset links sent before
// now stop working (see ConsumeLink).
func (tx *Tx) SetPassword(ctx context.Context, userID, hash string) error {
	_, err := tx.exec(ctx, `UPDATE users SET password_hash = $1, updated_at = $2, password_changed_at = $2 WHERE id = $3`, hash, tx.now, userID)
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// ConfirmEmail marks a user's current address as confirmed, if it is still email.
func (tx *Tx) ConfirmEmail(ctx context.Context, userID, email string) error {
	res, err := tx.exec(ctx, `UPDATE users SET email_confirmed_at = $1 WHERE id = $2 AND email = $3`, tx.now, userID, email)
	if err != nil {
		return fmt.Errorf("confirm email: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// SetAdmin grants or removes instance administration.
func (tx *Tx) SetAdmin(ctx context.Context, userID string, admin bool) error {
	_, err := tx.exec(ctx, `UPDATE users SET is_admin = $1 WHERE id = $2`, admin, userID)
	return err
}

// SetCurator grants or removes the curator role (the taxonomy).
func (tx *Tx) SetCurator(ctx context.Context, userID string, curator bool) error {
	res, err := tx.exec(ctx, `UPDATE users SET is_curator = $1 WHERE id = $2`, curator, userID)
	if err != nil {
		return fmt.Errorf("set curator: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// UserLinks returns a user's profile links in order.
func (db *DB) UserLinks(ctx context.Context, userID string) ([]maillage.Link, error) {
	rows, err := db.query(ctx, `SELECT kind, url FROM user_links WHERE user_id = $1 ORDER BY position`, userID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var links []maillage.Link
	for rows.Next() {
		var l maillage.Link
		var kind string
		if err := rows.Scan(&kind, &l.URL); err != nil {
			return nil, mapError(err)
		}
		l.Kind = maillage.LinkKind(kind)
		links = append(links, l)
	}
	return links, rows.Err()
}

// UserFilter selects people in the directory.
type UserFilter struct {
	Query string // matched against names, accents and case ignored
	TagID string
	// TagIDs widen TagID to several tags (synonyms, descendants): any matches.
	TagIDs []string
	Region string
	Limit  int
	Offset int
}

// Users lists the people the viewer may see, by name, with the total
// count under the same filter (for pagination).
func (db *DB) Users(ctx context.Context, v maillage.Viewer, f UserFilter) ([]maillage.User, int, error) {
	var a args
	where := []string{profileVisibleSQL(v, "u", &a)}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "u.name_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if f.TagID != "" || len(f.TagIDs) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM user_interests ui WHERE ui.user_id = u.id AND "+tagIn("ui.tag_id", f.TagID, f.TagIDs, &a)+")")
	}
	if f.Region != "" {
		where = append(where, "u.region = "+a.add(f.Region))
	}
	return listPage(ctx, db, a, "users u", strings.Join(where, " AND "), userColumns, "u.name_key, u.id",
		f.Limit, f.Offset, scanUser)
}

// CountUsers counts all accounts (for the empty-database check of the demo).
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, mapError(err)
}

// limit bounds a page size: 20 by default, 100 at most.
func limit(n int) int {
	switch {
	case n <= 0:
		return 20
	case n > 100:
		return 100
	}
	return n
}

// CommunityRoles returns the viewer's role in each community they belong
// to, the input of every community-related access decision.
func (db *DB) CommunityRoles(ctx context.Context, userID string) (map[string]maillage.Role, error) {
	roles := map[string]maillage.Role{}
	if userID == "" {
		return roles, nil
	}
	rows, err := db.query(ctx, `SELECT community_id, role FROM community_members WHERE user_id = $1`, userID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, role string
		if err := rows.Scan(&id, &role); err != nil {
			return nil, mapError(err)
		}
		roles[id] = maillage.Role(role)
	}
	return roles, rows.Err()
}

// DeleteExpired removes expired sessions, used or expired email tokens,
// forgotten trusted devices and rate-limit windows that have ended.
func (db *DB) DeleteExpired(ctx context.Context, now time.Time) error {
	return db.Update(ctx, func(tx *Tx) error {
		for _, q := range []string{
			`DELETE FROM sessions WHERE expiry < $1`,
			`DELETE FROM email_tokens WHERE expires_at < $1 OR used_at IS NOT NULL`,
			`DELETE FROM trusted_devices WHERE expires_at < $1`,
			`DELETE FROM rate_counters WHERE expires_at < $1`,
		} {
			if _, err := tx.exec(ctx, q, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// Curators lists the people who curate the taxonomy: curators and
// administrators, by name.
func (db *DB) Curators(ctx context.Context) ([]maillage.User, error) {
	rows, err := db.query(ctx, `SELECT `+userColumns+` FROM users u WHERE u.is_curator OR u.is_admin ORDER BY u.name_key, u.id`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}
