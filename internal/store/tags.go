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

const tagColumns = `t.id, t.slug, t.key, t.label, t.label_en, t.kind, t.parent_id, t.merged_into_id,
	t.definition, t.definition_en, t.term_note_id, t.deprecated, t.reviewed_at, t.created_at, t.created_by`

// tagDest returns the scan destinations of tagColumns for t; finish
// completes t once scanned.
func tagDest(t *maillage.Tag) (dest []any, finish func()) {
	var kind string
	var parent, merged, by sql.NullString
	var reviewed sql.NullTime
	dest = []any{&t.ID, &t.Slug, &t.Key, &t.Label, &t.LabelEn, &kind, &parent, &merged,
		&t.Definition, &t.DefinitionEn, &t.TermNoteID, &t.Deprecated, &reviewed, &t.CreatedAt, &by}
	return dest, func() {
		t.Kind, t.ParentID, t.MergedInto, t.CreatedBy = maillage.TagKind(kind), parent.String, merged.String, by.String
		t.ReviewedAt = nullTime(reviewed)
		t.CreatedAt = t.CreatedAt.UTC()
	}
}

func scanTag(row rowScanner) (*maillage.Tag, error) {
	var t maillage.Tag
	dest, finish := tagDest(&t)
	if err := row.Scan(dest...); err != nil {
		return nil, mapError(err)
	}
	finish()
	return &t, nil
}

// TagKey is the comparison key of a tag label (see fold.TagKey).
func TagKey(label string) string { return fold.TagKey(label) }

// EnsureTags returns the tags for the given labels, creating missing ones
// as free tags. Labels are matched by key (accents, case, spacing and
// punctuation ignored), by English label and through synonyms; a merged
// tag resolves to the tag it was merged into. Empty labels and repeats
// are dropped; order follows the input.
func (tx *Tx) EnsureTags(ctx context.Context, labels []string, createdBy string) ([]maillage.Tag, error) {
	var out []maillage.Tag
	seen := map[string]bool{}
	for _, raw := range labels {
		label := maillage.CleanTagLabel(raw)
		key := TagKey(label)
		if key == "" || fold.Slug(label) == "" {
			continue
		}
		t, err := tagByKey(ctx, tx.q(), key)
		if maillage.IsNotFound(err) {
			t = &maillage.Tag{Label: label, Kind: maillage.TagFree, CreatedBy: createdBy}
			err = tx.insertTag(ctx, t)
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

// tagByKey finds the live tag a key names, through its label, its English
// label or a synonym, following merges.
func tagByKey(ctx context.Context, q querier, key string) (*maillage.Tag, error) {
	if key == "" {
		return nil, maillage.ErrNotFound
	}
	t, err := scanTag(q.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.key = $1
		UNION ALL SELECT `+tagColumns+` FROM tags t WHERE t.key_en = $1
		UNION ALL SELECT `+tagColumns+` FROM tags t JOIN tag_synonyms s ON s.tag_id = t.id WHERE s.key = $1
		LIMIT 1`, key))
	if err != nil {
		return nil, err
	}
	return followMerges(ctx, q, t)
}

// followMerges returns the live tag t was merged into (t itself when it
// was not), bounded in case of a cycle written by hand.
func followMerges(ctx context.Context, q querier, t *maillage.Tag) (*maillage.Tag, error) {
	for i := 0; t.MergedInto != "" && i < 16; i++ {
		next, err := tagByID(ctx, q, t.MergedInto)
		if err != nil {
			return nil, err
		}
		t = next
	}
	return t, nil
}

func tagByID(ctx context.Context, q querier, id string) (*maillage.Tag, error) {
	return scanTag(q.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.id = $1`, id))
}

// insertTag stores a new tag: its ID, key, slug and creation time are
// set here. Two keys may share a slug ("C++" and "C"): later ones are
// numbered. A slug that redirects to another tag may be taken: the live
// tag answers first, and the redirect works again if the new tag goes
// (its creation undone).
func (tx *Tx) insertTag(ctx context.Context, t *maillage.Tag) error {
	t.ID, t.Key, t.CreatedAt = auth.NewID(), TagKey(t.Label), tx.now
	if t.Kind == "" {
		t.Kind = maillage.TagFree
	}
	slug, err := tx.freeSlug(ctx, fold.Slug(t.Label), "")
	if err != nil {
		return err
	}
	t.Slug = slug
	keyEn := ""
	if t.LabelEn != "" {
		keyEn = TagKey(t.LabelEn)
	}
	_, err = tx.exec(ctx, `INSERT INTO tags (id, slug, key, label, label_en, key_en, kind, parent_id, definition, definition_en,
		term_note_id, deprecated, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		t.ID, t.Slug, t.Key, t.Label, t.LabelEn, keyEn, string(t.Kind), nullString(t.ParentID), t.Definition, t.DefinitionEn,
		t.TermNoteID, t.Deprecated, nullString(t.CreatedBy), t.CreatedAt)
	if err != nil {
		return fmt.Errorf("create tag: %w", err)
	}
	_, err = tx.BumpTaxonomy(ctx)
	return err
}

// freeSlug returns base, or base-2, base-3 ... the first slug no tag
// other than exceptID holds.
func (tx *Tx) freeSlug(ctx context.Context, base, exceptID string) (string, error) {
	for i := 1; ; i++ {
		slug := base
		if i > 1 {
			slug = base + "-" + strconv.Itoa(i)
		}
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tags WHERE slug = $1 AND id <> $2`, slug, exceptID).Scan(&n); err != nil {
			return "", mapError(err)
		}
		if n == 0 {
			return slug, nil
		}
	}
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

// Tag returns a tag by ID (merged or not).
func (db *DB) Tag(ctx context.Context, id string) (*maillage.Tag, error) {
	return tagByID(ctx, db.r(), id)
}

// Tag reads a tag inside a write transaction.
func (tx *Tx) Tag(ctx context.Context, id string) (*maillage.Tag, error) {
	return tagByID(ctx, tx.q(), id)
}

// TagBySlug returns the tag whose current slug this is (a merged tag
// included: see ResolveTagSlug for redirects).
func (db *DB) TagBySlug(ctx context.Context, slug string) (*maillage.Tag, error) {
	return scanTag(db.queryRow(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.slug = $1`, slug))
}

// TagByLabel returns the live tag a label means (by key, English label or
// synonym, following merges), or not found.
func (db *DB) TagByLabel(ctx context.Context, label string) (*maillage.Tag, error) {
	return tagByKey(ctx, db.r(), TagKey(label))
}

// TagByLabel reads, inside a write transaction, the live tag a label means.
func (tx *Tx) TagByLabel(ctx context.Context, label string) (*maillage.Tag, error) {
	return tagByKey(ctx, tx.q(), TagKey(label))
}

// ResolveTagSlug returns the live tag a slug leads to, and whether the
// slug is an old one that should redirect: a merged tag's, a renamed
// tag's former slug or a synonym's.
func (db *DB) ResolveTagSlug(ctx context.Context, slug string) (*maillage.Tag, bool, error) {
	return resolveTagSlug(ctx, db.r(), slug)
}

// ResolveTagSlug is ResolveTagSlug inside a write transaction.
func (tx *Tx) ResolveTagSlug(ctx context.Context, slug string) (*maillage.Tag, bool, error) {
	return resolveTagSlug(ctx, tx.q(), slug)
}

func resolveTagSlug(ctx context.Context, q querier, slug string) (*maillage.Tag, bool, error) {
	if slug == "" {
		return nil, false, maillage.ErrNotFound
	}
	t, err := scanTag(q.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.slug = $1`, slug))
	if err == nil {
		live, err := followMerges(ctx, q, t)
		return live, live.ID != t.ID, err
	}
	if !maillage.IsNotFound(err) {
		return nil, false, err
	}
	t, err = scanTag(q.QueryRowContext(ctx, `SELECT `+tagColumns+` FROM tags t JOIN tag_redirects r ON r.tag_id = t.id WHERE r.slug = $1
		UNION ALL SELECT `+tagColumns+` FROM tags t JOIN tag_synonyms s ON s.tag_id = t.id WHERE s.slug = $1
		LIMIT 1`, slug))
	if err != nil {
		return nil, false, err
	}
	live, err := followMerges(ctx, q, t)
	return live, true, err
}

// tagUsesSQL counts what carries tag t and the viewer may see: profiles,
// organisations (a public directory) and communities, each through the
// policy's SQL mirror. CROSS JOIN keeps SQLite reading the tag's few uses
// first: left to itself it may walk every public note and look each one
// up (PostgreSQL plans it the same either way).
func tagUsesSQL(v maillage.Viewer, a *args) string {
	return `((SELECT COUNT(*) FROM user_interests ui CROSS JOIN users u
		WHERE u.id = ui.user_id AND ui.tag_id = t.id AND ` + profileVisibleSQL(v, "u", a) + `)
	+ (SELECT COUNT(*) FROM organization_tags ot WHERE ot.tag_id = t.id)
	+ (SELECT COUNT(*) FROM actor_tags at CROSS JOIN actors ac
		WHERE ac.id = at.actor_id AND at.tag_id = t.id AND ` + actorVisibleSQL(v, "ac", a) + `)
	+ (SELECT COUNT(*) FROM community_tags ct CROSS JOIN communities c
		WHERE c.id = ct.community_id AND ct.tag_id = t.id AND ` + communitySeeSQL(v, "c", a) + `)
	+ (SELECT COUNT(*) FROM note_tags nt CROSS JOIN notes n
		WHERE n.id = nt.note_id AND nt.tag_id = t.id AND ` + noteVisibleSQL(v, "n", a) + `))`
}

// tagVisibleSQL mirrors maillage.CanViewTag for tags aliased t.
func tagVisibleSQL(v maillage.Viewer, a *args) string {
	s := "(t.kind = 'curated' OR " + tagUsesSQL(v, a) + " > 0"
	if v.SignedIn() {
		s += " OR t.created_by = " + a.add(v.UserID)
	}
	return s + ")"
}

// AutocompleteTags suggests the tags the viewer may see whose label,
// English label or synonym starts with the typed text (accents, case and
// punctuation ignored), curated first, then by the uses the viewer may
// see. Deprecated and merged tags are left out. The service answers from
// an in-memory index; this is the plain SQL form, for small databases and
// to check the index against.
func (db *DB) AutocompleteTags(ctx context.Context, v maillage.Viewer, prefix string, n int) ([]maillage.Tag, error) {
	key := TagKey(prefix)
	if key == "" {
		return nil, nil
	}
	var a args
	uses := tagUsesSQL(v, &a)
	visible := tagVisibleSQL(v, &a)
	p := a.add(likePrefix(key))
	mid := a.add(likeContains(" " + key))
	rows, err := db.query(ctx, `SELECT `+tagColumns+`, `+uses+` AS uses FROM tags t
		WHERE t.merged_into_id IS NULL AND NOT t.deprecated AND `+visible+`
			AND (t.key LIKE `+p+` ESCAPE '\' OR t.key LIKE `+mid+` ESCAPE '\' OR t.key_en LIKE `+p+` ESCAPE '\'
			OR t.key_en LIKE `+mid+` ESCAPE '\'
			OR EXISTS (SELECT 1 FROM tag_synonyms s WHERE s.tag_id = t.id AND s.key LIKE `+p+` ESCAPE '\'))
		ORDER BY CASE WHEN t.kind = 'curated' THEN 0 ELSE 1 END, uses DESC, t.key LIMIT `+a.add(limit(n)), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Tag
	for rows.Next() {
		var t maillage.Tag
		dest, finish := tagDest(&t)
		if err := rows.Scan(append(dest, &t.Uses)...); err != nil {
			return nil, mapError(err)
		}
		finish()
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
