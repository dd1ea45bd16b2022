package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// NoteLink is one link from a note's body: TargetKey is the folded title
// of a [[wiki link]] or "id:<ID>" for a link to a note's URL; TargetID is
// the note it reaches, "" while none does (or none the writer may see).
type NoteLink struct {
	TargetKey string
	TargetID  string
	// Resolved is true once the link has reached a note. With TargetID ""
	// it means that note was deleted: the link then reads as plain text
	// rather than falling to whichever other note bears the title.
	Resolved bool
}

// NoteIDKey is the target key of a link to a note's URL.
func NoteIDKey(id string) string { return "id:" + id }

// ReplaceNoteLinks makes the links from a note exactly links. A link to
// the note itself is kept, so that its title renders the same for every
// reader; backlinks leave it out.
func (tx *Tx) ReplaceNoteLinks(ctx context.Context, sourceID string, links []NoteLink) error {
	if _, err := tx.exec(ctx, `DELETE FROM note_links WHERE source_id = $1`, sourceID); err != nil {
		return fmt.Errorf("note links: %w", err)
	}
	for _, l := range links {
		if l.TargetKey == "" {
			continue
		}
		if _, err := tx.exec(ctx, `INSERT INTO note_links (source_id, target_key, target_id, resolved) VALUES ($1, $2, $3, $4)
			ON CONFLICT DO NOTHING`, sourceID, l.TargetKey, nullString(l.TargetID), l.Resolved || l.TargetID != ""); err != nil {
			return fmt.Errorf("note links: %w", err)
		}
	}
	return nil
}

// NoteLinks returns the stored links of a note by target key. A target
// is reported only while it still bears the link's title, as its current
// title or a former one (renames keep their former titles, so in practice
// a target stays until it is deleted).
func (db *DB) NoteLinks(ctx context.Context, sourceID string) (map[string]NoteLink, error) {
	return noteLinks(ctx, db.query, sourceID)
}

// NoteLinks is the transaction's NoteLinks, read when a note is saved.
func (tx *Tx) NoteLinks(ctx context.Context, sourceID string) (map[string]NoteLink, error) {
	return noteLinks(ctx, tx.tx.QueryContext, sourceID)
}

func noteLinks(ctx context.Context, q noteQueryFunc, sourceID string) (map[string]NoteLink, error) {
	rows, err := q(ctx, `SELECT l.target_key, l.resolved, CASE WHEN n.title_key = l.target_key
			OR EXISTS (SELECT 1 FROM note_former_titles f WHERE f.note_id = n.id AND f.title_key = l.target_key)
			OR l.target_key LIKE 'id:%' THEN n.id ELSE '' END
		FROM note_links l LEFT JOIN notes n ON n.id = l.target_id WHERE l.source_id = $1`, sourceID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[string]NoteLink{}
	for rows.Next() {
		var l NoteLink
		var target sql.NullString
		if err := rows.Scan(&l.TargetKey, &l.Resolved, &target); err != nil {
			return nil, mapError(err)
		}
		l.TargetID = target.String
		out[l.TargetKey] = l
	}
	return out, mapError(rows.Err())
}

// AttachDanglingLinks points at a note the wiki links that wait for its
// title (written before any note their writer could see bore it, or whose
// target was deleted), but only the links its authors would pick it for:
// links from notes that share an author with it, and, when it is not
// private, links from notes by members of its community (or, when it is
// public, from notes of that community). A stranger's note never takes a
// waiting link this way: such links resolve when read (see
// ResolveNoteTitles) and keep waiting for a note of the linking authors.
// Call it when a note is created, renamed, or changes visibility or
// community.
func (tx *Tx) AttachDanglingLinks(ctx context.Context, noteID, titleKey string) error {
	_, err := tx.exec(ctx, `UPDATE note_links SET target_id = $1, resolved = TRUE
		WHERE target_key = $2 AND target_id IS NULL AND (
			EXISTS (SELECT 1 FROM note_authors sa JOIN note_authors ta ON ta.user_id = sa.user_id
				WHERE sa.note_id = note_links.source_id AND ta.note_id = $1)
			OR EXISTS (SELECT 1 FROM notes t WHERE t.id = $1 AND t.community_id IS NOT NULL AND (
				(t.visibility IN ('public', 'community') AND EXISTS (SELECT 1 FROM note_authors sa JOIN community_members m
					ON m.user_id = sa.user_id WHERE sa.note_id = note_links.source_id AND m.community_id = t.community_id))
				OR (t.visibility = 'public' AND EXISTS (SELECT 1 FROM notes s
					WHERE s.id = note_links.source_id AND s.community_id = t.community_id)))))`,
		noteID, titleKey)
	if err != nil {
		return fmt.Errorf("attach links: %w", err)
	}
	return nil
}

// Backlinks lists the notes the viewer may see whose stored links reach a
// note (by title or by address). A hidden note linking here is simply
// absent; a link resolved only when read is not a backlink.
func (db *DB) Backlinks(ctx context.Context, v maillage.Viewer, noteID string) ([]maillage.NoteRef, error) {
	var a args
	id := a.add(noteID)
	visible := noteVisibleSQL(v, "n", &a)
	// CROSS JOIN makes SQLite start from the links (it keeps the order
	// of a cross join); otherwise, for visitors, it would walk every
	// public note by the visibility index. PostgreSQL plans it freely.
	rows, err := db.query(ctx, `SELECT DISTINCT n.id, n.title, n.title_key FROM note_links l CROSS JOIN notes n
		WHERE l.target_id = `+id+` AND n.id = l.source_id AND n.id <> `+id+` AND `+visible+` ORDER BY n.title_key, n.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRef
	for rows.Next() {
		var r maillage.NoteRef
		var key string
		if err := rows.Scan(&r.ID, &r.Title, &key); err != nil {
			return nil, mapError(err)
		}
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// noteQueryFunc runs a read query: the read pool's or a transaction's.
type noteQueryFunc func(ctx context.Context, query string, args ...any) (*sql.Rows, error)

// TitlePreference says which note a wiki link prefers when several the
// viewer may see bear its title: a note of one of AuthorIDs (the people
// who wrote the link), then one of CommunityID (where the link is
// written), then one of a community an author belongs to, then anyone's;
// within each, a note's current title before a former one, then the
// oldest note. The oldest wins among strangers' notes so that a note
// created later with the same title never takes a link over.
type TitlePreference struct {
	AuthorIDs   []string
	CommunityID string
}

// TitleMatch is the note a wiki link's title reaches.
type TitleMatch struct {
	maillage.NoteRef
	// Preferred is true for a note of the link's authors or of their (or
	// the link's) communities, false for a stranger's note.
	Preferred bool
}

// ResolveNoteTitles finds, for each folded title, the note the viewer may
// see that bears it, as TitlePreference orders them.
func (db *DB) ResolveNoteTitles(ctx context.Context, v maillage.Viewer, keys []string, pref TitlePreference) (map[string]TitleMatch, error) {
	return resolveNoteTitles(ctx, db.query, v, keys, pref)
}

// ResolveNoteTitles is the transaction's ResolveNoteTitles, used when a
// note is saved to find the targets of its links as its writer sees them.
func (tx *Tx) ResolveNoteTitles(ctx context.Context, v maillage.Viewer, keys []string, pref TitlePreference) (map[string]TitleMatch, error) {
	return resolveNoteTitles(ctx, tx.tx.QueryContext, v, keys, pref)
}

// VisibleNotes returns which of the given notes the viewer may see.
func (db *DB) VisibleNotes(ctx context.Context, v maillage.Viewer, ids []string) (map[string]maillage.NoteRef, error) {
	return visibleNotes(ctx, db.query, v, ids)
}

// VisibleNotes is the transaction's VisibleNotes.
func (tx *Tx) VisibleNotes(ctx context.Context, v maillage.Viewer, ids []string) (map[string]maillage.NoteRef, error) {
	return visibleNotes(ctx, tx.tx.QueryContext, v, ids)
}

func visibleNotes(ctx context.Context, q noteQueryFunc, v maillage.Viewer, ids []string) (map[string]maillage.NoteRef, error) {
	out := map[string]maillage.NoteRef{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	in := a.inIDs(ids)
	rows, err := q(ctx, `SELECT n.id, n.title FROM notes n WHERE n.id IN (`+in+`) AND `+noteVisibleSQL(v, "n", &a), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r maillage.NoteRef
		if err := rows.Scan(&r.ID, &r.Title); err != nil {
			return nil, mapError(err)
		}
		out[r.ID] = r
	}
	return out, mapError(rows.Err())
}

// titleCandidate is a note bearing a title, before the best is chosen.
type titleCandidate struct {
	ref     maillage.NoteRef
	key     string
	tier    int // 0 the authors' own, 1 the link's community, 2 an author's community, 3 anyone's
	former  bool
	created time.Time
}

// strangerTier is the tier of a note that is neither the link's authors'
// nor in their communities.
const strangerTier = 3

// better reports whether c should be preferred to cur (TitlePreference).
func (c titleCandidate) better(cur titleCandidate) bool {
	if c.tier != cur.tier {
		return c.tier < cur.tier
	}
	if c.former != cur.former {
		return !c.former
	}
	if !c.created.Equal(cur.created) {
		return c.created.Before(cur.created)
	}
	return c.ref.ID < cur.ref.ID
}

// titleTierSQL is the tier of a note aliased n under p (titleCandidate).
func titleTierSQL(p TitlePreference, n string, a *args) string {
	var whens []string
	if len(p.AuthorIDs) > 0 {
		whens = append(whens, "WHEN EXISTS (SELECT 1 FROM note_authors pa WHERE pa.note_id = "+n+".id AND pa.user_id IN ("+a.inIDs(p.AuthorIDs)+")) THEN 0")
	}
	if p.CommunityID != "" {
		whens = append(whens, "WHEN "+n+".community_id = "+a.add(p.CommunityID)+" THEN 1")
	}
	if len(p.AuthorIDs) > 0 {
		whens = append(whens, "WHEN EXISTS (SELECT 1 FROM community_members pm WHERE pm.community_id = "+n+".community_id AND pm.user_id IN ("+a.inIDs(p.AuthorIDs)+")) THEN 2")
	}
	if len(whens) == 0 {
		return strconv.Itoa(strangerTier)
	}
	return "CASE " + strings.Join(whens, " ") + " ELSE " + strconv.Itoa(strangerTier) + " END"
}

func resolveNoteTitles(ctx context.Context, q noteQueryFunc, v maillage.Viewer, keys []string, pref TitlePreference) (map[string]TitleMatch, error) {
	out := map[string]TitleMatch{}
	keys = uniqueNoteKeys(keys)
	if len(keys) == 0 {
		return out, nil
	}
	pref.AuthorIDs = uniqueNoteKeys(pref.AuthorIDs)
	// Current and former titles are both candidates: a former title of
	// the authors' own note beats a stranger's current one, and loses to
	// a current title within its tier, so a rename never steals the links
	// of another note of the same people.
	// Both start from the titles (CROSS JOIN fixes SQLite's join order),
	// so a visitor's lookup never walks every public note.
	const current = `SELECT t.title_key, n.id, n.title, n.created_at, %s, 0 FROM notes t CROSS JOIN notes n
		WHERE t.title_key IN (%s) AND n.id = t.id AND %s`
	const former = `SELECT f.title_key, n.id, n.title, n.created_at, %s, 1 FROM note_former_titles f
		CROSS JOIN notes n WHERE f.title_key IN (%s) AND n.id = f.note_id AND %s`
	best := map[string]titleCandidate{}
	for _, query := range []string{current, former} {
		var a args
		tier := titleTierSQL(pref, "n", &a)
		in := a.inIDs(keys)
		rows, err := q(ctx, fmt.Sprintf(query, tier, in, noteVisibleSQL(v, "n", &a)), a...)
		if err != nil {
			return nil, mapError(err)
		}
		for rows.Next() {
			var c titleCandidate
			var formerFlag int
			if err := rows.Scan(&c.key, &c.ref.ID, &c.ref.Title, &c.created, &c.tier, &formerFlag); err != nil {
				rows.Close()
				return nil, mapError(err)
			}
			c.former = formerFlag == 1
			if cur, ok := best[c.key]; !ok || c.better(cur) {
				best[c.key] = c
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, mapError(err)
		}
	}
	for k, c := range best {
		out[k] = TitleMatch{NoteRef: c.ref, Preferred: c.tier < strangerTier}
	}
	return out, nil
}

// uniqueNoteKeys drops empty strings and repeats, keeping order.
func uniqueNoteKeys(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	var out []string
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
