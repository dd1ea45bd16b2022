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

// notebookColumns selects a notebook aliased b; the linked community's
// name comes from a LEFT JOIN on communities aliased bc, and is blanked by
// the caller's condition when the viewer may not see that community.
const notebookColumns = `b.id, b.title, b.description, b.guide, b.cover_key, b.cover_mime, b.visibility,
	b.community_id, b.created_by, b.created_at, b.updated_at, b.version`

func scanNotebook(row rowScanner, extra ...any) (*maillage.Notebook, error) {
	var nb maillage.Notebook
	var vis string
	var community, by sql.NullString
	dest := append([]any{&nb.ID, &nb.Title, &nb.Description, &nb.Guide, &nb.CoverKey, &nb.CoverMIME, &vis,
		&community, &by, &nb.CreatedAt, &nb.UpdatedAt, &nb.Version}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, mapError(err)
	}
	nb.Visibility, nb.CommunityID, nb.CreatedBy = maillage.Visibility(vis), community.String, by.String
	nb.CreatedAt, nb.UpdatedAt = nb.CreatedAt.UTC(), nb.UpdatedAt.UTC()
	return &nb, nil
}

// CreateNotebook inserts a notebook; its creator becomes its first manager.
func (tx *Tx) CreateNotebook(ctx context.Context, nb *maillage.Notebook) error {
	nb.CreatedAt, nb.UpdatedAt, nb.Version = tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO notebooks (id, title, title_key, description, guide, visibility, community_id,
		created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		nb.ID, nb.Title, fold.Key(nb.Title), nb.Description, nb.Guide, string(nb.Visibility), nullString(nb.CommunityID),
		nullString(nb.CreatedBy), nb.CreatedAt, nb.UpdatedAt)
	if err != nil {
		return fmt.Errorf("create notebook: %w", err)
	}
	if nb.CreatedBy != "" {
		if err := tx.UpsertNotebookMember(ctx, nb.ID, nb.CreatedBy, maillage.NotebookManager); err != nil {
			return err
		}
		nb.Members = []maillage.NotebookMember{{UserID: nb.CreatedBy, Role: maillage.NotebookManager}}
	}
	return nil
}

// RecentNotebookByCreator finds a notebook with this title (accents and
// case ignored) that the person created after since, to recognise a form
// submitted twice.
func (tx *Tx) RecentNotebookByCreator(ctx context.Context, creatorID, title string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM notebooks WHERE created_by = $1 AND title_key = $2 AND created_at > $3
		ORDER BY created_at DESC LIMIT 1`, creatorID, fold.Key(title), since).Scan(&id)
	return id, mapError(err)
}

// UpdateNotebook writes a notebook's fields if it is still at version
// expected (0 skips the check) and moves it to the next version; otherwise
// it answers maillage.ErrEditConflict.
func (tx *Tx) UpdateNotebook(ctx context.Context, nb *maillage.Notebook, expected int) error {
	nb.UpdatedAt = tx.now
	res, err := tx.exec(ctx, `UPDATE notebooks SET title = $1, title_key = $2, description = $3, guide = $4, visibility = $5,
		community_id = $6, updated_at = $7, version = version + 1 WHERE id = $8 AND ($9 = 0 OR version = $9)`,
		nb.Title, fold.Key(nb.Title), nb.Description, nb.Guide, string(nb.Visibility), nullString(nb.CommunityID),
		nb.UpdatedAt, nb.ID, expected)
	if err != nil {
		return fmt.Errorf("update notebook: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "notebooks", nb.ID)
	}
	return mapError(tx.tx.QueryRowContext(ctx, `SELECT version FROM notebooks WHERE id = $1`, nb.ID).Scan(&nb.Version))
}

// SetNotebookCover records (or, with an empty key, clears) a notebook's
// cover image. The file itself lives in file storage under the key.
func (tx *Tx) SetNotebookCover(ctx context.Context, id, key, mime string) error {
	res, err := tx.exec(ctx, `UPDATE notebooks SET cover_key = $1, cover_mime = $2, updated_at = $3 WHERE id = $4`,
		key, mime, tx.now, id)
	if err != nil {
		return fmt.Errorf("notebook cover: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return maillage.ErrNotFound
	}
	return nil
}

// DeleteNotebook removes a notebook with its roles, categories and
// entries (the notes themselves stay).
func (tx *Tx) DeleteNotebook(ctx context.Context, id string) error {
	return tx.deleteCollection(ctx, "notebooks", "notebook", id)
}

// Notebook returns a notebook with all its members (the policy needs
// them) and categories. It does not check visibility: callers ask the
// policy. CommunityName is the linked community's name, whoever looks.
func (db *DB) Notebook(ctx context.Context, id string) (*maillage.Notebook, error) {
	var cname string
	nb, err := scanNotebook(db.queryRow(ctx, `SELECT `+notebookColumns+`, COALESCE(bc.name, '') FROM notebooks b
		LEFT JOIN communities bc ON bc.id = b.community_id WHERE b.id = $1`, id), &cname)
	if err != nil {
		return nil, err
	}
	nb.CommunityName = cname
	if nb.Members, err = db.roleMembers(ctx, notebookRoles, nb.ID); err != nil {
		return nil, err
	}
	if nb.Categories, err = db.NotebookCategories(ctx, nb.ID); err != nil {
		return nil, err
	}
	return nb, nil
}

// NotebookFilter selects notebooks.
type NotebookFilter struct {
	Query       string
	CommunityID string
	// CommunityIDs keeps notebooks linked to any of these communities.
	CommunityIDs []string
	// TagID keeps notebooks holding at least one note with this tag that
	// the viewer may see.
	TagID  string
	TagIDs []string // any of several tags, with TagID
	// MemberID keeps notebooks where this person has a role.
	MemberID string
	// NoteID keeps notebooks holding this note.
	NoteID string
	Limit  int
	Offset int
}

// Notebooks lists the notebooks the viewer may see, most recently changed
// first, with the total under the same filter. The linked community's
// name is filled only when the viewer may see that community.
func (db *DB) Notebooks(ctx context.Context, v maillage.Viewer, f NotebookFilter) ([]maillage.Notebook, int, error) {
	var a args
	where := []string{notebookVisibleSQL(v, "b", &a)}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "b.title_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if f.CommunityID != "" {
		where = append(where, "b.community_id = "+a.add(f.CommunityID))
	}
	if len(f.CommunityIDs) > 0 {
		where = append(where, "b.community_id IN ("+a.list(f.CommunityIDs)+")")
	}
	if f.MemberID != "" {
		where = append(where, notebookRoles.hasMemberSQL("b", f.MemberID, &a))
	}
	if f.NoteID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM notebook_notes fn WHERE fn.notebook_id = b.id AND fn.note_id = "+a.add(f.NoteID)+")")
	}
	if f.TagID != "" || len(f.TagIDs) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM notebook_notes tn JOIN notes n ON n.id = tn.note_id
			JOIN note_tags nt ON nt.note_id = n.id WHERE tn.notebook_id = b.id AND `+tagIn("nt.tag_id", f.TagID, f.TagIDs, &a)+
			` AND `+noteVisibleSQL(v, "n", &a)+`)`)
	}
	cond := strings.Join(where, " AND ")
	// The community's name needs its own arguments, placed after the
	// filter's so the count query (which does not select it) stays valid.
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM notebooks b WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	name := `CASE WHEN bc.id IS NOT NULL AND ` + communitySeeSQL(v, "bc", &a) + ` THEN bc.name ELSE '' END`
	l, o := a.add(limit(f.Limit)), a.add(f.Offset)
	rows, err := db.query(ctx, `SELECT `+notebookColumns+`, `+name+` FROM notebooks b
		LEFT JOIN communities bc ON bc.id = b.community_id WHERE `+cond+`
		ORDER BY b.updated_at DESC, b.id LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []maillage.Notebook
	for rows.Next() {
		var cname string
		nb, err := scanNotebook(rows, &cname)
		if err != nil {
			return nil, 0, err
		}
		nb.CommunityName = cname
		out = append(out, *nb)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, mapError(err)
	}
	return out, total, nil
}

// NotebookNoteCounts counts, for each notebook, the notes in it that the
// viewer may see: a list never reveals how many private notes a notebook holds.
func (db *DB) NotebookNoteCounts(ctx context.Context, v maillage.Viewer, notebookIDs ...string) (map[string]int, error) {
	return db.countsByID(ctx, notebookIDs, func(a *args, in string) string {
		return `SELECT nn.notebook_id, COUNT(*) FROM notebook_notes nn JOIN notes n ON n.id = nn.note_id
		WHERE nn.notebook_id IN (` + in + `) AND ` + noteVisibleSQL(v, "n", a) + ` GROUP BY nn.notebook_id`
	})
}

// TouchNotebook marks a notebook as changed now (a note was added), so
// lists of recent notebooks show it first. Its version does not move: an
// edit of its description begun before stays valid.
func (tx *Tx) TouchNotebook(ctx context.Context, id string) error {
	if _, err := tx.exec(ctx, `UPDATE notebooks SET updated_at = $1 WHERE id = $2`, tx.now, id); err != nil {
		return fmt.Errorf("touch notebook: %w", err)
	}
	return nil
}
