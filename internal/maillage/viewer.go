package maillage

// Viewer is who is looking: the input of every access decision. The zero
// Viewer is an anonymous visitor.
type Viewer struct {
	UserID string
	Admin  bool
	// Curator may curate the taxonomy (see CanCurate).
	Curator bool
	// Roles maps the IDs of the communities the viewer belongs to to their
	// role there. It is loaded once per request.
	Roles map[string]Role
}

// Anonymous is the viewer of a visitor who is not signed in.
func Anonymous() Viewer { return Viewer{} }

// SignedIn reports whether the viewer has an account.
func (v Viewer) SignedIn() bool { return v.UserID != "" }

// IsMember reports whether the viewer belongs to the community.
func (v Viewer) IsMember(communityID string) bool {
	_, ok := v.Roles[communityID]
	return ok && communityID != ""
}

// IsManager reports whether the viewer manages the community.
func (v Viewer) IsManager(communityID string) bool {
	return communityID != "" && v.Roles[communityID] == RoleManager
}
