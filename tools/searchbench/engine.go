package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/maillage/maillage/internal/search"
)

// engine is one search engine under test. Build indexes the corpus;
// Search answers one query with the total number of visible matches and
// the IDs of the first page.
type engine interface {
	Build(ctx context.Context, docs []search.Document) error
	Search(ctx context.Context, q benchQuery) (total int, ids []string, err error)
	// DiskBytes is what the index takes on disk (0 for in-memory ones).
	DiskBytes(ctx context.Context) (int64, error)
	// Note says how the engine was set up, for the report.
	Note() string
	Close() error
}

// The engine names of --engines.
const (
	engMaillage    = "maillage"
	engBleve       = "bleve"
	engBleveScorch = "bleve-scorch"
	engFTS5        = "fts5"
	engPostgres    = "postgres"
)

// allEngines lists the engines in report order.
func allEngines() []string {
	return []string{engMaillage, engBleve, engBleveScorch, engFTS5, engPostgres}
}

func knownEngine(name string) bool { return slices.Contains(allEngines(), name) }

// newEngine makes an empty engine; scratch is a folder it may write in.
func newEngine(name, scratch string, o options) engine {
	switch name {
	case engMaillage:
		return &maillageEngine{}
	case engBleve:
		return &bleveEngine{}
	case engBleveScorch:
		return &bleveEngine{dir: scratch}
	case engFTS5:
		return &fts5Engine{dir: scratch}
	case engPostgres:
		return &postgresEngine{url: o.PostgresURL}
	}
	return nil
}

// audienceGroups pads a document's audience groups to two, the most any
// kind has (a thread: its community's readers, and its moderation): an
// empty second group is marked with anyAudience, which every viewer holds,
// so each engine checks "one key of group 0 and one of group 1". A
// document with no group is seen by nobody and gets a key nobody holds.
func audienceGroups(d search.Document) (g0, g1 []string) {
	switch len(d.Audiences) {
	case 0:
		return []string{noAudience}, []string{noAudience}
	case 1:
		return d.Audiences[0], []string{anyAudience}
	}
	// checkAudiences made sure no document has more than two groups.
	return d.Audiences[0], d.Audiences[1]
}

// maxAudienceGroups is how many audience groups the engines' schemas hold.
const maxAudienceGroups = 2

// checkAudiences refuses a corpus with more audience groups than the
// engines' schemas hold, rather than showing a document too widely.
func checkAudiences(docs []search.Document) error {
	for _, d := range docs {
		if len(d.Audiences) > maxAudienceGroups {
			return fmt.Errorf("%s %s has %d audience groups; the comparison handles %d",
				d.Kind, d.ID, len(d.Audiences), maxAudienceGroups)
		}
	}
	return nil
}

// Audience keys of the padding groups; neither is a real key
// (maillage.Audience.Key has no such value).
const (
	anyAudience = "any"
	noAudience  = "none"
)

// viewerKeys is the keys a viewer matches the second group with.
func viewerKeys(v *viewer) []string { return append(slices.Clone(v.Keys), anyAudience) }
