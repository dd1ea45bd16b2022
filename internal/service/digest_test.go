package service_test

import (
	"strings"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

func TestDigestDue(t *testing.T) {
	for _, c := range []struct {
		now      string
		period   maillage.NotifyMode
		due, key string
	}{
		// 7:00 in Montréal is 12:00 UTC in winter, 11:00 in summer.
		{"2026-11-30T12:00:00Z", maillage.NotifyDaily, "2026-11-30T12:00:00Z", "2026-11-30"},
		{"2026-11-30T11:59:00Z", maillage.NotifyDaily, "2026-11-29T12:00:00Z", "2026-11-29"},
		{"2026-07-15T11:00:00Z", maillage.NotifyDaily, "2026-07-15T11:00:00Z", "2026-07-15"},
		{"2026-12-03T09:00:00Z", maillage.NotifyWeekly, "2026-11-30T12:00:00Z", "week-2026-11-30"},
		{"2026-11-30T11:00:00Z", maillage.NotifyWeekly, "2026-11-23T12:00:00Z", "week-2026-11-23"},
	} {
		now, _ := time.Parse(time.RFC3339, c.now)
		due, key := service.DigestDue(c.period, now)
		if due.Format(time.RFC3339) != c.due || key != c.key {
			t.Errorf("%s at %s: due %s key %s, want %s %s", c.period, c.now, due.Format(time.RFC3339), key, c.due, c.key)
		}
	}
}

// TestDigestGroupsAndSendsOncePerPeriod: people on daily or weekly
// digests get one email per period, in their language, grouping their
// notifications by community, leaving out what they may no longer see
// and the communities where they chose no email.
func TestDigestGroupsAndSendsOncePerPeriod(t *testing.T) {
	w := newNSWorld(t, nil)
	w.user("Animateur", "fr-CA")
	w.user("Lise", "fr-CA") // daily
	w.user("Sam", "en")     // weekly
	w.user("Noé", "fr-CA")  // daily, but none in Bâtiment
	a := w.community("Alimentation", maillage.VisibilityPublic, "Animateur", "Lise", "Sam", "Noé")
	b := w.community("Bâtiment", maillage.VisibilityPublic, "Animateur", "Lise", "Sam", "Noé")
	w.setMode("Lise", "", maillage.NotifyDaily)
	w.setMode("Sam", "", maillage.NotifyWeekly)
	w.setMode("Noé", "", maillage.NotifyDaily)
	w.setMode("Noé", b.ID, maillage.NotifyNone)
	threads := []*maillage.Thread{w.thread(a, "Animateur", "Jardins collectifs"), w.thread(a, "Animateur", "Épicerie solidaire"),
		w.thread(b, "Animateur", "Isolation"), w.thread(a, "Animateur", "Sujet retiré")}
	for _, th := range threads {
		// One at a time: the worker runs jobs concurrently, and the
		// digest lists notifications in order of arrival.
		w.emit(maillage.Event{Kind: maillage.EventThreadCreated, ActorID: w.users["Animateur"].ID, SubjectType: maillage.SubjectThread,
			SubjectID: th.ID, CommunityID: th.CommunityID, AllMembers: true})
		w.drain()
	}
	// A public note outside any community, by someone Lise follows.
	note := &maillage.Note{ID: auth.NewID(), Title: "Lexique de l’économie sociale", Kind: maillage.NoteTerm, Visibility: maillage.VisibilityPublic,
		License: maillage.LicenseCCBY, CreatedBy: w.users["Animateur"].ID, Authors: []maillage.NoteAuthor{{UserID: w.users["Animateur"].ID}}}
	w.update(func(tx *store.Tx) error {
		if _, err := tx.Follow(w.ctx, w.users["Lise"].ID, maillage.FollowPerson, w.users["Animateur"].ID); err != nil {
			return err
		}
		return tx.CreateNote(w.ctx, note)
	})
	w.emit(maillage.Event{Kind: maillage.EventNewFollowedItem, ActorID: w.users["Animateur"].ID, SubjectType: maillage.SubjectNote, SubjectID: note.ID})
	w.drain()
	if got := w.emails(); len(got) != 0 {
		t.Fatalf("%d emails before any digest", len(got))
	}
	// The last thread is hidden by moderation before the digests leave.
	w.update(func(tx *store.Tx) error { return tx.SetThreadFlag(w.ctx, threads[3].ID, store.FlagHidden, true) })

	// Eight days later, both digests are due.
	later := time.Now().Add(8 * 24 * time.Hour)
	w.db.Now = func() time.Time { return later }
	for range 2 {
		if err := w.notifier.EnqueueDueDigests(w.ctx, later); err != nil {
			t.Fatal(err)
		}
		w.drain()
	}
	got := map[string]email{}
	emails := w.emails()
	for _, e := range emails {
		got[e.To] = e
	}
	if len(emails) != 3 || len(got) != 3 {
		t.Fatalf("%d digests to %v, want one each for Lise, Sam and Noé", len(emails), keys(got))
	}
	lise, sam, noe := got["lise@exemple.org"], got["sam@exemple.org"], got["noe@exemple.org"]
	if lise.Subject != "Votre résumé du jour sur Maillage : 4 nouveautés" {
		t.Errorf("Lise's subject %q", lise.Subject)
	}
	if sam.Subject != "Your weekly Maillage digest: 3 new items" {
		t.Errorf("Sam's subject %q", sam.Subject)
	}
	if noe.Subject != "Votre résumé du jour sur Maillage : 2 nouveautés" {
		t.Errorf("Noé's subject %q", noe.Subject)
	}
	// Grouped by community, in order of arrival; the hidden thread and,
	// for Noé, Bâtiment are left out.
	text := lise.Text
	ia, ij, ie, ib, ii, iel := strings.Index(text, "Alimentation"), strings.Index(text, "Jardins collectifs"),
		strings.Index(text, "Épicerie solidaire"), strings.Index(text, "Bâtiment"), strings.Index(text, "Isolation"),
		strings.Index(text, "Ailleurs dans Maillage")
	if ia < 0 || ij < ia || ie < ij || ib < ie || ii < ib || iel < ii || !strings.Contains(text, "Lexique de l’économie sociale") {
		t.Errorf("Lise’s digest is not grouped by community (%d %d %d %d %d %d):\n%s", ia, ij, ie, ib, ii, iel, text)
	}
	for _, e := range []email{lise, sam, noe} {
		if strings.Contains(e.Text, "Sujet retiré") || strings.Contains(e.HTML, "Sujet retiré") {
			t.Errorf("a digest names a thread hidden since:\n%s", e.Text)
		}
		if e.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" || !unsubscribeHeader.MatchString(e.Header.Get("List-Unsubscribe")) {
			t.Errorf("digest unsubscribe headers %q", e.Header.Get("List-Unsubscribe"))
		}
	}
	if strings.Contains(noe.Text, "Isolation") {
		t.Error("Noé's digest includes a community where he chose no email")
	}
	if !strings.Contains(sam.Text, "Hello Sam,") || !strings.Contains(sam.HTML, `lang="en"`) {
		t.Error("Sam's digest is not in English")
	}
}
