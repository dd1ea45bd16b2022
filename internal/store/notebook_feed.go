package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// NotebookNoteSuggestions lists the notes the viewer may see whose title
// contains q (accents and case ignored) and that are not yet in the
// notebook, titles starting with q first: the note picker of a notebook.
func (db *DB) NotebookNoteSuggestions(ctx context.Context, v maillage.Viewer, notebookID, q string, n int) ([]maillage.NoteSummary, error) {
	key := fold.Key(q)
	if key == "" {
		return nil, nil
	}
	var a args
	cond := noteVisibleSQL(v, "n", &a) + ` AND n.title_key LIKE ` + a.add(likeContains(key)) + ` ESCAPE '\'` +
		` AND NOT EXISTS (SELECT 1 FROM notebook_notes sn WHERE sn.note_id = n.id AND sn.notebook_id = ` + a.add(notebookID) + `)`
	prefix := a.add(likePrefix(key))
	rows, err := db.query(ctx, `SELECT n.id, n.title, n.summary, n.kind, n.visibility, n.community_id, n.updated_at FROM notes n
		WHERE `+cond+` ORDER BY CASE WHEN n.title_key LIKE `+prefix+` ESCAPE '\' THEN 0 ELSE 1 END, n.title_key, n.id
		LIMIT `+a.add(limit(n)), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteSummary
	for rows.Next() {
		var s maillage.NoteSummary
		var kind, vis string
		var community sql.NullString
		if err := rows.Scan(&s.ID, &s.Title, &s.Summary, &kind, &vis, &community, &s.UpdatedAt); err != nil {
			return nil, mapError(err)
		}
		s.Kind, s.Visibility, s.CommunityID, s.UpdatedAt = maillage.NoteKind(kind), maillage.Visibility(vis), community.String, s.UpdatedAt.UTC()
		out = append(out, s)
	}
	return out, rows.Err()
}

// NotebookFeedItem is a note as a notebook's public feed tells it.
type NotebookFeedItem struct {
	Note    maillage.Note
	AddedAt time.Time
}

// NotebookFeedItems returns the public notes of a notebook, the ones added
// last first. Feeds are read anonymously, so the anonymous viewer's filter
// applies whoever asks: only public notes, and only the authors whose
// profile is public.
func (db *DB) NotebookFeedItems(ctx context.Context, notebookID string, n int) ([]NotebookFeedItem, error) {
	anon := maillage.Anonymous()
	var a args
	cond := `nn.notebook_id = ` + a.add(notebookID) + ` AND ` + noteVisibleSQL(anon, "n", &a)
	rows, err := db.query(ctx, `SELECT n.id, n.title, n.body, n.summary, n.kind, n.license, n.community_id, n.created_at, n.updated_at, nn.added_at
		FROM notebook_notes nn JOIN notes n ON n.id = nn.note_id WHERE `+cond+`
		ORDER BY nn.added_at DESC, n.id LIMIT `+a.add(limit(n)), a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []NotebookFeedItem
	for rows.Next() {
		var it NotebookFeedItem
		var kind, license string
		var community sql.NullString
		if err := rows.Scan(&it.Note.ID, &it.Note.Title, &it.Note.Body, &it.Note.Summary, &kind, &license, &community,
			&it.Note.CreatedAt, &it.Note.UpdatedAt, &it.AddedAt); err != nil {
			return nil, mapError(err)
		}
		it.Note.Kind, it.Note.License, it.Note.Visibility = maillage.NoteKind(kind), maillage.License(license), maillage.VisibilityPublic
		it.Note.CommunityID = community.String
		it.Note.CreatedAt, it.Note.UpdatedAt, it.AddedAt = it.Note.CreatedAt.UTC(), it.Note.UpdatedAt.UTC(), it.AddedAt.UTC()
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]string, len(out))
	for i, it := range out {
		ids[i] = it.Note.ID
	}
	authors, err := db.notebookNoteAuthors(ctx, anon, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Note.Authors = authors[out[i].Note.ID]
	}
	return out, nil
}
