// Package search is Maillage's full-text search: a French-aware analyzer
// (accents and case folded, elisions, inclusive forms, stop words,
// Snowball stems, English matched in English), a query language that
// never fails on what a person types, and an in-process inverted index
// that filters on audience keys inside the engine, so totals and facets
// count only what the viewer may see.
//
// The index is derived data: the store says what each document holds and
// who may see it (audiences derived from the one access policy), the
// service feeds the index from the store and its change log. Nothing here
// reads the database or decides who may see what.
package search

import "time"

// Kind is the type of a searchable item, named as the API's `type`
// parameter names it.
type Kind string

// The kinds of documents. Actors (cards for people not on the platform)
// and meetings are named now so the API accepts them from the start.
const (
	KindUser          Kind = "user"
	KindOrganization  Kind = "organization"
	KindActor         Kind = "actor"
	KindNote          Kind = "note"
	KindNotebook      Kind = "notebook"
	KindKnowledgeBase Kind = "knowledge_base"
	KindCommunity     Kind = "community"
	KindThread        Kind = "thread"
	KindMeeting       Kind = "meeting"
)

// Kinds lists every kind in the order the search page groups them.
func Kinds() []Kind {
	return []Kind{KindUser, KindOrganization, KindActor, KindCommunity, KindNote, KindNotebook,
		KindKnowledgeBase, KindThread, KindMeeting}
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Document is one searchable item as the store derives it. Text fields
// are plain text (Markdown already rendered to text); the analyzer folds
// and stems them.
type Document struct {
	Kind Kind
	ID   string

	// Title is the item's name: a person's display name, a note's title.
	// Matches here rank highest.
	Title string
	// Tags are the labels of the item's tags in both languages with
	// their synonyms, so a search for a synonym finds the tagged item.
	// They rank just below the title.
	Tags []string
	// Broader are the labels of the ancestors of the item's tags
	// (Mobilité durable is under Transition socio-écologique): a
	// search for the broader theme finds the item, ranked lower.
	Broader []string
	// Extra holds short descriptive text: pronouns, region,
	// organisations, authors' names, a community's name on its content.
	Extra []string
	// Body is the long text: a bio, a description, a note's summary and
	// body, a thread's posts.
	Body string

	// Audiences says who may see the document, as audience keys
	// (maillage.Audience.Key) in conjunctive form: the viewer must reach
	// at least one key of every group. Most documents have one group;
	// a thread has two (its community's readers, and its moderation).
	// A document with no group is seen by nobody.
	Audiences [][]string

	// Facets, for filters and counts on the results page.
	TagIDs      []string // the item's own tags (not their ancestors)
	Region      string   // a person's or organisation's region
	OrgType     string   // an organisation's type
	CommunityID string   // the community the item belongs to, if any

	// Ranking signals and sorts.
	Updated      time.Time
	Relations    int // links that everyone may see
	Publications int // public notes (for people and organisations)
}

// Sort orders results; the contract's names.
type Sort string

// The sorts of the contract.
const (
	SortRelevance    Sort = "relevance"
	SortRelations    Sort = "relations"
	SortPublications Sort = "publications"
	SortRecent       Sort = "recent"
)

// Valid reports whether s is one of the contract's sorts.
func (s Sort) Valid() bool {
	switch s {
	case SortRelevance, SortRelations, SortPublications, SortRecent:
		return true
	}
	return false
}

// Query is one search. Text is whatever the person typed: it is parsed,
// never rejected. Filters combine with AND; values inside one filter with OR.
type Query struct {
	Text string
	// AsYouType treats the last word as a prefix even without a
	// trailing space or star (suggestions while typing).
	AsYouType bool

	Kinds       []Kind
	TagIDs      []string // any of these tags (the caller expands synonyms and descendants)
	Region      string
	OrgType     string
	CommunityID string

	Sort   Sort
	Limit  int
	Offset int

	// Audience is the viewer's audience keys (maillage.Viewer.AudienceKeys):
	// only documents the viewer reaches are matched, counted or faceted.
	Audience []string
	// Facets asks for facet counts over every visible match.
	Facets bool
}

// Hit is one result.
type Hit struct {
	Kind  Kind
	ID    string
	Title string
	Score float64
}

// FacetValue is one value of a facet with the number of visible matches.
type FacetValue struct {
	Value string
	Count int
}

// Facet names, as the results page and Results.Facets name them.
const (
	FacetKind      = "type"
	FacetTag       = "tag"
	FacetRegion    = "region"
	FacetOrgType   = "org_type"
	FacetCommunity = "community"
)

// Results is the answer to a Query.
type Results struct {
	// Total is the number of visible matches, whatever Limit and Offset.
	Total int
	Hits  []Hit
	// Facets maps a facet name to its values, most frequent first.
	Facets map[string][]FacetValue
	// Terms are the index terms the query matched (after stemming,
	// prefix and typo expansion), for Highlight.
	Terms []string
}
