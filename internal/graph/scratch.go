package graph

import "sync"

// scratch holds per-query arrays as long as the graph, indexed by node,
// so queries count without maps. An entry is valid only when its stamp
// equals the query's: a new query needs no clearing, only a new stamp.
type scratch struct {
	stamp uint32
	// mark: a set of nodes (a theme's items).
	mark []uint32
	// idx and idxStamp: the position of a node in a query's own list.
	idx      []int32
	idxStamp []uint32
	// seen: a second set, reset by tick for each sub-walk.
	seen     []uint32
	seenTick uint32
}

// scratchPool keeps scratch arrays between queries of one graph: a few,
// one per query running at once (a sync.Pool would drop them at every
// garbage collection, and they are megabytes long on a large graph).
type scratchPool struct {
	mu   sync.Mutex
	free []*scratch
}

// maxFreeScratch bounds the arrays kept: as many as queries usually run
// at once.
const maxFreeScratch = 8

func (g *Graph) getScratch() *scratch {
	g.scratch.mu.Lock()
	var s *scratch
	if n := len(g.scratch.free); n > 0 {
		s, g.scratch.free = g.scratch.free[n-1], g.scratch.free[:n-1]
	}
	g.scratch.mu.Unlock()
	if s != nil {
		s.stamp++
		if s.stamp == 0 { // wrapped: stale stamps could match again
			clear(s.mark)
			clear(s.idxStamp)
			s.stamp = 1
		}
		return s
	}
	n := len(g.refs)
	return &scratch{stamp: 1, mark: make([]uint32, n), idx: make([]int32, n), idxStamp: make([]uint32, n),
		seen: make([]uint32, n)}
}

func (g *Graph) putScratch(s *scratch) {
	g.scratch.mu.Lock()
	if len(g.scratch.free) < maxFreeScratch {
		g.scratch.free = append(g.scratch.free, s)
	}
	g.scratch.mu.Unlock()
}

// tick starts a new set in seen.
func (s *scratch) tick() {
	s.seenTick++
	if s.seenTick == 0 {
		clear(s.seen)
		s.seenTick = 1
	}
}

// see adds i to the current seen set and reports whether it was new.
func (s *scratch) see(i int32) bool {
	if s.seen[i] == s.seenTick {
		return false
	}
	s.seen[i] = s.seenTick
	return true
}
