package maillage

import (
	"strconv"
	"time"
)

// OrganizationType classifies an organisation in the directory.
type OrganizationType string

// Organisation types, in display order.
const (
	OrgCommunity   OrganizationType = "community"   // organisme communautaire
	OrgCooperative OrganizationType = "cooperative" // coopérative
	OrgNonProfit   OrganizationType = "nonprofit"   // OBNL
	OrgSocialEnt   OrganizationType = "social_enterprise"
	OrgPublic      OrganizationType = "public"   // organisme public
	OrgFunder      OrganizationType = "funder"   // bailleur de fonds
	OrgResearch    OrganizationType = "research" // recherche
	OrgNetwork     OrganizationType = "network"  // regroupement, réseau
	OrgBusiness    OrganizationType = "business"
	OrgOther       OrganizationType = "other"
)

// OrganizationTypes lists the valid types in display order.
func OrganizationTypes() []string {
	return []string{string(OrgCommunity), string(OrgCooperative), string(OrgNonProfit), string(OrgSocialEnt),
		string(OrgPublic), string(OrgFunder), string(OrgResearch), string(OrgNetwork), string(OrgBusiness), string(OrgOther)}
}

// Organization is an entry in the directory. It need not have members on
// Maillage: anyone signed in may add one so the map of actors is complete.
type Organization struct {
	ID          string
	Name        string
	Description string
	Type        OrganizationType
	Region      string
	Address     string
	Website     string
	Latitude    *float64
	Longitude   *float64
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Version counts edits; an edit names the version it started from.
	Version int

	Tags    []Tag
	Members []Affiliation
}

// Organisation field limits.
const (
	MaxOrgNameLen        = 200
	MaxOrgDescriptionLen = 8000
	MaxAddressLen        = 300
	MaxRoleLen           = 120
)

// OrganizationInput is what a form or API call gives to create or edit an
// organisation. Coordinates arrive as text so a wrong value gets a field
// error rather than a decoding failure.
type OrganizationInput struct {
	Name        string
	Description string
	Type        string
	Region      string
	Address     string
	Website     string
	Latitude    string
	Longitude   string
	Tags        []string
	// Version is the version the edit started from; 0 skips the check.
	Version int
}

// Validate checks the input and returns the parsed coordinates.
func (in OrganizationInput) Validate() (lat, lon *float64, err error) {
	var v Validator
	v.Required("name", in.Name)
	v.MaxLen("name", in.Name, MaxOrgNameLen)
	v.MaxLen("description", in.Description, MaxOrgDescriptionLen)
	v.OneOf("type", in.Type, OrganizationTypes())
	v.OneOf("region", in.Region, RegionCodes())
	v.MaxLen("address", in.Address, MaxAddressLen)
	v.URL("website", in.Website)
	lat = parseCoord(&v, "latitude", in.Latitude, 90)
	lon = parseCoord(&v, "longitude", in.Longitude, 180)
	if (lat == nil) != (lon == nil) && !v.Has("latitude") && !v.Has("longitude") {
		v.Add("latitude", "field.coordinates_pair", nil)
	}
	validateTags(&v, "tags", in.Tags)
	return lat, lon, v.Err()
}

func parseCoord(v *Validator, field, s string, limit float64) *float64 {
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < -limit || f > limit || f != f {
		v.Add(field, "field.invalid_coordinate", map[string]any{"Max": limit})
		return nil
	}
	return &f
}
