package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestConcurrentReadThenWrite runs many transactions that read then
// write at once, with readers alongside. Deferred SQLite transactions fail
// this way with "database is locked" whatever busy_timeout says; the
// single IMMEDIATE writer must make every one of them succeed.
func TestConcurrentReadThenWrite(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	const writers = 100
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers)
	for i := 0; i < writers; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			errs <- db.Update(ctx, func(tx *store.Tx) error {
				if _, err := tx.SimilarOrganizations(ctx, "Coop", "", ""); err != nil {
					return err
				}
				return tx.CreateOrganization(ctx, &maillage.Organization{ID: auth.NewID(), Name: fmt.Sprintf("Coop %d", i)})
			})
		}(i)
		go func() {
			defer wg.Done()
			_, _, err := db.Organizations(ctx, store.OrganizationFilter{Query: "coop"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	failed := 0
	for err := range errs {
		if err != nil {
			failed++
			t.Log(err)
		}
	}
	if failed > 0 {
		t.Fatalf("%d of %d concurrent operations failed", failed, 2*writers)
	}
	if _, total, _ := db.Organizations(ctx, store.OrganizationFilter{}); total != writers {
		t.Fatalf("%d organisations written, want %d", total, writers)
	}
}
