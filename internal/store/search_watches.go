package store

// searchWatch is one set of triggers of migration 00012: every insert and
// delete of a row of table, and every update that changes one of
// columns, writes (source, the row's key column) to change_log in the
// writing transaction. An update that changes the key itself logs the old
// key too, so an item moved away from a note or a community is reloaded
// on both sides. A NULL key logs nothing.
//
// The triggers live in the migration (SQL, one dialect each); this list
// says the same thing to Go: TestSearchTriggersInstalled checks that every
// watch has its triggers, and AffectedSearchDocuments has a mapping for
// every source. Adding a watch means a migration, a line here and a
// mapping in search_affected.go.
type searchWatch struct {
	table   string
	source  string
	key     string
	columns []string // an update changing one of these is logged
}

// The sources of change_log rows, besides SearchSourceAll.
const (
	srcUser                  = "user"                    // users.id: a profile's own fields
	srcUserName              = "user_name"               // users.id: the name or visibility others show
	srcUserInterest          = "user_interest"           // user_interests.user_id
	srcAffiliation           = "affiliation"             // organization_members.user_id
	srcOrganizationMember    = "organization_member"     // organization_members.organization_id
	srcOrganization          = "organization"            // organizations.id
	srcOrganizationName      = "organization_name"       // organizations.id: the name others show
	srcOrganizationTag       = "organization_tag"        // organization_tags.organization_id
	srcCommunity             = "community"               // communities.id
	srcCommunityAccess       = "community_access"        // communities.id: name and visibility its content shows
	srcCommunityTag          = "community_tag"           // community_tags.community_id
	srcNote                  = "note"                    // notes.id
	srcNoteVisibility        = "note_visibility"         // notes.id: what counts it as public elsewhere
	srcNoteOrganization      = "note_organization"       // notes.organization_id
	srcNoteAuthor            = "note_author"             // note_authors.note_id
	srcAuthor                = "author"                  // note_authors.user_id
	srcNoteTag               = "note_tag"                // note_tags.note_id
	srcNoteLink              = "note_link"               // note_links.target_id
	srcNotebook              = "notebook"                // notebooks.id
	srcNotebookMember        = "notebook_member"         // notebook_members.notebook_id
	srcNotebookNote          = "notebook_note"           // notebook_notes.notebook_id
	srcKnowledgeBase         = "knowledge_base"          // knowledge_bases.id
	srcKnowledgeBaseMember   = "knowledge_base_member"   // knowledge_base_members.knowledge_base_id
	srcKnowledgeBaseNotebook = "knowledge_base_notebook" // knowledge_base_notebooks.knowledge_base_id
	srcThread                = "thread"                  // threads.id
	srcReply                 = "reply"                   // replies.thread_id
	srcTag                   = "tag"                     // tags.id
	srcTagSynonym            = "tag_synonym"             // tag_synonyms.tag_id
	srcActor                 = "actor"                   // actors.id (migration 00013)
	srcActorTag              = "actor_tag"               // actor_tags.actor_id (migration 00013)

	// Sources the relation graph needs and no search document reads
	// (migration 00019).
	srcCommunityMember = "community_member"   // community_members.community_id
	srcAcquaintance    = "acquaintance"       // acquaintances.requester_id
	srcAttendance      = "meeting_attendance" // meeting_attendance.meeting_id
	srcNomination      = "nomination"         // nominations.request_id
)

const (
	srcMeeting    = "meeting"     // meetings.id (migration 00014)
	srcMeetingTag = "meeting_tag" // meeting_tags.meeting_id (migration 00014)
)

// searchWatches lists the triggers that fill the change log (migrations
// 00012, 00013, 00014 and 00019). No search document depends on who belongs to
// a community (a viewer's memberships are applied when searching, through
// maillage.Viewer.AudienceKeys): community_members is watched for the
// relation graph only, and maps to no document.
func searchWatches() []searchWatch {
	return []searchWatch{
		{"users", srcUser, "id", []string{"name", "pronouns", "bio", "region", "profile_visibility"}},
		{"users", srcUserName, "id", []string{"name", "profile_visibility"}},
		{"user_interests", srcUserInterest, "user_id", []string{"user_id", "tag_id"}},
		{"organization_members", srcAffiliation, "user_id", []string{"user_id", "organization_id"}},
		{"organization_members", srcOrganizationMember, "organization_id", []string{"user_id", "organization_id"}},
		{"organizations", srcOrganization, "id", []string{"name", "description", "type", "region", "address"}},
		{"organizations", srcOrganizationName, "id", []string{"name"}},
		{"organization_tags", srcOrganizationTag, "organization_id", []string{"organization_id", "tag_id"}},
		{"communities", srcCommunity, "id", []string{"name", "description", "visibility", "listed", "region"}},
		{"communities", srcCommunityAccess, "id", []string{"name", "visibility", "listed"}},
		{"community_tags", srcCommunityTag, "community_id", []string{"community_id", "tag_id"}},
		{"notes", srcNote, "id", []string{"title", "summary", "body", "visibility", "community_id", "organization_id", "updated_at"}},
		{"notes", srcNoteVisibility, "id", []string{"visibility"}},
		{"notes", srcNoteOrganization, "organization_id", []string{"organization_id", "visibility"}},
		{"note_authors", srcNoteAuthor, "note_id", []string{"note_id", "user_id"}},
		{"note_authors", srcAuthor, "user_id", []string{"note_id", "user_id"}},
		{"note_tags", srcNoteTag, "note_id", []string{"note_id", "tag_id"}},
		{"note_links", srcNoteLink, "target_id", []string{"source_id", "target_id"}},
		{"notebooks", srcNotebook, "id", []string{"title", "description", "visibility", "community_id", "updated_at"}},
		{"notebook_members", srcNotebookMember, "notebook_id", []string{"notebook_id", "user_id", "role"}},
		{"notebook_notes", srcNotebookNote, "notebook_id", []string{"notebook_id", "note_id"}},
		{"knowledge_bases", srcKnowledgeBase, "id", []string{"title", "description", "visibility", "community_id", "updated_at"}},
		{"knowledge_base_members", srcKnowledgeBaseMember, "knowledge_base_id", []string{"knowledge_base_id", "user_id", "role"}},
		{"knowledge_base_notebooks", srcKnowledgeBaseNotebook, "knowledge_base_id", []string{"knowledge_base_id", "notebook_id"}},
		{"threads", srcThread, "id", []string{"title", "body", "hidden", "community_id", "author_id"}},
		{"replies", srcReply, "thread_id", []string{"thread_id", "body", "hidden", "deleted_at"}},
		{"tags", srcTag, "id", []string{"label", "label_en", "parent_id", "merged_into_id", "kind"}},
		{"tag_synonyms", srcTagSynonym, "tag_id", []string{"tag_id", "label"}},
		{"actors", srcActor, "id", []string{"kind", "name", "description", "title", "organization_name", "website", "region",
			"address", "visibility", "community_id", "created_by", "claimed_user_id", "claimed_organization_id"}},
		{"actor_tags", srcActorTag, "actor_id", []string{"actor_id", "tag_id"}},
		{"community_members", srcCommunityMember, "community_id", []string{"community_id", "user_id"}},
		{"acquaintances", srcAcquaintance, "requester_id", []string{"requester_id", "target_id", "kind", "accepted_at"}},
		{"meeting_attendance", srcAttendance, "meeting_id", []string{"meeting_id", "user_id", "attended"}},
		{"nominations", srcNomination, "request_id", []string{"request_id", "respondent_id", "nominee_type", "nominee_id"}},
		// Migration 00014.
		{"meetings", srcMeeting, "id", []string{"title", "description", "location", "visibility", "community_id", "starts_at", "rrule", "cancelled_at", "updated_at"}},
		{"meeting_tags", srcMeetingTag, "meeting_id", []string{"meeting_id", "tag_id"}},
	}
}
