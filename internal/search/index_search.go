package search

import (
	"slices"
)

// Result limits of the contract.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// cand is a document that matches the query so far.
type cand struct {
	slot  uint32
	title uint32 // bit g: group g matched in the title
	score float64
	best  float64 // the best alternative of the group being matched
	hit   bool    // the group being matched was found
}

// searcher evaluates one query under the index's read lock.
type searcher struct {
	ix  *Index
	q   *Query
	sc  *scratch
	vis visibility
	bm  bm25

	// Filters; none means a filter names a value no document has.
	none      bool
	kinds     []bool // by kind id; nil: any kind
	tagFilter []uint32
	region    uint32
	orgType   uint32
	community uint32

	groups   []group // one per positive word, in query order
	phrases  []phraseCheck
	excludes []phraseCheck
	terms    []string
}

// Search runs a query. It never fails: what cannot match gives no hits.
// Only documents the viewer reaches (Query.Audience) are matched,
// counted and faceted.
func (ix *Index) Search(q Query) Results {
	pq := parseQuery(ix.an, q.Text, q.AsYouType)
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	offset := max(q.Offset, 0)

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s := ix.newSearcher(&q)
	defer s.release()

	var cands []cand
	switch {
	case s.none:
	case pq.blank:
		cands = s.everything()
	default:
		if s.prepare(pq) {
			cands = s.match()
		}
	}
	res := Results{Total: len(cands), Terms: s.terms}
	s.finish(cands)
	if q.Facets {
		res.Facets = s.facets(cands)
	}
	res.Hits = s.top(cands, offset, limit)
	return res
}

func (ix *Index) newSearcher(q *Query) *searcher {
	sc, _ := ix.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	sc.prepare(len(ix.docs), len(ix.aud.classes))
	s := &searcher{ix: ix, q: q, sc: sc}
	s.vis = visibility{au: &ix.aud, viewer: ix.aud.viewer(q.Audience), seen: sc.seen}
	s.bm = newBM25(ix)
	s.compileFilters()
	return s
}

func (s *searcher) release() {
	s.sc.reset()
	s.ix.scratch.Put(s.sc)
}

// compileFilters turns the query's filters into ids.
func (s *searcher) compileFilters() {
	ix, q := s.ix, s.q
	if len(q.Kinds) > 0 {
		s.kinds = make([]bool, len(ix.kinds.names))
		for _, k := range q.Kinds {
			if id, ok := ix.kinds.lookup(string(k)); ok && k != "" {
				s.kinds[id] = true
			}
		}
		if !slices.Contains(s.kinds, true) {
			s.none = true
		}
	}
	if len(q.TagIDs) > 0 {
		for _, t := range q.TagIDs {
			if id, ok := ix.tags.lookup(t); ok && t != "" {
				s.tagFilter = append(s.tagFilter, id)
			}
		}
		slices.Sort(s.tagFilter)
		s.tagFilter = slices.Compact(s.tagFilter)
		if len(s.tagFilter) == 0 {
			s.none = true
		}
	}
	one := func(in *interner, v string) uint32 {
		if v == "" {
			return 0
		}
		id, ok := in.lookup(v)
		if !ok {
			s.none = true
		}
		return id
	}
	s.region = one(&ix.regions, q.Region)
	s.orgType = one(&ix.orgTypes, q.OrgType)
	s.community = one(&ix.communities, q.CommunityID)
}

// pass reports whether the document in slot is live, visible to the
// viewer and passes the filters.
func (s *searcher) pass(slot uint32) bool {
	m := &s.ix.docs[slot]
	if m.deleted || !s.vis.visible(m.class) {
		return false
	}
	if s.kinds != nil && !s.kinds[m.kind] {
		return false
	}
	if s.region != 0 && m.region != s.region || s.orgType != 0 && m.orgType != s.orgType ||
		s.community != 0 && m.community != s.community {
		return false
	}
	if s.tagFilter != nil {
		for _, t := range s.ix.tagArena[m.tagOff : m.tagOff+uint32(m.tagN)] {
			if _, ok := slices.BinarySearch(s.tagFilter, t); ok {
				return true
			}
		}
		return false
	}
	return true
}

// everything returns every document that passes the filters (a blank
// query: browsing by type or tag).
func (s *searcher) everything() []cand {
	cands := s.sc.cands[:0]
	if s.tagFilter != nil {
		for _, slot := range s.taggedSlots() {
			if s.pass(slot) {
				cands = append(cands, cand{slot: slot})
			}
		}
		return cands
	}
	for slot := range s.ix.docs {
		if s.pass(uint32(slot)) {
			cands = append(cands, cand{slot: uint32(slot)})
		}
	}
	return cands
}

// taggedSlots returns the sorted slots that carry one of the filter's
// tags.
func (s *searcher) taggedSlots() []uint32 {
	if len(s.tagFilter) == 1 {
		return s.ix.tagSlots[s.tagFilter[0]]
	}
	bits := s.sc.bitmap(len(s.ix.docs))
	for _, t := range s.tagFilter {
		for _, slot := range s.ix.tagSlots[t] {
			bits[slot/64] |= 1 << (slot % 64)
		}
	}
	out := s.sc.slots[:0]
	for w, b := range bits {
		for b != 0 {
			bit := uint32(trailingZeros(b))
			out = append(out, uint32(w)*64+bit)
			b &= b - 1
		}
		bits[w] = 0
	}
	s.sc.slots = out
	return out
}

// taggedCount is the number of slots carrying a filter tag (with
// repeats), the cost of starting from them.
func (s *searcher) taggedCount() int {
	n := 0
	for _, t := range s.tagFilter {
		n += len(s.ix.tagSlots[t])
	}
	return n
}

// prepare resolves the parsed query into groups, phrases and
// exclusions; false when it cannot match anything.
func (s *searcher) prepare(pq parsedQuery) bool {
	if !pq.positive() {
		return false
	}
	ok := true
	for _, c := range pq.clauses {
		if c.exclude {
			ex := phraseCheck{}
			for _, w := range c.words {
				g := s.resolve(w, w.prefix)
				if len(g.alts) == 0 {
					ex.groups = nil
					break // a word absent from the index excludes nothing
				}
				ex.groups = append(ex.groups, g)
				ex.offs = append(ex.offs, w.off)
			}
			if len(ex.groups) > 0 {
				ex.phrase = c.phrase
				s.excludes = append(s.excludes, ex)
			}
			continue
		}
		var ph phraseCheck
		for _, w := range c.words {
			g := s.resolve(w, true)
			g.optional = w.optional && len(pq.clauses) > 1
			if len(g.alts) == 0 {
				if g.optional {
					continue
				}
				ok = false
			}
			for _, a := range g.alts {
				s.terms = append(s.terms, s.ix.vocab.text[a.term])
			}
			ph.groups = append(ph.groups, g)
			ph.offs = append(ph.offs, w.off)
			s.groups = append(s.groups, g)
		}
		if c.phrase {
			ph.phrase = true
			s.phrases = append(s.phrases, ph)
		}
	}
	slices.Sort(s.terms)
	s.terms = slices.Compact(s.terms)
	return ok
}

// match returns the documents that match every group, the phrases and
// none of the exclusions, with their text scores.
func (s *searcher) match() []cand {
	var order, optional []int
	for i, g := range s.groups {
		if g.optional {
			optional = append(optional, i)
		} else {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return nil
	}
	slices.SortStableFunc(order, func(a, b int) int { return s.groups[a].df - s.groups[b].df })
	order = append(order, optional...)
	var cands []cand
	if s.tagFilter != nil && s.taggedCount() < s.groups[order[0]].df {
		// A rare tag: start from its documents, look the words up in them.
		for _, slot := range s.taggedSlots() {
			if s.pass(slot) {
				cands = append(cands, cand{slot: slot})
			}
		}
	} else {
		cands = s.start(order[0])
		order = order[1:]
	}
	for _, g := range order {
		if len(cands) == 0 {
			break
		}
		cands = s.intersect(cands, g)
	}
	for i := range s.phrases {
		cands = s.keepPhrases(cands, &s.phrases[i], true)
	}
	for i := range s.excludes {
		cands = s.keepPhrases(cands, &s.excludes[i], false)
	}
	return cands
}

// start walks the postings of group g and returns the documents that
// pass the filters, scored.
func (s *searcher) start(g int) []cand {
	alts := s.groups[g].alts
	if len(alts) > maxMergeAlts {
		return s.startDense(g)
	}
	cands := s.sc.cands[:0]
	var cursArr [maxMergeAlts]cursor
	curs := cursArr[:len(alts)]
	for i, a := range alts {
		curs[i] = newCursor(&s.ix.postings[a.term])
		curs[i].next()
	}
	for {
		slot, found := uint32(0), false
		for i := range curs {
			if !curs[i].done && (!found || curs[i].slot < slot) {
				slot, found = curs[i].slot, true
			}
		}
		if !found {
			break
		}
		ok := s.pass(slot)
		c := cand{slot: slot}
		for i := range curs {
			if curs[i].done || curs[i].slot != slot {
				continue
			}
			if ok {
				s.score(&c, &curs[i], alts[i].weight, g)
			}
			curs[i].next()
		}
		if ok {
			c.score, c.best, c.hit = c.best, 0, false
			cands = append(cands, c)
		}
	}
	return cands
}

// maxMergeAlts is how many alternatives start merges cursor by cursor;
// more (a prefix) go through per-slot arrays.
const maxMergeAlts = 4

// startDense is start for many alternatives: each list is walked in
// turn into per-slot arrays, then the touched slots are read in order.
func (s *searcher) startDense(g int) []cand {
	n := len(s.ix.docs)
	best, title, touched := s.sc.dense(n)
	for _, a := range s.groups[g].alts {
		c := newCursor(&s.ix.postings[a.term])
		for c.next() {
			slot := c.slot
			sc := a.weight * s.bm.score(&c, &s.ix.docs[slot])
			touched[slot/64] |= 1 << (slot % 64)
			if float32(sc) > best[slot] {
				best[slot] = float32(sc)
			}
			if c.mask&(1<<fieldTitle) != 0 {
				title[slot/64] |= 1 << (slot % 64)
			}
		}
	}
	cands := s.sc.cands[:0]
	for w, b := range touched {
		for b != 0 {
			bit := uint32(trailingZeros(b))
			b &= b - 1
			slot := uint32(w)*64 + bit
			if s.pass(slot) {
				c := cand{slot: slot, score: float64(best[slot])}
				if title[w]&(1<<bit) != 0 {
					c.title = 1 << g
				}
				cands = append(cands, c)
			}
			best[slot] = 0
		}
		touched[w], title[w] = 0, 0
	}
	return cands
}

// intersect keeps the candidates that group g matches and adds its score.
func (s *searcher) intersect(cands []cand, g int) []cand {
	for _, a := range s.groups[g].alts {
		c := newCursor(&s.ix.postings[a.term])
		for i := range cands {
			if !c.advance(cands[i].slot) {
				break
			}
			if c.slot == cands[i].slot {
				s.score(&cands[i], &c, a.weight, g)
			}
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		if c.hit || s.groups[g].optional {
			c.score += c.best
			c.best, c.hit = 0, false
			kept = append(kept, c)
		}
	}
	return kept
}

// score records the match of one alternative of group g in c.
func (s *searcher) score(c *cand, cur *cursor, weight float64, g int) {
	sc := weight * s.bm.score(cur, &s.ix.docs[cur.slot])
	if !c.hit || sc > c.best {
		c.best = sc
	}
	c.hit = true
	if cur.mask&(1<<fieldTitle) != 0 && g < 32 {
		c.title |= 1 << g
	}
}
