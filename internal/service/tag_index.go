package service

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// tagIndex answers tag autocomplete from memory: every name of every live
// tag (label, English label, synonyms, and the words inside labels),
// sorted, so a prefix is a binary search. It is rebuilt from the store
// when the taxonomy's version moves (a new tag, a curation action, on
// this server or another), and only ever chooses candidates: whether the
// viewer may see a free tag, and how many of its uses, is asked of the
// store's policy filters for the few candidates shown.
type tagIndex struct {
	reload sync.Mutex // one rebuild at a time
	cur    atomic.Pointer[tagSnapshot]
}

// tagSnapshot is one immutable build of the index.
type tagSnapshot struct {
	version int64
	tags    []indexedTag
	names   []tagName // sorted by key
}

type indexedTag struct {
	tag  maillage.Tag
	uses int // by anyone: only to choose which free tags to ask about
}

// tagName is one name a tag answers to.
type tagName struct {
	key     string
	tag     int32
	quality uint8 // how good a match a prefix of this name is; lower is better
}

// Match qualities, best first.
const (
	matchLabel   uint8 = iota // the start of the label, in either language
	matchSynonym              // the start of a synonym
	matchWord                 // the start of a later word of a label
)

// freeRounds bounds how many batches of free candidates are checked
// against the policy when the first ones are hidden from the viewer.
const freeRounds = 3

func (x *tagIndex) snapshot(ctx context.Context, db *store.DB) (*tagSnapshot, error) {
	v, err := db.TaxonomyVersion(ctx)
	if err != nil {
		return nil, err
	}
	if s := x.cur.Load(); s != nil && s.version == v {
		return s, nil
	}
	x.reload.Lock()
	defer x.reload.Unlock()
	if s := x.cur.Load(); s != nil && s.version >= v {
		return s, nil
	}
	s, err := buildTagSnapshot(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("tag index: %w", err)
	}
	x.cur.Store(s)
	return s, nil
}

// buildTagSnapshot reads every live tag. The version is read first: a
// change made while reading leaves the snapshot older than the store, so
// the next question rebuilds it again.
func buildTagSnapshot(ctx context.Context, db *store.DB) (*tagSnapshot, error) {
	v, err := db.TaxonomyVersion(ctx)
	if err != nil {
		return nil, err
	}
	entries, err := db.TagIndexEntries(ctx)
	if err != nil {
		return nil, err
	}
	s := &tagSnapshot{version: v, tags: make([]indexedTag, len(entries))}
	for i, e := range entries {
		s.tags[i] = indexedTag{tag: e.Tag, uses: e.Uses}
		labels := map[string]bool{e.Tag.Key: true}
		if e.Tag.LabelEn != "" {
			labels[store.TagKey(e.Tag.LabelEn)] = true
		}
		for _, k := range e.Keys {
			q := matchSynonym
			if labels[k] {
				q = matchLabel
			}
			s.names = append(s.names, tagName{key: k, tag: int32(i), quality: q})
			if q != matchLabel {
				continue
			}
			for j := 0; j < len(k); j++ {
				if k[j] == ' ' && j+1 < len(k) {
					s.names = append(s.names, tagName{key: k[j+1:], tag: int32(i), quality: matchWord})
				}
			}
		}
	}
	sort.Slice(s.names, func(a, b int) bool { return s.names[a].key < s.names[b].key })
	return s, nil
}

// candidate is a tag matching the typed text, with its best match.
type candidate struct {
	tag     int32
	quality uint8
	exact   bool
}

// matches returns the tags with a name starting with key, best match
// per tag, deprecated ones left out.
func (s *tagSnapshot) matches(key string) []candidate {
	lo := sort.Search(len(s.names), func(i int) bool { return s.names[i].key >= key })
	// pos[tag] is 1 + the tag's place in out: a slice, not a map, since a
	// short prefix meets thousands of names.
	var pos []int32
	var out []candidate
	for i := lo; i < len(s.names) && strings.HasPrefix(s.names[i].key, key); i++ {
		n := s.names[i]
		if s.tags[n.tag].tag.Deprecated {
			continue
		}
		if pos == nil {
			pos = make([]int32, len(s.tags))
		}
		c := candidate{tag: n.tag, quality: n.quality, exact: n.key == key}
		if j := pos[n.tag]; j > 0 {
			if better(c, out[j-1]) {
				out[j-1] = c
			}
			continue
		}
		out = append(out, c)
		pos[n.tag] = int32(len(out))
	}
	return out
}

// topK keeps the k smallest elements of cs by cmp, sorted: a bounded
// insertion, since k is small and cs may hold thousands.
func topK(cs []candidate, k int, cmp func(a, b candidate) int) []candidate {
	if k <= 0 {
		return nil
	}
	out := make([]candidate, 0, k+1)
	for _, c := range cs {
		if len(out) == k && cmp(c, out[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(out, c, cmp)
		out = slices.Insert(out, i, c)
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}

func better(a, b candidate) bool {
	if a.exact != b.exact {
		return a.exact
	}
	return a.quality < b.quality
}

// suggest is AutocompleteTags: curated tags first, by how well they match
// then by the uses the viewer may see; then free tags the viewer may see,
// by those uses.
func (x *tagIndex) suggest(ctx context.Context, db *store.DB, v maillage.Viewer, prefix string, n int) ([]maillage.Tag, error) {
	key := store.TagKey(prefix)
	if key == "" {
		return nil, nil
	}
	if n <= 0 || n > 100 {
		n = 20
	}
	s, err := x.snapshot(ctx, db)
	if err != nil {
		return nil, err
	}
	var curated, free []candidate
	for _, c := range s.matches(key) {
		if s.tags[c.tag].tag.Curated() {
			curated = append(curated, c)
		} else {
			free = append(free, c)
		}
	}
	// Curated tags are public: the best matches, shortest names first.
	curated = topK(curated, n, func(a, b candidate) int {
		if a.exact != b.exact || a.quality != b.quality {
			if better(a, b) {
				return -1
			}
			return 1
		}
		ka, kb := s.tags[a.tag].tag.Key, s.tags[b.tag].tag.Key
		return cmp.Or(cmp.Compare(len(ka), len(kb)), cmp.Compare(ka, kb))
	})
	// Free tags: the viewer's own first, then the most used, asked of the
	// policy in batches until enough are visible.
	want := n - len(curated)
	batch := max(want*4, 8)
	free = topK(free, batch*freeRounds, func(a, b candidate) int {
		ta, tb := s.tags[a.tag], s.tags[b.tag]
		oa, ob := v.SignedIn() && ta.tag.CreatedBy == v.UserID, v.SignedIn() && tb.tag.CreatedBy == v.UserID
		if oa != ob {
			if oa {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(tb.uses, ta.uses), cmp.Compare(ta.tag.Key, tb.tag.Key))
	})
	ids := make([]string, 0, len(curated)+batch)
	for _, c := range curated {
		ids = append(ids, s.tags[c.tag].tag.ID)
	}
	end := 0
	if want > 0 {
		end = min(len(free), batch)
	}
	for _, c := range free[:end] {
		ids = append(ids, s.tags[c.tag].tag.ID)
	}
	vis, err := db.TagsVisibility(ctx, v, ids)
	if err != nil {
		return nil, err
	}
	shown := make([]maillage.Tag, 0, n)
	rank := map[string]int{}
	for _, c := range curated {
		t := s.tags[c.tag].tag
		t.Uses = vis[t.ID].Uses
		rank[t.ID] = int(c.quality) * 2
		if !c.exact {
			rank[t.ID]++
		}
		shown = append(shown, t)
	}
	// Among equally good matches, the most used lead.
	slices.SortStableFunc(shown, func(a, b maillage.Tag) int {
		return cmp.Or(cmp.Compare(rank[a.ID], rank[b.ID]), cmp.Compare(b.Uses, a.Uses))
	})
	var found []maillage.Tag
	keep := func(cs []candidate, vis map[string]store.TagVisibility) {
		for _, c := range cs {
			t := s.tags[c.tag].tag
			if tv := vis[t.ID]; tv.Visible {
				t.Uses = tv.Uses
				found = append(found, t)
			}
		}
	}
	keep(free[:end], vis)
	for round := 1; round < freeRounds && len(found) < want && end < len(free); round++ {
		next := min(len(free), end+batch)
		ids = ids[:0]
		for _, c := range free[end:next] {
			ids = append(ids, s.tags[c.tag].tag.ID)
		}
		if vis, err = db.TagsVisibility(ctx, v, ids); err != nil {
			return nil, err
		}
		keep(free[end:next], vis)
		end = next
	}
	slices.SortStableFunc(found, func(a, b maillage.Tag) int { return cmp.Compare(b.Uses, a.Uses) })
	shown = append(shown, found...)
	if len(shown) > n {
		shown = shown[:n]
	}
	return shown, nil
}
