package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

// TestBulkLoad: rows go in by many-row statements (more rows than one
// statement takes, and a last partial one), text is cleaned as for every
// query, a failing load leaves nothing, and names that are not plain
// identifiers are refused.
func TestBulkLoad(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cols := []string{"id", "slug", "key", "label", "kind", "created_at"}
	rows := make([][]any, 0, 1234)
	for i := range 1234 {
		rows = append(rows, []any{fmt.Sprintf("t%04d", i), fmt.Sprintf("s%04d", i), fmt.Sprintf("k%04d", i),
			fmt.Sprintf("étiquette\x00 %d", i), "free", now})
	}
	err := db.BulkLoad(ctx, func(b *store.BulkTx) error {
		if err := b.Insert(ctx, "tags", cols, rows); err != nil {
			return err
		}
		if b.Rows() != int64(len(rows)) {
			t.Errorf("Rows() = %d, want %d", b.Rows(), len(rows))
		}
		return b.BumpTaxonomy(ctx, len(rows))
	})
	if err != nil {
		t.Fatal(err)
	}
	counts, err := db.CountRows(ctx, []string{"tags"})
	if err != nil || counts["tags"] != int64(len(rows)) {
		t.Fatalf("tags: %v, %v", counts, err)
	}
	if v, err := db.TaxonomyVersion(ctx); err != nil || v != int64(len(rows)) {
		t.Errorf("taxonomy version %d, %v", v, err)
	}
	tag, err := db.TagBySlug(ctx, "s1233")
	if err != nil || tag.Label != "étiquette 1233" || !tag.CreatedAt.Equal(now) {
		t.Errorf("last tag: %+v, %v", tag, err)
	}

	// A failure rolls the whole load back.
	boom := errors.New("boom")
	err = db.BulkLoad(ctx, func(b *store.BulkTx) error {
		if err := b.Insert(ctx, "tags", cols, [][]any{{"x1", "x1", "x1", "x", "free", now}}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("load: %v", err)
	}
	// A duplicate key fails the statement.
	err = db.BulkLoad(ctx, func(b *store.BulkTx) error { return b.Insert(ctx, "tags", cols, rows[:1]) })
	if err == nil {
		t.Error("a duplicate row went in")
	}
	if counts, _ := db.CountRows(ctx, []string{"tags"}); counts["tags"] != int64(len(rows)) {
		t.Errorf("after failed loads: %d tags", counts["tags"])
	}
	for _, bad := range [][2]string{{"tags; DROP TABLE users", "id"}, {"tags", "id) VALUES (1); --"}} {
		err := db.BulkLoad(ctx, func(b *store.BulkTx) error { return b.Insert(ctx, bad[0], []string{bad[1]}, [][]any{{"x"}}) })
		if err == nil {
			t.Errorf("bulk insert into %q (%q) accepted", bad[0], bad[1])
		}
	}
	if _, err := db.CountRows(ctx, []string{"users x"}); err == nil {
		t.Error("count of a bad table name accepted")
	}
}
