package maillage

import "time"

// ActorKind says whether a card describes a person or an organisation.
type ActorKind string

// Actor kinds.
const (
	ActorPerson       ActorKind = "person"
	ActorOrganization ActorKind = "organization"
)

// ActorKinds lists the valid kinds in display order.
func ActorKinds() []string { return []string{string(ActorPerson), string(ActorOrganization)} }

// ActorVisibility says who sees an actor card. Cards have a level that
// content has not: "members", every signed-in person.
type ActorVisibility string

// Actor card visibilities, from the widest to the narrowest.
const (
	// ActorPublic cards are for everyone, visitors included.
	ActorPublic ActorVisibility = "public"
	// ActorMembers cards are for every signed-in person.
	ActorMembers ActorVisibility = "members"
	// ActorCommunity cards are for the members of CommunityID.
	ActorCommunity ActorVisibility = "community"
	// ActorPrivate cards are for their creator alone.
	ActorPrivate ActorVisibility = "private"
)

// ActorVisibilities lists the valid visibilities in display order.
func ActorVisibilities() []string {
	return []string{string(ActorPublic), string(ActorMembers), string(ActorCommunity), string(ActorPrivate)}
}

// Actor is a card about a person or an organisation who is not on
// Maillage: created by a member, by a nomination or by importing an
// existing map of actors. It holds public professional information only
// (Québec's Law 25: minimal, correctable, removable) and says where it
// comes from (Source). When the person joins they claim the card
// (ClaimedUserID); an organisation card may be matched to a directory
// entry (ClaimedOrganizationID). A claimed card's tags and attached notes
// move to the account, and the card then stands for that account: lists,
// search and tag pages show the account instead.
//
// The fields the policy reads are Visibility, CommunityID, CreatedBy and
// ClaimedUserID (see Access and CanViewActor).
type Actor struct {
	ID   string
	Kind ActorKind
	Name string
	// NameKey is the folded name (fold.Key), for matching and deduplication.
	NameKey     string
	Description string
	// Title and OrganizationName are a person's role and organisation, as
	// publicly stated.
	Title            string
	OrganizationName string
	Website          string
	// Email is a public professional address only. It is what a joining
	// person's confirmed address is matched against to claim the card.
	Email     string
	Region    string
	Address   string
	Latitude  *float64
	Longitude *float64

	Visibility  ActorVisibility
	CommunityID string
	// CommunityName is the community's name, for display.
	CommunityName string
	// Source says where what the card says comes from: a URL, an import,
	// a nomination.
	Source    string
	CreatedBy string

	ClaimedUserID         string
	ClaimedOrganizationID string
	ClaimedAt             *time.Time

	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts edits; an edit names the version it started from.
	Version int

	Tags []Tag
}

// Claimed reports whether a person or an organisation took the card over.
func (a Actor) Claimed() bool { return a.ClaimedUserID != "" || a.ClaimedOrganizationID != "" }

// Access returns the policy view of a card.
func (a Actor) Access() ActorAccess {
	return ActorAccess{Visibility: a.Visibility, CommunityID: a.CommunityID, CreatedBy: a.CreatedBy, ClaimedUserID: a.ClaimedUserID}
}

// ActorRequestDelay is how long administrators have to answer a request
// for correction or removal of a card: Law 25 gives 30 days.
const ActorRequestDelay = 30 * 24 * time.Hour

// Actor card field limits.
const (
	MaxActorNameLen        = 200
	MaxActorDescriptionLen = 4000
	MaxActorTitleLen       = 200
	MaxActorSourceLen      = 500
)

// ActorInput is what a form, an API call or an import row gives to create
// or edit a card. Coordinates arrive as text so a wrong value gets a field
// error rather than a decoding failure.
type ActorInput struct {
	Name             string
	Kind             string
	Description      string
	Title            string
	OrganizationName string
	Website          string
	Email            string
	Region           string
	Address          string
	Latitude         string
	Longitude        string
	Visibility       string
	CommunityID      string
	Source           string
	Tags             []string
	// Version is the version the edit started from; 0 skips the check.
	Version int
}

// Validate checks the input and returns the parsed coordinates.
func (in ActorInput) Validate() (lat, lon *float64, err error) {
	var v Validator
	v.Required("name", in.Name)
	v.MaxLen("name", in.Name, MaxActorNameLen)
	v.Required("kind", in.Kind)
	v.OneOf("kind", in.Kind, ActorKinds())
	v.MaxLen("description", in.Description, MaxActorDescriptionLen)
	v.MaxLen("title", in.Title, MaxActorTitleLen)
	v.MaxLen("organization_name", in.OrganizationName, MaxOrgNameLen)
	v.URL("website", in.Website)
	v.Email("email", in.Email)
	v.OneOf("region", in.Region, RegionCodes())
	v.MaxLen("address", in.Address, MaxAddressLen)
	v.MaxLen("source", in.Source, MaxActorSourceLen)
	v.Required("visibility", in.Visibility)
	v.OneOf("visibility", in.Visibility, ActorVisibilities())
	if in.Visibility == string(ActorCommunity) && in.CommunityID == "" {
		v.Add("community_id", "field.community_required", nil)
	}
	lat = parseCoord(&v, "latitude", in.Latitude, 90)
	lon = parseCoord(&v, "longitude", in.Longitude, 180)
	if (lat == nil) != (lon == nil) && !v.Has("latitude") && !v.Has("longitude") {
		v.Add("latitude", "field.coordinates_pair", nil)
	}
	validateTags(&v, "tags", in.Tags)
	return lat, lon, v.Err()
}

// ActorRequestKind says what a request about a card asks.
type ActorRequestKind string

// Kinds of request about a card.
const (
	// ActorRequestClaim asks to be recognised as the person a card
	// describes, when no confirmed address matches its email.
	ActorRequestClaim ActorRequestKind = "claim"
	// ActorRequestCorrection asks for what the card says to be corrected.
	ActorRequestCorrection ActorRequestKind = "correction"
	// ActorRequestRemoval asks for the card to be removed.
	ActorRequestRemoval ActorRequestKind = "removal"
)

// ActorRequestKinds lists the valid kinds.
func ActorRequestKinds() []string {
	return []string{string(ActorRequestClaim), string(ActorRequestCorrection), string(ActorRequestRemoval)}
}

// ActorRequestStatus is where a request stands.
type ActorRequestStatus string

// Request statuses.
const (
	ActorRequestPending  ActorRequestStatus = "pending"
	ActorRequestApproved ActorRequestStatus = "approved"
	ActorRequestRefused  ActorRequestStatus = "refused"
	// ActorRequestClosed: the card was removed before an answer.
	ActorRequestClosed ActorRequestStatus = "closed"
)

// ActorRequest is a claim waiting for approval, or a request for the
// correction or removal of a card, to be answered by DueAt
// (ActorRequestDelay after it was made).
type ActorRequest struct {
	ID            string
	ActorID       string
	ActorName     string
	Kind          ActorRequestKind
	RequesterID   string
	RequesterName string
	Message       string
	Status        ActorRequestStatus
	Answer        string
	DueAt         time.Time
	CreatedAt     time.Time
	AnsweredAt    *time.Time
	// Actor is the policy view of the card the request is about.
	Actor ActorAccess
}

// Overdue reports whether a pending request is past its due date.
func (r ActorRequest) Overdue(now time.Time) bool {
	return r.Status == ActorRequestPending && now.After(r.DueAt)
}

// MaxActorRequestLen bounds the message of a request.
const MaxActorRequestLen = 4000
