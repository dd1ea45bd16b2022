package search

import (
	"slices"
	"strings"
)

// classNobody is the audience class of a document no one may see (no
// group, or an empty group).
const classNobody = 0

// audienceClass is one distinct Document.Audiences, as key ids: every
// group must hold one of the viewer's keys.
type audienceClass struct {
	groups [][]uint32 // each sorted
}

// audiences interns audience keys and sets of groups. Documents share a
// few thousand classes at most (public, each community's members, each
// owner...), so a query decides each class once, not each document.
type audiences struct {
	keys    map[string]uint32
	classes []audienceClass
	byCanon map[string]uint32
}

func newAudiences() audiences {
	return audiences{
		keys:    make(map[string]uint32),
		classes: []audienceClass{{}}, // classNobody
		byCanon: map[string]uint32{"": classNobody},
	}
}

// canonicalAudiences returns a string that is the same for two
// audiences that allow the same viewers up to order and repetition; ""
// for an audience that allows nobody. It needs no lock (documents are
// analysed before the index is locked).
func canonicalAudiences(groups [][]string) string {
	if len(groups) == 0 {
		return ""
	}
	parts := make([]string, 0, len(groups))
	for _, g := range groups {
		g = slices.Clone(g)
		slices.Sort(g)
		g = slices.Compact(g)
		if len(g) > 0 && g[0] == "" {
			g = g[1:] // an empty key is no key
		}
		if len(g) == 0 {
			return "" // a group nobody reaches hides the document
		}
		parts = append(parts, strings.Join(g, "\x00"))
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	return strings.Join(parts, "\x01")
}

// intern returns the class of a canonical audience, adding it if new.
func (au *audiences) intern(canon string) uint32 {
	if id, ok := au.byCanon[canon]; ok {
		return id
	}
	var c audienceClass
	for _, g := range strings.Split(canon, "\x01") {
		var ids []uint32
		for _, k := range strings.Split(g, "\x00") {
			id, ok := au.keys[k]
			if !ok {
				id = uint32(len(au.keys))
				au.keys[k] = id
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		c.groups = append(c.groups, ids)
	}
	id := uint32(len(au.classes))
	au.classes = append(au.classes, c)
	au.byCanon[canon] = id
	return id
}

// viewer returns the ids of the keys a viewer holds that some document
// uses, sorted; keys no document uses cannot open anything.
func (au *audiences) viewer(keys []string) []uint32 {
	var ids []uint32
	for _, k := range keys {
		if id, ok := au.keys[k]; ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// reaches reports whether a viewer holding the sorted keys may see a
// document of class c: one key in every group.
func (au *audiences) reaches(c uint32, viewer []uint32) bool {
	if c == classNobody {
		return false
	}
	for _, g := range au.classes[c].groups {
		if !intersects(g, viewer) {
			return false
		}
	}
	return true
}

// intersects reports whether two sorted id lists share an id.
func intersects(a, b []uint32) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) >= 8*len(a) {
		// A few keys against many: binary searches beat a merge.
		for _, x := range a {
			if _, ok := slices.BinarySearch(b, x); ok {
				return true
			}
		}
		return false
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// visibility caches, for one query, whether the viewer reaches each
// class: 0 not decided yet, 1 visible, 2 hidden.
type visibility struct {
	au     *audiences
	viewer []uint32
	seen   []uint8
}

func (v *visibility) visible(c uint32) bool {
	switch v.seen[c] {
	case 1:
		return true
	case 2:
		return false
	}
	ok := v.au.reaches(c, v.viewer)
	v.seen[c] = 2
	if ok {
		v.seen[c] = 1
	}
	return ok
}
