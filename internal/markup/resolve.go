package markup

import (
	"github.com/yuin/goldmark/ast"
)

// maxLookups bounds the distinct wiki link titles, and separately the
// distinct people, one render asks the Resolver about: a body stuffed with
// thousands of different targets must not turn one page view into
// thousands of queries. Past it, targets render as missing.
const maxLookups = 1000

// MapResolver is a Resolver over answers prepared in advance, typically by
// one query for every title and person that Links found in a body, already
// filtered for the viewer. Absent keys resolve as missing.
type MapResolver struct {
	Notes  map[string]string // wiki link title as typed -> href
	People map[string]string // user ID -> display name
	// Hidden is how a mention of anyone not in People reads, in the
	// reader's language ("un·e membre"); empty reads DefaultHiddenPerson.
	Hidden string
}

// NoteByTitle implements Resolver.
func (m MapResolver) NoteByTitle(title string) (string, bool) {
	href, ok := m.Notes[title]
	return href, ok
}

// Person implements Resolver.
func (m MapResolver) Person(id string) (string, bool) {
	name, ok := m.People[id]
	return name, ok
}

// HiddenPerson implements HiddenPersonNamer.
func (m MapResolver) HiddenPerson() string { return m.Hidden }

type answer struct {
	value string
	ok    bool
}

// resolve fills the wiki links and mentions of doc for the viewer res
// answers for, asking res once per distinct target.
func resolve(doc ast.Node, res Resolver) {
	notes := map[string]answer{}
	people := map[string]answer{}
	inLink := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Link:
			if entering {
				inLink++
			} else {
				inLink--
			}
		case *wikiLink:
			if !entering {
				break
			}
			n.InLink = inLink > 0
			a := lookup(notes, n.Title, func(title string) (string, bool) {
				if res == nil {
					return "", false
				}
				return res.NoteByTitle(title)
			})
			n.Href, n.Resolved = a.value, a.ok && a.value != ""
		case *mention:
			if !entering {
				break
			}
			n.InLink = inLink > 0
			a := lookup(people, n.UserID, func(id string) (string, bool) {
				if res == nil {
					return "", false
				}
				return res.Person(id)
			})
			n.Name, n.Resolved = a.value, a.ok && a.value != ""
			if !n.Resolved {
				n.Name = hiddenPerson(res)
			}
		}
		return ast.WalkContinue, nil
	})
}

// lookup answers key from memo, or from ask while fewer than maxLookups
// distinct keys were asked.
func lookup(memo map[string]answer, key string, ask func(string) (string, bool)) answer {
	if a, ok := memo[key]; ok {
		return a
	}
	if len(memo) >= maxLookups {
		return answer{}
	}
	v, ok := ask(key)
	a := answer{value: v, ok: ok}
	memo[key] = a
	return a
}
