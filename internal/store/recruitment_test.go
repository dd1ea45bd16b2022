package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestShortlistStore runs a community's shortlist through the store on
// both databases: every kind of candidate, duplicates refused, labels,
// the dated log, filters and counts, and the cascades of deletions.
func TestShortlistStore(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	owner := newUser(t, db, "Animatrice", "anim@exemple.org", maillage.ProfilePublic)
	member := newUser(t, db, "Zoé Membre", "zoe@exemple.org", maillage.ProfilePublic)
	update := func(fn func(tx *store.Tx) error) error { return db.Update(ctx, fn) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	c := &maillage.Community{ID: auth.NewID(), Name: "Cercle", Visibility: maillage.VisibilityPrivate, CreatedBy: owner.ID}
	other := &maillage.Community{ID: auth.NewID(), Name: "Autre", Visibility: maillage.VisibilityPublic, CreatedBy: owner.ID}
	org := &maillage.Organization{ID: auth.NewID(), Name: "Coop Élan", CreatedBy: owner.ID}
	must(update(func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		if err := tx.CreateCommunity(ctx, other); err != nil {
			return err
		}
		return tx.CreateOrganization(ctx, org)
	}))
	actorID := auth.NewID()
	must(update(func(tx *store.Tx) error {
		return insertActor(ctx, tx, actorID, "Basile Carte", "basile@exemple.org", owner.ID)
	}))

	cands := []*maillage.Candidate{
		{ID: auth.NewID(), CommunityID: c.ID, UserID: member.ID, Name: member.Name, Status: maillage.CandidateIdentified,
			Source: maillage.SourceSearch, Labels: []string{"Recherche", "recherche", "Financement"}},
		{ID: auth.NewID(), CommunityID: c.ID, OrganizationID: org.ID, Name: org.Name, Status: maillage.CandidateContacted,
			Source: maillage.SourceSuggestion},
		{ID: auth.NewID(), CommunityID: c.ID, ActorID: actorID, Name: "Basile Carte", Email: "basile@exemple.org",
			Status: maillage.CandidateIdentified, Source: maillage.SourceNomination, SourceDetail: "nommé par Zoé"},
		{ID: auth.NewID(), CommunityID: c.ID, Name: "Amélie Libre", Email: "amelie@exemple.org",
			Status: maillage.CandidateIdentified, Source: maillage.SourceFree},
	}
	for _, cand := range cands {
		cand.CreatedBy = owner.ID
		must(update(func(tx *store.Tx) error { return tx.CreateCandidate(ctx, cand) }))
	}
	// The same member, organisation, card or address again: a conflict.
	dups := []maillage.Candidate{
		{UserID: member.ID, Name: "x"}, {OrganizationID: org.ID, Name: "x"}, {ActorID: actorID, Name: "x"},
		{Email: "amelie@exemple.org", Name: "x"},
	}
	for _, d := range dups {
		d.ID, d.CommunityID, d.Status, d.Source = auth.NewID(), c.ID, maillage.CandidateIdentified, maillage.SourceFree
		err := update(func(tx *store.Tx) error { return tx.CreateCandidate(ctx, &d) })
		if maillage.ErrorCode(err) != maillage.CodeConflict || maillage.AsError(err).MessageID != "recruitment.already_listed" {
			t.Errorf("duplicate %+v: %v", d, err)
		}
	}
	// ... but the same person may be on another community's shortlist.
	must(update(func(tx *store.Tx) error {
		return tx.CreateCandidate(ctx, &maillage.Candidate{ID: auth.NewID(), CommunityID: other.ID, UserID: member.ID,
			Name: member.Name, Status: maillage.CandidateIdentified, Source: maillage.SourceSearch})
	}))

	db.Now = func() time.Time { return time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC) }
	must(update(func(tx *store.Tx) error {
		return tx.AddCandidateNote(ctx, cands[0].ID, owner.ID, "Appelée le 3 mars, intéressée")
	}))
	db.Now = func() time.Time { return time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC) }
	must(update(func(tx *store.Tx) error { return tx.AddCandidateNote(ctx, cands[0].ID, owner.ID, "Rappel envoyé") }))

	list, err := db.Candidates(ctx, c.ID, store.CandidateFilter{})
	must(err)
	var names []string
	for _, x := range list {
		names = append(names, x.Name)
	}
	if want := []string{"Amélie Libre", "Basile Carte", "Coop Élan", "Zoé Membre"}; !slices.Equal(names, want) {
		t.Fatalf("shortlist %v, want %v (by folded name)", names, want)
	}
	zoe := list[3]
	if !slices.Equal(zoe.Labels, []string{"Financement", "Recherche"}) {
		t.Errorf("labels %v: one per folded label, by name", zoe.Labels)
	}
	if len(zoe.Notes) != 2 || zoe.Notes[0].Body != "Appelée le 3 mars, intéressée" || zoe.Notes[0].AuthorName != "Animatrice" ||
		!zoe.Notes[0].CreatedAt.Equal(time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("log %+v: dated, oldest first, with its author", zoe.Notes)
	}
	if zoe.Kind() != maillage.CandidateMember || list[0].Kind() != maillage.CandidateContact || list[1].Kind() != maillage.CandidateActor ||
		list[2].Kind() != maillage.CandidateOrganization {
		t.Errorf("kinds: %v %v %v %v", list[0].Kind(), list[1].Kind(), list[2].Kind(), zoe.Kind())
	}
	contacted, err := db.Candidates(ctx, c.ID, store.CandidateFilter{Status: "contacted"})
	must(err)
	if len(contacted) != 1 || contacted[0].Name != "Coop Élan" {
		t.Errorf("filter by status: %+v", contacted)
	}
	counts, err := db.CandidateCounts(ctx, c.ID)
	must(err)
	if counts[maillage.CandidateIdentified] != 3 || counts[maillage.CandidateContacted] != 1 {
		t.Errorf("counts %v", counts)
	}
	// A candidate read through another community is not found.
	if _, err := db.Candidate(ctx, other.ID, cands[0].ID); !maillage.IsNotFound(err) {
		t.Errorf("candidate through another community: %v", err)
	}
	must(update(func(tx *store.Tx) error {
		cands[1].Status, cands[1].SourceDetail = maillage.CandidateNoAnswer, "annuaire"
		if err := tx.UpdateCandidate(ctx, cands[1]); err != nil {
			return err
		}
		return tx.SetCandidateLabels(ctx, cands[1].ID, []string{"Bailleur"})
	}))
	got, err := db.Candidate(ctx, c.ID, cands[1].ID)
	must(err)
	if got.Status != maillage.CandidateNoAnswer || got.SourceDetail != "annuaire" || !slices.Equal(got.Labels, []string{"Bailleur"}) {
		t.Errorf("after update: %+v", got)
	}

	// Deleting the organisation and the card leaves plain names with their
	// notes; deleting the account takes the candidacy with it.
	must(update(func(tx *store.Tx) error { return tx.DeleteOrganization(ctx, org.ID) }))
	must(update(func(tx *store.Tx) error {
		_, err := tx.RecruitmentFixtureExec(ctx, `DELETE FROM actors WHERE id = $1`, actorID)
		return err
	}))
	must(update(func(tx *store.Tx) error {
		_, err := tx.RecruitmentFixtureExec(ctx, `DELETE FROM users WHERE id = $1`, member.ID)
		return err
	}))
	list, err = db.Candidates(ctx, c.ID, store.CandidateFilter{})
	must(err)
	names = nil
	for _, x := range list {
		names = append(names, x.Name+"/"+string(x.Kind()))
	}
	if want := []string{"Amélie Libre/email", "Basile Carte/email", "Coop Élan/email"}; !slices.Equal(names, want) {
		t.Errorf("after deletions: %v, want %v", names, want)
	}
	must(update(func(tx *store.Tx) error { return tx.DeleteCandidate(ctx, c.ID, cands[3].ID) }))
	if err := update(func(tx *store.Tx) error { return tx.DeleteCandidate(ctx, c.ID, cands[3].ID) }); !maillage.IsNotFound(err) {
		t.Errorf("deleting twice: %v", err)
	}
}

// TestRecruitmentInvitationStore covers emailed invitations on both
// databases: one pending invitation per address, links that answer,
// answers that happen once, expiry, reminders at most once a day, and
// accounts created from a link.
func TestRecruitmentInvitationStore(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	owner := newUser(t, db, "Animatrice", "anim@exemple.org", maillage.ProfilePublic)
	newcomer := newUser(t, db, "Nouvelle", "nouvelle@exemple.org", maillage.ProfilePublic)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	c := &maillage.Community{ID: auth.NewID(), Name: "Cercle", Description: "Le mandat", Visibility: maillage.VisibilityPrivate,
		CreatedBy: owner.ID}
	cand := &maillage.Candidate{ID: auth.NewID(), CommunityID: c.ID, Name: "Amélie", Email: "amelie@exemple.org",
		Status: maillage.CandidateIdentified, Source: maillage.SourceFree}
	must(db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		return tx.CreateCandidate(ctx, cand)
	}))
	inv := &maillage.RecruitmentInvitation{ID: auth.NewID(), CommunityID: c.ID, CandidateID: cand.ID, Email: "amelie@exemple.org",
		Name: "Amélie", Message: "Bienvenue", Attachment: maillage.AttachDescription, Language: "fr-CA", InvitedBy: owner.ID}
	must(db.Update(ctx, func(tx *store.Tx) error { return tx.CreateRecruitmentInvitation(ctx, inv, auth.HashToken("lien-1")) }))
	// A second pending invitation of the same address is refused by the
	// database itself.
	err := db.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateRecruitmentInvitation(ctx, &maillage.RecruitmentInvitation{ID: auth.NewID(), CommunityID: c.ID,
			Email: "amelie@exemple.org", Language: "fr-CA"}, auth.HashToken("lien-x"))
	})
	if maillage.ErrorCode(err) != maillage.CodeConflict {
		t.Errorf("second pending invitation: %v", err)
	}
	got, err := db.RecruitmentInvitationByLink(ctx, auth.HashToken("lien-1"))
	must(err)
	if got.ID != inv.ID || got.CommunityName != "Cercle" || got.CommunityDescription != "Le mandat" || got.InvitedByName != "Animatrice" ||
		got.Status != maillage.InvitationPending || !got.ExpiresAt.Equal(now.Add(maillage.InvitationValidity)) ||
		got.Attachment != maillage.AttachDescription {
		t.Fatalf("by link: %+v", got)
	}
	if _, err := db.RecruitmentInvitationByLink(ctx, auth.HashToken("inconnu")); !maillage.IsNotFound(err) {
		t.Errorf("unknown link: %v", err)
	}

	// Reminders: not within a day of the invitation, then once a day.
	remind := func() bool {
		t.Helper()
		var ok bool
		must(db.Update(ctx, func(tx *store.Tx) error {
			var err error
			ok, err = tx.MarkRecruitmentReminded(ctx, inv.ID, maillage.InvitationReminderGap)
			return err
		}))
		return ok
	}
	now = now.Add(2 * time.Hour)
	if remind() {
		t.Error("a reminder two hours after the invitation")
	}
	now = now.Add(23 * time.Hour)
	if !remind() {
		t.Fatal("no reminder a day after the invitation")
	}
	if remind() {
		t.Error("two reminders in a row")
	}
	must(db.Update(ctx, func(tx *store.Tx) error { return tx.AddRecruitmentLink(ctx, inv.ID, auth.HashToken("lien-2")) }))
	got, err = db.RecruitmentInvitationByLink(ctx, auth.HashToken("lien-2"))
	must(err)
	if got.Reminders != 1 || got.RemindedAt == nil || !got.ExpiresAt.Equal(now.Add(maillage.InvitationValidity)) {
		t.Errorf("after a reminder: %+v", got)
	}

	// An account created from the link waits for its confirmation.
	must(db.Update(ctx, func(tx *store.Tx) error { return tx.SetRecruitmentSignUp(ctx, inv.ID, newcomer.ID) }))
	must(db.Update(ctx, func(tx *store.Tx) error {
		list, err := tx.RecruitmentInvitationsAwaitingSignUp(ctx, newcomer.ID)
		if err != nil {
			return err
		}
		if len(list) != 1 || list[0].ID != inv.ID {
			t.Errorf("awaiting sign-up: %+v", list)
		}
		return nil
	}))

	// An answer happens once, whichever link carries it.
	must(db.Update(ctx, func(tx *store.Tx) error {
		return tx.AnswerRecruitmentInvitation(ctx, inv.ID, maillage.InvitationAccepted, newcomer.ID)
	}))
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.AnswerRecruitmentInvitation(ctx, inv.ID, maillage.InvitationDeclined, "")
	})
	if !maillage.IsNotFound(err) {
		t.Errorf("second answer: %v", err)
	}
	got, err = db.RecruitmentInvitationByLink(ctx, auth.HashToken("lien-1"))
	must(err)
	if got.Status != maillage.InvitationAccepted || got.AnsweredBy != newcomer.ID || got.AnsweredAt == nil {
		t.Errorf("answered: %+v", got)
	}
	if ok := remind(); ok {
		t.Error("a reminder of an answered invitation")
	}
	// Once answered, the address may be invited anew.
	again := &maillage.RecruitmentInvitation{ID: auth.NewID(), CommunityID: c.ID, Email: "amelie@exemple.org", Language: "en"}
	must(db.Update(ctx, func(tx *store.Tx) error { return tx.CreateRecruitmentInvitation(ctx, again, auth.HashToken("lien-3")) }))

	// An expired invitation cannot be answered.
	now = now.Add(maillage.InvitationValidity + time.Hour)
	err = db.Update(ctx, func(tx *store.Tx) error {
		return tx.AnswerRecruitmentInvitation(ctx, again.ID, maillage.InvitationAccepted, owner.ID)
	})
	if !maillage.IsNotFound(err) {
		t.Errorf("answering an expired invitation: %v", err)
	}
	all, err := db.RecruitmentInvitations(ctx, c.ID)
	must(err)
	if len(all) != 2 || all[0].ID != again.ID || !all[0].Expired(now) {
		t.Errorf("list, newest first: %+v", all)
	}
	// Filling candidates brings their latest invitation.
	list, err := db.Candidates(ctx, c.ID, store.CandidateFilter{})
	must(err)
	if len(list) != 1 || list[0].LastInvitation == nil || list[0].LastInvitation.ID != inv.ID {
		t.Errorf("candidate's latest invitation: %+v", list)
	}
}

// insertActor writes an actor card the way its own store does, for the
// tests of what refers to it.
func insertActor(ctx context.Context, tx *store.Tx, id, name, email, createdBy string) error {
	_, err := tx.RecruitmentFixtureExec(ctx, `INSERT INTO actors (id, kind, name, name_key, email, visibility, created_by, created_at, updated_at)
		VALUES ($1, 'person', $2, $3, $4, 'public', $5, $6, $6)`, id, name, name, email, createdBy, tx.Now())
	return err
}

// TestRecruitmentActorsToOffer: the actor card of an accepted invitation
// is offered to the account that accepted it, until the card is claimed.
func TestRecruitmentActorsToOffer(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	owner := newUser(t, db, "Animatrice", "anim@exemple.org", maillage.ProfilePublic)
	joiner := newUser(t, db, "Basile", "basile@exemple.org", maillage.ProfilePublic)
	c := &maillage.Community{ID: auth.NewID(), Name: "Cercle", Visibility: maillage.VisibilityPrivate, CreatedBy: owner.ID}
	actorID := auth.NewID()
	inv := &maillage.RecruitmentInvitation{ID: auth.NewID(), CommunityID: c.ID, Email: "basile@exemple.org", ActorID: actorID,
		Language: "fr-CA", InvitedBy: owner.ID}
	err := db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateCommunity(ctx, c); err != nil {
			return err
		}
		if err := insertActor(ctx, tx, actorID, "Basile Carte", "basile@exemple.org", owner.ID); err != nil {
			return err
		}
		if err := tx.CreateRecruitmentInvitation(ctx, inv, auth.HashToken("lien")); err != nil {
			return err
		}
		return tx.AnswerRecruitmentInvitation(ctx, inv.ID, maillage.InvitationAccepted, joiner.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.RecruitmentActorsToOffer(ctx, joiner.ID)
	if err != nil || !slices.Equal(got, []string{actorID}) {
		t.Fatalf("cards to offer: %v %v", got, err)
	}
	if got, _ := db.RecruitmentActorsToOffer(ctx, owner.ID); len(got) != 0 {
		t.Errorf("offered to someone else: %v", got)
	}
	err = db.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.RecruitmentFixtureExec(ctx, `UPDATE actors SET claimed_user_id = $1 WHERE id = $2`, joiner.ID, actorID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.RecruitmentActorsToOffer(ctx, joiner.ID); len(got) != 0 {
		t.Errorf("a claimed card is still offered: %v", got)
	}
}
