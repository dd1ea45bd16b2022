package searchindex

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/search"
	"github.com/maillage/maillage/internal/store"
)

// fakeSource is a store whose change log the test writes, with commits
// seen out of order as on PostgreSQL.
type fakeSource struct {
	mu      sync.Mutex
	docs    map[string]search.Document // by ID
	log     []store.SearchChange       // visible (committed) changes
	first   int64                      // lowest number still in the log
	loads   int                        // full walks (builds)
	badNext bool                       // AffectedSearchDocuments fails once
}

func newFake() *fakeSource { return &fakeSource{docs: map[string]search.Document{}} }

func doc(id, title string) search.Document {
	return search.Document{Kind: search.KindNote, ID: id, Title: title, Audiences: [][]string{{"everyone"}}}
}

// commit makes a change visible under its number, as a transaction
// committing would.
func (f *fakeSource) commit(seq int64, d *search.Document, id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d != nil {
		f.docs[d.ID] = *d
	} else {
		delete(f.docs, id)
	}
	f.log = append(f.log, store.SearchChange{Seq: seq, Source: "note", ItemID: id})
	slices.SortFunc(f.log, func(a, b store.SearchChange) int { return int(a.Seq - b.Seq) })
}

func (f *fakeSource) LastSearchChange(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.log) == 0 {
		return 0, nil
	}
	return f.log[len(f.log)-1].Seq, nil
}

func (f *fakeSource) FirstSearchChange(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.first > 0 {
		return f.first, nil
	}
	if len(f.log) == 0 {
		return 0, nil
	}
	return f.log[0].Seq, nil
}

func (f *fakeSource) SearchChanges(_ context.Context, after int64, limit int) ([]store.SearchChange, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.SearchChange
	for _, c := range f.log {
		if c.Seq > after && len(out) < limit {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeSource) AffectedSearchDocuments(_ context.Context, cs []store.SearchChange) ([]store.SearchDocRef, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.badNext {
		f.badNext = false
		return nil, errors.New("unknown source")
	}
	var out []store.SearchDocRef
	for _, c := range cs {
		if c.Source == "note" {
			out = append(out, store.SearchDocRef{Kind: search.KindNote, ID: c.ItemID})
		}
	}
	return out, nil
}

func (f *fakeSource) SearchDocuments(_ context.Context, refs []store.SearchDocRef) ([]search.Document, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []search.Document
	for _, r := range refs {
		if d, ok := f.docs[r.ID]; ok {
			out = append(out, d)
		}
	}
	return out, nil
}

func (f *fakeSource) EachSearchDocument(_ context.Context, kind search.Kind, _ int, fn func([]search.Document) error) error {
	f.mu.Lock()
	var docs []search.Document
	if kind == search.KindNote {
		f.loads++
		for _, d := range f.docs {
			docs = append(docs, d)
		}
	}
	f.mu.Unlock()
	if len(docs) == 0 {
		return nil
	}
	return fn(docs)
}

func found(t *testing.T, l *Live, text string) []string {
	t.Helper()
	res, err := l.Search(context.Background(), search.Query{Text: text, Audience: []string{"everyone"}, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// clock is a test clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func TestLiveFollowsTheLogAndItsGaps(t *testing.T) {
	f := newFake()
	a := doc("a", "coopérative d'habitation")
	f.commit(1, &a, "a")
	clk := &clock{now: time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)}
	l := New(f, Options{GapWait: 30 * time.Second, Now: clk.Now})
	if _, err := l.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := found(t, l, "coopérative"); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("after build: %v", got)
	}
	// Number 3 commits before number 2 (PostgreSQL): 3 is applied at
	// once, and 2 is still picked up when it commits.
	c := doc("c", "vélo-cargo")
	f.commit(3, &c, "c")
	if got := found(t, l, "vélo"); !slices.Equal(got, []string{"c"}) {
		t.Fatalf("change 3: %v", got)
	}
	b := doc("b", "vélo de montagne")
	clk.add(10 * time.Second)
	f.commit(2, &b, "b")
	if got := found(t, l, "vélo"); len(got) != 2 {
		t.Fatalf("change 2 committed after 3: %v", got)
	}
	// A number that never commits (a rollback) is given up after GapWait,
	// and the mark moves past it.
	d := doc("d", "jardin")
	f.commit(5, &d, "d")
	found(t, l, "jardin")
	if l.mark != 3 {
		t.Fatalf("mark %d with 4 missing, want 3", l.mark)
	}
	clk.add(31 * time.Second)
	found(t, l, "jardin")
	if l.mark != 5 {
		t.Fatalf("mark %d once 4 is given up, want 5", l.mark)
	}
	// A deletion removes the document.
	f.commit(6, nil, "a")
	if got := found(t, l, "coopérative"); len(got) != 0 {
		t.Fatalf("deleted document still found: %v", got)
	}
}

func TestLiveRebuildsWhenAskedOrWhenItMissedChanges(t *testing.T) {
	f := newFake()
	a := doc("a", "économie sociale")
	f.commit(1, &a, "a")
	l := New(f, Options{})
	if _, err := l.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitLoads := func(n int) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			f.mu.Lock()
			loads := f.loads
			f.mu.Unlock()
			if loads >= n {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatalf("no rebuild: %d builds, want %d", f.loads, n)
	}
	// The rebuild command's entry.
	f.mu.Lock()
	f.log = append(f.log, store.SearchChange{Seq: 2, Source: store.SearchSourceAll})
	f.mu.Unlock()
	found(t, l, "économie")
	waitLoads(2)
	// Changes this index never read were pruned.
	f.mu.Lock()
	f.log = nil
	f.first = 50
	f.mu.Unlock()
	if err := l.followOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitLoads(3)
	// A change it does not understand.
	b := doc("b", "économie circulaire")
	f.mu.Lock()
	f.first, f.badNext = 0, true
	f.mu.Unlock()
	f.commit(60, &b, "b")
	found(t, l, "économie")
	waitLoads(4)
}
