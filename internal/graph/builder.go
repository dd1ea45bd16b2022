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
	// noms are nominations: who answered (an interned respondent key),
	// whom they named, on which tag, seen by whom.
	noms        []nomination
	respondents map[string]int32
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
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{cls: newClasses(), index: map[NodeRef]int32{}, topics: map[string]int32{}, respondents: map[string]int32{}}
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
// mention); nil adds nothing.
func (b *Builder) Edge(kind EdgeKind, from, to NodeRef, extra [][]string) bool {
	f, ok1 := b.index[from]
	t, ok2 := b.index[to]
	if !ok1 || !ok2 || f == t {
		return false
	}
	extraCanon := ""
	if extra != nil {
		extraCanon = canonical(extra)
	}
	e := edgeData{from: f, to: t, kind: kind, class: b.cls.intern(join(b.canons[f], b.canons[t], extraCanon))}
	b.edges = append(b.edges, e)
	return true
}

// Nomination records that a respondent (named by a key: their account
// or their row, for someone asked by email) named nominee on the tag,
// in a request whose answers audiences may see (its requester). When
// the respondent has an account (from), the two are also linked by an
// EdgeNomination, which second-degree paths may take.
func (b *Builder) Nomination(respondent string, from *NodeRef, nominee NodeRef, audiences [][]string, tag string) bool {
	to, ok := b.index[nominee]
	tg, ok2 := b.index[NodeRef{KindTag, tag}]
	if !ok || !ok2 || len(audiences) == 0 {
		return false
	}
	r, ok := b.respondents[respondent]
	if !ok {
		r = int32(len(b.respondents))
		b.respondents[respondent] = r
	}
	canon := canonical(audiences)
	b.noms = append(b.noms, nomination{from: r, to: to, topic: tg, class: b.cls.intern(join(b.canons[to], canon))})
	if from != nil {
		b.Edge(EdgeNomination, *from, nominee, audiences)
	}
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
	}
	g.edgeCount = len(b.edges)
	g.nominations = b.noms
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
