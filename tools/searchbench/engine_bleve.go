package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/maillage/maillage/internal/search"
)

// bleveEngine is Bleve v2 with its French analyzer (elision, stop words,
// light stemmer) on the title, tags and body, and keyword fields for the
// visibility filter and tags. With dir empty it is scorch, Bleve's
// current index type, in memory; scorch merges segments only on disk, so
// the in-memory index keeps one segment per batch. (Bleve's older
// memory-only index, upsidedown over gtreap, built 4 times slower and took
// 30 times the memory on the smoke profile; one batch of the whole large
// profile, for a single segment, went past 16 GB.) With dir set, it is the
// default on-disk index, merged into one segment after the build as an
// operator would before serving.
type bleveEngine struct {
	dir      string
	idx      bleve.Index
	segments int // in memory: batches indexed
}

// bleveBatch is how many documents go to Bleve at a time.
const bleveBatch = 10_000

// The fields of a Bleve document.
const (
	bfTitle = "title"
	bfTags  = "tags"
	bfBody  = "body"
	bfTag   = "tag_id"
	bfAud0  = "aud0"
	bfAud1  = "aud1"
)

// Boosts mirror the ranking order Maillage documents: title, then tags,
// then the rest.
const (
	boostTitle = 3
	boostTags  = 2
	boostBody  = 1
)

func bleveMapping() *mapping.IndexMappingImpl {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = fr.AnalyzerName
	text.Store = false
	text.IncludeInAll = false
	text.IncludeTermVectors = true // positions, for phrases
	text.DocValues = false
	keyword := bleve.NewKeywordFieldMapping()
	keyword.Store = false
	keyword.IncludeInAll = false
	keyword.IncludeTermVectors = false
	keyword.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	for _, f := range []string{bfTitle, bfTags, bfBody} {
		doc.AddFieldMappingsAt(f, text)
	}
	for _, f := range []string{bfTag, bfAud0, bfAud1} {
		doc.AddFieldMappingsAt(f, keyword)
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = fr.AnalyzerName
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	return im
}

// bleveDoc is what Bleve indexes of a document: the same text every
// engine gets (tags with their ancestors, the short descriptive text with
// the body).
func bleveDoc(d search.Document) map[string]any {
	g0, g1 := audienceGroups(d)
	return map[string]any{
		bfTitle: d.Title,
		bfTags:  tagsText(d),
		bfBody:  bodyText(d),
		bfTag:   d.TagIDs,
		bfAud0:  g0,
		bfAud1:  g1,
	}
}

// bodyText is the long text every engine indexes: the short descriptive
// fields, then the body.
func bodyText(d search.Document) string {
	if len(d.Extra) == 0 {
		return d.Body
	}
	return strings.Join(d.Extra, " ; ") + "\n" + d.Body
}

// tagsText is the tag labels and their ancestors' as one text.
func tagsText(d search.Document) string {
	return strings.Join(append(append([]string{}, d.Tags...), d.Broader...), " ; ")
}

func (e *bleveEngine) Build(ctx context.Context, docs []search.Document) error {
	var err error
	if e.dir == "" {
		e.idx, err = bleve.NewUsing("", bleveMapping(), scorch.Name, scorch.Name, nil)
	} else {
		e.idx, err = bleve.New(filepath.Join(e.dir, "bleve"), bleveMapping())
	}
	if err != nil {
		return fmt.Errorf("bleve: %w", err)
	}
	b := e.idx.NewBatch()
	for i, d := range docs {
		if err := b.Index(docKey(d), bleveDoc(d)); err != nil {
			return fmt.Errorf("bleve: %w", err)
		}
		if b.Size() == bleveBatch || i == len(docs)-1 {
			if err := e.idx.Batch(b); err != nil {
				return fmt.Errorf("bleve: %w", err)
			}
			e.segments++
			b.Reset()
		}
	}
	if e.dir != "" {
		adv, err := e.idx.Advanced()
		if err != nil {
			return fmt.Errorf("bleve: %w", err)
		}
		if s, ok := adv.(*scorch.Scorch); ok {
			if err := s.ForceMerge(ctx, nil); err != nil {
				return fmt.Errorf("bleve merge: %w", err)
			}
		}
	}
	return nil
}

// docKey names a document uniquely across kinds, as every engine reports
// its hits.
func docKey(d search.Document) string { return string(d.Kind) + ":" + d.ID }

func (e *bleveEngine) Search(ctx context.Context, q benchQuery) (int, []string, error) {
	bq := bleve.NewBooleanQuery()
	bq.AddMust(e.textQuery(q))
	filters := []query.Query{termsQuery(bfAud0, q.Viewer.Keys), termsQuery(bfAud1, viewerKeys(q.Viewer))}
	if q.Tag != nil {
		filters = append(filters, termsQuery(bfTag, q.Tag.IDs))
	}
	bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	req := bleve.NewSearchRequestOptions(bq, limit, 0, false)
	res, err := e.idx.SearchInContext(ctx, req)
	if err != nil {
		return 0, nil, fmt.Errorf("bleve: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return int(res.Total), ids, nil
}

// textQuery requires every word (in any of the three fields) or the
// phrase (in one field).
func (e *bleveEngine) textQuery(q benchQuery) query.Query {
	fields := []struct {
		name  string
		boost float64
	}{{bfTitle, boostTitle}, {bfTags, boostTags}, {bfBody, boostBody}}
	inAnyField := func(mk func(field string) query.Query) query.Query {
		var qs []query.Query
		for _, f := range fields {
			fq := mk(f.name)
			fq.(query.BoostableQuery).SetBoost(f.boost)
			qs = append(qs, fq)
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	if q.Phrase {
		return inAnyField(func(field string) query.Query {
			p := bleve.NewMatchPhraseQuery(strings.Join(q.Words, " "))
			p.SetField(field)
			return p
		})
	}
	var words []query.Query
	for i, w := range q.Words {
		if q.Prefix && i == len(q.Words)-1 {
			// Prefix queries are not analyzed: look for the prefix as the
			// analyzer would index it (lowercase, elisions, light stem).
			term := e.analyzed(w)
			words = append(words, inAnyField(func(field string) query.Query {
				p := bleve.NewPrefixQuery(term)
				p.SetField(field)
				return p
			}))
			continue
		}
		words = append(words, inAnyField(func(field string) query.Query {
			m := bleve.NewMatchQuery(w)
			m.SetField(field)
			return m
		}))
	}
	return bleve.NewConjunctionQuery(words...)
}

// analyzed is a word as the French analyzer indexes it.
func (e *bleveEngine) analyzed(w string) string {
	a := e.idx.Mapping().AnalyzerNamed(fr.AnalyzerName)
	if a == nil {
		return strings.ToLower(w)
	}
	ts := a.Analyze([]byte(w))
	if len(ts) == 0 {
		return strings.ToLower(w)
	}
	return string(ts[0].Term)
}

// termsQuery matches documents holding any of the values in a keyword
// field.
func termsQuery(field string, values []string) query.Query {
	qs := make([]query.Query, len(values))
	for i, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs[i] = t
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func (e *bleveEngine) DiskBytes(context.Context) (int64, error) {
	if e.dir == "" {
		return 0, nil
	}
	return dirSize(filepath.Join(e.dir, "bleve"))
}

func (e *bleveEngine) Note() string {
	if e.dir == "" {
		return fmt.Sprintf("Bleve v2 scorch in memory (no path, so never merged: %d segment(s) of up to %d documents); `fr` analyzer; audience keys as keyword fields in a filter clause",
			e.segments, bleveBatch)
	}
	return "Bleve v2 default on-disk index (scorch), force-merged to one segment after the build"
}

func (e *bleveEngine) Close() error {
	if e.idx == nil {
		return nil
	}
	err := e.idx.Close()
	e.idx = nil
	return err
}
