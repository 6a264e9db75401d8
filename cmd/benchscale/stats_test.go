package main

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestPercentileByNearestRank(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	for _, c := range []struct{ p, want float64 }{{50, 10}, {95, 19}, {100, 20}, {0, 1}, {1, 1}} {
		if got := percentile(xs, c.p); got != c.want {
			t.Errorf("p%v = %v, want %v", c.p, got, c.want)
		}
	}
	if !math.IsNaN(percentile(nil, 50)) {
		t.Error("the percentile of nothing must be unknown, not 0")
	}
	if got := median([]float64{9, math.NaN(), 1, 5}); got != 5 {
		t.Errorf("median leaving out the unknown = %v, want 5", got)
	}
	if !math.IsNaN(median([]float64{math.NaN()})) {
		t.Error("the median of unknowns must be unknown")
	}
}

func TestDBTimingReadsServerTiming(t *testing.T) {
	if got := dbTiming(`db;dur=12.5;desc="9 queries", app;dur=20.1`); got != 12.5 {
		t.Errorf("db = %v, want 12.5", got)
	}
	for _, h := range []string{"", "app;dur=3", "db;dur=x"} {
		if !math.IsNaN(dbTiming(h)) {
			t.Errorf("%q: want unknown", h)
		}
	}
}

func TestTableSetsEachPageBesideItsBaseAndSQL(t *testing.T) {
	samples := make([]sample, 20)
	for i := range samples {
		samples[i] = sample{ms: float64(i + 1), db: 2}
	}
	r := summarise("/gaps", samples)
	r.coldSQL, r.kbHTML, r.kbGzip = 10, 100, 12
	unknown := summarise("/", nil)
	var buf bytes.Buffer
	printTable(&buf, []pageResult{r, unknown}, map[string]float64{"/gaps": 9.5})
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a header, a rule and two rows:\n%s", buf.String())
	}
	want := []string{"/gaps", "20", "10", "19", "2.00", "2.0", "10.0", "1.90", "100", "12"}
	if got := cells(lines[2]); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("row = %v, want %v", got, want)
	}
	if got := cells(lines[3]); got[2] != "–" || got[4] != "–" || got[5] != "–" {
		t.Errorf("a page without samples must show unknowns, not zeros: %v", got)
	}
}

func cells(line string) []string {
	var out []string
	for _, c := range strings.Split(strings.Trim(line, "| "), "|") {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}

func TestFormOfSendsWhatABrowserSends(t *testing.T) {
	page := []byte(`<form action="/search"><input name="q"></form>
	<form method="post" action="/pcns/U1/staff/7"><input type="hidden" name="version" value="3">
	<input name="fte" value="0.8"><input name="hours" value=""><input name="off" disabled value="x">
	<input type="checkbox" name="ended"><input type="checkbox" name="arrs" value="yes" checked>
	<select name="band"><option value="">–</option><option value="5" selected>5</option></select>
	<textarea name="note">hi</textarea><button type="submit" name="then" value="end">End</button></form>`)
	action, v, err := formOf(page, `form:has(input[name="fte"])`)
	if err != nil {
		t.Fatal(err)
	}
	if action != "/pcns/U1/staff/7" || v.Encode() != "arrs=yes&band=5&fte=0.8&hours=&note=hi&version=3" {
		t.Errorf("action %q, values %s", action, v.Encode())
	}
	if nudge("0.8") != "0.79" || nudge("0.2") != "0.21" || nudge("") != "1" {
		t.Errorf("nudge: %s %s %s", nudge("0.8"), nudge("0.2"), nudge(""))
	}
}
