package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/service"
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
	Auth bool
	// Invites documents a second success: 202 with the invitation sent
	// when the call would put another person's name on something, which
	// takes their consent.
	Invites bool
	// Accepted names the schema of a second success, 202, when the call
	// may leave the change waiting for someone's approval.
	Accepted string
	// MaxBody raises the body limit above MaxBodyBytes (file uploads).
	MaxBody int64
	// Files lists the media types of a body that is a file, not JSON: the
	// answer of a GET, the request of a PUT.
	Files  []string
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

// searchKinds lists the search types, for the documentation.
func searchKinds() []string {
	var out []string
	for _, k := range search.Kinds() {
		out = append(out, string(k))
	}
	return out
}

// Query parameters shared by lists.
var (
	pLimit  = param{Name: "limit", Doc: "items per page", Type: "integer", Min: intp(1), Max: intp(maxLimit), Def: defaultLimit}
	pOffset = param{Name: "offset", Doc: "items to skip", Type: "integer", Min: intp(0), Max: intp(maxOffset), Def: 0}
	pQ      = param{Name: "q", Doc: "text matched against names, accents and case ignored"}
	pTag    = param{Name: "tag", Doc: "a tag label or slug"}
	pRegion = param{Name: "region", Doc: "region code (01..17, hq)"}
	paging  = []param{pLimit, pOffset}
	// secondDegreeQuery: the theme filter and size of second-degree lists.
	secondDegreeQuery = []param{pLimit, {Name: "tag", Doc: "keep suggestions on this theme (a tag label or slug)"},
		{Name: "descendants", Doc: "true: the theme takes in the tags below", Type: "boolean"}}
)

// RoutePatterns lists "METHOD /path" for every route of the table, in
// the order they are declared. Tests walk it so that a new route is
// covered the day it is added.
func RoutePatterns() []string {
	table := (&server{}).routes()
	out := make([]string, len(table))
	for i, rt := range table {
		out[i] = rt.Method + " " + rt.Path
	}
	return out
}

// routes is the whole route table of the API.
func (s *server) routes() []route {
	const (
		get, post, put, patch, del  = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete
		ok, created, accepted, none = http.StatusOK, http.StatusCreated, http.StatusAccepted, http.StatusNoContent
	)
	return append([]route{
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

		// Search.
		{Method: get, Path: "/api/v1/search", Op: "search", Group: "search",
			Summary: "Search everything the caller may see: people, organisations, communities, notes, notebooks, knowledge bases, " +
				"threads. French-aware (accents, elisions, plurals, inclusive forms), \"phrases\", prefix*, one typo in longer words. " +
				"Total and facets count only what the caller may see; an offset beyond the end gives no results and the true total",
			Query: []param{
				{Name: "q", Doc: "what to look for; never an error, whatever it holds"},
				{Name: "type", Doc: "only these types (repeat or separate with commas)", Enum: searchKinds()},
				{Name: "tag", Doc: "a tag's slug or label; its synonyms resolve to it"},
				{Name: "descendants", Doc: "true: the tag's descendants too", Type: "boolean"},
				{Name: "region", Doc: "region code (01..17, hq)", Enum: maillage.RegionCodes()},
				{Name: "org_type", Doc: "organisation type", Enum: maillage.OrganizationTypes()},
				{Name: "community", Doc: "a community's ID: only what belongs to it"},
				{Name: "sort", Doc: "order of results", Enum: []string{"relevance", "relations", "publications", "recent"}, Def: "relevance"},
				{Name: "facets", Doc: "true: counts by type, tag, community, region and org_type", Type: "boolean"},
				pLimit, pOffset},
			Response: "SearchResults", Status: ok, handle: s.search},

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

		// Actor cards.
		{Method: get, Path: "/api/v1/actors", Op: "listActors", Group: "actors", Summary: "Cards about people and organisations not on Maillage, that the caller may see",
			Query:    append([]param{pQ, pTag, {Name: "kind", Doc: "person or organization", Enum: maillage.ActorKinds()}}, paging...),
			Response: "ActorList", Status: ok, handle: s.listActors},
		{Method: post, Path: "/api/v1/actors", Op: "createActor", Group: "actors",
			Summary: "Add a card about a person or an organisation not on Maillage (public professional information only)",
			Request: "ActorCreate", Response: "Actor", Status: created, Auth: true, handle: s.createActor},
		{Method: post, Path: "/api/v1/actors/import", Op: "importActors", Group: "actors",
			Summary: "Import a map of actors: a CSV file (UTF-8, with or without BOM, or Latin-1; comma or semicolon) or a GeoJSON " +
				"FeatureCollection of points, with a column mapping; duplicates (in the file, of visible cards, organisations, " +
				"members) are skipped and every row is reported. dry_run=1 previews (200); an import answers 201",
			Query: actorImportQuery(), Files: []string{"text/csv", "application/geo+json"}, Response: "ActorImport", Status: created,
			Auth: true, MaxBody: service.MaxActorImportBytes + 1, handle: s.importActors},
		{Method: get, Path: "/api/v1/actors/{id}", Op: "getActor", Group: "actors", Summary: "A card, with its notes the caller may see",
			Response: "Actor", Status: ok, handle: s.getActor},
		{Method: patch, Path: "/api/v1/actors/{id}", Op: "updateActor", Group: "actors", Summary: "Edit a card (omitted fields unchanged)",
			Request: "ActorPatch", Response: "Actor", Status: ok, Auth: true, handle: s.patchActor},
		{Method: del, Path: "/api/v1/actors/{id}", Op: "deleteActor", Group: "actors", Summary: "Remove a card",
			Status: none, Auth: true, handle: s.deleteActor},
		{Method: post, Path: "/api/v1/actors/{id}/claim", Op: "claimActor", Group: "actors",
			Summary: "Claim the card that describes the caller: with a matching confirmed address it is theirs at once (200, its tags " +
				"and notes move to the account); otherwise a request awaits approval (202); a claimed card answers 409",
			Request: "ActorClaim", BodyOptional: true, Response: "ActorClaimResult", Status: ok, Accepted: "ActorClaimResult", Auth: true,
			handle: s.claimActor},
		{Method: post, Path: "/api/v1/actors/{id}/requests", Op: "requestActorChange", Group: "actors",
			Summary: "Ask for the correction or removal of a card (Québec's Law 25): answered within 30 days",
			Request: "ActorRequestCreate", Response: "ActorRequest", Status: created, Auth: true, handle: s.requestActorChange},
		{Method: get, Path: "/api/v1/actor-requests", Op: "listActorRequests", Group: "actors",
			Summary:  "Pending claims and correction or removal requests the caller answers, due first (administrators; managers for their communities' cards)",
			Response: "ActorRequestList", Status: ok, Auth: true, handle: s.listActorRequests},
		{Method: post, Path: "/api/v1/actor-requests/{id}/answer", Op: "answerActorRequest", Group: "actors",
			Summary: "Approve or refuse a request", Request: "ActorRequestAnswer", Status: none, Auth: true, handle: s.answerActorRequest},
		{Method: put, Path: "/api/v1/notes/{id}/actor", Op: "putNoteActor", Group: "actors",
			Summary: "Attach a note (its authors) to a card they may see, or detach it", Request: "NoteActorPut", Status: none,
			Auth: true, handle: s.putNoteActor},

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
			Summary: "Add someone or change their role (managers). 201 when the caller is a platform administrator, the person " +
				"is the caller, or the role is lowered; otherwise 202: the person is invited with the role offered and holds it " +
				"once they accept (POST /api/v1/communities/{id}/invitation/accept with their own token)",
			Request: "MemberAdd", Response: "Membership", Status: created, Invites: true, Auth: true, handle: s.addMember},
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

		// Notes.
		{Method: get, Path: "/api/v1/notes", Op: "listNotes", Group: "notes", Summary: "Notes the caller may see, last updated first",
			Query: append([]param{pQ, pTag, {Name: "kind", Doc: "note kind", Enum: maillage.NoteKinds()},
				{Name: "visibility", Doc: "only notes of this visibility", Enum: []string{"private", "community", "public"}},
				{Name: "author", Doc: "a user ID, or me"}, {Name: "community", Doc: "a community ID"},
				{Name: "sort", Doc: "recent (default) or title", Enum: []string{"recent", "title"}}}, paging...),
			Response: "NoteList", Status: ok, handle: s.listNotes},
		{Method: post, Path: "/api/v1/notes", Op: "createNote", Group: "notes",
			Summary: "Write a note; the caller is an author (the same title again within 10 minutes answers the note already made)",
			Request: "NoteCreate", Response: "Note", Status: created, Auth: true, handle: s.createNote},
		{Method: get, Path: "/api/v1/notes/{id}", Op: "getNote", Group: "notes",
			Summary: "A note with its body rendered for the caller, its backlinks and files", Response: "Note", Status: ok, handle: s.getNote},
		{Method: patch, Path: "/api/v1/notes/{id}", Op: "updateNote", Group: "notes",
			Summary: "Edit a note (authors; omitted fields unchanged; a stale version answers 409)",
			Request: "NotePatch", Response: "Note", Status: ok, Auth: true, handle: s.patchNote},
		{Method: del, Path: "/api/v1/notes/{id}", Op: "deleteNote", Group: "notes", Summary: "Delete a note and its files (authors)",
			Status: none, Auth: true, handle: s.deleteNote},
		{Method: del, Path: "/api/v1/notes/{id}/authors/{user_id}", Op: "removeNoteAuthor", Group: "notes",
			Summary: "Take someone off a note's authors, or leave them (authors); 409 when no consenting author who wrote the note " +
				"(created it or saved a version) would remain", Status: none, Auth: true, handle: s.removeNoteAuthor},
		{Method: get, Path: "/api/v1/notes/{id}/invitations", Op: "listNoteInvitations", Group: "notes",
			Summary:  "Unanswered and declined invitations to co-author the note (authors); invitees are not authors until they accept",
			Response: "InvitationList", Status: ok, Auth: true, handle: s.listItemInvitations(maillage.InviteNote)},
		{Method: del, Path: "/api/v1/notes/{id}/invitations/{user_id}", Op: "withdrawNoteInvitation", Group: "notes",
			Summary: "Take back an invitation to co-author the note (authors)", Status: none, Auth: true,
			handle: s.withdrawItemInvitation(maillage.InviteNote)},
		{Method: post, Path: "/api/v1/notes/{id}/invitation/accept", Op: "acceptNoteInvitation", Group: "notes",
			Summary: "Accept the caller's invitation: they become an author of the note", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteNote, true)},
		{Method: post, Path: "/api/v1/notes/{id}/invitation/decline", Op: "declineNoteInvitation", Group: "notes",
			Summary: "Decline the caller's invitation to co-author the note", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteNote, false)},
		{Method: get, Path: "/api/v1/notes/{id}/comments", Op: "listNoteComments", Group: "notes",
			Summary:  "Comments on a note the caller may see (same visibility as the note; hidden ones for their author and the note's authors)",
			Response: "CommentList", Status: ok, handle: s.listComments},
		{Method: post, Path: "/api/v1/notes/{id}/comments", Op: "createNoteComment", Group: "notes",
			Summary: "Comment on a note, or answer a comment (anyone signed in who may see the note); its authors and earlier commenters are told",
			Request: "CommentCreate", Response: "Comment", Status: created, Auth: true, handle: s.createComment},
		{Method: post, Path: "/api/v1/comments/{id}/moderation", Op: "moderateNoteComment", Group: "notes",
			Summary: "Hide a comment or show it again (the note's authors)", Request: "CommentModeration", Response: "Comment",
			Status: ok, Auth: true, handle: s.moderateComment},
		{Method: del, Path: "/api/v1/comments/{id}", Op: "deleteNoteComment", Group: "notes",
			Summary: "Delete a comment (its author or the note's authors); one with answers stays as a deleted placeholder",
			Status:  none, Auth: true, handle: s.deleteComment},
		{Method: get, Path: "/api/v1/notes/{id}/revisions", Op: "listNoteRevisions", Group: "notes",
			Summary: "A note's saved versions, newest first (authors)", Query: paging, Response: "NoteRevisionList", Status: ok, Auth: true,
			handle: s.listNoteRevisions},
		{Method: get, Path: "/api/v1/notes/{id}/revisions/{n}", Op: "getNoteRevision", Group: "notes",
			Summary: "One saved version of a note, with its body (authors)", Response: "NoteRevision", Status: ok, Auth: true,
			handle: s.getNoteRevision},
		{Method: post, Path: "/api/v1/notes/{id}/revisions/{n}/restore", Op: "restoreNoteRevision", Group: "notes",
			Summary: "Bring back a version's title, summary and body as a new version (authors)",
			Request: "NoteRevisionRestore", BodyOptional: true, Response: "Note", Status: ok, Auth: true, handle: s.restoreNoteRevision},
		{Method: get, Path: "/api/v1/notes/{id}/attachments", Op: "listNoteAttachments", Group: "notes", Summary: "A note's files",
			Response: "AttachmentList", Status: ok, handle: s.listAttachments},
		{Method: post, Path: "/api/v1/notes/{id}/attachments", Op: "uploadNoteAttachment", Group: "notes",
			Summary: "Attach a file (authors): a multipart/form-data body with a \"file\" part. The type is read from the content " +
				"(images, PDF, office documents, text, audio, video); limits: images 10 MB, documents 25 MB, audio 50 MB, video 200 MB",
			Response: "Attachment", Status: created, Auth: true, MaxBody: MaxUploadBytes, handle: s.uploadAttachment},
		{Method: del, Path: "/api/v1/notes/{id}/attachments/{attachment_id}", Op: "deleteNoteAttachment", Group: "notes",
			Summary: "Remove a file of a note (authors)", Status: none, Auth: true, handle: s.deleteAttachment},

		// Notebooks.
		{Method: get, Path: "/api/v1/notebooks", Op: "listNotebooks", Group: "notebooks", Summary: "Notebooks the caller may see, last changed first",
			Query: append([]param{{Name: "q", Doc: "text in the title, accents and case ignored"}, {Name: "community", Doc: "a community ID"},
				{Name: "tag", Doc: "notebooks holding a note with this tag (label or slug) that the caller may see"},
				{Name: "member", Doc: "me: only notebooks where the caller has a role", Enum: []string{"me"}}}, paging...),
			Response: "NotebookList", Status: ok, handle: s.listNotebooks},
		{Method: post, Path: "/api/v1/notebooks", Op: "createNotebook", Group: "notebooks",
			Summary: "Start a notebook; the caller manages it (the same title again within 10 minutes answers the notebook already made)",
			Request: "NotebookCreate", Response: "Notebook", Status: created, Auth: true, handle: s.createNotebook},
		{Method: get, Path: "/api/v1/notebooks/{id}", Op: "getNotebook", Group: "notebooks",
			Summary: "A notebook with its categories, members and one page of the notes the caller may see",
			Query:   notebookNoteParams, Response: "Notebook", Status: ok, handle: s.getNotebook},
		{Method: patch, Path: "/api/v1/notebooks/{id}", Op: "updateNotebook", Group: "notebooks",
			Summary: "Edit a notebook (managers; omitted fields unchanged; a stale version answers 409)",
			Request: "NotebookPatch", Response: "Notebook", Status: ok, Auth: true, handle: s.patchNotebook},
		{Method: del, Path: "/api/v1/notebooks/{id}", Op: "deleteNotebook", Group: "notebooks", Summary: "Delete a notebook; its notes stay (managers)",
			Status: none, Auth: true, handle: s.deleteNotebook},
		{Method: put, Path: "/api/v1/notebooks/{id}/cover", Op: "putNotebookCover", Group: "notebooks",
			Summary: "Set the cover image (managers): a multipart/form-data body with a \"file\" part, an image of at most 10 MB",
			Status:  none, Auth: true, MaxBody: maxCoverBody, handle: s.putNotebookCover},
		{Method: del, Path: "/api/v1/notebooks/{id}/cover", Op: "deleteNotebookCover", Group: "notebooks", Summary: "Remove the cover image (managers)",
			Status: none, Auth: true, handle: s.deleteNotebookCover},
		{Method: post, Path: "/api/v1/notebooks/{id}/notes", Op: "addNotebookNote", Group: "notebooks",
			Summary: "File a note the caller may see (managers, contributors): 201 when new, 200 when it was already there (its category changes)",
			Request: "NotebookNoteAdd", Response: "NotebookNote", Status: created, Auth: true, handle: s.addNotebookNote},
		{Method: patch, Path: "/api/v1/notebooks/{id}/notes/{note_id}", Op: "updateNotebookNote", Group: "notebooks",
			Summary: "Change a note's category, pin or place in the manual order",
			Request: "NotebookNotePatch", Response: "NotebookNote", Status: ok, Auth: true, handle: s.patchNotebookNote},
		{Method: del, Path: "/api/v1/notebooks/{id}/notes/{note_id}", Op: "removeNotebookNote", Group: "notebooks",
			Summary: "Take a note out of a notebook; the note stays (managers, or who added it)", Status: none, Auth: true, handle: s.removeNotebookNote},
		{Method: get, Path: "/api/v1/notebooks/{id}/proposals", Op: "listNotebookProposals", Group: "notebooks",
			Summary:  "Proposals of notes for the notebook: its managers see the pending ones, anyone else their own",
			Response: "ProposalList", Status: ok, handle: s.listProposals},
		{Method: post, Path: "/api/v1/notebooks/{id}/proposals", Op: "proposeNotebookNote", Group: "notebooks",
			Summary: "Propose a note for the notebook (anyone who may read both); its managers are told and decide",
			Request: "ProposalCreate", Response: "Proposal", Status: created, Auth: true, handle: s.createProposal},
		{Method: post, Path: "/api/v1/notebooks/{id}/proposals/{proposal_id}/accept", Op: "acceptNotebookProposal", Group: "notebooks",
			Summary:  "Accept a proposal: the note is filed in the notebook, its author told (managers)",
			Response: "Proposal", Status: ok, Auth: true, handle: s.answerProposal(true)},
		{Method: post, Path: "/api/v1/notebooks/{id}/proposals/{proposal_id}/decline", Op: "declineNotebookProposal", Group: "notebooks",
			Summary:  "Decline a proposal; its author is told (managers)",
			Response: "Proposal", Status: ok, Auth: true, handle: s.answerProposal(false)},
		{Method: post, Path: "/api/v1/notebooks/{id}/categories", Op: "createNotebookCategory", Group: "notebooks",
			Summary: "Add a category (managers; a name already used there answers 409)",
			Request: "CategoryCreate", Response: "Category", Status: created, Auth: true, handle: s.createNotebookCategory},
		{Method: patch, Path: "/api/v1/notebooks/{id}/categories/{category_id}", Op: "updateNotebookCategory", Group: "notebooks",
			Summary: "Rename or move a category (managers)", Request: "CategoryPatch", Response: "Category", Status: ok, Auth: true,
			handle: s.patchNotebookCategory},
		{Method: del, Path: "/api/v1/notebooks/{id}/categories/{category_id}", Op: "deleteNotebookCategory", Group: "notebooks",
			Summary: "Delete a category; its notes stay, without one (managers)", Status: none, Auth: true, handle: s.deleteNotebookCategory},
		{Method: get, Path: "/api/v1/notebooks/{id}/members", Op: "listNotebookMembers", Group: "notebooks",
			Summary: "Managers and contributors whose profile the caller may see", Query: paging, Response: "NotebookMemberList", Status: ok,
			handle: s.listNotebookMembers},
		{Method: post, Path: "/api/v1/notebooks/{id}/members", Op: "addNotebookMember", Group: "notebooks",
			Summary: "Give someone a role or change it (managers; the last manager stays one, 409). 201 when the caller is a " +
				"platform administrator, the person is the caller, or the role is lowered; otherwise 202: the person is invited",
			Request: "NotebookMemberAdd", Response: "NotebookMember", Status: created, Invites: true, Auth: true, handle: s.addNotebookMember},
		{Method: del, Path: "/api/v1/notebooks/{id}/members/{user_id}", Op: "removeNotebookMember", Group: "notebooks",
			Summary: "Take a role away (managers), or leave (oneself); the last manager cannot go (409)", Status: none, Auth: true,
			handle: s.removeNotebookMember},
		{Method: get, Path: "/api/v1/notebooks/{id}/invitations", Op: "listNotebookInvitations", Group: "notebooks",
			Summary:  "Unanswered and declined invitations to a role in the notebook (managers)",
			Response: "InvitationList", Status: ok, Auth: true, handle: s.listItemInvitations(maillage.InviteNotebook)},
		{Method: del, Path: "/api/v1/notebooks/{id}/invitations/{user_id}", Op: "withdrawNotebookInvitation", Group: "notebooks",
			Summary: "Take back an invitation (managers)", Status: none, Auth: true, handle: s.withdrawItemInvitation(maillage.InviteNotebook)},
		{Method: post, Path: "/api/v1/notebooks/{id}/invitation/accept", Op: "acceptNotebookInvitation", Group: "notebooks",
			Summary: "Accept the caller's invitation: they take the role offered", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteNotebook, true)},
		{Method: post, Path: "/api/v1/notebooks/{id}/invitation/decline", Op: "declineNotebookInvitation", Group: "notebooks",
			Summary: "Decline the caller's invitation", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteNotebook, false)},

		// Knowledge bases.
		{Method: get, Path: "/api/v1/knowledge-bases", Op: "listKnowledgeBases", Group: "knowledge-bases",
			Summary: "Knowledge bases the caller may see, last changed first",
			Query: append([]param{{Name: "q", Doc: "text in the title, accents and case ignored"}, {Name: "community", Doc: "a community ID"},
				{Name: "member", Doc: "me: only knowledge bases where the caller has a role", Enum: []string{"me"}}}, paging...),
			Response: "KnowledgeBaseList", Status: ok, handle: s.listKnowledgeBases},
		{Method: post, Path: "/api/v1/knowledge-bases", Op: "createKnowledgeBase", Group: "knowledge-bases",
			Summary: "Start a knowledge base; the caller manages it", Request: "KnowledgeBaseCreate", Response: "KnowledgeBase",
			Status: created, Auth: true, handle: s.createKnowledgeBase},
		{Method: get, Path: "/api/v1/knowledge-bases/{id}", Op: "getKnowledgeBase", Group: "knowledge-bases",
			Summary: "A knowledge base with the notebooks in it that the caller may see, in order", Response: "KnowledgeBase", Status: ok,
			handle: s.getKnowledgeBase},
		{Method: patch, Path: "/api/v1/knowledge-bases/{id}", Op: "updateKnowledgeBase", Group: "knowledge-bases",
			Summary: "Edit a knowledge base (managers; omitted fields unchanged)", Request: "KnowledgeBasePatch", Response: "KnowledgeBase",
			Status: ok, Auth: true, handle: s.patchKnowledgeBase},
		{Method: del, Path: "/api/v1/knowledge-bases/{id}", Op: "deleteKnowledgeBase", Group: "knowledge-bases",
			Summary: "Delete a knowledge base; its notebooks stay (managers)", Status: none, Auth: true, handle: s.deleteKnowledgeBase},
		{Method: post, Path: "/api/v1/knowledge-bases/{id}/notebooks", Op: "addKnowledgeBaseNotebook", Group: "knowledge-bases",
			Summary: "Add a notebook the caller may see (managers, contributors): 201 when new, 200 when already there",
			Request: "KnowledgeBaseNotebookAdd", Response: "KnowledgeBase", Status: created, Auth: true, handle: s.addKnowledgeBaseNotebook},
		{Method: patch, Path: "/api/v1/knowledge-bases/{id}/notebooks/{notebook_id}", Op: "moveKnowledgeBaseNotebook", Group: "knowledge-bases",
			Summary: "Move a notebook up or down (managers)", Request: "KnowledgeBaseNotebookPatch", Response: "KnowledgeBase", Status: ok,
			Auth: true, handle: s.patchKnowledgeBaseNotebook},
		{Method: del, Path: "/api/v1/knowledge-bases/{id}/notebooks/{notebook_id}", Op: "removeKnowledgeBaseNotebook", Group: "knowledge-bases",
			Summary: "Take a notebook out (managers)", Status: none, Auth: true, handle: s.removeKnowledgeBaseNotebook},
		{Method: get, Path: "/api/v1/knowledge-bases/{id}/members", Op: "listKnowledgeBaseMembers", Group: "knowledge-bases",
			Summary: "Managers and contributors whose profile the caller may see", Query: paging, Response: "NotebookMemberList", Status: ok,
			handle: s.listKnowledgeBaseMembers},
		{Method: post, Path: "/api/v1/knowledge-bases/{id}/members", Op: "addKnowledgeBaseMember", Group: "knowledge-bases",
			Summary: "Give someone a role or change it (managers). 201 when the caller is a platform administrator, the person is " +
				"the caller, or the role is lowered; otherwise 202: the person is invited",
			Request: "NotebookMemberAdd", Response: "NotebookMember", Status: created, Invites: true, Auth: true, handle: s.addKnowledgeBaseMember},
		{Method: del, Path: "/api/v1/knowledge-bases/{id}/members/{user_id}", Op: "removeKnowledgeBaseMember", Group: "knowledge-bases",
			Summary: "Take a role away (managers), or leave (oneself); the last manager cannot go (409)", Status: none, Auth: true,
			handle: s.removeKnowledgeBaseMember},
		{Method: get, Path: "/api/v1/knowledge-bases/{id}/invitations", Op: "listKnowledgeBaseInvitations", Group: "knowledge-bases",
			Summary:  "Unanswered and declined invitations to a role in the knowledge base (managers)",
			Response: "InvitationList", Status: ok, Auth: true, handle: s.listItemInvitations(maillage.InviteKnowledgeBase)},
		{Method: del, Path: "/api/v1/knowledge-bases/{id}/invitations/{user_id}", Op: "withdrawKnowledgeBaseInvitation", Group: "knowledge-bases",
			Summary: "Take back an invitation (managers)", Status: none, Auth: true, handle: s.withdrawItemInvitation(maillage.InviteKnowledgeBase)},
		{Method: post, Path: "/api/v1/knowledge-bases/{id}/invitation/accept", Op: "acceptKnowledgeBaseInvitation", Group: "knowledge-bases",
			Summary: "Accept the caller's invitation: they take the role offered", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteKnowledgeBase, true)},
		{Method: post, Path: "/api/v1/knowledge-bases/{id}/invitation/decline", Op: "declineKnowledgeBaseInvitation", Group: "knowledge-bases",
			Summary: "Decline the caller's invitation", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteKnowledgeBase, false)},

		// Discussion: threads, replies, reactions, moderation, invitations.
		{Method: get, Path: "/api/v1/communities/{id}/threads", Op: "listThreads", Group: "discussion",
			Summary: "A community's threads the caller may see, pinned first, then by last activity (403 for a private community seen from outside)",
			Query:   paging, Response: "ThreadList", Status: ok, handle: s.listThreads},
		{Method: post, Path: "/api/v1/communities/{id}/threads", Op: "createThread", Group: "discussion",
			Summary: "Start a thread (members); the same title and body again within 2 minutes answers the thread already made",
			Request: "ThreadCreate", Response: "Thread", Status: created, Auth: true, handle: s.createThread},
		{Method: post, Path: "/api/v1/communities/{id}/share-note", Op: "shareNote", Group: "discussion",
			Summary: "Post a note of the community that the caller authors into its discussion (once: again answers the same thread)",
			Request: "NoteShare", Response: "Thread", Status: created, Auth: true, handle: s.shareNote},
		{Method: get, Path: "/api/v1/threads/{id}", Op: "getThread", Group: "discussion",
			Summary: "A thread with its body rendered for the caller", Response: "Thread", Status: ok, handle: s.getThread},
		{Method: patch, Path: "/api/v1/threads/{id}", Op: "updateThread", Group: "discussion",
			Summary: "Edit a thread (its author or a manager; omitted fields unchanged; marked as edited)",
			Request: "ThreadPatch", Response: "Thread", Status: ok, Auth: true, handle: s.patchThread},
		{Method: del, Path: "/api/v1/threads/{id}", Op: "deleteThread", Group: "discussion",
			Summary: "Delete a thread and its replies (its author or a manager)", Status: none, Auth: true, handle: s.deleteThread},
		{Method: post, Path: "/api/v1/threads/{id}/moderation", Op: "moderateThread", Group: "discussion",
			Summary: "Pin, lock or hide a thread, or undo it (managers; omitted switches unchanged)",
			Request: "ThreadModeration", Response: "Thread", Status: ok, Auth: true, handle: s.moderateThread},
		{Method: post, Path: "/api/v1/threads/{id}/reactions", Op: "reactToThread", Group: "discussion",
			Summary: "Give a reaction to a thread, or take it back (members)",
			Request: "ReactionToggle", Response: "ReactionList", Status: ok, Auth: true, handle: s.reactToThread},
		{Method: post, Path: "/api/v1/threads/{id}/reports", Op: "reportThread", Group: "discussion",
			Summary: "Report a thread to the community's managers", Request: "ReportCreate", Status: accepted, Auth: true,
			handle: s.reportThread},
		{Method: get, Path: "/api/v1/threads/{id}/replies", Op: "listReplies", Group: "discussion",
			Summary: "A thread's replies the caller may see, oldest first", Query: paging, Response: "ReplyList", Status: ok,
			handle: s.listReplies},
		{Method: post, Path: "/api/v1/threads/{id}/replies", Op: "createReply", Group: "discussion",
			Summary: "Reply to a thread or to a reply of it (members; 409 when the thread is locked)",
			Request: "ReplyCreate", Response: "Reply", Status: created, Auth: true, handle: s.createReply},
		{Method: get, Path: "/api/v1/replies/{id}", Op: "getReply", Group: "discussion", Summary: "A reply",
			Response: "Reply", Status: ok, handle: s.getReply},
		{Method: patch, Path: "/api/v1/replies/{id}", Op: "updateReply", Group: "discussion",
			Summary: "Edit a reply (its author or a manager; marked as edited)",
			Request: "ReplyPatch", Response: "Reply", Status: ok, Auth: true, handle: s.patchReply},
		{Method: del, Path: "/api/v1/replies/{id}", Op: "deleteReply", Group: "discussion",
			Summary: "Delete a reply (its author or a manager); one with answers stays as a deleted placeholder",
			Status:  none, Auth: true, handle: s.deleteReply},
		{Method: post, Path: "/api/v1/replies/{id}/moderation", Op: "moderateReply", Group: "discussion",
			Summary: "Hide a reply or show it again (managers)", Request: "ReplyModeration", Response: "Reply", Status: ok, Auth: true,
			handle: s.moderateReply},
		{Method: post, Path: "/api/v1/replies/{id}/reactions", Op: "reactToReply", Group: "discussion",
			Summary: "Give a reaction to a reply, or take it back (members)",
			Request: "ReactionToggle", Response: "ReactionList", Status: ok, Auth: true, handle: s.reactToReply},
		{Method: post, Path: "/api/v1/replies/{id}/reports", Op: "reportReply", Group: "discussion",
			Summary: "Report a reply to the community's managers", Request: "ReportCreate", Status: accepted, Auth: true,
			handle: s.reportReply},
		{Method: get, Path: "/api/v1/communities/{id}/reports", Op: "listReports", Group: "discussion",
			Summary:  "Reports to a community's managers (managers)",
			Query:    []param{{Name: "status", Doc: "open (default) or resolved", Enum: []string{"open", "resolved"}}},
			Response: "ReportList", Status: ok, Auth: true, handle: s.listReports},
		{Method: post, Path: "/api/v1/communities/{id}/reports/{report_id}/resolve", Op: "resolveReport", Group: "discussion",
			Summary: "Close a report (managers)", Status: none, Auth: true, handle: s.resolveReport},
		{Method: get, Path: "/api/v1/communities/{id}/invitations", Op: "listInvitations", Group: "communities",
			Summary: "Unanswered and declined invitations (managers)", Response: "InvitationList", Status: ok, Auth: true,
			handle: s.listCommunityInvitations},
		{Method: post, Path: "/api/v1/communities/{id}/invitations", Op: "invite", Group: "communities",
			Summary: "Invite people to join (managers). With user_ids, emails and candidate_ids (and a message, an attachment): " +
				"each person is emailed an invitation with a link to accept or decline, members of Maillage also get it in the " +
				"application, and the answer is an EmailInvitationResult (people who need no invitation are skipped, with why; a " +
				"repeated call emails nobody twice; at most 50 people at once). With user_id alone (and role): one member of Maillage " +
				"is invited in the application, as a member or a manager, and the answer is that Invitation",
			Request: "InvitationCreate", Response: "EmailInvitationResult", Status: created, Auth: true, handle: s.invite},
		{Method: del, Path: "/api/v1/communities/{id}/invitations/{user_id}", Op: "withdrawInvitation", Group: "communities",
			Summary: "Take back an invitation (managers)", Status: none, Auth: true, handle: s.withdrawInvitation},

		// Recruitment: the shortlist and the invitations emailed from it
		// (the community's managers only; 404 to anyone else, members too).
		{Method: get, Path: "/api/v1/communities/{id}/shortlist", Op: "listShortlist", Group: "recruitment",
			Summary:  "The community's shortlist of candidates, by name, with their notes, labels and latest emailed invitation (managers)",
			Query:    []param{{Name: "status", Doc: "only candidates with this status", Enum: []string{"identified", "contacted", "invited", "accepted", "declined", "no_answer"}}},
			Response: "CandidateList", Status: ok, Auth: true, handle: s.listShortlist},
		{Method: post, Path: "/api/v1/communities/{id}/shortlist", Op: "addCandidate", Group: "recruitment",
			Summary: "Put someone on the shortlist: a member (user_id), an organisation, an actor card or an email address with a name " +
				"(managers); someone listed already is a 409",
			Request: "CandidateCreate", Response: "Candidate", Status: created, Auth: true, handle: s.addCandidate},
		{Method: get, Path: "/api/v1/communities/{id}/shortlist/{candidate_id}", Op: "getCandidate", Group: "recruitment",
			Summary: "One candidate (managers)", Response: "Candidate", Status: ok, Auth: true, handle: s.getCandidate},
		{Method: patch, Path: "/api/v1/communities/{id}/shortlist/{candidate_id}", Op: "updateCandidate", Group: "recruitment",
			Summary: "Change a candidate's status, source or labels, or add a dated note (managers; omitted fields unchanged)",
			Request: "CandidatePatch", Response: "Candidate", Status: ok, Auth: true, handle: s.patchCandidate},
		{Method: del, Path: "/api/v1/communities/{id}/shortlist/{candidate_id}", Op: "deleteCandidate", Group: "recruitment",
			Summary: "Take a candidate off the shortlist, with their notes (managers)", Status: none, Auth: true, handle: s.deleteCandidate},
		{Method: post, Path: "/api/v1/communities/{id}/invitations/remind", Op: "remindInvitations", Group: "recruitment",
			Summary: "Email a reminder, with a fresh link, to everyone (or the candidates named) who has not answered their invitation " +
				"(managers); nobody gets two within a day",
			Request: "ReminderRequest", BodyOptional: true, Response: "ReminderResult", Status: ok, Auth: true, handle: s.remindInvitations},
		{Method: get, Path: "/api/v1/invitations", Op: "listMyInvitations", Group: "communities",
			Summary: "The caller's unanswered invitations of every kind (communities, notes, notebooks, knowledge bases), " +
				"each with the title of its item", Response: "InvitationList", Status: ok, Auth: true, handle: s.myInvitations},
		{Method: post, Path: "/api/v1/communities/{id}/invitation/accept", Op: "acceptInvitation", Group: "communities",
			Summary: "Accept the caller's invitation: they become a member, or a manager when invited to manage; " +
				"404 when withdrawn or answered already", Response: "Invitation", Status: ok, Auth: true, handle: s.acceptInvitation},
		{Method: post, Path: "/api/v1/communities/{id}/invitation/decline", Op: "declineInvitation", Group: "communities",
			Summary: "Decline the caller's invitation", Response: "Invitation", Status: ok, Auth: true, handle: s.declineInvitation},
		{Method: post, Path: "/api/v1/communities/{id}/transfer", Op: "transferManagement", Group: "communities",
			Summary: "Hand the community over (managers). A member who already manages, or any member when the caller is a " +
				"platform administrator: they stay manager and the caller steps down to member (204). Otherwise the member is " +
				"invited to manage (202) and the caller stays a manager until they step down themselves",
			Request: "ManagementTransfer", Status: none, Invites: true, Auth: true, handle: s.transferManagement},

		// Nominations: the answers and results are the requester's alone (404 to anyone else).
		{Method: post, Path: "/api/v1/nominations", Op: "createNomination", Group: "nominations",
			Summary: "Ask chosen people to name up to 5 people or organisations who matter on a theme: members hear of it in the " +
				"application, addresses get an email with a secret link; at least one respondent ID or address",
			Request: "NominationCreate", Response: "Nomination", Status: created, Auth: true, handle: s.createNomination},
		{Method: get, Path: "/api/v1/nominations/{id}", Op: "getNomination", Group: "nominations",
			Summary:  "A request's results for its requester: who was named how often and by whom; 404 for anyone else",
			Response: "Nomination", Status: ok, Auth: true, handle: s.getNomination},
		{Method: get, Path: "/api/v1/nominations/{id}/question", Op: "getNominationQuestion", Group: "nominations",
			Summary:  "A request as the people asked see it: question, theme, requester, and the caller's own answer",
			Response: "NominationQuestion", Status: ok, Auth: true, handle: s.getNominationQuestion},
		{Method: post, Path: "/api/v1/nominations/{id}/answers", Op: "answerNomination", Group: "nominations",
			Summary: "Answer a request one is asked (1 to 5 nominees); a second answer replaces the first; 409 once closed, " +
				"403 for the requester", Request: "NominationAnswer", Response: "NominationQuestion", Status: created, Auth: true,
			handle: s.answerNomination},
		{Method: post, Path: "/api/v1/nominations/{id}/close", Op: "closeNomination", Group: "nominations",
			Summary:  "Close a request (its requester): later answers are refused",
			Response: "Nomination", Status: ok, Auth: true, handle: s.closeNomination},
		{Method: post, Path: "/api/v1/nominations/{id}/waves", Op: "createNominationWave", Group: "nominations",
			Summary: "Send the request on to chosen nominees (members, or actor cards with an address) as a new request " +
				"linked to this one (the next wave)", Request: "NominationWaveCreate", Response: "Nomination", Status: created,
			Auth: true, handle: s.createNominationWave},

		// Private and group messages (participants only: 404 for anyone else); blocks.
		{Method: get, Path: "/api/v1/conversations", Op: "listConversations", Group: "messages",
			Summary:  "The caller's conversations, latest activity first, with unread counts",
			Query:    append([]param{{Name: "unread", Doc: "true: only conversations with unread messages", Enum: []string{"true", "false"}}}, paging...),
			Response: "ConversationList", Status: ok, Auth: true, handle: s.listConversations},
		{Method: post, Path: "/api/v1/conversations", Op: "createConversation", Group: "messages",
			Summary: "Write to one or several people (at most 50 with the caller); writing to one person again continues " +
				"your direct conversation; someone who blocked the caller answers 403",
			Request: "ConversationCreate", Response: "Conversation", Status: created, Auth: true, handle: s.createConversation},
		{Method: get, Path: "/api/v1/conversations/{id}", Op: "getConversation", Group: "messages",
			Summary: "A conversation with a page of its messages, newest first (limit/offset page the messages)",
			Query:   paging, Response: "Conversation", Status: ok, Auth: true, handle: s.getConversation},
		{Method: post, Path: "/api/v1/conversations/{id}/messages", Op: "postConversationMessage", Group: "messages",
			Summary: "Post a message (403 where someone who blocked the caller takes part)",
			Request: "ConversationMessageCreate", Response: "ConversationMessage", Status: created, Auth: true, handle: s.postConversationMessage},
		{Method: post, Path: "/api/v1/conversations/{id}/read", Op: "markConversationRead", Group: "messages",
			Summary: "Mark everything posted so far as read", Status: none, Auth: true, handle: s.markConversationRead},
		{Method: post, Path: "/api/v1/conversations/{id}/mute", Op: "muteConversation", Group: "messages",
			Summary: "Mute (or with {\"muted\":false} unmute): no notification or email about new messages",
			Request: "ConversationMute", BodyOptional: true, Status: none, Auth: true, handle: s.muteConversation},
		{Method: post, Path: "/api/v1/conversations/{id}/leave", Op: "leaveConversation", Group: "messages",
			Summary: "Leave: the conversation is then absent (404) for the caller until someone adds them again",
			Status:  none, Auth: true, handle: s.leaveConversation},
		{Method: post, Path: "/api/v1/conversations/{id}/participants", Op: "addConversationParticipants", Group: "messages",
			Summary: "Add people (any participant; a direct conversation becomes a group; they see past messages)",
			Request: "ConversationParticipantsAdd", Response: "Conversation", Status: ok, Auth: true, handle: s.addConversationParticipants},
		{Method: get, Path: "/api/v1/me/blocks", Op: "listBlocks", Group: "messages", Summary: "The people the caller has blocked",
			Query: paging, Response: "BlockList", Status: ok, Auth: true, handle: s.listBlocks},
		{Method: post, Path: "/api/v1/me/blocks", Op: "createBlock", Group: "messages",
			Summary: "Block someone: they can no longer write to the caller, and are not told",
			Request: "BlockCreate", Status: none, Auth: true, handle: s.createBlock},
		{Method: del, Path: "/api/v1/me/blocks/{user_id}", Op: "deleteBlock", Group: "messages", Summary: "Unblock someone",
			Status: none, Auth: true, handle: s.deleteBlock},

		// Notifications, email preferences and follows.
		{Method: get, Path: "/api/v1/notifications", Op: "listNotifications", Group: "notifications",
			Summary: "The caller's notifications, newest first; those about something the caller may no longer see are left out",
			Query: append([]param{{Name: "unread_only", Doc: "true: unread notifications only", Type: "boolean", Def: false},
				{Name: "group", Doc: groupDoc, Enum: groupNames()},
				{Name: "community", Doc: "a community's ID: its notifications only (none when the caller may not see it)"}}, paging...),
			Response: "NotificationList", Status: ok, Auth: true, handle: s.listNotifications},
		{Method: get, Path: "/api/v1/notifications/groups", Op: "listNotificationGroups", Group: "notifications",
			Summary:  "The caller's unread notifications counted by community and group of kinds",
			Response: "NotificationGroupList", Status: ok, Auth: true, handle: s.listNotificationGroups},
		{Method: post, Path: "/api/v1/notifications/read", Op: "readNotificationGroup", Group: "notifications",
			Summary: "Mark read the caller's unread notifications of a group, of a community, or both",
			Request: "NotificationsReadFilter", Response: "NotificationsRead", Status: ok, Auth: true, handle: s.readNotificationGroup},
		{Method: post, Path: "/api/v1/notifications/read-all", Op: "readAllNotifications", Group: "notifications",
			Summary: "Mark all the caller's notifications read", Response: "NotificationsRead", Status: ok, Auth: true,
			handle: s.readAllNotifications},
		{Method: post, Path: "/api/v1/notifications/{id}/read", Op: "readNotification", Group: "notifications",
			Summary: "Mark one notification read", Status: none, Auth: true, handle: s.readNotification},
		{Method: get, Path: "/api/v1/me/notification-preferences", Op: "getNotificationPreferences", Group: "notifications",
			Summary: "How the caller wants email: a default and a mode per community", Response: "NotificationPreferences",
			Status: ok, Auth: true, handle: s.getPreferences},
		{Method: put, Path: "/api/v1/me/notification-preferences", Op: "putNotificationPreferences", Group: "notifications",
			Summary: "Change the default and the modes of the communities listed (others unchanged)",
			Request: "NotificationPreferencesPut", Response: "NotificationPreferences", Status: ok, Auth: true, handle: s.putPreferences},
		{Method: get, Path: "/api/v1/me/follows", Op: "listFollows", Group: "notifications",
			Summary: "What the caller follows and may still see, most recent first", Query: paging, Response: "FollowList",
			Status: ok, Auth: true, handle: s.listFollows},
		{Method: post, Path: "/api/v1/me/follows", Op: "createFollow", Group: "notifications",
			Summary: "Follow a community, notebook, thread, tag or person the caller may see (404 otherwise); following twice is harmless",
			Request: "FollowCreate", Response: "FollowCreate", Status: created, Auth: true, handle: s.createFollow},
		{Method: del, Path: "/api/v1/me/follows/{target_type}/{target_id}", Op: "deleteFollow", Group: "notifications",
			Summary: "Stop following something", Status: none, Auth: true, handle: s.deleteFollow},

		// Tags.
		{Method: get, Path: "/api/v1/tags", Op: "suggestTags", Group: "tags",
			Summary: "Autocomplete: tags whose label, English label or synonym starts with the typed text (accents, case and " +
				"punctuation ignored), curated first, then free tags by use; deprecated tags are left out",
			Query: []param{{Name: "q", Doc: "the start of a label"}, pLimit}, Response: "TagSuggestions", Status: ok, handle: s.suggestTags},
		{Method: get, Path: "/api/v1/tags/{slug}", Op: "getTag", Group: "tags",
			Summary: "A tag with its parent, children, synonyms and counts, and the things carrying it that the caller may see; " +
				"a synonym's, merged tag's or renamed tag's old slug (or a label) answers 301 to the tag",
			Query: []param{{Name: "limit", Doc: "items per list", Type: "integer", Min: intp(1), Max: intp(maxLimit), Def: defaultLimit},
				{Name: "descendants", Doc: "true: take in what carries the tags below", Type: "boolean"}},
			Response: "TagPage", Status: ok, handle: s.getTag},
		{Method: get, Path: "/api/v1/tags/{slug}/key-actors", Op: "getKeyActors", Group: "discovery",
			Summary: "The key people, organisations and actor cards of a theme, ranked from what the caller may see (publications, " +
				"relations, nominations, memberships, discussions, topic PageRank), each with the reasons in sentences",
			Query: []param{pLimit, {Name: "order", Doc: "ranking", Enum: orders, Def: "combined"},
				{Name: "descendants", Doc: "true: take in the tags below", Type: "boolean"}},
			Response: "KeyActors", Status: ok, handle: s.getKeyActors},
		{Method: get, Path: "/api/v1/users/{id}/second-degree", Op: "userSecondDegree", Group: "discovery",
			Summary: "People and organisations linked to this person's relations whom the caller has no link with yet, " +
				"each with the paths that explain it; 404 when the person's profile is not visible",
			Query: secondDegreeQuery, Response: "SecondDegree", Status: ok, handle: s.userSecondDegree},
		{Method: get, Path: "/api/v1/organizations/{id}/second-degree", Op: "organizationSecondDegree", Group: "discovery",
			Summary: "People and organisations linked to this organisation's relations whom the caller has no link with yet",
			Query:   secondDegreeQuery, Response: "SecondDegree", Status: ok, handle: s.organizationSecondDegree},
		{Method: get, Path: "/api/v1/second-degree", Op: "selectionSecondDegree", Group: "discovery",
			Summary: "The second degree of a selection of people and organisations; without a selection, the caller's own " +
				"(400 for an anonymous call without one)",
			Query: append([]param{{Name: "from", Doc: "user:ID or organization:ID, repeated or comma-separated (at most 50)"}},
				secondDegreeQuery...),
			Response: "SecondDegree", Status: ok, handle: s.selectionSecondDegree},
		{Method: put, Path: "/api/v1/users/{id}/acquaintance", Op: "declareAcquaintance", Group: "discovery",
			Summary: "Declare knowing (or having worked with) a person whose profile the caller may see; the person is asked " +
				"to confirm, and the link exists only then (declaring what they asked confirms it; declaring twice asks once)",
			Request: "AcquaintanceDeclare", Response: "Acquaintance", Status: ok, Auth: true, handle: s.declareAcquaintance},
		{Method: post, Path: "/api/v1/users/{id}/acquaintance/answer", Op: "answerAcquaintance", Group: "discovery",
			Summary: "Confirm or decline the acquaintance this person asked the caller for (404 when none waits)",
			Request: "AcquaintanceAnswer", Response: "Acquaintance", Status: ok, Auth: true, handle: s.answerAcquaintance},
		{Method: del, Path: "/api/v1/users/{id}/acquaintance", Op: "deleteAcquaintance", Group: "discovery",
			Summary: "Withdraw a request or a confirmed acquaintance; withdrawing none is harmless",
			Status:  none, Auth: true, handle: s.deleteAcquaintance},
		{Method: get, Path: "/api/v1/me/acquaintances", Op: "listAcquaintances", Group: "discovery",
			Summary: "The caller's acquaintances: asked, asking them, and confirmed", Response: "AcquaintanceList",
			Status: ok, Auth: true, handle: s.listAcquaintances},
		{Method: get, Path: "/api/v1/taxonomy", Op: "getTaxonomy", Group: "tags",
			Summary: "The whole curated taxonomy as a file: SKOS in RDF Turtle, CSV or JSON",
			Query:   []param{{Name: "format", Doc: "file format", Enum: []string{"skos", "csv", "json"}, Def: "skos"}},
			Files:   []string{"text/turtle", "text/csv", "application/json"}, Status: ok, handle: s.getTaxonomy},

		// Curating the taxonomy (curators and administrators).
		{Method: post, Path: "/api/v1/tags", Op: "createTag", Group: "taxonomy",
			Summary: "Add a curated tag; a label equal to an existing tag's label or synonym (accents, case, spacing and punctuation aside) is a 409",
			Request: "TagCreate", Response: "TagPage", Status: created, Auth: true, handle: s.createTag},
		{Method: patch, Path: "/api/v1/tags/{slug}", Op: "updateTag", Group: "taxonomy",
			Summary: "Edit a tag (omitted fields unchanged); a new label renames it, the old slug redirecting and the old label becoming a synonym",
			Request: "TagPatch", Response: "TagPage", Status: ok, Auth: true, handle: s.patchTag},
		{Method: post, Path: "/api/v1/tags/{slug}/merge", Op: "mergeTag", Group: "taxonomy",
			Summary: "Merge the tag into another: every use and follow moves, the old label becomes its synonym, the old slug redirects",
			Request: "TagMerge", Response: "TagPage", Status: ok, Auth: true, handle: s.mergeTag},
		{Method: post, Path: "/api/v1/tags/{slug}/promote", Op: "promoteTag", Group: "taxonomy",
			Summary: "Make a free tag curated, optionally with an English label and a parent",
			Request: "TagPromote", BodyOptional: true, Response: "TagPage", Status: ok, Auth: true, handle: s.promoteTag},
		{Method: post, Path: "/api/v1/tags/{slug}/synonyms", Op: "addSynonym", Group: "taxonomy",
			Summary: "Give the tag another label; one another tag answers to is a 409",
			Request: "SynonymCreate", Response: "TagPage", Status: created, Auth: true, handle: s.addSynonym},
		{Method: del, Path: "/api/v1/tags/{slug}/synonyms/{label}", Op: "removeSynonym", Group: "taxonomy",
			Summary: "Take a synonym off the tag (what carries the tag keeps it)", Status: none, Auth: true, handle: s.removeSynonym},
		{Method: post, Path: "/api/v1/tags/{slug}/deprecate", Op: "deprecateTag", Group: "taxonomy",
			Summary: "Hide the tag from suggestions, keeping its uses, or bring it back",
			Request: "TagDeprecate", Response: "TagPage", Status: ok, Auth: true, handle: s.deprecateTag},
		{Method: get, Path: "/api/v1/tags/{slug}/uses", Op: "listTagUses", Group: "taxonomy",
			Summary: "What carries the tag that the caller may see, to split it", Query: paging, Response: "TagUseList",
			Status: ok, Auth: true, handle: s.listTagUses},
		{Method: post, Path: "/api/v1/tags/{slug}/split", Op: "splitTag", Group: "taxonomy",
			Summary: "Move chosen uses of the tag to other tags, one by one", Request: "TagSplit", Response: "TagPage",
			Status: ok, Auth: true, handle: s.splitTag},
		{Method: post, Path: "/api/v1/taxonomy/bulk", Op: "bulkTags", Group: "taxonomy",
			Summary: "One action on many tags, all or nothing", Request: "TagBulk", Response: "TagBatch", Status: ok, Auth: true,
			handle: s.bulkTags},
		{Method: get, Path: "/api/v1/taxonomy/review", Op: "reviewQueue", Group: "taxonomy",
			Summary:  "Free tags waiting for a curator, with the uses the caller may see and examples",
			Query:    append([]param{{Name: "sort", Doc: "newest first or most used first", Enum: []string{"recent", "uses"}}}, paging...),
			Response: "ReviewQueue", Status: ok, Auth: true, handle: s.reviewQueue},
		{Method: get, Path: "/api/v1/taxonomy/actions", Op: "listTagActions", Group: "taxonomy",
			Summary:  "The curation log, newest first: who did what, when, and whether it can be undone",
			Query:    append([]param{{Name: "tag", Doc: "only the actions on this tag (slug or label)"}}, paging...),
			Response: "TagActionList", Status: ok, Auth: true, handle: s.listTagActions},
		{Method: post, Path: "/api/v1/taxonomy/actions/{id}/undo", Op: "undoTagAction", Group: "taxonomy",
			Summary: "Undo a curation action (a later action on the same tags must be undone first: 409)",
			Status:  none, Auth: true, handle: s.undoTagAction},
		{Method: post, Path: "/api/v1/taxonomy/batches/{id}/undo", Op: "undoTagBatch", Group: "taxonomy",
			Summary: "Undo every action of a bulk action", Status: none, Auth: true, handle: s.undoTagBatch},
		{Method: put, Path: "/api/v1/taxonomy", Op: "importTaxonomy", Group: "taxonomy",
			Summary: "Import a taxonomy file (SKOS Turtle, CSV or JSON; ?format= or the Content-Type): all or nothing; it adds and updates, never removes",
			Query:   []param{{Name: "format", Doc: "file format", Enum: []string{"skos", "csv", "json"}}},
			Files:   []string{"text/turtle", "text/csv", "application/json"}, Response: "TaxonomyImport", Status: ok, Auth: true,
			MaxBody: maxTaxonomyBody, handle: s.putTaxonomy},
		{Method: post, Path: "/api/v1/taxonomy/starter", Op: "loadStarterTaxonomy", Group: "taxonomy",
			Summary:  "Load the starter taxonomy of Québec's social and solidarity economy that ships with Maillage",
			Response: "TaxonomyImport", Status: ok, Auth: true, handle: s.loadStarterTaxonomy},
		{Method: put, Path: "/api/v1/users/{id}/curator", Op: "setCurator", Group: "taxonomy",
			Summary: "Grant or remove the curator role (administrators)", Request: "CuratorSet", Response: "Curator",
			Status: ok, Auth: true, handle: s.setCurator},
	}, s.meetingRoutes()...)
}

// wrap turns a route's handler into an http.Handler that caps the body
// (MaxBodyBytes, or the route's MaxBody) and writes errors.
func (s *server) wrap(rt route) http.Handler {
	limit := max(rt.MaxBody, MaxBodyBytes)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
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
