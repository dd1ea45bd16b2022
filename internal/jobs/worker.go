// Package jobs runs Maillage's background work (emails, fan-outs,
// maintenance) from the jobs table. Jobs are enqueued by the store in the
// same transaction as the change that causes them; workers claim them with
// a lease, retry failures with exponential backoff and record the last error.
package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/maillage/maillage/internal/store"
)

// Handler runs one job's payload. An error schedules a retry.
type Handler func(ctx context.Context, payload json.RawMessage) error

// Worker claims and runs due jobs.
type Worker struct {
	DB       *store.DB
	Handlers map[string]Handler
	Logger   *slog.Logger
	// Poll is how often an idle worker looks for work (default 1 s).
	Poll time.Duration
	// Concurrency is how many jobs run at once (default 4).
	Concurrency int
	// JobTimeout bounds one job (default 2 min); the lease is longer.
	JobTimeout time.Duration
}

func (w *Worker) defaults() {
	if w.Poll <= 0 {
		w.Poll = time.Second
	}
	if w.Concurrency <= 0 {
		w.Concurrency = 4
	}
	if w.JobTimeout <= 0 {
		w.JobTimeout = 2 * time.Minute
	}
	if w.Logger == nil {
		w.Logger = slog.Default()
	}
}

// Run works until ctx is cancelled, then waits for running jobs to end.
func (w *Worker) Run(ctx context.Context) {
	w.defaults()
	t := time.NewTicker(w.Poll)
	defer t.Stop()
	for {
		n, err := w.RunDue(ctx)
		if err != nil && ctx.Err() == nil {
			w.Logger.Error("jobs: claim", "err", err)
		}
		if n > 0 {
			continue // there may be more waiting
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunDue claims one batch of due jobs, runs it and returns how many ran.
// Tests call it to drain the queue deterministically.
func (w *Worker) RunDue(ctx context.Context) (int, error) {
	w.defaults()
	batch, err := w.DB.ClaimJobs(ctx, w.Concurrency, w.JobTimeout+time.Minute)
	if err != nil {
		return 0, fmt.Errorf("claim jobs: %w", err)
	}
	var wg sync.WaitGroup
	for _, j := range batch {
		wg.Add(1)
		go func(j store.Job) {
			defer wg.Done()
			w.run(context.WithoutCancel(ctx), j)
		}(j)
	}
	wg.Wait()
	return len(batch), nil
}

// Drain runs due jobs until none is left (or ctx ends).
func (w *Worker) Drain(ctx context.Context) error {
	for ctx.Err() == nil {
		n, err := w.RunDue(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
	return ctx.Err()
}

func (w *Worker) run(ctx context.Context, j store.Job) {
	h, ok := w.Handlers[j.Kind]
	var err error
	if !ok {
		err = fmt.Errorf("no handler for job kind %q", j.Kind)
	} else {
		jctx, cancel := context.WithTimeout(ctx, w.JobTimeout)
		err = safeRun(jctx, h, j.Payload)
		cancel()
	}
	if err == nil {
		if err := w.DB.CompleteJob(ctx, j.ID); err != nil {
			w.Logger.Error("jobs: complete", "id", j.ID, "kind", j.Kind, "err", err)
		}
		return
	}
	retryAt := w.DB.Now().Add(Backoff(j.Attempts))
	w.Logger.Warn("jobs: failed", "id", j.ID, "kind", j.Kind, "attempt", j.Attempts, "retry_at", retryAt, "err", err)
	if err := w.DB.RetryJob(ctx, j.ID, err, retryAt); err != nil {
		w.Logger.Error("jobs: record failure", "id", j.ID, "err", err)
	}
}

// safeRun turns a panicking handler into an error, so one bad job cannot
// take the server down.
func safeRun(ctx context.Context, h Handler, payload json.RawMessage) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("panic: ", r))
		}
	}()
	return h(ctx, payload)
}

// Backoff is the wait before attempt n+1: 30 s doubling to at most 6 h,
// with ±20 % jitter so failures do not retry in lockstep.
func Backoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < 6*time.Hour; i++ {
		d *= 2
	}
	d = min(d, 6*time.Hour)
	jitter := time.Duration(rand.Int64N(int64(d)/5*2+1)) - d/5
	return d + jitter
}
