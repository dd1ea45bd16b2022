package search

import (
	"cmp"
	"slices"
)

// maxFacetValues caps the values returned per facet (the most frequent).
const maxFacetValues = 100

// facets counts the type, tag, region, organisation type and community
// of every candidate: all visible matches after the filters, never just
// the page of hits.
func (s *searcher) facets(cands []cand) map[string][]FacetValue {
	ix := s.ix
	all := s.sc.counts(len(ix.kinds.names) + len(ix.tags.names) + len(ix.regions.names) +
		len(ix.orgTypes.names) + len(ix.communities.names))
	cut := func(n int) []int32 {
		c := all[:n]
		all = all[n:]
		return c
	}
	kinds, tags := cut(len(ix.kinds.names)), cut(len(ix.tags.names))
	regions, orgTypes, communities := cut(len(ix.regions.names)), cut(len(ix.orgTypes.names)), cut(len(ix.communities.names))
	for _, c := range cands {
		kinds[ix.hot[c.slot].kind]++
		fc := &ix.facet[c.slot]
		for _, t := range ix.tagArena[fc.tagOff : fc.tagOff+uint32(fc.tagN)] {
			tags[t]++
		}
		regions[fc.region]++
		orgTypes[fc.orgType]++
		communities[fc.community]++
	}
	out := make(map[string][]FacetValue)
	for _, f := range []struct {
		name   string
		in     *interner
		counts []int32
	}{
		{FacetKind, &ix.kinds, kinds}, {FacetTag, &ix.tags, tags}, {FacetRegion, &ix.regions, regions},
		{FacetOrgType, &ix.orgTypes, orgTypes}, {FacetCommunity, &ix.communities, communities},
	} {
		if vs := s.facetValues(f.in, f.counts); len(vs) > 0 {
			out[f.name] = vs
		}
	}
	return out
}

// facetValues lists the values with a count, most frequent first, ties
// by value, and zeroes the counts for the next query.
func (s *searcher) facetValues(in *interner, counts []int32) []FacetValue {
	counts[0] = 0 // no value
	top := s.sc.top[:0]
	for _, id := range in.order {
		if n := counts[id]; n > 0 {
			top = append(top, idCount{id: id, n: n})
			counts[id] = 0
		}
	}
	// order is by value: a stable sort by count keeps ties by value.
	slices.SortStableFunc(top, func(a, b idCount) int { return cmp.Compare(b.n, a.n) })
	s.sc.top = top
	top = top[:min(len(top), maxFacetValues)]
	if len(top) == 0 {
		return nil
	}
	vs := make([]FacetValue, len(top))
	for i, t := range top {
		vs[i] = FacetValue{Value: in.names[t.id], Count: int(t.n)}
	}
	return vs
}

// idCount is a facet value's id and count.
type idCount struct {
	id uint32
	n  int32
}
