package search

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentSearchAndUpsert runs searches while documents are added,
// replaced and deleted (and the index compacts itself). Run with -race.
// Every answer must be consistent: as many hits as the page allows, all
// of them visible.
func TestConcurrentSearchAndUpsert(t *testing.T) {
	ix := New()
	var base []Document
	for i := range 500 {
		base = append(base, note(fmt.Sprint(i), fmt.Sprintf("Vélo numéro %d", i), "Économie sociale et mobilité durable."))
	}
	ix.Upsert(base...)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				q := Query{Text: []string{"vélo", "économie sociale", "mob", `"mobilité durable"`, "velo -secret"}[i%5],
					AsYouType: i%2 == 0, Audience: everyone, Facets: w == 0, Limit: 10}
				r := ix.Search(q)
				if r.Total > 0 && len(r.Hits) != min(10, r.Total) {
					t.Errorf("total %d, %d hits", r.Total, len(r.Hits))
					return
				}
				for _, h := range r.Hits {
					if h.ID == "secret" {
						t.Errorf("hidden document returned")
						return
					}
				}
			}
		}()
	}
	for round := range 20 {
		var batch []Document
		for i := range 300 {
			batch = append(batch, note(fmt.Sprint(i), fmt.Sprintf("Vélo tour %d", round), "Mobilité durable."))
		}
		ix.Upsert(batch...)
		ix.Upsert(Document{Kind: KindNote, ID: "secret", Title: "Vélo secret", Audiences: [][]string{{"owner:x"}}})
		ix.Delete(KindNote, fmt.Sprint(400+round))
		_ = ix.Stats()
	}
	close(stop)
	wg.Wait()
	if n := ix.Len(); n != 500-20+1 {
		t.Errorf("Len = %d", n)
	}
}
