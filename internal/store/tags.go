package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

const tagColumns = `t.id, t.slug, t.key, t.label, t.label_en, t.kind, t.parent_id, t.merged_into_id, t.created_at, t.created_by`

func scanTag(row rowScanner) (*maillage.Tag, error) {
	var t maillage.Tag
	var kind string
	var parent, merged, by sql.NullString
	if err := row.Scan(&t.ID, &t.Slug, &t.Key, &t.Label, &t.LabelEn, &kind, &parent, &merged, &t.CreatedAt, &by); err != nil {
		return nil, mapError(err)
	}
	t.Kind, t.ParentID, t.MergedInto, t.CreatedBy = maillage.TagKind(kind), parent.String, merged.String, by.String
	t.CreatedAt = t.CreatedAt.UTC()
	return &t, nil
}

// EnsureTags returns the tags for the given labels, creating missing ones
// as free tags. Labels are matched by key (accents and case ignored) and
// through synonyms; a merged tag resolves to the tag it was merged into.
// Empty labels and repeats are dropped; order follows the input.
func (tx *Tx) EnsureTags(ctx context.Context, labels []string, createdBy string) ([]maillage.Tag, error) {
	var out []maillage.Tag
	seen := map[string]bool{}
	for _, raw := range labels {
		label := maillage.CleanTagLabel(raw)
		key := fold.Key(label)
		if key == "" || fold.Slug(label) == "" {
			continue
		}
		t, err := tx.tagByKey(ctx, key)
		if maillage.IsNotFound(err) {
			t, err = tx.createTag(ctx, label, key, createdBy)
		}
		if err != nil {
			return nil, err
		}
		if !seen[t.ID] {
			seen[t.ID] = true
			out = append(out, *t)
		}
	}
	return out, nil
}

// tagByKey finds a tag by key or synonym, following merges.
func (tx *Tx) tagByKey(ctx context.Context, key string) (*maillage.Tag, error) {
	t, err := scanTag(tx.tx.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.key = $1
		UNION ALL SELECT `+tagColumns+` FROM tags t JOIN tag_synonyms s ON s.tag_id = t.id WHERE s.key = $1`, key))
	if err != nil {
		return nil, err
	}
	// Follow merges, bounded in case of a cycle written by hand.
	for i := 0; t.MergedInto != "" && i < 8; i++ {
		next, err := scanTag(tx.tx.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.id = $1`, t.MergedInto))
		if err != nil {
			return nil, err
		}
		t = next
	}
	return t, nil
}

func (tx *Tx) createTag(ctx context.Context, label, key, createdBy string) (*maillage.Tag, error) {
	base := fold.Slug(label)
	t := &maillage.Tag{ID: auth.NewID(), Key: key, Label: label, Kind: maillage.TagFree, CreatedBy: createdBy, CreatedAt: tx.now}
	// Two keys may share a slug ("C++" and "C"): number the later ones.
	for i := 1; ; i++ {
		t.Slug = base
		if i > 1 {
			t.Slug = base + "-" + strconv.Itoa(i)
		}
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tags WHERE slug = $1`, t.Slug).Scan(&n); err != nil {
			return nil, mapError(err)
		}
		if n == 0 {
			break
		}
	}
	_, err := tx.exec(ctx, `INSERT INTO tags (id, slug, key, label, label_en, kind, created_by, created_at)
		VALUES ($1, $2, $3, $4, '', $5, $6, $7)`, t.ID, t.Slug, t.Key, t.Label, string(t.Kind), nullString(createdBy), t.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("create tag: %w", err)
	}
	return t, nil
}

// replaceTags makes the tags of one subject exactly tagIDs, in a join
// table (user_interests, organization_tags, community_tags ...).
func (tx *Tx) replaceTags(ctx context.Context, table, column, subjectID string, tagIDs []string) error {
	// table and column come from this package's callers, never from input.
	if _, err := tx.exec(ctx, `DELETE FROM `+table+` WHERE `+column+` = $1`, subjectID); err != nil {
		return fmt.Errorf("replace tags: %w", err)
	}
	for _, id := range tagIDs {
		if _, err := tx.exec(ctx, `INSERT INTO `+table+` (`+column+`, tag_id, created_at) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, subjectID, id, tx.now); err != nil {
			return fmt.Errorf("replace tags: %w", err)
		}
	}
	return nil
}

// TagBySlug returns a tag by its URL slug.
func (db *DB) TagBySlug(ctx context.Context, slug string) (*maillage.Tag, error) {
	return scanTag(db.queryRow(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.slug = $1`, slug))
}

// TagByLabel returns the tag a label means (by key or synonym), or not found.
func (db *DB) TagByLabel(ctx context.Context, label string) (*maillage.Tag, error) {
	key := fold.Key(label)
	return scanTag(db.queryRow(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.key = $1 AND t.merged_into_id IS NULL
		UNION ALL SELECT `+tagColumns+` FROM tags t JOIN tag_synonyms s ON s.tag_id = t.id WHERE s.key = $1`, key))
}

// tagUsesSQL counts what carries tag t and the viewer may see: profiles,
// organisations (a public directory) and communities, each through the
// policy's SQL mirror.
func tagUsesSQL(v maillage.Viewer, a *args) string {
	return `((SELECT COUNT(*) FROM user_interests ui JOIN users u ON u.id = ui.user_id
		WHERE ui.tag_id = t.id AND ` + profileVisibleSQL(v, "u", a) + `)
	+ (SELECT COUNT(*) FROM organization_tags ot WHERE ot.tag_id = t.id)
	+ (SELECT COUNT(*) FROM community_tags ct JOIN communities c ON c.id = ct.community_id
		WHERE ct.tag_id = t.id AND ` + communitySeeSQL(v, "c", a) + `)
	+ (SELECT COUNT(*) FROM note_tags nt JOIN notes n ON n.id = nt.note_id
		WHERE nt.tag_id = t.id AND ` + noteVisibleSQL(v, "n", a) + `))`
}

// tagVisibleSQL mirrors maillage.CanViewTag for tags aliased t.
func tagVisibleSQL(v maillage.Viewer, a *args) string {
	s := "(t.kind = 'curated' OR " + tagUsesSQL(v, a) + " > 0"
	if v.SignedIn() {
		s += " OR t.created_by = " + a.add(v.UserID)
	}
	return s + ")"
}

// AutocompleteTags suggests the tags the viewer may see whose label or
// synonym starts with the typed text (accents and case ignored), most
// used first.
func (db *DB) AutocompleteTags(ctx context.Context, v maillage.Viewer, prefix string, n int) ([]maillage.Tag, error) {
	key := fold.Key(prefix)
	if key == "" {
		return nil, nil
	}
	var a args
	uses := tagUsesSQL(v, &a)
	visible := tagVisibleSQL(v, &a)
	p := a.add(likePrefix(key))
	mid := a.add(likeContains(" " + key))
	rows, err := db.query(ctx, `SELECT `+tagColumns+`, `+uses+` AS uses FROM tags t
		WHERE t.merged_into_id IS NULL AND `+visible+` AND (t.key LIKE `+p+` ESCAPE '\' OR t.key LIKE `+mid+` ESCAPE '\'
			OR EXISTS (SELECT 1 FROM tag_synonyms s WHERE s.tag_id = t.id AND s.key LIKE `+p+` ESCAPE '\'))
		ORDER BY uses DESC, t.key LIMIT `+a.add(limit(n)), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Tag
	for rows.Next() {
		var t maillage.Tag
		var kind string
		var parent, merged, by sql.NullString
		if err := rows.Scan(&t.ID, &t.Slug, &t.Key, &t.Label, &t.LabelEn, &kind, &parent, &merged, &t.CreatedAt, &by, &t.Uses); err != nil {
			return nil, mapError(err)
		}
		t.Kind, t.ParentID, t.MergedInto, t.CreatedBy = maillage.TagKind(kind), parent.String, merged.String, by.String
		out = append(out, t)
	}
	return out, rows.Err()
}

// tagsOf loads the tags of many subjects at once from a join table,
// keyed by subject ID, sorted by label: one query per list, not per row.
// The tags carry what a chip shows (no dates, parents or merges).
func (db *DB) tagsOf(ctx context.Context, table, column string, ids []string) (map[string][]maillage.Tag, error) {
	out := map[string][]maillage.Tag{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = a.add(id)
	}
	// Lists show tags as chips: the columns a chip needs are enough, and
	// skipping the timestamps spares the driver parsing one per row.
	rows, err := db.query(ctx, `SELECT j.`+column+`, t.id, t.slug, t.key, t.label, t.label_en, t.kind FROM `+table+` j
		JOIN tags t ON t.id = j.tag_id WHERE j.`+column+` IN (`+strings.Join(ph, ", ")+`) ORDER BY t.key`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var subject string
		var t maillage.Tag
		var kind string
		if err := rows.Scan(&subject, &t.ID, &t.Slug, &t.Key, &t.Label, &t.LabelEn, &kind); err != nil {
			return nil, mapError(err)
		}
		t.Kind = maillage.TagKind(kind)
		out[subject] = append(out[subject], t)
	}
	return out, rows.Err()
}

// UserInterests returns the tags of the given people.
func (db *DB) UserInterests(ctx context.Context, userIDs ...string) (map[string][]maillage.Tag, error) {
	return db.tagsOf(ctx, "user_interests", "user_id", userIDs)
}

// OrganizationTags returns the tags of the given organisations.
func (db *DB) OrganizationTags(ctx context.Context, orgIDs ...string) (map[string][]maillage.Tag, error) {
	return db.tagsOf(ctx, "organization_tags", "organization_id", orgIDs)
}

// CommunityTags returns the tags of the given communities.
func (db *DB) CommunityTags(ctx context.Context, communityIDs ...string) (map[string][]maillage.Tag, error) {
	return db.tagsOf(ctx, "community_tags", "community_id", communityIDs)
}

// AddTagSynonym records another label for a tag (curated taxonomy).
func (tx *Tx) AddTagSynonym(ctx context.Context, tagID, label, lang string) error {
	label = maillage.CleanTagLabel(label)
	_, err := tx.exec(ctx, `INSERT INTO tag_synonyms (key, tag_id, label, lang) VALUES ($1, $2, $3, $4)`,
		fold.Key(label), tagID, label, lang)
	return err
}
