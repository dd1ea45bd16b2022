package graph

// maxShared bounds the items through which two actors count as linked:
// co-authors of a note with up to maxShared authors, people in a thread
// or a meeting of up to maxShared participants. Beyond that a shared item
// says little about two people, and walking it costs much.
const maxShared = 50

// Link is one reason two actors are linked: a direct relation (Via is
// -1) or an item they share (a note both wrote, a thread both posted
// in, a meeting both attended).
type Link struct {
	Node int32
	// Kind is the relation: EdgeAffiliation, EdgeKnows and EdgeNomination
	// directly; EdgeAuthor (co-authorship), EdgePost (same discussion)
	// and EdgeAttended (same meeting) through Via; EdgeAbout for the
	// author of a note about an organisation or a card.
	Kind EdgeKind
	Via  int32
}

// sharing reports whether relations of the kind put an actor in an item
// shared with others (a note's authors or subject, a thread's posters, a
// meeting's attendees).
func sharing(k EdgeKind) bool {
	return k == EdgeAuthor || k == EdgePost || k == EdgeAttended || k == EdgeAbout
}

// Links calls fn for each link of actor x with another actor that exists
// for the sight; two actors sharing three notes are linked three times.
// Items with more than maxShared participants (all of them counted,
// visible or not, when the graph was built) link nobody.
func (g *Graph) Links(s *Sight, x int32, fn func(Link)) {
	for p := g.off[x]; p < g.off[x+1]; p++ {
		k := EdgeKind(g.ekind[p] &^ reversed)
		j := g.adj[p]
		switch {
		case k == EdgeAffiliation || k == EdgeKnows || k == EdgeNomination:
			if g.refs[j].Kind.IsActor() && s.class(g.ecls[p]) {
				fn(Link{Node: j, Kind: k, Via: -1})
			}
		case sharing(k):
			if g.participants[j] > maxShared || !s.class(g.ecls[p]) {
				continue
			}
			for r := g.off[j]; r < g.off[j+1]; r++ {
				co := g.adj[r]
				ck := EdgeKind(g.ekind[r] &^ reversed)
				if co == x || !sharing(ck) || !g.refs[co].Kind.IsActor() || !s.class(g.ecls[r]) {
					continue
				}
				kind := k
				switch {
				case ck == EdgeAbout || k == EdgeAbout:
					kind = EdgeAbout
				case ck != k:
					continue
				}
				fn(Link{Node: co, Kind: kind, Via: j})
			}
		}
	}
}
