package search

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// corpus is a synthetic Maillage: notes of French-like text (some in
// English) and people, with Zipf-distributed words, tags, communities
// and audiences (mostly public, some community, some private).
type corpus struct {
	rng     *rand.Rand
	words   []string // French vocabulary, most frequent first
	content []string // the same without stop words
	english []string
	zipf    *rand.Zipf
	zipfC   *rand.Zipf
	zipfEn  *rand.Zipf
	tags    []string // tag labels
	tagZipf *rand.Zipf
	first   []string
	last    []string
	// rare is the long tail of real text (names, jargon, typos): a
	// tenth of the words of a body, drawn evenly from many words.
	rare []string
	now  time.Time
}

const (
	benchCommunities = 200
	benchTags        = 500
	benchRareWords   = 60_000
)

func newCorpus(seed int64) *corpus {
	c := &corpus{rng: rand.New(rand.NewSource(seed)), now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	var content []string
	for _, n := range strings.Fields(benchNouns) {
		content = append(content, n, plural(n))
	}
	for _, a := range strings.Fields(benchAdjectives) {
		f := feminine(a)
		content = append(content, a, f, plural(a), plural(f))
		if strings.HasSuffix(f, "e") && !strings.Contains(a, "-") {
			content = append(content, f+"ment")
		}
	}
	for _, v := range strings.Fields(benchVerbs) {
		if stem, ok := strings.CutSuffix(v, "er"); ok {
			content = append(content, v, stem+"e", stem+"ent", stem+"ons", stem+"é", stem+"ée", stem+"és", stem+"ant", stem+"ation")
		} else {
			content = append(content, v)
		}
	}
	c.rng.Shuffle(len(content), func(i, j int) { content[i], content[j] = content[j], content[i] })
	c.content = content
	// Stop words are the most frequent words of real text.
	stops := strings.Fields("de la le et les des à l d en un une du pour que qui dans sur au par est avec pas ne plus se ce sont nous vous ils leur aux")
	c.words = append(stops, content...)
	c.english = strings.Fields(benchEnglish)
	c.zipf = rand.NewZipf(c.rng, 1.1, 2, uint64(len(c.words)-1))
	c.zipfC = rand.NewZipf(c.rng, 1.05, 8, uint64(len(c.content)-1))
	c.zipfEn = rand.NewZipf(c.rng, 1.1, 2, uint64(len(c.english)-1))
	for i := range benchTags {
		c.tags = append(c.tags, fmt.Sprintf("%s %s", c.content[(i*7)%len(c.content)], c.content[(i*13+5)%len(c.content)]))
	}
	c.tagZipf = rand.NewZipf(c.rng, 1.2, 4, benchTags-1)
	syllables := strings.Fields("ba be bi bo cha che chi cou da de di do fa fe fi ga gou la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo")
	seen := map[string]bool{}
	for len(c.rare) < benchRareWords {
		var w strings.Builder
		for range 2 + c.rng.Intn(3) {
			w.WriteString(syllables[c.rng.Intn(len(syllables))])
		}
		if !seen[w.String()] {
			seen[w.String()] = true
			c.rare = append(c.rare, w.String())
		}
	}
	c.first = strings.Fields(benchFirstNames)
	c.last = strings.Fields(benchLastNames)
	return c
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x"):
		return w
	case strings.HasSuffix(w, "al"):
		return strings.TrimSuffix(w, "al") + "aux"
	case strings.HasSuffix(w, "eau"):
		return w + "x"
	}
	return w + "s"
}

func feminine(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w
	case strings.HasSuffix(w, "if"):
		return strings.TrimSuffix(w, "f") + "ve"
	case strings.HasSuffix(w, "en"):
		return w + "ne"
	}
	return w + "e"
}

// text writes n words in sentences.
func (c *corpus) text(n int, english bool) string {
	var b strings.Builder
	start := true
	for i := range n {
		var w string
		switch {
		case c.rng.Intn(10) == 0:
			w = c.rare[c.rng.Intn(len(c.rare))]
		case english:
			w = c.english[c.zipfEn.Uint64()]
		default:
			w = c.words[c.zipf.Uint64()]
		}
		if start {
			w = capitalize(w)
		}
		b.WriteString(w)
		start = false
		switch {
		case i == n-1 || c.rng.Intn(14) == 0:
			b.WriteString(". ")
			start = true
		case c.rng.Intn(20) == 0:
			b.WriteString(", ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// title writes n content words.
func (c *corpus) title(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = c.content[c.zipfC.Uint64()]
	}
	ws[0] = capitalize(ws[0])
	return strings.Join(ws, " ")
}

func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

func (c *corpus) tagIDs(n int) ([]string, []string) {
	var ids, labels []string
	for range n {
		t := int(c.tagZipf.Uint64())
		ids = append(ids, fmt.Sprintf("tag%d", t))
		labels = append(labels, c.tags[t])
	}
	return ids, labels
}

// note returns note i: 80% public, 15% community members, 3% community
// threads (two groups), 2% private to its author.
func (c *corpus) note(i, people int) Document {
	english := c.rng.Intn(20) == 0
	ids, labels := c.tagIDs(1 + c.rng.Intn(3))
	author := c.rng.Intn(people)
	d := Document{
		Kind:      KindNote,
		ID:        fmt.Sprintf("n%d", i),
		Title:     c.title(3 + c.rng.Intn(6)),
		Tags:      labels,
		Broader:   []string{c.tags[c.rng.Intn(20)]},
		Extra:     []string{c.personName(author)},
		Body:      c.text(40+c.rng.Intn(120), english),
		TagIDs:    ids,
		Updated:   c.now.Add(-time.Duration(c.rng.Intn(3*365*24)) * time.Hour),
		Relations: int(c.rng.ExpFloat64() * 3),
	}
	community := fmt.Sprintf("c%d", c.rng.Intn(benchCommunities))
	switch r := c.rng.Intn(100); {
	case r < 80:
		d.Audiences = [][]string{{"public"}}
	case r < 95:
		d.Audiences = [][]string{{"member:" + community}}
		d.CommunityID = community
	case r < 98:
		d.Kind = KindThread
		d.Audiences = [][]string{{"member:" + community}, {"visible:" + d.ID, "moderator:" + community}}
		d.CommunityID = community
	default:
		d.Audiences = [][]string{{fmt.Sprintf("owner:u%d", author)}}
	}
	return d
}

func (c *corpus) personName(i int) string {
	return c.first[i%len(c.first)] + " " + c.last[(i/len(c.first)+i)%len(c.last)]
}

// person returns person i: 90% public, 10% seen by signed-in members.
func (c *corpus) person(i int) Document {
	ids, labels := c.tagIDs(1 + c.rng.Intn(4))
	d := Document{
		Kind:         KindUser,
		ID:           fmt.Sprintf("u%d", i),
		Title:        c.personName(i),
		Tags:         labels,
		Extra:        []string{benchRegions[i%len(benchRegions)]},
		Body:         c.text(10+c.rng.Intn(30), c.rng.Intn(20) == 0),
		TagIDs:       ids,
		Region:       benchRegions[i%len(benchRegions)],
		Updated:      c.now.Add(-time.Duration(c.rng.Intn(3*365*24)) * time.Hour),
		Relations:    int(c.rng.ExpFloat64() * 5),
		Publications: c.rng.Intn(10),
		Audiences:    [][]string{{"public"}},
	}
	if c.rng.Intn(10) == 0 {
		d.Audiences = [][]string{{"signed_in"}}
	}
	return d
}

// documents returns notes and people, interleaved as a loader would
// meet them.
func (c *corpus) documents(notes, people int) []Document {
	docs := make([]Document, 0, notes+people)
	for i := range max(notes, people) {
		if i < notes {
			docs = append(docs, c.note(i, people))
		}
		if i < people {
			docs = append(docs, c.person(i))
		}
	}
	return docs
}
