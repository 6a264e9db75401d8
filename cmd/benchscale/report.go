package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/refdata"
)

// The bars, at the largest census count under the highest write rate.
const (
	barP95        = 100.0 // ms, every key page
	barGrowth     = 1.2   // p95 against the same page's at 1 census
	barSQL        = 2.0   // p95 against the page's own cold SQL
	barImport     = 1.5   // the monthly import against COPY of the same file
	barMemoryMB   = 200.0 // the server's peak RSS
	floorAttempts = 3
)

// copyFloor is the best of three COPYs of the real November 2025 file, unzipped on the
// way as psql's \copy would read it, into a bare table of text columns: the floor an
// import is compared with (as BenchmarkImportFloorCopy in internal/ingest).
func copyFloor(ctx context.Context, owner *pgx.Conn) (time.Duration, error) {
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return 0, err
	}
	best := time.Duration(math.MaxInt64)
	for range floorAttempts {
		if _, err := owner.Exec(ctx, `DROP TABLE IF EXISTS bench_bare; CREATE TABLE bench_bare (
			data_source text, census_year text, census_month text, pcn_code text, pcn_name text, sub_icb_code text,
			sub_icb_name text, icb_code text, icb_name text, comm_region_code text, comm_region_name text,
			staff_group text, staff_role text, detailed_staff_role text, fte text, unique_identifier text)`); err != nil {
			return 0, err
		}
		start := time.Now()
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return 0, err
		}
		if _, err := owner.PgConn().CopyFrom(ctx, zr, "COPY bench_bare FROM STDIN WITH (FORMAT csv, HEADER true)"); err != nil {
			return 0, fmt.Errorf("COPY floor: %w", err)
		}
		best = min(best, time.Since(start))
	}
	_, err = owner.Exec(ctx, `DROP TABLE bench_bare`)
	return best, err
}

// printImports prints the import figures of the templates' builds beside the floor.
func printImports(out io.Writer, res *results) {
	fmt.Fprintf(out, "\nCOPY floor (the Nov 2025 file into a bare table, best of %d): %.0f ms\n", floorAttempts, ms(res.floor))
	if t := res.timing; t != nil {
		fmt.Fprintf(out, "import of the same file (%d rows): into an empty staff table %.0f ms (%.1f× the floor); "+
			"as the 60th census on 59 others %.0f ms (%.1f× the floor)\n",
			t.Rows, ms(t.Empty), ratio(ms(t.Empty), ms(res.floor)), ms(t.Monthly), ratio(ms(t.Monthly), ms(res.floor)))
	}
}

// bar is one of the performance bars, met or not, with the figures that say so.
type bar struct {
	name   string
	met    bool
	known  bool
	detail string
}

// bars judges the bars on the largest census count under the highest write rate.
func bars(s settings, res *results) []bar {
	top, low, rate := slices.Max(s.censuses), slices.Min(s.censuses), slices.Max(s.writes)
	rows := res.pages[runKey{top, rate}]
	base := baseP95(res, s, rate)
	var slow, grown, overSQL []string
	for _, r := range rows {
		if !(r.p95 <= barP95) {
			slow = append(slow, fmt.Sprintf("%s %s ms", r.page, num(r.p95, 0)))
		}
		if g := ratio(r.p95, base[r.page]); !(g <= barGrowth) {
			grown = append(grown, fmt.Sprintf("%s %s×", r.page, num(g, 2)))
		}
		if q := ratio(r.p95, r.coldSQL); !(q <= barSQL) {
			overSQL = append(overSQL, fmt.Sprintf("%s %s×", r.page, num(q, 2)))
		}
	}
	at := fmt.Sprintf(" (%d censuses, %d writes/s)", top, rate)
	out := []bar{
		judged(fmt.Sprintf("every key page p95 ≤ %.0f ms", barP95)+at, len(rows) > 0, slow),
		judged(fmt.Sprintf("no page's p95 above %.1f× its p95 at %d census", barGrowth, low)+at, top != low && len(rows) > 0, grown),
		judged(fmt.Sprintf("each page's p95 within %.0f× its cold SQL", barSQL)+at, len(rows) > 0, overSQL),
	}
	imp := bar{name: fmt.Sprintf("monthly import ≤ %.1f× COPY", barImport)}
	if res.timing != nil && res.floor > 0 {
		q := ratio(ms(res.timing.Monthly), ms(res.floor))
		imp.known, imp.met, imp.detail = true, q <= barImport, fmt.Sprintf("%.1f×", q)
	}
	mem := bar{name: fmt.Sprintf("server peak RSS ≤ %.0f MB at %d censuses", barMemoryMB, top)}
	if kb, ok := res.peakKB[top]; ok && kb > 0 {
		mb := float64(kb) / 1024
		mem.known, mem.met, mem.detail = true, mb <= barMemoryMB, fmt.Sprintf("%.0f MB", mb)
	}
	return append(out, imp, mem)
}

// judged is a bar met when it could be judged and nothing failed it.
func judged(name string, known bool, failed []string) bar {
	b := bar{name: name, known: known, met: known && len(failed) == 0}
	if len(failed) > 0 {
		b.detail = strings.Join(failed, ", ")
	}
	return b
}

// printBars prints the bars with met / not met / not measured.
func printBars(out io.Writer, s settings, res *results) {
	fmt.Fprintf(out, "\nbars (issue 17):\n")
	for _, b := range bars(s, res) {
		verdict := "not measured"
		switch {
		case b.known && b.met:
			verdict = "met"
		case b.known:
			verdict = "NOT MET"
		}
		if b.detail != "" {
			verdict += ": " + b.detail
		}
		fmt.Fprintf(out, "- %s: %s\n", b.name, verdict)
	}
}
