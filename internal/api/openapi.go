package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// schemas names the Go types of request and answer bodies as OpenAPI
// components. The document's schemas are generated from these types, so
// they describe exactly what the handlers decode and encode.
var schemas = map[string]reflect.Type{
	"Error":       reflect.TypeFor[errorBody](),
	"ErrorDetail": reflect.TypeFor[errorJSON](),
	"FieldError":  reflect.TypeFor[fieldJSON](),

	"Me":           reflect.TypeFor[meJSON](),
	"ProfilePatch": reflect.TypeFor[profilePatch](),
	"Link":         reflect.TypeFor[linkJSON](),
	"Token":        reflect.TypeFor[tokenJSON](),
	"TokenList":    reflect.TypeFor[list[tokenJSON]](),
	"TokenCreate":  reflect.TypeFor[tokenCreate](),
	"NewToken":     reflect.TypeFor[newTokenJSON](),

	"SearchResults": reflect.TypeFor[searchResultsJSON](),

	"Nomination":           reflect.TypeFor[nominationJSON](),
	"NominationCreate":     reflect.TypeFor[nominationCreate](),
	"NominationAnswer":     reflect.TypeFor[nominationAnswer](),
	"NominationQuestion":   reflect.TypeFor[nominationQuestionJSON](),
	"NominationWaveCreate": reflect.TypeFor[nominationWaveCreate](),

	"User":     reflect.TypeFor[userJSON](),
	"UserList": reflect.TypeFor[list[userJSON]](),

	"Organization":       reflect.TypeFor[organizationJSON](),
	"OrganizationList":   reflect.TypeFor[list[organizationJSON]](),
	"OrganizationCreate": reflect.TypeFor[organizationCreate](),
	"OrganizationPatch":  reflect.TypeFor[organizationPatch](),
	"Affiliation":        reflect.TypeFor[affiliationJSON](),
	"AffiliationPut":     reflect.TypeFor[affiliationPut](),

	"Actor":              reflect.TypeFor[actorJSON](),
	"ActorList":          reflect.TypeFor[list[actorJSON]](),
	"ActorCreate":        reflect.TypeFor[actorCreate](),
	"ActorPatch":         reflect.TypeFor[actorPatch](),
	"ActorImport":        reflect.TypeFor[actorImportJSON](),
	"ActorClaim":         reflect.TypeFor[actorClaim](),
	"ActorClaimResult":   reflect.TypeFor[actorClaimJSON](),
	"ActorRequest":       reflect.TypeFor[actorRequestJSON](),
	"ActorRequestList":   reflect.TypeFor[actorRequestList](),
	"ActorRequestCreate": reflect.TypeFor[actorRequestCreate](),
	"ActorRequestAnswer": reflect.TypeFor[actorRequestAnswer](),
	"NoteActorPut":       reflect.TypeFor[noteActorPut](),

	"Community":         reflect.TypeFor[communityJSON](),
	"CommunityList":     reflect.TypeFor[list[communityJSON]](),
	"CommunityCreate":   reflect.TypeFor[communityCreate](),
	"CommunityPatch":    reflect.TypeFor[communityPatch](),
	"Member":            reflect.TypeFor[memberJSON](),
	"MemberList":        reflect.TypeFor[list[memberJSON]](),
	"MemberAdd":         reflect.TypeFor[memberAdd](),
	"Membership":        reflect.TypeFor[membershipJSON](),
	"JoinRequest":       reflect.TypeFor[joinRequestJSON](),
	"JoinRequestList":   reflect.TypeFor[list[joinRequestJSON]](),
	"JoinRequestCreate": reflect.TypeFor[joinRequestCreate](),

	"Notification":               reflect.TypeFor[notificationJSON](),
	"NotificationList":           reflect.TypeFor[notificationList](),
	"NotificationsRead":          reflect.TypeFor[readAllJSON](),
	"NotificationGroupList":      reflect.TypeFor[notificationGroupList](),
	"NotificationsReadFilter":    reflect.TypeFor[notificationsReadFilter](),
	"NotificationPreferences":    reflect.TypeFor[preferencesJSON](),
	"NotificationPreferencesPut": reflect.TypeFor[preferencesPut](),
	"Follow":                     reflect.TypeFor[followJSON](),
	"FollowList":                 reflect.TypeFor[list[followJSON]](),
	"FollowCreate":               reflect.TypeFor[followCreate](),

	"Tag":                 reflect.TypeFor[tagJSON](),
	"TagSuggestions":      reflect.TypeFor[tagSuggestions](),
	"TagPage":             reflect.TypeFor[tagPage](),
	"KeyActors":           reflect.TypeFor[keyActorsJSON](),
	"SecondDegree":        reflect.TypeFor[secondDegreeJSON](),
	"Acquaintance":        reflect.TypeFor[acquaintanceJSON](),
	"AcquaintanceList":    reflect.TypeFor[acquaintanceList](),
	"AcquaintanceDeclare": reflect.TypeFor[acquaintanceDeclare](),
	"AcquaintanceAnswer":  reflect.TypeFor[acquaintanceAnswer](),
	"TagCreate":           reflect.TypeFor[tagCreate](),
	"TagPatch":            reflect.TypeFor[tagPatch](),
	"TagMerge":            reflect.TypeFor[tagMerge](),
	"TagPromote":          reflect.TypeFor[tagPromote](),
	"SynonymCreate":       reflect.TypeFor[synonymCreate](),
	"TagDeprecate":        reflect.TypeFor[tagDeprecate](),
	"TagSplit":            reflect.TypeFor[tagSplit](),
	"TagUseList":          reflect.TypeFor[list[tagUseJSON]](),
	"TagBulk":             reflect.TypeFor[tagBulk](),
	"TagBatch":            reflect.TypeFor[batchJSON](),
	"ReviewQueue":         reflect.TypeFor[list[reviewItemJSON]](),
	"TagActionList":       reflect.TypeFor[list[tagActionJSON]](),
	"TaxonomyImport":      reflect.TypeFor[importJSON](),
	"CuratorSet":          reflect.TypeFor[curatorSet](),
	"Curator":             reflect.TypeFor[curatorJSON](),

	"Conversation":                reflect.TypeFor[conversationJSON](),
	"ConversationList":            reflect.TypeFor[list[conversationJSON]](),
	"ConversationCreate":          reflect.TypeFor[conversationCreate](),
	"ConversationParticipant":     reflect.TypeFor[conversationParticipantJSON](),
	"ConversationParticipantsAdd": reflect.TypeFor[participantsAdd](),
	"ConversationMute":            reflect.TypeFor[muteSet](),
	"ConversationMessage":         reflect.TypeFor[conversationMessageJSON](),
	"ConversationMessageList":     reflect.TypeFor[list[conversationMessageJSON]](),
	"ConversationMessageCreate":   reflect.TypeFor[messageCreate](),
	"Block":                       reflect.TypeFor[userBlockJSON](),
	"BlockList":                   reflect.TypeFor[list[userBlockJSON]](),
	"BlockCreate":                 reflect.TypeFor[blockCreate](),

	"Thread":           reflect.TypeFor[threadJSON](),
	"ThreadList":       reflect.TypeFor[list[threadJSON]](),
	"ThreadCreate":     reflect.TypeFor[threadCreate](),
	"ThreadPatch":      reflect.TypeFor[threadPatch](),
	"ThreadModeration": reflect.TypeFor[threadModeration](),
	"Reply":            reflect.TypeFor[replyJSON](),
	"ReplyList":        reflect.TypeFor[list[replyJSON]](),
	"ReplyCreate":      reflect.TypeFor[replyCreate](),
	"ReplyPatch":       reflect.TypeFor[replyPatch](),
	"ReplyModeration":  reflect.TypeFor[replyModeration](),
	"Reaction":         reflect.TypeFor[reactionJSON](),
	"ReactionList":     reflect.TypeFor[reactionList](),
	"ReactionToggle":   reflect.TypeFor[reactionToggle](),
	"Report":           reflect.TypeFor[reportJSON](),
	"ReportList":       reflect.TypeFor[reportList](),
	"ReportCreate":     reflect.TypeFor[reportCreate](),
	"NoteShare":        reflect.TypeFor[noteShare](),

	"Comment":            reflect.TypeFor[commentJSON](),
	"CommentList":        reflect.TypeFor[commentList](),
	"CommentCreate":      reflect.TypeFor[commentCreate](),
	"CommentModeration":  reflect.TypeFor[commentModeration](),
	"Proposal":           reflect.TypeFor[proposalJSON](),
	"ProposalList":       reflect.TypeFor[proposalList](),
	"ProposalCreate":     reflect.TypeFor[proposalCreate](),
	"Invitation":         reflect.TypeFor[invitationJSON](),
	"InvitationSent":     reflect.TypeFor[invitationSent](),
	"InvitationList":     reflect.TypeFor[invitationList](),
	"InvitationCreate":   reflect.TypeFor[invitationCreate](),
	"ManagementTransfer": reflect.TypeFor[managementTransfer](),

	"Candidate":             reflect.TypeFor[candidateJSON](),
	"CandidateList":         reflect.TypeFor[candidateList](),
	"CandidateCreate":       reflect.TypeFor[candidateCreate](),
	"CandidatePatch":        reflect.TypeFor[candidatePatch](),
	"EmailInvitation":       reflect.TypeFor[emailInvitationJSON](),
	"EmailInvitationResult": reflect.TypeFor[emailInvitationResult](),
	"ReminderRequest":       reflect.TypeFor[reminderRequest](),
	"ReminderResult":        reflect.TypeFor[reminderResult](),

	"Note":                reflect.TypeFor[noteJSON](),
	"NoteList":            reflect.TypeFor[list[noteSummaryJSON]](),
	"NoteSummary":         reflect.TypeFor[noteSummaryJSON](),
	"NoteCreate":          reflect.TypeFor[noteCreate](),
	"NotePatch":           reflect.TypeFor[notePatch](),
	"NoteRef":             reflect.TypeFor[noteRefJSON](),
	"NoteAuthor":          reflect.TypeFor[noteAuthorJSON](),
	"NoteRevision":        reflect.TypeFor[revisionJSON](),
	"NoteRevisionList":    reflect.TypeFor[list[revisionJSON]](),
	"NoteRevisionRestore": reflect.TypeFor[revisionRestore](),
	"Attachment":          reflect.TypeFor[attachmentJSON](),
	"AttachmentList":      reflect.TypeFor[list[attachmentJSON]](),

	"Notebook":                   reflect.TypeFor[notebookJSON](),
	"NotebookList":               reflect.TypeFor[list[notebookJSON]](),
	"NotebookCreate":             reflect.TypeFor[notebookCreate](),
	"NotebookPatch":              reflect.TypeFor[notebookPatch](),
	"NotebookNote":               reflect.TypeFor[notebookNoteJSON](),
	"NotebookNoteAdd":            reflect.TypeFor[notebookNoteAdd](),
	"NotebookNotePatch":          reflect.TypeFor[notebookNotePatch](),
	"Category":                   reflect.TypeFor[categoryJSON](),
	"CategoryCreate":             reflect.TypeFor[categoryCreate](),
	"CategoryPatch":              reflect.TypeFor[categoryPatch](),
	"NotebookMember":             reflect.TypeFor[notebookMemberJSON](),
	"NotebookMemberList":         reflect.TypeFor[list[notebookMemberJSON]](),
	"NotebookMemberAdd":          reflect.TypeFor[notebookMemberAdd](),
	"KnowledgeBase":              reflect.TypeFor[knowledgeBaseJSON](),
	"KnowledgeBaseList":          reflect.TypeFor[list[knowledgeBaseJSON]](),
	"KnowledgeBaseCreate":        reflect.TypeFor[knowledgeBaseCreate](),
	"KnowledgeBasePatch":         reflect.TypeFor[knowledgeBasePatch](),
	"KnowledgeBaseNotebookAdd":   reflect.TypeFor[knowledgeBaseNotebookAdd](),
	"KnowledgeBaseNotebookPatch": reflect.TypeFor[knowledgeBaseNotebookPatch](),

	"Meeting":                reflect.TypeFor[meetingJSON](),
	"MeetingList":            reflect.TypeFor[meetingList](),
	"MeetingCreate":          reflect.TypeFor[meetingCreate](),
	"MeetingPatch":           reflect.TypeFor[meetingPatch](),
	"Occurrence":             reflect.TypeFor[occurrenceJSON](),
	"RSVPSet":                reflect.TypeFor[rsvpSet](),
	"RSVP":                   reflect.TypeFor[rsvpJSON](),
	"OccurrenceCancel":       reflect.TypeFor[occurrenceCancel](),
	"OccurrenceMove":         reflect.TypeFor[occurrenceMove](),
	"AttendanceSet":          reflect.TypeFor[attendanceSet](),
	"AttendanceList":         reflect.TypeFor[attendanceList](),
	"NoteTakerSet":           reflect.TypeFor[noteTakerSet](),
	"OccurrenceNotebookOpen": reflect.TypeFor[occurrenceNotebookOpen](),
	"OccurrenceNotebook":     reflect.TypeFor[occurrenceNotebookJSON](),
	"OccurrencePublish":      reflect.TypeFor[occurrencePublish](),
	"CalendarToken":          reflect.TypeFor[calendarTokenJSON](),
}

const refPrefix = "#/components/schemas/"

var pathParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(\.\.\.)?\}`)

// buildOpenAPI renders the OpenAPI 3.1 document of the route table.
func buildOpenAPI(table []route) ([]byte, error) {
	g := &schemaGen{names: map[reflect.Type]string{}, inputs: map[reflect.Type]bool{}}
	for name, t := range schemas {
		g.names[t] = name
	}
	paths := map[string]map[string]any{}
	seen := map[string]bool{}
	for _, rt := range table {
		key := rt.Method + " " + rt.Path
		if seen[key] || seen["op:"+rt.Op] || rt.Op == "" {
			return nil, fmt.Errorf("api: route %s: duplicate or missing operation", key)
		}
		seen[key], seen["op:"+rt.Op] = true, true
		for _, name := range []string{rt.Request, rt.Response} {
			if _, ok := schemas[name]; name != "" && !ok {
				return nil, fmt.Errorf("api: route %s: unknown schema %q", key, name)
			}
		}
		if rt.Request != "" {
			g.inputs[schemas[rt.Request]] = true
		}
		if paths[rt.Path] == nil {
			paths[rt.Path] = map[string]any{}
		}
		paths[rt.Path][strings.ToLower(rt.Method)] = operation(rt)
	}
	components := map[string]any{}
	names := make([]string, 0, len(schemas))
	for name := range schemas {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		components[name] = g.schema(schemas[name], true)
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Maillage API",
			"version": "1",
			"description": "JSON API of Maillage. Authenticate with `Authorization: Bearer <token>`; anonymous calls see public data only. " +
				"Errors are `{\"error\":{\"code\",\"message\",\"fields\"?}}`; something absent and something the caller may not see " +
				"both answer 404 with the same body. IDs are opaque strings, times RFC 3339 UTC, tags human labels. " +
				"Lists are `{\"total\",\"limit\",\"offset\",\"items\"}`. Messages follow `?lang=` (fr-CA, en), the account's language, " +
				"then Accept-Language.",
		},
		"servers": []any{map[string]any{"url": "/"}},
		"paths":   paths,
		"components": map[string]any{
			"schemas": components,
			"securitySchemes": map[string]any{
				"bearer": map[string]any{"type": "http", "scheme": "bearer", "description": "an API token (mlg_...)"},
			},
			"responses": map[string]any{
				"Error": map[string]any{
					"description": "an error",
					"content":     map[string]any{"application/json": map[string]any{"schema": ref("Error")}},
				},
			},
		},
	}
	return json.MarshalIndent(doc, "", "  ")
}

func ref(name string) map[string]any { return map[string]any{"$ref": refPrefix + name} }

func operation(rt route) map[string]any {
	op := map[string]any{
		"operationId": rt.Op,
		"summary":     rt.Summary,
		"tags":        []string{rt.Group},
	}
	var params []any
	for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	for _, p := range rt.Query {
		s := map[string]any{"type": "string"}
		if p.Type != "" {
			s["type"] = p.Type
		}
		if p.Enum != nil {
			s["enum"] = p.Enum
		}
		if p.Min != nil {
			s["minimum"] = *p.Min
		}
		if p.Max != nil {
			s["maximum"] = *p.Max
		}
		if p.Def != nil {
			s["default"] = p.Def
		}
		params = append(params, map[string]any{"name": p.Name, "in": "query", "description": p.Doc, "schema": s})
	}
	params = append(params, map[string]any{"name": "lang", "in": "query", "description": "language of messages",
		"schema": map[string]any{"type": "string", "enum": []string{"fr-CA", "en"}}})
	op["parameters"] = params
	if len(rt.Files) > 0 && (rt.Method == http.MethodPut || rt.Method == http.MethodPost) {
		content := map[string]any{}
		for _, m := range rt.Files {
			content[m] = map[string]any{"schema": map[string]any{"type": "string"}}
		}
		op["requestBody"] = map[string]any{"required": true, "content": content}
	}
	if rt.Request != "" {
		op["requestBody"] = map[string]any{
			"required": !rt.BodyOptional,
			"content":  map[string]any{"application/json": map[string]any{"schema": ref(rt.Request)}},
		}
	}
	success := map[string]any{"description": http.StatusText(rt.Status)}
	switch {
	case len(rt.Files) > 0 && rt.Method == http.MethodGet:
		content := map[string]any{}
		for _, m := range rt.Files {
			content[m] = map[string]any{"schema": map[string]any{"type": "string"}}
		}
		success["content"] = content
	case rt.Response != "":
		success["content"] = map[string]any{"application/json": map[string]any{"schema": ref(rt.Response)}}
	case rt.Status == http.StatusOK:
		success["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}
	}
	errRef := map[string]any{"$ref": "#/components/responses/Error"}
	responses := map[string]any{fmt.Sprint(rt.Status): success, "4XX": errRef, "5XX": errRef}
	if rt.Invites {
		responses[fmt.Sprint(http.StatusAccepted)] = map[string]any{
			"description": "Accepted: the person is invited; their name is used only once they accept",
			"content":     map[string]any{"application/json": map[string]any{"schema": ref("InvitationSent")}},
		}
	}
	if rt.Accepted != "" {
		responses[fmt.Sprint(http.StatusAccepted)] = map[string]any{
			"description": "Accepted: waiting for approval",
			"content":     map[string]any{"application/json": map[string]any{"schema": ref(rt.Accepted)}},
		}
	}
	op["responses"] = responses
	if rt.Auth {
		op["security"] = []any{map[string]any{"bearer": []string{}}}
	} else {
		op["security"] = []any{map[string]any{}, map[string]any{"bearer": []string{}}}
	}
	return op
}

// schemaGen turns Go types into JSON Schema (the OpenAPI 3.1 dialect).
type schemaGen struct {
	names  map[reflect.Type]string
	inputs map[reflect.Type]bool // request bodies: unknown fields refused, required from tags
}

func (g *schemaGen) schema(t reflect.Type, top bool) map[string]any {
	if name, ok := g.names[t]; ok && !top {
		return ref(name)
	}
	if t == reflect.TypeFor[nullableNumber]() {
		return map[string]any{"type": []string{"number", "null"}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.schema(t.Elem(), false)
		if typ, ok := s["type"].(string); ok {
			s["type"] = []string{typ, "null"}
			return s
		}
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem(), false)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem(), false)}
	case reflect.Struct:
		return g.object(t)
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	input := g.inputs[t]
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		s := g.schema(f.Type, false)
		if _, isRef := s["$ref"]; isRef {
			// JSON Schema 2020-12 allows siblings of $ref, but keep refs bare
			// for tools that do not.
			props[name] = s
		} else {
			if d := f.Tag.Get("doc"); d != "" {
				s["description"] = d
			}
			if e := f.Tag.Get("enum"); e != "" {
				values := []any{}
				for _, v := range strings.Split(e, ",") {
					values = append(values, v)
				}
				if typ, ok := s["type"].([]string); ok && len(typ) == 2 && typ[1] == "null" {
					values = append(values, nil)
				}
				s["enum"] = values
			}
			if fm := f.Tag.Get("format"); fm != "" {
				s["format"] = fm
			}
			props[name] = s
		}
		switch {
		case input && f.Tag.Get("required") == "true":
			required = append(required, name)
		case !input && !strings.Contains(opts, "omitempty"):
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	if input {
		out["additionalProperties"] = false
	}
	return out
}
