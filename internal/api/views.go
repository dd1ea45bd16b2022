package api

import (
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// The JSON shapes of resources. IDs are opaque strings, times RFC 3339 in
// UTC, tags human labels (with their slugs alongside).

// stamp formats a time as RFC 3339 UTC.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func stampPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := stamp(*t)
	return &s
}

func tagLabels(tags []maillage.Tag) (labels, slugs []string) {
	labels, slugs = make([]string, len(tags)), make([]string, len(tags))
	for i, t := range tags {
		labels[i], slugs[i] = t.Label, t.Slug
	}
	return labels, slugs
}

// People.

type linkJSON struct {
	Kind string `json:"kind" enum:"website,linkedin,mastodon,other"`
	URL  string `json:"url"`
}

type affiliationJSON struct {
	OrganizationID   string `json:"organization_id,omitempty"`
	OrganizationName string `json:"organization_name,omitempty"`
	UserID           string `json:"user_id,omitempty"`
	UserName         string `json:"name,omitempty"`
	Role             string `json:"role" doc:"role title, e.g. coordonnatrice"`
	Admin            bool   `json:"admin" doc:"may edit the organisation"`
}

func affiliationsOut(as []maillage.Affiliation, ofPerson bool) []affiliationJSON {
	out := make([]affiliationJSON, len(as))
	for i, a := range as {
		if ofPerson {
			out[i] = affiliationJSON{OrganizationID: a.OrganizationID, OrganizationName: a.OrganizationName, Role: a.Role, Admin: a.Admin}
		} else {
			out[i] = affiliationJSON{UserID: a.UserID, UserName: a.UserName, Role: a.Role, Admin: a.Admin}
		}
	}
	return out
}

// userJSON is a person as the viewer may see them. email is present only
// when the viewer may see it.
type userJSON struct {
	ID            string            `json:"id"`
	Name          string            `json:"name"`
	Email         string            `json:"email,omitempty" doc:"shown to the person, and to signed-in members when the person accepts contact by email"`
	Pronouns      string            `json:"pronouns"`
	Bio           string            `json:"bio"`
	Region        string            `json:"region" doc:"Québec administrative region code (01..17) or hq for outside Québec"`
	Contact       string            `json:"contact" enum:"messages,email,none"`
	Interests     []string          `json:"interests" doc:"tag labels"`
	InterestSlugs []string          `json:"interest_slugs"`
	Links         []linkJSON        `json:"links,omitempty"`
	Affiliations  []affiliationJSON `json:"affiliations,omitempty"`
	CreatedAt     string            `json:"created_at" format:"date-time"`
}

func userOut(u *maillage.User) userJSON {
	labels, slugs := tagLabels(u.Interests)
	out := userJSON{ID: u.ID, Name: u.Name, Email: u.Email, Pronouns: u.Pronouns, Bio: u.Bio, Region: u.Region,
		Contact: string(u.Contact), Interests: labels, InterestSlugs: slugs, CreatedAt: stamp(u.CreatedAt)}
	for _, l := range u.Links {
		out.Links = append(out.Links, linkJSON{Kind: string(l.Kind), URL: l.URL})
	}
	if len(u.Affiliations) > 0 {
		out.Affiliations = affiliationsOut(u.Affiliations, true)
	}
	return out
}

// meJSON is the caller's own account.
type meJSON struct {
	ID                string            `json:"id"`
	Name              string            `json:"name"`
	Email             string            `json:"email"`
	EmailConfirmed    bool              `json:"email_confirmed"`
	Pronouns          string            `json:"pronouns"`
	Bio               string            `json:"bio"`
	Region            string            `json:"region"`
	Language          string            `json:"language" enum:"fr-CA,en"`
	ProfileVisibility string            `json:"profile_visibility" enum:"public,members"`
	Contact           string            `json:"contact" enum:"messages,email,none"`
	Interests         []string          `json:"interests"`
	InterestSlugs     []string          `json:"interest_slugs"`
	Links             []linkJSON        `json:"links"`
	Affiliations      []affiliationJSON `json:"affiliations"`
	Admin             bool              `json:"admin"`
	CreatedAt         string            `json:"created_at" format:"date-time"`
	UpdatedAt         string            `json:"updated_at" format:"date-time"`
}

func meOut(u *maillage.User) meJSON {
	labels, slugs := tagLabels(u.Interests)
	out := meJSON{ID: u.ID, Name: u.Name, Email: u.Email, EmailConfirmed: u.EmailConfirmedAt != nil,
		Pronouns: u.Pronouns, Bio: u.Bio, Region: u.Region, Language: u.Language,
		ProfileVisibility: string(u.ProfileVisibility), Contact: string(u.Contact),
		Interests: labels, InterestSlugs: slugs, Links: []linkJSON{}, Affiliations: affiliationsOut(u.Affiliations, true),
		Admin: u.Admin, CreatedAt: stamp(u.CreatedAt), UpdatedAt: stamp(u.UpdatedAt)}
	for _, l := range u.Links {
		out.Links = append(out.Links, linkJSON{Kind: string(l.Kind), URL: l.URL})
	}
	return out
}

// Organisations.

type organizationJSON struct {
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	Description string             `json:"description"`
	Type        string             `json:"type" enum:"community,cooperative,nonprofit,social_enterprise,public,funder,research,network,business,other"`
	Region      string             `json:"region"`
	Address     string             `json:"address"`
	Website     string             `json:"website"`
	Latitude    *float64           `json:"latitude"`
	Longitude   *float64           `json:"longitude"`
	Tags        []string           `json:"tags" doc:"tag labels"`
	TagSlugs    []string           `json:"tag_slugs"`
	Members     *[]affiliationJSON `json:"members,omitempty" doc:"affiliated people the caller may see (single organisation only)"`
	CanEdit     *bool              `json:"can_edit,omitempty" doc:"whether the caller may edit it (single organisation only)"`
	CreatedAt   string             `json:"created_at" format:"date-time"`
	UpdatedAt   string             `json:"updated_at" format:"date-time"`
	Version     int                `json:"version" doc:"counts edits; send it back in a PATCH to detect concurrent edits"`
}

func organizationOut(o *maillage.Organization) organizationJSON {
	labels, slugs := tagLabels(o.Tags)
	return organizationJSON{ID: o.ID, Name: o.Name, Description: o.Description, Type: string(o.Type), Region: o.Region,
		Address: o.Address, Website: o.Website, Latitude: o.Latitude, Longitude: o.Longitude,
		Tags: labels, TagSlugs: slugs, CreatedAt: stamp(o.CreatedAt), UpdatedAt: stamp(o.UpdatedAt), Version: o.Version}
}

// Communities.

type communityJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Visibility  string   `json:"visibility" enum:"public,private"`
	Listed      bool     `json:"listed" doc:"whether a private community appears in lists to non-members"`
	Region      string   `json:"region"`
	Tags        []string `json:"tags" doc:"tag labels"`
	TagSlugs    []string `json:"tag_slugs"`
	MemberCount int      `json:"member_count"`
	Role        *string  `json:"role" enum:"manager,member" doc:"the caller's role, null when not a member"`
	Requested   bool     `json:"join_requested,omitempty" doc:"the caller awaits an answer to join (single community only)"`
	CreatedAt   string   `json:"created_at" format:"date-time"`
	UpdatedAt   string   `json:"updated_at" format:"date-time"`
	Version     int      `json:"version" doc:"counts edits; send it back in a PATCH to detect concurrent edits"`
}

func communityOut(c *maillage.Community, v maillage.Viewer) communityJSON {
	labels, slugs := tagLabels(c.Tags)
	out := communityJSON{ID: c.ID, Name: c.Name, Description: c.Description, Visibility: string(c.Visibility),
		Listed: c.Listed, Region: c.Region, Tags: labels, TagSlugs: slugs, MemberCount: c.MemberCount,
		CreatedAt: stamp(c.CreatedAt), UpdatedAt: stamp(c.UpdatedAt), Version: c.Version}
	if role, ok := v.Roles[c.ID]; ok {
		r := string(role)
		out.Role = &r
	}
	return out
}

type memberJSON struct {
	UserID   string `json:"user_id"`
	Name     string `json:"name"`
	Role     string `json:"role" enum:"manager,member"`
	JoinedAt string `json:"joined_at" format:"date-time"`
}

type membershipJSON struct {
	CommunityID string `json:"community_id"`
	UserID      string `json:"user_id"`
	Role        string `json:"role" enum:"manager,member"`
}

type joinRequestJSON struct {
	UserID    string `json:"user_id"`
	Name      string `json:"name"`
	Message   string `json:"message"`
	CreatedAt string `json:"created_at" format:"date-time"`
}

// Tokens.

type tokenJSON struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	CreatedAt  string  `json:"created_at" format:"date-time"`
	LastUsedAt *string `json:"last_used_at" format:"date-time"`
}

type newTokenJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Token     string `json:"token" doc:"the secret, shown this once only"`
	CreatedAt string `json:"created_at" format:"date-time"`
}
