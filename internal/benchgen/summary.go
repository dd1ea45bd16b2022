package benchgen

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"
)

// relationTables are the tables whose rows link two things (people,
// organisations, communities, notes, tags ...): the edges of Maillage's
// graph, which the profiles size as "relations".
var relationTables = []string{"organization_members", "user_interests", "community_members", "note_authors", "note_tags",
	"organization_tags", "community_tags", "follows", "note_links", "replies", "notebook_notes", "notebook_members",
	"knowledge_base_notebooks", "knowledge_base_members"}

// Summary tells what a generation wrote.
type Summary struct {
	Profile Profile
	Seed    uint64
	// Rows counts the rows written per table (the starter taxonomy's,
	// loaded through the service, are not counted).
	Rows      map[string]int64
	Relations int64
	Duration  time.Duration
	// Dictionary is the word list the text drew on, "" for the embedded words only.
	Dictionary string
	// SampleEmail is one generated person's address (all share Password).
	SampleEmail string
}

// Total is the number of rows written.
func (s *Summary) Total() int64 {
	var n int64
	for _, c := range s.Rows {
		n += c
	}
	return n
}

func (g *gen) summary(ctx context.Context, d time.Duration) (*Summary, error) {
	s := &Summary{Profile: g.opts.Profile, Seed: g.opts.Seed, Rows: g.counts, Duration: d, Dictionary: g.v.dictionary}
	for _, t := range relationTables {
		s.Relations += g.counts[t]
	}
	if len(g.authorRank) > 0 {
		// The most prolific author: a member with plenty to show.
		s.SampleEmail = g.people[g.authorRank[0]].email
	}
	return s, ctx.Err()
}

// Write prints the summary for the command line.
func (s *Summary) Write(w io.Writer) {
	fmt.Fprintf(w, "profile %s, seed %d: %d rows in %.1fs (%.0f rows/s)\n", s.Profile.Name, s.Seed, s.Total(),
		s.Duration.Seconds(), float64(s.Total())/max(s.Duration.Seconds(), 1e-9))
	tables := make([]string, 0, len(s.Rows))
	for t := range s.Rows {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		fmt.Fprintf(w, "  %-28s %10d\n", t, s.Rows[t])
	}
	fmt.Fprintf(w, "relations (edges of the graph): %d\n", s.Relations)
	if s.Dictionary != "" {
		fmt.Fprintf(w, "long-tail words from %s\n", s.Dictionary)
	} else {
		fmt.Fprintf(w, "long-tail words from the embedded list (install Debian's wfrench for %s)\n", DefaultDictionary)
	}
	fmt.Fprintf(w, "every account's password: %s (administrator: %s", Password, AdminEmail)
	if s.SampleEmail != "" {
		fmt.Fprintf(w, "; a member: %s", s.SampleEmail)
	}
	fmt.Fprintln(w, ")")
}
