package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

const gapHeader = "level,code,name,weighted_population,target_fte,baseline_fte,in_post_fte,projected_fte,additional_fte,gap_fte,shortfall_fte,pcns_short,no_return"

// withSample points DATABASE_URL at a fresh test database holding the reference data
// and the sample workforce (two ICBs, census 30 Nov 2025), and returns it. The
// commands read DATABASE_URL from the environment, so no test calling it can run in
// parallel.
func withSample(t *testing.T) *store.DB {
	t.Helper()
	db, url := dbtest.NewWithURL(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(context.Background(), db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DATABASE_URL", url)
	return db
}

func runArrs(args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestReportGapsCSV(t *testing.T) {
	withSample(t)
	// The default target (26,000 by 31 Mar 2024, baseline 31 Mar 2019), measured on
	// 31 Mar 2026 from the census: in post at min(at, as-of) is the sample's 528.44
	// ARRS FTE, none in post on the baseline; every weighted population is a list size.
	out, stderr, err := runArrs("report", "gaps", "--format", "csv", "--at", "2026-03-31")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != gapHeader {
		t.Errorf("header %q", got)
	}
	if len(rows) != 2 {
		t.Fatalf("want the header and England, got %d rows", len(rows))
	}
	want := map[int]string{0: "england", 1: "E92000001", 2: "England", 3: "63706897.00", 4: "26000.00", 5: "0.00", 6: "528.44"}
	for i, v := range want {
		if rows[1][i] != v {
			t.Errorf("England %s = %q, want %q", rows[0][i], rows[1][i], v)
		}
	}
	if !strings.Contains(stderr, "1297 of 1297 PCNs have no weighted population") {
		t.Errorf("the list-size note is missing: %q", stderr)
	}
}

func TestReportGapsLevelsAndFormats(t *testing.T) {
	withSample(t)
	out, _, err := runArrs("report", "gaps", "--level", "icb", "--as-of", "2025-11-30")
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if len(rows) != 43 {
		t.Errorf("icb level: %d rows, want the header and 42 ICBs", len(rows))
	}
	for i := 2; i < len(rows); i++ {
		if rows[i-1][1] >= rows[i][1] {
			t.Errorf("rows not sorted by code: %s then %s", rows[i-1][1], rows[i][1])
		}
	}
	for _, format := range []string{"table", "json"} {
		out, _, err := runArrs("report", "gaps", "--level", "region", "--format", format)
		if err != nil || !strings.Contains(out, "shortfall_fte") || !strings.Contains(out, "Y63") {
			t.Errorf("%s: %v\n%s", format, err, out)
		}
	}
}

// --drafts counts each PCN's latest version, drafts too; without it a draft counts in
// no figure (PLANNING.md, "Projection"). U79722's draft of 10 FTE of starters from 1
// January 2026 (in (A, at]) adds 10 FTE to its projection with --drafts only.
func TestReportGapsDrafts(t *testing.T) {
	withSample(t)
	projected := func(args ...string) (float64, string) {
		t.Helper()
		out, stderr, err := runArrs(append([]string{"report", "gaps", "--level", "pcn", "--at", "2026-03-31"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			if r[1] == "U79722" {
				v, err := strconv.ParseFloat(r[7], 64)
				if err != nil {
					t.Fatal(err)
				}
				return v, stderr
			}
		}
		t.Fatal("no row for U79722")
		return 0, ""
	}
	before, _ := projected()
	plan := filepath.Join(t.TempDir(), "plan.csv")
	if err := os.WriteFile(plan, []byte("pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU79722,paramedic,2025/26 Q4,10,0,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runArrs("import", "plans", plan); err != nil {
		t.Fatal(err)
	}
	official, stderr := projected()
	if official != before || strings.Contains(stderr, "--drafts") {
		t.Errorf("official projection with a draft %.2f, want %.2f as before it", official, before)
	}
	drafts, stderr := projected("--drafts")
	if math.Abs(drafts-(before+10)) > 0.005 {
		t.Errorf("--drafts projection %.2f, want %.2f", drafts, before+10)
	}
	if !strings.Contains(stderr, "not the official figures") {
		t.Errorf("--drafts does not say its figures are not official: %q", stderr)
	}
}

func TestReportGapsBadInput(t *testing.T) {
	withSample(t)
	cases := map[string][]string{
		"unknown level":   {"--level", "nation"},
		"bad at":          {"--at", "31/03/2026"},
		"bad as-of":       {"--as-of", "2025-13-01"},
		"bad format":      {"--format", "xml"},
		"unknown flag":    {"--colour"},
		"stray argument":  {"england"},
		"unknown target":  {"--target", "nope"},
		"as-of needs one": {"--as-of"},
	}
	for name, args := range cases {
		out, _, err := runArrs(append([]string{"report", "gaps"}, args...)...)
		if err == nil {
			t.Errorf("%s: no error; wrote %q", name, out)
			continue
		}
		if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
			t.Errorf("%s: want a one-line reason, got %q", name, msg)
		}
	}
}

func TestImportPlansCommand(t *testing.T) {
	withSample(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const h = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
	bad := write("bad.csv", h+"U79722,paramedic,2026/27 Q1,1,0,\nU79722,paramedic,2026/27 Q2,-1,0,\n")
	_, _, err := runArrs("import", "plans", bad)
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "starters_fte") || strings.Contains(err.Error(), "\n") {
		t.Errorf("bad plan file: %v", err)
	}
	good := write("good.csv", h+"U79722,paramedic,2026/27 Q1,1,0,\nU79722,paramedic,2026/27 Q2,1,0,48000\n")
	out, _, err := runArrs("import", "plans", good)
	if err != nil || !strings.Contains(out, "2 plan lines") {
		t.Errorf("good plan file: %v %q", err, out)
	}
	pops := write("pops.csv", "pcn_code,weighted_population,effective_date\nU79722,50000,2025-01-01\n")
	out, _, err = runArrs("import", "populations", pops)
	if err != nil || !strings.Contains(out, "1 weighted populations") {
		t.Errorf("populations: %v %q", err, out)
	}
	if _, _, err = runArrs("import", "populations", write("bad-pops.csv", "pcn_code,weighted_population,effective_date\nU79722,-1,2025-01-01\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad populations: %v", err)
	}
}

func TestTargetSetCommand(t *testing.T) {
	withSample(t)
	out, _, err := runArrs("target", "set", "Long term plan", "--fte", "30000", "--baseline", "2024-03-31",
		"--deadline", "2029-03-31", "--default", "--milestone", "2026-03-31=10000:First two years", "--milestone", "2027-03-31=18000")
	if err != nil || !strings.Contains(out, `created target "Long term plan"`) || !strings.Contains(out, "2 milestones (default)") {
		t.Fatalf("create: %v %q", err, out)
	}
	out, _, err = runArrs("target", "set", "--fte", "31000", "--baseline", "2024-03-31", "--deadline", "2029-03-31", "Long term plan")
	if err != nil || !strings.Contains(out, `updated target "Long term plan": 31000 FTE`) || !strings.Contains(out, "2 milestones") {
		t.Fatalf("update: %v %q", err, out)
	}
	// The report now uses it by default.
	out, _, err = runArrs("report", "gaps", "--at", "2026-03-31")
	if err != nil || !strings.Contains(out, ",31000.00,") {
		t.Errorf("report with the new default target: %v\n%s", err, out)
	}
	bad := map[string][]string{
		"no name":             {"--fte", "1", "--baseline", "2024-03-31", "--deadline", "2025-03-31"},
		"no fte":              {"T", "--baseline", "2024-03-31", "--deadline", "2025-03-31"},
		"zero fte":            {"T", "--fte", "0", "--baseline", "2024-03-31", "--deadline", "2025-03-31"},
		"text fte":            {"T", "--fte", "lots", "--baseline", "2024-03-31", "--deadline", "2025-03-31"},
		"bad baseline":        {"T", "--fte", "1", "--baseline", "2024-02-30", "--deadline", "2025-03-31"},
		"no deadline":         {"T", "--fte", "1", "--baseline", "2024-03-31"},
		"deadline first":      {"T", "--fte", "1", "--baseline", "2024-03-31", "--deadline", "2024-03-31"},
		"bad milestone":       {"T", "--fte", "1", "--baseline", "2024-03-31", "--deadline", "2025-03-31", "--milestone", "2024-09-30"},
		"milestone too late":  {"T", "--fte", "1", "--baseline", "2024-03-31", "--deadline", "2025-03-31", "--milestone", "2025-09-30=1"},
		"milestone twice":     {"T", "--fte", "1", "--baseline", "2024-03-31", "--deadline", "2025-03-31", "--milestone", "2024-09-30=1", "--milestone", "2024-09-30=2"},
		"two names":           {"T", "U", "--fte", "1", "--baseline", "2024-03-31", "--deadline", "2025-03-31"},
		"name after the flag": {"--fte", "1", "--baseline", "2024-03-31", "--deadline", "2025-03-31", "T", "U"},
	}
	for name, args := range bad {
		_, _, err := runArrs(append([]string{"target", "set"}, args...)...)
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: want a one-line reason, got %v", name, err)
		}
	}
	if _, _, err := runArrs("target", "list"); err == nil {
		t.Error("target list is not a command")
	}
}
