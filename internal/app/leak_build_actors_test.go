package app_test

import (
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// Actor cards in the leak world: cards of every visibility (a community
// card in each kind of community), each named with a secret code in its
// name, description and email; notes attached to some; one claimed by
// the person its email names; requests about some. A card someone may not
// see is 404 like an absent one, and never appears in the directory,
// search, tag pages or the requests queue for them.

type leakActor struct {
	a       *maillage.Actor
	claimed bool
}

// buildActors makes the world's cards, after its notes.
func (w *leakWorld) buildActors(t *testing.T) {
	s := w.m.Service
	members := w.members()
	for i, vis := range []maillage.ActorVisibility{maillage.ActorPublic, maillage.ActorMembers, maillage.ActorPrivate,
		maillage.ActorCommunity, maillage.ActorCommunity, maillage.ActorCommunity, maillage.ActorPublic} {
		creator := members[w.pick(len(members))]
		cv := w.viewerOf(t, creator.u.ID)
		in := maillage.ActorInput{Kind: "person", Visibility: string(vis), Source: "https://exemple.org/source"}
		if vis == maillage.ActorCommunity {
			ids := w.communitiesOf(cv)
			if len(ids) == 0 {
				in.Visibility = string(maillage.ActorPrivate)
			} else {
				in.CommunityID = ids[w.pick(len(ids))]
			}
		}
		code := w.code()
		in.Name = "Zeta Acteur " + code
		in.Description = "Fiche " + code
		tag := "Zeta acteur " + w.code()
		in.Tags = []string{"Zeta commun", tag}
		// The last card names a member of the world, who claims it.
		var claimer *leakUser
		if i == 6 {
			claimer = members[w.pick(len(members))]
			in.Email = claimer.u.Email
		}
		a, err := s.CreateActor(w.ctx, cv, in)
		w.must(t, "actor", err)
		la := &leakActor{a: a}
		w.actors = append(w.actors, la)
		w.secret(code, "actor card "+a.Name, a.ID, func(v maillage.Viewer) bool { return maillage.CanViewActor(v, la.a.Access()) })
		visible := func(v maillage.Viewer) bool { return !la.claimed && maillage.CanViewActor(v, la.a.Access()) }
		w.tag("Zeta commun", creator.u.ID, "actors", a.ID, visible)
		w.tag(tag, creator.u.ID, "actors", a.ID, visible)
		// One of the creator's notes is attached to the card: the card
		// lists it only to those who may read the note.
		for _, ln := range w.notes {
			if ln.owner == creator.u.ID && w.chance(0.5) {
				w.must(t, "attach note", s.AttachNoteToActor(w.ctx, cv, ln.n.ID, a.ID))
				break
			}
		}
		if claimer != nil {
			res, err := s.ClaimActor(w.ctx, w.viewerOf(t, claimer.u.ID), a.ID, "")
			w.must(t, "claim", err)
			if !res.Claimed {
				t.Fatalf("the person the card names could not claim it")
			}
			la.claimed = true
			la.a, err = w.m.Service.Actor(w.ctx, w.viewerOf(t, claimer.u.ID), a.ID)
			w.must(t, "claimed actor", err)
			// Its tags moved to the claimer's interests, seen with the profile.
			for _, label := range in.Tags {
				w.tag(label, creator.u.ID, "people", claimer.u.ID, func(v maillage.Viewer) bool {
					return maillage.CanViewProfile(v, claimer.u.Access())
				})
			}
			continue
		}
		// Someone who sees the card asks for its correction.
		for _, p := range members {
			if p.u.ID != creator.u.ID && maillage.CanViewActor(w.viewerOf(t, p.u.ID), a.Access()) && w.chance(0.5) {
				_, err := s.RequestActorChange(w.ctx, w.viewerOf(t, p.u.ID), a.ID, maillage.ActorRequestCorrection, "Corriger "+code)
				w.must(t, "actor request", err)
				break
			}
		}
	}
}

// addActorItems lists the cards as route items.
func (w *leakWorld) addActorItems() {
	for _, la := range w.actors {
		a := la
		see := func(v maillage.Viewer) bool { return maillage.CanViewActor(v, a.a.Access()) }
		w.items["actor"] = append(w.items["actor"], &leakItem{kind: "actor", label: a.a.Name, vals: map[string]string{"actor": a.a.ID},
			can: leakCan{
				"see":  see,
				"edit": func(v maillage.Viewer) bool { return see(v) && maillage.CanEditActor(v, a.a.Access()) },
			}})
	}
}

// listedActors are the cards lists and search show a viewer: those they
// may see and nobody claimed (the account stands for a claimed one).
func (w *leakWorld) listedActors(v maillage.Viewer) []string {
	var out []string
	for _, la := range w.actors {
		if !la.claimed && maillage.CanViewActor(v, la.a.Access()) {
			out = append(out, la.a.ID)
		}
	}
	return out
}

// adoptNominationCards adds to the world's cards those that nominations
// made of new names (private cards of the requester), so that lists and
// search are checked against them too.
func (w *leakWorld) adoptNominationCards(t *testing.T) {
	known := map[string]bool{}
	for _, la := range w.actors {
		known[la.a.ID] = true
	}
	err := w.m.Service.DB().EachActor(w.ctx, func(a maillage.Actor) error {
		if !known[a.ID] && a.Source == "nomination" {
			a := a
			w.actors = append(w.actors, &leakActor{a: &a})
		}
		return nil
	})
	w.must(t, "nomination cards", err)
}
