package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"
)

// searchRebuild builds the search index from the store, as every server
// does when it starts, reports what it holds, and asks running servers on
// the same database to rebuild theirs (through the change log they follow).
func searchRebuild(ctx context.Context, flags []string, stdout io.Writer, logger *slog.Logger) error {
	m, err := storeCommand(ctx, "search rebuild", flags, logger, nil)
	if err != nil {
		return err
	}
	defer m.Close()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	st, err := m.Service.SearchIndex().Build(ctx)
	if err != nil {
		return err
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if err := m.DB.LogSearchRebuild(ctx); err != nil {
		return err
	}
	rate := 0.0
	if s := st.Duration.Seconds(); s > 0 {
		rate = float64(st.Docs) / s
	}
	heap := int64(after.HeapInuse) - int64(before.HeapInuse)
	fmt.Fprintf(stdout, "search index: %d documents in %s (%.0f documents/s), %d terms, index heap %.1f MiB\n",
		st.Docs, st.Duration.Round(time.Millisecond), rate, st.Stats.Terms, float64(max(heap, 0))/(1<<20))
	fmt.Fprintln(stdout, "running servers on this database rebuild their index in the background")
	return nil
}
