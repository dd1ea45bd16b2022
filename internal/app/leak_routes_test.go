package app_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/api"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/web"
)

// The routes the leak test visits come from the route tables themselves
// (web.RoutePatterns, api.RoutePatterns): a GET route added tomorrow is
// visited tomorrow, for every viewer, with the ID of every world item its
// parameters can name and with an absent one. A route the test cannot
// fill fails it until it is taught how:
//
//   - a parameter naming a new kind of thing: add it to leakParamKinds,
//     build such things in the world (leak_world_test.go) and list them as
//     items with their actions (leak_items_test.go);
//   - an answer other than "200 to whoever may see the item, 404 like an
//     absent one to anyone else": add the route to leakRules;
//   - an API list: add its exact items to leakLists (leak_check_test.go);
//   - a route that truly cannot be visited: leakUnvisited, with why.

// leakParamKinds tells which kind of world item a path parameter names,
// by the segment before it and the parameter ("notes/{id}": a note).
var leakParamKinds = map[string]string{
	"people/{id}":              "user",
	"users/{id}":               "user",
	"organizations/{id}":       "org",
	"communities/{id}":         "community",
	"notes/{id}":               "note",
	"history/{n}":              "revision",
	"revisions/{n}":            "revision",
	"files/{file}":             "attachment",
	"{file}/{name}":            "attachment-name",
	"notebooks/{id}":           "notebook",
	"knowledge-bases/{id}":     "kb",
	"threads/{id}":             "thread",
	"replies/{id}":             "reply",
	"messages/{id}":            "conversation",
	"conversations/{id}":       "conversation",
	"notifications/{id}":       "notification",
	"tags/{slug}":              "tag",
	"unsubscribe/{token}":      "token",
	"recruitment/{candidate}":  "candidate",
	"shortlist/{candidate_id}": "candidate",
	"join/{token}":             "join",
	"meetings/{id}":            "meeting",
	"actors/{id}":              "actor",
	"nominations/{id}":         "nomination",
	"nominate/{token}":         "nomination-token",
}

// leakAbsent is the value of each kind that names nothing.
var leakAbsent = map[string]string{
	"user": "01zzzzzzzzzzzzzzzzzzzzzz01", "org": "01zzzzzzzzzzzzzzzzzzzzzz02", "community": "01zzzzzzzzzzzzzzzzzzzzzz03",
	"note": "01zzzzzzzzzzzzzzzzzzzzzz04", "revision": "999", "attachment": "01zzzzzzzzzzzzzzzzzzzzzz05",
	"attachment-name": "absent.png", "notebook": "01zzzzzzzzzzzzzzzzzzzzzz06", "kb": "01zzzzzzzzzzzzzzzzzzzzzz07",
	"thread": "01zzzzzzzzzzzzzzzzzzzzzz08", "reply": "01zzzzzzzzzzzzzzzzzzzzzz09", "conversation": "01zzzzzzzzzzzzzzzzzzzzzz10",
	"notification": "01zzzzzzzzzzzzzzzzzzzzzz11", "tag": "zeta-absente",
	"token":     "0000000000000000000000000000000000000000000000000000000000000000",
	"meeting":   "01zzzzzzzzzzzzzzzzzzzzzz12",
	"candidate": "01zzzzzzzzzzzzzzzzzzzzzz13", "join": "0000000000000000000000000000000000000000000000000000000000000000",
	"actor":      "01zzzzzzzzzzzzzzzzzzzzzz14",
	"nomination": "01zzzzzzzzzzzzzzzzzzzzzz15", "nomination-token": "mlg_nom_0000000000000000000000000000000000000000000",
}

// leakRule is what a route answers a viewer about an item: okStatus (200
// unless said) when the viewer may do ok with it; when they may only do
// denied, a refusal (403, or sign in first, or deniedStatus when set);
// otherwise exactly what an absent item answers. Actions are "all",
// "signed-in", "visitor", "none" and those of each kind (leakItem.can).
type leakRule struct {
	ok, denied   string
	okStatus     int
	deniedStatus int
	// query: the route also selects items by query parameters; it is
	// visited with values naming things the viewer may not see.
	query bool
}

// leakRules holds the routes whose answer is not the default: "see" the
// item for a route with parameters, 200 to everyone for one without.
var leakRules = map[string]leakRule{
	// Any other path is the translated 404 page.
	"GET /": {ok: "none", denied: "all", deniedStatus: http.StatusNotFound},
	// Accounts: forms for visitors; a link without a valid token offers a new one.
	"GET /signup":                 {ok: "visitor", denied: "all", deniedStatus: http.StatusSeeOther},
	"GET /signin":                 {ok: "visitor", denied: "all", deniedStatus: http.StatusSeeOther},
	"GET /password/reset":         {ok: "all"},
	"GET /email/confirm":          {ok: "all"},
	"GET /settings/profile":       {ok: "signed-in", denied: "all"},
	"GET /settings/password":      {ok: "signed-in", denied: "all"},
	"GET /settings/tokens":        {ok: "signed-in", denied: "all"},
	"GET /settings/blocks":        {ok: "signed-in", denied: "all"},
	"GET /settings/notifications": {ok: "signed-in", denied: "all"},
	"GET /messages":               {ok: "signed-in", denied: "all", query: true},
	"GET /messages/new":           {ok: "signed-in", denied: "all", query: true},
	"GET /invitations":            {ok: "signed-in", denied: "all"},
	"GET /notifications":          {ok: "signed-in", denied: "all", query: true},
	"GET /organizations/new":      {ok: "signed-in", denied: "all"},
	"GET /communities/new":        {ok: "signed-in", denied: "all"},
	"GET /notes/new":              {ok: "signed-in", denied: "all", query: true},
	"GET /notebooks/new":          {ok: "signed-in", denied: "all", query: true},
	"GET /knowledge-bases/new":    {ok: "signed-in", denied: "all", query: true},

	"GET /people/{id}/block":            {ok: "other", denied: "see"},
	"GET /organizations/{id}/edit":      {ok: "edit", denied: "see"},
	"GET /organizations/{id}/delete":    {ok: "edit", denied: "see"},
	"GET /communities/{id}":             {ok: "page"},
	"GET /notes/{id}":                   {ok: "page"},
	"GET /notebooks/{id}":               {ok: "page"},
	"GET /knowledge-bases/{id}":         {ok: "page"},
	"GET /communities/{id}/edit":        {ok: "manage", denied: "see"},
	"GET /communities/{id}/members":     {ok: "read", denied: "see"},
	"GET /communities/{id}/requests":    {ok: "manage", denied: "see"},
	"GET /communities/{id}/threads/new": {ok: "post", denied: "see"},
	"GET /communities/{id}/feed.atom":   {ok: "feed"},
	"GET /communities/{id}/cover":       {ok: "cover"},
	"GET /communities/{id}/moderation":  {ok: "manage", denied: "see", query: true},
	"GET /communities/{id}/invite":      {ok: "manage", denied: "see", query: true},
	"GET /notes/{id}/edit":              {ok: "edit", denied: "see"},
	"GET /notes/{id}/delete":            {ok: "edit", denied: "see"},
	"GET /notes/{id}/history":           {ok: "edit", denied: "see"},
	"GET /notes/{id}/history/{n}":       {ok: "edit", denied: "see"},
	"GET /notebooks/{id}/edit":          {ok: "edit", denied: "see"},
	"GET /notebooks/{id}/delete":        {ok: "edit", denied: "see"},
	"GET /notebooks/{id}/categories":    {ok: "edit", denied: "see"},
	"GET /notebooks/{id}/cover":         {ok: "cover"},
	"GET /notebooks/{id}/feed.atom":     {ok: "feed"},
	"GET /notebooks/{id}/note-suggest":  {ok: "see", query: true},
	"GET /knowledge-bases/{id}/edit":    {ok: "edit", denied: "see"},
	"GET /knowledge-bases/{id}/delete":  {ok: "edit", denied: "see"},
	"GET /threads/{id}/edit":            {ok: "edit", denied: "see"},
	"GET /threads/{id}/delete":          {ok: "edit", denied: "see"},
	"GET /threads/{id}/report":          {ok: "see-signed-in", denied: "see"},
	"GET /replies/{id}/edit":            {ok: "edit", denied: "see"},
	"GET /replies/{id}/delete":          {ok: "edit", denied: "see"},
	"GET /replies/{id}/report":          {ok: "see-signed-in", denied: "see"},
	"GET /notifications/{id}":           {ok: "see", okStatus: http.StatusSeeOther},
	"GET /tags/{slug}":                  {ok: "see", query: true},
	// Search: results, totals, facets, snippets and suggestions, visited
	// with text every title matches and filters naming hidden things.
	"GET /search":                              {ok: "all", query: true},
	"GET /search/suggest":                      {ok: "all", query: true},
	"GET /api/v1/search":                       {ok: "all", query: true},
	"GET /api/v1/me":                           {ok: "signed-in", denied: "all"},
	"GET /api/v1/tokens":                       {ok: "signed-in", denied: "all"},
	"GET /api/v1/invitations":                  {ok: "signed-in", denied: "all"},
	"GET /api/v1/conversations":                {ok: "signed-in", denied: "all", query: true},
	"GET /api/v1/me/blocks":                    {ok: "signed-in", denied: "all"},
	"GET /api/v1/notifications":                {ok: "signed-in", denied: "all", query: true},
	"GET /api/v1/notifications/groups":         {ok: "signed-in", denied: "all"},
	"GET /api/v1/me/notification-preferences":  {ok: "signed-in", denied: "all"},
	"GET /api/v1/me/follows":                   {ok: "signed-in", denied: "all"},
	"GET /api/v1/me/acquaintances":             {ok: "signed-in", denied: "all"},
	"GET /api/v1/communities/{id}/members":     {ok: "read", denied: "see"},
	"GET /api/v1/communities/{id}/requests":    {ok: "manage", denied: "see"},
	"GET /api/v1/communities/{id}/threads":     {ok: "read", denied: "see"},
	"GET /api/v1/communities/{id}/reports":     {ok: "manage", denied: "see", query: true},
	"GET /api/v1/communities/{id}/invitations": {ok: "manage", denied: "see"},
	"GET /api/v1/notes/{id}/revisions":         {ok: "edit", denied: "see"},
	"GET /api/v1/notes/{id}/revisions/{n}":     {ok: "edit", denied: "see"},
	"GET /api/v1/tags/{slug}":                  {ok: "see", query: true},
	// Discovery: rankings, reasons and second degree, visited with themes
	// and starting actors the viewer may not see.
	"GET /tags/{slug}/key-actors":        {ok: "see", query: true},
	"GET /api/v1/tags/{slug}/key-actors": {ok: "see", query: true},
	"GET /api/v1/second-degree":          {ok: "signed-in", denied: "all", deniedStatus: http.StatusBadRequest, query: true},
	// Administration: the taxonomy for curators (and administrators), the
	// people's roles for administrators.
	"GET /admin":                   {ok: "curator", denied: "all"},
	"GET /admin/people":            {ok: "administrator", denied: "all"},
	"GET /admin/tags":              {ok: "curator", denied: "all", query: true},
	"GET /admin/taxonomy/new":      {ok: "curator", denied: "all"},
	"GET /admin/taxonomy/import":   {ok: "curator", denied: "all"},
	"GET /admin/taxonomy/log":      {ok: "curator", denied: "all"},
	"GET /admin/tags/{slug}":       {ok: "curate", denied: "see"},
	"GET /admin/tags/{slug}/split": {ok: "curate", denied: "see"},
	"GET /api/v1/tags/{slug}/uses": {ok: "curate", denied: "see"},
	"GET /api/v1/taxonomy/review":  {ok: "curator", denied: "all"},
	"GET /api/v1/taxonomy/actions": {ok: "curator", denied: "all"},
	// Recruitment: the shortlist is its community's managers' alone.
	"GET /communities/{id}/recruitment":      {ok: "manage"},
	"GET /api/v1/communities/{id}/shortlist": {ok: "manage"},
	// Actor cards: the directory and search lists are checked exactly;
	// the requests queue shows each person only what they answer.
	"GET /actors/new":            {ok: "signed-in", denied: "all"},
	"GET /actors/import":         {ok: "signed-in", denied: "all"},
	"GET /actors/requests":       {ok: "signed-in", denied: "all"},
	"GET /api/v1/actor-requests": {ok: "signed-in", denied: "all"},
	"GET /actors/{id}/edit":      {ok: "edit", denied: "see"},
	"GET /actors/{id}/delete":    {ok: "edit", denied: "see"},
	// Nominations: the results for the requester alone, the answer page
	// for the members asked (the requester sees the request: refused).
	"GET /nominations":             {ok: "signed-in", denied: "all"},
	"GET /nominations/new":         {ok: "signed-in", denied: "all", query: true},
	"GET /nominations/{id}":        {ok: "results"},
	"GET /nominations/{id}/answer": {ok: "answer", denied: "see"},
	"GET /api/v1/nominations/{id}": {ok: "results"},
	// The invitations an item's owners sent.
	"GET /api/v1/notes/{id}/invitations":           {ok: "edit", denied: "see"},
	"GET /api/v1/notebooks/{id}/invitations":       {ok: "edit", denied: "see"},
	"GET /api/v1/knowledge-bases/{id}/invitations": {ok: "edit", denied: "see"},
	// Meetings: their managers change them and keep the attendance.
	"GET /communities/{id}/meetings/new":   {ok: "manage", denied: "see"},
	"GET /meetings/{id}/edit":              {ok: "manage", denied: "see"},
	"GET /meetings/{id}/attendance":        {ok: "manage", denied: "see"},
	"GET /meetings/{id}/publish":           {ok: "manage", denied: "see"},
	"GET /api/v1/meetings/{id}/attendance": {ok: "manage", denied: "see"},
	"GET /calendar":                        {ok: "signed-in", denied: "all"},
	"GET /api/v1/me/calendar.ics":          {ok: "signed-in", denied: "all", query: true},
}

// leakUnvisited are the GET routes the test does not visit, with why.
// Every other GET route of both tables is visited; one in neither place
// fails the test.
var leakUnvisited = map[string]string{
	"GET /static/{hash}/{path...}": "static files: the same bytes for everyone, built into the program, no data",
}

// leakRoute is one GET route of a table.
type leakRoute struct {
	pattern string // "GET /notes/{id}"
	path    string // "/notes/{id}"
	params  []leakParam
	rule    leakRule
}

type leakParam struct{ name, kind string }

// leakRoutes lists every GET route of both tables with its rule. It
// reports the routes it cannot fill: a parameter of a kind it does not
// know.
func leakRoutes() (routes []leakRoute, problems []string) {
	patterns := append(web.RoutePatterns(), api.RoutePatterns()...)
	for _, p := range patterns {
		method, path, ok := strings.Cut(p, " ")
		if !ok {
			// The catch-all ("/") answers every other path, GET included.
			method, path = http.MethodGet, p
			if path != "/" {
				problems = append(problems, fmt.Sprintf("route %q has no method and is not the catch-all", p))
				continue
			}
		}
		if method != http.MethodGet {
			continue
		}
		pattern := method + " " + path
		if _, skip := leakUnvisited[pattern]; skip {
			continue
		}
		r := leakRoute{pattern: pattern, path: path}
		segs := strings.Split(strings.Trim(path, "/"), "/")
		for i, seg := range segs {
			if !strings.HasPrefix(seg, "{") || seg == "{$}" {
				continue
			}
			prev := ""
			if i > 0 {
				prev = segs[i-1]
			}
			kind, ok := leakParamKinds[prev+"/"+seg]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: the test does not know what %s names; add it to leakParamKinds", pattern, seg))
				continue
			}
			r.params = append(r.params, leakParam{name: seg, kind: kind})
		}
		rule, ok := leakRules[pattern]
		if !ok {
			rule = leakRule{ok: "all", query: true}
			if len(r.params) > 0 {
				rule = leakRule{ok: "see"}
			}
		}
		r.rule = rule
		routes = append(routes, r)
	}
	for pattern := range leakRules {
		if !slices.ContainsFunc(routes, func(r leakRoute) bool { return r.pattern == pattern }) {
			problems = append(problems, fmt.Sprintf("leakRules names %s, which is not a GET route any more", pattern))
		}
	}
	return routes, problems
}

// itemKind is the kind of the item a route's answer depends on: the kind
// of its last parameter (a file's name belongs to the file).
func (r leakRoute) itemKind() string {
	if len(r.params) == 0 {
		return ""
	}
	k := r.params[len(r.params)-1].kind
	if k == "attachment-name" {
		k = "attachment"
	}
	return k
}

// fill writes the item's values into the route's path.
func (r leakRoute) fill(vals map[string]string) (string, bool) {
	path := r.path
	if path == "/" {
		return "/zeta-page-absente", true
	}
	path = strings.Replace(path, "{$}", "", 1)
	for _, p := range r.params {
		v, ok := vals[p.kind]
		if !ok {
			return "", false
		}
		path = strings.Replace(path, p.name, v, 1)
	}
	return path, true
}

// leakTarget is one visit: a route filled with an item.
type leakTarget struct {
	route *leakRoute
	path  string
	item  *leakItem // nil for a route without parameters, or an absent item
	// parent is the real item above an absent one (a note's missing
	// revision): the viewer may be refused the parent before anything else.
	parent *leakItem
	vals   map[string]string
}

// targets lists the visits of a route: every world item of its kind, the
// children of each parent left absent, and a wholly absent item.
func (w *leakWorld) targets(r *leakRoute) []leakTarget {
	kind := r.itemKind()
	if kind == "" {
		path, _ := r.fill(nil)
		return []leakTarget{{route: r, path: path}}
	}
	var out []leakTarget
	absent := map[string]string{}
	for _, p := range r.params {
		absent[p.kind] = leakAbsent[p.kind]
	}
	absent[kind] = leakAbsent[kind]
	for _, it := range w.items[kind] {
		if path, ok := r.fill(it.vals); ok {
			out = append(out, leakTarget{route: r, path: path, item: it, vals: it.vals})
		}
	}
	// A real parent with an absent child answers like nothing at all.
	if len(r.params) > 1 {
		parent := r.params[0].kind
		for _, it := range w.items[parent] {
			vals := map[string]string{}
			for k, v := range absent {
				vals[k] = v
			}
			vals[parent] = it.vals[parent]
			path, _ := r.fill(vals)
			out = append(out, leakTarget{route: r, path: path, vals: vals, parent: it})
		}
	}
	path, _ := r.fill(absent)
	out = append(out, leakTarget{route: r, path: path, vals: absent})
	return out
}

// outcome says what the rule expects of this viewer with this target.
type leakOutcome int

const (
	leakOK leakOutcome = iota
	leakDenied
	leakAbsentLike
)

func (o leakOutcome) String() string {
	return [...]string{"allowed", "refused", "absent"}[o]
}

func (w *leakWorld) outcome(v maillage.Viewer, tg leakTarget) leakOutcome {
	rule := tg.route.rule
	if p := tg.parent; p != nil {
		// Nothing to allow; a parent the viewer may only see is refused.
		if rule.denied != "" && !p.can[rule.ok](v) && p.can[rule.denied](v) {
			return leakDenied
		}
		return leakAbsentLike
	}
	switch {
	case w.may(v, tg, rule.ok):
		return leakOK
	case rule.denied != "" && w.may(v, tg, rule.denied):
		return leakDenied
	}
	return leakAbsentLike
}

// may answers an action of a rule for a viewer and a target.
func (w *leakWorld) may(v maillage.Viewer, tg leakTarget, action string) bool {
	switch action {
	case "all":
		return true
	case "none":
		return false
	case "signed-in":
		return v.SignedIn()
	case "visitor":
		return !v.SignedIn()
	case "curator":
		return maillage.CanCurate(v)
	case "administrator":
		return maillage.CanAdminister(v)
	}
	if tg.item == nil {
		return false // an absent item: nothing is allowed
	}
	f, ok := tg.item.can[action]
	if !ok {
		panic(fmt.Sprintf("%s: a %s has no action %q", tg.route.pattern, tg.item.kind, action))
	}
	return f(v)
}
