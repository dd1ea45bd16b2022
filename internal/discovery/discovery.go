// Package discovery answers the question Maillage exists for: who are
// the key people and organisations on a theme, why, and whom do they
// know. It reads the relation graph (package graph, kept current by
// graphindex) as the viewer may see it, and resolves themes through the
// taxonomy, so a synonym or an old slug names the same theme and a tag
// the viewer may not know of answers like an absent one.
package discovery

import (
	"context"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/graph"
	"github.com/maillage/maillage/internal/graphindex"
	"github.com/maillage/maillage/internal/maillage"
)

// Themes resolves a tag named by a slug or label into the theme's tag
// IDs (the tag first, then its descendants when asked), or a not-found
// error when the viewer may not see it. *service.Service is one.
type Themes interface {
	ThemeTags(ctx context.Context, v maillage.Viewer, name string, descendants bool) (*maillage.Tag, []string, error)
}

// Discovery ranks actors and suggests people from the relation graph.
type Discovery struct {
	live   *graphindex.Live
	themes Themes
	now    func() time.Time
}

// New returns discovery over a live graph.
func New(live *graphindex.Live, themes Themes) *Discovery {
	return &Discovery{live: live, themes: themes, now: time.Now}
}

// Limits of the answers.
const (
	DefaultLimit = 20
	MaxLimit     = 100
	// RecentActivity is what counts as recent in a ranking's reasons.
	RecentActivity = 90 * 24 * time.Hour
)

// Person names someone or something in an answer.
type Person struct {
	Type string // "user", "organization" or "actor"
	ID   string
	Name string
}

// Actor is a key actor with what the score rests on; Reasons turns it
// into sentences.
type Actor struct {
	Person
	graph.KeyActor
	// KnownPeople are people the viewer is linked with who are linked to
	// the actor (at most 3; KnownCount counts them all).
	KnownPeople []Person
}

// KeyActorsInput asks for the key actors of a theme.
type KeyActorsInput struct {
	Tag         string
	Descendants bool
	Order       graph.Order
	Limit       int
}

// KeyActors is a ranking of a theme's actors.
type KeyActors struct {
	Tag    *maillage.Tag
	Order  graph.Order
	Actors []Actor
}

func clampLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// viewerNode is the viewer's own node, or -1.
func viewerNode(g *graph.Graph, v maillage.Viewer) int32 {
	if !v.SignedIn() {
		return -1
	}
	if i, ok := g.Node(graph.NodeRef{Kind: graph.KindUser, ID: v.UserID}); ok {
		return i
	}
	return -1
}

// tagNodes are the graph nodes of the theme's tags.
func tagNodes(g *graph.Graph, ids []string) []int32 {
	out := make([]int32, 0, len(ids))
	for _, id := range ids {
		if i, ok := g.Node(graph.NodeRef{Kind: graph.KindTag, ID: id}); ok {
			out = append(out, i)
		}
	}
	return out
}

func person(g *graph.Graph, i int32) Person {
	r := g.Ref(i)
	return Person{Type: r.Kind.String(), ID: r.ID, Name: g.Label(i)}
}

// KeyActors ranks the people, organisations and actor cards of a theme
// for the viewer: the viewer-independent centrality is computed once per
// graph and theme; publications, relations, memberships and nominations
// are counted as the viewer may see them.
func (d *Discovery) KeyActors(ctx context.Context, v maillage.Viewer, in KeyActorsInput) (*KeyActors, error) {
	tag, ids, err := d.themes.ThemeTags(ctx, v, in.Tag, in.Descendants)
	if err != nil {
		return nil, err
	}
	g, err := d.live.Graph(ctx)
	if err != nil {
		return nil, fmt.Errorf("key actors: %w", err)
	}
	tags := tagNodes(g, ids)
	out := &KeyActors{Tag: tag, Order: in.Order}
	if len(tags) == 0 {
		return out, nil
	}
	s := g.Sight(v.AudienceKeys())
	list := g.KeyActors(s, graph.ThemeQuery{
		Tags: tags, Viewer: viewerNode(g, v), Now: d.now(), Recent: RecentActivity,
		Order: in.Order, Limit: clampLimit(in.Limit), Centrality: d.live.Centrality(g, tags),
	})
	out.Actors = make([]Actor, len(list))
	for i, a := range list {
		out.Actors[i] = Actor{Person: person(g, a.Node), KeyActor: a}
		for _, k := range a.Known {
			out.Actors[i].KnownPeople = append(out.Actors[i].KnownPeople, person(g, k))
		}
	}
	return out, nil
}

// SecondDegreeInput asks for the actors two steps from some actors.
type SecondDegreeInput struct {
	From []graph.NodeRef
	// Tag keeps the suggestions on a theme (with its descendants when
	// Descendants is set); empty keeps every suggestion.
	Tag         string
	Descendants bool
	Limit       int
}

// Suggestion is a second-degree actor with the paths that explain it.
type Suggestion struct {
	Person
	Score float64
	Via   []Via
}

// Via is one path: the intermediary, the relation between it and the
// suggestion, and how many times they are linked that way.
type Via struct {
	Person
	Kind  graph.EdgeKind
	Count int
}

// SecondDegree suggests the people and organisations linked to the
// starting actors' relations whom the viewer has no link with yet. A
// starting actor the viewer may not see answers like an absent one.
func (d *Discovery) SecondDegree(ctx context.Context, v maillage.Viewer, in SecondDegreeInput) ([]Suggestion, *maillage.Tag, error) {
	var tag *maillage.Tag
	var ids []string
	if in.Tag != "" {
		var err error
		if tag, ids, err = d.themes.ThemeTags(ctx, v, in.Tag, in.Descendants); err != nil {
			return nil, nil, err
		}
	}
	g, err := d.live.Graph(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("second degree: %w", err)
	}
	s := g.Sight(v.AudienceKeys())
	var from []int32
	for _, r := range in.From {
		i, ok := g.Node(r)
		if !ok || !s.Node(i) || !r.Kind.IsActor() {
			return nil, nil, maillage.ErrNotFound
		}
		from = append(from, i)
	}
	q := graph.SecondQuery{From: from, Viewer: viewerNode(g, v), Limit: clampLimit(in.Limit)}
	if tag != nil {
		if q.Tags = tagNodes(g, ids); len(q.Tags) == 0 {
			return nil, tag, nil
		}
	}
	list := g.SecondDegree(s, q)
	out := make([]Suggestion, len(list))
	for i, sg := range list {
		out[i] = Suggestion{Person: person(g, sg.Node), Score: sg.Score}
		for _, via := range sg.Via {
			out[i].Via = append(out[i].Via, Via{Person: person(g, via.Node), Kind: via.Kind, Count: via.Count})
		}
	}
	return out, tag, nil
}
