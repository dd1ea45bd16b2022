package maillage

import "slices"

// The access policy is written once, as audiences. Each thing Maillage
// holds yields the audiences it is shown to (everyone, the members of
// community C, the person P ...), and each viewer belongs to audiences; a
// viewer may see a thing when they belong to one of its audiences. Every
// other form of the policy is derived from these two functions by code:
// the store's SQL filters evaluate an item's Audiences over every state of
// its columns (store/audience_sql.go), notification recipients are the
// same filters keyed on a recipient column, and the search index, the
// relation graph and map layouts file items under Audience.Key and
// viewers under Viewer.AudienceKeys.

// AudienceKind says which group of viewers an Audience is.
type AudienceKind uint8

// Kinds of audience.
const (
	// AudienceEveryone is every visitor, signed in or not.
	AudienceEveryone AudienceKind = iota + 1
	// AudienceSignedIn is every person with an account.
	AudienceSignedIn
	// AudienceAdmins is the platform's administrators.
	AudienceAdmins
	// AudiencePerson is one person (ID is their user ID).
	AudiencePerson
	// AudienceMembers is the members of a community (ID is the community),
	// managers included.
	AudienceMembers
	// AudienceManagers is the managers of a community (ID is the community).
	AudienceManagers
	// AudienceCurators is the people who curate the tag taxonomy.
	AudienceCurators
)

// Audience is a group of viewers something is shown to.
type Audience struct {
	Kind AudienceKind
	// ID names the person or community of AudiencePerson, AudienceMembers
	// and AudienceManagers; it is empty for the others.
	ID string
}

// Everyone is the audience of public things.
func Everyone() Audience { return Audience{Kind: AudienceEveryone} }

// SignedInPeople is the audience of things for any person with an account.
func SignedInPeople() Audience { return Audience{Kind: AudienceSignedIn} }

// Admins is the audience of the platform's administrators.
func Admins() Audience { return Audience{Kind: AudienceAdmins} }

// Curators is the audience of the taxonomy's curators.
func Curators() Audience { return Audience{Kind: AudienceCurators} }

// Person is the audience of one person.
func Person(userID string) Audience { return Audience{Kind: AudiencePerson, ID: userID} }

// MembersOf is the audience of a community's members.
func MembersOf(communityID string) Audience { return Audience{Kind: AudienceMembers, ID: communityID} }

// ManagersOf is the audience of a community's managers.
func ManagersOf(communityID string) Audience {
	return Audience{Kind: AudienceManagers, ID: communityID}
}

// Key is the audience as a short string ("everyone", "community:ID"), for
// indexes that file items under the audiences that may see them.
func (a Audience) Key() string {
	switch a.Kind {
	case AudienceEveryone:
		return "everyone"
	case AudienceSignedIn:
		return "signed-in"
	case AudienceAdmins:
		return "admins"
	case AudiencePerson:
		return "person:" + a.ID
	case AudienceMembers:
		return "community:" + a.ID
	case AudienceManagers:
		return "managers:" + a.ID
	case AudienceCurators:
		return "curators"
	}
	return ""
}

// Includes reports whether the viewer belongs to the audience. An audience
// naming nobody (an empty ID) includes nobody.
func (v Viewer) Includes(a Audience) bool {
	switch a.Kind {
	case AudienceEveryone:
		return true
	case AudienceSignedIn:
		return v.SignedIn()
	case AudienceAdmins:
		return v.SignedIn() && v.Admin
	case AudiencePerson:
		return v.SignedIn() && a.ID == v.UserID
	case AudienceMembers:
		return v.IsMember(a.ID)
	case AudienceManagers:
		return v.IsManager(a.ID)
	case AudienceCurators:
		return v.SignedIn() && v.Curator
	}
	return false
}

// Reaches reports whether the viewer belongs to at least one of the
// audiences: the one test every rule of the policy comes down to.
func (v Viewer) Reaches(audiences []Audience) bool {
	return slices.ContainsFunc(audiences, v.Includes)
}

// Audiences lists every audience the viewer belongs to, so that
// v.Reaches(as) is true exactly when one of as is in the list.
func (v Viewer) Audiences() []Audience {
	out := []Audience{Everyone()}
	if !v.SignedIn() {
		return out
	}
	out = append(out, SignedInPeople(), Person(v.UserID))
	if v.Admin {
		out = append(out, Admins())
	}
	if v.Curator {
		out = append(out, Curators())
	}
	ids := make([]string, 0, len(v.Roles))
	for id := range v.Roles {
		ids = append(ids, id)
	}
	slices.Sort(ids) // a stable order, so keys can be compared and cached
	for _, id := range ids {
		if id == "" {
			continue
		}
		out = append(out, MembersOf(id))
		if v.Roles[id] == RoleManager {
			out = append(out, ManagersOf(id))
		}
	}
	return out
}

// AudienceKeys is Audiences as keys, for indexes filed by Audience.Key.
func (v Viewer) AudienceKeys() []string {
	as := v.Audiences()
	keys := make([]string, len(as))
	for i, a := range as {
		keys[i] = a.Key()
	}
	return keys
}

// people is the audience of each of the people named.
func people(ids []string) []Audience {
	out := make([]Audience, 0, len(ids))
	for _, id := range ids {
		out = append(out, Person(id))
	}
	return out
}
