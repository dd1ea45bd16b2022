package search

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Index is an in-memory inverted index of Documents. Search may run
// concurrently with Upsert and Delete: readers share a lock, and the
// slow part of an update (analysing the text) happens before the index
// is locked.
//
// Each document version gets the next slot number. Updating a document
// tombstones its old slot and appends a new one, so posting lists stay
// sorted by appending; once tombstones pass a quarter of the slots the
// index compacts itself, building the compacted copy while searches go
// on and swapping it in under the write lock.
//
// The index is derived data: it holds no copy of anything the store
// does not, and a new process rebuilds it from the store.
type Index struct {
	an *Analyzer

	mu sync.RWMutex
	// Per slot, in three arrays by how often a query reads them.
	hot      []docHot
	facet    []docFacet
	docs     []docMeta
	byKey    map[docKey]uint32
	live     int
	vocab    vocabulary
	surface  surfaceVocab
	postings []postingList // by term id
	nPosting int
	aud      audiences

	kinds       interner
	tags        interner
	tagSlots    [][]uint32 // by tag id: the slots that carry it, sorted
	tagArena    []uint32   // the tag ids of every slot, see docMeta.tagOff
	regions     interner
	orgTypes    interner
	communities interner

	fieldLenSum [numFields]int64
	newestDay   uint16 // the latest Updated (see dayOf): recency is relative to it

	// gen counts the writes, so that a compaction built beside the
	// live index knows whether it is still a copy of it.
	gen           uint64
	compacting    atomic.Bool
	compactFailed atomic.Int32

	scratch   sync.Pool // *scratch, per-query buffers
	analyzers sync.Pool // *docAnalyzer, for small upserts
}

// docKey identifies a document across its versions.
type docKey struct {
	kind Kind
	id   string
}

// docHot is what visibility and scoring read for every matching
// posting, packed apart from the rest: walking a long posting list then
// reads 24 bytes a document instead of a hundred.
type docHot struct {
	class    uint32
	fieldLen [numFields]uint16
	day      uint16 // Updated, see dayOf
	rel      uint16 // Relations, capped
	kind     uint16
	deleted  bool
}

// docFacet is what filters and facets read.
type docFacet struct {
	region    uint32
	orgType   uint32
	community uint32
	tagOff    uint32 // the document's tags are tagArena[tagOff:tagOff+tagN]
	tagN      uint16
}

// docMeta is what hits and sorts read.
type docMeta struct {
	id, title    string
	updated      int64 // unix seconds, 0 when unknown
	relations    int32
	publications int32
}

// dayEpoch is day 1 of dayOf: 2000-01-01 UTC.
const dayEpoch = 946684800

// dayOf returns t as a day number from 2000 (1) to 2179, 0 for the zero
// time: recency needs no finer grain, and it fits the hot array.
func dayOf(t time.Time) uint16 {
	if t.IsZero() {
		return 0
	}
	d := (t.Unix()-dayEpoch)/86400 + 1
	return uint16(min(max(d, 1), 1<<16-1))
}

// New returns an empty index.
func New() *Index {
	return &Index{
		an:          NewAnalyzer(),
		byKey:       make(map[docKey]uint32),
		vocab:       newVocabulary(),
		surface:     newSurfaceVocab(),
		aud:         newAudiences(),
		kinds:       newInterner(),
		tags:        newInterner(),
		tagSlots:    [][]uint32{nil},
		regions:     newInterner(),
		orgTypes:    newInterner(),
		communities: newInterner(),
	}
}

// Len returns the number of documents in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Indexing works in chunks: analysed in parallel, added to the index one
// chunk per lock so that searches are not held up by a large batch.
const (
	upsertChunk      = 256
	maxUpsertWorkers = 4
)

// Upsert adds documents, replacing any with the same Kind and ID. A
// document appearing twice in docs ends as its last version.
func (ix *Index) Upsert(docs ...Document) {
	if len(docs) <= upsertChunk {
		da, _ := ix.analyzers.Get().(*docAnalyzer)
		if da == nil {
			da = newDocAnalyzer(ix.an)
		}
		ads := make([]analyzedDoc, len(docs))
		for i := range docs {
			ads[i] = da.analyze(&docs[i])
		}
		ix.analyzers.Put(da)
		ix.insert(ads)
		ix.compactIfNeeded()
		return
	}
	ix.upsertParallel(docs)
}

// upsertParallel analyses chunks of docs on several goroutines while this
// one adds the finished chunks to the index, in order.
func (ix *Index) upsertParallel(docs []Document) {
	workers := min(runtime.GOMAXPROCS(0), maxUpsertWorkers)
	nChunks := (len(docs) + upsertChunk - 1) / upsertChunk
	results := make([]chan []analyzedDoc, nChunks)
	for i := range results {
		results[i] = make(chan []analyzedDoc, 1)
	}
	// A worker takes a slot in ahead before it takes a chunk number, so
	// the chunk the inserter waits for always holds a slot: no deadlock,
	// and at most cap(ahead) chunks wait in memory.
	ahead := make(chan struct{}, 2*workers)
	var next atomic.Int64
	for range workers {
		go func() {
			da := newDocAnalyzer(ix.an)
			for {
				ahead <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= nChunks {
					<-ahead
					return
				}
				chunk := docs[i*upsertChunk : min(len(docs), (i+1)*upsertChunk)]
				ads := make([]analyzedDoc, len(chunk))
				for j := range chunk {
					ads[j] = da.analyze(&chunk[j])
				}
				results[i] <- ads
			}
		}()
	}
	for i := range nChunks {
		ix.insert(<-results[i])
		<-ahead
		ix.compactIfNeeded()
	}
}

// insert adds analysed documents under the write lock.
func (ix *Index) insert(ads []analyzedDoc) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i := range ads {
		ix.insertOne(&ads[i])
	}
	for _, in := range []*interner{&ix.kinds, &ix.tags, &ix.regions, &ix.orgTypes, &ix.communities} {
		in.sortNames()
	}
	ix.gen++
}

func (ix *Index) insertOne(ad *analyzedDoc) {
	d := ad.doc
	key := docKey{kind: d.Kind, id: d.ID}
	if old, ok := ix.byKey[key]; ok {
		ix.tombstone(old)
	}
	slot := uint32(len(ix.docs))
	relations := min(max(d.Relations, 0), 1<<31-1)
	h := docHot{
		class:    ix.aud.intern(ad.audiences),
		fieldLen: ad.fieldLen,
		day:      dayOf(d.Updated),
		rel:      uint16(min(relations, 1<<16-1)),
		kind:     uint16(ix.kinds.id(string(d.Kind))),
	}
	m := docMeta{
		id:           d.ID,
		title:        d.Title,
		relations:    int32(relations),
		publications: int32(min(max(d.Publications, 0), 1<<31-1)),
	}
	if !d.Updated.IsZero() {
		m.updated = d.Updated.Unix()
	}
	ix.newestDay = max(ix.newestDay, h.day)
	fc := docFacet{
		region:    ix.regions.id(d.Region),
		orgType:   ix.orgTypes.id(d.OrgType),
		community: ix.communities.id(d.CommunityID),
		tagOff:    uint32(len(ix.tagArena)),
	}
	for _, t := range distinctTags(d.TagIDs) {
		if fc.tagN == 1<<16-1 {
			break // more tags than any item has: the rest are ignored
		}
		id := ix.tags.id(t)
		if int(id) >= len(ix.tagSlots) {
			ix.tagSlots = append(ix.tagSlots, nil)
		}
		ix.tagSlots[id] = append(ix.tagSlots[id], slot)
		ix.tagArena = append(ix.tagArena, id)
		fc.tagN++
	}
	ix.hot = append(ix.hot, h)
	ix.facet = append(ix.facet, fc)
	ix.docs = append(ix.docs, m)
	ix.byKey[key] = slot
	ix.live++
	for f := range numFields {
		ix.fieldLenSum[f] += int64(h.fieldLen[f])
	}
	termIDs := make([]uint32, len(ad.terms))
	start := int32(0)
	for i, term := range ad.terms {
		id, added := ix.vocab.id(term)
		if added {
			ix.postings = append(ix.postings, postingList{})
		}
		ix.postings[id].add(slot, ad.payload[start:ad.ends[i]])
		start = ad.ends[i]
		termIDs[i] = id
	}
	ix.nPosting += len(ad.terms)
	for _, sp := range ad.surfaces {
		ix.surface.add(sp.word, termIDs[sp.term])
	}
}

// Delete removes a document; deleting one the index lacks does nothing.
func (ix *Index) Delete(kind Kind, id string) {
	ix.mu.Lock()
	key := docKey{kind: kind, id: id}
	slot, ok := ix.byKey[key]
	if ok {
		ix.tombstone(slot)
		delete(ix.byKey, key)
		ix.gen++
	}
	ix.mu.Unlock()
	if ok {
		ix.compactIfNeeded()
	}
}

// tombstone marks a slot deleted; its postings stay until compaction.
func (ix *Index) tombstone(slot uint32) {
	if !ix.hot[slot].deleted {
		ix.hot[slot].deleted = true
		ix.live--
	}
}

// distinctTags returns the distinct tag ids of a document, without
// empty ones.
func distinctTags(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, t := range ids {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// interner gives small ids to the values of a facet; id 0 is "".
type interner struct {
	ids   map[string]uint32
	names []string
	// order is the ids but 0, sorted by name, so that facets list equal
	// counts by value without comparing strings; sortNames keeps it
	// current under the write lock.
	order  []uint32
	sorted bool
}

func newInterner() interner {
	return interner{ids: map[string]uint32{"": 0}, names: []string{""}}
}

// id returns the id of s, adding it if new.
func (in *interner) id(s string) uint32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	id := uint32(len(in.names))
	in.ids[s] = id
	in.names = append(in.names, s)
	in.order = append(in.order, id)
	in.sorted = false
	return id
}

// sortNames sorts order after new names were added.
func (in *interner) sortNames() {
	if !in.sorted {
		slices.SortFunc(in.order, func(a, b uint32) int { return strings.Compare(in.names[a], in.names[b]) })
		in.sorted = true
	}
}

// lookup returns the id of s without adding it.
func (in *interner) lookup(s string) (uint32, bool) {
	id, ok := in.ids[s]
	return id, ok
}
