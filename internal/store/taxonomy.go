package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// CuratedTaxonomy returns every live curated tag with its parent's slug,
// synonyms and related tags' slugs, sorted by slug: the whole taxonomy,
// for export.
func (db *DB) CuratedTaxonomy(ctx context.Context) ([]maillage.TaxonomyTag, error) {
	rows, err := db.query(ctx, `SELECT `+tagColumns+`, COALESCE(p.slug, '') FROM tags t LEFT JOIN tags p ON p.id = t.parent_id
		WHERE t.kind = 'curated' AND t.merged_into_id IS NULL ORDER BY t.slug`)
	if err != nil {
		return nil, mapError(err)
	}
	var out []maillage.TaxonomyTag
	var ids []string
	for rows.Next() {
		var tt maillage.TaxonomyTag
		dest, finish := tagDest(&tt.Tag)
		if err := rows.Scan(append(dest, &tt.ParentSlug)...); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		finish()
		out = append(out, tt)
		ids = append(ids, tt.ID)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, mapError(err)
	}
	syn, err := db.allSynonyms(ctx)
	if err != nil {
		return nil, err
	}
	rel, err := db.allRelated(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Synonyms = syn[out[i].ID]
		out[i].Related = rel[out[i].ID]
	}
	return out, nil
}

func (db *DB) allSynonyms(ctx context.Context) (map[string][]maillage.TagSynonym, error) {
	rows, err := db.query(ctx, `SELECT tag_id, key, label, lang, slug FROM tag_synonyms ORDER BY tag_id, key`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[string][]maillage.TagSynonym{}
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

// allRelated maps each tag to the slugs of its related tags, sorted.
func (db *DB) allRelated(ctx context.Context) (map[string][]string, error) {
	rows, err := db.query(ctx, `SELECT r.tag_id, b.slug FROM tag_related r JOIN tags b ON b.id = r.related_id
		UNION ALL SELECT r.related_id, a.slug FROM tag_related r JOIN tags a ON a.id = r.tag_id ORDER BY 2`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var id, slug string
		if err := rows.Scan(&id, &slug); err != nil {
			return nil, mapError(err)
		}
		out[id] = append(out[id], slug)
	}
	return out, rows.Err()
}

// TagIndexEntry is a live tag as the autocomplete index holds it: the
// keys it answers to and its uses by anyone (to rank free tags before
// the viewer's own count is taken).
type TagIndexEntry struct {
	Tag  maillage.Tag
	Keys []string
	Uses int
}

// TagIndexEntries reads every live tag with its keys, for the in-memory
// autocomplete index.
func (db *DB) TagIndexEntries(ctx context.Context) ([]TagIndexEntry, error) {
	var parts []string
	for _, ut := range tagUseTables() {
		parts = append(parts, `SELECT tag_id FROM `+ut.table)
	}
	rows, err := db.query(ctx, `SELECT t.id, t.slug, t.key, t.key_en, t.label, t.label_en, t.kind, t.deprecated, t.created_by,
		COALESCE(u.n, 0) FROM tags t LEFT JOIN (SELECT tag_id, COUNT(*) AS n FROM (`+joinUnion(parts)+`) x GROUP BY tag_id) u
		ON u.tag_id = t.id WHERE t.merged_into_id IS NULL ORDER BY t.id`)
	if err != nil {
		return nil, mapError(err)
	}
	var out []TagIndexEntry
	pos := map[string]int{}
	for rows.Next() {
		var e TagIndexEntry
		var keyEn, kind string
		var by sql.NullString
		if err := rows.Scan(&e.Tag.ID, &e.Tag.Slug, &e.Tag.Key, &keyEn, &e.Tag.Label, &e.Tag.LabelEn, &kind, &e.Tag.Deprecated,
			&by, &e.Uses); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		e.Tag.Kind, e.Tag.CreatedBy = maillage.TagKind(kind), by.String
		e.Keys = []string{e.Tag.Key}
		if keyEn != "" && keyEn != e.Tag.Key {
			e.Keys = append(e.Keys, keyEn)
		}
		pos[e.Tag.ID] = len(out)
		out = append(out, e)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, mapError(err)
	}
	rows, err = db.query(ctx, `SELECT tag_id, key FROM tag_synonyms`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, mapError(err)
		}
		if i, ok := pos[id]; ok {
			out[i].Keys = append(out[i].Keys, key)
		}
	}
	return out, rows.Err()
}

// TagVisibility is what the viewer may know of one tag: its uses they may
// see, and whether the tag exists for them (maillage.CanViewTag).
type TagVisibility struct {
	Uses    int
	Visible bool
}

// TagsVisibility decides CanViewTag for the given tags and counts the
// uses the viewer may see, in one query.
func (db *DB) TagsVisibility(ctx context.Context, v maillage.Viewer, ids []string) (map[string]TagVisibility, error) {
	out := map[string]TagVisibility{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	uses := tagUsesSQL(v, &a)
	rows, err := db.query(ctx, `SELECT t.id, t.kind, t.created_by, `+uses+` FROM tags t WHERE t.id IN (`+a.list(ids)+`)`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, kind string
		var by sql.NullString
		var n int
		if err := rows.Scan(&id, &kind, &by, &n); err != nil {
			return nil, mapError(err)
		}
		out[id] = TagVisibility{Uses: n, Visible: maillage.CanViewTag(v,
			maillage.TagAccess{Curated: kind == string(maillage.TagCurated), CreatedBy: by.String, VisibleUses: n})}
	}
	return out, rows.Err()
}

// Tags lists live tags the viewer may see (maillage.CanViewTag), with
// the uses they may see, and the total under the same filter.
func (db *DB) Tags(ctx context.Context, v maillage.Viewer, f TagListFilter) ([]maillage.Tag, int, error) {
	var a args
	where := []string{"t.merged_into_id IS NULL", tagVisibleSQL(v, &a)}
	if q := TagKey(f.Query); q != "" {
		p := a.add(likePrefix(q))
		mid := a.add(likeContains(" " + q))
		where = append(where, `(t.key LIKE `+p+` ESCAPE '\' OR t.key LIKE `+mid+` ESCAPE '\' OR t.key_en LIKE `+p+` ESCAPE '\'
			OR EXISTS (SELECT 1 FROM tag_synonyms s WHERE s.tag_id = t.id AND s.key LIKE `+p+` ESCAPE '\'))`)
	}
	if f.Kind != "" {
		where = append(where, "t.kind = "+a.add(string(f.Kind)))
	}
	if f.Review {
		where = append(where, "t.kind = 'free' AND t.reviewed_at IS NULL")
	}
	switch {
	case f.Deprecated:
		where = append(where, "t.deprecated")
	case !f.All:
		where = append(where, "NOT t.deprecated")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM tags t WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	uses := tagUsesSQL(v, &a)
	order := "t.created_at DESC, t.id DESC"
	switch f.Sort {
	case "uses":
		order = "uses DESC, t.key"
	case "label":
		order = "t.key"
	}
	rows, err := db.query(ctx, `SELECT `+tagColumns+`, `+uses+` AS uses FROM tags t WHERE `+cond+` ORDER BY `+order+
		` LIMIT `+a.add(limit(f.Limit))+` OFFSET `+a.add(f.Offset), a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Tag
	for rows.Next() {
		var t maillage.Tag
		dest, finish := tagDest(&t)
		if err := rows.Scan(append(dest, &t.Uses)...); err != nil {
			return nil, 0, mapError(err)
		}
		finish()
		out = append(out, t)
	}
	return out, total, rows.Err()
}

// rekeyTags recomputes the keys and synonym slugs of tags stored before
// keys folded punctuation (fold.TagKey). A tag whose new key another tag
// already holds keeps its old key: curators see both and merge them.
// It runs after the migrations and does nothing once keys are current.
func (db *DB) rekeyTags(ctx context.Context) error {
	type row struct{ id, key, label, keyEn, labelEn string }
	read := func(q string) ([]row, error) {
		rows, err := db.read.QueryContext(ctx, q)
		if err != nil {
			return nil, mapError(err)
		}
		defer rows.Close()
		var out []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.key, &r.label, &r.keyEn, &r.labelEn); err != nil {
				return nil, mapError(err)
			}
			out = append(out, r)
		}
		return out, rows.Err()
	}
	tags, err := read(`SELECT id, key, label, key_en, label_en FROM tags WHERE merged_into_id IS NULL`)
	if err != nil {
		return fmt.Errorf("rekey tags: %w", err)
	}
	syns, err := read(`SELECT tag_id, key, label, slug, '' FROM tag_synonyms`)
	if err != nil {
		return fmt.Errorf("rekey tags: %w", err)
	}
	var stale []row
	for _, r := range tags {
		if TagKey(r.label) != r.key || (r.labelEn != "" && TagKey(r.labelEn) != r.keyEn) {
			stale = append(stale, r)
		}
	}
	var staleSyn []row
	for _, r := range syns {
		// keyEn holds the synonym's slug here.
		if TagKey(r.label) != r.key || fold.Slug(r.label) != r.keyEn {
			staleSyn = append(staleSyn, r)
		}
	}
	if len(stale) == 0 && len(staleSyn) == 0 {
		return nil
	}
	return db.Update(ctx, func(tx *Tx) error {
		for _, r := range stale {
			key := TagKey(r.label)
			if owner, err := tx.TagByKey(ctx, key); err == nil && owner.ID != r.id {
				continue
			}
			keyEn := ""
			if r.labelEn != "" {
				keyEn = TagKey(r.labelEn)
			}
			if _, err := tx.exec(ctx, `UPDATE tags SET key = $1, key_en = $2 WHERE id = $3`, key, keyEn, r.id); err != nil {
				return fmt.Errorf("rekey tags: %w", err)
			}
		}
		for _, r := range staleSyn {
			key := TagKey(r.label)
			if owner, err := tx.TagByKey(ctx, key); err == nil && owner.ID != r.id {
				continue
			}
			if _, err := tx.exec(ctx, `UPDATE tag_synonyms SET key = $1, slug = $2 WHERE key = $3`, key, fold.Slug(r.label), r.key); err != nil {
				return fmt.Errorf("rekey tags: %w", err)
			}
		}
		_, err := tx.BumpTaxonomy(ctx)
		return err
	})
}

// Analyze refreshes the query planner's statistics. A live database has
// them (PostgreSQL's autovacuum, SQLite's optimize on close); after a
// bulk load, or in a benchmark's fresh one, planners otherwise guess.
func (db *DB) Analyze(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", mapError(err))
	}
	return nil
}

// TagListFilter selects tags for curators (see maillage.TagListFilter).
type TagListFilter = maillage.TagListFilter
