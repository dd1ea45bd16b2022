package demo

import (
	"context"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// testRecruitment: the community of practice's managers find about twenty
// candidates with realistic statuses and a dated log; its members, even
// those on the list, find nothing.
func testRecruitment(t *testing.T, w *world) {
	ctx := context.Background()
	demo := w.as(t, DemoEmail)
	cdp := findCommunity(t, w.s, demo, cdpName)
	list, counts, err := w.s.Shortlist(ctx, demo, cdp.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(shortlist) || len(list) < 18 || w.sum.Candidates != len(list) {
		t.Errorf("%d candidates (summary %d), want about twenty", len(list), w.sum.Candidates)
	}
	for _, st := range []maillage.CandidateStatus{maillage.CandidateAccepted, maillage.CandidateDeclined, maillage.CandidateInvited,
		maillage.CandidateContacted, maillage.CandidateNoAnswer, maillage.CandidateIdentified} {
		if counts[st] == 0 {
			t.Errorf("no candidate is %s: %v", st, counts)
		}
	}
	notes, kinds := 0, map[maillage.CandidateKind]int{}
	for _, c := range list {
		notes += len(c.Notes)
		kinds[c.Kind()]++
	}
	if notes < 15 || kinds[maillage.CandidateMember] == 0 || kinds[maillage.CandidateOrganization] == 0 || kinds[maillage.CandidateContact] == 0 {
		t.Errorf("%d notes, kinds %v", notes, kinds)
	}
	// Another manager sees it; a member does not, even one on the list.
	if _, _, err := w.s.Shortlist(ctx, w.as(t, "nadia.diallo@exemple.org"), cdp.ID, ""); err != nil {
		t.Errorf("the other manager: %v", err)
	}
	if _, _, err := w.s.Shortlist(ctx, w.as(t, "sophie.lavoie@exemple.org"), cdp.ID, ""); !maillage.IsNotFound(err) {
		t.Errorf("a member reads the shortlist: %v", err)
	}
}
