package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// nnbsp is the narrow no-break space French typography puts before ! ? ;
// and : and inside « ».
const nnbsp = "\u202f"

// French typography, checked on every fr-CA message.
var (
	// A plain or no-break space before ! ? ; or : (it must be narrow).
	wideSpaceBefore = regexp.MustCompile(`[ \x{00A0}][!?;:]`)
	// ! ? or ; glued to the word before it.
	gluedPunct = regexp.MustCompile(`[\p{L}\p{N})»}][!?;]`)
	// « not followed, » not preceded by the narrow space.
	openQuote  = regexp.MustCompile(`«[^\x{202F}]`)
	closeQuote = regexp.MustCompile(`[^\x{202F}]»`)
	// Addresses, template actions and calendar rules are not prose: ?lang=,
	// https://, {{.X}}, FREQ=MONTHLY;INTERVAL=2.
	notProse = regexp.MustCompile(`[A-Z]+=[A-Z0-9,;=+-]+|https?://\S+|/[\w/.-]*\?\S*|\{\{[^}]*\}\}`)
)

// Inclusive writing uses the middle dot (« invité·e », « participant·es »),
// everywhere: no parentheses, slashes or periods, no look-alike dots, no
// doublet that spells both forms out (« invitée ou invité »).
var (
	otherInclusive = regexp.MustCompile(`\p{L}\((e|es|ne|nes|se|ses|rice|rices|trice|trices)\)|\p{Ll}/(e|es|ne|nes|rice|trice)\b|\p{Ll}\.(e|es|ne|nes|rice|rices|trice|trices)\b|[\x{2027}\x{22C5}\x{2022}]\p{L}`)
	doublet        = regexp.MustCompile(`\b(\p{L}+) (ou|et) (\p{L}+)\b`)
)

// isDoublet reports whether a and b are the feminine and masculine forms
// of one word (« invitée »/« invité », « une »/« un », « autrice »/« auteur »).
func isDoublet(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if len(b) > len(a) {
		a, b = b, a
	}
	if a == b || len([]rune(b)) < 2 {
		return false
	}
	for _, fem := range []string{"e", "ne", "se", "rice", "trice", "ice"} {
		if a == b+fem || (strings.HasSuffix(b, "eur") && a == strings.TrimSuffix(b, "eur")+fem) {
			return true
		}
	}
	return false
}

// frenchMessages reads every fr-CA message: file, key, text (each plural
// form apart).
func frenchMessages(t *testing.T) [][3]string {
	t.Helper()
	var out [][3]string
	files, err := fs.Glob(localesFS, "locales/"+FrenchCA+"/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("fr-CA files: %v", err)
	}
	for _, f := range files {
		raw, err := fs.ReadFile(localesFS, f)
		if err != nil {
			t.Fatal(err)
		}
		var tree map[string]any
		if err := toml.Unmarshal(raw, &tree); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var walk func(prefix string, m map[string]any)
		walk = func(prefix string, m map[string]any) {
			for k, v := range m {
				switch v := v.(type) {
				case string:
					out = append(out, [3]string{f, prefix + k, v})
				case map[string]any:
					walk(prefix+k+".", v)
				}
			}
		}
		walk("", tree)
	}
	return out
}

// TestFrenchTypography keeps the fr-CA messages to French typography:
// a narrow no-break space before ! ? ; : and inside « ».
func TestFrenchTypography(t *testing.T) {
	for _, m := range frenchMessages(t) {
		text := notProse.ReplaceAllString(m[2], "X")
		for _, r := range []struct {
			re   *regexp.Regexp
			what string
		}{
			{wideSpaceBefore, "a plain or no-break space before punctuation (use U+202F)"},
			{gluedPunct, "! ? or ; glued to the word (put U+202F before it)"},
			{openQuote, "« without U+202F after it"},
			{closeQuote, "» without U+202F before it"},
		} {
			if bad := r.re.FindString(text); bad != "" {
				t.Errorf("%s %s: %s: %q in %q", m[0], m[1], r.what, bad, m[2])
			}
		}
	}
}

// TestInclusiveWriting keeps one inclusive pattern, the middle dot, in
// the fr-CA messages and in every template.
func TestInclusiveWriting(t *testing.T) {
	check := func(where, text string) {
		t.Helper()
		if bad := otherInclusive.FindString(text); bad != "" {
			t.Errorf("%s: %q: write it with the middle dot (« invité·e »)", where, bad)
		}
		for _, d := range doublet.FindAllStringSubmatch(text, -1) {
			if isDoublet(d[1], d[3]) {
				t.Errorf("%s: %q spells out both forms: write it with the middle dot (« invité·e »)", where, d[0])
			}
		}
	}
	for _, m := range frenchMessages(t) {
		check(m[0]+" "+m[1], m[2])
	}
	templates, err := filepath.Glob(filepath.Join("..", "web", "templates", "*", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join("..", "web", "templates", "*.html"))
	templates = append(templates, more...)
	if len(templates) == 0 {
		t.Fatal("no templates found")
	}
	for _, f := range templates {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(f, string(raw))
	}
}

// TestTypographyRulesCatchMistakes: each rule above catches what it is
// meant to, and lets good French through.
func TestTypographyRulesCatchMistakes(t *testing.T) {
	for _, bad := range []string{"Merci !", "Quoi ?", "Note :", "Bonjour!", "« titre »", "«" + nnbsp + "titre »"} {
		text := notProse.ReplaceAllString(bad, "X")
		if !wideSpaceBefore.MatchString(text) && !gluedPunct.MatchString(text) && !openQuote.MatchString(text) && !closeQuote.MatchString(text) {
			t.Errorf("%q passes", bad)
		}
	}
	good := "Merci" + nnbsp + "! Voir «" + nnbsp + "titre" + nnbsp + "» sur https://exemple.org/?lang=fr : non, /search?q=x"
	good = strings.ReplaceAll(good, " : ", nnbsp+": ")
	text := notProse.ReplaceAllString(good, "X")
	if wideSpaceBefore.MatchString(text) || gluedPunct.MatchString(text) || openQuote.MatchString(text) || closeQuote.MatchString(text) {
		t.Errorf("%q is flagged", good)
	}
	for _, bad := range []string{"invité(e)", "connecté/e", "participant.es", "invité•e"} {
		if !otherInclusive.MatchString(bad) {
			t.Errorf("%q passes", bad)
		}
	}
	for _, pair := range [][2]string{{"invitée", "invité"}, {"une", "un"}, {"autrice", "auteur"}, {"animatrice", "animateur"}} {
		if !isDoublet(pair[0], pair[1]) {
			t.Errorf("%q ou %q passes", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{{"notes", "carnets"}, {"nom", "courriel"}, {"le", "la"}} {
		if isDoublet(pair[0], pair[1]) {
			t.Errorf("%q ou %q is flagged", pair[0], pair[1])
		}
	}
}
