package store

import "github.com/maillage/maillage/internal/maillage"

// This file mirrors the access policy of package maillage (policy.go) as
// SQL filters, so lists, counts and searches filter in the database
// instead of loading everything. Each function here has a twin there; the
// policy table test runs both on the same cases and requires them to agree.

// profileVisibleSQL mirrors maillage.CanViewProfile for users aliased u.
func profileVisibleSQL(v maillage.Viewer, u string, a *args) string {
	if v.Admin || v.SignedIn() {
		// Every profile is visible to members; there is no hidden profile.
		return "TRUE"
	}
	return u + ".profile_visibility = " + a.add(string(maillage.ProfilePublic))
}

// communitySeeSQL mirrors maillage.CanSeeCommunity for communities aliased c.
func communitySeeSQL(v maillage.Viewer, c string, a *args) string {
	if v.Admin {
		return "TRUE"
	}
	s := "(" + c + ".visibility = 'public' OR " + c + ".listed"
	if v.SignedIn() {
		s += " OR EXISTS (SELECT 1 FROM community_members vm WHERE vm.community_id = " + c + ".id AND vm.user_id = " + a.add(v.UserID) + ")"
	}
	return s + ")"
}
