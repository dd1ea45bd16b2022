package maillage

// TagListFilter selects tags for the curators' pages.
type TagListFilter struct {
	Query string // the start of a label, English label or synonym
	// Kind keeps free or curated tags ("" for both).
	Kind TagKind
	// Review keeps the free tags still waiting for a curator's look.
	Review bool
	// Deprecated keeps only deprecated tags; otherwise they are left out
	// unless All is set.
	Deprecated bool
	All        bool
	// Sort is "recent" (newest first, the default) or "uses" or "label".
	Sort   string
	Limit  int
	Offset int
}

// TagActionFilter selects entries of the curation log.
type TagActionFilter struct {
	TagID   string // actions that touched this tag
	BatchID string // the actions of one bulk action
	Limit   int
	Offset  int
}
