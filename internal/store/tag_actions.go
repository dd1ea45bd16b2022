package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
)

// TagSnapshot is the state of some tags before a curation action: their
// rows, synonyms, related pairs and old slugs. Undo puts it back.
type TagSnapshot struct {
	Tags      []maillage.Tag      `json:"tags,omitempty"`
	Synonyms  []snapshotSynonym   `json:"synonyms,omitempty"`
	Related   [][2]string         `json:"related,omitempty"`
	Redirects []snapshotRedirects `json:"redirects,omitempty"`
}

type snapshotSynonym struct {
	TagID string `json:"tag"`
	maillage.TagSynonym
}

type snapshotRedirects struct {
	Slug  string `json:"slug"`
	TagID string `json:"tag"`
}

// TagUndo is what undoing one curation action needs: the tags' state
// before it, the tags it created (removed again when unused), the uses
// and follows it moved, and a curator role it changed.
type TagUndo struct {
	Snapshot TagSnapshot     `json:"snapshot"`
	Created  []string        `json:"created,omitempty"`
	Uses     []TagUseMove    `json:"uses,omitempty"`
	Follows  []TagFollowMove `json:"follows,omitempty"`
	Curator  *CuratorChange  `json:"curator,omitempty"`
}

// CuratorChange is a curator role granted or removed.
type CuratorChange struct {
	UserID string `json:"user"`
	Was    bool   `json:"was"`
}

// Snapshot reads the state of the given tags, for a TagUndo.
func (tx *Tx) Snapshot(ctx context.Context, tagIDs ...string) (TagSnapshot, error) {
	var s TagSnapshot
	ids := uniqueStrings(tagIDs)
	if len(ids) == 0 {
		return s, nil
	}
	var a args
	in := a.list(ids)
	rows, err := tx.tx.QueryContext(ctx, `SELECT `+tagColumns+` FROM tags t WHERE t.id IN (`+in+`) ORDER BY t.id`, a...)
	if err != nil {
		return s, fmt.Errorf("snapshot: %w", mapError(err))
	}
	for rows.Next() {
		var t maillage.Tag
		dest, finish := tagDest(&t)
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return s, fmt.Errorf("snapshot: %w", mapError(err))
		}
		finish()
		s.Tags = append(s.Tags, t)
	}
	rows.Close()
	syn, err := tx.TagSynonyms(ctx, ids...)
	if err != nil {
		return s, err
	}
	for _, id := range ids {
		for _, sy := range syn[id] {
			s.Synonyms = append(s.Synonyms, snapshotSynonym{TagID: id, TagSynonym: sy})
		}
	}
	rows, err = tx.tx.QueryContext(ctx, `SELECT tag_id, related_id FROM tag_related WHERE tag_id IN (`+in+`) OR related_id IN (`+in+`)
		ORDER BY tag_id, related_id`, a...)
	if err != nil {
		return s, fmt.Errorf("snapshot: %w", mapError(err))
	}
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			rows.Close()
			return s, fmt.Errorf("snapshot: %w", mapError(err))
		}
		s.Related = append(s.Related, p)
	}
	rows.Close()
	rows, err = tx.tx.QueryContext(ctx, `SELECT slug, tag_id FROM tag_redirects WHERE tag_id IN (`+in+`) ORDER BY slug`, a...)
	if err != nil {
		return s, fmt.Errorf("snapshot: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var r snapshotRedirects
		if err := rows.Scan(&r.Slug, &r.TagID); err != nil {
			return s, fmt.Errorf("snapshot: %w", mapError(err))
		}
		s.Redirects = append(s.Redirects, r)
	}
	return s, rows.Err()
}

func uniqueStrings(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// errUndoConflict says a label the undo would give back is taken by a
// tag made since.
func errUndoConflict(label string) error {
	return (&maillage.Error{Code: maillage.CodeConflict, MessageID: "taxonomy.error.undo_label_taken"}).
		WithData(map[string]any{"Label": label})
}

// restore puts the snapshot's tags back as they were.
func (tx *Tx) restore(ctx context.Context, s TagSnapshot) error {
	if len(s.Tags) == 0 {
		return nil
	}
	ids := make([]string, len(s.Tags))
	inSet := map[string]bool{}
	for i, t := range s.Tags {
		ids[i] = t.ID
		inSet[t.ID] = true
	}
	var a args
	in := a.list(ids)
	for _, q := range []string{
		`DELETE FROM tag_synonyms WHERE tag_id IN (` + in + `)`,
		`DELETE FROM tag_related WHERE tag_id IN (` + in + `) OR related_id IN (` + in + `)`,
		`DELETE FROM tag_redirects WHERE tag_id IN (` + in + `)`,
		// Keys and slugs are set aside first, so tags that swap them
		// (a merge undone) never collide on the way.
		`UPDATE tags SET key = 'restoring:' || id, key_en = '', slug = 'restoring-' || id WHERE id IN (` + in + `)`,
	} {
		if _, err := tx.exec(ctx, q, a...); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
	}
	taken := func(key, label string) error {
		if key == "" || strings.Contains(key, ":") {
			return nil
		}
		owner, err := tx.TagByKey(ctx, key)
		if maillage.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if !inSet[owner.ID] {
			return errUndoConflict(label)
		}
		return nil
	}
	for _, t := range s.Tags {
		if err := taken(t.Key, t.Label); err != nil {
			return err
		}
		keyEn := ""
		if t.LabelEn != "" && t.MergedInto == "" {
			keyEn = TagKey(t.LabelEn)
			if err := taken(keyEn, t.LabelEn); err != nil {
				return err
			}
		}
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tags WHERE slug = $1`, t.Slug).Scan(&n); err != nil {
			return mapError(err)
		}
		if n > 0 {
			return errUndoConflict(t.Label)
		}
		res, err := tx.exec(ctx, `UPDATE tags SET label = $1, key = $2, label_en = $3, key_en = $4, slug = $5, kind = $6,
			parent_id = $7, merged_into_id = $8, definition = $9, definition_en = $10, term_note_id = $11, deprecated = $12,
			reviewed_at = $13 WHERE id = $14`,
			t.Label, t.Key, t.LabelEn, keyEn, t.Slug, string(t.Kind), nullString(t.ParentID), nullString(t.MergedInto),
			t.Definition, t.DefinitionEn, t.TermNoteID, t.Deprecated, t.ReviewedAt, t.ID)
		if err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return maillage.ErrNotFound
		}
	}
	for _, sy := range s.Synonyms {
		if err := taken(sy.Key, sy.Label); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO tag_synonyms (key, tag_id, label, lang, slug) VALUES ($1, $2, $3, $4, $5)`,
			sy.Key, sy.TagID, sy.Label, sy.Lang, sy.Slug); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
	}
	for _, p := range s.Related {
		if _, err := tx.exec(ctx, `INSERT INTO tag_related (tag_id, related_id) SELECT $1, $2
			WHERE EXISTS (SELECT 1 FROM tags WHERE id = $1) AND EXISTS (SELECT 1 FROM tags WHERE id = $2) ON CONFLICT DO NOTHING`,
			p[0], p[1]); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
	}
	for _, r := range s.Redirects {
		if err := tx.AddTagRedirect(ctx, r.Slug, r.TagID); err != nil {
			return err
		}
	}
	return nil
}

// LogTagAction records a curation action with what undoing it needs
// (nil: it cannot be undone) and the tags it touched. It sets a's ID,
// sequence number and time.
func (tx *Tx) LogTagAction(ctx context.Context, a *maillage.TagAction, undo *TagUndo) error {
	seq, err := tx.BumpTaxonomy(ctx)
	if err != nil {
		return err
	}
	a.ID, a.Seq, a.CreatedAt = auth.NewID(), seq, tx.now
	data := ""
	if undo != nil {
		b, err := json.Marshal(undo)
		if err != nil {
			return fmt.Errorf("log tag action: %w", err)
		}
		data = string(b)
	}
	a.Undoable = undo != nil
	if _, err := tx.exec(ctx, `INSERT INTO tag_actions (id, seq, batch_id, actor_id, kind, summary, undo, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		a.ID, a.Seq, a.BatchID, nullString(a.ActorID), string(a.Kind), a.Summary, data, a.CreatedAt); err != nil {
		return fmt.Errorf("log tag action: %w", err)
	}
	a.TagIDs = uniqueStrings(a.TagIDs)
	for _, id := range a.TagIDs {
		if _, err := tx.exec(ctx, `INSERT INTO tag_action_tags (action_id, tag_id) VALUES ($1, $2)`, a.ID, id); err != nil {
			return fmt.Errorf("log tag action: %w", err)
		}
	}
	return nil
}

const tagActionColumns = `a.id, a.seq, a.batch_id, a.actor_id, COALESCE(u.name, ''), a.kind, a.summary, a.undo <> '',
	a.created_at, a.undone_at, a.undone_by`

const tagActionFrom = `tag_actions a LEFT JOIN users u ON u.id = a.actor_id`

func scanTagAction(row rowScanner) (*maillage.TagAction, error) {
	var a maillage.TagAction
	var actor, undoneBy sql.NullString
	var kind string
	var undone sql.NullTime
	if err := row.Scan(&a.ID, &a.Seq, &a.BatchID, &actor, &a.ActorName, &kind, &a.Summary, &a.Undoable,
		&a.CreatedAt, &undone, &undoneBy); err != nil {
		return nil, mapError(err)
	}
	a.ActorID, a.Kind, a.UndoneBy = actor.String, maillage.TagActionKind(kind), undoneBy.String
	a.CreatedAt, a.UndoneAt = a.CreatedAt.UTC(), nullTime(undone)
	return &a, nil
}

// TagActions lists the curation log, newest first, with its total.
func (db *DB) TagActions(ctx context.Context, f TagActionFilter) ([]maillage.TagAction, int, error) {
	var a args
	where := []string{"TRUE"}
	if f.TagID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM tag_action_tags x WHERE x.action_id = a.id AND x.tag_id = "+a.add(f.TagID)+")")
	}
	if f.BatchID != "" {
		where = append(where, "a.batch_id = "+a.add(f.BatchID))
	}
	return listPage(ctx, db, a, tagActionFrom, strings.Join(where, " AND "), tagActionColumns, "a.seq DESC", f.Limit, f.Offset, scanTagAction)
}

// TagAction returns one entry of the log with the tags it touched and its
// undo data (nil when it cannot be undone), inside a write transaction.
func (tx *Tx) TagAction(ctx context.Context, id string) (*maillage.TagAction, *TagUndo, error) {
	a, err := scanTagAction(tx.tx.QueryRowContext(ctx, `SELECT `+tagActionColumns+` FROM `+tagActionFrom+` WHERE a.id = $1`, id))
	if err != nil {
		return nil, nil, err
	}
	var data string
	if err := tx.tx.QueryRowContext(ctx, `SELECT undo FROM tag_actions WHERE id = $1`, id).Scan(&data); err != nil {
		return nil, nil, mapError(err)
	}
	rows, err := tx.tx.QueryContext(ctx, `SELECT tag_id FROM tag_action_tags WHERE action_id = $1 ORDER BY tag_id`, id)
	if err != nil {
		return nil, nil, mapError(err)
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return nil, nil, mapError(err)
		}
		a.TagIDs = append(a.TagIDs, t)
	}
	rows.Close()
	if data == "" {
		return a, nil, nil
	}
	var u TagUndo
	if err := json.Unmarshal([]byte(data), &u); err != nil {
		return nil, nil, fmt.Errorf("tag action %s: %w", id, err)
	}
	return a, &u, nil
}

// LaterTagActions lists the actions after seq, not undone and not undos
// themselves, that touched any of the tags: undoing an action waits for
// these to be undone first.
func (tx *Tx) LaterTagActions(ctx context.Context, seq int64, tagIDs []string) ([]maillage.TagAction, error) {
	if len(tagIDs) == 0 {
		return nil, nil
	}
	var a args
	rows, err := tx.tx.QueryContext(ctx, `SELECT `+tagActionColumns+` FROM `+tagActionFrom+` WHERE a.seq > `+a.add(seq)+`
		AND a.undone_at IS NULL AND a.kind <> 'undo'
		AND EXISTS (SELECT 1 FROM tag_action_tags x WHERE x.action_id = a.id AND x.tag_id IN (`+a.list(tagIDs)+`))
		ORDER BY a.seq DESC`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.TagAction
	for rows.Next() {
		ta, err := scanTagAction(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *ta)
	}
	return out, rows.Err()
}

// UndoTagAction applies an action's undo data: uses and follows move back,
// tags it created go (when unused), the tags' state is put back, and the
// entry is marked undone by userID. The service checked that no later
// action touched the same tags.
func (tx *Tx) UndoTagAction(ctx context.Context, id, userID string, u *TagUndo) error {
	if err := tx.undoUseMoves(ctx, u.Uses); err != nil {
		return err
	}
	if err := tx.undoFollowMoves(ctx, u.Follows); err != nil {
		return err
	}
	for i := len(u.Created) - 1; i >= 0; i-- {
		c := u.Created[i]
		unused, err := tx.TagIsUnused(ctx, c)
		if err != nil {
			return err
		}
		if !unused {
			t, err := tx.Tag(ctx, c)
			if err != nil {
				return err
			}
			return (&maillage.Error{Code: maillage.CodeConflict, MessageID: "taxonomy.error.undo_in_use"}).
				WithData(map[string]any{"Label": t.Label})
		}
		if err := tx.DeleteTag(ctx, c); err != nil {
			return err
		}
	}
	if err := tx.restore(ctx, u.Snapshot); err != nil {
		return err
	}
	if u.Curator != nil {
		if err := tx.SetCurator(ctx, u.Curator.UserID, u.Curator.Was); err != nil && !maillage.IsNotFound(err) {
			return err
		}
	}
	res, err := tx.exec(ctx, `UPDATE tag_actions SET undone_at = $1, undone_by = $2 WHERE id = $3 AND undone_at IS NULL`,
		tx.now, nullString(userID), id)
	if err != nil {
		return fmt.Errorf("undo: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrConflict
	}
	_, err = tx.BumpTaxonomy(ctx)
	return err
}

// TagActionTags returns the tags each of the given actions touched.
func (db *DB) TagActionTags(ctx context.Context, actionIDs ...string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(actionIDs) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT action_id, tag_id FROM tag_action_tags WHERE action_id IN (`+a.list(actionIDs)+`)
		ORDER BY action_id, tag_id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var action, tag string
		if err := rows.Scan(&action, &tag); err != nil {
			return nil, mapError(err)
		}
		out[action] = append(out[action], tag)
	}
	return out, rows.Err()
}

// LiveTagIDs maps tag IDs to the tags that answer for them now: a tag
// merged publicly to the tag it was merged into, any other to itself;
// deleted tags are left out.
func (db *DB) LiveTagIDs(ctx context.Context, ids ...string) (map[string]string, error) {
	out := map[string]string{}
	ids = uniqueStrings(ids)
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT id, slug, merged_into_id FROM tags WHERE id IN (`+a.list(ids)+`)`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	merged := map[string]bool{}
	for rows.Next() {
		var id, slug string
		var into sql.NullString
		if err := rows.Scan(&id, &slug, &into); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		out[id] = id
		// A tag merged without a public trace stands for itself (no one
		// but its author sees it any more); another is the tag it became.
		if into.Valid && !strings.HasPrefix(slug, MergedSlugPrefix) {
			merged[id] = true
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, mapError(err)
	}
	for id := range merged {
		t, err := tagByID(ctx, db.r(), id)
		if err != nil {
			return nil, err
		}
		if t, err = followMerges(ctx, db.r(), t); err != nil {
			return nil, err
		}
		out[id] = t.ID
	}
	return out, nil
}

// TagActionFilter selects entries of the curation log (see maillage.TagActionFilter).
type TagActionFilter = maillage.TagActionFilter
