package discovery

import (
	"strings"

	"github.com/maillage/maillage/internal/graph"
)

// Localizer translates (an *i18n.Localizer).
type Localizer interface {
	T(id string, data ...map[string]any) string
	N(id string, count int, data map[string]any) string
}

// strongCentrality is the share of the best centrality from which an
// actor is said to be at the heart of the theme's public network.
const strongCentrality = 0.5

// Reasons says in sentences why an actor ranks where it does, in the
// order people read them: what they published, whom they are linked
// with, who named them, where they take part, who the viewer knows
// there. Every count is one the viewer may see.
func Reasons(a Actor, tagLabel string, loc Localizer) []string {
	data := map[string]any{"Tag": tagLabel}
	var out []string
	if a.Publications > 0 {
		id := "discovery.reason.publications"
		if a.Type != "user" {
			id = "discovery.reason.publications_about"
		}
		s := loc.N(id, a.Publications, data)
		if a.Recent > 0 {
			s += loc.N("discovery.reason.recent", a.Recent, nil)
		}
		out = append(out, s)
	}
	if a.Relations > 0 {
		out = append(out, loc.N("discovery.reason.relations", a.Relations, nil))
	}
	if a.Nominations > 0 {
		out = append(out, loc.N("discovery.reason.nominations", a.Nominations, nil))
	}
	if a.Communities > 0 {
		out = append(out, loc.N("discovery.reason.communities", a.Communities, nil))
	}
	if a.Discussions > 0 {
		out = append(out, loc.N("discovery.reason.discussions", a.Discussions, nil))
	}
	if a.Tagged {
		out = append(out, loc.T("discovery.reason.tagged_"+a.Type, data))
	}
	if a.Centrality >= strongCentrality {
		out = append(out, loc.T("discovery.reason.central", data))
	}
	if a.KnownCount > 0 {
		names := make([]string, len(a.KnownPeople))
		for i, p := range a.KnownPeople {
			names[i] = p.Name
		}
		out = append(out, loc.N("discovery.reason.known", a.KnownCount, map[string]any{"Names": strings.Join(names, ", ")}))
	}
	return out
}

// Relation says in words how an intermediary is linked to a suggestion
// ("co-wrote 3 notes"), without the intermediary's name.
func Relation(v Via, loc Localizer) string {
	switch v.Kind {
	case graph.EdgeAuthor:
		return loc.N("discovery.via.author", v.Count, nil)
	case graph.EdgePost:
		return loc.N("discovery.via.post", v.Count, nil)
	case graph.EdgeAttended:
		return loc.N("discovery.via.attended", v.Count, nil)
	case graph.EdgeAbout:
		return loc.N("discovery.via.about", v.Count, nil)
	case graph.EdgeAffiliation:
		return loc.T("discovery.via.affiliation")
	case graph.EdgeKnows:
		return loc.T("discovery.via.knows")
	case graph.EdgeNomination:
		return loc.T("discovery.via.nomination")
	}
	return loc.T("discovery.via.generic")
}

// Path is a whole path in words: "via Léa Tremblay: co-wrote 3 notes".
func Path(v Via, loc Localizer) string {
	return loc.T("discovery.via.path", map[string]any{"Name": v.Name, "Relation": Relation(v, loc)})
}
