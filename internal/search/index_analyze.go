package search

import (
	"slices"
)

// Limits on how much of one document is indexed.
const (
	// maxFieldTokens caps the words indexed from one field: a
	// pathological body cannot make the index grow without end.
	maxFieldTokens = 50_000
	// valueGap separates the values of a multi-valued field (two tags)
	// so that a phrase cannot run from one into the next.
	valueGap = 16
)

// analyzedDoc is a document turned into postings, ready to be added to
// the index. Building it needs no lock on the index.
type analyzedDoc struct {
	doc       *Document
	audiences string // canonicalAudiences
	terms     []string
	surfaces  []surfacePair
	payload   []byte  // encodePayload of each term, one after the other
	ends      []int32 // payload[ends[i-1]:ends[i]] belongs to terms[i]
	fieldLen  [numFields]uint16
}

// surfacePair is a folded word of the document and the index of the
// term (in analyzedDoc.terms) it was indexed as.
type surfacePair struct {
	word string
	term int32
}

// docAnalyzer turns documents into analyzedDocs. One per goroutine: it
// keeps its buffers between documents.
type docAnalyzer struct {
	a      *Analyzer
	tz     *tokenizer
	infos  []wordInfo
	fields [numFields + 1]int // token index where each field starts
	// per term of the current document: its positions per field.
	byTerm map[string]int32
	occ    [][numFields][]uint32
	seen   map[surfacePair]bool
}

func newDocAnalyzer(a *Analyzer) *docAnalyzer {
	return &docAnalyzer{a: a, tz: newTokenizer(), byTerm: make(map[string]int32), seen: make(map[surfacePair]bool)}
}

// analyze turns d into postings.
func (da *docAnalyzer) analyze(d *Document) analyzedDoc {
	tz := da.tz
	tz.reset()
	da.fields[fieldTitle] = 0
	da.tokenize(fieldTitle, d.Title)
	da.tokenize(fieldTags, d.Tags...)
	da.tokenize(fieldBroader, d.Broader...)
	da.tokenize(fieldExtra, d.Extra...)
	da.tokenize(fieldBody, d.Body)
	da.infos = da.a.lookupAll(tz, da.infos)

	lang := da.language()
	clear(da.byTerm)
	clear(da.seen)
	ad := analyzedDoc{doc: d, audiences: canonicalAudiences(d.Audiences)}
	for f := range numFields {
		n := 0
		for i := da.fields[f]; i < da.fields[f+1]; i++ {
			w := da.infos[i]
			if w.flags&flagStop != 0 {
				continue
			}
			n++
			pos := uint32(tz.toks[i].pos)
			if f == fieldTags || f == fieldBroader {
				// Tag labels come in both languages: index both stems.
				da.add(&ad, w.word, w.fr, f, pos)
				if w.en != w.fr {
					da.add(&ad, w.word, w.en, f, pos)
				}
				continue
			}
			da.add(&ad, w.word, w.stem(lang), f, pos)
		}
		ad.fieldLen[f] = uint16(min(n, 1<<16-1))
	}
	ad.ends = make([]int32, len(ad.terms))
	for i := range ad.terms {
		occ := &da.occ[i]
		for f := range numFields {
			// The joined form of a compound comes after its parts but
			// takes the first part's position: keep positions sorted.
			if !slices.IsSorted(occ[f]) {
				slices.Sort(occ[f])
			}
		}
		ad.payload = encodePayload(ad.payload, occ)
		ad.ends[i] = int32(len(ad.payload))
		for f := range numFields {
			occ[f] = occ[f][:0]
		}
	}
	ad.payload = slices.Clip(ad.payload)
	return ad
}

// tokenize adds the tokens of the values of field f.
func (da *docAnalyzer) tokenize(f int, values ...string) {
	tz := da.tz
	pos := 0
	limit := len(tz.toks) + maxFieldTokens
	for i, v := range values {
		if i > 0 {
			pos += valueGap
		}
		pos = tz.run(v, pos, limit)
	}
	da.fields[f+1] = len(tz.toks)
}

// language detects the document's language from the stop words of its
// title, extra text and body.
func (da *docAnalyzer) language() Language {
	fr, en, seen := 0, 0, 0
	for f := range numFields {
		if f == fieldTags || f == fieldBroader {
			continue
		}
		for i := da.fields[f]; i < da.fields[f+1] && seen < detectTokens; i++ {
			fr, en = countLanguage(da.infos[i].flags, fr, en)
			seen++
		}
	}
	return pickLanguage(fr, en)
}

// add records one occurrence of term, indexed for word.
func (da *docAnalyzer) add(ad *analyzedDoc, word, term string, f int, pos uint32) {
	i, ok := da.byTerm[term]
	if !ok {
		i = int32(len(ad.terms))
		da.byTerm[term] = i
		ad.terms = append(ad.terms, term)
		if int(i) >= len(da.occ) {
			da.occ = append(da.occ, [numFields][]uint32{})
		}
	}
	da.occ[i][f] = append(da.occ[i][f], pos)
	if sp := (surfacePair{word: word, term: i}); !da.seen[sp] {
		da.seen[sp] = true
		ad.surfaces = append(ad.surfaces, sp)
	}
}
