package maillage

import "time"

// Limits of the taxonomy's fields.
const (
	// MaxTagDefinitionLen bounds a tag's definition, in characters.
	MaxTagDefinitionLen = 1000
	// MaxTagSynonyms bounds the synonyms given with one tag.
	MaxTagSynonyms = 50
	// MaxTagDepth bounds the hierarchy: deeper chains are refused.
	MaxTagDepth = 8
	// MaxBulkTags bounds the tags of one bulk action.
	MaxBulkTags = 200
)

// TagSynonym is another label of a tag, in either language, that resolves
// to it. Slug is the label's slug: it redirects to the tag's page.
type TagSynonym struct {
	Key   string
	Label string
	// Lang is "fr", "en" or "" when the label belongs to no one language.
	Lang string
	Slug string
}

// TagUseKind names a kind of thing that carries tags.
type TagUseKind string

// Kinds of things that carry tags. Actors (cards for people not on
// Maillage) and meetings are counted once they exist; notebooks carry the
// tags of their notes.
const (
	TagUseUser         TagUseKind = "user"
	TagUseOrganization TagUseKind = "organization"
	TagUseActor        TagUseKind = "actor"
	TagUseNote         TagUseKind = "note"
	TagUseNotebook     TagUseKind = "notebook"
	TagUseCommunity    TagUseKind = "community"
	TagUseMeeting      TagUseKind = "meeting"
)

// TagUseKinds lists every kind a tag page counts, in display order.
func TagUseKinds() []TagUseKind {
	return []TagUseKind{TagUseUser, TagUseOrganization, TagUseActor, TagUseNote, TagUseNotebook, TagUseCommunity, TagUseMeeting}
}

// TagUse is one thing carrying a tag: a person's interest, an
// organisation's, a community's or a note's tag.
type TagUse struct {
	Kind      TagUseKind
	SubjectID string
	// Title names the thing (a person's or organisation's name, a note's
	// title), for the curators' lists; it is filled only where the viewer
	// may see the thing.
	Title string
}

// TagCounts counts, by kind, the things carrying a tag that a viewer may see.
type TagCounts map[TagUseKind]int

// Total adds every kind up.
func (c TagCounts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// TagActionKind names a curation action in the log.
type TagActionKind string

// Curation actions.
const (
	TagActionCreate     TagActionKind = "create"
	TagActionPromote    TagActionKind = "promote"
	TagActionEdit       TagActionKind = "edit"
	TagActionRename     TagActionKind = "rename"
	TagActionAddSyn     TagActionKind = "synonym_add"
	TagActionRemoveSyn  TagActionKind = "synonym_remove"
	TagActionMerge      TagActionKind = "merge"
	TagActionSplit      TagActionKind = "split"
	TagActionDeprecate  TagActionKind = "deprecate"
	TagActionRestore    TagActionKind = "restore"
	TagActionReview     TagActionKind = "review"
	TagActionImport     TagActionKind = "import"
	TagActionUndo       TagActionKind = "undo"
	TagActionCurator    TagActionKind = "curator_grant"
	TagActionNoCurator  TagActionKind = "curator_revoke"
	TagActionRelatedSet TagActionKind = "related"
)

// TagAction is one entry of the curation log.
type TagAction struct {
	ID        string
	Seq       int64
	BatchID   string
	ActorID   string
	ActorName string
	Kind      TagActionKind
	// Summary names what was acted on, in the labels of the time
	// ("Mobilité → Mobilité durable").
	Summary   string
	Undoable  bool
	CreatedAt time.Time
	UndoneAt  *time.Time
	UndoneBy  string
	TagIDs    []string
	// Hidden says the action touched a tag the viewer may not see: its
	// summary is left out and it cannot be undone by them.
	Hidden bool
}

// TaxonomyTag is a tag of the curated taxonomy with everything an export
// carries.
type TaxonomyTag struct {
	Tag
	ParentSlug string
	Synonyms   []TagSynonym
	Related    []string // slugs
}
