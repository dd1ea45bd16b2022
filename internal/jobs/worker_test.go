package jobs_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/store"
	"github.com/maillage/maillage/internal/testutil"
)

func TestWorkerRunsRetriesAndGivesUp(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }

	var ok, flaky atomic.Int32
	w := &jobs.Worker{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Handlers: map[string]jobs.Handler{
		"ok": func(ctx context.Context, p json.RawMessage) error {
			var v struct{ N int }
			if err := json.Unmarshal(p, &v); err != nil || v.N != 7 {
				t.Errorf("payload: %s %v", p, err)
			}
			ok.Add(1)
			return nil
		},
		"flaky":  func(context.Context, json.RawMessage) error { flaky.Add(1); return errors.New("smtp down") },
		"panics": func(context.Context, json.RawMessage) error { panic("boom") },
	}}
	err := db.Update(ctx, func(tx *store.Tx) error {
		for _, k := range []string{"ok", "flaky", "panics", "unknown"} {
			if err := tx.Enqueue(ctx, k, map[string]int{"N": 7}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if ok.Load() != 1 || flaky.Load() != 1 {
		t.Fatalf("first pass: ok=%d flaky=%d", ok.Load(), flaky.Load())
	}
	// Failed jobs wait for their backoff: nothing runs before it.
	if n, _ := w.RunDue(ctx); n != 0 {
		t.Fatalf("a failed job ran again before its backoff: %d", n)
	}
	// Jump past every backoff until the flaky job has used its 8 attempts.
	for i := 0; i < 10; i++ {
		now = now.Add(7 * time.Hour)
		if err := w.Drain(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if flaky.Load() != 8 {
		t.Fatalf("flaky job ran %d times, want 8 attempts", flaky.Load())
	}
	s, err := db.JobCounts(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Done != 1 || s.Failed != 3 || s.Pending != 0 {
		t.Fatalf("job states: %+v", s)
	}
	// A done job keeps no payload (emails carry one-time links).
	if n, err := db.JobsWithPayload(ctx, "ok"); err != nil || n != 0 {
		t.Fatalf("a done job kept its payload: %d %v", n, err)
	}
}

func TestBackoffGrowsAndIsBounded(t *testing.T) {
	prev := time.Duration(0)
	for n := 1; n <= 12; n++ {
		d := jobs.Backoff(n)
		if d < prev*5/4-time.Second && n < 10 {
			t.Errorf("attempt %d: %v shorter than before (%v)", n, d, prev)
		}
		if d > 6*time.Hour*6/5 {
			t.Errorf("attempt %d: %v over the cap", n, d)
		}
		prev = d
	}
}

func TestEnqueueRollsBackWithItsChange(t *testing.T) {
	ctx := context.Background()
	db := testutil.OpenDB(t)
	_ = db.Update(ctx, func(tx *store.Tx) error {
		if err := tx.Enqueue(ctx, "ok", nil); err != nil {
			return err
		}
		return errors.New("the change failed")
	})
	if s, _ := db.JobCounts(ctx, ""); s.Pending != 0 {
		t.Fatalf("a job outlived its rolled-back change: %+v", s)
	}
}
