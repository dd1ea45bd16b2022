package app_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// leakHidden is what one viewer may not see: secrets by code and by ID.
type leakHidden struct {
	codes map[string]*leakSecret
	ids   map[string]*leakSecret
}

func (w *leakWorld) hiddenFrom(v maillage.Viewer) leakHidden {
	h := leakHidden{codes: map[string]*leakSecret{}, ids: map[string]*leakSecret{}}
	for _, s := range w.secrets {
		if s.may(v) {
			continue
		}
		if s.code != "" {
			h.codes[s.code] = s
		}
		if s.id != "" {
			h.ids[s.id] = s
		}
	}
	return h
}

// leaks lists what a body shows of the hidden: a code ("uq0042") in any
// form, or an ID; what the request itself named (its path and query, which
// pages echo in their links) does not count.
func (w *leakWorld) leaks(body string, h leakHidden, named string) []string {
	var out []string
	seen := map[*leakSecret]bool{}
	report := func(s *leakSecret, how string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, fmt.Sprintf("%s (%s)", s.what, how))
		}
	}
	for i := 0; ; {
		j := strings.Index(body[i:], "uq")
		if j < 0 {
			break
		}
		i += j + 2
		if i+4 <= len(body) {
			if s := h.codes["uq"+body[i:i+4]]; s != nil && !strings.Contains(named, s.code) {
				report(s, "its name, "+s.code)
			}
		}
	}
	for i := 0; w.idPrefix != ""; {
		j := strings.Index(body[i:], w.idPrefix)
		if j < 0 {
			break
		}
		i += j
		if i+26 <= len(body) {
			id := body[i : i+26]
			if s := h.ids[id]; s != nil && !strings.Contains(named, id) {
				report(s, "its ID")
			}
		}
		i += len(w.idPrefix)
	}
	return out
}

// leakVisit is the state of one viewer's walk through the routes.
type leakVisit struct {
	w      *leakWorld
	t      *testing.T
	v      *leakViewer
	hidden leakHidden
}

func (w *leakWorld) visit(t *testing.T, v *leakViewer, routes []leakRoute) {
	vis := &leakVisit{w: w, t: t, v: v, hidden: w.hiddenFrom(v.policy)}
	for i := range routes {
		r := &routes[i]
		for _, tg := range w.targets(r) {
			vis.check(tg, "")
		}
		if r.rule.query {
			// With the first target the viewer may open: the filters are
			// the route's, not the item's.
			for _, tg := range w.targets(r) {
				if len(r.params) == 0 || tg.item != nil && w.outcome(v.policy, tg) == leakOK {
					for _, p := range w.probes(v.policy) {
						vis.probe(tg, p)
					}
					break
				}
			}
		}
	}
}

func (vis *leakVisit) errorf(format string, args ...any) {
	vis.t.Helper()
	vis.t.Errorf("[seed %d world %d, %s] %s", vis.w.seed, vis.w.index, vis.v.name, fmt.Sprintf(format, args...))
}

// scan reports what a body leaks to the viewer.
func (vis *leakVisit) scan(where, named, body string, tg leakTarget) {
	h := vis.hidden
	if tg.item != nil && tg.item.kind == "token" {
		// The link is its owner's: it may show what they may see.
		h = vis.w.hiddenFrom(vis.w.views[vis.w.tokenOwner(tg.item.vals["token"])])
	}
	if tg.item != nil && tg.item.holder != "" {
		h = vis.w.hiddenFrom(vis.w.views[tg.item.holder])
	} else if tg.item != nil && tg.item.kind == "nomination-token" {
		h = vis.w.hiddenFrom(vis.w.views[vis.w.nominationTokenOwner(tg.item.vals["nomination-token"])])
	}
	for _, l := range vis.w.leaks(body, h, named) {
		vis.errorf("GET %s leaks %s", where, l)
	}
}

// check visits one target and compares the answer with the rule.
func (vis *leakVisit) check(tg leakTarget, query string) {
	vis.t.Helper()
	target := tg.path
	if query != "" {
		target += "?" + query
	}
	res := vis.w.get(vis.v, target)
	vis.scan(target, target, res.body, tg)
	if res.status >= 500 {
		vis.errorf("GET %s: %d", target, res.status)
		return
	}
	rule := tg.route.rule
	what := "an absent item"
	if tg.item != nil {
		what = tg.item.label
	}
	switch out := vis.w.outcome(vis.v.policy, tg); out {
	case leakOK:
		want := rule.okStatus
		if want == 0 {
			want = http.StatusOK
		}
		if res.status != want {
			vis.errorf("GET %s (%s): %d, the policy allows it (%s): want %d", target, what, res.status, rule.ok, want)
			return
		}
		vis.checkList(tg, target, res)
	case leakDenied:
		if !vis.refused(res, rule) {
			vis.errorf("GET %s (%s): %d, the policy lets the viewer see it (%s) but not %s: want a refusal", target, what,
				res.status, rule.denied, rule.ok)
		}
	case leakAbsentLike:
		vis.likeAbsent(tg, target, query, res, what)
	}
}

// refused: a refusal, or a visitor sent to sign in first.
func (vis *leakVisit) refused(res leakResponse, rule leakRule) bool {
	if rule.deniedStatus != 0 {
		return res.status == rule.deniedStatus
	}
	switch res.status {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return true
	case http.StatusSeeOther:
		return !vis.v.policy.SignedIn() && strings.HasPrefix(res.location, "/signin")
	}
	return false
}

// likeAbsent: what the viewer may not see answers exactly like what does
// not exist, once the request's own values are swapped for absent ones.
func (vis *leakVisit) likeAbsent(tg leakTarget, target, query string, res leakResponse, what string) {
	r := tg.route
	kind := r.itemKind()
	absentVals := map[string]string{}
	for _, p := range r.params {
		absentVals[p.kind] = leakAbsent[p.kind]
	}
	absentPath, _ := r.fill(absentVals)
	// The whole path first: short values (a revision's number) are only
	// swapped there.
	pairs := []string{tg.path, absentPath}
	for k, v := range tg.vals {
		if a := leakAbsent[k]; a != v && len(v) >= 6 {
			pairs = append(pairs, v, a)
		}
	}
	swap := strings.NewReplacer(pairs...)
	absentTarget := absentPath
	if query != "" {
		absentTarget += "?" + swap.Replace(query)
	}
	if absentTarget == target {
		if kind != "" && !vis.refused(res, leakRule{}) {
			vis.errorf("GET %s (nothing): %d, want 404 (or sign in first)", target, res.status)
		}
		return
	}
	// Asked again each time: a visit may change the page around (an
	// opened notification is no longer unread).
	ref := vis.w.get(vis.v, absentTarget)
	body, loc := swap.Replace(res.body), swap.Replace(res.location)
	if res.status != ref.status || loc != ref.location || body != ref.body {
		vis.errorf("GET %s (%s, invisible to the viewer): %d %s, unlike an absent one (%d %s)%s", target, what,
			res.status, res.location, ref.status, ref.location, firstDifference(body, ref.body))
	}
}

// firstDifference shows where two bodies part.
func firstDifference(a, b string) string {
	if a == b {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("; the bodies differ at %d: %q vs %q", i, a[from:min(len(a), i+120)], b[from:min(len(b), i+120)])
}

// probe visits a route with query values naming things the viewer may
// not see: nothing of them may show, and an invisible value must answer
// like an absent one.
func (vis *leakVisit) probe(tg leakTarget, p leakProbe) {
	target := tg.path + "?" + p.query
	res := vis.w.get(vis.v, target)
	vis.scan(target, target, res.body, tg)
	if res.status >= 500 {
		vis.errorf("GET %s: %d", target, res.status)
		return
	}
	if p.absent == "" {
		return
	}
	for _, v := range tg.vals {
		if v == p.value {
			return // the path names it too: nothing to swap it for
		}
	}
	ref := vis.w.get(vis.v, tg.path+"?"+p.absent)
	body := strings.ReplaceAll(res.body, p.value, p.absentValue)
	if res.status != ref.status || body != ref.body {
		vis.errorf("GET %s (%s, invisible to the viewer) answers unlike %s: %d vs %d%s", target, p.what, p.absent,
			res.status, ref.status, firstDifference(body, ref.body))
	}
}

// leakProbe is a query to visit a route with.
type leakProbe struct {
	query string
	// For a query naming something invisible: the same query naming
	// nothing, which must answer the same.
	absent, value, absentValue, what string
}

// probes lists the queries a viewer visits selecting routes with: text
// every title matches, and filters naming what the viewer may not see.
func (w *leakWorld) probes(v maillage.Viewer) []leakProbe {
	out := []leakProbe{{query: "q=zeta&limit=100"}, {query: "member=me&unread=1&status=resolved"}}
	n := 0
	for _, it := range w.items["tag"] {
		if !it.can["see"](v) && n < 2 {
			n++
			slug := it.vals["tag"]
			out = append(out, leakProbe{query: "tag=" + url.QueryEscape(slug) + "&limit=100", absent: "tag=" + leakAbsent["tag"] + "&limit=100",
				value: slug, absentValue: leakAbsent["tag"], what: "tag " + it.label})
		}
	}
	n = 0
	for _, it := range w.items["community"] {
		if !it.can["page"](v) && n < 2 {
			n++
			id := it.vals["community"]
			for _, name := range []string{"community", "community_id"} {
				out = append(out, leakProbe{query: name + "=" + id, absent: name + "=" + leakAbsent["community"],
					value: id, absentValue: leakAbsent["community"], what: "community " + it.label})
			}
		}
	}
	// Starting actors of a second degree the viewer may not see.
	for _, it := range w.items["user"] {
		if !it.can["see"](v) {
			id := it.vals["user"]
			out = append(out, leakProbe{query: "from=user:" + id, absent: "from=user:" + leakAbsent["user"],
				value: id, absentValue: leakAbsent["user"], what: "person " + it.label})
			break
		}
	}
	// People whose private notes the viewer may not read.
	for _, ln := range w.notes {
		if !maillage.CanViewContent(v, ln.n.Access()) {
			out = append(out, leakProbe{query: "author=" + ln.owner + "&person=" + ln.owner + "&limit=100"})
			break
		}
	}
	return out
}

func (w *leakWorld) tokenOwner(token string) string {
	for _, tk := range w.tokens {
		if tk.token == token {
			return tk.owner
		}
	}
	return ""
}

// leakList is one list of an API answer and the exact items the policy
// allows in it.
type leakList struct {
	field, key string // where the items are, and their ID
	total      string // the field counting them all, if any
	want       func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string
}

// leakLists holds the API's lists, by route.
var leakLists = map[string][]leakList{
	"GET /api/v1/communities/{id}/shortlist": leakShortlistList(),
	"GET /api/v1/tags/{slug}":                {leakTagList("people"), leakTagList("organizations"), leakTagList("communities"), leakTagList("notes")},
	"GET /api/v1/notes/{id}/comments":        {{field: "comments", key: "id", total: "total", want: leakCommentList}},
	"GET /api/v1/notebooks/{id}/proposals":   {{field: "proposals", key: "id", want: leakProposalList}},
	// A search without text or filter lists everything the caller may
	// see, of every kind, with its true total.
	"GET /api/v1/search": {{field: "results", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		var out []string
		for _, kind := range []string{"user", "org", "community", "note", "notebook", "kb", "thread", "meeting"} {
			out = append(out, w.visibleIDs(v, kind)...)
		}
		return append(out, w.listedActors(v)...)
	}}},
	"GET /api/v1/actors": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.listedActors(v)
	}}},
	"GET /api/v1/communities/{id}/meetings": {{field: "meetings", key: "id", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		return w.visibleMeetingIDs(v, tg.item.vals["community"])
	}}},
	"GET /api/v1/notes": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "note")
	}}},
	"GET /api/v1/users": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "user")
	}}},
	"GET /api/v1/communities": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "community")
	}}},
	"GET /api/v1/organizations": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "org")
	}}},
	"GET /api/v1/notebooks": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "notebook")
	}}},
	"GET /api/v1/knowledge-bases": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "kb")
	}}},
	"GET /api/v1/conversations": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "conversation")
	}}},
	"GET /api/v1/notifications": {{field: "notifications", key: "id", want: func(w *leakWorld, v maillage.Viewer, _ leakTarget) []string {
		return w.visibleIDs(v, "notification")
	}}},
	"GET /api/v1/communities/{id}/threads": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, lt := range w.threads {
			if lt.th.CommunityID == tg.vals["community"] && maillage.CanViewThread(v, lt.th.Access()) {
				out = append(out, lt.th.ID)
			}
		}
		return out
	}}},
	"GET /api/v1/threads/{id}/replies": {{field: "items", key: "id", total: "total", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, lr := range w.replies {
			if lr.th.th.ID == tg.vals["thread"] && w.replyVisible(v, lr) {
				out = append(out, lr.r.ID)
			}
		}
		return out
	}}},
	"GET /api/v1/notebooks/{id}": {{field: "notes", key: "id", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, lnb := range w.notebooks {
			if lnb.nb.ID == tg.vals["notebook"] {
				for _, id := range lnb.notes {
					if ln := w.note(id); maillage.CanViewContent(v, ln.n.Access()) {
						out = append(out, id)
					}
				}
			}
		}
		return out
	}}},
	"GET /api/v1/knowledge-bases/{id}": {{field: "notebooks", key: "id", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, lkb := range w.kbs {
			if lkb.kb.ID == tg.vals["kb"] {
				for _, id := range lkb.notebooks {
					if lnb := w.notebook(id); maillage.CanViewContent(v, lnb.nb.Access()) {
						out = append(out, id)
					}
				}
			}
		}
		return out
	}}},
	"GET /api/v1/communities/{id}/members": {{field: "items", key: "user_id", total: "total", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, p := range w.people {
			if w.views[p.u.ID].IsMember(tg.vals["community"]) && maillage.CanViewProfile(v, p.u.Access()) {
				out = append(out, p.u.ID)
			}
		}
		return out
	}}},
	"GET /api/v1/notebooks/{id}/members": {{field: "items", key: "user_id", total: "total", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		return w.roleHolders(v, w.notebook(tg.vals["notebook"]).nb.Members)
	}}},
	"GET /api/v1/knowledge-bases/{id}/members": {{field: "items", key: "user_id", total: "total", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		return w.roleHolders(v, w.kb(tg.vals["kb"]).kb.Members)
	}}},
}

// roleHolders lists the members of a notebook or knowledge base whose
// profile the viewer may see.
func (w *leakWorld) roleHolders(v maillage.Viewer, members []maillage.NotebookMember) []string {
	var out []string
	for _, m := range members {
		if p := w.person(m.UserID); p != nil && maillage.CanViewProfile(v, p.u.Access()) {
			out = append(out, m.UserID)
		}
	}
	return out
}

// visibleIDs lists the items of a kind the viewer may see.
func (w *leakWorld) visibleIDs(v maillage.Viewer, kind string) []string {
	var out []string
	for _, it := range w.items[kind] {
		if it.can["see"](v) {
			out = append(out, it.vals[kind])
		}
	}
	return out
}

func (w *leakWorld) note(id string) *leakNote {
	for _, ln := range w.notes {
		if ln.n.ID == id {
			return ln
		}
	}
	return nil
}

func (w *leakWorld) notebook(id string) *leakNotebook {
	for _, lnb := range w.notebooks {
		if lnb.nb.ID == id {
			return lnb
		}
	}
	return nil
}

func (w *leakWorld) kb(id string) *leakKB {
	for _, lkb := range w.kbs {
		if lkb.kb.ID == id {
			return lkb
		}
	}
	return nil
}

// leakTagList is a tag page's list: what carries the tag that the viewer
// may see.
func leakTagList(list string) leakList {
	return leakList{field: list, key: "id", total: list + "_total", want: func(w *leakWorld, v maillage.Viewer, tg leakTarget) []string {
		var out []string
		for _, c := range w.tags[tg.vals["tag"]].carriers {
			if c.list == list && c.visible(v) && !slices.Contains(out, c.id) {
				out = append(out, c.id)
			}
		}
		return out
	}}
}

// checkList compares an API answer's lists with the exact items the
// policy allows.
func (vis *leakVisit) checkList(tg leakTarget, target string, res leakResponse) {
	lists, ok := leakLists[tg.route.pattern]
	if !ok || tg.item == nil && len(tg.route.params) > 0 {
		return
	}
	if !strings.Contains(target, "?") {
		// Lists are asked for with a limit above the world's size.
		res = vis.w.get(vis.v, target+"?limit=100")
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(res.body), &body); err != nil {
		vis.errorf("GET %s: not JSON: %v", target, err)
		return
	}
	for _, l := range lists {
		items, _ := body[l.field].([]any)
		var got []string
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				got = append(got, fmt.Sprint(m[l.key]))
			}
		}
		want := l.want(vis.w, vis.v.policy, tg)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			vis.errorf("GET %s lists %d %s, the policy allows %d: extra %v, missing %v", target, len(got), l.field, len(want),
				vis.w.names(minus(got, want)), vis.w.names(minus(want, got)))
		}
		if total, ok := body[l.total].(float64); l.total != "" && (!ok || int(total) != len(want)) {
			vis.errorf("GET %s: %s %v, the policy allows %d", target, l.total, body[l.total], len(want))
		}
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// names turns IDs into what the world calls them, for messages.
func (w *leakWorld) names(ids []string) []string {
	var out []string
	for _, id := range ids {
		name := id
		for _, items := range w.items {
			for _, it := range items {
				for _, v := range it.vals {
					if v == id {
						name = it.label
					}
				}
			}
		}
		out = append(out, name)
	}
	return out
}
