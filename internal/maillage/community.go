package maillage

import "time"

// Visibility says who may see a piece of content. Communities use public
// and private; notes, notebooks and knowledge bases use all three.
type Visibility string

// Visibilities.
const (
	// VisibilityPublic: everyone, signed in or not, and search engines.
	VisibilityPublic Visibility = "public"
	// VisibilityCommunity: the members of the linked community (and the
	// item's authors or managers).
	VisibilityCommunity Visibility = "community"
	// VisibilityPrivate: for content, its authors only; for a community,
	// its members only.
	VisibilityPrivate Visibility = "private"
)

// Role is a person's role in a community.
type Role string

// Community roles.
const (
	RoleManager Role = "manager"
	RoleMember  Role = "member"
)

// Community is a space with members: a public thematic community that
// anyone may read and join, or a private one whose content is for members
// only and that its managers may keep out of listings.
type Community struct {
	ID          string
	Name        string
	Description string
	Visibility  Visibility
	Listed      bool
	Region      string
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Version counts edits; an edit names the version it started from.
	Version int
	// CoverType is the MIME type of the cover image, "" when there is none.
	CoverType      string
	CoverUpdatedAt *time.Time

	Tags        []Tag
	MemberCount int
}

// Membership is one person's place in a community.
type Membership struct {
	CommunityID string
	UserID      string
	UserName    string
	Role        Role
	CreatedAt   time.Time
}

// JoinRequest is a request to join a private community, awaiting a manager.
type JoinRequest struct {
	CommunityID string
	UserID      string
	UserName    string
	Message     string
	CreatedAt   time.Time
}

// Community field limits.
const (
	MaxCommunityNameLen        = 160
	MaxCommunityDescriptionLen = 8000
	MaxJoinMessageLen          = 1000
)

// CommunityInput is what a form or API call gives to create or edit a community.
type CommunityInput struct {
	Name        string
	Description string
	Visibility  string
	Listed      bool
	Region      string
	Tags        []string
	// Version is the version the edit started from; 0 skips the check.
	Version int
}

// Validate checks a community form.
func (in CommunityInput) Validate() error {
	var v Validator
	v.Required("name", in.Name)
	v.MaxLen("name", in.Name, MaxCommunityNameLen)
	v.MaxLen("description", in.Description, MaxCommunityDescriptionLen)
	v.Required("visibility", in.Visibility)
	v.OneOf("visibility", in.Visibility, []string{string(VisibilityPublic), string(VisibilityPrivate)})
	v.OneOf("region", in.Region, RegionCodes())
	validateTags(&v, "tags", in.Tags)
	return v.Err()
}
