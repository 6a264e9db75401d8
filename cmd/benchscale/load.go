package main

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// keyPages are the pages read under load: England, the gap tables at each level, an
// ICB and its comparison, and one PCN's pages.
func keyPages(icb, pcn string) []string {
	return []string{"/", "/gaps?level=region", "/gaps?level=icb", "/gaps?level=pcn", "/icbs/" + icb, "/icbs/" + icb + "/compare",
		"/pcns/" + pcn, "/pcns/" + pcn + "/dashboard", "/pcns/" + pcn + "/funding", "/pcns/" + pcn + "/plan"}
}

// sweepPages are read once for their size.
var sweepPages = []string{"/pcns", "/need", "/admin/users", "/audit", "/imports"}

// readLoad has every client loop over pages, each starting at its own page, until d has
// passed, and returns each page's samples. The first failure stops every client.
func readLoad(ctx context.Context, clients []*client, pages []string, d time.Duration) (map[string][]sample, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	deadline := time.Now().Add(d)
	got := make([]map[string][]sample, len(clients))
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Go(func() {
			mine := map[string][]sample{}
			for j := i; time.Now().Before(deadline) && ctx.Err() == nil; j++ {
				p := pages[j%len(pages)]
				res, err := c.get(ctx, p, false)
				if err != nil {
					cancel(err)
					return
				}
				mine[p] = append(mine[p], sample{ms: res.ms, db: res.db})
			}
			got[i] = mine
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := map[string][]sample{}
	for _, m := range got {
		for p, s := range m {
			out[p] = append(out[p], s...)
		}
	}
	return out, nil
}

// writer saves through the app at a steady rate: a staff record's FTE and a plan, in
// turn, in PCNs outside the ICB read. At most four saves are under way at once; a tick
// that finds four is skipped (and counted), so the rate achieved is reported.
type writer struct {
	c       *client
	fx      fixtures
	next    atomic.Int64
	mu      sync.Mutex
	ms      []float64
	skipped int
	err     error
}

// run saves rate times a second until stop is closed, then waits for the saves under
// way. It returns the first failure.
func (w *writer) run(ctx context.Context, rate int, stop <-chan struct{}) error {
	if rate == 0 {
		return nil
	}
	t := time.NewTicker(time.Second / time.Duration(rate))
	defer t.Stop()
	slots := make(chan struct{}, 4)
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-stop:
			wg.Wait()
			return w.failure()
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		select {
		case slots <- struct{}{}:
			wg.Go(func() {
				defer func() { <-slots }()
				w.save(ctx)
			})
		default:
			w.mu.Lock()
			w.skipped++
			w.mu.Unlock()
		}
	}
}

// save makes one change, alternating between a staff record and a plan.
func (w *writer) save(ctx context.Context) {
	k := int(w.next.Add(1))
	start := time.Now()
	var err error
	if k%2 == 1 {
		err = editStaff(ctx, w.c, w.fx.staff[(k/2)%len(w.fx.staff)])
	} else {
		err = savePlan(ctx, w.c, w.fx.plans[(k/2)%len(w.fx.plans)])
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil && w.err == nil {
		w.err = err
	}
	w.ms = append(w.ms, float64(time.Since(start))/float64(time.Millisecond))
}

func (w *writer) failure() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// writeStats are a phase's saves: how many, how long each took (GET form + POST), and
// how many ticks found four saves already under way.
type writeStats struct {
	n, skipped int
	p50, p95   float64
}

// take returns the saves since the last take and forgets them.
func (w *writer) take() writeStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	ms := slices.Sorted(slices.Values(w.ms))
	s := writeStats{n: len(ms), skipped: w.skipped, p50: percentile(ms, 50), p95: percentile(ms, 95)}
	w.ms, w.skipped = nil, 0
	return s
}
