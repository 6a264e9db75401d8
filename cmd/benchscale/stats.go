package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"text/tabwriter"
)

// sample is one measured request: its time to the last byte and the SQL time the
// server reported (NaN when it did not say).
type sample struct{ ms, db float64 }

// percentile is the p-th percentile (0–100) of sorted by nearest rank; NaN when empty.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// median is the 50th percentile of xs, left unsorted; the values that are not known
// (NaN) are left out, so that unknown is not read as zero.
func median(xs []float64) float64 {
	known := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			known = append(known, x)
		}
	}
	slices.Sort(known)
	return percentile(known, 50)
}

// pageResult is one row of a run's table.
type pageResult struct {
	page           string
	n              int
	p50, p95       float64 // ms to the last byte, under load
	dbP50          float64 // ms of SQL under load (Server-Timing), median
	coldSQL        float64 // ms of SQL with nothing cached, median of single requests
	kbHTML, kbGzip float64
}

// summarise turns a page's samples into its row (cold SQL and sizes added by the caller).
func summarise(page string, samples []sample) pageResult {
	ms := make([]float64, len(samples))
	db := make([]float64, len(samples))
	for i, s := range samples {
		ms[i], db[i] = s.ms, s.db
	}
	slices.Sort(ms)
	return pageResult{page: page, n: len(samples), p50: percentile(ms, 50), p95: percentile(ms, 95), dbP50: median(db)}
}

// ratio is a/b, NaN when either is unknown or b is zero.
func ratio(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return math.NaN()
	}
	return a / b
}

// num prints a figure with the given decimals, or "–" when it is not known.
func num(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return fmt.Sprintf("%.*f", decimals, x)
}

// printTable writes a run's rows as a Markdown table; base holds each page's p95 at
// the smallest census count under the same writes (nil or missing: "–").
func printTable(w io.Writer, rows []pageResult, base map[string]float64) {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	row := func(cells ...string) {
		for _, c := range cells {
			fmt.Fprintf(tw, "| %s\t", c)
		}
		fmt.Fprintln(tw, "|")
	}
	row("page", "n", "p50 ms", "p95 ms", "p95 ÷ p95@1 census", "db p50 ms", "cold SQL ms", "p95 ÷ cold SQL", "KB html", "KB gzip")
	row("---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:")
	for _, r := range rows {
		b, ok := base[r.page]
		if !ok {
			b = math.NaN()
		}
		row(r.page, fmt.Sprint(r.n), num(r.p50, 0), num(r.p95, 0), num(ratio(r.p95, b), 2), num(r.dbP50, 1), num(r.coldSQL, 1),
			num(ratio(r.p95, r.coldSQL), 2), num(r.kbHTML, 0), num(r.kbGzip, 0))
	}
	tw.Flush()
}
