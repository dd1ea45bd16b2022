package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// A note sits in a notebook through a notebook_notes row: its category
// there, whether it is pinned, its place in the manual order, who added it.
// Every list below filters notes with the policy's SQL mirror, so a
// notebook mixing private minutes and public summaries shows each viewer
// only what they may see, and counts only that.

// NoCategory is the category filter value for notes without a category.
const NoCategory = "-"

// Sorts of a notebook's notes.
const (
	// SortManual: pinned notes first, then category sections in their
	// order, each in the order managers chose.
	SortManual = "manual"
	// SortRecent: the notes added last first.
	SortRecent = "recent"
	// SortTitle: by title, accents and case ignored.
	SortTitle = "title"
)

// NotebookEntryFilter selects and orders the notes of a notebook.
type NotebookEntryFilter struct {
	// Query matches the title (accents and case ignored) or the summary.
	Query string
	// CategoryID keeps one category's notes; NoCategory those without one.
	CategoryID string
	TagID      string
	Kind       string
	AuthorID   string
	Sort       string
	Limit      int
	Offset     int
	// KnownTotal skips counting when the caller already knows how many
	// notes match (from NotebookCategoryCounts, for a filter on the
	// category alone): a notebook page then scans its notes twice, not three times.
	KnownTotal *int
}

const entryColumns = `n.id, n.title, n.summary, n.kind, n.visibility, n.community_id, n.updated_at,
	nn.category_id, COALESCE(cat.name, ''), nn.pinned, nn.position, nn.added_by, nn.added_at`

const entryFrom = `notebook_notes nn JOIN notes n ON n.id = nn.note_id
	LEFT JOIN notebook_categories cat ON cat.id = nn.category_id`

func scanEntry(row rowScanner) (*maillage.NotebookEntry, error) {
	var e maillage.NotebookEntry
	var kind, vis string
	var community, category, by sql.NullString
	if err := row.Scan(&e.Note.ID, &e.Note.Title, &e.Note.Summary, &kind, &vis, &community, &e.Note.UpdatedAt,
		&category, &e.CategoryName, &e.Pinned, &e.Position, &by, &e.AddedAt); err != nil {
		return nil, mapError(err)
	}
	e.Note.Kind, e.Note.Visibility, e.Note.CommunityID = maillage.NoteKind(kind), maillage.Visibility(vis), community.String
	e.CategoryID, e.AddedBy = category.String, by.String
	e.Note.UpdatedAt, e.AddedAt = e.Note.UpdatedAt.UTC(), e.AddedAt.UTC()
	return &e, nil
}

// entryOrder is the ORDER BY of a sort.
func entryOrder(sort string) string {
	switch sort {
	case SortRecent:
		return "nn.added_at DESC, n.id"
	case SortTitle:
		return "n.title_key, n.id"
	}
	// Pinned notes come first whatever their category; the others follow
	// in category sections, notes without a category last.
	return `nn.pinned DESC, CASE WHEN nn.pinned THEN 0 WHEN cat.id IS NULL THEN 2 ELSE 1 END,
		CASE WHEN nn.pinned THEN 0 ELSE COALESCE(cat.position, 0) END, nn.position, n.id`
}

// NotebookEntries lists the notes of a notebook that the viewer may see,
// with their authors (those whose profile the viewer may see) and tags,
// and the total under the same filter.
func (db *DB) NotebookEntries(ctx context.Context, v maillage.Viewer, notebookID string, f NotebookEntryFilter) ([]maillage.NotebookEntry, int, error) {
	var a args
	where := []string{"nn.notebook_id = " + a.add(notebookID), noteVisibleSQL(v, "n", &a)}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, "(n.title_key LIKE "+a.add(likeContains(fold.Key(q)))+` ESCAPE '\'`+
			" OR LOWER(n.summary) LIKE "+a.add(likeContains(strings.ToLower(q)))+` ESCAPE '\')`)
	}
	switch f.CategoryID {
	case "":
	case NoCategory:
		where = append(where, "nn.category_id IS NULL")
	default:
		where = append(where, "nn.category_id = "+a.add(f.CategoryID))
	}
	if f.TagID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM note_tags et WHERE et.note_id = n.id AND et.tag_id = "+a.add(f.TagID)+")")
	}
	if f.Kind != "" {
		where = append(where, "n.kind = "+a.add(f.Kind))
	}
	if f.AuthorID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM note_authors ea WHERE ea.note_id = n.id AND ea.user_id = "+a.add(f.AuthorID)+")")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if f.KnownTotal != nil {
		total = *f.KnownTotal
	} else if err := db.queryRow(ctx, `SELECT COUNT(*) FROM `+entryFrom+` WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	// The page is chosen on the note IDs alone, so the sort carries keys
	// rather than titles and summaries; its rows are then read by ID.
	l, o := a.add(limit(f.Limit)), a.add(f.Offset)
	rows, err := db.query(ctx, `SELECT n.id FROM `+entryFrom+` WHERE `+cond+` ORDER BY `+entryOrder(f.Sort)+` LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, 0, mapError(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, mapError(err)
	}
	out, err := db.entriesByID(ctx, notebookID, ids)
	if err != nil {
		return nil, 0, err
	}
	return out, total, db.fillEntryNotes(ctx, v, out)
}

// entriesByID reads a notebook's entries for the given notes, in the
// order of ids.
func (db *DB) entriesByID(ctx context.Context, notebookID string, ids []string) ([]maillage.NotebookEntry, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var a args
	nb := a.add(notebookID)
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = a.add(id)
	}
	rows, err := db.query(ctx, `SELECT `+entryColumns+` FROM `+entryFrom+` WHERE nn.notebook_id = `+nb+
		` AND nn.note_id IN (`+strings.Join(ph, ", ")+`)`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	byID := make(map[string]maillage.NotebookEntry, len(ids))
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		byID[e.Note.ID] = *e
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	out := make([]maillage.NotebookEntry, 0, len(ids))
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// fillEntryNotes loads the authors and tags of listed notes, one query each.
func (db *DB) fillEntryNotes(ctx context.Context, v maillage.Viewer, entries []maillage.NotebookEntry) error {
	if len(entries) == 0 {
		return nil
	}
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.Note.ID
	}
	authors, err := db.notebookNoteAuthors(ctx, v, ids)
	if err != nil {
		return err
	}
	tags, err := db.tagsOf(ctx, "note_tags", "note_id", ids)
	if err != nil {
		return err
	}
	for i := range entries {
		entries[i].Note.Authors = authors[entries[i].Note.ID]
		entries[i].Note.Tags = tags[entries[i].Note.ID]
	}
	return nil
}

// notebookNoteAuthors returns the authors of many notes whose profile the
// viewer may see, in their order, keyed by note.
func (db *DB) notebookNoteAuthors(ctx context.Context, v maillage.Viewer, noteIDs []string) (map[string][]maillage.NoteAuthor, error) {
	out := map[string][]maillage.NoteAuthor{}
	var a args
	ph := make([]string, len(noteIDs))
	for i, id := range noteIDs {
		ph[i] = a.add(id)
	}
	rows, err := db.query(ctx, `SELECT na.note_id, u.id, u.name FROM note_authors na JOIN users u ON u.id = na.user_id
		WHERE na.note_id IN (`+strings.Join(ph, ", ")+`) AND `+profileVisibleSQL(v, "u", &a)+`
		ORDER BY na.note_id, na.position, u.name_key`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var noteID string
		var au maillage.NoteAuthor
		if err := rows.Scan(&noteID, &au.UserID, &au.Name); err != nil {
			return nil, mapError(err)
		}
		out[noteID] = append(out[noteID], au)
	}
	return out, rows.Err()
}

// NotebookCategoryCounts counts the notes of a notebook that the viewer
// may see, by category ("" for notes without one).
func (db *DB) NotebookCategoryCounts(ctx context.Context, v maillage.Viewer, notebookID string) (map[string]int, error) {
	var a args
	rows, err := db.query(ctx, `SELECT COALESCE(nn.category_id, ''), COUNT(*) FROM notebook_notes nn JOIN notes n ON n.id = nn.note_id
		WHERE nn.notebook_id = `+a.add(notebookID)+` AND `+noteVisibleSQL(v, "n", &a)+` GROUP BY nn.category_id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, mapError(err)
		}
		out[id] += n
	}
	return out, rows.Err()
}

// NoteForNotebook reads what adding a note to a notebook needs to know
// about it: its summary and all its authors (the policy needs them).
func (tx *Tx) NoteForNotebook(ctx context.Context, noteID string) (*maillage.NoteSummary, error) {
	var n maillage.NoteSummary
	var kind, vis string
	var community sql.NullString
	err := tx.tx.QueryRowContext(ctx, `SELECT id, title, summary, kind, visibility, community_id, updated_at FROM notes WHERE id = $1`,
		noteID).Scan(&n.ID, &n.Title, &n.Summary, &kind, &vis, &community, &n.UpdatedAt)
	if err != nil {
		return nil, mapError(err)
	}
	n.Kind, n.Visibility, n.CommunityID, n.UpdatedAt = maillage.NoteKind(kind), maillage.Visibility(vis), community.String, n.UpdatedAt.UTC()
	rows, err := tx.tx.QueryContext(ctx, `SELECT u.id, u.name FROM note_authors na JOIN users u ON u.id = na.user_id
		WHERE na.note_id = $1 ORDER BY na.position, u.name_key`, noteID)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var au maillage.NoteAuthor
		if err := rows.Scan(&au.UserID, &au.Name); err != nil {
			return nil, mapError(err)
		}
		n.Authors = append(n.Authors, au)
	}
	return &n, mapError(rows.Err())
}

// NotebookPlacement is where a note sits in a notebook.
type NotebookPlacement struct {
	CategoryID string
	Pinned     bool
	Position   int
	AddedBy    string
}

// NotebookPlacement returns where a note sits in a notebook, or not found.
func (tx *Tx) NotebookPlacement(ctx context.Context, notebookID, noteID string) (*NotebookPlacement, error) {
	var p NotebookPlacement
	var category, by sql.NullString
	err := tx.tx.QueryRowContext(ctx, `SELECT category_id, pinned, position, added_by FROM notebook_notes
		WHERE notebook_id = $1 AND note_id = $2`, notebookID, noteID).Scan(&category, &p.Pinned, &p.Position, &by)
	if err != nil {
		return nil, mapError(err)
	}
	p.CategoryID, p.AddedBy = category.String, by.String
	return &p, nil
}

// AddNotebookNote puts a note at the end of a notebook's manual order. A
// note already there keeps its place and, when categoryID is given, moves
// to that category: adding twice is not an error. added reports whether
// the note was new to the notebook.
func (tx *Tx) AddNotebookNote(ctx context.Context, notebookID, noteID, categoryID, addedBy string) (added bool, err error) {
	if _, err := tx.NotebookPlacement(ctx, notebookID, noteID); err == nil {
		if categoryID == "" {
			return false, nil
		}
		return false, tx.SetNotebookNoteCategory(ctx, notebookID, noteID, categoryID)
	} else if !maillage.IsNotFound(err) {
		return false, err
	}
	var pos int
	if err := tx.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM notebook_notes WHERE notebook_id = $1`,
		notebookID).Scan(&pos); err != nil {
		return false, mapError(err)
	}
	_, err = tx.exec(ctx, `INSERT INTO notebook_notes (notebook_id, note_id, category_id, pinned, position, added_by, added_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, notebookID, noteID, nullString(categoryID), false, pos, nullString(addedBy), tx.now)
	if err != nil {
		return false, fmt.Errorf("add note to notebook: %w", err)
	}
	return true, nil
}

// RemoveNotebookNote takes a note out of a notebook (the note stays).
func (tx *Tx) RemoveNotebookNote(ctx context.Context, notebookID, noteID string) error {
	res, err := tx.exec(ctx, `DELETE FROM notebook_notes WHERE notebook_id = $1 AND note_id = $2`, notebookID, noteID)
	if err != nil {
		return fmt.Errorf("remove note from notebook: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// SetNotebookNoteCategory files a note under one of the notebook's
// categories ("" for none).
func (tx *Tx) SetNotebookNoteCategory(ctx context.Context, notebookID, noteID, categoryID string) error {
	return tx.updatePlacement(ctx, `category_id = $1`, nullString(categoryID), notebookID, noteID)
}

// SetNotebookNotePinned pins a note at the top of a notebook, or unpins it.
func (tx *Tx) SetNotebookNotePinned(ctx context.Context, notebookID, noteID string, pinned bool) error {
	return tx.updatePlacement(ctx, `pinned = $1`, pinned, notebookID, noteID)
}

// updatePlacement sets one column of a placement; set comes from this
// file, never from input.
func (tx *Tx) updatePlacement(ctx context.Context, set string, value any, notebookID, noteID string) error {
	res, err := tx.exec(ctx, `UPDATE notebook_notes SET `+set+` WHERE notebook_id = $2 AND note_id = $3`, value, notebookID, noteID)
	if err != nil {
		return fmt.Errorf("notebook placement: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// NotebookAuthors lists the people who wrote notes of a notebook that the
// viewer may see, whose profile the viewer may see, by name: the choices
// of the notebook's author filter.
func (db *DB) NotebookAuthors(ctx context.Context, v maillage.Viewer, notebookID string) ([]maillage.NoteAuthor, error) {
	var a args
	cond := `nn.notebook_id = ` + a.add(notebookID) + ` AND ` + noteVisibleSQL(v, "n", &a) + ` AND ` + profileVisibleSQL(v, "u", &a)
	rows, err := db.query(ctx, `SELECT u.id, u.name FROM users u WHERE EXISTS (SELECT 1 FROM notebook_notes nn
		JOIN notes n ON n.id = nn.note_id JOIN note_authors na ON na.note_id = n.id WHERE na.user_id = u.id AND `+cond+`)
		ORDER BY u.name_key, u.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []maillage.NoteAuthor
	for rows.Next() {
		var au maillage.NoteAuthor
		if err := rows.Scan(&au.UserID, &au.Name); err != nil {
			return nil, mapError(err)
		}
		out = append(out, au)
	}
	return out, rows.Err()
}
