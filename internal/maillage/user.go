package maillage

import "time"

// ProfileVisibility says who may see a person's profile page.
type ProfileVisibility string

// Profile visibilities.
const (
	// ProfilePublic: anyone, signed in or not, and search engines.
	ProfilePublic ProfileVisibility = "public"
	// ProfileMembers: anyone signed in to this Maillage.
	ProfileMembers ProfileVisibility = "members"
)

// ContactPreference says how a person accepts to be reached.
type ContactPreference string

// Contact preferences.
const (
	// ContactMessages: through Maillage's messages only; the email stays hidden.
	ContactMessages ContactPreference = "messages"
	// ContactEmail: the email address is shown to signed-in members.
	ContactEmail ContactPreference = "email"
	// ContactNone: the person does not wish to be contacted.
	ContactNone ContactPreference = "none"
)

// Field limits shared by forms, the API and the database.
const (
	MaxNameLen      = 120
	MaxPronounsLen  = 40
	MaxBioLen       = 4000
	MaxEmailLen     = 254
	MaxURLLen       = 2000
	MinPasswordLen  = 10
	MaxPasswordLen  = 200
	MaxTagsPerItem  = 30
	MaxLinksPerUser = 10
)

// User is a person with an account.
type User struct {
	ID                string
	Email             string
	EmailConfirmedAt  *time.Time
	Name              string
	Pronouns          string
	Bio               string
	Region            string
	Language          string
	ProfileVisibility ProfileVisibility
	Contact           ContactPreference
	Admin             bool
	// Curator: the person keeps the shared taxonomy (administrators have
	// every curator right anyway).
	Curator   bool
	CreatedAt time.Time
	UpdatedAt time.Time

	// Loaded on demand.
	Interests    []Tag
	Links        []Link
	Affiliations []Affiliation
}

// LinkKind names where a profile link points, so pages can label it.
type LinkKind string

// Link kinds.
const (
	LinkWebsite  LinkKind = "website"
	LinkLinkedIn LinkKind = "linkedin"
	LinkMastodon LinkKind = "mastodon"
	LinkOther    LinkKind = "other"
)

// LinkKinds lists the valid link kinds in display order.
func LinkKinds() []string {
	return []string{string(LinkWebsite), string(LinkLinkedIn), string(LinkMastodon), string(LinkOther)}
}

// Link is an external link on a profile.
type Link struct {
	Kind LinkKind
	URL  string
}

// Affiliation ties a person to an organisation with a role title
// ("coordonnatrice") and, separately, the right to edit the organisation.
type Affiliation struct {
	OrganizationID   string
	OrganizationName string
	UserID           string
	UserName         string
	Role             string
	Admin            bool
}

// ProfileInput is what a person may change on their own profile.
type ProfileInput struct {
	Name              string
	Pronouns          string
	Bio               string
	Region            string
	Language          string
	ProfileVisibility string
	Contact           string
	Interests         []string
	Links             []Link
}

// Validate checks a profile edit.
func (in ProfileInput) Validate() error {
	var v Validator
	v.Required("name", in.Name)
	v.MaxLen("name", in.Name, MaxNameLen)
	v.MaxLen("pronouns", in.Pronouns, MaxPronounsLen)
	v.MaxLen("bio", in.Bio, MaxBioLen)
	v.OneOf("region", in.Region, RegionCodes())
	v.OneOf("language", in.Language, []string{"fr-CA", "en"})
	v.OneOf("profile_visibility", in.ProfileVisibility, []string{string(ProfilePublic), string(ProfileMembers)})
	v.OneOf("contact", in.Contact, []string{string(ContactMessages), string(ContactEmail), string(ContactNone)})
	validateTags(&v, "interests", in.Interests)
	if len(in.Links) > MaxLinksPerUser {
		v.Add("links", "field.too_many", map[string]any{"Max": MaxLinksPerUser})
	}
	for _, l := range in.Links {
		v.OneOf("links", string(l.Kind), LinkKinds())
		v.URL("links", l.URL)
	}
	return v.Err()
}

// SignUpInput is what a visitor gives to create an account.
type SignUpInput struct {
	Email     string
	Name      string
	Password  string
	Region    string
	Language  string
	Interests []string
	// Invitation is the token of an emailed invitation to join a
	// community the person signs up from: the new account joins it when
	// its address is confirmed.
	Invitation string
}

// Validate checks a sign-up form.
func (in SignUpInput) Validate() error {
	var v Validator
	v.Required("name", in.Name)
	v.MaxLen("name", in.Name, MaxNameLen)
	v.Required("email", in.Email)
	v.MaxLen("email", in.Email, MaxEmailLen)
	v.Email("email", in.Email)
	ValidatePassword(&v, "password", in.Password)
	v.OneOf("region", in.Region, RegionCodes())
	v.OneOf("language", in.Language, []string{"fr-CA", "en"})
	validateTags(&v, "interests", in.Interests)
	return v.Err()
}

// ValidatePassword checks a new password's length. Length is the rule that
// matters (NIST SP 800-63B); composition rules only annoy people.
func ValidatePassword(v *Validator, field, password string) {
	v.Required(field, password)
	if password != "" && len([]rune(password)) < MinPasswordLen && !v.Has(field) {
		v.Add(field, "field.password_too_short", map[string]any{"Min": MinPasswordLen})
	}
	v.MaxLen(field, password, MaxPasswordLen)
}

// APIToken is a named bearer token for the JSON API. Only its hash is stored.
type APIToken struct {
	ID         string
	UserID     string
	Name       string
	CreatedAt  time.Time
	LastUsedAt *time.Time
}
