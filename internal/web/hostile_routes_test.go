package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// hostileValues are what an attacker types into a form field or a query:
// NUL, control characters, line breaks, bidi overrides, bytes that are not
// UTF-8, and more text than any field takes.
var hostileValues = map[string]string{
	"nul":           "a\x00b",
	"controls":      "a\x01\x08\x1b[2J\x7f\u0085b",
	"line breaks":   "Titre\r\nBcc: victime@exemple.org\r\n\r\ncorps",
	"bidi":          "\u202egpj.exe\u202c \u2066x\u2069 \u200fy\u200e",
	"invalid utf-8": "a\xff\xfeb\xc3",
	"long":          strings.Repeat("é", 5000),
}

// textFields are the free-text fields the forms of the site read,
// otherFields their IDs, numbers and addresses; enumFields get a valid
// value in the "text only" variant so that the text reaches the service.
var (
	textFields = []string{"address", "bio", "body", "category", "description", "guide", "interests", "label",
		"message", "message_body", "message_subject", "name", "note", "pronouns", "q", "reason", "role", "subject",
		"summary", "tags", "title"}
	otherFields = []string{"category_id", "community_id", "email", "link_url", "note_id", "notebook_id", "parent_id",
		"target_id", "to", "user_id", "website", "latitude", "longitude", "version"}
	enumFields = map[string]string{"visibility": "public", "type": "other", "kind": "general", "contact": "messages",
		"profile_visibility": "public", "language": "fr-CA", "region": "06", "reaction": "thumbs_up", "target_type": "user"}
	queryParams = []string{"q", "tag", "region", "kind", "type", "visibility", "community", "author", "sort", "page",
		"member", "category", "status", "against", "draft", "reply_to", "unread", "sent", "next", "token"}
)

// TestHostileInputOnEveryRoute reads the route table (RoutePatterns) and
// sends every hostile value in every query parameter and path parameter
// of every page, as a visitor and as a member, and in every field of
// every form that creates or changes something. Nothing answers 5xx, on
// SQLite as on PostgreSQL.
func TestHostileInputOnEveryRoute(t *testing.T) {
	e := newEnv(t)
	ids := hostileWebWorld(t, e)
	member := e.client()
	member.signIn("alice@example.org", "mot de passe solide")
	visitor := e.client()

	var routes [][]string
	for _, p := range RoutePatterns() {
		if method, path, ok := strings.Cut(p, " "); ok && (method == "GET" || method == "POST") {
			routes = append(routes, []string{p, method, path})
		}
	}
	if len(routes) < 100 {
		t.Fatalf("only %d routes in the route table", len(routes))
	}
	param := regexp.MustCompile(`\{([a-z]+)(\.\.\.)?\}`)
	fill := func(path, hostileParam, value string) string {
		return param.ReplaceAllStringFunc(path, func(m string) string {
			name := param.FindStringSubmatch(m)[1]
			if name == hostileParam {
				return url.PathEscape(value)
			}
			return ids.param(path, name)
		})
	}
	for _, rt := range routes {
		method, path := rt[1], rt[2]
		if strings.HasPrefix(path, "/static/") || destructive(path) {
			continue
		}
		for what, value := range hostileValues {
			check := func(c *client, target string, form url.Values) {
				t.Helper()
				var r response
				if method == "GET" {
					r = c.get(target)
				} else {
					r = c.post(target, form)
				}
				if r.Status >= 500 {
					t.Errorf("%s %s with %s: %d\n%s", method, target, what, r.Status, excerptBody(r.Body))
				}
			}
			for _, p := range param.FindAllStringSubmatch(path, -1) {
				check(member, fill(path, p[1], value), nil)
			}
			target := fill(path, "", "")
			if method == "GET" {
				all := url.Values{}
				for _, q := range queryParams {
					all.Set(q, value)
				}
				for _, c := range []*client{visitor, member} {
					check(c, target+"?"+url.Values{"q": {value}}.Encode(), nil)
					check(c, target+"?"+all.Encode(), nil)
				}
				continue
			}
			textOnly, everything := url.Values{}, url.Values{}
			for _, f := range textFields {
				textOnly.Set(f, value)
				everything.Set(f, value)
			}
			for _, f := range otherFields {
				everything.Set(f, value)
			}
			for f, v := range enumFields {
				textOnly.Set(f, v)
				everything.Set(f, value)
			}
			check(member, target, textOnly)
			check(member, target, everything)
		}
	}
}

// destructive routes would end the session or delete what the next
// routes act upon; they take no text.
func destructive(path string) bool {
	for _, end := range []string{"/delete", "/remove", "/leave", "/signout", "/withdraw", "/transfer", "/discard"} {
		if strings.HasSuffix(path, end) {
			return true
		}
	}
	return false
}

// hostileWebIDs are what the routes act upon, all alice's.
type hostileWebIDs struct {
	community, org, note, notebook, category, kb, thread, reply, conversation, bob string
}

// param gives a path parameter a real value, chosen by the collection
// the path names ("/notes/{id}" is a note).
func (h hostileWebIDs) param(path, name string) string {
	switch name {
	case "user":
		return h.bob
	case "note":
		return h.note
	case "nb":
		return h.notebook
	case "cat":
		return h.category
	case "n":
		return "1"
	case "slug":
		return "cuisine"
	case "id":
		switch strings.Split(strings.TrimPrefix(path, "/"), "/")[0] {
		case "notes":
			return h.note
		case "notebooks":
			return h.notebook
		case "knowledge-bases":
			return h.kb
		case "communities":
			return h.community
		case "organizations":
			return h.org
		case "threads":
			return h.thread
		case "replies":
			return h.reply
		case "messages":
			return h.conversation
		case "people":
			return h.bob
		}
	}
	return "01abcdefghjkmnpqrstvwxyz00"
}

func hostileWebWorld(t *testing.T, e *env) hostileWebIDs {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	alice := e.user("Alice", "alice@example.org", "cuisine")
	bob := e.user("Bob", "bob@example.org")
	v := e.viewer(alice.ID)
	ids := hostileWebIDs{bob: bob.ID}
	c, err := e.Svc.CreateCommunity(ctx, v, maillage.CommunityInput{Name: "Cuisine collective", Visibility: "public", Tags: []string{"cuisine"}})
	must(err)
	v = e.viewer(alice.ID)
	o, err := e.Svc.CreateOrganization(ctx, v, maillage.OrganizationInput{Name: "Coop du Quartier"}, false)
	must(err)
	n, err := e.Svc.CreateNote(ctx, v, maillage.NoteInput{Title: "Note visée", Body: "Texte", Visibility: "public"})
	must(err)
	nb, err := e.Svc.CreateNotebook(ctx, v, maillage.NotebookInput{Title: "Carnet visé", Visibility: "public"})
	must(err)
	cat, err := e.Svc.CreateNotebookCategory(ctx, v, nb.ID, "Catégorie")
	must(err)
	kb, err := e.Svc.CreateKnowledgeBase(ctx, v, maillage.NotebookInput{Title: "Base visée", Visibility: "public"})
	must(err)
	th, err := e.Svc.CreateThread(ctx, v, c.ID, maillage.ThreadInput{Title: "Fil visé", Body: "Texte"})
	must(err)
	rep, err := e.Svc.CreateReply(ctx, v, th.ID, maillage.ReplyInput{Body: "Réponse"})
	must(err)
	conv, err := e.Svc.StartConversation(ctx, v, service.ConversationInput{ParticipantIDs: []string{bob.ID}, Body: "Bonjour"})
	must(err)
	ids.community, ids.org, ids.note, ids.notebook, ids.category = c.ID, o.ID, n.ID, nb.ID, cat.ID
	ids.kb, ids.thread, ids.reply, ids.conversation = kb.ID, th.ID, rep.ID, conv.ID
	return ids
}
