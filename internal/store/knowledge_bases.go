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

const kbColumns = `k.id, k.title, k.description, k.visibility, k.community_id, k.created_by, k.created_at, k.updated_at, k.version`

func scanKnowledgeBase(row rowScanner, extra ...any) (*maillage.KnowledgeBase, error) {
	var k maillage.KnowledgeBase
	var vis string
	var community, by sql.NullString
	dest := append([]any{&k.ID, &k.Title, &k.Description, &vis, &community, &by, &k.CreatedAt, &k.UpdatedAt, &k.Version}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, mapError(err)
	}
	k.Visibility, k.CommunityID, k.CreatedBy = maillage.Visibility(vis), community.String, by.String
	k.CreatedAt, k.UpdatedAt = k.CreatedAt.UTC(), k.UpdatedAt.UTC()
	return &k, nil
}

// CreateKnowledgeBase inserts a knowledge base; its creator becomes its
// first manager.
func (tx *Tx) CreateKnowledgeBase(ctx context.Context, k *maillage.KnowledgeBase) error {
	k.CreatedAt, k.UpdatedAt, k.Version = tx.now, tx.now, 1
	_, err := tx.exec(ctx, `INSERT INTO knowledge_bases (id, title, title_key, description, visibility, community_id,
		created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		k.ID, k.Title, fold.Key(k.Title), k.Description, string(k.Visibility), nullString(k.CommunityID),
		nullString(k.CreatedBy), k.CreatedAt, k.UpdatedAt)
	if err != nil {
		return fmt.Errorf("create knowledge base: %w", err)
	}
	if k.CreatedBy != "" {
		if err := tx.UpsertKnowledgeBaseMember(ctx, k.ID, k.CreatedBy, maillage.NotebookManager); err != nil {
			return err
		}
		k.Members = []maillage.NotebookMember{{UserID: k.CreatedBy, Role: maillage.NotebookManager}}
	}
	return nil
}

// RecentKnowledgeBaseByCreator finds a knowledge base with this title that
// the person created after since, to recognise a form submitted twice.
func (tx *Tx) RecentKnowledgeBaseByCreator(ctx context.Context, creatorID, title string, since time.Time) (string, error) {
	var id string
	err := tx.tx.QueryRowContext(ctx, `SELECT id FROM knowledge_bases WHERE created_by = $1 AND title_key = $2 AND created_at > $3
		ORDER BY created_at DESC LIMIT 1`, creatorID, fold.Key(title), since).Scan(&id)
	return id, mapError(err)
}

// UpdateKnowledgeBase writes a knowledge base's fields if it is still at
// version expected (0 skips the check); otherwise maillage.ErrEditConflict.
func (tx *Tx) UpdateKnowledgeBase(ctx context.Context, k *maillage.KnowledgeBase, expected int) error {
	k.UpdatedAt = tx.now
	res, err := tx.exec(ctx, `UPDATE knowledge_bases SET title = $1, title_key = $2, description = $3, visibility = $4,
		community_id = $5, updated_at = $6, version = version + 1 WHERE id = $7 AND ($8 = 0 OR version = $8)`,
		k.Title, fold.Key(k.Title), k.Description, string(k.Visibility), nullString(k.CommunityID), k.UpdatedAt, k.ID, expected)
	if err != nil {
		return fmt.Errorf("update knowledge base: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.missingOrConflict(ctx, "knowledge_bases", k.ID)
	}
	return mapError(tx.tx.QueryRowContext(ctx, `SELECT version FROM knowledge_bases WHERE id = $1`, k.ID).Scan(&k.Version))
}

// DeleteKnowledgeBase removes a knowledge base (its notebooks stay).
func (tx *Tx) DeleteKnowledgeBase(ctx context.Context, id string) error {
	return tx.deleteCollection(ctx, "knowledge_bases", "knowledge base", id)
}

// KnowledgeBase returns a knowledge base with all its members. It does not
// check visibility: callers ask the policy.
func (db *DB) KnowledgeBase(ctx context.Context, id string) (*maillage.KnowledgeBase, error) {
	var cname string
	k, err := scanKnowledgeBase(db.queryRow(ctx, `SELECT `+kbColumns+`, COALESCE(kc.name, '') FROM knowledge_bases k
		LEFT JOIN communities kc ON kc.id = k.community_id WHERE k.id = $1`, id), &cname)
	if err != nil {
		return nil, err
	}
	k.CommunityName = cname
	if k.Members, err = db.roleMembers(ctx, knowledgeBaseRoles, k.ID); err != nil {
		return nil, err
	}
	return k, nil
}

// KnowledgeBaseFilter selects knowledge bases.
type KnowledgeBaseFilter struct {
	Query       string
	CommunityID string
	MemberID    string
	// NotebookID keeps the knowledge bases holding this notebook.
	NotebookID string
	Limit      int
	Offset     int
}

// KnowledgeBases lists the knowledge bases the viewer may see, most
// recently changed first, with the total under the same filter.
func (db *DB) KnowledgeBases(ctx context.Context, v maillage.Viewer, f KnowledgeBaseFilter) ([]maillage.KnowledgeBase, int, error) {
	var a args
	where := []string{knowledgeBaseVisibleSQL(v, "k", &a)}
	if q := fold.Key(f.Query); q != "" {
		where = append(where, "k.title_key LIKE "+a.add(likeContains(q))+` ESCAPE '\'`)
	}
	if f.CommunityID != "" {
		where = append(where, "k.community_id = "+a.add(f.CommunityID))
	}
	if f.MemberID != "" {
		where = append(where, knowledgeBaseRoles.hasMemberSQL("k", f.MemberID, &a))
	}
	if f.NotebookID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM knowledge_base_notebooks fb WHERE fb.knowledge_base_id = k.id AND fb.notebook_id = "+a.add(f.NotebookID)+")")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM knowledge_bases k WHERE `+cond, a...).Scan(&total); err != nil {
		return nil, 0, mapError(err)
	}
	name := `CASE WHEN kc.id IS NOT NULL AND ` + communitySeeSQL(v, "kc", &a) + ` THEN kc.name ELSE '' END`
	l, o := a.add(limit(f.Limit)), a.add(f.Offset)
	rows, err := db.query(ctx, `SELECT `+kbColumns+`, `+name+` FROM knowledge_bases k
		LEFT JOIN communities kc ON kc.id = k.community_id WHERE `+cond+`
		ORDER BY k.updated_at DESC, k.id LIMIT `+l+` OFFSET `+o, a...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	defer rows.Close()
	var out []maillage.KnowledgeBase
	for rows.Next() {
		var cname string
		k, err := scanKnowledgeBase(rows, &cname)
		if err != nil {
			return nil, 0, err
		}
		k.CommunityName = cname
		out = append(out, *k)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, mapError(err)
	}
	return out, total, nil
}

// KnowledgeBaseNotebookCounts counts, for each knowledge base, the
// notebooks in it that the viewer may see.
func (db *DB) KnowledgeBaseNotebookCounts(ctx context.Context, v maillage.Viewer, kbIDs ...string) (map[string]int, error) {
	return db.countsByID(ctx, kbIDs, func(a *args, in string) string {
		return `SELECT kn.knowledge_base_id, COUNT(*) FROM knowledge_base_notebooks kn JOIN notebooks b ON b.id = kn.notebook_id
		WHERE kn.knowledge_base_id IN (` + in + `) AND ` + notebookVisibleSQL(v, "b", a) + ` GROUP BY kn.knowledge_base_id`
	})
}
