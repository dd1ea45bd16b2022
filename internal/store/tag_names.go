package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// mergedKeyPrefix sets a merged tag's key apart: tag keys never hold ":"
// (see fold.TagKey), so the old key is free to live on as a synonym.
const mergedKeyPrefix = "merged:"

// BumpTaxonomy raises the taxonomy's version and returns the new one.
// Every new tag and curation action calls it inside its transaction, so
// in-memory indexes know when to reload and curation actions are ordered
// (and serialised by the row's lock on PostgreSQL).
func (tx *Tx) BumpTaxonomy(ctx context.Context) (int64, error) {
	var v int64
	err := tx.tx.QueryRowContext(ctx, `UPDATE taxonomy_state SET version = version + 1 WHERE id = 1 RETURNING version`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("taxonomy version: %w", mapError(err))
	}
	return v, nil
}

// TaxonomyVersion returns the taxonomy's current version.
func (db *DB) TaxonomyVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.queryRow(ctx, `SELECT version FROM taxonomy_state WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("taxonomy version: %w", mapError(err))
	}
	return v, nil
}

// TagByKey returns, inside a write transaction, the live tag a folded key
// names in any way (label, English label, synonym), or not found.
func (tx *Tx) TagByKey(ctx context.Context, key string) (*maillage.Tag, error) {
	return tagByKey(ctx, tx.q(), key)
}

// InsertTag stores a new tag (curated or free) with its key and slug
// computed from its label. The caller checked that its keys are free.
func (tx *Tx) InsertTag(ctx context.Context, t *maillage.Tag) error { return tx.insertTag(ctx, t) }

// FreeTagSlug returns the slug of label, numbered if another tag than
// exceptID holds it.
func (tx *Tx) FreeTagSlug(ctx context.Context, label, exceptID string) (string, error) {
	return tx.freeSlug(ctx, fold.Slug(label), exceptID)
}

// UpdateTag writes every editable column of a live tag from t: labels
// (their keys are derived here), slug, kind, parent, definitions, term
// note, deprecation and review. A key another tag holds is a conflict.
func (tx *Tx) UpdateTag(ctx context.Context, t *maillage.Tag) error {
	t.Key = TagKey(t.Label)
	keyEn := ""
	if t.LabelEn != "" {
		keyEn = TagKey(t.LabelEn)
	}
	res, err := tx.exec(ctx, `UPDATE tags SET label = $1, key = $2, label_en = $3, key_en = $4, slug = $5, kind = $6,
		parent_id = $7, definition = $8, definition_en = $9, term_note_id = $10, deprecated = $11, reviewed_at = $12
		WHERE id = $13 AND merged_into_id IS NULL`,
		t.Label, t.Key, t.LabelEn, keyEn, t.Slug, string(t.Kind), nullString(t.ParentID), t.Definition, t.DefinitionEn,
		t.TermNoteID, t.Deprecated, t.ReviewedAt, t.ID)
	if err != nil {
		return fmt.Errorf("update tag: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// AddTagRedirect makes an old slug answer with the tag's page.
func (tx *Tx) AddTagRedirect(ctx context.Context, slug, tagID string) error {
	_, err := tx.exec(ctx, `INSERT INTO tag_redirects (slug, tag_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (slug) DO UPDATE SET tag_id = excluded.tag_id`, slug, tagID, tx.now)
	if err != nil {
		return fmt.Errorf("tag redirect: %w", err)
	}
	return nil
}

// synonymLang keeps a synonym's language to the ones the taxonomy speaks.
func synonymLang(lang string) string {
	switch l := strings.ToLower(lang); {
	case l == "fr" || strings.HasPrefix(l, "fr-"):
		return "fr"
	case l == "en" || strings.HasPrefix(l, "en-"):
		return "en"
	}
	return ""
}

// AddTagSynonym records another label for a tag. The caller checked that
// no other tag holds its key; a key already stored is a conflict.
func (tx *Tx) AddTagSynonym(ctx context.Context, tagID, label, lang string) error {
	label = maillage.CleanTagLabel(label)
	_, err := tx.exec(ctx, `INSERT INTO tag_synonyms (key, tag_id, label, lang, slug) VALUES ($1, $2, $3, $4, $5)`,
		TagKey(label), tagID, label, synonymLang(lang), fold.Slug(label))
	if err != nil {
		return fmt.Errorf("add synonym: %w", err)
	}
	return nil
}

// RemoveTagSynonym removes one of a tag's synonyms by key.
func (tx *Tx) RemoveTagSynonym(ctx context.Context, tagID, key string) error {
	res, err := tx.exec(ctx, `DELETE FROM tag_synonyms WHERE tag_id = $1 AND key = $2`, tagID, key)
	if err != nil {
		return fmt.Errorf("remove synonym: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// TagSynonyms returns the synonyms of the given tags, by tag, sorted.
func (db *DB) TagSynonyms(ctx context.Context, tagIDs ...string) (map[string][]maillage.TagSynonym, error) {
	return tagSynonyms(ctx, db.r(), tagIDs)
}

// TagSynonyms reads synonyms inside a write transaction.
func (tx *Tx) TagSynonyms(ctx context.Context, tagIDs ...string) (map[string][]maillage.TagSynonym, error) {
	return tagSynonyms(ctx, tx.q(), tagIDs)
}

func tagSynonyms(ctx context.Context, q querier, tagIDs []string) (map[string][]maillage.TagSynonym, error) {
	out := map[string][]maillage.TagSynonym{}
	if len(tagIDs) == 0 {
		return out, nil
	}
	var a args
	rows, err := q.QueryContext(ctx, `SELECT tag_id, key, label, lang, slug FROM tag_synonyms
		WHERE tag_id IN (`+a.list(tagIDs)+`) ORDER BY tag_id, key`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var s maillage.TagSynonym
		if err := rows.Scan(&id, &s.Key, &s.Label, &s.Lang, &s.Slug); err != nil {
			return nil, mapError(err)
		}
		out[id] = append(out[id], s)
	}
	return out, rows.Err()
}

// relatedPair orders two tag IDs as tag_related stores them.
func relatedPair(a, b string) (string, string) {
	if a < b {
		return a, b
	}
	return b, a
}

// SetTagRelated makes the tags related to tagID exactly relatedIDs
// (relations are symmetric).
func (tx *Tx) SetTagRelated(ctx context.Context, tagID string, relatedIDs []string) error {
	if _, err := tx.exec(ctx, `DELETE FROM tag_related WHERE tag_id = $1 OR related_id = $1`, tagID); err != nil {
		return fmt.Errorf("related tags: %w", err)
	}
	for _, r := range relatedIDs {
		if r == tagID {
			continue
		}
		a, b := relatedPair(tagID, r)
		if _, err := tx.exec(ctx, `INSERT INTO tag_related (tag_id, related_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, a, b); err != nil {
			return fmt.Errorf("related tags: %w", err)
		}
	}
	return nil
}

// TagRelated returns the tags related to each of the given tags.
func (db *DB) TagRelated(ctx context.Context, tagIDs ...string) (map[string][]maillage.Tag, error) {
	return tagRelated(ctx, db.r(), tagIDs)
}

// TagRelated reads related tags inside a write transaction.
func (tx *Tx) TagRelated(ctx context.Context, tagIDs ...string) (map[string][]maillage.Tag, error) {
	return tagRelated(ctx, tx.q(), tagIDs)
}

func tagRelated(ctx context.Context, q querier, tagIDs []string) (map[string][]maillage.Tag, error) {
	out := map[string][]maillage.Tag{}
	if len(tagIDs) == 0 {
		return out, nil
	}
	var a args
	in := a.list(tagIDs)
	rows, err := q.QueryContext(ctx, `SELECT r.tag_id AS src, `+tagColumns+` FROM tag_related r JOIN tags t ON t.id = r.related_id WHERE r.tag_id IN (`+in+`)
		UNION ALL SELECT r.related_id AS src, `+tagColumns+` FROM tag_related r JOIN tags t ON t.id = r.tag_id WHERE r.related_id IN (`+in+`)`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var src string
		var t maillage.Tag
		dest, finish := tagDest(&t)
		if err := rows.Scan(append([]any{&src}, dest...)...); err != nil {
			return nil, mapError(err)
		}
		finish()
		out[src] = append(out[src], t)
	}
	return out, rows.Err()
}

// TagChildren returns the live tags whose parent is one of parentIDs, by
// parent, sorted by key.
func (db *DB) TagChildren(ctx context.Context, parentIDs ...string) (map[string][]maillage.Tag, error) {
	out := map[string][]maillage.Tag{}
	if len(parentIDs) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.parent_id IN (`+a.list(parentIDs)+`)
		AND t.merged_into_id IS NULL ORDER BY t.key`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var t maillage.Tag
		dest, finish := tagDest(&t)
		if err := rows.Scan(dest...); err != nil {
			return nil, mapError(err)
		}
		finish()
		out[t.ParentID] = append(out[t.ParentID], t)
	}
	return out, rows.Err()
}

// TagDescendantIDs returns the IDs of the live tags below tagID, at any
// depth (bounded by maillage.MaxTagDepth levels and by cycles).
func (db *DB) TagDescendantIDs(ctx context.Context, tagID string) ([]string, error) {
	return tagDescendantIDs(ctx, db.r(), tagID)
}

// TagDescendantIDs reads descendants inside a write transaction.
func (tx *Tx) TagDescendantIDs(ctx context.Context, tagID string) ([]string, error) {
	return tagDescendantIDs(ctx, tx.q(), tagID)
}

func tagDescendantIDs(ctx context.Context, q querier, tagID string) ([]string, error) {
	var out []string
	seen := map[string]bool{tagID: true}
	level := []string{tagID}
	for depth := 0; len(level) > 0 && depth <= maillage.MaxTagDepth*2; depth++ {
		var a args
		rows, err := q.QueryContext(ctx, `SELECT id FROM tags WHERE parent_id IN (`+a.list(level)+`) AND merged_into_id IS NULL`, a...)
		if err != nil {
			return nil, mapError(err)
		}
		var next []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, mapError(err)
			}
			if !seen[id] {
				seen[id] = true
				next = append(next, id)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, mapError(err)
		}
		out = append(out, next...)
		level = next
	}
	return out, nil
}

// TagAncestors returns the chain of parents of a tag, nearest first,
// stopping at a cycle.
func (db *DB) TagAncestors(ctx context.Context, tagID string) ([]maillage.Tag, error) {
	return tagAncestors(ctx, db.r(), tagID)
}

// TagAncestors reads ancestors inside a write transaction.
func (tx *Tx) TagAncestors(ctx context.Context, tagID string) ([]maillage.Tag, error) {
	return tagAncestors(ctx, tx.q(), tagID)
}

func tagAncestors(ctx context.Context, q querier, tagID string) ([]maillage.Tag, error) {
	t, err := tagByID(ctx, q, tagID)
	if err != nil {
		return nil, err
	}
	var out []maillage.Tag
	seen := map[string]bool{tagID: true}
	for t.ParentID != "" && !seen[t.ParentID] && len(out) < maillage.MaxTagDepth*2 {
		seen[t.ParentID] = true
		if t, err = tagByID(ctx, q, t.ParentID); err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, nil
}

// TagsByIDs returns the tags with these IDs, by ID.
func (db *DB) TagsByIDs(ctx context.Context, ids ...string) (map[string]maillage.Tag, error) {
	out := map[string]maillage.Tag{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.id IN (`+a.list(ids)+`)`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var t maillage.Tag
		dest, finish := tagDest(&t)
		if err := rows.Scan(dest...); err != nil {
			return nil, mapError(err)
		}
		finish()
		out[t.ID] = t
	}
	return out, rows.Err()
}

// tagAncestorsSQL selects the IDs of every tag above the tags the
// subquery selects (a recursive query, bounded by the hierarchy's depth
// so a cycle written by hand cannot run away).
func tagAncestorsSQL(tags string) string {
	return fmt.Sprintf(`WITH RECURSIVE anc (id, depth) AS (
		SELECT tp.parent_id, 1 FROM tags tp WHERE tp.id IN (%s) AND tp.parent_id IS NOT NULL
		UNION SELECT ta.parent_id, anc.depth + 1 FROM anc JOIN tags ta ON ta.id = anc.id
			WHERE ta.parent_id IS NOT NULL AND anc.depth < %d)
		SELECT id FROM anc`, tags, maillage.MaxTagDepth*2)
}
