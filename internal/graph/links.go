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

// Links calls fn for each link of actor x with another actor that exists
// for the sight; two actors sharing three notes are linked three times.
func (g *Graph) Links(s *Sight, x int32, fn func(Link)) {
	g.Neighbors(s, x, func(nb Neighbor) bool {
		switch nb.Kind {
		case EdgeAffiliation, EdgeKnows, EdgeNomination:
			if g.refs[nb.Node].Kind.IsActor() {
				fn(Link{Node: nb.Node, Kind: nb.Kind, Via: -1})
			}
		case EdgeAuthor, EdgePost, EdgeAttended, EdgeAbout:
			item := nb.Node
			if g.Degree(item) > maxShared*4 {
				return true
			}
			count := 0
			g.Neighbors(s, item, func(co Neighbor) bool {
				if co.Kind == EdgeAuthor || co.Kind == EdgePost || co.Kind == EdgeAttended || co.Kind == EdgeAbout {
					count++
				}
				return count <= maxShared
			})
			if count > maxShared {
				return true
			}
			g.Neighbors(s, item, func(co Neighbor) bool {
				if co.Node == x || !g.refs[co.Node].Kind.IsActor() {
					return true
				}
				kind := nb.Kind
				switch {
				case co.Kind == EdgeAbout || nb.Kind == EdgeAbout:
					kind = EdgeAbout
				case co.Kind != nb.Kind:
					return true
				}
				fn(Link{Node: co.Node, Kind: kind, Via: item})
				return true
			})
		}
		return true
	})
}
