package maillage

import "testing"

// TestMeetingRule writes the meeting rule's expectations by hand: who
// sees a public and a community meeting in each kind of community, who
// manages and who answers.
func TestMeetingRule(t *testing.T) {
	const c = "c1"
	visitor := Viewer{}
	outsider := Viewer{UserID: "u1"}
	member := Viewer{UserID: "u2", Roles: map[string]Role{c: RoleMember}}
	manager := Viewer{UserID: "u3", Roles: map[string]Role{c: RoleManager}}
	admin := Viewer{UserID: "u4", Admin: true}
	public := CommunityAccess{ID: c, Visibility: VisibilityPublic, Listed: true}
	listed := CommunityAccess{ID: c, Visibility: VisibilityPrivate, Listed: true}
	unlisted := CommunityAccess{ID: c, Visibility: VisibilityPrivate}
	for _, tc := range []struct {
		name string
		m    MeetingAccess
		v    Viewer
		want bool
	}{
		{"public meeting of a public community, visitor", MeetingAccess{public, VisibilityPublic}, visitor, true},
		{"public meeting of a listed private community, visitor", MeetingAccess{listed, VisibilityPublic}, visitor, true},
		{"public meeting of an unlisted community, outsider", MeetingAccess{unlisted, VisibilityPublic}, outsider, false},
		{"public meeting of an unlisted community, member", MeetingAccess{unlisted, VisibilityPublic}, member, true},
		{"community meeting of a public community, visitor", MeetingAccess{public, VisibilityCommunity}, visitor, false},
		{"community meeting of a public community, outsider", MeetingAccess{public, VisibilityCommunity}, outsider, false},
		{"community meeting of a public community, member", MeetingAccess{public, VisibilityCommunity}, member, true},
		{"community meeting of a private community, outsider", MeetingAccess{listed, VisibilityCommunity}, outsider, false},
		{"community meeting of a private community, administrator", MeetingAccess{unlisted, VisibilityCommunity}, admin, true},
	} {
		if got := CanViewMeeting(tc.v, tc.m); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	m := MeetingAccess{listed, VisibilityCommunity}
	if CanManageMeeting(member, m) || !CanManageMeeting(manager, m) || !CanManageMeeting(admin, m) {
		t.Error("managers and administrators manage meetings, members do not")
	}
	if !CanAnswerMeeting(member, m) || CanAnswerMeeting(admin, m) || CanAnswerMeeting(outsider, MeetingAccess{public, VisibilityPublic}) {
		t.Error("members answer; administrators and outsiders do not")
	}
}
