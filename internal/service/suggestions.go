package service

import (
	"context"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// suggestionPool is how many results each search offers before the ones
// the person already has are left out.
const suggestionPool = 20

// Suggestion is a community, notebook or person found from an interest.
type Suggestion struct {
	SearchHit
	// Because is the interest that led to it.
	Because maillage.Tag
}

// Suggestions are drawn from a person's interests, a few of each kind.
type Suggestions struct {
	Communities []Suggestion
	Notebooks   []Suggestion
	People      []Suggestion
}

// Empty reports whether nothing was found.
func (s Suggestions) Empty() bool {
	return len(s.Communities)+len(s.Notebooks)+len(s.People) == 0
}

// Suggest finds communities, notebooks and people for the viewer's
// interests. Each interest is searched twice: as words, so "numérique"
// finds « Numériques et données » by its name, and as a tag (with its
// narrower tags), so what is tagged with it comes too. The search engine
// filters by the viewer's audiences; what the viewer already belongs to,
// and the viewer, are left out.
func (s *Service) Suggest(ctx context.Context, v maillage.Viewer, interests []maillage.Tag) (Suggestions, error) {
	var out Suggestions
	if !v.SignedIn() || len(interests) == 0 {
		return out, nil
	}
	if len(interests) > homeInterests {
		interests = interests[:homeInterests]
	}
	skip, err := s.alreadyMine(ctx, v)
	if err != nil {
		return out, err
	}
	kinds := []string{string(search.KindCommunity), string(search.KindNotebook), string(search.KindUser)}
	// found[i] lists interest i's hits, words first, then the tag's.
	found := make([][]SearchHit, len(interests))
	for i, t := range interests {
		for _, in := range []SearchInput{
			{Q: t.Label, Types: kinds, Limit: suggestionPool},
			{Tag: t.Slug, Descendants: true, Types: kinds, Limit: suggestionPool},
		} {
			res, err := s.Search(ctx, v, in)
			if maillage.ErrorCode(err) == maillage.CodeInvalid {
				continue // a tag merged away since: its words still searched
			}
			if err != nil {
				return out, err
			}
			found[i] = append(found[i], res.Hits...)
		}
	}
	// Take turns between interests, so each one is heard.
	for round := 0; ; round++ {
		more := false
		for i, hits := range found {
			if round >= len(hits) {
				continue
			}
			more = true
			h := hits[round]
			key := string(h.Kind) + "/" + h.ID
			if skip[key] {
				continue
			}
			skip[key] = true
			sg := Suggestion{SearchHit: h, Because: interests[i]}
			switch h.Kind {
			case search.KindCommunity:
				if len(out.Communities) < homeSuggestions {
					out.Communities = append(out.Communities, sg)
				}
			case search.KindNotebook:
				if len(out.Notebooks) < homeSuggestions {
					out.Notebooks = append(out.Notebooks, sg)
				}
			case search.KindUser:
				if len(out.People) < homeSuggestions {
					out.People = append(out.People, sg)
				}
			}
		}
		if !more {
			return out, nil
		}
	}
}

// alreadyMine lists, as kind/id keys, what suggestions leave out: the
// viewer, their communities and their notebooks.
func (s *Service) alreadyMine(ctx context.Context, v maillage.Viewer) (map[string]bool, error) {
	skip := map[string]bool{string(search.KindUser) + "/" + v.UserID: true}
	cs, _, err := s.db.Communities(ctx, v, store.CommunityFilter{MemberID: v.UserID, Limit: homeCommunityNames})
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		skip[string(search.KindCommunity)+"/"+c.ID] = true
	}
	bs, _, err := s.db.Notebooks(ctx, v, store.NotebookFilter{MemberID: v.UserID, Limit: homeCommunityNames})
	if err != nil {
		return nil, err
	}
	for _, b := range bs {
		skip[string(search.KindNotebook)+"/"+b.ID] = true
	}
	return skip, nil
}
