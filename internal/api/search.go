package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/maillage/maillage/internal/service"
)

// Search over everything the caller may see.

type searchResultJSON struct {
	Type    string `json:"type" enum:"user,organization,actor,note,notebook,knowledge_base,community,thread,meeting"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet,omitempty" doc:"plain text around the words that matched"`
	URL     string `json:"url" doc:"the item's page, relative to the site"`
}

type searchFacetValueJSON struct {
	Value string `json:"value" doc:"what to pass back as the filter (a type, a tag slug, a region code...)"`
	Label string `json:"label,omitempty" doc:"the tag's or community's name, when the value is not one"`
	Count int    `json:"count" doc:"visible matches with this value"`
}

type searchResultsJSON struct {
	Total   int                               `json:"total" doc:"every visible match, whatever limit and offset"`
	Limit   int                               `json:"limit"`
	Offset  int                               `json:"offset"`
	Results []searchResultJSON                `json:"results"`
	Facets  map[string][]searchFacetValueJSON `json:"facets,omitempty" doc:"with facets=true: counts by type, tag, community, region and org_type"`
}

func (s *server) search(w http.ResponseWriter, r *http.Request) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	offset := 0
	if q.Has("offset") {
		n, err := strconv.Atoi(strings.TrimSpace(q.Get("offset")))
		if err != nil || n < 0 || n > maxOffset {
			return invalid("api.bad_limit", map[string]any{"Param": "offset", "Min": 0, "Max": maxOffset}, "offset")
		}
		offset = n
	}
	facets := false
	if v := strings.TrimSpace(q.Get("facets")); v != "" {
		if facets, err = strconv.ParseBool(v); err != nil {
			return invalid("api.bad_param", map[string]any{"Param": "facets"}, "facets")
		}
	}
	descendants := false
	if v := strings.TrimSpace(q.Get("descendants")); v != "" {
		if descendants, err = strconv.ParseBool(v); err != nil {
			return invalid("api.bad_param", map[string]any{"Param": "descendants"}, "descendants")
		}
	}
	res, err := s.svc.Search(r.Context(), viewerOf(r), service.SearchInput{
		Q: q.Get("q"), Types: q["type"], Tag: q.Get("tag"), Descendants: descendants,
		Region: q.Get("region"), OrgType: q.Get("org_type"), Community: q.Get("community"),
		Sort: q.Get("sort"), Limit: lim, Offset: offset, Facets: facets})
	if err != nil {
		return err
	}
	out := searchResultsJSON{Total: res.Total, Limit: res.Limit, Offset: res.Offset, Results: []searchResultJSON{}}
	for _, h := range res.Hits {
		out.Results = append(out.Results, searchResultJSON{Type: string(h.Kind), ID: h.ID, Title: h.Title,
			Snippet: h.SnippetText(), URL: h.Path()})
	}
	if facets {
		out.Facets = map[string][]searchFacetValueJSON{}
		for _, f := range res.Facets {
			for _, v := range f.Values {
				fv := searchFacetValueJSON{Value: v.Value, Label: v.Label, Count: v.Count}
				if v.Tag != nil {
					fv.Label = v.Tag.Label
				}
				out.Facets[f.Name] = append(out.Facets[f.Name], fv)
			}
		}
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}
