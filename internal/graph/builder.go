package graph

import (
	"time"
)

// NodeRef names a node by its kind and the item's ID.
type NodeRef struct {
	Kind Kind
	ID   string
}

// Builder collects nodes and edges, then builds an immutable Graph. The
// store feeds it (store.LoadGraph); tests feed it by hand.
type Builder struct {
	cls    *classes
	index  map[NodeRef]int32
	nodes  []nodeData
	canons []string // by node: canonical audience
	edges  []edgeData
	topics map[string]int32
}

type nodeData struct {
	ref   NodeRef
	label string
	class int32
	at    int64 // unix seconds: creation or last change
}

type edgeData struct {
	from, to int32
	kind     EdgeKind
	class    int32
	topic    int32 // the tag node of a nomination, else -1
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{cls: newClasses(), index: map[NodeRef]int32{}, topics: map[string]int32{}}
}

// Node adds a node, or updates its label, audiences and time when the
// same ref was added before. audiences is who may see the item, as
// audience keys in conjunctive form (see Graph).
func (b *Builder) Node(ref NodeRef, label string, audiences [][]string, at time.Time) {
	canon := canonical(audiences)
	if len(audiences) == 0 {
		canon = "\x02"
	}
	n := nodeData{ref: ref, label: label, class: b.cls.intern(canon), at: at.Unix()}
	if i, ok := b.index[ref]; ok {
		b.nodes[i], b.canons[i] = n, canon
		return
	}
	b.index[ref] = int32(len(b.nodes))
	b.nodes = append(b.nodes, n)
	b.canons = append(b.canons, canon)
}

// Edge adds a relation between two nodes added before (an edge naming an
// absent node is dropped: the item was deleted meanwhile, or is one the
// graph does not hold). extra is who may see the relation itself beyond
// its two ends (a community's member list, a note's readers for a
// mention); nil adds nothing. topic names the tag of a nomination.
func (b *Builder) Edge(kind EdgeKind, from, to NodeRef, extra [][]string, topic string) bool {
	f, ok1 := b.index[from]
	t, ok2 := b.index[to]
	if !ok1 || !ok2 || f == t {
		return false
	}
	extraCanon := ""
	if extra != nil {
		extraCanon = canonical(extra)
	}
	e := edgeData{from: f, to: t, kind: kind, topic: -1,
		class: b.cls.intern(join(b.canons[f], b.canons[t], extraCanon))}
	if topic != "" {
		tg, ok := b.index[NodeRef{KindTag, topic}]
		if !ok {
			return false
		}
		e.topic = tg
	}
	b.edges = append(b.edges, e)
	return true
}

// Has reports whether the node was added.
func (b *Builder) Has(ref NodeRef) bool {
	_, ok := b.index[ref]
	return ok
}

// Build returns the graph in compact form. The builder may not be used
// afterwards.
func (b *Builder) Build() *Graph {
	n := len(b.nodes)
	g := &Graph{
		refs:    make([]NodeRef, n),
		labels:  make([]string, n),
		ncls:    make([]int32, n),
		at:      make([]int64, n),
		index:   b.index,
		classes: b.cls.list,
		keys:    b.cls.keys,
		off:     make([]int32, n+1),
	}
	for i, nd := range b.nodes {
		g.refs[i], g.labels[i], g.ncls[i], g.at[i] = nd.ref, nd.label, nd.class, nd.at
		g.byKind[nd.ref.Kind] = append(g.byKind[nd.ref.Kind], int32(i))
	}
	for _, e := range b.edges {
		g.off[e.from+1]++
		g.off[e.to+1]++
	}
	for i := 1; i <= n; i++ {
		g.off[i] += g.off[i-1]
	}
	m := int(g.off[n])
	g.adj, g.ekind, g.ecls = make([]int32, m), make([]uint8, m), make([]int32, m)
	fill := make([]int32, n)
	copy(fill, g.off[:n])
	put := func(at, to int32, kind uint8, cls int32) {
		p := fill[at]
		fill[at]++
		g.adj[p], g.ekind[p], g.ecls[p] = to, kind, cls
	}
	for _, e := range b.edges {
		back := uint8(e.kind)
		if e.kind.directed() {
			back |= reversed
		}
		put(e.from, e.to, uint8(e.kind), e.class)
		put(e.to, e.from, back, e.class)
		if e.topic >= 0 {
			g.nominations = append(g.nominations, nomination{from: e.from, to: e.to, topic: e.topic, class: e.class})
		}
	}
	g.edgeCount = len(b.edges)
	g.doff = make([]int32, n+1)
	for i := range n {
		c := int32(0)
		for p := g.off[i]; p < g.off[i+1]; p++ {
			if k := EdgeKind(g.ekind[p] &^ reversed); k == EdgeAffiliation || k == EdgeKnows {
				c++
			}
		}
		g.doff[i+1] = g.doff[i] + c
	}
	g.dpos = make([]int32, 0, g.doff[n])
	for i := range n {
		for p := g.off[i]; p < g.off[i+1]; p++ {
			if k := EdgeKind(g.ekind[p] &^ reversed); k == EdgeAffiliation || k == EdgeKnows {
				g.dpos = append(g.dpos, p)
			}
		}
	}
	g.participants = make([]int32, n)
	for _, e := range b.edges {
		if sharing(e.kind) {
			if g.refs[e.from].Kind.IsActor() {
				g.participants[e.to]++
			} else {
				g.participants[e.from]++
			}
		}
	}
	g.buildPublic()
	return g
}
