package main

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/search"
)

// maillageEngine is Maillage's own in-process index, fed and queried the
// way the server feeds and queries it.
type maillageEngine struct {
	idx *search.Index
}

func (e *maillageEngine) Build(_ context.Context, docs []search.Document) error {
	e.idx = search.New()
	for start := 0; start < len(docs); start += loadBatch {
		e.idx.Upsert(docs[start:min(start+loadBatch, len(docs))]...)
	}
	return nil
}

func (e *maillageEngine) Search(_ context.Context, q benchQuery) (int, []string, error) {
	sq := search.Query{Text: q.text(), Limit: limit, Audience: q.Viewer.Keys}
	if q.Tag != nil {
		sq.TagIDs = q.Tag.IDs
	}
	res := e.idx.Search(sq)
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = string(h.Kind) + ":" + h.ID
	}
	return res.Total, ids, nil
}

func (e *maillageEngine) DiskBytes(context.Context) (int64, error) { return 0, nil }

func (e *maillageEngine) Note() string {
	st := e.idx.Stats()
	return fmt.Sprintf("internal/search in memory, audience keys filtered in the engine; %d terms, %d postings, its own size estimate %s",
		st.Terms, st.Postings, bytesText(st.Bytes))
}

func (e *maillageEngine) Close() error { e.idx = nil; return nil }
