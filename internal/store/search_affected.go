package store

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
)

// SearchDocRef names one search document.
type SearchDocRef struct {
	Kind search.Kind
	ID   string
}

// searchMapper turns the keys logged under one source into the documents
// whose content may have changed.
type searchMapper func(ctx context.Context, db *DB, ids []string) ([]SearchDocRef, error)

// searchMappers says, for every source of search_watches.go, which
// documents to reload. What each document is made of is in
// search_documents*.go; the comments here say which part of it a source
// touches.
func searchMappers() map[string]searchMapper {
	return map[string]searchMapper{
		srcUser:         direct(search.KindUser),
		srcUserInterest: direct(search.KindUser),
		srcAffiliation:  direct(search.KindUser), // organisations' names in Extra, Relations
		srcAuthor:       direct(search.KindUser), // Publications
		// A person's name or profile visibility: the notes they sign show
		// it (only when public), organisations count public affiliations.
		srcUserName: related(
			via(search.KindNote, `SELECT note_id FROM note_authors WHERE user_id IN (%s)`),
			via(search.KindOrganization, `SELECT organization_id FROM organization_members WHERE user_id IN (%s)`)),

		srcOrganization:       direct(search.KindOrganization),
		srcOrganizationMember: direct(search.KindOrganization), // Relations
		srcOrganizationTag:    direct(search.KindOrganization),
		srcNoteOrganization:   direct(search.KindOrganization), // Publications
		// An organisation's name: its people and the notes about it show it.
		srcOrganizationName: related(
			via(search.KindUser, `SELECT user_id FROM organization_members WHERE organization_id IN (%s)`),
			via(search.KindNote, `SELECT id FROM notes WHERE organization_id IN (%s)`)),

		srcActor:    direct(search.KindActor),
		srcActorTag: direct(search.KindActor),

		srcCommunity:    direct(search.KindCommunity),
		srcCommunityTag: direct(search.KindCommunity),
		// A community's name, visibility or listing: its threads' readers,
		// and whether its content may show its name.
		srcCommunityAccess: related(
			via(search.KindThread, `SELECT id FROM threads WHERE community_id IN (%s)`),
			via(search.KindNote, `SELECT id FROM notes WHERE community_id IN (%s)`),
			via(search.KindNotebook, `SELECT id FROM notebooks WHERE community_id IN (%s)`),
			via(search.KindKnowledgeBase, `SELECT id FROM knowledge_bases WHERE community_id IN (%s)`),
			via(search.KindMeeting, `SELECT id FROM meetings WHERE community_id IN (%s)`)),
		srcMeeting:    direct(search.KindMeeting),
		srcMeetingTag: direct(search.KindMeeting),

		// The relation graph's own sources touch no search document.
		srcCommunityMember: graphOnly,
		srcAcquaintance:    graphOnly,
		srcAttendance:      graphOnly,
		srcNomination:      graphOnly,

		srcNote:       direct(search.KindNote),
		srcNoteAuthor: direct(search.KindNote),
		srcNoteTag:    direct(search.KindNote),
		srcNoteLink:   direct(search.KindNote), // Relations of the target
		// Whether a note is public: its authors' Publications, the
		// Relations of the notebooks holding it and of the notes it links to.
		srcNoteVisibility: related(
			via(search.KindUser, `SELECT user_id FROM note_authors WHERE note_id IN (%s)`),
			via(search.KindNotebook, `SELECT notebook_id FROM notebook_notes WHERE note_id IN (%s)`),
			via(search.KindNote, `SELECT target_id FROM note_links WHERE source_id IN (%s) AND target_id IS NOT NULL`)),

		// A notebook, and the knowledge bases counting it when public.
		srcNotebook: related(direct(search.KindNotebook),
			via(search.KindKnowledgeBase, `SELECT knowledge_base_id FROM knowledge_base_notebooks WHERE notebook_id IN (%s)`)),
		srcNotebookMember: direct(search.KindNotebook),
		srcNotebookNote:   direct(search.KindNotebook),

		srcKnowledgeBase:         direct(search.KindKnowledgeBase),
		srcKnowledgeBaseMember:   direct(search.KindKnowledgeBase),
		srcKnowledgeBaseNotebook: direct(search.KindKnowledgeBase),

		srcThread: direct(search.KindThread),
		srcReply:  direct(search.KindThread),

		// A tag's labels, kind or place: what carries it (Tags) or one of
		// its descendants (Broader).
		srcTag: func(ctx context.Context, db *DB, ids []string) ([]SearchDocRef, error) {
			all, err := db.tagsWithDescendants(ctx, ids)
			if err != nil {
				return nil, err
			}
			return tagCarriers(ctx, db, all)
		},
		// A tag's synonyms: only what carries the tag itself shows them.
		srcTagSynonym: tagCarriers,
	}
}

// AffectedSearchDocuments maps changes to the documents to reload, each
// once, in the order found. A deleted row still maps through its key (a
// deleted note gives the note's ref, which SearchDocuments then does not
// find: the consumer removes it from the index). Changes of source
// SearchSourceAll map to nothing: the consumer rebuilds instead. A source
// this version does not know (written by a newer one) is an error, so
// that the consumer rebuilds rather than miss changes.
func (db *DB) AffectedSearchDocuments(ctx context.Context, changes []SearchChange) ([]SearchDocRef, error) {
	mappers := searchMappers()
	bySource := map[string][]string{}
	var order []string
	seen := map[SearchChange]bool{}
	for _, c := range changes {
		if c.Source == SearchSourceAll {
			continue
		}
		if _, ok := mappers[c.Source]; !ok {
			return nil, fmt.Errorf("search change %d: unknown source %q", c.Seq, c.Source)
		}
		key := SearchChange{Source: c.Source, ItemID: c.ItemID}
		if seen[key] {
			continue
		}
		seen[key] = true
		if _, ok := bySource[c.Source]; !ok {
			order = append(order, c.Source)
		}
		bySource[c.Source] = append(bySource[c.Source], c.ItemID)
	}
	var out []SearchDocRef
	have := map[SearchDocRef]bool{}
	for _, src := range order {
		ids := bySource[src]
		for start := 0; start < len(ids); start += searchChunk {
			refs, err := mappers[src](ctx, db, ids[start:min(start+searchChunk, len(ids))])
			if err != nil {
				return nil, fmt.Errorf("search changes of %s: %w", src, err)
			}
			for _, r := range refs {
				if !have[r] {
					have[r] = true
					out = append(out, r)
				}
			}
		}
	}
	return out, nil
}

// direct maps keys that are the IDs of documents of kind.
func direct(kind search.Kind) searchMapper {
	return func(_ context.Context, _ *DB, ids []string) ([]SearchDocRef, error) {
		out := make([]SearchDocRef, len(ids))
		for i, id := range ids {
			out[i] = SearchDocRef{Kind: kind, ID: id}
		}
		return out, nil
	}
}

// via maps keys to the documents of kind a query selects from them; q
// has one %s, the list of keys.
func via(kind search.Kind, q string) searchMapper {
	return func(ctx context.Context, db *DB, ids []string) ([]SearchDocRef, error) {
		found, err := db.idsIn(ctx, q, ids)
		if err != nil {
			return nil, err
		}
		return direct(kind)(ctx, db, found)
	}
}

// related joins mappers.
func related(ms ...searchMapper) searchMapper {
	return func(ctx context.Context, db *DB, ids []string) ([]SearchDocRef, error) {
		var out []SearchDocRef
		for _, m := range ms {
			refs, err := m(ctx, db, ids)
			if err != nil {
				return nil, err
			}
			out = append(out, refs...)
		}
		return out, nil
	}
}

// tagCarriers maps tag IDs to every document carrying one of them,
// through the join tables of tag_uses.go (so a new kind of tagged thing
// is covered once it has a search kind of the same name).
func tagCarriers(ctx context.Context, db *DB, tagIDs []string) ([]SearchDocRef, error) {
	var out []SearchDocRef
	for _, ut := range tagUseTables() {
		kind, ok := searchKindOfTagUse(ut.kind)
		if !ok {
			continue
		}
		for start := 0; start < len(tagIDs); start += searchChunk {
			// ut.table and ut.column come from tag_uses.go, never from input.
			refs, err := via(kind, `SELECT DISTINCT `+ut.column+` FROM `+ut.table+` WHERE tag_id IN (%s)`)(ctx, db,
				tagIDs[start:min(start+searchChunk, len(tagIDs))])
			if err != nil {
				return nil, err
			}
			out = append(out, refs...)
		}
	}
	return out, nil
}

// searchKindOfTagUse is the search kind of the things a tag use table
// lists: the same name, when search has it.
func searchKindOfTagUse(k maillage.TagUseKind) (search.Kind, bool) {
	kind := search.Kind(k)
	return kind, kind.Valid()
}

// tagsWithDescendants returns the given tags and every live tag below
// them, at any depth (bounded like tagDescendantIDs).
func (db *DB) tagsWithDescendants(ctx context.Context, ids []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	level := ids
	for depth := 0; len(level) > 0 && depth <= maillage.MaxTagDepth*2; depth++ {
		var next []string
		for _, id := range level {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
				next = append(next, id)
			}
		}
		var err error
		if level, err = db.idsInChunks(ctx, `SELECT id FROM tags WHERE parent_id IN (%s) AND merged_into_id IS NULL`, next); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// graphOnly maps a change the relation graph follows (graphindex) and no
// search document is made of.
func graphOnly(context.Context, *DB, []string) ([]SearchDocRef, error) { return nil, nil }
