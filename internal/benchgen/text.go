package benchgen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textWriter writes French (or English) text: words drawn by frequency
// (Zipf), the theme's terms mixed in, sentences with capitals,
// punctuation and the elisions and contractions French requires.
type textWriter struct {
	v       *vocab
	r       *rand.Rand
	th      *theme
	english bool
	b       []byte
	// prev is the last word written and prevAt where it starts in b, for
	// elisions (« de » + « économie » = « d’économie »).
	prev   string
	prevAt int
	// apostrophe is ’ or ' for the whole text, as people type either.
	apostrophe string
	// content draws content words only (titles).
	content bool
}

func newTextWriter(v *vocab, r *rand.Rand, th *theme, english bool) *textWriter {
	w := &textWriter{v: v, r: r, th: th, english: english, apostrophe: "’"}
	if chance(r, 0.35) {
		w.apostrophe = "'"
	}
	return w
}

func (w *textWriter) reset() {
	w.b = w.b[:0]
	w.prev = ""
}

func (w *textWriter) String() string { return string(w.b) }

// title writes a title of three to ten words: content words, the theme's
// terms, sometimes a place or a usual opening.
func (w *textWriter) title() string {
	r := w.r
	w.reset()
	w.content = true
	defer func() { w.content = false }()
	th := w.th.phrases
	if w.english {
		th = w.th.en
	}
	var t string
	switch u := r.Float64(); {
	case u < 0.4:
		w.phrase(between(r, 3, 8))
		t = capitalize(w.String())
	case u < 0.7:
		w.phrase(between(r, 2, 5))
		t = capitalize(oneOf(r, th)) + " : " + w.String()
	case u < 0.85 && !w.english:
		w.phrase(between(r, 2, 6))
		t = oneOf(r, titlePrefixes) + w.String()
	default:
		tw := oneOf(r, towns)
		t = capitalize(oneOf(r, th)) + " " + townOf(tw.name)
		if w.english {
			t = capitalize(oneOf(r, th)) + " in " + tw.name
		}
	}
	return firstWords(t, 10)
}

// raw writes s as is.
func (w *textWriter) raw(s string) { w.b = append(w.b, s...) }

// termShare is the part of the words that are the theme's terms.
const termShare = 0.06

// functionWords is how many of the most frequent French words are
// grammatical words (articles, prepositions, pronouns ...) rather than
// content words.
const functionWords = 110

// determiners are followed by a content word, never by another
// grammatical word (« la de » reads as noise even to a search engine).
var determiners = map[string]bool{"le": true, "la": true, "les": true, "un": true, "une": true, "des": true, "du": true,
	"ce": true, "cette": true, "ces": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "notre": true,
	"nos": true, "votre": true, "au": true, "aux": true, "chaque": true, "plusieurs": true}

// word draws one word or term: after a determiner, a content word.
func (w *textWriter) word() string {
	for range 4 {
		word := w.draw(w.content || determiners[strings.ToLower(w.prev)])
		if !strings.EqualFold(word, w.prev) && (w.prev != "de" || word != "du" && word != "des") {
			return word
		}
	}
	return w.draw(true)
}

// draw draws a word or term; content leaves out grammatical words.
func (w *textWriter) draw(content bool) string {
	r := w.r
	if w.english {
		if chance(r, termShare) {
			if chance(r, 0.6) {
				return oneOf(r, w.th.en)
			}
			return oneOf(r, sharedEnglish)
		}
		return w.v.english[w.v.en.pick(r)]
	}
	u := r.Float64()
	switch {
	case u < termShare*0.65:
		// The theme's terms, the first ones most often.
		return w.th.phrases[min(len(w.th.phrases)-1, geometric(r, 3))]
	case u < termShare:
		return oneOf(r, sharedPhrases)
	case u < termShare+0.004:
		return w.number()
	case u < termShare+0.007:
		return w.placeName()
	case r.Float64() < headShare:
		for {
			i := w.v.head.pick(r)
			if !content || i >= functionWords {
				return w.v.frequent[i]
			}
			if chance(r, 0.3) {
				break
			}
		}
		fallthrough
	default:
		return w.v.tail[w.v.tailZipf.pick(r)]
	}
}

func (w *textWriter) number() string {
	r := w.r
	switch r.IntN(4) {
	case 0:
		return strconv.Itoa(between(r, 2015, 2027))
	case 1:
		return strconv.Itoa(between(r, 2, 95)) + " %"
	case 2:
		n := between(r, 1, 250) * 1000
		return frenchThousands(n) + " $"
	default:
		return strconv.Itoa(between(r, 2, 40))
	}
}

// frenchThousands writes 25000 as « 25 000 » (narrow no-break space).
func frenchThousands(n int) string {
	s := strconv.Itoa(n)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, "\u202f"...)
		}
		out = append(out, s[i])
	}
	return string(out)
}

func (w *textWriter) placeName() string {
	if chance(w.r, 0.5) {
		return oneOf(w.r, towns).name
	}
	return regionName(oneOf(w.r, towns).region)
}

// noElision are the words before which no elision happens in the
// generated text (they would not follow the elided word in French).
var noElision = map[string]bool{"et": true, "ou": true, "où": true, "à": true, "au": true, "aux": true, "a": true,
	"est": true, "y": true, "ont": true, "avait": true, "avons": true, "avez": true, "était": true, "été": true, "afin": true}

// articles elide only before content words.
var articles = map[string]bool{"le": true, "la": true}

// elidable words lose their last letter before a vowel or a mute h.
var elidable = map[string]string{"de": "d", "le": "l", "la": "l", "que": "qu", "ne": "n", "se": "s", "je": "j",
	"me": "m", "te": "t", "lorsque": "lorsqu", "puisque": "puisqu"}

// contractions merge a preposition and an article.
var contractions = map[[2]string]string{{"de", "le"}: "du", {"de", "les"}: "des", {"à", "le"}: "au", {"à", "les"}: "aux"}

func startsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aeiouyhàâäéèêëîïôöûüœAEIOUYHÀÂÉÈÊÎÔÛ", r)
}

// put writes a word after the previous one, eliding or contracting.
func (w *textWriter) put(word string) {
	if !w.english && w.prev != "" {
		if c, ok := contractions[[2]string{strings.ToLower(w.prev), word}]; ok {
			w.replacePrev(matchCase(w.prev, c))
			return
		}
		lp := strings.ToLower(w.prev)
		// « du » and « au » come back apart before a vowel: « de l’aménagement ».
		if (lp == "du" || lp == "au") && startsWithVowel(word) && !noElision[word] && !w.v.function[word] {
			apart := map[string]string{"du": "de l", "au": "à l"}[lp]
			w.replacePrev(matchCase(w.prev, apart) + w.apostrophe + word)
			return
		}
		if e, ok := elidable[lp]; ok && startsWithVowel(word) && !noElision[word] && (!articles[lp] || !w.v.function[word]) {
			w.replacePrev(matchCase(w.prev, e) + w.apostrophe + word)
			return
		}
	}
	if n := len(w.b); n > 0 && w.b[n-1] != '\n' && w.b[n-1] != '[' && w.b[n-1] != ' ' {
		w.b = append(w.b, ' ')
	}
	w.prevAt = len(w.b)
	w.b = append(w.b, word...)
	w.prev = lastWord(word)
}

func (w *textWriter) replacePrev(s string) {
	w.b = append(w.b[:w.prevAt], s...)
	w.prev = lastWord(s)
}

// lastWord is the last word of a term (« économie sociale » → « sociale »).
func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func matchCase(like, s string) string {
	r, _ := utf8.DecodeRuneInString(like)
	if unicode.IsUpper(r) {
		return capitalize(s)
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentence writes one sentence of about n words.
func (w *textWriter) sentence(n int) {
	r := w.r
	for i := range n {
		word := w.word()
		if i == 0 {
			word = capitalize(word)
		}
		w.put(word)
		if i > 0 && i < n-2 {
			switch u := r.Float64(); {
			case u < 0.07:
				w.raw(",")
				w.prev = ""
			case u < 0.075 && !w.english:
				w.raw(" :")
				w.prev = ""
			}
		}
	}
	switch u := r.Float64(); {
	case u < 0.07:
		w.raw("?")
	case u < 0.09:
		w.raw("!")
	case u < 0.10:
		w.raw("…")
	default:
		w.raw(".")
	}
	w.prev = ""
}

func (w *textWriter) sentenceLength() int { return logNormal(w.r, 14, 0.45, 4, 40) }

// paragraph writes sentences until about n words are written, and
// returns how many it wrote.
func (w *textWriter) paragraph(n int) int {
	written := 0
	for written < n {
		k := min(w.sentenceLength(), max(3, n-written))
		w.sentence(k)
		written += k
	}
	return written
}

// phrase writes n words with no capital or final punctuation (titles,
// list items).
func (w *textWriter) phrase(n int) {
	for range n {
		w.put(w.word())
	}
	w.prev = ""
}

// words counts the words of s as a reader would (terms count each word).
func words(s string) int { return len(strings.Fields(s)) }
