package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// route is one line of the route table. The mux and the OpenAPI document
// are both built from the table, so they cannot drift apart.
type route struct {
	Method  string
	Path    string // full ServeMux path pattern
	Op      string // OpenAPI operationId
	Group   string // OpenAPI tag
	Summary string
	Query   []param
	// Request and Response name schemas of the OpenAPI components ("" for
	// no body). Status is the status of a successful answer.
	Request      string
	BodyOptional bool
	Response     string
	Status       int
	// Auth documents that a token is required (the service enforces it).
	Auth   bool
	handle func(http.ResponseWriter, *http.Request) error
}

// param documents a query parameter.
type param struct {
	Name string
	Doc  string
	Type string   // string (default) or integer
	Enum []string // allowed values, if a closed set
	Min  *int
	Max  *int
	Def  any
}

func intp(n int) *int { return &n }

// Query parameters shared by lists.
var (
	pLimit  = param{Name: "limit", Doc: "items per page", Type: "integer", Min: intp(1), Max: intp(maxLimit), Def: defaultLimit}
	pOffset = param{Name: "offset", Doc: "items to skip", Type: "integer", Min: intp(0), Max: intp(maxOffset), Def: 0}
	pQ      = param{Name: "q", Doc: "text matched against names, accents and case ignored"}
	pTag    = param{Name: "tag", Doc: "a tag label or slug"}
	pRegion = param{Name: "region", Doc: "region code (01..17, hq)"}
	paging  = []param{pLimit, pOffset}
)

// routes is the whole route table of the API.
func (s *server) routes() []route {
	const (
		get, post, put, patch, del  = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete
		ok, created, accepted, none = http.StatusOK, http.StatusCreated, http.StatusAccepted, http.StatusNoContent
	)
	return []route{
		{Method: get, Path: "/api/v1/openapi.json", Op: "getOpenAPI", Group: "meta", Summary: "This OpenAPI 3.1 document",
			Status: ok, handle: s.getOpenAPI},

		// The caller's account.
		{Method: get, Path: "/api/v1/me", Op: "getMe", Group: "me", Summary: "The caller's account and profile",
			Response: "Me", Status: ok, Auth: true, handle: s.getMe},
		{Method: patch, Path: "/api/v1/me", Op: "updateMe", Group: "me", Summary: "Change the caller's profile (omitted fields unchanged)",
			Request: "ProfilePatch", Response: "Me", Status: ok, Auth: true, handle: s.patchMe},
		{Method: get, Path: "/api/v1/tokens", Op: "listTokens", Group: "me", Summary: "The caller's API tokens (never their secrets)",
			Query: paging, Response: "TokenList", Status: ok, Auth: true, handle: s.listTokens},
		{Method: post, Path: "/api/v1/tokens", Op: "createToken", Group: "me", Summary: "Create an API token; its secret is shown once",
			Request: "TokenCreate", Response: "NewToken", Status: created, Auth: true, handle: s.createToken},
		{Method: del, Path: "/api/v1/tokens/{id}", Op: "deleteToken", Group: "me", Summary: "Revoke one of the caller's tokens",
			Status: none, Auth: true, handle: s.deleteToken},

		// People.
		{Method: get, Path: "/api/v1/users", Op: "listUsers", Group: "people", Summary: "People whose profile the caller may see",
			Query: append([]param{pQ, pTag, pRegion}, paging...), Response: "UserList", Status: ok, handle: s.listUsers},
		{Method: get, Path: "/api/v1/users/{id}", Op: "getUser", Group: "people", Summary: "A person's profile",
			Response: "User", Status: ok, handle: s.getUser},

		// Organisations.
		{Method: get, Path: "/api/v1/organizations", Op: "listOrganizations", Group: "organizations", Summary: "The directory of organisations",
			Query:    append([]param{pQ, pTag, pRegion, {Name: "type", Doc: "organisation type", Enum: maillage.OrganizationTypes()}}, paging...),
			Response: "OrganizationList", Status: ok, handle: s.listOrganizations},
		{Method: post, Path: "/api/v1/organizations", Op: "createOrganization", Group: "organizations",
			Summary: "Add an organisation; a duplicate (same website, or same name unless distinct_name) is a 409 with existing_id",
			Request: "OrganizationCreate", Response: "Organization", Status: created, Auth: true, handle: s.createOrganization},
		{Method: get, Path: "/api/v1/organizations/{id}", Op: "getOrganization", Group: "organizations", Summary: "An organisation with its members",
			Response: "Organization", Status: ok, handle: s.getOrganization},
		{Method: patch, Path: "/api/v1/organizations/{id}", Op: "updateOrganization", Group: "organizations",
			Summary: "Edit an organisation (omitted fields unchanged)",
			Request: "OrganizationPatch", Response: "Organization", Status: ok, Auth: true, handle: s.patchOrganization},
		{Method: del, Path: "/api/v1/organizations/{id}", Op: "deleteOrganization", Group: "organizations", Summary: "Remove an organisation",
			Status: none, Auth: true, handle: s.deleteOrganization},
		{Method: put, Path: "/api/v1/organizations/{id}/members/{user_id}", Op: "putAffiliation", Group: "organizations",
			Summary: "Declare or change a person's affiliation (oneself, or anyone for the organisation's editors)",
			Request: "AffiliationPut", BodyOptional: true, Status: none, Auth: true, handle: s.putAffiliation},
		{Method: del, Path: "/api/v1/organizations/{id}/members/{user_id}", Op: "deleteAffiliation", Group: "organizations",
			Summary: "End an affiliation", Status: none, Auth: true, handle: s.deleteAffiliation},

		// Communities.
		{Method: get, Path: "/api/v1/communities", Op: "listCommunities", Group: "communities", Summary: "Communities the caller may see",
			Query: append([]param{pQ, pTag, pRegion, {Name: "member", Doc: "me: only the caller's communities", Enum: []string{"me"}},
				{Name: "visibility", Doc: "only public or only private communities", Enum: []string{"public", "private"}}}, paging...),
			Response: "CommunityList", Status: ok, handle: s.listCommunities},
		{Method: post, Path: "/api/v1/communities", Op: "createCommunity", Group: "communities", Summary: "Start a community; the caller manages it",
			Request: "CommunityCreate", Response: "Community", Status: created, Auth: true, handle: s.createCommunity},
		{Method: get, Path: "/api/v1/communities/{id}", Op: "getCommunity", Group: "communities", Summary: "A community",
			Response: "Community", Status: ok, handle: s.getCommunity},
		{Method: patch, Path: "/api/v1/communities/{id}", Op: "updateCommunity", Group: "communities",
			Summary: "Edit a community (managers; omitted fields unchanged)",
			Request: "CommunityPatch", Response: "Community", Status: ok, Auth: true, handle: s.patchCommunity},
		{Method: get, Path: "/api/v1/communities/{id}/members", Op: "listMembers", Group: "communities",
			Summary: "Members (403 for a private community seen from outside)",
			Query:   paging, Response: "MemberList", Status: ok, handle: s.listMembers},
		{Method: post, Path: "/api/v1/communities/{id}/members", Op: "addMember", Group: "communities",
			Summary: "Add someone or change their role (managers)",
			Request: "MemberAdd", Response: "Membership", Status: created, Auth: true, handle: s.addMember},
		{Method: del, Path: "/api/v1/communities/{id}/members/{user_id}", Op: "removeMember", Group: "communities",
			Summary: "Remove a member (managers), or leave (oneself); the last manager cannot go (409)",
			Status:  none, Auth: true, handle: s.removeMember},
		{Method: post, Path: "/api/v1/communities/{id}/join", Op: "joinCommunity", Group: "communities", Summary: "Join a public community",
			Status: none, Auth: true, handle: s.join},
		{Method: post, Path: "/api/v1/communities/{id}/requests", Op: "requestToJoin", Group: "communities",
			Summary: "Ask to join a private community", Request: "JoinRequestCreate", BodyOptional: true,
			Status: accepted, Auth: true, handle: s.requestToJoin},
		{Method: get, Path: "/api/v1/communities/{id}/requests", Op: "listJoinRequests", Group: "communities",
			Summary: "Pending requests to join (managers)", Query: paging, Response: "JoinRequestList", Status: ok, Auth: true,
			handle: s.listRequests},
		{Method: post, Path: "/api/v1/communities/{id}/requests/{user_id}/accept", Op: "acceptJoinRequest", Group: "communities",
			Summary: "Accept a request to join (managers)", Status: none, Auth: true, handle: s.acceptRequest},
		{Method: post, Path: "/api/v1/communities/{id}/requests/{user_id}/decline", Op: "declineJoinRequest", Group: "communities",
			Summary: "Decline a request to join (managers)", Status: none, Auth: true, handle: s.declineRequest},

		// Tags.
		{Method: get, Path: "/api/v1/tags", Op: "suggestTags", Group: "tags", Summary: "Tags starting with the typed text, most used first",
			Query: []param{{Name: "q", Doc: "the start of a label"}, pLimit}, Response: "TagSuggestions", Status: ok, handle: s.suggestTags},
		{Method: get, Path: "/api/v1/tags/{slug}", Op: "getTag", Group: "tags",
			Summary:  "A tag with the people, organisations and communities carrying it that the caller may see",
			Query:    []param{{Name: "limit", Doc: "items per list", Type: "integer", Min: intp(1), Max: intp(maxLimit), Def: defaultLimit}},
			Response: "TagPage", Status: ok, handle: s.getTag},
	}
}

// wrap turns a route's handler into an http.Handler that writes errors.
func (s *server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := rt.handle(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

func (s *server) getOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(s.openapi)
	return nil
}
