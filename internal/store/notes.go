package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// noteFrom joins what a note page shows besides the note itself: the
// names of its organisation and community. Aliases: n, o, c.
const noteFrom = `notes n LEFT JOIN organizations o ON o.id = n.organization_id
	LEFT JOIN communities c ON c.id = n.community_id`

const noteColumns = `n.id, n.title, n.body, n.summary, n.kind, n.organization_id, COALESCE(o.name, ''), n.person_user_id,
	n.visibility, n.community_id, COALESCE(c.name, ''), n.authors_are_managers, n.license, n.created_by,
	n.created_at, n.updated_at, n.version`

func scanNote(row rowScanner) (*maillage.Note, error) {
	var n maillage.Note
	var kind, vis, license string
	var org, person, community, by sql.NullString
	if err := row.Scan(&n.ID, &n.Title, &n.Body, &n.Summary, &kind, &org, &n.OrganizationName, &person,
		&vis, &community, &n.CommunityName, &n.AuthorsAreManagers, &license, &by,
		&n.CreatedAt, &n.UpdatedAt, &n.Version); err != nil {
		return nil, mapError(err)
	}
	n.Kind, n.Visibility, n.License = maillage.NoteKind(kind), maillage.Visibility(vis), maillage.License(license)
	n.OrganizationID, n.PersonUserID, n.CommunityID, n.CreatedBy = org.String, person.String, community.String, by.String
	n.CreatedAt, n.UpdatedAt = n.CreatedAt.UTC(), n.UpdatedAt.UTC()
	return &n, nil
}

// noteSummaryColumns is what a list shows of a note (aliased n); scan
// them with scanNoteSummary and complete them with FillNoteSummaries.
const noteSummaryColumns = `n.id, n.title, n.summary, n.kind, n.visibility, n.community_id, n.updated_at`

func scanNoteSummary(row rowScanner) (*maillage.NoteSummary, error) {
	var n maillage.NoteSummary
	var kind, vis string
	var community sql.NullString
	if err := row.Scan(&n.ID, &n.Title, &n.Summary, &kind, &vis, &community, &n.UpdatedAt); err != nil {
		return nil, mapError(err)
	}
	n.Kind, n.Visibility, n.CommunityID = maillage.NoteKind(kind), maillage.Visibility(vis), community.String
	n.UpdatedAt = n.UpdatedAt.UTC()
	return &n, nil
}

// CreateNote inserts a note with its authors (in order) and tags.
func (tx *Tx) CreateNote(ctx context.Context, n *maillage.Note) error {
	n.CreatedAt, n.UpdatedAt, n.Version = tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO notes (id, title, title_key, body, summary, kind, organization_id, person_user_id,
		visibility, community_id, authors_are_managers, license, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
		n.ID, n.Title, fold.Key(n.Title), n.Body, n.Summary, string(n.Kind), nullString(n.OrganizationID),
		nullString(n.PersonUserID), string(n.Visibility), nullString(n.CommunityID), n.AuthorsAreManagers,
		string(n.License), nullString(n.CreatedBy), n.CreatedAt, n.UpdatedAt)
	if err != nil {
		return fmt.Errorf("create note: %w", err)
	}
	if err := tx.SetNoteAuthors(ctx, n.ID, n.AuthorIDs()); err != nil {
		return err
	}
	return tx.replaceTags(ctx, "note_tags", "note_id", n.ID, tagIDs(n.Tags))
}

// UpdateNote writes a note's fields, authors and tags if it is still at
// version expected (0 skips the check), and moves it to the next version;
// otherwise it answers maillage.ErrEditConflict. A changed title is kept
// among the note's former titles, so wiki links written with it still
// find the note.
func (tx *Tx) UpdateNote(ctx context.Context, n *maillage.Note, expected int) error {
	var oldKey string
	err := tx.tx.QueryRowContext(ctx, `SELECT title_key FROM notes WHERE id = $1`, n.ID).Scan(&oldKey)
	if err != nil {
		return mapError(err)
	}
	n.UpdatedAt = tx.now
	newKey := fold.Key(n.Title)
	res, err := tx.exec(ctx, `UPDATE notes SET title = $1, title_key = $2, body = $3, summary = $4, kind = $5,
		organization_id = $6, person_user_id = $7, visibility = $8, community_id = $9, authors_are_managers = $10,
		license = $11, updated_at = $12, version = version + 1 WHERE id = $13 AND ($14 = 0 OR version = $14)`,
		n.Title, newKey, n.Body, n.Summary, string(n.Kind), nullString(n.OrganizationID), nullString(n.PersonUserID),
		string(n.Visibility), nullString(n.CommunityID), n.AuthorsAreManagers, string(n.License), n.UpdatedAt, n.ID, expected)
	if err != nil {
		return fmt.Errorf("update note: %w", err)
	}
	if cnt, _ := res.RowsAffected(); cnt == 0 {
		return tx.missingOrConflict(ctx, "notes", n.ID)
	}
	if err := tx.tx.QueryRowContext(ctx, `SELECT version FROM notes WHERE id = $1`, n.ID).Scan(&n.Version); err != nil {
		return mapError(err)
	}
	if newKey != oldKey {
		if err := tx.keepFormerTitle(ctx, n.ID, oldKey, newKey); err != nil {
			return err
		}
	}
	if err := tx.SetNoteAuthors(ctx, n.ID, n.AuthorIDs()); err != nil {
		return err
	}
	return tx.replaceTags(ctx, "note_tags", "note_id", n.ID, tagIDs(n.Tags))
}

// keepFormerTitle records the title a note leaves; the title it takes is
// no longer a former one (a note renamed back and forth keeps one row).
func (tx *Tx) keepFormerTitle(ctx context.Context, noteID, oldKey, newKey string) error {
	if oldKey != "" {
		if _, err := tx.exec(ctx, `INSERT INTO note_former_titles (note_id, title_key, created_at) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, noteID, oldKey, tx.now); err != nil {
			return fmt.Errorf("former title: %w", err)
		}
	}
	if _, err := tx.exec(ctx, `DELETE FROM note_former_titles WHERE note_id = $1 AND title_key = $2`, noteID, newKey); err != nil {
		return fmt.Errorf("former title: %w", err)
	}
	return nil
}

// SetNoteAuthors makes the authors of a note exactly userIDs, in order.
func (tx *Tx) SetNoteAuthors(ctx context.Context, noteID string, userIDs []string) error {
	if _, err := tx.exec(ctx, `DELETE FROM note_authors WHERE note_id = $1`, noteID); err != nil {
		return fmt.Errorf("note authors: %w", err)
	}
	for i, id := range userIDs {
		if _, err := tx.exec(ctx, `INSERT INTO note_authors (note_id, user_id, position, added_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT DO NOTHING`, noteID, id, i, tx.now); err != nil {
			return fmt.Errorf("note authors: %w", err)
		}
	}
	return nil
}

// DeleteNote removes a note; its authors, tags, links from it, revisions
// and attachment rows go with it (the stored files are the caller's job).
func (tx *Tx) DeleteNote(ctx context.Context, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM notes WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete note: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	// Drafts are keyed by note ID without a foreign key (a new note has none).
	_, err = tx.exec(ctx, `DELETE FROM note_drafts WHERE draft_key = $1`, id)
	return err
}

// RecentNoteByAuthor finds a note with this title (accents and case
// ignored) that the person created after since, to recognise a form
// submitted twice.
func (tx *Tx) RecentNoteByAuthor(ctx context.Context, userID, title string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM notes WHERE created_by = $1 AND title_key = $2 AND created_at > $3
		ORDER BY created_at DESC LIMIT 1`, userID, fold.Key(title), since).Scan(&id)
	return id, mapError(err)
}

// Note returns a note with its authors and tags. It does not check
// visibility: callers ask the policy.
func (db *DB) Note(ctx context.Context, id string) (*maillage.Note, error) {
	n, err := scanNote(db.queryRow(ctx, `SELECT `+noteColumns+` FROM `+noteFrom+` WHERE n.id = $1`, id))
	if err != nil {
		return nil, err
	}
	// Policy checks need the authors' IDs; their names are the ones an
	// administrator would see, and readers get them again through
	// NoteAuthors with their own viewer.
	authors, err := db.NoteAuthors(ctx, maillage.Viewer{Admin: true}, n.ID)
	if err != nil {
		return nil, err
	}
	tags, err := db.NoteTags(ctx, n.ID)
	if err != nil {
		return nil, err
	}
	n.Authors, n.Tags = authors[n.ID], tags[n.ID]
	return n, nil
}

// Note reads a note with its authors inside a write transaction, so a
// policy check and the write that follows see the same authors.
func (tx *Tx) Note(ctx context.Context, id string) (*maillage.Note, error) {
	n, err := scanNote(tx.tx.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM `+noteFrom+` WHERE n.id = $1`, id))
	if err != nil {
		return nil, err
	}
	rows, err := tx.tx.QueryContext(ctx, `SELECT a.user_id, u.name FROM note_authors a JOIN users u ON u.id = a.user_id
		WHERE a.note_id = $1 ORDER BY a.position, u.name_key, u.id`, id)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var a maillage.NoteAuthor
		if err := rows.Scan(&a.UserID, &a.Name); err != nil {
			return nil, mapError(err)
		}
		n.Authors = append(n.Authors, a)
	}
	return n, mapError(rows.Err())
}

// NoteAuthors returns the authors of the given notes in their order,
// keyed by note ID: one query per list. An author whose profile the viewer
// may not see keeps their place without a name.
func (db *DB) NoteAuthors(ctx context.Context, v maillage.Viewer, noteIDs ...string) (map[string][]maillage.NoteAuthor, error) {
	out := map[string][]maillage.NoteAuthor{}
	if len(noteIDs) == 0 {
		return out, nil
	}
	var a args
	rows, err := db.query(ctx, `SELECT a.note_id, a.user_id, `+profileNameSQL(v, "u")+` FROM note_authors a JOIN users u ON u.id = a.user_id
		WHERE a.note_id IN (`+a.inIDs(noteIDs)+`) ORDER BY a.note_id, a.position, u.name_key, u.id`, a...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var au maillage.NoteAuthor
		if err := rows.Scan(&id, &au.UserID, &au.Name); err != nil {
			return nil, mapError(err)
		}
		out[id] = append(out[id], au)
	}
	return out, mapError(rows.Err())
}

// NoteTags returns the tags of the given notes.
func (db *DB) NoteTags(ctx context.Context, noteIDs ...string) (map[string][]maillage.Tag, error) {
	return db.tagsOf(ctx, "note_tags", "note_id", noteIDs)
}

// FillNoteSummaries loads the authors (named as the viewer may see them)
// and tags of listed notes.
func (db *DB) FillNoteSummaries(ctx context.Context, v maillage.Viewer, notes []maillage.NoteSummary) error {
	ids := make([]string, len(notes))
	for i, n := range notes {
		ids[i] = n.ID
	}
	authors, err := db.NoteAuthors(ctx, v, ids...)
	if err != nil {
		return err
	}
	tags, err := db.NoteTags(ctx, ids...)
	if err != nil {
		return err
	}
	for i := range notes {
		notes[i].Authors, notes[i].Tags = authors[notes[i].ID], tags[notes[i].ID]
	}
	return nil
}

// inIDs adds every value and returns their placeholders, comma-separated,
// for an IN (...) clause. ids must not be empty.
func (a *args) inIDs(ids []string) string {
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = a.add(id)
	}
	return strings.Join(ph, ", ")
}
