package store

import (
	"context"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// NoteFilter selects notes.
type NoteFilter struct {
	Query       string // matched against titles, accents and case ignored
	TagID       string
	TagIDs      []string // any of several tags, with TagID
	AuthorID    string
	CommunityID string
	Kind        maillage.NoteKind
	Visibility  maillage.Visibility
	// MemberID keeps the notes of the communities this person belongs to.
	MemberID string
	// FollowedBy keeps the notes tagged with a tag this person follows or
	// written by a person they follow.
	FollowedBy string
	// NotAuthorID leaves out the notes this person wrote (what is new for
	// them is what others wrote).
	NotAuthorID string
	// Sort is "title" or "recent" (the default: last updated first).
	Sort   string
	Limit  int
	Offset int
}

// Notes lists the notes the viewer may see, with the total under the
// same filter.
func (db *DB) Notes(ctx context.Context, v maillage.Viewer, f NoteFilter) ([]maillage.NoteSummary, int, error) {
	var a args
	where := []string{noteVisibleSQL(v, "n", &a)}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "n.title_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if f.TagID != "" || len(f.TagIDs) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM note_tags nt WHERE nt.note_id = n.id AND "+tagIn("nt.tag_id", f.TagID, f.TagIDs, &a)+")")
	}
	if f.AuthorID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM note_authors na WHERE na.note_id = n.id AND na.user_id = "+a.add(f.AuthorID)+")")
	}
	if f.CommunityID != "" {
		where = append(where, "n.community_id = "+a.add(f.CommunityID))
	}
	if f.MemberID != "" {
		where = append(where, "n.community_id IN (SELECT cm.community_id FROM community_members cm WHERE cm.user_id = "+a.add(f.MemberID)+")")
	}
	if f.FollowedBy != "" {
		u := a.add(f.FollowedBy)
		where = append(where, "(EXISTS (SELECT 1 FROM note_tags ft JOIN follows fo ON fo.target_type = 'tag' AND fo.target_id = ft.tag_id"+
			" WHERE ft.note_id = n.id AND fo.user_id = "+u+")"+
			" OR EXISTS (SELECT 1 FROM note_authors fa JOIN follows fo ON fo.target_type = 'person' AND fo.target_id = fa.user_id"+
			" WHERE fa.note_id = n.id AND fo.user_id = "+u+"))")
	}
	if f.NotAuthorID != "" {
		where = append(where, "NOT EXISTS (SELECT 1 FROM note_authors xa WHERE xa.note_id = n.id AND xa.user_id = "+a.add(f.NotAuthorID)+")")
	}
	if f.Kind != "" {
		where = append(where, "n.kind = "+a.add(string(f.Kind)))
	}
	if f.Visibility != "" {
		where = append(where, "n.visibility = "+a.add(string(f.Visibility)))
	}
	order := "n.updated_at DESC, n.id"
	if f.Sort == "title" {
		order = "n.title_key, n.id"
	}
	out, total, err := listPage(ctx, db, a, "notes n", strings.Join(where, " AND "), noteSummaryColumns,
		order, f.Limit, f.Offset, scanNoteSummary)
	if err != nil {
		return nil, 0, err
	}
	if err := db.FillNoteSummaries(ctx, v, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// SuggestNotes returns up to n notes the viewer may see whose title
// starts with (or has a word starting with) the typed text, for the
// [[link]] completion of the editor: titles first matched at the start,
// then the most recently updated.
func (db *DB) SuggestNotes(ctx context.Context, v maillage.Viewer, prefix string, n int) ([]maillage.NoteRef, error) {
	key := fold.Key(prefix)
	if key == "" {
		return nil, nil
	}
	var a args
	visible := noteVisibleSQL(v, "n", &a)
	p := a.add(likePrefix(key))
	mid := a.add(likeContains(" " + key))
	rows, err := db.query(ctx, `SELECT n.id, n.title FROM notes n WHERE `+visible+`
		AND (n.title_key LIKE `+p+` ESCAPE '\' OR n.title_key LIKE `+mid+` ESCAPE '\')
		ORDER BY CASE WHEN n.title_key LIKE `+p+` ESCAPE '\' THEN 0 ELSE 1 END, n.updated_at DESC, n.id
		LIMIT `+a.add(limit(n)), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRef
	for rows.Next() {
		var r maillage.NoteRef
		if err := rows.Scan(&r.ID, &r.Title); err != nil {
			return nil, mapError(err)
		}
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// NoteNotebooks lists the notebooks the viewer may see that hold a note,
// by title.
func (db *DB) NoteNotebooks(ctx context.Context, v maillage.Viewer, noteID string) ([]maillage.NoteRef, error) {
	var a args
	id := a.add(noteID)
	visible := notebookVisibleSQL(v, "b", &a)
	rows, err := db.query(ctx, `SELECT b.id, b.title FROM notebook_notes nn JOIN notebooks b ON b.id = nn.notebook_id
		WHERE nn.note_id = `+id+` AND `+visible+` ORDER BY b.title_key, b.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteRef
	for rows.Next() {
		var r maillage.NoteRef
		if err := rows.Scan(&r.ID, &r.Title); err != nil {
			return nil, mapError(err)
		}
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}
