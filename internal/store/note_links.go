package store

import (
	"context"
	"database/sql"
	"fmt"
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
}

// NoteIDKey is the target key of a link to a note's URL.
func NoteIDKey(id string) string { return "id:" + id }

// ReplaceNoteLinks makes the links from a note exactly links. A note's
// links to itself are not kept: they would only list it among its own
// backlinks.
func (tx *Tx) ReplaceNoteLinks(ctx context.Context, sourceID string, links []NoteLink) error {
	if _, err := tx.exec(ctx, `DELETE FROM note_links WHERE source_id = $1`, sourceID); err != nil {
		return fmt.Errorf("note links: %w", err)
	}
	for _, l := range links {
		if l.TargetID == sourceID || l.TargetKey == NoteIDKey(sourceID) || l.TargetKey == "" {
			continue
		}
		if _, err := tx.exec(ctx, `INSERT INTO note_links (source_id, target_key, target_id) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, sourceID, l.TargetKey, nullString(l.TargetID)); err != nil {
			return fmt.Errorf("note links: %w", err)
		}
	}
	return nil
}

// AttachDanglingLinks points the links written before a note had this
// title (created or renamed) at it.
func (tx *Tx) AttachDanglingLinks(ctx context.Context, noteID, titleKey string) error {
	_, err := tx.exec(ctx, `UPDATE note_links SET target_id = $1 WHERE target_key = $2 AND target_id IS NULL AND source_id <> $1`,
		noteID, titleKey)
	if err != nil {
		return fmt.Errorf("attach links: %w", err)
	}
	return nil
}

// Backlinks lists the notes the viewer may see that link to a note, by
// title. A hidden note linking here is simply absent.
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

// ResolveNoteTitles finds, for each folded title, the note the viewer may
// see that bears it: current titles first, then former ones; among
// several, one of communityID's, then the most recently updated.
func (db *DB) ResolveNoteTitles(ctx context.Context, v maillage.Viewer, keys []string, communityID string) (map[string]maillage.NoteRef, error) {
	return resolveNoteTitles(ctx, db.query, v, keys, communityID)
}

// ResolveNoteTitles is the transaction's ResolveNoteTitles, used when a
// note is saved to find the targets of its links as its writer sees them.
func (tx *Tx) ResolveNoteTitles(ctx context.Context, v maillage.Viewer, keys []string, communityID string) (map[string]maillage.NoteRef, error) {
	return resolveNoteTitles(ctx, tx.tx.QueryContext, v, keys, communityID)
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
	ref       maillage.NoteRef
	key       string
	community string
	updated   time.Time
}

// better reports whether c should be preferred to cur for a link written
// in communityID.
func (c titleCandidate) better(cur titleCandidate, communityID string) bool {
	cSame, curSame := communityID != "" && c.community == communityID, communityID != "" && cur.community == communityID
	if cSame != curSame {
		return cSame
	}
	if !c.updated.Equal(cur.updated) {
		return c.updated.After(cur.updated)
	}
	return c.ref.ID < cur.ref.ID
}

func resolveNoteTitles(ctx context.Context, q noteQueryFunc, v maillage.Viewer, keys []string, communityID string) (map[string]maillage.NoteRef, error) {
	out := map[string]maillage.NoteRef{}
	keys = uniqueNoteKeys(keys)
	if len(keys) == 0 {
		return out, nil
	}
	// Current titles first; a former title only counts when no note bears
	// it today, so a rename never steals another note's links.
	// Both start from the titles (CROSS JOIN fixes SQLite's join order),
	// so a visitor's lookup never walks every public note.
	const current = `SELECT t.title_key, n.id, n.title, n.community_id, n.updated_at FROM notes t CROSS JOIN notes n
		WHERE t.title_key IN (%s) AND n.id = t.id AND %s`
	const former = `SELECT f.title_key, n.id, n.title, n.community_id, n.updated_at FROM note_former_titles f
		CROSS JOIN notes n WHERE f.title_key IN (%s) AND n.id = f.note_id AND %s`
	for _, query := range []string{current, former} {
		var missing []string
		for _, k := range keys {
			if _, ok := out[k]; !ok {
				missing = append(missing, k)
			}
		}
		if len(missing) == 0 {
			break
		}
		var a args
		in := a.inIDs(missing)
		best := map[string]titleCandidate{}
		rows, err := q(ctx, fmt.Sprintf(query, in, noteVisibleSQL(v, "n", &a)), a...)
		if err != nil {
			return nil, mapError(err)
		}
		for rows.Next() {
			var c titleCandidate
			var community sql.NullString
			if err := rows.Scan(&c.key, &c.ref.ID, &c.ref.Title, &community, &c.updated); err != nil {
				rows.Close()
				return nil, mapError(err)
			}
			c.community = community.String
			if cur, ok := best[c.key]; !ok || c.better(cur, communityID) {
				best[c.key] = c
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, mapError(err)
		}
		for k, c := range best {
			out[k] = c.ref
		}
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
