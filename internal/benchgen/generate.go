// Package benchgen generates the data sets Maillage's benchmarks run on
// (`maillage bench generate`): people, organisations, communities with
// their discussions, notes in French with real word frequencies, notebooks,
// knowledge bases, tags and follows, in the proportions and with the
// power-law degrees and thematic clusters of a live instance.
//
// It writes through the store's bulk loader (multi-row INSERTs in large
// transactions) rather than the services, so a hundred thousand people
// take seconds, not hours of password hashing; every derived column the
// services fill (folded keys, slugs, positions, revisions, accepted
// invitations behind co-authors and members) is filled the same way, so
// the application reads generated data exactly as data people typed.
// The starter taxonomy is loaded first through the service, as a new
// instance does.
package benchgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// Password is the password of every generated account; they all share one
// hash (PasswordHash), computed once with the application's argon2id
// settings.
const Password = "maillage-bench-2026"

// PasswordHash is Password hashed with auth.DefaultParams (a test checks it).
const PasswordHash = "$argon2id$v=19$m=19456,t=2,p=1$c5od7fvfa6TcH3kDq7MaSw$5lZjSMELkhRDftUiLnaU5sALOK4txrq1Jf3VqBxkG1c"

// AdminEmail is the generated platform administrator's address.
const AdminEmail = "admin@bench.exemple.org"

// DefaultSeed is the seed used when none is given.
const DefaultSeed = 20261201

// ErrNotEmpty is returned (wrapped) when the database already holds data.
var ErrNotEmpty = errors.New("the database is not empty")

// Options configure a generation.
type Options struct {
	Profile Profile
	// Seed fixes every random choice: the same seed and profile give the
	// same data (IDs and times included).
	Seed uint64
	// Dictionary is a word list for the long tail of the text
	// (DefaultDictionary); empty or missing: the embedded words only.
	Dictionary string
	// Log receives a line per step; nil for none.
	Log io.Writer
}

// End is the moment generated data was "last written": every time in the
// data set falls in the three years before it, so runs are reproducible.
var End = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// span is how far back generated data goes.
const span = 3 * 365 * 24 * time.Hour

// Random streams: each part of the data set draws from its own sequence.
const (
	streamDictionary = iota + 1
	streamPeople
	streamTags
	streamOrganizations
	streamCommunities
	streamDiscussion
	streamNotes
	streamCollections
	streamFollows
	// streamText + i is note i's text.
	streamText = 1 << 32
)

// Generate fills the empty database behind s with the profile's data set.
// It refuses a database that holds anything (ErrNotEmpty).
func Generate(ctx context.Context, s *service.Service, opts Options) (*Summary, error) {
	began := time.Now()
	db := s.DB()
	counts, err := db.CountRows(ctx, store.ContentTables())
	if err != nil {
		return nil, err
	}
	for _, t := range store.ContentTables() {
		if counts[t] > 0 {
			return nil, fmt.Errorf("%w (%d rows in %s)", ErrNotEmpty, counts[t], t)
		}
	}
	if opts.Profile.People < 10 || opts.Profile.Organizations < 1 || opts.Profile.Notes < 1 {
		return nil, fmt.Errorf("profile %q is too small", opts.Profile.Name)
	}
	v, err := loadVocab(opts.Dictionary, opts.Seed)
	if err != nil {
		return nil, err
	}
	g := &gen{s: s, db: db, opts: opts, v: v, themes: themes(), counts: map[string]int64{}, logw: opts.Log}
	g.start = End.Add(-span)
	tw := make([]float64, len(g.themes))
	for i, t := range g.themes {
		tw[i] = t.weight
	}
	g.themePick = newWeighted(tw)
	steps := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"taxonomy", g.stepTaxonomy},
		{"people", g.stepPeople},
		{"organizations", g.stepOrganizations},
		{"communities", g.stepCommunities},
		{"discussions", g.stepDiscussions},
		{"notes", g.stepNotes},
		{"notebooks and knowledge bases", g.stepCollections},
		{"follows", g.stepFollows},
		{"statistics", func(ctx context.Context) error { return db.Analyze(ctx) }},
	}
	for _, st := range steps {
		t0 := time.Now()
		if err := st.fn(ctx); err != nil {
			return nil, fmt.Errorf("generate %s: %w", st.name, err)
		}
		g.logf("%-30s %8.1fs", st.name, time.Since(t0).Seconds())
	}
	return g.summary(ctx, time.Since(began))
}

// gen is one generation under way: the world planned so far, in memory.
type gen struct {
	s      *service.Service
	db     *store.DB
	opts   Options
	v      *vocab
	logw   io.Writer
	start  time.Time
	themes []theme
	// themePick draws a theme by popularity.
	themePick *weighted
	tags      tagSet
	people    []person
	adminID   string
	// byTheme lists people per theme, most prolific authors first;
	// authorPick and themeAuthors draw authors with a power law.
	byTheme      [][]int32
	authorRank   []int32
	authorPick   *weighted
	themeAuthors []*weighted
	orgs         []org
	orgsByTheme  [][]int32
	comms        []community
	commsByTheme [][]int32
	notesMeta    []noteMeta
	// publicByTheme lists public notes per theme, oldest first.
	publicByTheme [][]int32
	notebooks     []notebook
	counts        map[string]int64
}

func (g *gen) logf(format string, a ...any) {
	if g.logw != nil {
		fmt.Fprintf(g.logw, format+"\n", a...)
	}
}

func (g *gen) rand(stream uint64) *rand.Rand { return newRand(g.opts.Seed, stream) }

// insert writes rows and counts them.
func (g *gen) insert(ctx context.Context, b *store.BulkTx, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := b.Insert(ctx, table, columns, rows); err != nil {
		return err
	}
	g.counts[table] += int64(len(rows))
	return nil
}

// after returns a moment between t (at least start) and End, closer to t
// when r draws small.
func (g *gen) after(r *rand.Rand, t time.Time) time.Time {
	if t.Before(g.start) {
		t = g.start
	}
	d := End.Sub(t)
	if d <= 0 {
		return End
	}
	return t.Add(time.Duration(r.Int64N(int64(d)))).Truncate(time.Millisecond)
}

// soon returns a moment shortly after t (minutes to days), before End.
func soon(r *rand.Rand, t time.Time) time.Time {
	u := t.Add(time.Duration(r.Int64N(int64(72*time.Hour))) + time.Minute).Truncate(time.Millisecond)
	if u.After(End) {
		return End
	}
	return u
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// nullable turns "" into NULL for a foreign key column.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
