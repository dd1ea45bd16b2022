package graph

import (
	"time"
	"unsafe"
)

// Graph is an immutable relation graph in compressed sparse rows: the
// neighbours of node i are adj[off[i]:off[i+1]], with the relation's kind
// (ekind) and class (ecls) at the same positions. It is safe for
// concurrent use; a changed store gives a new Graph.
type Graph struct {
	refs   []NodeRef
	labels []string
	ncls   []int32
	at     []int64
	index  map[NodeRef]int32
	byKind [numKinds][]int32

	off   []int32
	adj   []int32
	ekind []uint8
	ecls  []int32

	classes []class
	keys    map[string]int32

	nominations []nomination
	edgeCount   int
	// participants counts, for each item, the actors sharing it (see
	// Links), whoever may see them.
	participants []int32
	// direct is the part of the rows holding the relations that link two
	// actors directly (affiliations, acquaintances), as positions in adj,
	// so that counting an actor's relations need not walk all its rows.
	doff []int32
	dpos []int32

	// pub is the part everyone may see, weighted, for PageRank.
	pub publicCSR

	scratch scratchPool
}

// nomination is one nominee named by one respondent (from: an interned
// respondent key, not a node) on a theme (topic: a tag node).
type nomination struct {
	from, to, topic, class int32
}

// Node is the index of the node named by ref, and whether it is there.
func (g *Graph) Node(ref NodeRef) (int32, bool) {
	i, ok := g.index[ref]
	return i, ok
}

// Ref names node i.
func (g *Graph) Ref(i int32) NodeRef { return g.refs[i] }

// Label is node i's name or title, as everyone may see it.
func (g *Graph) Label(i int32) string { return g.labels[i] }

// Time is when node i was created or last changed.
func (g *Graph) Time(i int32) time.Time { return time.Unix(g.at[i], 0).UTC() }

// Len is the number of nodes.
func (g *Graph) Len() int { return len(g.refs) }

// Edges is the number of relations (each counted once).
func (g *Graph) Edges() int { return g.edgeCount }

// OfKind lists the nodes of a kind.
func (g *Graph) OfKind(k Kind) []int32 { return g.byKind[k] }

// Degree is the number of relations of node i, visible or not.
func (g *Graph) Degree(i int32) int { return int(g.off[i+1] - g.off[i]) }

// Neighbor is one relation of a node as a viewer sees it.
type Neighbor struct {
	Node int32
	Kind EdgeKind
	// Outgoing is false for the far end of a directed relation that
	// points at this node (a note linking here, a nomination of it).
	Outgoing bool
}

// Neighbors calls fn for each relation of node i that exists for the
// sight (both ends and the relation visible), until fn returns false.
func (g *Graph) Neighbors(s *Sight, i int32, fn func(Neighbor) bool) {
	for p := g.off[i]; p < g.off[i+1]; p++ {
		if !s.class(g.ecls[p]) {
			continue
		}
		k := g.ekind[p]
		if !fn(Neighbor{Node: g.adj[p], Kind: EdgeKind(k &^ reversed), Outgoing: k&reversed == 0}) {
			return
		}
	}
}

// Stats describes the graph's size in memory.
type Stats struct {
	Nodes, Edges, Classes, Keys int
	// Bytes estimates the memory the arrays and maps hold.
	Bytes int64
}

// Stats measures the graph.
func (g *Graph) Stats() Stats {
	st := Stats{Nodes: len(g.refs), Edges: g.edgeCount, Classes: len(g.classes), Keys: len(g.keys)}
	var b int64
	for i, r := range g.refs {
		b += int64(len(r.ID) + len(g.labels[i]))
	}
	n := int64(len(g.refs))
	b += n * int64(unsafe.Sizeof(NodeRef{})+unsafe.Sizeof("")+4+8)
	b += n * 48 // index map entry, roughly
	b += int64(len(g.off))*4 + int64(len(g.adj))*(4+1+4)
	for _, c := range g.classes {
		for _, grp := range c.groups {
			b += int64(len(grp))*4 + 24
		}
	}
	b += int64(len(g.pub.adj))*8 + int64(len(g.pub.off))*4 + n*8 + n*4
	st.Bytes = b
	return st
}

// AllNeighbors lists every relation of node i whatever its audience: for
// tools that measure the graph, never for answering a viewer.
func (g *Graph) AllNeighbors(i int32) []Neighbor {
	out := make([]Neighbor, 0, g.off[i+1]-g.off[i])
	for p := g.off[i]; p < g.off[i+1]; p++ {
		k := g.ekind[p]
		out = append(out, Neighbor{Node: g.adj[p], Kind: EdgeKind(k &^ reversed), Outgoing: k&reversed == 0})
	}
	return out
}
