package graph

import "slices"

// Sight is what one viewer may see of a graph: made from the viewer's
// audience keys (maillage.Viewer.AudienceKeys), it decides each class of
// nodes and edges once, on first use. A Sight is for one goroutine.
type Sight struct {
	g *Graph
	// has are the viewer's key IDs: a few dozen at most, which a linear
	// scan reads faster than a map.
	has  []int32
	seen []uint8 // by class: 0 not decided yet, 1 visible, 2 hidden
}

// Sight returns what a viewer holding the audience keys may see.
func (g *Graph) Sight(keys []string) *Sight {
	s := &Sight{g: g, seen: make([]uint8, len(g.classes))}
	s.seen[classEveryone] = 1
	for _, k := range keys {
		if id, ok := g.keys[k]; ok && !slices.Contains(s.has, id) {
			s.has = append(s.has, id)
		}
	}
	return s
}

// class decides class c.
func (s *Sight) class(c int32) bool {
	switch s.seen[c] {
	case 1:
		return true
	case 2:
		return false
	}
	ok := s.decide(s.g.classes[c])
	if ok {
		s.seen[c] = 1
	} else {
		s.seen[c] = 2
	}
	return ok
}

func (s *Sight) decide(c class) bool {
	if c.nobody {
		return false
	}
	for _, grp := range c.groups {
		if !slices.ContainsFunc(grp, func(k int32) bool { return slices.Contains(s.has, k) }) {
			return false
		}
	}
	return true
}

// Node reports whether node i exists for the viewer.
func (s *Sight) Node(i int32) bool { return s.class(s.g.ncls[i]) }

// Public reports whether everyone may see node i.
func (g *Graph) Public(i int32) bool { return g.ncls[i] == classEveryone }
