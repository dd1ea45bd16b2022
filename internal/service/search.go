package service

import (
	"context"
	"slices"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// Search limits. Work per query is capped inside the engine too; these
// keep pages reasonable and deep paging cheap.
const (
	SearchDefaultLimit = 20
	SearchMaxLimit     = 100
	// SearchMaxOffset is the deepest page ranked; beyond it a search
	// gives its total and no results.
	SearchMaxOffset = 10000
	// searchSnippetRunes is the length of a result's snippet.
	searchSnippetRunes = 220
	// searchFacetValues caps the values shown per facet.
	searchFacetValues = 12
)

// SearchInput is one search as a page or an API call asks for it. Text is
// never rejected; the other parameters are checked.
type SearchInput struct {
	Q string
	// Types restricts to these kinds (the API's `type`), any of them.
	Types []string
	// Tag is a tag's slug or label; its synonyms resolve to it.
	Tag string
	// Descendants takes in the tag's descendants too.
	Descendants bool
	Region      string
	OrgType     string
	Community   string
	Sort        string
	Limit       int
	Offset      int
	// Facets asks for facet counts (the results page; not suggestions).
	Facets bool
}

// SearchHit is one result, with its title and snippet cut into segments
// that say which words matched.
type SearchHit struct {
	Kind    search.Kind
	ID      string
	Title   string
	TitleHL []search.Segment
	Snippet []search.Segment
	// CommunityID is the community the item belongs to, if any.
	CommunityID string
}

// Path is the result's page on the site.
func (h SearchHit) Path() string {
	switch h.Kind {
	case search.KindUser:
		return "/people/" + h.ID
	case search.KindOrganization:
		return "/organizations/" + h.ID
	case search.KindActor:
		return "/actors/" + h.ID
	case search.KindNote:
		return "/notes/" + h.ID
	case search.KindNotebook:
		return "/notebooks/" + h.ID
	case search.KindKnowledgeBase:
		return "/knowledge-bases/" + h.ID
	case search.KindCommunity:
		return "/communities/" + h.ID
	case search.KindThread:
		return "/threads/" + h.ID
	case search.KindMeeting:
		return "/meetings/" + h.ID
	}
	return "/search"
}

// SnippetText is the snippet as plain text.
func (h SearchHit) SnippetText() string {
	var b strings.Builder
	for _, s := range h.Snippet {
		b.WriteString(s.Text)
	}
	return b.String()
}

// SearchFacetValue is one value of a facet: its count over every visible
// match, and a label when the value is an ID (a tag, a community).
type SearchFacetValue struct {
	Value    string
	Count    int
	Selected bool
	Tag      *maillage.Tag
	Label    string
}

// SearchFacet is a facet of the results page.
type SearchFacet struct {
	Name   string
	Values []SearchFacetValue
}

// SearchResults is the answer to a search.
type SearchResults struct {
	Total  int
	Hits   []SearchHit
	Facets []SearchFacet
	// Tag is the tag filtered on, resolved (nil without one).
	Tag   *maillage.Tag
	Sort  search.Sort
	Limit int
	// Offset is the offset asked for (it may be beyond Total).
	Offset int
}

// searchQuery checks the input and turns it into an engine query for v.
func (s *Service) searchQuery(ctx context.Context, v maillage.Viewer, in SearchInput) (search.Query, *maillage.Tag, error) {
	q := search.Query{Text: maillage.CleanLine(in.Q), Audience: v.AudienceKeys(), Facets: in.Facets,
		Region: strings.TrimSpace(in.Region), OrgType: strings.TrimSpace(in.OrgType)}
	for _, t := range in.Types {
		for _, part := range strings.Split(t, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			k := search.Kind(part)
			if !k.Valid() {
				return q, nil, fieldError(maillage.CodeInvalid, "type", "search.error.type", map[string]any{"Value": part})
			}
			q.Kinds = append(q.Kinds, k)
		}
	}
	q.Sort = search.Sort(strings.TrimSpace(in.Sort))
	if q.Sort == "" {
		q.Sort = search.SortRelevance
	}
	if !q.Sort.Valid() {
		return q, nil, fieldError(maillage.CodeInvalid, "sort", "search.error.sort", nil)
	}
	switch {
	case in.Limit == 0:
		q.Limit = SearchDefaultLimit
	case in.Limit < 0 || in.Limit > SearchMaxLimit:
		return q, nil, fieldError(maillage.CodeInvalid, "limit", "search.error.limit", map[string]any{"Max": SearchMaxLimit})
	default:
		q.Limit = in.Limit
	}
	if in.Offset < 0 {
		return q, nil, fieldError(maillage.CodeInvalid, "offset", "search.error.offset", nil)
	}
	q.Offset = in.Offset
	if q.Region != "" && !slices.Contains(maillage.RegionCodes(), q.Region) {
		return q, nil, fieldError(maillage.CodeInvalid, "region", "search.error.region", nil)
	}
	if q.OrgType != "" && !slices.Contains(maillage.OrganizationTypes(), q.OrgType) {
		return q, nil, fieldError(maillage.CodeInvalid, "org_type", "search.error.org_type", nil)
	}
	var tag *maillage.Tag
	if strings.TrimSpace(in.Tag) != "" {
		// A tag the viewer may not see is unknown, exactly like one that
		// does not exist.
		t, err := s.searchTag(ctx, v, in.Tag)
		if maillage.IsNotFound(err) {
			return q, nil, fieldError(maillage.CodeInvalid, "tag", "search.error.tag", nil)
		}
		if err != nil {
			return q, nil, err
		}
		tag = t
		q.TagIDs = []string{t.ID}
		if in.Descendants {
			more, err := s.db.TagDescendantIDs(ctx, t.ID)
			if err != nil {
				return q, nil, err
			}
			q.TagIDs = append(q.TagIDs, more...)
		}
	}
	if c := strings.TrimSpace(in.Community); c != "" {
		com, err := s.db.Community(ctx, c)
		if err != nil && !maillage.IsNotFound(err) {
			return q, nil, err
		}
		if err != nil || !maillage.CanSeeCommunity(v, com.Access()) {
			return q, nil, fieldError(maillage.CodeInvalid, "community", "search.error.community", nil)
		}
		q.CommunityID = com.ID
	}
	return q, tag, nil
}

// searchTag resolves a tag filter (slug, label or synonym). A curated tag
// is public (maillage.CanViewTag), so only a free tag costs the count of
// its visible uses, which on a large network takes tens of milliseconds.
func (s *Service) searchTag(ctx context.Context, v maillage.Viewer, name string) (*maillage.Tag, error) {
	t, _, err := s.findTag(ctx, name)
	if err != nil {
		return nil, err
	}
	if maillage.CanViewTag(v, maillage.TagAccess{Curated: t.Curated(), CreatedBy: t.CreatedBy}) {
		return t, nil
	}
	t, _, err = s.ResolveTag(ctx, v, t.Slug)
	return t, err
}

// Search looks for everything the viewer may see: results, total and
// facet counts are filtered inside the engine by the viewer's audiences,
// which the store derives from the one access policy.
func (s *Service) Search(ctx context.Context, v maillage.Viewer, in SearchInput) (*SearchResults, error) {
	q, tag, err := s.searchQuery(ctx, v, in)
	if err != nil {
		return nil, err
	}
	deep := q.Offset > SearchMaxOffset
	if deep {
		// Nobody pages that far; the true total is still given, without
		// ranking a hundred thousand results to show none.
		q.Offset, q.Limit = 0, 1
	}
	res, err := s.search.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	if deep {
		res.Hits, q.Offset, q.Limit = nil, in.Offset, max(in.Limit, SearchDefaultLimit)
	}
	out := &SearchResults{Total: res.Total, Tag: tag, Sort: q.Sort, Limit: q.Limit, Offset: q.Offset}
	if out.Hits, err = s.searchHits(ctx, res, true); err != nil {
		return nil, err
	}
	if in.Facets {
		if out.Facets, err = s.searchFacets(ctx, v, q, res.Facets); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SearchSuggest answers as the person types: the last word is a prefix,
// titles only, a few results.
func (s *Service) SearchSuggest(ctx context.Context, v maillage.Viewer, text string, limit int) ([]SearchHit, error) {
	if limit <= 0 || limit > 20 {
		limit = 8
	}
	q := search.Query{Text: maillage.CleanLine(text), AsYouType: true, Audience: v.AudienceKeys(),
		Sort: search.SortRelevance, Limit: limit}
	if strings.TrimSpace(q.Text) == "" {
		return nil, nil
	}
	res, err := s.search.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.searchHits(ctx, res, false)
}

// searchHits cuts titles and snippets for the hits. Snippets come from
// the documents as the store has them now, loaded again for the few
// hits shown: the index keeps no copy of the text.
func (s *Service) searchHits(ctx context.Context, res search.Results, snippets bool) ([]SearchHit, error) {
	hits := make([]SearchHit, 0, len(res.Hits))
	refs := make([]store.SearchDocRef, 0, len(res.Hits))
	for _, h := range res.Hits {
		hits = append(hits, SearchHit{Kind: h.Kind, ID: h.ID, Title: h.Title, TitleHL: search.HighlightTitle(h.Title, res.Terms)})
		refs = append(refs, store.SearchDocRef{Kind: h.Kind, ID: h.ID})
	}
	if len(refs) == 0 {
		return hits, nil
	}
	docs, err := s.db.SearchDocuments(ctx, refs)
	if err != nil {
		return nil, err
	}
	byRef := make(map[store.SearchDocRef]search.Document, len(docs))
	for _, d := range docs {
		byRef[store.SearchDocRef{Kind: d.Kind, ID: d.ID}] = d
	}
	for i := range hits {
		d, ok := byRef[refs[i]]
		if !ok {
			continue
		}
		hits[i].CommunityID = d.CommunityID
		if !snippets {
			continue
		}
		text := d.Body
		if text == "" {
			text = strings.Join(d.Extra, " · ")
		}
		hits[i].Snippet = search.Snippet(text, res.Terms, searchSnippetRunes)
	}
	return hits, nil
}

// searchFacets labels the engine's facet counts. Tags carried by visible
// matches are visible by definition; a community is named only when the
// viewer may see it.
func (s *Service) searchFacets(ctx context.Context, v maillage.Viewer, q search.Query, raw map[string][]search.FacetValue) ([]SearchFacet, error) {
	selected := map[string]map[string]bool{
		search.FacetKind: {}, search.FacetTag: {}, search.FacetRegion: {q.Region: q.Region != ""},
		search.FacetOrgType: {q.OrgType: q.OrgType != ""}, search.FacetCommunity: {q.CommunityID: q.CommunityID != ""},
	}
	for _, k := range q.Kinds {
		selected[search.FacetKind][string(k)] = true
	}
	for _, id := range q.TagIDs {
		selected[search.FacetTag][id] = true
	}
	var tagIDs []string
	for _, fv := range raw[search.FacetTag] {
		tagIDs = append(tagIDs, fv.Value)
	}
	tags := map[string]maillage.Tag{}
	if len(tagIDs) > 0 {
		var err error
		if tags, err = s.db.TagsByIDs(ctx, tagIDs...); err != nil {
			return nil, err
		}
	}
	var out []SearchFacet
	for _, name := range []string{search.FacetKind, search.FacetTag, search.FacetCommunity, search.FacetRegion, search.FacetOrgType} {
		f := SearchFacet{Name: name}
		for _, fv := range raw[name] {
			if fv.Value == "" {
				continue
			}
			val := SearchFacetValue{Value: fv.Value, Count: fv.Count, Selected: selected[name][fv.Value]}
			switch name {
			case search.FacetTag:
				t, ok := tags[fv.Value]
				if !ok {
					continue
				}
				val.Tag, val.Value = &t, t.Slug
				val.Selected = selected[name][t.ID]
			case search.FacetCommunity:
				c, err := s.db.Community(ctx, fv.Value)
				if maillage.IsNotFound(err) || (err == nil && !maillage.CanSeeCommunity(v, c.Access())) {
					continue
				}
				if err != nil {
					return nil, err
				}
				val.Label = c.Name
			}
			f.Values = append(f.Values, val)
			if len(f.Values) == searchFacetValues {
				break
			}
		}
		if len(f.Values) > 0 {
			out = append(out, f)
		}
	}
	return out, nil
}
