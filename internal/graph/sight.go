package graph

// Sight is what one viewer may see of a graph: made from the viewer's
// audience keys (maillage.Viewer.AudienceKeys), it decides each class of
// nodes and edges once, on first use. A Sight is for one goroutine.
type Sight struct {
	g    *Graph
	has  map[int32]bool
	seen []uint8 // by class: 0 not decided yet, 1 visible, 2 hidden
}

// Sight returns what a viewer holding the audience keys may see.
func (g *Graph) Sight(keys []string) *Sight {
	s := &Sight{g: g, has: make(map[int32]bool, len(keys)), seen: make([]uint8, len(g.classes))}
	for _, k := range keys {
		if id, ok := g.keys[k]; ok {
			s.has[id] = true
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
		hit := false
		for _, k := range grp {
			if s.has[k] {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// Node reports whether node i exists for the viewer.
func (s *Sight) Node(i int32) bool { return s.class(s.g.ncls[i]) }

// Public reports whether everyone may see node i.
func (g *Graph) Public(i int32) bool { return g.ncls[i] == classEveryone }
