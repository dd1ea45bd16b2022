package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/service"
)

// searchGroupSize is how many results each type shows on the grouped
// search page before "see all" narrows to that type.
const searchGroupSize = 4

// searchSuggestions is how many suggestions the header box shows.
const searchSuggestions = 8

// searchForm is the search as typed, to fill the form and build links.
type searchForm struct {
	Q           string
	Types       []string
	Tag         string
	Descendants bool
	Region      string
	OrgType     string
	Community   string
	Sort        string
}

func readSearchForm(r *http.Request) searchForm {
	q := r.URL.Query()
	f := searchForm{Q: q.Get("q"), Tag: strings.TrimSpace(q.Get("tag")), Descendants: q.Get("descendants") == "1",
		Region: strings.TrimSpace(q.Get("region")), OrgType: strings.TrimSpace(q.Get("org_type")),
		Community: strings.TrimSpace(q.Get("community")), Sort: strings.TrimSpace(q.Get("sort"))}
	for _, t := range q["type"] {
		for _, part := range strings.Split(t, ",") {
			if part = strings.TrimSpace(part); part != "" {
				f.Types = append(f.Types, part)
			}
		}
	}
	return f
}

// values is the form as URL parameters.
func (f searchForm) values() url.Values {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("q", f.Q)
	for _, t := range f.Types {
		v.Add("type", t)
	}
	set("tag", f.Tag)
	if f.Descendants {
		v.Set("descendants", "1")
	}
	set("region", f.Region)
	set("org_type", f.OrgType)
	set("community", f.Community)
	if f.Sort != string(search.SortRelevance) {
		set("sort", f.Sort)
	}
	return v
}

// link is /search with the form, changed by fn.
func (f searchForm) link(fn func(*searchForm)) string {
	c := f
	c.Types = append([]string(nil), f.Types...)
	if fn != nil {
		fn(&c)
	}
	if v := c.values(); len(v) > 0 {
		return "/search?" + v.Encode()
	}
	return "/search"
}

// Has reports whether a type is among the filters.
func (f searchForm) Has(kind string) bool {
	for _, t := range f.Types {
		if t == kind {
			return true
		}
	}
	return false
}

// searchGroup is one type's results on the grouped page.
type searchGroup struct {
	Kind  string
	Total int
	Hits  []service.SearchHit
	All   string // the link to all results of the type
}

// searchFacetLink is a facet value as a link that adds or removes it.
type searchFacetLink struct {
	service.SearchFacetValue
	URL string
}

type searchFacetView struct {
	Name   string
	Values []searchFacetLink
}

type searchData struct {
	Form    searchForm
	Results *service.SearchResults
	// Groups are set when no type is chosen: a few results of each type.
	Groups []searchGroup
	Facets []searchFacetView
	Pager  pager
	// Error is a wrong parameter (a tag that is gone, say), shown above
	// the form so the person can go on.
	Error string
	// Sorts are the choices of the sort menu.
	Sorts []string
	// Searched says there was something to search for.
	Searched bool
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	f := readSearchForm(r)
	d := searchData{Form: f, Sorts: []string{"relevance", "relations", "publications", "recent"}}
	if d.Form.Sort == "" {
		d.Form.Sort = string(search.SortRelevance)
	}
	d.Searched = strings.TrimSpace(f.Q) != "" || f.Tag != "" || len(f.Types) > 0 || f.Community != "" || f.Region != "" || f.OrgType != ""
	title := st.L.T("search.title")
	if q := strings.TrimSpace(f.Q); q != "" {
		title = st.L.T("search.title_for", map[string]any{"Query": q})
	}
	if !d.Searched {
		s.render(w, r, http.StatusOK, view{Template: "search", Title: title, Nav: "search", Data: d})
		return
	}
	n, page := pageOf(r)
	in := service.SearchInput{Q: f.Q, Types: f.Types, Tag: f.Tag, Descendants: f.Descendants, Region: f.Region,
		OrgType: f.OrgType, Community: f.Community, Sort: d.Form.Sort, Limit: perPage, Offset: page.Offset, Facets: true}
	res, err := s.svc.Search(r.Context(), st.Viewer, in)
	if err != nil {
		if e := maillage.AsError(err); e.Code == maillage.CodeInvalid {
			d.Error = st.L.T(e.MessageID, e.Data)
			s.render(w, r, http.StatusBadRequest, view{Template: "search", Title: title, Nav: "search", Data: d})
			return
		}
		s.fail(w, r, err)
		return
	}
	d.Results = res
	d.Pager = newPager(r, n, res.Total)
	d.Facets = searchFacetLinks(d.Form, res.Facets)
	if len(f.Types) == 0 && n == 1 && res.Total > perPage {
		// Many results of several kinds: a few of each, each with a link
		// to all of its kind, reads better than one long mixed list.
		if d.Groups, err = s.searchGroups(r, st.Viewer, d.Form, in, res); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, view{Template: "search", Title: title, Nav: "search", Data: d})
}

// searchGroups runs the search once per type that has matches.
func (s *server) searchGroups(r *http.Request, v maillage.Viewer, f searchForm, in service.SearchInput, res *service.SearchResults) ([]searchGroup, error) {
	counts := map[string]int{}
	for _, fc := range res.Facets {
		if fc.Name == search.FacetKind {
			for _, val := range fc.Values {
				counts[val.Value] = val.Count
			}
		}
	}
	var out []searchGroup
	for _, k := range search.Kinds() {
		total := counts[string(k)]
		if total == 0 {
			continue
		}
		one := in
		one.Types, one.Limit, one.Offset, one.Facets = []string{string(k)}, searchGroupSize, 0, false
		kr, err := s.svc.Search(r.Context(), v, one)
		if err != nil {
			return nil, fmt.Errorf("search group %s: %w", k, err)
		}
		kind := string(k)
		out = append(out, searchGroup{Kind: kind, Total: kr.Total, Hits: kr.Hits,
			All: f.link(func(c *searchForm) { c.Types = []string{kind} })})
	}
	return out, nil
}

// searchFacetLinks turns facet values into links that toggle them.
func searchFacetLinks(f searchForm, facets []service.SearchFacet) []searchFacetView {
	var out []searchFacetView
	for _, fc := range facets {
		fv := searchFacetView{Name: fc.Name}
		for _, val := range fc.Values {
			val := val
			link := f.link(func(c *searchForm) {
				switch fc.Name {
				case search.FacetKind:
					if val.Selected {
						c.Types = without(c.Types, val.Value)
					} else {
						c.Types = append(c.Types, val.Value)
					}
				case search.FacetTag:
					c.Tag = toggle(c.Tag, val.Value, val.Selected)
				case search.FacetRegion:
					c.Region = toggle(c.Region, val.Value, val.Selected)
				case search.FacetOrgType:
					c.OrgType = toggle(c.OrgType, val.Value, val.Selected)
				case search.FacetCommunity:
					c.Community = toggle(c.Community, val.Value, val.Selected)
				}
			})
			fv.Values = append(fv.Values, searchFacetLink{SearchFacetValue: val, URL: link})
		}
		out = append(out, fv)
	}
	return out
}

func toggle(current, value string, selected bool) string {
	if selected {
		return ""
	}
	return value
}

func without(list []string, v string) []string {
	var out []string
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// searchSuggestData fills the header box's list of suggestions.
type searchSuggestData struct {
	L    any
	Q    string
	Hits []service.SearchHit
	// All links to the full results page.
	All string
}

// searchSuggest answers the header box as the person types (htmx).
func (s *server) searchSuggest(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query().Get("q")
	var hits []service.SearchHit
	if strings.TrimSpace(q) != "" {
		var err error
		if hits, err = s.svc.SearchSuggest(r.Context(), st.Viewer, q, searchSuggestions); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.renderFragment(w, r, "search_suggestions", searchSuggestData{L: st.L, Q: q, Hits: hits,
		All: "/search?" + url.Values{"q": {q}}.Encode()})
}

// openSearch describes the search to browsers, which can then offer
// Maillage as a search engine (OpenSearch 1.1).
func (s *server) openSearch(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	base := strings.TrimRight(s.baseURL, "/")
	icon, err := s.static.URL("img/favicon.svg")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/opensearchdescription+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Maillage</ShortName>
  <Description>%s</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>%s</Language>
  <Image width="16" height="16" type="image/svg+xml">%s%s</Image>
  <Url type="text/html" method="get" template="%s/search?q={searchTerms}"/>
  <Url type="application/json" method="get" template="%s/api/v1/search?q={searchTerms}"/>
</OpenSearchDescription>
`, xmlEscape(st.L.T("search.opensearch_description")), xmlEscape(st.L.Lang()), xmlEscape(base), xmlEscape(icon), xmlEscape(base), xmlEscape(base))
}

// xmlEscape escapes text for an XML element.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// OrgType is the value of an org_type facet as a type, for its label.
func (l searchFacetLink) OrgType() maillage.OrganizationType { return maillage.OrganizationType(l.Value) }
