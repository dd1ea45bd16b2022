package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/discovery"
	"github.com/maillage/maillage/internal/graph"
)

// keyActorsJSON is a theme's ranking (GET /api/v1/tags/{slug}/key-actors).
type keyActorsJSON struct {
	Tag    tagRefJSON     `json:"tag"`
	Order  string         `json:"order" doc:"combined, relations, publications or nominations"`
	Actors []keyActorJSON `json:"actors"`
}

// keyActorJSON is one ranked actor; every count is one the caller may
// see, and reasons say them in the caller's language.
type keyActorJSON struct {
	Type               string       `json:"type" doc:"user, organization or actor"`
	ID                 string       `json:"id"`
	Name               string       `json:"name"`
	Score              float64      `json:"score"`
	Publications       int          `json:"publications" doc:"the theme's notes they wrote, or about them"`
	RecentPublications int          `json:"recent_publications" doc:"of which changed in the last 90 days"`
	Relations          int          `json:"relations" doc:"other actors of the theme they are linked with"`
	Nominations        int          `json:"nominations" doc:"people who named them in the caller's nomination requests"`
	Communities        int          `json:"communities" doc:"the theme's communities they belong to"`
	Discussions        int          `json:"discussions" doc:"the theme's threads they took part in"`
	Tagged             bool         `json:"tagged" doc:"they carry the tag themselves"`
	Centrality         float64      `json:"centrality" doc:"topic PageRank on the public network, relative to the best (0 to 1)"`
	Known              []personJSON `json:"known" doc:"people linked to the caller who are linked to them (at most 3)"`
	Reasons            []string     `json:"reasons"`
}

type personJSON struct {
	Type string `json:"type,omitempty"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

// secondDegreeJSON answers GET /api/v1/users/{id}/second-degree and its
// organisation and selection twins.
type secondDegreeJSON struct {
	People []suggestionJSON `json:"people" doc:"people and organisations, best first"`
}

type suggestionJSON struct {
	Type  string    `json:"type"`
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Score float64   `json:"score"`
	Via   []viaJSON `json:"via"`
}

type viaJSON struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Name     string `json:"name"`
	Relation string `json:"relation" doc:"the link between the intermediary and the suggestion, in words"`
	Kind     string `json:"kind" doc:"author, post, attended, about, affiliation, knows or nomination"`
	Count    int    `json:"count"`
}

var orders = []string{"combined", "relations", "publications", "nominations"}

func (s *server) getKeyActors(w http.ResponseWriter, r *http.Request) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	desc, err := boolParam(r, "descendants")
	if err != nil {
		return err
	}
	order, err := choice(r, "order", orders)
	if err != nil {
		return err
	}
	st := stateOf(r)
	res, err := s.disc.KeyActors(r.Context(), st.viewer, discovery.KeyActorsInput{
		Tag: r.PathValue("slug"), Descendants: desc, Order: graph.ParseOrder(order), Limit: lim})
	if err != nil {
		return err
	}
	out := keyActorsJSON{Tag: tagRef(*res.Tag), Order: res.Order.String(),
		Actors: make([]keyActorJSON, len(res.Actors))}
	for i, a := range res.Actors {
		j := keyActorJSON{Type: a.Type, ID: a.ID, Name: a.Name, Score: a.Score, Publications: a.Publications,
			RecentPublications: a.Recent, Relations: a.Relations, Nominations: a.Nominations, Communities: a.Communities,
			Discussions: a.Discussions, Tagged: a.Tagged, Centrality: a.Centrality, Known: []personJSON{},
			Reasons: discovery.Reasons(a, res.Tag.Label, st.l)}
		for _, p := range a.KnownPeople {
			j.Known = append(j.Known, personJSON{ID: p.ID, Name: p.Name})
		}
		out.Actors[i] = j
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) userSecondDegree(w http.ResponseWriter, r *http.Request) error {
	return s.secondDegree(w, r, []graph.NodeRef{{Kind: graph.KindUser, ID: r.PathValue("id")}})
}

func (s *server) organizationSecondDegree(w http.ResponseWriter, r *http.Request) error {
	return s.secondDegree(w, r, []graph.NodeRef{{Kind: graph.KindOrganization, ID: r.PathValue("id")}})
}

// maxSelection bounds the actors a selection starts from.
const maxSelection = 50

// selectionSecondDegree starts from a selection: from=user:ID,
// from=organization:ID, repeated or comma-separated; without one, from
// the caller.
func (s *server) selectionSecondDegree(w http.ResponseWriter, r *http.Request) error {
	var from []graph.NodeRef
	for _, v := range r.URL.Query()["from"] {
		for _, part := range strings.Split(v, ",") {
			kind, id, ok := strings.Cut(strings.TrimSpace(part), ":")
			k, known := graph.ParseKind(kind)
			if !ok || !known || !k.IsActor() || id == "" {
				return invalid("api.bad_param", map[string]any{"Param": "from"}, "from")
			}
			from = append(from, graph.NodeRef{Kind: k, ID: id})
		}
	}
	if v := viewerOf(r); len(from) == 0 && v.SignedIn() {
		// No selection: the caller's own second degree.
		from = []graph.NodeRef{{Kind: graph.KindUser, ID: v.UserID}}
	}
	if len(from) == 0 || len(from) > maxSelection {
		return invalid("api.bad_param", map[string]any{"Param": "from"}, "from")
	}
	return s.secondDegree(w, r, from)
}

func (s *server) secondDegree(w http.ResponseWriter, r *http.Request, from []graph.NodeRef) error {
	lim, err := limitOf(r)
	if err != nil {
		return err
	}
	desc, err := boolParam(r, "descendants")
	if err != nil {
		return err
	}
	st := stateOf(r)
	list, _, err := s.disc.SecondDegree(r.Context(), st.viewer, discovery.SecondDegreeInput{
		From: from, Tag: strings.TrimSpace(r.URL.Query().Get("tag")), Descendants: desc, Limit: lim})
	if err != nil {
		return err
	}
	out := secondDegreeJSON{People: make([]suggestionJSON, len(list))}
	for i, sg := range list {
		j := suggestionJSON{Type: sg.Type, ID: sg.ID, Name: sg.Name, Score: sg.Score, Via: make([]viaJSON, len(sg.Via))}
		for k, v := range sg.Via {
			j.Via[k] = viaJSON{Type: v.Type, ID: v.ID, Name: v.Name, Relation: discovery.Relation(v, st.l),
				Kind: v.Kind.String(), Count: v.Count}
		}
		out.People[i] = j
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}
