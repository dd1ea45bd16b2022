package store

import (
	"context"
	"database/sql"
	"slices"

	"github.com/maillage/maillage/internal/maillage"
)

// tagText is what documents show of one tag.
type tagText struct {
	labels []string // label, English label, synonyms
	names  []string // label and English label only (what Broader shows)
	parent string
	// public: any visitor may see the tag whatever carries it (a curated
	// tag). Only such ancestors are shown in Broader: a document does not
	// carry its ancestors, so a free tag above it must not become findable
	// through it.
	public bool
}

// loadTags reads the given tags and their ancestors into the loader's
// cache (a chain is followed at most maillage.MaxTagDepth*2 levels).
func (l *docLoader) loadTags(ctx context.Context, ids []string) error {
	for depth := 0; depth <= maillage.MaxTagDepth*2; depth++ {
		var missing []string
		want := map[string]bool{}
		for _, id := range ids {
			if _, ok := l.tags[id]; !ok && id != "" && !want[id] {
				want[id] = true
				missing = append(missing, id)
			}
		}
		if len(missing) == 0 {
			return nil
		}
		var parents []string
		for start := 0; start < len(missing); start += searchChunk {
			chunk := missing[start:min(start+searchChunk, len(missing))]
			for _, id := range chunk {
				l.tags[id] = &tagText{} // a tag that no longer exists shows nothing
			}
			err := l.db.queryIn(ctx, `SELECT id, label, label_en, kind, parent_id FROM tags WHERE id IN (%s)`, chunk,
				func(rows *sql.Rows) error {
					var id, label, labelEn, kind string
					var parent sql.NullString
					if err := rows.Scan(&id, &label, &labelEn, &kind, &parent); err != nil {
						return err
					}
					t := l.tags[id]
					t.names = appendUnique(nil, label, labelEn)
					t.labels = append(t.labels, t.names...)
					t.parent = parent.String
					t.public = maillage.CanViewTag(maillage.Anonymous(), maillage.TagAccess{Curated: maillage.TagKind(kind) == maillage.TagCurated})
					if t.parent != "" {
						parents = append(parents, t.parent)
					}
					return nil
				})
			if err != nil {
				return err
			}
			syn, err := l.db.pairsIn(ctx, `SELECT tag_id, label FROM tag_synonyms WHERE tag_id IN (%s) ORDER BY tag_id, key`, chunk)
			if err != nil {
				return err
			}
			for id, labels := range syn {
				l.tags[id].labels = appendUnique(l.tags[id].labels, labels...)
			}
		}
		ids = parents
	}
	return nil
}

// tagFields returns what a document carrying tagIDs shows of them: Tags
// (labels in both languages and synonyms) and Broader (the labels in
// both languages of the public ancestors, not their synonyms). loadTags
// must have read them.
func (l *docLoader) tagFields(tagIDs []string) (tags, broader []string) {
	for _, id := range tagIDs {
		t := l.tags[id]
		if t == nil {
			continue
		}
		tags = appendUnique(tags, t.labels...)
		seen := map[string]bool{id: true}
		for p := t.parent; p != "" && !seen[p] && len(seen) <= maillage.MaxTagDepth*2; {
			seen[p] = true
			a := l.tags[p]
			if a == nil {
				break
			}
			if a.public {
				broader = appendUnique(broader, a.names...)
			}
			p = a.parent
		}
	}
	// A document carrying a tag and its ancestor shows the ancestor once,
	// as its own tag.
	broader = slices.DeleteFunc(broader, func(b string) bool { return slices.Contains(tags, b) })
	return tags, broader
}

// itemTags reads the tags of items from a join table (table and column
// come from this package, never from input), in a stable order, and
// loads them.
func (l *docLoader) itemTags(ctx context.Context, table, column string, ids []string) (map[string][]string, error) {
	byItem, err := l.db.pairsIn(ctx, `SELECT `+column+`, tag_id FROM `+table+` WHERE `+column+` IN (%s) ORDER BY `+column+`, tag_id`, ids)
	if err != nil {
		return nil, err
	}
	var all []string
	for _, tags := range byItem {
		all = append(all, tags...)
	}
	if err := l.loadTags(ctx, all); err != nil {
		return nil, err
	}
	return byItem, nil
}
