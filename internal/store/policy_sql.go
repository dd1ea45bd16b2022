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

// communityReadSQL mirrors maillage.CanReadCommunity for communities aliased c.
func communityReadSQL(v maillage.Viewer, c string, a *args) string {
	if v.Admin {
		return "TRUE"
	}
	s := "(" + c + ".visibility = 'public'"
	if v.SignedIn() {
		s += " OR EXISTS (SELECT 1 FROM community_members vm WHERE vm.community_id = " + c + ".id AND vm.user_id = " + a.add(v.UserID) + ")"
	}
	return s + ")"
}

// contentVisibleSQL mirrors maillage.CanViewContent for rows aliased x that
// have visibility and community_id columns. ownersTable lists the people
// who own or contribute to a row (user_id, and ownersKey naming the row).
func contentVisibleSQL(v maillage.Viewer, x, ownersTable, ownersKey string, a *args) string {
	if !v.SignedIn() {
		return "(" + x + ".visibility = 'public')"
	}
	u := a.add(v.UserID)
	return "(" + x + ".visibility = 'public'" +
		" OR (" + x + ".visibility = 'community' AND EXISTS (SELECT 1 FROM community_members vcm WHERE vcm.community_id = " + x + ".community_id AND vcm.user_id = " + u + "))" +
		" OR EXISTS (SELECT 1 FROM " + ownersTable + " vo WHERE vo." + ownersKey + " = " + x + ".id AND vo.user_id = " + u + "))"
}

// noteVisibleSQL mirrors maillage.CanViewContent for notes aliased n: the
// authors own a note.
func noteVisibleSQL(v maillage.Viewer, n string, a *args) string {
	return contentVisibleSQL(v, n, "note_authors", "note_id", a)
}

// notebookVisibleSQL mirrors maillage.CanViewContent for notebooks aliased
// b: managers own a notebook, contributors add to it.
func notebookVisibleSQL(v maillage.Viewer, b string, a *args) string {
	return contentVisibleSQL(v, b, "notebook_members", "notebook_id", a)
}

// knowledgeBaseVisibleSQL mirrors maillage.CanViewContent for knowledge
// bases aliased k.
func knowledgeBaseVisibleSQL(v maillage.Viewer, k string, a *args) string {
	return contentVisibleSQL(v, k, "knowledge_base_members", "knowledge_base_id", a)
}

// profileNameSQL is the name of the person aliased u as the viewer may see
// it: a profile the viewer may not see gives no name ("a member").
// It mirrors maillage.CanViewProfile without placeholders, so it can sit
// in a select list whose query is counted separately.
func profileNameSQL(v maillage.Viewer, u string) string {
	if v.Admin || v.SignedIn() {
		return "COALESCE(" + u + ".name, '')"
	}
	return "COALESCE(CASE WHEN " + u + ".profile_visibility = '" + string(maillage.ProfilePublic) + "' THEN " + u + ".name END, '')"
}
