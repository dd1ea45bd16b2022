package service_test

import (
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// TestFollowingATagWithItsDescendants: a new public note carrying a tag
// reaches the tag's followers, and the followers of the tags above it who
// asked for descendants; a private note reaches no one.
func TestFollowingATagWithItsDescendants(t *testing.T) {
	w := newNSWorld(t, nil)
	for _, n := range []string{"Autrice", "Curatrice", "Famille", "Parent seul", "Enfant", "Rien"} {
		w.user(n, "fr-CA")
	}
	if err := w.s.SetCuratorByOperator(w.ctx, w.users["Curatrice"].ID, true); err != nil {
		t.Fatal(err)
	}
	cur := w.viewer("Curatrice")
	root, err := w.s.CreateCuratedTag(w.ctx, cur, service.TagInput{Label: "Transition socio-écologique"})
	if err != nil {
		t.Fatal(err)
	}
	mid, err := w.s.CreateCuratedTag(w.ctx, cur, service.TagInput{Label: "Mobilité durable", Parent: root.Slug})
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := w.s.CreateCuratedTag(w.ctx, cur, service.TagInput{Label: "Autopartage", Parent: mid.Slug})
	if err != nil {
		t.Fatal(err)
	}
	for who, f := range map[string]struct {
		tag  string
		desc bool
	}{"Famille": {root.ID, true}, "Parent seul": {root.ID, false}, "Enfant": {leaf.ID, false}} {
		if err := w.s.FollowTag(w.ctx, w.viewer(who), f.tag, f.desc); err != nil {
			t.Fatal(err)
		}
	}
	if ok, _ := w.s.FollowsDescendants(w.ctx, w.viewer("Famille"), root.ID); !ok {
		t.Fatal("descendants not recorded")
	}
	author := w.viewer("Autrice")
	if _, err := w.s.CreateNote(w.ctx, author, maillage.NoteInput{Title: "Voitures partagées en région", Body: "x",
		Visibility: "public", Tags: []string{"autopartage"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.CreateNote(w.ctx, author, maillage.NoteInput{Title: "Brouillon privé", Body: "x",
		Visibility: "private", Tags: []string{"autopartage"}}); err != nil {
		t.Fatal(err)
	}
	w.drain()
	for name, want := range map[string]int{"Famille": 1, "Parent seul": 0, "Enfant": 1, "Rien": 0, "Autrice": 0} {
		got := w.inbox(name)
		if len(got) != want {
			t.Errorf("%s has %d notifications, want %d: %+v", name, len(got), want, got)
			continue
		}
		if want == 1 && (got[0].Kind != maillage.EventNewFollowedItem || got[0].SubjectTitle != "Voitures partagées en région") {
			t.Errorf("%s: %+v", name, got[0])
		}
	}
	// Following again without descendants changes the choice.
	if err := w.s.FollowTag(w.ctx, w.viewer("Famille"), root.ID, false); err != nil {
		t.Fatal(err)
	}
	if ok, _ := w.s.FollowsDescendants(w.ctx, w.viewer("Famille"), root.ID); ok {
		t.Error("descendants still followed")
	}
}
