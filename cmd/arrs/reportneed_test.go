package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

const needHeader = "level,code,name,registered_patients,need_population,denominator,observed_fte,expected_fte,ratio,lower_95,upper_95,lower_998,upper_998,outside_998"

// needCSV runs arrs report need with args, checks the header and returns the lines
// after it (as written) and their records by code.
func needCSV(t *testing.T, args ...string) ([]string, map[string]map[string]string) {
	t.Helper()
	out, _, err := runArrs(append([]string{"report", "need"}, args...)...)
	if err != nil {
		t.Fatalf("report need %v: %v", args, err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != needHeader {
		t.Fatalf("header %q", got)
	}
	rows := make(map[string]map[string]string, len(recs))
	for _, r := range recs[1:] {
		row := make(map[string]string, len(r))
		for i, h := range recs[0] {
			row[h] = r[i]
		}
		rows[row["code"]] = row
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")[1:], rows
}

// num reads a CSV cell as a number, failing on an empty or bad one.
func num(t *testing.T, row map[string]string, col string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(row[col], 64)
	if err != nil {
		t.Fatalf("%s %s = %q: %v", row["code"], col, row[col], err)
	}
	return v
}

// The need report on the sample (census 30 November 2025): England's need is its
// registered list (PLANNING.md: normalised) and its ratio 1; a PCN's line is the one
// needreport computes for the pages, written by the writer the download uses; an ICB's
// row sums its PCNs; before the data start observed and expected are no data (empty),
// never 0.
func TestReportNeed(t *testing.T) {
	db := withSample(t)
	for _, name := range refdata.PracticeFiles {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ingest.Practices(context.Background(), db, path.Base(name), f, store.Actor{Name: "test"})
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	_, england := needCSV(t)
	e := england[workforce.EnglandCode]
	if e == nil || len(england) != 1 {
		t.Fatalf("England level: %v", england)
	}
	if reg, n := num(t, e, "registered_patients"), num(t, e, "need_population"); math.Abs(n-reg) > 1e-6*reg || e["ratio"] != "1.0000" || e["outside_998"] != "0" {
		t.Errorf("England: registered %v, need %v, ratio %q, outside %q; want need = registered, ratio 1.0000", reg, n, e["ratio"], e["outside_998"])
	}
	if strings.Contains(e["registered_patients"], ".") {
		t.Errorf("registered_patients %q, want a whole number of patients", e["registered_patients"])
	}

	lines, pcns := needCSV(t, "--level", "pcn")
	census, err := db.LatestCensus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := needreport.Compute(context.Background(), db, needreport.Options{Level: workforce.LevelPCN, AsOf: census})
	if err != nil {
		t.Fatal(err)
	}
	const code = "U60057" // SHREWSBURY PCN, in the sample's census
	row, ok := rep.PCN(code)
	if !ok {
		t.Fatalf("needreport has no row for %s", code)
	}
	var want bytes.Buffer
	if err := report.WriteNeed(&want, report.CSV, []needreport.Row{row}); err != nil {
		t.Fatal(err)
	}
	wantLine := strings.Split(strings.TrimSuffix(want.String(), "\n"), "\n")[1]
	found := false
	for _, l := range lines {
		found = found || l == wantLine
	}
	if !found || pcns[code]["observed_fte"] == "" || pcns[code]["ratio"] == "" {
		t.Errorf("%s: no line %q in the report (row %v)", code, wantLine, pcns[code])
	}
	if p := pcns[code]; p["denominator"] != "need" || num(t, p, "need_population") == num(t, p, "registered_patients") {
		t.Errorf("%s: denominator %q, need %s for %s registered: want need from its age bands", code, p["denominator"], p["need_population"], p["registered_patients"])
	}
	if len(pcns) != len(rep.PCNs) {
		t.Errorf("%d PCN rows, needreport has %d", len(pcns), len(rep.PCNs))
	}

	// An ICB's row sums its PCNs' registered, need, observed and expected.
	_, icbs := needCSV(t, "--level", "icb")
	type sums struct{ reg, need, obs, exp float64 }
	byICB := map[string]*sums{}
	for _, p := range rep.PCNs {
		r := pcns[p.Code]
		s := byICB[p.ICB]
		if s == nil {
			s = &sums{}
			byICB[p.ICB] = s
		}
		s.reg += num(t, r, "registered_patients")
		s.need += p.Need
		s.obs += p.Observed
		s.exp += p.Expected
	}
	for _, icb := range []string{"QOC", "QSL"} {
		r, s := icbs[icb], byICB[icb]
		if r == nil || s == nil {
			t.Fatalf("no ICB row or PCNs for %s", icb)
		}
		if num(t, r, "registered_patients") != s.reg || r["need_population"] != workforce.FormatFTE(s.need, 2) ||
			r["observed_fte"] != workforce.FormatFTE(s.obs, 2) || r["expected_fte"] != workforce.FormatFTE(s.exp, 2) {
			t.Errorf("%s row %v, want the sums of its PCNs %+v", icb, r, *s)
		}
		if want := workforce.FormatFTE(s.obs/s.exp, 4); r["ratio"] != want {
			t.Errorf("%s ratio %s, want Σ observed ÷ Σ expected %s", icb, r["ratio"], want)
		}
	}

	// Before the data start: need is known, FTE is not.
	_, before := needCSV(t, "--level", "pcn", "--at", "2025-10-31")
	for _, c := range []string{"observed_fte", "expected_fte", "ratio", "lower_95", "upper_998", "outside_998"} {
		if v := before[code][c]; v != "" {
			t.Errorf("before the data start %s %s = %q, want empty", code, c, v)
		}
	}
	if before[code]["need_population"] == "" || before[code]["registered_patients"] == "" {
		t.Errorf("before the data start %s has no need: %v", code, before[code])
	}
}

// With no census imported, a given --as-of implies none: need is there, observed,
// expected, ratio and limits are empty cells, never 0, and standard error says why.
func TestReportNeedAsOfWithNoCensus(t *testing.T) {
	_, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	out, stderr, err := runArrs("report", "need", "--level", "icb", "--as-of", "2025-11-30")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 || strings.Join(recs[0], ",") != needHeader {
		t.Fatalf("%v: %q", err, out)
	}
	for _, r := range recs[1:] {
		for i, h := range recs[0] {
			switch h {
			case "observed_fte", "expected_fte", "ratio", "lower_95", "upper_95", "lower_998", "upper_998", "outside_998":
				if r[i] != "" {
					t.Fatalf("%s %s = %q with no census, want empty", r[1], h, r[i])
				}
			case "registered_patients", "need_population":
				if r[i] == "" {
					t.Fatalf("%s has no %s", r[1], h)
				}
			}
		}
	}
	if !strings.Contains(stderr, "no census is imported") {
		t.Errorf("stderr %q", stderr)
	}
}

// Every mistake on the command line is refused with a one-line reason before the
// database is opened.
func TestReportNeedBadInput(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
	for name, args := range map[string][]string{
		"unknown level":   {"--level", "nation"},
		"bad at":          {"--at", "31/10/2025"},
		"at out of range": {"--at", "2019-06-30"},
		"bad as-of":       {"--as-of", "2025-13-01"},
		"as-of too late":  {"--as-of", "2100-01-01"},
		"bad footprints":  {"--footprints", "then"},
		"bad format":      {"--format", "xml"},
		"unknown flag":    {"--denominator", "need"},
		"stray argument":  {"england"},
		"as-of needs one": {"--as-of"},
	} {
		out, _, err := runArrs(append([]string{"report", "need"}, args...)...)
		if err == nil {
			t.Errorf("%s: no error; wrote %q", name, out)
			continue
		}
		if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") || strings.Contains(msg, "connect") {
			t.Errorf("%s: want a one-line reason about the flag, got %q", name, msg)
		}
	}
}
