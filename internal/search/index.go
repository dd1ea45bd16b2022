package search

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Index is an in-memory inverted index of Documents. Search may run
// concurrently with Upsert and Delete: readers share a lock, and the
// slow part of an update (analysing the text) happens before the index
// is locked.
//
// Each document version gets the next slot number. Updating a document
// tombstones its old slot and appends a new one, so posting lists stay
// sorted by appending; once tombstones pass a quarter of the slots the
// index compacts itself.
type Index struct {
	an *Analyzer

	mu       sync.RWMutex
	docs     []docMeta // by slot
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
	newest      int64 // the latest Updated, unix seconds: recency is relative to it

	scratch sync.Pool // *scratch, per-query buffers
}

// docKey identifies a document across its versions.
type docKey struct {
	kind Kind
	id   string
}

// docMeta is what the index keeps of a document besides its postings.
type docMeta struct {
	id, title    string
	updated      int64 // unix seconds, 0 when unknown
	class        uint32
	tagOff       uint32
	relations    int32
	publications int32
	region       uint32
	orgType      uint32
	community    uint32
	fieldLen     [numFields]uint16
	tagN         uint16
	kind         uint16
	deleted      bool
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
		da := newDocAnalyzer(ix.an)
		ads := make([]analyzedDoc, len(docs))
		for i := range docs {
			ads[i] = da.analyze(&docs[i])
		}
		ix.insert(ads)
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
	}
}

// insert adds analysed documents under the write lock.
func (ix *Index) insert(ads []analyzedDoc) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i := range ads {
		ix.insertOne(&ads[i])
	}
	ix.maybeCompact()
}

func (ix *Index) insertOne(ad *analyzedDoc) {
	d := ad.doc
	key := docKey{kind: d.Kind, id: d.ID}
	if old, ok := ix.byKey[key]; ok {
		ix.tombstone(old)
	}
	slot := uint32(len(ix.docs))
	m := docMeta{
		id:           d.ID,
		title:        d.Title,
		class:        ix.aud.intern(ad.audiences),
		relations:    int32(min(max(d.Relations, 0), 1<<31-1)),
		publications: int32(min(max(d.Publications, 0), 1<<31-1)),
		region:       ix.regions.id(d.Region),
		orgType:      ix.orgTypes.id(d.OrgType),
		community:    ix.communities.id(d.CommunityID),
		fieldLen:     ad.fieldLen,
		kind:         uint16(ix.kinds.id(string(d.Kind))),
		tagOff:       uint32(len(ix.tagArena)),
	}
	if !d.Updated.IsZero() {
		m.updated = d.Updated.Unix()
		ix.newest = max(ix.newest, m.updated)
	}
	for _, t := range distinctTags(d.TagIDs) {
		id := ix.tags.id(t)
		if int(id) >= len(ix.tagSlots) {
			ix.tagSlots = append(ix.tagSlots, nil)
		}
		ix.tagSlots[id] = append(ix.tagSlots[id], slot)
		ix.tagArena = append(ix.tagArena, id)
		m.tagN++
	}
	ix.docs = append(ix.docs, m)
	ix.byKey[key] = slot
	ix.live++
	for f := range numFields {
		ix.fieldLenSum[f] += int64(m.fieldLen[f])
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
	defer ix.mu.Unlock()
	key := docKey{kind: kind, id: id}
	if slot, ok := ix.byKey[key]; ok {
		ix.tombstone(slot)
		delete(ix.byKey, key)
		ix.maybeCompact()
	}
}

// tombstone marks a slot deleted; its postings stay until compaction.
func (ix *Index) tombstone(slot uint32) {
	if !ix.docs[slot].deleted {
		ix.docs[slot].deleted = true
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
	return id
}

// lookup returns the id of s without adding it.
func (in *interner) lookup(s string) (uint32, bool) {
	id, ok := in.ids[s]
	return id, ok
}
