package maillage

import (
	"testing"
	"time"
)

// TestRecruitmentPolicy states the rules of recruitment the way people
// say them: a shortlist is its community's managers' working paper.
func TestRecruitmentPolicy(t *testing.T) {
	var (
		visitor = Anonymous()
		alice   = Viewer{UserID: "alice"}
		member  = Viewer{UserID: "mia", Roles: map[string]Role{"c": RoleMember, "u": RoleMember}}
		manager = Viewer{UserID: "max", Roles: map[string]Role{"c": RoleManager, "u": RoleManager}}
		other   = Viewer{UserID: "oli", Roles: map[string]Role{"x": RoleManager}}
		admin   = Viewer{UserID: "root", Admin: true}

		public   = CommunityAccess{ID: "c", Visibility: VisibilityPublic}
		unlisted = CommunityAccess{ID: "u", Visibility: VisibilityPrivate}
	)
	for _, c := range []struct {
		rule      string
		got, want bool
	}{
		{"the managers see their community's shortlist", CanViewShortlist(manager, unlisted), true},
		{"members do not see it, even of a public community", CanViewShortlist(member, public), false},
		{"members of a private community do not see it", CanViewShortlist(member, unlisted), false},
		{"someone signed in elsewhere does not see it", CanViewShortlist(alice, public), false},
		{"a manager of another community does not see it", CanViewShortlist(other, unlisted), false},
		{"a visitor does not see it", CanViewShortlist(visitor, public), false},
		{"platform administrators manage every community, shortlists included", CanViewShortlist(admin, unlisted), true},
		{"a public card is seen by visitors", visitor.Reaches(CandidateCardAccess{Visibility: "public"}.Audiences()), true},
		{"a members card is not seen by visitors", visitor.Reaches(CandidateCardAccess{Visibility: "members"}.Audiences()), false},
		{"a community card is seen by its members", member.Reaches(CandidateCardAccess{Visibility: "community", CommunityID: "u"}.Audiences()), true},
		{"a community card is not seen by others", alice.Reaches(CandidateCardAccess{Visibility: "community", CommunityID: "u"}.Audiences()), false},
		{"a private card is seen by its author", alice.Reaches(CandidateCardAccess{Visibility: "private", CreatedBy: "alice"}.Audiences()), true},
		{"a private card is not seen by others", member.Reaches(CandidateCardAccess{Visibility: "private", CreatedBy: "alice"}.Audiences()), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v", c.rule, c.got)
		}
	}
}

// TestInvitationReminders: a reminder waits a day after the invitation
// and after the last reminder, and never follows an answer.
func TestInvitationReminders(t *testing.T) {
	sent := time.Date(2026, 8, 14, 9, 0, 0, 0, time.UTC)
	inv := RecruitmentInvitation{Status: InvitationPending, CreatedAt: sent, ExpiresAt: sent.Add(InvitationValidity)}
	if inv.MayRemind(sent.Add(23 * time.Hour)) {
		t.Error("a reminder the same day as the invitation")
	}
	if !inv.MayRemind(sent.Add(24 * time.Hour)) {
		t.Error("no reminder a day later")
	}
	reminded := sent.Add(48 * time.Hour)
	inv.RemindedAt = &reminded
	if inv.MayRemind(reminded.Add(time.Hour)) || !inv.MayRemind(reminded.Add(25*time.Hour)) {
		t.Error("reminders in a row")
	}
	if inv.Expired(sent.Add(InvitationValidity-time.Second)) || !inv.Expired(sent.Add(InvitationValidity)) {
		t.Error("expiry")
	}
	inv.Status = InvitationAccepted
	if inv.MayRemind(reminded.Add(72*time.Hour)) || inv.Expired(sent.Add(2*InvitationValidity)) {
		t.Error("an answered invitation is reminded or expires")
	}
}
