package graph

import (
	"slices"
	"strings"
)

// everyoneKey is the audience key every viewer holds
// (maillage.Everyone().Key()).
const everyoneKey = "everyone"

// A class is one distinct "who may see this": groups of audience key
// IDs, in conjunctive form (a viewer must hold one key of every group).
// Nodes and edges store the index of their class, so a graph of millions
// of edges holds a few thousand classes, and a viewer's sight decides
// each class once.
type class struct {
	groups [][]int32
	nobody bool
}

// classes interns classes and audience keys while a graph is built.
type classes struct {
	keys    map[string]int32
	list    []class
	byCanon map[string]int32
}

// classEveryone is the class without constraint; classNobody the class
// nobody reaches.
const (
	classEveryone int32 = 0
	classNobody   int32 = 1
)

func newClasses() *classes {
	return &classes{
		keys:    map[string]int32{},
		list:    []class{{}, {nobody: true}},
		byCanon: map[string]int32{"": classEveryone, "\x02": classNobody},
	}
}

// canonical returns the canonical form of groups of audience keys: a
// group holding everyone is dropped (it constrains nothing), groups and
// keys are sorted and deduplicated. A group holding no key makes the
// whole nobody's ("\x02").
func canonical(groups [][]string) string {
	parts := make([]string, 0, len(groups))
	for _, g := range groups {
		g = slices.Clone(g)
		slices.Sort(g)
		g = slices.Compact(g)
		if len(g) > 0 && g[0] == "" {
			g = g[1:]
		}
		if len(g) == 0 {
			return "\x02"
		}
		if slices.Contains(g, everyoneKey) {
			continue
		}
		parts = append(parts, strings.Join(g, "\x00"))
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	return strings.Join(parts, "\x01")
}

// intern returns the class of canonical groups.
func (cs *classes) intern(canon string) int32 {
	if id, ok := cs.byCanon[canon]; ok {
		return id
	}
	var c class
	for _, group := range strings.Split(canon, "\x01") {
		var ids []int32
		for _, k := range strings.Split(group, "\x00") {
			id, ok := cs.keys[k]
			if !ok {
				id = int32(len(cs.keys))
				cs.keys[k] = id
			}
			ids = append(ids, id)
		}
		c.groups = append(c.groups, ids)
	}
	id := int32(len(cs.list))
	cs.list = append(cs.list, c)
	cs.byCanon[canon] = id
	return id
}

// join is the class of what needs every one of the canonical forms.
func join(canons ...string) string {
	var parts []string
	for _, c := range canons {
		switch c {
		case "\x02":
			return "\x02"
		case "":
			continue
		}
		parts = append(parts, strings.Split(c, "\x01")...)
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	return strings.Join(parts, "\x01")
}
