package service_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// useKey is one original use: a subject and the tag it was first given.
type useKey struct {
	kind    maillage.TagUseKind
	subject string
	orig    string
}

// change is one use's expected tag before an action changed it.
type change struct {
	key  useKey
	prev string
}

// replayWorld is a small instance whose tags curators work on, with a
// model of where every use should be.
type replayWorld struct {
	t      *testing.T
	ctx    context.Context
	s      *service.Service
	db     *store.DB
	rnd    *rand.Rand
	cur    maillage.Viewer
	expect map[useKey]string
	// units are the undoable steps done: an action or a bulk batch, with
	// the changes to the model they made.
	units []replayUnit
	// labels and slugs of every tag ever made, to check they still lead
	// somewhere; origSlugs are the slugs of the tags first given, which
	// must always lead to a live tag (through a redirect after a merge or
	// a rename).
	names     []string
	origSlugs []string
	// done counts the actions that went through, by kind.
	done map[string]int
}

type replayUnit struct {
	action, batch string
	changes       []change
}

var replayLabels = []string{"Économie sociale", "économie-sociale", "Mobilité", "Mobilité durable", "Vélo", "Covoiturage",
	"Alimentation", "Sécurité alimentaire", "Agriculture urbaine", "Habitation", "Logement communautaire", "Culture",
	"Numérique", "Données ouvertes", "Inclusion", "Aînés", "Jeunesse", "Climat", "Énergie", "Recyclage"}

// TestReplayedCurationLosesNoUse replays random curation actions (create,
// promote, edit, rename, synonyms, merge, split, deprecate, review, bulk
// merge, undo and batch undo) over tagged people, organisations,
// communities and notes, and checks after each one that every use is
// exactly where the actions put it, and every old label and slug still
// leads to a live tag. MAILLAGE_TAXONOMY_SEED replays a run;
// MAILLAGE_TAXONOMY_STEPS runs longer.
func TestReplayedCurationLosesNoUse(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("MAILLAGE_TAXONOMY_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("MAILLAGE_TAXONOMY_SEED: %v", err)
		}
		seed = n
	}
	steps := 120
	if v := os.Getenv("MAILLAGE_TAXONOMY_STEPS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("MAILLAGE_TAXONOMY_STEPS: %v", err)
		}
		steps = n
	}
	defer func() {
		if t.Failed() {
			t.Logf("replay with MAILLAGE_TAXONOMY_SEED=%d MAILLAGE_TAXONOMY_STEPS=%d", seed, steps)
		}
	}()
	w := newReplayWorld(t, seed)
	for i := 0; i < steps && !t.Failed(); i++ {
		what := w.step()
		if os.Getenv("MAILLAGE_TAXONOMY_VERBOSE") != "" {
			t.Logf("step %d: %s", i, what)
		}
		w.check(fmt.Sprintf("step %d (%s)", i, what))
	}
	t.Logf("actions done: %v", w.done)
	if w.done["merge"]+w.done["bulk"] == 0 || w.done["undo"] == 0 {
		t.Logf("this run merged or undid nothing; try another seed")
	}
}

func newReplayWorld(t *testing.T, seed uint64) *replayWorld {
	ctx := context.Background()
	s, db := testutil.Service(t)
	w := &replayWorld{t: t, ctx: ctx, s: s, db: db, rnd: rand.New(rand.NewPCG(seed, seed^0x5eed)), expect: map[useKey]string{}, done: map[string]int{}}
	admin, err := s.CreateUser(ctx, maillage.SignUpInput{Email: "admin@exemple.org", Name: "Admin", Password: testutil.Password}, true)
	if err != nil {
		t.Fatal(err)
	}
	w.cur = testutil.ViewerOf(t, s, admin.ID)
	pick := func() []string {
		n := 1 + w.rnd.IntN(3)
		var out []string
		for range n {
			out = append(out, replayLabels[w.rnd.IntN(len(replayLabels))])
		}
		return out
	}
	record := func(kind maillage.TagUseKind, id string, tags []maillage.Tag) {
		for _, tg := range tags {
			w.expect[useKey{kind, id, tg.ID}] = tg.ID
			w.names = append(w.names, tg.Label, tg.Slug)
			w.origSlugs = append(w.origSlugs, tg.Slug)
		}
	}
	for i := range 4 {
		u, v := testutil.User(t, s, fmt.Sprintf("Membre %d", i), fmt.Sprintf("m%d@exemple.org", i))
		p, err := s.UpdateProfile(ctx, v, u.ID, maillage.ProfileInput{Name: u.Name, Language: "fr-CA", ProfileVisibility: "members",
			Contact: "messages", Interests: pick()})
		if err != nil {
			t.Fatal(err)
		}
		record(maillage.TagUseUser, u.ID, p.Interests)
		c, err := s.CreateCommunity(ctx, v, maillage.CommunityInput{Name: fmt.Sprintf("Communauté %d", i), Visibility: []string{"public", "private"}[i%2],
			Tags: pick()})
		if err != nil {
			t.Fatal(err)
		}
		record(maillage.TagUseCommunity, c.ID, c.Tags)
		o, err := s.CreateOrganization(ctx, v, maillage.OrganizationInput{Name: fmt.Sprintf("Organisation %d", i), Tags: pick()}, true)
		if err != nil {
			t.Fatal(err)
		}
		record(maillage.TagUseOrganization, o.ID, o.Tags)
		for j, vis := range []string{"public", "private"} {
			n, err := s.CreateNote(ctx, v, maillage.NoteInput{Title: fmt.Sprintf("Note %d-%d", i, j), Body: "x", Visibility: vis, Tags: pick()})
			if err != nil {
				t.Fatal(err)
			}
			record(maillage.TagUseNote, n.ID, n.Tags)
		}
	}
	return w
}

// liveTags lists the live tags.
func (w *replayWorld) liveTags() []maillage.Tag {
	tags, _, err := w.s.CuratorTags(w.ctx, w.cur, store.TagListFilter{All: true, Sort: "label", Limit: 100})
	if err != nil {
		w.t.Fatal(err)
	}
	return tags
}

func (w *replayWorld) any(tags []maillage.Tag) maillage.Tag { return tags[w.rnd.IntN(len(tags))] }

func (w *replayWorld) label() string { return replayLabels[w.rnd.IntN(len(replayLabels))] }

// step does one random action; a refused one changes nothing.
func (w *replayWorld) step() string {
	tags := w.liveTags()
	a, b := w.any(tags), w.any(tags)
	var err error
	var changes []change
	what := ""
	batch := ""
	switch w.rnd.IntN(12) {
	case 0:
		what = "create"
		parent := ""
		if a.Curated() {
			parent = a.Slug
		}
		var t *maillage.Tag
		if t, err = w.s.CreateCuratedTag(w.ctx, w.cur, service.TagInput{Label: w.label() + " " + strconv.Itoa(w.rnd.IntN(9)), Parent: parent}); err == nil {
			w.names = append(w.names, t.Label, t.Slug)
		}
	case 1:
		what = "promote " + a.Label
		parent := ""
		if b.Curated() {
			parent = b.Slug
		}
		_, err = w.s.PromoteTag(w.ctx, w.cur, a.Slug, service.PromoteInput{LabelEn: w.label() + " en " + strconv.Itoa(w.rnd.IntN(9)), Parent: parent})
	case 2:
		what = "rename " + a.Label
		_, err = w.s.RenameTag(w.ctx, w.cur, a.Slug, w.label()+" "+strconv.Itoa(w.rnd.IntN(9)))
	case 3:
		what = "synonym " + a.Label
		err = w.s.AddSynonym(w.ctx, w.cur, a.Slug, w.label()+" "+strconv.Itoa(w.rnd.IntN(20)), "fr")
	case 4:
		p, e := w.s.Tag(w.ctx, w.cur, a.Slug, 1)
		if e != nil || len(p.Synonyms) == 0 {
			return "remove synonym (none)"
		}
		what = "unsynonym " + a.Label
		err = w.s.RemoveSynonym(w.ctx, w.cur, a.Slug, p.Synonyms[0].Label)
	case 5, 6:
		what = "merge " + a.Label + " → " + b.Label
		w.forgetPrivate(a)
		if _, err = w.s.MergeTags(w.ctx, w.cur, a.Slug, b.Slug); err == nil {
			changes = w.move(a.ID, b.ID, nil)
		}
	case 7:
		what = "split " + a.Label
		_, uses, _, e := w.s.TagUses(w.ctx, w.cur, a.Slug, service.Page{Limit: 100})
		if e != nil || len(uses) == 0 {
			return what + " (nothing)"
		}
		var choices []service.SplitChoice
		for _, u := range uses {
			if w.rnd.IntN(2) == 0 {
				choices = append(choices, service.SplitChoice{Kind: u.Kind, SubjectID: u.SubjectID, To: []string{b.Slug, w.label(), "Nouveau " + w.label()}[w.rnd.IntN(3)]})
			}
		}
		if len(choices) == 0 {
			return what + " (none chosen)"
		}
		// Where each chosen use lands is read back from the store.
		before := w.snapshotExpect()
		if err = w.s.SplitTag(w.ctx, w.cur, a.Slug, choices); err == nil {
			for _, c := range choices {
				to := w.resolve(c.To)
				w.names = append(w.names, c.To)
				for k, v := range w.expect {
					if k.kind == c.Kind && k.subject == c.SubjectID && v == a.ID && to != a.ID {
						changes = append(changes, change{k, before[k]})
						w.expect[k] = to
					}
				}
			}
		}
	case 8:
		what = "deprecate or review " + a.Label
		if w.rnd.IntN(2) == 0 {
			err = w.s.DeprecateTag(w.ctx, w.cur, a.Slug, !a.Deprecated)
		} else {
			err = w.s.MarkTagReviewed(w.ctx, w.cur, a.Slug, a.ReviewedAt == nil)
		}
	case 9:
		c := w.any(tags)
		what = "bulk merge " + a.Label + ", " + c.Label + " → " + b.Label
		w.forgetPrivate(a)
		w.forgetPrivate(c)
		if batch, err = w.s.BulkTagAction(w.ctx, w.cur, service.BulkInput{Action: service.BulkMerge, Tags: []string{a.Slug, c.Slug}, Into: b.Slug}); err == nil {
			changes = w.move(a.ID, b.ID, nil)
			changes = w.move(c.ID, b.ID, changes)
		}
	case 10, 11:
		if len(w.units) == 0 {
			return "undo (nothing)"
		}
		i := len(w.units) - 1
		if w.rnd.IntN(3) == 0 {
			i -= w.rnd.IntN(min(3, len(w.units)))
		}
		u := w.units[i]
		if u.batch != "" {
			what, err = "undo batch", w.s.UndoTagBatch(w.ctx, w.cur, u.batch)
		} else {
			what, err = "undo", w.s.UndoTagAction(w.ctx, w.cur, u.action)
		}
		if err == nil {
			for j := len(u.changes) - 1; j >= 0; j-- {
				w.expect[u.changes[j].key] = u.changes[j].prev
			}
			w.units = append(w.units[:i], w.units[i+1:]...)
		}
		return w.refused(what, err)
	}
	if err == nil {
		log, _, e := w.s.TagActions(w.ctx, w.cur, store.TagActionFilter{Limit: 1})
		if e != nil {
			w.t.Fatal(e)
		}
		if len(log) > 0 && log[0].Undoable {
			w.units = append(w.units, replayUnit{action: log[0].ID, batch: batch, changes: changes})
		}
	}
	return w.refused(what, err)
}

// refused accepts a domain refusal (the action was not possible) and
// fails on anything else.
func (w *replayWorld) refused(what string, err error) string {
	if err == nil {
		kind := what
		for i := range what {
			if what[i] == ' ' {
				kind = what[:i]
				break
			}
		}
		w.done[kind]++
		return what
	}
	// An undo may be refused as not found: the action touched a tag the
	// curator can no longer see. Anything else not found is a bug.
	if c := maillage.ErrorCode(err); c == maillage.CodeInternal || c == maillage.CodeNotFound && !strings.HasPrefix(what, "undo") {
		w.t.Fatalf("%s: %v", what, err)
	}
	return what + " (refused: " + maillage.AsError(err).MessageID + ")"
}

// forgetPrivate stops requiring that the first slugs leading to a tag
// only private content carries still lead somewhere: merged, such a tag
// leaves no public trace, its addresses included.
func (w *replayWorld) forgetPrivate(t maillage.Tag) {
	if _, _, err := w.s.ResolveTag(w.ctx, maillage.Anonymous(), t.Slug); err == nil {
		return
	}
	kept := w.origSlugs[:0]
	for _, slug := range w.origSlugs {
		if got, _, err := w.db.ResolveTagSlug(w.ctx, slug); err == nil && got.ID == t.ID {
			continue
		}
		kept = append(kept, slug)
	}
	w.origSlugs = kept
}

// move points every use expected on from to to.
func (w *replayWorld) move(from, to string, changes []change) []change {
	for k, v := range w.expect {
		if v == from {
			changes = append(changes, change{k, v})
			w.expect[k] = to
		}
	}
	return changes
}

func (w *replayWorld) snapshotExpect() map[useKey]string {
	out := make(map[useKey]string, len(w.expect))
	for k, v := range w.expect {
		out[k] = v
	}
	return out
}

// resolve finds the live tag a slug or label names now.
func (w *replayWorld) resolve(name string) string {
	t, _, err := w.s.ResolveTag(w.ctx, w.cur, name)
	if err != nil {
		w.t.Fatalf("resolve %q: %v", name, err)
	}
	return t.ID
}

// check compares every subject's tags with the model, and resolves every
// name ever given.
func (w *replayWorld) check(when string) {
	want := map[string][]string{}
	for k, v := range w.expect {
		id := string(k.kind) + "/" + k.subject
		if !contains(want[id], v) {
			want[id] = append(want[id], v)
		}
	}
	for id, tags := range want {
		var kind, subject string
		for i := range id {
			if id[i] == '/' {
				kind, subject = id[:i], id[i+1:]
				break
			}
		}
		got, err := w.db.SubjectTags(w.ctx, maillage.TagUseKind(kind), subject)
		if err != nil {
			w.t.Fatal(err)
		}
		sort.Strings(tags)
		if fmt.Sprint(got) != fmt.Sprint(tags) {
			w.t.Fatalf("%s: %s carries %v, want %v", when, id, got, tags)
		}
		for _, tg := range got {
			if t, err := w.db.Tag(w.ctx, tg); err != nil || t.MergedInto != "" {
				w.t.Fatalf("%s: %s carries a merged or missing tag %s (%v)", when, id, tg, err)
			}
		}
	}
	for _, n := range w.names {
		if _, _, err := w.s.ResolveTag(w.ctx, w.cur, n); err != nil && !maillage.IsNotFound(err) {
			w.t.Fatalf("%s: %q: %v", when, n, err)
		}
	}
	for _, slug := range w.origSlugs {
		if t, _, err := w.db.ResolveTagSlug(w.ctx, slug); err != nil || t.MergedInto != "" {
			w.t.Fatalf("%s: the first slug %q leads nowhere: %v", when, slug, err)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
