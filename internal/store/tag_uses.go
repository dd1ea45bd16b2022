package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/maillage/maillage/internal/maillage"
)

// tagUseTable is one join table of things carrying tags. Every curation
// action that moves uses walks tagUseTables, so a new kind of tagged
// thing (actor cards, meetings) is added here once and merges, splits
// and undos move its uses too.
type tagUseTable struct {
	kind   maillage.TagUseKind
	table  string // the join table
	column string // its subject column
	// subjects is the subject's own table, title its name column.
	subjects, title string
	// visible is the policy's filter on the subject row aliased s.
	visible func(v maillage.Viewer, s string, a *args) string
}

// tagUseTables lists the join tables of tagged things.
func tagUseTables() []tagUseTable {
	return []tagUseTable{
		{kind: maillage.TagUseUser, table: "user_interests", column: "user_id", subjects: "users", title: "name",
			visible: profileVisibleSQL},
		{kind: maillage.TagUseOrganization, table: "organization_tags", column: "organization_id", subjects: "organizations", title: "name",
			// The directory of organisations is public.
			visible: func(maillage.Viewer, string, *args) string { return "TRUE" }},
		{kind: maillage.TagUseActor, table: "actor_tags", column: "actor_id", subjects: "actors", title: "name",
			visible: actorVisibleSQL},
		{kind: maillage.TagUseCommunity, table: "community_tags", column: "community_id", subjects: "communities", title: "name",
			visible: communitySeeSQL},
		{kind: maillage.TagUseNote, table: "note_tags", column: "note_id", subjects: "notes", title: "title",
			visible: noteVisibleSQL},
		{kind: maillage.TagUseMeeting, table: "meeting_tags", column: "meeting_id", subjects: "meetings", title: "title",
			visible: meetingTagVisibleSQL},
	}
}

func tagUseTableOf(kind maillage.TagUseKind) (tagUseTable, bool) {
	for _, t := range tagUseTables() {
		if t.kind == kind {
			return t, true
		}
	}
	return tagUseTable{}, false
}

// TagUseMove records one use moved from a tag to another, so that undo
// can move it back: ToExisted says the subject already carried To.
type TagUseMove struct {
	Kind      maillage.TagUseKind `json:"kind"`
	SubjectID string              `json:"subject"`
	From      string              `json:"from"`
	To        string              `json:"to"`
	ToExisted bool                `json:"to_existed,omitempty"`
}

// MoveTagUses moves every use of tag from to tag to, in every table; a
// subject that carried both keeps one. It returns the moves made.
func (tx *Tx) MoveTagUses(ctx context.Context, from, to string) ([]TagUseMove, error) {
	var moves []TagUseMove
	for _, ut := range tagUseTables() {
		rows, err := tx.tx.QueryContext(ctx, `SELECT j.`+ut.column+`, EXISTS (SELECT 1 FROM `+ut.table+` k
			WHERE k.`+ut.column+` = j.`+ut.column+` AND k.tag_id = $2) FROM `+ut.table+` j WHERE j.tag_id = $1
			ORDER BY j.`+ut.column, from, to)
		if err != nil {
			return nil, fmt.Errorf("move tag uses: %w", mapError(err))
		}
		for rows.Next() {
			m := TagUseMove{Kind: ut.kind, From: from, To: to}
			if err := rows.Scan(&m.SubjectID, &m.ToExisted); err != nil {
				rows.Close()
				return nil, fmt.Errorf("move tag uses: %w", mapError(err))
			}
			moves = append(moves, m)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("move tag uses: %w", mapError(err))
		}
		if _, err := tx.exec(ctx, `INSERT INTO `+ut.table+` (`+ut.column+`, tag_id, created_at)
			SELECT `+ut.column+`, $2, created_at FROM `+ut.table+` WHERE tag_id = $1 ON CONFLICT DO NOTHING`, from, to); err != nil {
			return nil, fmt.Errorf("move tag uses: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM `+ut.table+` WHERE tag_id = $1`, from); err != nil {
			return nil, fmt.Errorf("move tag uses: %w", err)
		}
	}
	return moves, nil
}

// MoveTagUse moves one use (a subject's tag from) to tag to. A use that
// is not there is not found.
func (tx *Tx) MoveTagUse(ctx context.Context, kind maillage.TagUseKind, subjectID, from, to string) (TagUseMove, error) {
	ut, ok := tagUseTableOf(kind)
	if !ok {
		return TagUseMove{}, maillage.ErrNotFound
	}
	m := TagUseMove{Kind: kind, SubjectID: subjectID, From: from, To: to}
	var n int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+ut.table+` WHERE `+ut.column+` = $1 AND tag_id = $2`,
		subjectID, from).Scan(&n); err != nil {
		return m, fmt.Errorf("move tag use: %w", mapError(err))
	}
	if n == 0 {
		return m, maillage.ErrNotFound
	}
	if from == to {
		m.ToExisted = true
		return m, nil
	}
	if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+ut.table+` WHERE `+ut.column+` = $1 AND tag_id = $2`,
		subjectID, to).Scan(&n); err != nil {
		return m, fmt.Errorf("move tag use: %w", mapError(err))
	}
	m.ToExisted = n > 0
	if _, err := tx.exec(ctx, `INSERT INTO `+ut.table+` (`+ut.column+`, tag_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, subjectID, to, tx.now); err != nil {
		return m, fmt.Errorf("move tag use: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM `+ut.table+` WHERE `+ut.column+` = $1 AND tag_id = $2`, subjectID, from); err != nil {
		return m, fmt.Errorf("move tag use: %w", err)
	}
	return m, nil
}

// undoUseMoves moves uses back, latest first. A subject that no longer
// carries To (its owner removed the tag since) is left alone: undoing a
// curation action never brings back what a person took off.
func (tx *Tx) undoUseMoves(ctx context.Context, moves []TagUseMove) error {
	for i := len(moves) - 1; i >= 0; i-- {
		m := moves[i]
		ut, ok := tagUseTableOf(m.Kind)
		if !ok || m.From == m.To {
			continue
		}
		var n int
		if err := tx.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+ut.table+` WHERE `+ut.column+` = $1 AND tag_id = $2`,
			m.SubjectID, m.To).Scan(&n); err != nil {
			return fmt.Errorf("undo tag use: %w", mapError(err))
		}
		if n == 0 {
			continue
		}
		if _, err := tx.exec(ctx, `INSERT INTO `+ut.table+` (`+ut.column+`, tag_id, created_at) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, m.SubjectID, m.From, tx.now); err != nil {
			return fmt.Errorf("undo tag use: %w", err)
		}
		if !m.ToExisted {
			if _, err := tx.exec(ctx, `DELETE FROM `+ut.table+` WHERE `+ut.column+` = $1 AND tag_id = $2`, m.SubjectID, m.To); err != nil {
				return fmt.Errorf("undo tag use: %w", err)
			}
		}
	}
	return nil
}

// TagUses lists the uses of a tag that the viewer may see, with the
// subject's name or title, by kind then title, and their total.
func (db *DB) TagUses(ctx context.Context, v maillage.Viewer, tagID string, lim, offset int) ([]maillage.TagUse, int, error) {
	var a args
	id := a.add(tagID)
	var parts []string
	for i, ut := range tagUseTables() {
		// CROSS JOIN: the tag's uses first (see tagUsesSQL).
		parts = append(parts, fmt.Sprintf(`SELECT %d AS ord, '%s' AS kind, s.id AS sid, s.%s AS title FROM %s j CROSS JOIN %s s
			WHERE s.id = j.%s AND j.tag_id = %s AND %s`, i, ut.kind, ut.title, ut.table, ut.subjects, ut.column, id, ut.visible(v, "s", &a)))
	}
	union := joinUnion(parts)
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM (`+union+`) u`, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	l, o := a.add(limit(lim)), a.add(offset)
	rows, err := db.query(ctx, `SELECT kind, sid, title FROM (`+union+`) u ORDER BY ord, title, sid LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []maillage.TagUse
	for rows.Next() {
		var u maillage.TagUse
		var kind string
		if err := rows.Scan(&kind, &u.SubjectID, &u.Title); err != nil {
			return nil, 0, mapError(err)
		}
		u.Kind = maillage.TagUseKind(kind)
		out = append(out, u)
	}
	return out, total, rows.Err()
}

// joinUnion joins SELECTs with UNION ALL.
func joinUnion(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += " UNION ALL "
		}
		s += p
	}
	return s
}

// AllTagUses lists every use of the given tags, whoever may see them, by
// tag: for checks (a curation action must never lose a use), never for
// pages.
func (tx *Tx) AllTagUses(ctx context.Context, tagIDs ...string) (map[string][]maillage.TagUse, error) {
	out := map[string][]maillage.TagUse{}
	if len(tagIDs) == 0 {
		return out, nil
	}
	for _, ut := range tagUseTables() {
		var a args
		rows, err := tx.tx.QueryContext(ctx, `SELECT tag_id, `+ut.column+` FROM `+ut.table+` WHERE tag_id IN (`+a.list(tagIDs)+`)`, a...)
		if err != nil {
			return nil, mapError(err)
		}
		for rows.Next() {
			var tag string
			u := maillage.TagUse{Kind: ut.kind}
			if err := rows.Scan(&tag, &u.SubjectID); err != nil {
				rows.Close()
				return nil, mapError(err)
			}
			out[tag] = append(out[tag], u)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, mapError(err)
		}
	}
	return out, nil
}

// SubjectTags returns the tag IDs a subject carries, sorted.
func (db *DB) SubjectTags(ctx context.Context, kind maillage.TagUseKind, subjectID string) ([]string, error) {
	ut, ok := tagUseTableOf(kind)
	if !ok {
		return nil, maillage.ErrNotFound
	}
	rows, err := db.query(ctx, `SELECT tag_id FROM `+ut.table+` WHERE `+ut.column+` = $1`, subjectID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, mapError(err)
		}
		out = append(out, id)
	}
	sort.Strings(out)
	return out, rows.Err()
}

// TagCounts counts, by kind, the distinct things carrying any of the
// tags that the viewer may see; notebooks count when they hold such a
// note. Kinds Maillage does not hold yet count zero.
func (db *DB) TagCounts(ctx context.Context, v maillage.Viewer, tagIDs []string) (maillage.TagCounts, error) {
	out := maillage.TagCounts{}
	for _, k := range maillage.TagUseKinds() {
		out[k] = 0
	}
	if len(tagIDs) == 0 {
		return out, nil
	}
	var a args
	in := a.list(tagIDs)
	var cols []string
	tables := tagUseTables()
	for _, ut := range tables {
		cols = append(cols, `(SELECT COUNT(DISTINCT j.`+ut.column+`) FROM `+ut.table+` j CROSS JOIN `+ut.subjects+` s
			WHERE s.id = j.`+ut.column+` AND j.tag_id IN (`+in+`) AND `+ut.visible(v, "s", &a)+`)`)
	}
	cols = append(cols, `(SELECT COUNT(*) FROM notebooks b WHERE `+notebookVisibleSQL(v, "b", &a)+` AND EXISTS (
		SELECT 1 FROM notebook_notes tn CROSS JOIN note_tags nt CROSS JOIN notes n
		WHERE nt.note_id = tn.note_id AND n.id = tn.note_id AND tn.notebook_id = b.id AND nt.tag_id IN (`+in+`) AND `+noteVisibleSQL(v, "n", &a)+`))`)
	counts := make([]int, len(cols))
	dest := make([]any, len(cols))
	for i := range counts {
		dest[i] = &counts[i]
	}
	q := "SELECT "
	for i, c := range cols {
		if i > 0 {
			q += ", "
		}
		q += c
	}
	if err := db.queryRow(ctx, q, a...).Scan(dest...); err != nil {
		return nil, fmt.Errorf("tag counts: %w", mapError(err))
	}
	for i, ut := range tables {
		out[ut.kind] = counts[i]
	}
	out[maillage.TagUseNotebook] = counts[len(tables)]
	return out, nil
}
