package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/scale"
)

// runKey names one measured phase.
type runKey struct{ censuses, writes int }

// results are everything a run measured, for the tables and the bars.
type results struct {
	pages  map[runKey][]pageResult
	writes map[runKey]writeStats
	peakKB map[int]int64 // largest VmRSS under load, by census count
	hwmKB  map[int]int64 // the kernel's peak (VmHWM) since after sign-in
	floor  time.Duration // COPY of the real file into a bare table
	timing *scale.ImportTimings
}

// runBench measures each census count in turn and prints its tables, then the bars.
func runBench(ctx context.Context, s settings, out io.Writer) error {
	bin, err := arrsBinary(ctx, s.bin)
	if err != nil {
		return err
	}
	templates := map[int]string{}
	if s.template != "" {
		for _, n := range s.censuses {
			templates[n] = s.template
		}
	} else if templates, err = scale.EnsureTemplates(ctx, s.adminURL, s.censuses, logTo(out)); err != nil {
		return err
	}
	res := &results{pages: map[runKey][]pageResult{}, writes: map[runKey]writeStats{}, peakKB: map[int]int64{}, hwmKB: map[int]int64{}}
	for _, n := range s.censuses {
		if err := benchCensus(ctx, s, bin, n, templates[n], res, out); err != nil {
			return fmt.Errorf("%d censuses: %w", n, err)
		}
	}
	if s.template == "" {
		if t, err := scale.Timings(ctx, s.adminURL); err == nil {
			res.timing = &t
		} else {
			fmt.Fprintf(out, "\nimport timings: %v\n", err)
		}
	}
	printImports(out, res)
	printBars(out, s, res)
	return nil
}

// benchCensus runs one census count: a fresh clone, a server on it, the cold figures,
// then a measured phase per write rate.
func benchCensus(ctx context.Context, s settings, bin string, n int, template string, res *results, out io.Writer) error {
	name := fmt.Sprintf("arrs_scale_run_%d_%d", n, os.Getpid()) // two runs at once do not collide
	dbURL, err := scale.Clone(ctx, s.adminURL, template, name)
	if err != nil {
		return err
	}
	defer dropDatabase(s.adminURL, name)
	fx, err := loadFixtures(ctx, dbURL, s.icb, s.clients)
	if err != nil {
		return err
	}
	owner, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer owner.Close(context.WithoutCancel(ctx))
	srv, err := startServer(ctx, bin, dbURL)
	if err != nil {
		return err
	}
	defer srv.stop()
	fmt.Fprintf(out, "\n## %d census(es): %s, reading %s and PCN %s, %d clients as %s…, writer %s\n",
		n, template, s.icb, fx.pcn, s.clients, fx.readers[0], fx.admin)
	// One at a time: a password check holds 64 MiB.
	clients := make([]*client, s.clients)
	for i := range clients {
		clients[i] = newClient(srv.base)
		if err := clients[i].signIn(ctx, fx.readers[i%len(fx.readers)], scale.Password); err != nil {
			return err
		}
	}
	admin := newClient(srv.base)
	if err := admin.signIn(ctx, fx.admin, scale.Password); err != nil {
		return err
	}
	srv.resetPeak()
	pages := keyPages(s.icb, fx.pcn)
	cold, err := coldFigures(ctx, owner, clients[0], pages, s.cold)
	if err != nil {
		return err
	}
	if err := sweep(ctx, out, admin, n); err != nil {
		return err
	}
	if err := warmUp(ctx, clients, pages); err != nil {
		return err
	}
	w := &writer{c: admin, fx: fx}
	for _, rate := range s.writes {
		if err := phase(ctx, s, srv, clients, pages, w, rate, n, cold, res); err != nil {
			return err
		}
		key := runKey{n, rate}
		ws := res.writes[key]
		fmt.Fprintf(out, "\n### %d census(es), %d writes/s asked: %d saves, %.1f/s done (each GET form + POST: p50 %s ms, p95 %s ms; %d ticks skipped with 4 under way)\n\n",
			n, rate, ws.n, float64(ws.n)/s.phase.Seconds(), num(ws.p50, 0), num(ws.p95, 0), ws.skipped)
		printTable(out, res.pages[key], baseP95(res, s, rate))
	}
	res.hwmKB[n] = srv.status("VmHWM")
	fmt.Fprintf(out, "\nserver memory at %d census(es): peak VmRSS under load %.0f MB (sampled every 100 ms), VmHWM since sign-in %.0f MB\n",
		n, float64(res.peakKB[n])/1024, float64(res.hwmKB[n])/1024)
	if res.floor == 0 {
		if res.floor, err = copyFloor(ctx, owner); err != nil {
			return err
		}
	}
	return nil
}

// warmUp has every client read every page once, unmeasured.
func warmUp(ctx context.Context, clients []*client, pages []string) error {
	var wg sync.WaitGroup
	errs := make([]error, len(clients))
	for i, c := range clients {
		wg.Go(func() {
			for j := range pages {
				if _, err := c.get(ctx, pages[(i+j)%len(pages)], false); err != nil {
					errs[i] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// phase measures the reads for s.phase under rate writes a second.
func phase(ctx context.Context, s settings, srv *child, clients []*client, pages []string, w *writer, rate, n int,
	cold map[string]pageResult, res *results) error {
	stop := make(chan struct{})
	var peak int64
	var wg sync.WaitGroup
	wg.Go(func() { srv.sampleRSS(stop, &peak) })
	var werr error
	wg.Go(func() { werr = w.run(ctx, rate, stop) })
	samples, err := readLoad(ctx, clients, pages, s.phase)
	close(stop)
	wg.Wait()
	if err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	key := runKey{n, rate}
	res.peakKB[n] = max(res.peakKB[n], peak)
	res.writes[key] = w.take()
	for _, p := range pages {
		r := summarise(p, samples[p])
		c := cold[p]
		r.coldSQL, r.kbHTML, r.kbGzip = c.coldSQL, c.kbHTML, c.kbGzip
		res.pages[key] = append(res.pages[key], r)
	}
	return nil
}

// coldFigures measures each page with nothing cached: the median SQL time of single
// requests each after a bump of the national version, and the page's size.
func coldFigures(ctx context.Context, owner *pgx.Conn, c *client, pages []string, reps int) (map[string]pageResult, error) {
	out := map[string]pageResult{}
	for _, p := range pages {
		var db []float64
		var body []byte
		for range reps {
			if err := bumpVersion(ctx, owner); err != nil {
				return nil, err
			}
			r, err := c.get(ctx, p, body == nil)
			if err != nil {
				return nil, err
			}
			db = append(db, r.db)
			if body == nil {
				body = r.body
			}
		}
		out[p] = pageResult{coldSQL: median(db), kbHTML: kb(len(body)), kbGzip: kb(gzipped(body))}
	}
	return out, nil
}

// sweep prints the size of the pages outside the load, read once as the admin.
func sweep(ctx context.Context, out io.Writer, admin *client, n int) error {
	var cells []string
	for _, p := range sweepPages {
		r, err := admin.get(ctx, p, true)
		if err != nil {
			return err
		}
		cells = append(cells, fmt.Sprintf("%s %.0f KB (gzip %.0f)", p, kb(len(r.body)), kb(gzipped(r.body))))
	}
	fmt.Fprintf(out, "sizes at %d census(es): %s\n", n, strings.Join(cells, ", "))
	return nil
}

func kb(n int) float64 { return float64(n) / 1024 }

// gzipped is the size of b compressed as a server's default gzip would.
func gzipped(b []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

// baseP95 is each page's p95 at the smallest census count under the same writes.
func baseP95(res *results, s settings, rate int) map[string]float64 {
	out := map[string]float64{}
	for _, r := range res.pages[runKey{slices.Min(s.censuses), rate}] {
		out[r.page] = r.p95
	}
	return out
}

// arrsBinary is the binary to serve with: bin when given, else a fresh `go build` of
// the module's cmd/arrs into bin/arrs (quick when nothing changed).
func arrsBinary(ctx context.Context, bin string) (string, error) {
	if bin != "" {
		return bin, nil
	}
	root, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("find the module: %w", err)
	}
	dir := strings.TrimSpace(string(root))
	bin = filepath.Join(dir, "bin", "arrs")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/arrs")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/arrs: %w", err)
	}
	return bin, nil
}

func logTo(out io.Writer) func(string, ...any) {
	t0 := time.Now()
	return func(f string, a ...any) {
		fmt.Fprintf(out, "%6.1fs  %s\n", time.Since(t0).Seconds(), fmt.Sprintf(f, a...))
	}
}

// dropDatabase removes a run's clone.
func dropDatabase(adminURL, name string) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return
	}
	defer c.Close(ctx)
	_, _ = c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}
