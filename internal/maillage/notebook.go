package maillage

import "time"

// NotebookRole is a person's role in a notebook or knowledge base.
type NotebookRole string

// Notebook roles.
const (
	// NotebookManager edits the notebook, its categories, guide and roles.
	NotebookManager NotebookRole = "manager"
	// NotebookContributor adds notes to the notebook.
	NotebookContributor NotebookRole = "contributor"
)

// Notebook (carnet) gathers notes, each in a category of its own choosing;
// a note can sit in several notebooks.
type Notebook struct {
	ID          string
	Title       string
	Description string
	// Guide is the writing guide shown to contributors (Markdown).
	Guide         string
	CoverKey      string
	CoverMIME     string
	Visibility    Visibility
	CommunityID   string
	CommunityName string
	CreatedBy     string
	CreatedAt     time.Time
	UpdatedAt     time.Time
	// Version counts edits; an edit names the version it started from.
	Version int

	Members    []NotebookMember
	Categories []NotebookCategory
}

// NotebookMember is a person with a role in a notebook or knowledge base.
type NotebookMember struct {
	UserID string
	Name   string
	Role   NotebookRole
}

// NotebookCategory is a notebook's own category; the same note may be in
// different categories in different notebooks.
type NotebookCategory struct {
	ID       string
	Name     string
	Position int
}

// idsWithRole returns the IDs of members with the role.
func idsWithRole(members []NotebookMember, role NotebookRole) []string {
	var ids []string
	for _, m := range members {
		if m.Role == role {
			ids = append(ids, m.UserID)
		}
	}
	return ids
}

// Access returns the policy view of a notebook: managers own it,
// contributors add to it.
func (n Notebook) Access() ContentAccess {
	return ContentAccess{Visibility: n.Visibility, CommunityID: n.CommunityID,
		OwnerIDs: idsWithRole(n.Members, NotebookManager), ContributorIDs: idsWithRole(n.Members, NotebookContributor)}
}

// NotebookEntry is a note as a notebook lists it.
type NotebookEntry struct {
	Note         NoteSummary
	CategoryID   string
	CategoryName string
	Pinned       bool
	Position     int
	AddedBy      string
	AddedAt      time.Time
}

// KnowledgeBase collects notebooks; a notebook may be in several.
type KnowledgeBase struct {
	ID            string
	Title         string
	Description   string
	Visibility    Visibility
	CommunityID   string
	CommunityName string
	CreatedBy     string
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Version       int

	Members []NotebookMember
}

// Access returns the policy view of a knowledge base.
func (k KnowledgeBase) Access() ContentAccess {
	return ContentAccess{Visibility: k.Visibility, CommunityID: k.CommunityID,
		OwnerIDs: idsWithRole(k.Members, NotebookManager), ContributorIDs: idsWithRole(k.Members, NotebookContributor)}
}

// Notebook and knowledge base field limits.
const (
	MaxNotebookTitleLen       = 200
	MaxNotebookDescriptionLen = 4000
	MaxNotebookGuideLen       = 20000
	MaxCategoryNameLen        = 80
	MaxCategories             = 50
)

// NotebookInput is what a form or API call gives to create or edit a
// notebook or a knowledge base (which has no guide).
type NotebookInput struct {
	Title       string
	Description string
	Guide       string
	Visibility  string
	CommunityID string
	// Version is the version the edit started from; 0 skips the check.
	Version int
}

// Validate checks a notebook or knowledge base form.
func (in NotebookInput) Validate() error {
	var v Validator
	v.Required("title", in.Title)
	v.MaxLen("title", in.Title, MaxNotebookTitleLen)
	v.MaxLen("description", in.Description, MaxNotebookDescriptionLen)
	v.MaxLen("guide", in.Guide, MaxNotebookGuideLen)
	v.Required("visibility", in.Visibility)
	v.OneOf("visibility", in.Visibility, []string{string(VisibilityPublic), string(VisibilityCommunity), string(VisibilityPrivate)})
	if in.Visibility == string(VisibilityCommunity) && in.CommunityID == "" {
		v.Add("community_id", "field.community_required", nil)
	}
	return v.Err()
}
