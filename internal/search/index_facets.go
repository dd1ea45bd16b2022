package search

import (
	"cmp"
	"slices"
	"strings"
)

// maxFacetValues caps the values returned per facet (the most frequent).
const maxFacetValues = 100

// facets counts the type, tag, region, organisation type and community
// of every candidate: all visible matches after the filters, never just
// the page of hits.
func (s *searcher) facets(cands []cand) map[string][]FacetValue {
	ix := s.ix
	kinds := make([]int, len(ix.kinds.names))
	tags := make([]int, len(ix.tags.names))
	regions := make([]int, len(ix.regions.names))
	orgTypes := make([]int, len(ix.orgTypes.names))
	communities := make([]int, len(ix.communities.names))
	for _, c := range cands {
		m := &ix.docs[c.slot]
		kinds[m.kind]++
		for _, t := range ix.tagArena[m.tagOff : m.tagOff+uint32(m.tagN)] {
			tags[t]++
		}
		regions[m.region]++
		orgTypes[m.orgType]++
		communities[m.community]++
	}
	out := make(map[string][]FacetValue)
	for name, counts := range map[string][]int{
		FacetKind: kinds, FacetTag: tags, FacetRegion: regions, FacetOrgType: orgTypes, FacetCommunity: communities,
	} {
		var names []string
		switch name {
		case FacetKind:
			names = ix.kinds.names
		case FacetTag:
			names = ix.tags.names
		case FacetRegion:
			names = ix.regions.names
		case FacetOrgType:
			names = ix.orgTypes.names
		case FacetCommunity:
			names = ix.communities.names
		}
		if vs := facetValues(names, counts); len(vs) > 0 {
			out[name] = vs
		}
	}
	return out
}

// facetValues lists the non-empty values with a count, most frequent
// first, ties by value.
func facetValues(names []string, counts []int) []FacetValue {
	var vs []FacetValue
	for id, n := range counts {
		if n > 0 && names[id] != "" {
			vs = append(vs, FacetValue{Value: names[id], Count: n})
		}
	}
	slices.SortFunc(vs, func(a, b FacetValue) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	if len(vs) > maxFacetValues {
		vs = vs[:maxFacetValues]
	}
	return vs
}
