package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// missingTaxonomyKey finds message IDs of the taxonomy left untranslated.
var missingTaxonomyKey = regexp.MustCompile(`\b(taxonomy|web\.field|field|error)\.[a-z_.]+\b`)

// curatedWorld is the world with the starter taxonomy and Carol as a curator.
func (e *env) curatedWorld() *world {
	e.t.Helper()
	w := e.world()
	ctx := context.Background()
	if err := e.Svc.SetCuratorByOperator(ctx, w.Carol.ID, true); err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.Svc.LoadStarterTaxonomyByOperator(ctx); err != nil {
		e.t.Fatal(err)
	}
	return w
}

func TestAdministrationPagesInBothLanguages(t *testing.T) {
	e := newEnv(t)
	w := e.curatedWorld()
	ctx := context.Background()
	if _, err := e.Svc.CreateNote(ctx, e.viewer(w.Bob.ID), maillage.NoteInput{Title: "Vélos", Body: "x", Visibility: "public",
		Tags: []string{"vélo-cargo"}}); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/admin", "/admin/tags", "/admin/tags?view=review&sort=uses", "/admin/tags?view=curated&q=mob",
		"/admin/tags?view=free", "/admin/tags?view=deprecated", "/admin/taxonomy/new", "/admin/taxonomy/log",
		"/admin/taxonomy/import", "/admin/tags/mobilite-durable", "/admin/tags/velo-cargo", "/admin/tags/velo-cargo/split",
		"/tags/mobilite-durable", "/tags/mobilite-durable?descendants=1", "/tags/velo-cargo"}
	for _, lang := range []string{"fr-CA", "en"} {
		c := e.client()
		c.get("/?lang=" + lang)
		c.signIn("carol@example.org", testPassword)
		for _, p := range pages {
			r := c.get(p)
			if r.Status != http.StatusOK {
				t.Errorf("%s %s: %d\n%s", lang, p, r.Status, excerptBody(r.Body))
				continue
			}
			if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
				t.Errorf("%s %s: wrong <html lang>", lang, p)
			}
			if m := missingTaxonomyKey.FindAllString(stripURLs(r.Body), -1); len(m) > 0 {
				t.Errorf("%s %s: untranslated %q", lang, p, m)
			}
		}
		// The English page of a curated tag shows its English label.
		r := c.get("/tags/mobilite-durable")
		want := map[string]string{"fr-CA": "<h1>Mobilité durable</h1>", "en": "<h1>Sustainable mobility</h1>"}[lang]
		mustContain(t, r, want)
	}
	// Administrators see the people section; curators do not; members see nothing.
	admin := e.client()
	if _, err := e.Svc.CreateUser(ctx, maillage.SignUpInput{Email: "admin@example.org", Name: "Admin", Password: testPassword}, true); err != nil {
		t.Fatal(err)
	}
	admin.signIn("admin@example.org", testPassword)
	if r := admin.get("/admin/people?q=bob"); r.Status != http.StatusOK || !strings.Contains(r.Body, "Bob Lavoie") {
		t.Errorf("admin people: %d", r.Status)
	}
	carol := e.client()
	carol.signIn("carol@example.org", testPassword)
	if r := carol.get("/admin/people"); r.Status != http.StatusForbidden {
		t.Errorf("a curator saw the people section: %d", r.Status)
	}
	bob := e.client()
	bob.signIn("bob@example.org", testPassword)
	for _, p := range []string{"/admin", "/admin/tags", "/admin/tags/mobilite-durable", "/admin/taxonomy/log"} {
		if r := bob.get(p); r.Status != http.StatusForbidden {
			t.Errorf("a member: %s answered %d", p, r.Status)
		}
	}
	if r := bob.post("/admin/tags", url.Values{"label": {"Piratage"}}); r.Status != http.StatusForbidden {
		t.Errorf("a member created a tag: %d", r.Status)
	}
	if r := e.client().get("/admin/tags"); r.URL.Path != "/signin" {
		t.Errorf("a visitor was not asked to sign in: %s", r.URL)
	}
	if strings.Contains(bob.get("/").Body, `href="/admin"`) || !strings.Contains(carol.get("/").Body, `href="/admin"`) {
		t.Error("the menu's administration link is wrong")
	}
	// Following a tag with the narrower tags below it.
	r := bob.get("/tags/transition-socio-ecologique")
	mustContain(t, r, `name="descendants" value="1" checked`)
	tse, _, err := e.Svc.ResolveTag(ctx, e.viewer(w.Bob.ID), "transition-socio-ecologique")
	if err != nil {
		t.Fatal(err)
	}
	r = bob.post("/follows", url.Values{"target_type": {"tag"}, "target_id": {tse.ID}, "descendants": {"1"},
		"next": {"/tags/transition-socio-ecologique"}})
	mustContain(t, r, "Vous suivez aussi les étiquettes plus précises.")
	// Granting the role from the people section.
	if r := admin.post("/admin/people/"+w.Bob.ID+"/curator", url.Values{"curator": {"1"}}); r.Status != http.StatusOK {
		t.Fatalf("grant: %d", r.Status)
	}
	if r := bob.get("/admin/tags"); r.Status != http.StatusOK {
		t.Errorf("a new curator: %d", r.Status)
	}
}

func TestCuratingThroughTheForms(t *testing.T) {
	e := newEnv(t)
	w := e.curatedWorld()
	ctx := context.Background()
	n, err := e.Svc.CreateNote(ctx, e.viewer(w.Bob.ID), maillage.NoteInput{Title: "Vélos-cargos en ville", Body: "x", Visibility: "public",
		Tags: []string{"vélo-cargo"}})
	if err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.signIn("carol@example.org", testPassword)
	// A new tag; then the same label again, folded: a conflict, shown on the form.
	r := c.post("/admin/tags", url.Values{"label": {"Logistique urbaine"}, "label_en": {"Urban logistics"},
		"parent": {"Mobilité durable"}, "synonyms": {"livraison à vélo"}})
	if r.Status != http.StatusOK || r.URL.Path != "/admin/tags/logistique-urbaine" {
		t.Fatalf("create: %d %s\n%s", r.Status, r.URL, excerptBody(r.Body))
	}
	r = c.post("/admin/tags", url.Values{"label": {"LOGISTIQUE-urbaine"}})
	if r.Status != http.StatusConflict {
		t.Fatalf("duplicate: %d", r.Status)
	}
	mustContain(t, r, `id="form-errors"`, `aria-invalid="true"`, "Logistique urbaine")
	// A cycle is refused with the field named.
	r = c.post("/admin/tags/transition-socio-ecologique/edit", url.Values{"label": {"Transition socio-écologique"},
		"parent": {"Logistique urbaine"}})
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("cycle: %d", r.Status)
	}
	// Promote the member's free tag, then merge it into the new tag.
	if r := c.post("/admin/tags/velo-cargo/promote", url.Values{"label_en": {"Cargo bike"}, "parent": {"logistique-urbaine"}}); r.Status != http.StatusOK {
		t.Fatalf("promote: %d\n%s", r.Status, excerptBody(r.Body))
	}
	if r := c.post("/admin/tags/velo-cargo/merge", url.Values{"into": {"Logistique urbaine"}}); r.URL.Path != "/admin/tags/logistique-urbaine" {
		t.Fatalf("merge: %d %s\n%s", r.Status, r.URL, excerptBody(r.Body))
	}
	// The note keeps a tag; the old page redirects.
	got, err := e.Svc.Note(ctx, e.viewer(w.Bob.ID), n.ID)
	if err != nil || len(got.Tags) != 1 || got.Tags[0].Slug != "logistique-urbaine" {
		t.Fatalf("note tags after merge: %+v %v", got, err)
	}
	if r := c.get("/tags/velo-cargo"); r.URL.Path != "/tags/logistique-urbaine" {
		t.Fatalf("old page: %s", r.URL)
	}
	// Synonyms: add, refuse a taken one, remove.
	if r := c.post("/admin/tags/logistique-urbaine/synonyms", url.Values{"synonym": {"cyclologistique"}, "lang": {"fr"}}); r.Status != http.StatusOK {
		t.Fatalf("synonym: %d", r.Status)
	}
	if r := c.post("/admin/tags/logistique-urbaine/synonyms", url.Values{"synonym": {"covoiturage"}}); r.Status != http.StatusConflict {
		t.Fatalf("taken synonym: %d", r.Status)
	}
	if r := c.post("/admin/tags/logistique-urbaine/synonyms/remove", url.Values{"synonym": {"cyclologistique"}}); r.Status != http.StatusOK {
		t.Fatalf("remove synonym: %d", r.Status)
	}
	// Split: the note goes to a new free tag.
	r = c.post("/admin/tags/logistique-urbaine/split", url.Values{"kind_0": {"note"}, "id_0": {n.ID}, "to_0": {"Vélo-cargo familial"}})
	if r.Status != http.StatusOK {
		t.Fatalf("split: %d at %s\n%s", r.Status, r.URL, excerptBody(r.Body))
	}
	got, _ = e.Svc.Note(ctx, e.viewer(w.Bob.ID), n.ID)
	if len(got.Tags) != 1 || got.Tags[0].Label != "Vélo-cargo familial" {
		t.Fatalf("note tags after split: %+v", got.Tags)
	}
	// Bulk: keep it as a free tag; the log undoes the split.
	if r := c.post("/admin/taxonomy/bulk", url.Values{"action": {"review"}, "tags": {"velo-cargo-familial"}, "next": {"/admin/tags"}}); r.Status != http.StatusOK {
		t.Fatalf("bulk: %d", r.Status)
	}
	if r := c.post("/admin/taxonomy/bulk", url.Values{"action": {"merge"}, "tags": {"velo-cargo-familial"}}); r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("bulk merge without a target: %d", r.Status)
	}
	log := c.get("/admin/taxonomy/log")
	mustContain(t, log, "Partage des utilisations", "Annuler tout le lot")
	actions, _, err := e.Svc.TagActions(ctx, e.viewer(w.Carol.ID), store.TagActionFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[maillage.TagActionKind]string{}
	for _, a := range actions {
		if _, seen := ids[a.Kind]; !seen {
			ids[a.Kind] = a.ID
		}
		if !strings.Contains(log.Body, `action="/admin/taxonomy/log/`+a.ID+`/undo"`) && a.Undoable {
			t.Errorf("no undo button for %s %s", a.Kind, a.Summary)
		}
	}
	// The split waits for the later review to be undone first.
	if r := c.post("/admin/taxonomy/log/"+ids[maillage.TagActionSplit]+"/undo", url.Values{}); r.Status != http.StatusConflict {
		t.Fatalf("undo the split first: %d", r.Status)
	}
	if r := c.post("/admin/taxonomy/log/"+ids[maillage.TagActionReview]+"/undo", url.Values{}); r.Status != http.StatusOK {
		t.Fatalf("undo the review: %d", r.Status)
	}
	if r := c.post("/admin/taxonomy/log/"+ids[maillage.TagActionSplit]+"/undo", url.Values{}); r.Status != http.StatusOK {
		t.Fatalf("undo the split: %d\n%s", r.Status, excerptBody(r.Body))
	}
	got, _ = e.Svc.Note(ctx, e.viewer(w.Bob.ID), n.ID)
	if len(got.Tags) != 1 || got.Tags[0].Slug != "logistique-urbaine" {
		t.Fatalf("note tags after undoing the split: %+v", got.Tags)
	}
	// Deprecate; import pasted CSV; a malformed one says which line.
	if r := c.post("/admin/tags/logistique-urbaine/deprecate", url.Values{"deprecated": {"1"}}); r.Status != http.StatusOK {
		t.Fatalf("deprecate: %d", r.Status)
	}
	r = c.post("/admin/taxonomy/import", url.Values{"format": {"csv"}, "text": {"id,label_fr,label_en\nsobriete-energetique,Sobriété énergétique,Energy sufficiency\n"}})
	mustContain(t, r, "1 créée(s)")
	r = c.post("/admin/taxonomy/import", url.Values{"format": {"csv"}, "text": {"id,label_fr,couleur\n"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Ligne 1") {
		t.Fatalf("malformed import: %d\n%s", r.Status, excerptBody(r.Body))
	}
}
