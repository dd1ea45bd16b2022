package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/markup"
	"github.com/maillage/maillage/internal/search"
)

// This file and search_docs_*.go derive search documents from the store:
// what each document says (search.Document) and who may see it. Audiences
// are never written here: each item's access struct of package maillage
// is built from its columns as the SQL filters of policy_sql.go read them,
// and its own Audiences method decides, so a document is seen by exactly
// the viewers the item's page is (TestSearchAudiencesAgree).
//
// Signals, kept cheap (counts by the item's key) and counting only what
// everyone may see:
//   - Publications: the public notes a person signs, or that are about an
//     organisation (notes.organization_id).
//   - Relations: a person's affiliations and interests; an organisation's
//     affiliated people with a public profile and its tags; a community's
//     tags; a note's tags and the public notes linking to it; a
//     notebook's public notes; a knowledge base's public notebooks; a
//     thread's replies not hidden by moderation.
//
// "Public" is always the policy's answer for a visitor (the derived filter
// for maillage.Anonymous), never a column compared by hand.

// searchChunk bounds the keys of one IN list.
const searchChunk = 500

// searchTable names the table of a kind of document, for the kinds that
// have documents.
func searchTable(kind search.Kind) (string, bool) {
	switch kind {
	case search.KindUser:
		return "users", true
	case search.KindOrganization:
		return "organizations", true
	case search.KindActor:
		return "actors", true
	case search.KindCommunity:
		return "communities", true
	case search.KindNote:
		return "notes", true
	case search.KindNotebook:
		return "notebooks", true
	case search.KindKnowledgeBase:
		return "knowledge_bases", true
	case search.KindThread:
		return "threads", true
	case search.KindMeeting:
		return "meetings", true
	}
	return "", false
}

// docLoader loads documents in batches. It keeps the tags it has read, so
// a rebuild reads each tag once.
type docLoader struct {
	db   *DB
	md   *markup.Renderer
	tags map[string]*tagText
}

func (db *DB) newDocLoader() *docLoader {
	return &docLoader{db: db, md: db.searchText.get(), tags: map[string]*tagText{}}
}

// searchRenderer is a markup renderer made on first use and shared: the
// renderer is safe for concurrent use, and building one (its HTML
// policy) costs more than loading a page of documents.
type searchRenderer struct {
	once sync.Once
	md   *markup.Renderer
}

func (r *searchRenderer) get() *markup.Renderer {
	r.once.Do(func() { r.md = markup.New() })
	return r.md
}

// SearchDocuments loads the documents refs name, leaving out those that
// no longer exist (the consumer removes them from its index) and kinds
// that have no documents yet (none today). Documents come grouped by
// kind, in the order the kinds first appear in refs.
func (db *DB) SearchDocuments(ctx context.Context, refs []SearchDocRef) ([]search.Document, error) {
	byKind := map[search.Kind][]string{}
	var kinds []search.Kind
	seen := map[SearchDocRef]bool{}
	for _, r := range refs {
		if seen[r] {
			continue
		}
		seen[r] = true
		if _, ok := byKind[r.Kind]; !ok {
			kinds = append(kinds, r.Kind)
		}
		byKind[r.Kind] = append(byKind[r.Kind], r.ID)
	}
	l := db.newDocLoader()
	var out []search.Document
	for _, k := range kinds {
		ids := byKind[k]
		for start := 0; start < len(ids); start += searchChunk {
			docs, err := l.load(ctx, k, ids[start:min(start+searchChunk, len(ids))])
			if err != nil {
				return nil, err
			}
			out = append(out, docs...)
		}
	}
	return out, nil
}

// EachSearchDocument calls fn with every document of a kind, batch at a
// time (in ID order, each exactly once), for a rebuild: memory stays
// bounded by one batch whatever the number of rows. A kind without
// documents yet (none today) calls fn never. fn's error stops the
// walk and is returned.
func (db *DB) EachSearchDocument(ctx context.Context, kind search.Kind, batch int, fn func([]search.Document) error) error {
	if !kind.Valid() {
		return fmt.Errorf("search documents: unknown kind %q", kind)
	}
	table, ok := searchTable(kind)
	if !ok {
		return nil
	}
	switch {
	case batch <= 0:
		batch = 200
	case batch > searchChunk:
		batch = searchChunk
	}
	l := db.newDocLoader()
	after := ""
	for {
		// table comes from searchTable, never from input.
		ids, err := db.idsArgs(ctx, `SELECT id FROM `+table+` WHERE id > $1 ORDER BY id LIMIT $2`, after, batch)
		if err != nil {
			return fmt.Errorf("search documents of %s: %w", kind, err)
		}
		if len(ids) == 0 {
			return nil
		}
		after = ids[len(ids)-1]
		docs, err := l.load(ctx, kind, ids)
		if err != nil {
			return err
		}
		if len(docs) > 0 {
			if err := fn(docs); err != nil {
				return err
			}
		}
		if len(ids) < batch {
			return nil
		}
	}
}

// load reads the documents of one kind with these IDs (at most
// searchChunk), in the order of ids.
func (l *docLoader) load(ctx context.Context, kind search.Kind, ids []string) ([]search.Document, error) {
	var docs []search.Document
	var err error
	switch kind {
	case search.KindUser:
		docs, err = l.users(ctx, ids)
	case search.KindOrganization:
		docs, err = l.organizations(ctx, ids)
	case search.KindActor:
		docs, err = l.actors(ctx, ids)
	case search.KindCommunity:
		docs, err = l.communities(ctx, ids)
	case search.KindNote:
		docs, err = l.notes(ctx, ids)
	case search.KindNotebook:
		docs, err = l.notebooks(ctx, ids)
	case search.KindKnowledgeBase:
		docs, err = l.knowledgeBases(ctx, ids)
	case search.KindThread:
		docs, err = l.threads(ctx, ids)
	case search.KindMeeting:
		docs, err = l.meetings(ctx, ids)
	default:
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("search documents of %s: %w", kind, err)
	}
	pos := make(map[string]int, len(ids))
	for i, id := range ids {
		if _, ok := pos[id]; !ok {
			pos[id] = i
		}
	}
	slices.SortFunc(docs, func(a, b search.Document) int { return pos[a.ID] - pos[b.ID] })
	return docs, nil
}

// plain is a Markdown body as plain text, rendered for nobody in
// particular: wiki links read as their label and mentions as "un·e
// membre", so no name a reader might not see enters the index.
func (l *docLoader) plain(src string) string {
	if src == "" {
		return ""
	}
	r, err := l.md.Render(src, nil)
	if err != nil {
		// Only a body over the size limit fails, which saving refuses.
		return src
	}
	return r.Text
}

// joinText joins the non-empty parts of a body.
func joinText(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// appendUnique appends the non-empty values not already in list.
func appendUnique(list []string, values ...string) []string {
	for _, v := range values {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// regionNames is a region code's names in both languages.
func regionNames(code string) []string {
	return appendUnique(nil, maillage.RegionName(code, "fr-CA"), maillage.RegionName(code, "en"))
}

// audienceKeys turns groups of audiences (a document is seen by the
// viewers reaching one audience of every group) into the keys of
// search.Document.Audiences. A group holding everyone constrains nothing
// and is left out; an audience naming nobody (a deleted author) is left
// out of its group; a group left empty is reached by nobody, and so is
// the document: it gets no group at all.
func audienceKeys(groups ...[]maillage.Audience) [][]string {
	var out [][]string
	for _, g := range groups {
		var keys []string
		everyone := false
		for _, a := range g {
			switch {
			case a.Kind == maillage.AudienceEveryone:
				everyone = true
			case namesSomeone(a):
				keys = appendUnique(keys, a.Key())
			}
		}
		if everyone {
			continue
		}
		if len(keys) == 0 {
			return nil
		}
		out = append(out, keys)
	}
	if len(out) == 0 && len(groups) > 0 {
		return [][]string{{maillage.Everyone().Key()}}
	}
	return out
}

// namesSomeone is false for an audience of one person or community whose
// ID is empty, which maillage.Viewer.Includes says includes nobody.
func namesSomeone(a maillage.Audience) bool {
	switch a.Kind {
	case maillage.AudiencePerson, maillage.AudienceMembers, maillage.AudienceManagers:
		return a.ID != ""
	}
	return true
}

// covers reports whether everyone in audiences belongs to one of within:
// a community's name may show on a document only when every viewer of the
// document may see the community.
func covers(within, audiences []maillage.Audience) bool {
	if slices.Contains(within, maillage.Everyone()) {
		return true
	}
	for _, a := range audiences {
		if namesSomeone(a) && !slices.Contains(within, a) {
			return false
		}
	}
	return true
}

// publicSQL is the filter a visitor's view gives, binding nothing (it
// panics if a rule ever needs the visitor's ID, which a visitor lacks).
func publicSQL(filter func(v maillage.Viewer, alias string, a *args) string, alias string) string {
	var a args
	s := filter(maillage.Anonymous(), alias, &a)
	if len(a) > 0 {
		panic("store: a visitor's filter binds parameters")
	}
	return s
}

// publicWhere is a rule's filter for a visitor, binding nothing.
func publicWhere(r rule) string {
	var a args
	s := forViewer(maillage.Anonymous(), &a).where(r)
	if len(a) > 0 {
		panic("store: a visitor's filter binds parameters")
	}
	return s
}

// idsIn runs q, whose first %s is replaced by the placeholders of ids (at most
// searchChunk), and returns the first column of its rows.
func (db *DB) idsIn(ctx context.Context, q string, ids []string) ([]string, error) {
	var out []string
	err := db.queryIn(ctx, q, ids, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

// idsInChunks is idsIn for any number of ids.
func (db *DB) idsInChunks(ctx context.Context, q string, ids []string) ([]string, error) {
	var out []string
	for start := 0; start < len(ids); start += searchChunk {
		found, err := db.idsIn(ctx, q, ids[start:min(start+searchChunk, len(ids))])
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// idsArgs returns the first column of a query's rows.
func (db *DB) idsArgs(ctx context.Context, q string, params ...any) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, q, params...)
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
	return out, mapError(rows.Err())
}

// queryIn runs q with its %s replaced by the placeholders of ids and
// calls each for every row. It bypasses the statement cache: IN lists of
// every length would fill it.
func (db *DB) queryIn(ctx context.Context, q string, ids []string, each func(*sql.Rows) error) error {
	if len(ids) == 0 {
		return nil
	}
	var a args
	rows, err := db.read.QueryContext(ctx, strings.Replace(q, "%s", a.list(ids), 1), a...)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return mapError(err)
		}
	}
	return mapError(rows.Err())
}

// countsIn runs a query selecting (key, count) pairs for ids.
func (db *DB) countsIn(ctx context.Context, q string, ids []string) (map[string]int, error) {
	out := map[string]int{}
	err := db.queryIn(ctx, q, ids, func(rows *sql.Rows) error {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		out[id] += n
		return nil
	})
	return out, err
}

// pairsIn runs a query selecting (key, value) pairs for ids, values in
// row order by key.
func (db *DB) pairsIn(ctx context.Context, q string, ids []string) (map[string][]string, error) {
	out := map[string][]string{}
	err := db.queryIn(ctx, q, ids, func(rows *sql.Rows) error {
		var id, v string
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		out[id] = append(out[id], v)
		return nil
	})
	return out, err
}
