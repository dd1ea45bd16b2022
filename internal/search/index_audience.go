package search

import (
	"slices"
	"strings"
)

// classNobody is the audience class of a document no one may see (no
// group, or an empty group).
const classNobody = 0

// maxGroups is the most groups a class may have (one bit each); a
// document with more is seen by nobody, failing closed. Real documents
// have one or two.
const maxGroups = 64

// classGroup names one group of one class.
type classGroup struct {
	class uint32
	group uint8
}

// audiences interns audience keys and the distinct sets of groups
// documents carry (classes: public, each community's members, each
// owner...). A query never evaluates a document's audience: it marks
// the groups its viewer's keys open, and a document is visible when
// every group of its class is open.
type audiences struct {
	keys    map[string]uint32
	opens   [][]classGroup // by key id: the groups that hold the key
	full    []uint64       // by class: one bit per group; 0 for classNobody
	byCanon map[string]uint32
}

func newAudiences() audiences {
	return audiences{
		keys:    make(map[string]uint32),
		full:    []uint64{0}, // classNobody
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
	groups := strings.Split(canon, "\x01")
	if len(groups) > maxGroups {
		return classNobody
	}
	id := uint32(len(au.full))
	for g, group := range groups {
		for _, k := range strings.Split(group, "\x00") {
			kid, ok := au.keys[k]
			if !ok {
				kid = uint32(len(au.opens))
				au.keys[k] = kid
				au.opens = append(au.opens, nil)
			}
			au.opens[kid] = append(au.opens[kid], classGroup{class: id, group: uint8(g)})
		}
	}
	au.full = append(au.full, 1<<len(groups)-1)
	au.byCanon[canon] = id
	return id
}

// viewer returns the ids of the keys a viewer holds that some document
// uses; keys no document uses open nothing.
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

// visibility is, for one query, the groups the viewer's keys open.
type visibility struct {
	full    []uint64
	open    []uint64 // by class: the groups open to the viewer
	touched []uint32 // the classes with an open group, to clear after
}

// newVisibility marks the groups opened by the viewer's keys; open must
// be zero and as long as the classes.
func newVisibility(au *audiences, viewer []uint32, open []uint64, touched []uint32) visibility {
	v := visibility{full: au.full, open: open, touched: touched[:0]}
	for _, k := range viewer {
		for _, cg := range au.opens[k] {
			if v.open[cg.class] == 0 {
				v.touched = append(v.touched, cg.class)
			}
			v.open[cg.class] |= 1 << cg.group
		}
	}
	return v
}

// visible reports whether every group of class c is open to the viewer.
func (v *visibility) visible(c uint32) bool {
	return v.full[c] != 0 && v.open[c] == v.full[c]
}

// clear zeroes what newVisibility marked.
func (v *visibility) clear() {
	for _, c := range v.touched {
		v.open[c] = 0
	}
}
