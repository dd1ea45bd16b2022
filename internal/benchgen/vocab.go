package benchgen

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed words/*.txt
var wordFiles embed.FS

// DefaultDictionary is Debian's French word list (package wfrench). When
// it is there, the long tail of the generated text draws on its words;
// otherwise on the shorter embedded list only.
const DefaultDictionary = "/usr/share/dict/french"

// vocab holds the words text is made of, in frequency order.
type vocab struct {
	// frequent French words, most frequent first; tail words after them.
	frequent, tail []string
	english        []string
	// function holds the grammatical words among the frequent ones.
	function    map[string]bool
	first, last []string
	// head, tailZipf and en draw ranks in those lists.
	head, tailZipf, en *weighted
	// dictionary tells whether the tail came from a word list on disk.
	dictionary string
}

// headShare is the part of running text made of the most frequent words:
// in written French the few hundred most frequent words make up about
// seven words in ten.
const headShare = 0.72

// loadVocab reads the embedded lists and, if dictPath names a readable
// word list, adds its words to the long tail (in an order fixed by seed).
func loadVocab(dictPath string, seed uint64) (*vocab, error) {
	v := &vocab{}
	var err error
	for _, f := range []struct {
		dst  *[]string
		name string
	}{{&v.frequent, "fr_frequent.txt"}, {&v.tail, "fr_tail.txt"}, {&v.english, "en_frequent.txt"},
		{&v.first, "first_names.txt"}, {&v.last, "last_names.txt"}} {
		if *f.dst, err = readWords(wordFiles, "words/"+f.name); err != nil {
			return nil, err
		}
	}
	// The embedded tail is in alphabetical order; its ranks must not be.
	tr := newRand(seed, streamDictionary+1000)
	tr.Shuffle(len(v.tail), func(i, j int) { v.tail[i], v.tail[j] = v.tail[j], v.tail[i] })
	if dictPath != "" {
		extra, err := readDictionary(dictPath, v.frequent, v.tail)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("word list %s: %w", dictPath, err)
		case len(extra) > 0:
			r := newRand(seed, streamDictionary)
			r.Shuffle(len(extra), func(i, j int) { extra[i], extra[j] = extra[j], extra[i] })
			v.tail = append(v.tail, extra...)
			v.dictionary = dictPath
		}
	}
	v.function = map[string]bool{}
	for _, w := range v.frequent[:min(functionWords, len(v.frequent))] {
		v.function[w] = true
	}
	v.head = newZipf(len(v.frequent), 1.0, 1.0)
	v.tailZipf = newZipf(len(v.tail), 1.0, 10)
	v.en = newZipf(len(v.english), 1.0, 2.7)
	return v, nil
}

// readWords reads an embedded list: one entry a line, # comments, each
// entry once.
func readWords(fsys fs.FS, name string) ([]string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out, nil
}

// readDictionary reads a word list on disk (one word a line, as Debian's
// wfrench ships it) and keeps the lowercase words not already known:
// proper nouns and abbreviations are left out.
func readDictionary(path string, known ...[]string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, list := range known {
		for _, w := range list {
			seen[w] = true
		}
	}
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || seen[w] || !utf8.ValidString(w) || !dictionaryWord(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out, sc.Err()
}

// dictionaryWord keeps plain lowercase words (hyphens and apostrophes
// allowed inside).
func dictionaryWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for i, r := range w {
		switch {
		case unicode.IsLower(r):
		case (r == '-' || r == '\'') && i > 0:
		default:
			return false
		}
	}
	return true
}
