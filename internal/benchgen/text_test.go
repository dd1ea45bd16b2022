package benchgen

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/taxonomy"
)

// TestPasswordHash: the shared hash is the documented password's.
func TestPasswordHash(t *testing.T) {
	h := auth.NewHasher(auth.DefaultParams(), 1)
	ok, err := h.Verify(context.Background(), Password, PasswordHash)
	if err != nil || !ok {
		t.Fatalf("PasswordHash does not verify %q: %v", Password, err)
	}
}

// TestThemeTagsInStarterTaxonomy: every theme names tags that exist.
func TestThemeTagsInStarterTaxonomy(t *testing.T) {
	s, err := taxonomy.Starter()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range s.Concepts {
		known[c.ID] = true
	}
	for _, slug := range generalTags {
		if !known[slug] {
			t.Errorf("general tag %s is not in the starter taxonomy", slug)
		}
	}
	for _, th := range themes() {
		if len(th.phrases) == 0 || len(th.en) == 0 || len(th.orgs) == 0 || len(th.communities) == 0 {
			t.Errorf("theme %s lacks words", th.key)
		}
		for _, slug := range th.tags {
			if !known[slug] {
				t.Errorf("theme %s: tag %s is not in the starter taxonomy", th.key, slug)
			}
		}
	}
}

// sample writes n words of French text.
func sample(t *testing.T, v *vocab, seed uint64, n int) string {
	t.Helper()
	th := themes()[0]
	w := newTextWriter(v, newRand(seed, 1), &th, false)
	w.paragraph(n)
	return w.String()
}

// TestTextFrequencies: words follow Zipf's law (the most frequent are
// grammatical words, « de » first), the text has the theme's terms,
// accents, capitals and elisions, and no elision before a word that
// never takes one.
func TestTextFrequencies(t *testing.T) {
	v, err := loadVocab("", 1)
	if err != nil {
		t.Fatal(err)
	}
	text := sample(t, v, 3, 50000)
	freq := map[string]int{}
	total := 0
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return strings.ContainsRune(" ,.?!…:’'\n", r)
	}) {
		freq[f]++
		total++
	}
	type wc struct {
		w string
		n int
	}
	var ranked []wc
	for w, n := range freq {
		ranked = append(ranked, wc{w, n})
	}
	sort.Slice(ranked, func(i, j int) bool {
		return ranked[i].n > ranked[j].n || ranked[i].n == ranked[j].n && ranked[i].w < ranked[j].w
	})
	if ranked[0].w != "de" && ranked[0].w != "la" && ranked[0].w != "le" {
		t.Errorf("most frequent word %q, want an article or « de »", ranked[0].w)
	}
	// Zipf: the 10th word is several times rarer than the 1st, the 100th
	// rarer still, and the ten most frequent make a large part of the text.
	if r := float64(ranked[0].n) / float64(ranked[9].n); r < 3 || r > 20 {
		t.Errorf("1st/10th word frequency ratio %.1f, want about 5 to 10 (Zipf)", r)
	}
	if ranked[99].n*2 > ranked[9].n {
		t.Errorf("100th word (%d) too close to the 10th (%d)", ranked[99].n, ranked[9].n)
	}
	top := 0
	for _, x := range ranked[:10] {
		top += x.n
	}
	if share := float64(top) / float64(total); share < 0.12 || share > 0.45 {
		t.Errorf("ten most frequent words make %.0f %% of the text", share*100)
	}
	for _, want := range []string{"sécurité alimentaire", "d’", "l’", "é"} {
		if !strings.Contains(text, want) && !strings.Contains(strings.ReplaceAll(text, "'", "’"), want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{" l’et ", " d’à ", " l’elle ", " de le ", " à les ", " la la ", " de de "} {
		if strings.Contains(strings.ReplaceAll(text, "'", "’"), bad) {
			t.Errorf("text holds %q", bad)
		}
	}
	if sample(t, v, 3, 500) != sample(t, v, 3, 500) {
		t.Error("the same seed wrote different text")
	}
}

// TestDictionaryTail: a word list on disk (as Debian's wfrench ships it)
// feeds the long tail, proper nouns left out; a missing one is no error.
func TestDictionaryTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "french")
	if err := os.WriteFile(path, []byte("Abitibi\nzythonerie\nmaïeutique\nd'ores\nde\nX\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v, err := loadVocab(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	base, err := loadVocab(filepath.Join(t.TempDir(), "absent"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if v.dictionary != path || base.dictionary != "" {
		t.Errorf("dictionary %q / %q", v.dictionary, base.dictionary)
	}
	if got, want := len(v.tail)-len(base.tail), 3; got != want {
		t.Errorf("%d words added, want %d (zythonerie, maïeutique, d'ores)", got, want)
	}
	for _, w := range v.tail {
		if w == "Abitibi" || w == "X" {
			t.Errorf("%q in the tail", w)
		}
	}
}
