// Package graph holds the relation graph of Maillage in memory: one model
// of everything that links people, organisations, actor cards,
// communities, notes, notebooks, threads, meetings and tags, stored in
// compact arrays (compressed sparse rows) and read by the discovery
// algorithms (key actors of a theme, second degree, PageRank).
//
// The graph knows nothing of the database or of the access policy's
// rules: each node and each edge carries the audience keys that may see
// it (maillage.Audience.Key), derived by the store from the one policy,
// and a Sight made from a viewer's keys says which of them exist for that
// viewer. An edge exists for a viewer only when both of its ends and the
// thing it rests on do.
package graph

// Kind is the kind of a node.
type Kind uint8

// The kinds of nodes.
const (
	KindUser Kind = iota
	KindOrganization
	KindActor
	KindCommunity
	KindNote
	KindNotebook
	KindThread
	KindMeeting
	KindTag
	numKinds
)

var kindNames = [numKinds]string{"user", "organization", "actor", "community", "note", "notebook", "thread", "meeting", "tag"}

// String is the kind's name as the API spells types ("user", "note").
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "unknown"
}

// ParseKind is the kind named s, and whether there is one.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// IsActor reports whether nodes of the kind are actors: the people,
// organisations and actor cards that rankings and second-degree
// suggestions are about.
func (k Kind) IsActor() bool { return k == KindUser || k == KindOrganization || k == KindActor }

// EdgeKind is the kind of a relation.
type EdgeKind uint8

// The kinds of relations. Each is stored in both directions; Directed
// kinds remember which end is the source (see Graph.Outgoing).
const (
	// EdgeAffiliation: a person works with an organisation.
	EdgeAffiliation EdgeKind = iota
	// EdgeMembership: a person belongs to a community.
	EdgeMembership
	// EdgeAuthor: a person wrote a note (co-authorship is two of them).
	EdgeAuthor
	// EdgePost: a person started or replied in a discussion thread.
	EdgePost
	// EdgeMention: a note names a person.
	EdgeMention
	// EdgeLink: a note links to another ([[wiki link]]); directed.
	EdgeLink
	// EdgeTagged: an item carries a tag (a person's interest, an
	// organisation's sector, a note's subject...).
	EdgeTagged
	// EdgeContains: a notebook holds a note; a community holds a
	// notebook, a thread or a meeting.
	EdgeContains
	// EdgeAbout: a note is about an organisation or an actor card.
	EdgeAbout
	// EdgeNomination: a person named another, an organisation or a card
	// as mattering on a theme (Graph.Topic); directed, seen by the one
	// who asked only.
	EdgeNomination
	// EdgeKnows: two people declared, and both confirmed, that they
	// know each other or worked together.
	EdgeKnows
	// EdgeAttended: a person attended a meeting.
	EdgeAttended
	numEdgeKinds
)

var edgeKindNames = [numEdgeKinds]string{"affiliation", "membership", "author", "post", "mention", "link", "tagged",
	"contains", "about", "nomination", "knows", "attended"}

// String is the relation's name ("affiliation", "author").
func (e EdgeKind) String() string {
	if e < numEdgeKinds {
		return edgeKindNames[e]
	}
	return "unknown"
}

// ParseEdgeKind is the relation named s, and whether there is one.
func ParseEdgeKind(s string) (EdgeKind, bool) {
	for i, n := range edgeKindNames {
		if n == s {
			return EdgeKind(i), true
		}
	}
	return 0, false
}

// directed kinds keep their direction: the reverse copy is marked.
func (e EdgeKind) directed() bool { return e == EdgeLink || e == EdgeNomination }

// reversed marks the stored copy of a directed edge that points back
// from its target to its source.
const reversed = 0x80
