package store_test

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestNominations stores a request, its respondents and answers on both
// databases: answers replace earlier ones, new names become one private
// card per requester, lines stream to the graph, matching follows the
// policy and the notification subject is seen by the requester and the
// members asked alone.
func TestNominations(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	ana := newUser(t, db, "Ana Diallo", "ana@exemple.org", maillage.ProfilePublic)
	ben := newUser(t, db, "Béatrice Côté", "ben@exemple.org", maillage.ProfileMembers)
	other := newUser(t, db, "Autre Personne", "autre@exemple.org", maillage.ProfilePublic)
	update := func(fn func(tx *store.Tx) error) {
		t.Helper()
		if err := db.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	org := &maillage.Organization{Name: "Coop Numérique", Type: maillage.OrgCooperative, CreatedBy: ana.ID}
	var tag maillage.Tag
	r := &maillage.NominationRequest{RequesterID: ana.ID, Question: "Qui compte ?"}
	var benResp, mailResp string
	update(func(tx *store.Tx) error {
		if err := tx.CreateOrganization(ctx, org); err != nil {
			return err
		}
		tags, err := tx.EnsureTags(ctx, []string{"transformation numérique"}, ana.ID)
		if err != nil {
			return err
		}
		tag = tags[0]
		r.TagID, r.TagLabel = tag.ID, tag.Label
		if err := tx.InsertNominationRequest(ctx, r); err != nil {
			return err
		}
		if benResp, err = tx.InsertNominationRespondent(ctx, r.ID, ben.ID, "", ""); err != nil {
			return err
		}
		mailResp, err = tx.InsertNominationRespondent(ctx, r.ID, "", "claire@exemple.org", auth.HashToken("mlg_nom_secret"))
		return err
	})
	// The same member twice is refused by the database too.
	err := db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.InsertNominationRespondent(ctx, r.ID, ben.ID, "", "")
		return err
	})
	if maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Fatalf("second respondent row: %v, want a conflict", err)
	}

	got, err := db.NominationRequest(ctx, r.ID)
	if err != nil || got.RequesterName != "Ana Diallo" || got.TagSlug != tag.Slug || got.Respondents != 2 || got.Answered != 0 || got.Wave != 1 {
		t.Fatalf("request = %+v, %v", got, err)
	}
	if resp, err := db.NominationRespondentByToken(ctx, auth.HashToken("mlg_nom_secret")); err != nil || resp.ID != mailResp || resp.Email != "claire@exemple.org" {
		t.Fatalf("by token = %+v, %v", resp, err)
	}
	if _, err := db.NominationRespondentByToken(ctx, auth.HashToken("mlg_nom_other")); !maillage.IsNotFound(err) {
		t.Fatalf("unknown token: %v", err)
	}

	// Two answers naming the same new name count one card, the requester's.
	var card1, card2 string
	update(func(tx *store.Tx) error {
		var err error
		if card1, err = tx.NominationCard(ctx, ana.ID, "Marie Tremblay", "person"); err != nil {
			return err
		}
		if card2, err = tx.NominationCard(ctx, ana.ID, "  marie TREMBLAY ", "person"); err != nil {
			return err
		}
		return tx.ReplaceNominations(ctx, r.ID, benResp, []maillage.Nomination{
			{Nominee: maillage.NomineeRef{Type: maillage.NomineeUser, ID: other.ID}, Reason: "première"},
			{Nominee: maillage.NomineeRef{Type: maillage.NomineeActor, ID: card1}},
		})
	})
	if card1 != card2 {
		t.Fatalf("the same name made two cards: %s, %s", card1, card2)
	}
	// A second answer replaces the first.
	update(func(tx *store.Tx) error {
		if err := tx.ReplaceNominations(ctx, r.ID, benResp, []maillage.Nomination{
			{Nominee: maillage.NomineeRef{Type: maillage.NomineeOrganization, ID: org.ID}, Reason: "réseau"},
			{Nominee: maillage.NomineeRef{Type: maillage.NomineeActor, ID: card1}, Reason: "terrain"},
		}); err != nil {
			return err
		}
		return tx.ReplaceNominations(ctx, r.ID, mailResp, []maillage.Nomination{
			{Nominee: maillage.NomineeRef{Type: maillage.NomineeActor, ID: card2}},
		})
	})
	lines, by, err := db.NominationLines(ctx, r.ID, "")
	if err != nil || len(lines) != 3 {
		t.Fatalf("lines = %+v, %v", lines, err)
	}
	names := map[string]int{}
	for i, l := range lines {
		names[l.Name+"/"+by[i]]++
	}
	for _, want := range []string{"Coop Numérique/Béatrice Côté", "Marie Tremblay/Béatrice Côté", "Marie Tremblay/claire@exemple.org"} {
		if names[want] != 1 {
			t.Errorf("lines %v: want %s once", names, want)
		}
	}
	if mine, _, err := db.NominationLines(ctx, r.ID, benResp); err != nil || len(mine) != 2 || mine[0].Reason != "réseau" {
		t.Fatalf("Béatrice's answer = %+v, %v", mine, err)
	}
	if got, _ := db.NominationRequest(ctx, r.ID); got.Answered != 2 {
		t.Fatalf("answered = %d, want 2", got.Answered)
	}

	// The graph reads every line with its requester, respondent and tag.
	var edges []store.NominationEdge
	if err := db.EachNomination(ctx, func(e store.NominationEdge) error { edges = append(edges, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(edges) != 3 {
		t.Fatalf("edges = %+v", edges)
	}
	for _, e := range edges {
		if e.RequesterID != ana.ID || e.TagID != tag.ID || e.CreatedAt.IsZero() ||
			(e.RespondentID == benResp) != (e.RespondentUserID == ben.ID) {
			t.Errorf("edge %+v", e)
		}
	}

	// Matching: folded names, people by their profile's visibility,
	// private cards for their creator alone.
	anaV := maillage.Viewer{UserID: ana.ID}
	match := func(v maillage.Viewer, text string, prefix bool) map[string]bool {
		t.Helper()
		list, err := db.MatchNominees(ctx, v, text, prefix, 10)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, m := range list {
			out[string(m.Ref.Type)+":"+m.Name] = true
		}
		return out
	}
	if m := match(anaV, "beatrice cote", false); !m["user:Béatrice Côté"] {
		t.Errorf("signed in, folded: %v", m)
	}
	if m := match(maillage.Anonymous(), "Béatrice Côté", false); len(m) != 0 {
		t.Errorf("a visitor matches a members-only profile: %v", m)
	}
	if m := match(anaV, "marie", true); !m["actor:Marie Tremblay"] {
		t.Errorf("the requester's card by prefix: %v", m)
	}
	if m := match(maillage.Viewer{UserID: other.ID}, "Marie Tremblay", false); len(m) != 0 {
		t.Errorf("someone else's private card matched: %v", m)
	}
	if m := match(maillage.Anonymous(), "coop num", true); !m["organization:Coop Numérique"] {
		t.Errorf("organisations are public: %v", m)
	}
	if _, err := db.NomineeExists(ctx, maillage.Viewer{UserID: other.ID}, maillage.NomineeRef{Type: maillage.NomineeActor, ID: card1}); !maillage.IsNotFound(err) {
		t.Errorf("a private card exists for someone else: %v", err)
	}

	// The notification subject: requester and members asked only.
	for _, c := range []struct {
		user string
		want bool
	}{{ana.ID, true}, {ben.ID, true}, {other.ID, false}} {
		if ok, err := db.SubjectVisibleTo(ctx, c.user, maillage.SubjectNomination, r.ID); err != nil || ok != c.want {
			t.Errorf("subject visible to %s = %v, %v; want %v", c.user, ok, err, c.want)
		}
	}

	// Lists and closing.
	if sent, err := db.NominationRequestsBy(ctx, ana.ID); err != nil || len(sent) != 1 {
		t.Fatalf("sent = %+v, %v", sent, err)
	}
	if asked, err := db.NominationRequestsAsking(ctx, ben.ID); err != nil || len(asked) != 1 {
		t.Fatalf("asked = %+v, %v", asked, err)
	}
	if asked, _ := db.NominationRequestsAsking(ctx, other.ID); len(asked) != 0 {
		t.Fatalf("someone not asked lists %+v", asked)
	}
	var first, second bool
	update(func(tx *store.Tx) error {
		var err error
		if first, err = tx.CloseNominationRequest(ctx, r.ID); err != nil {
			return err
		}
		second, err = tx.CloseNominationRequest(ctx, r.ID)
		return err
	})
	if !first || second {
		t.Fatalf("close: %v then %v", first, second)
	}
	if got, _ := db.NominationRequest(ctx, r.ID); !got.Closed() {
		t.Fatal("not closed")
	}
}
