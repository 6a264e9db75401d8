package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

const integrationHeader = "level,code,name,arrs_staff,no_supervisor,over_two_practices,appraisal_overdue,no_records_access,no_service,pulse_responses"

// integrationCSV runs arrs report integration with args, checks the header and returns
// the lines after it and their records by code.
func integrationCSV(t *testing.T, args ...string) ([]string, map[string]map[string]string, string) {
	t.Helper()
	out, stderr, err := runArrs(append([]string{"report", "integration"}, args...)...)
	if err != nil {
		t.Fatalf("report integration %v: %v", args, err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != integrationHeader {
		t.Fatalf("header %q", got)
	}
	rows := map[string]map[string]string{}
	for _, r := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = r[i]
		}
		rows[row["code"]] = row
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")[1:], rows, stderr
}

// The integration report on the sample (census 30 November 2025), where Shrewsbury has
// saved one integration record naming no service: its four record-kept counts are
// known (everyone in post lacks a service), supervision is not recorded (empty), no
// round has closed (empty); a PCN keeping nothing has every count empty, never 0. The
// PCN's line is the one integrationreport gives the pages, by the writer downloads use.
func TestReportIntegration(t *testing.T) {
	db := withSample(t)
	ctx := context.Background()
	const code = "U60057"
	var staffID int64
	if err := db.QueryRowForTest(ctx, `SELECT min(id) FROM staff WHERE pcn_code = 'U60057' AND role_code IS NOT NULL`, &staffID); err != nil {
		t.Fatal(err)
	}
	today := workforce.Today(time.Now())
	if _, err := db.SaveIntegrationRecord(ctx, workforce.IntegrationRecord{StaffID: staffID, PCNCode: code}, today, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	lines, pcns, stderr := integrationCSV(t, "--level", "pcn")
	census, err := db.LatestCensus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := integrationreport.Rows(ctx, db, workforce.LevelPCN, census, today)
	if err != nil {
		t.Fatal(err)
	}
	var row integrationreport.Row
	for _, r := range rows {
		if r.Code == code {
			row = r
		}
	}
	var want bytes.Buffer
	if err := report.WriteIntegration(&want, report.CSV, []integrationreport.Row{row}); err != nil {
		t.Fatal(err)
	}
	wantLine := strings.Split(strings.TrimSuffix(want.String(), "\n"), "\n")[1]
	found := false
	for _, l := range lines {
		found = found || l == wantLine
	}
	if !found || len(pcns) != len(rows) {
		t.Errorf("no line %q among %d lines (integrationreport has %d rows)", wantLine, len(lines), len(rows))
	}
	p := pcns[code]
	staff, err := strconv.Atoi(p["arrs_staff"])
	if err != nil || staff == 0 || p["no_service"] != p["arrs_staff"] || p["no_supervisor"] != "" || p["over_two_practices"] != "0" ||
		p["pulse_responses"] != "" {
		t.Errorf("%s: %v", code, p)
	}
	for code, r := range pcns {
		if code == "U60057" {
			continue
		}
		for _, c := range []string{"no_supervisor", "over_two_practices", "appraisal_overdue", "no_records_access", "no_service", "pulse_responses"} {
			if r[c] != "" {
				t.Fatalf("%s keeps no records but %s = %q, want empty", code, c, r[c])
			}
		}
	}
	if !strings.Contains(stderr, "keep no integration records") || !strings.Contains(stderr, "2025-11-30") {
		t.Errorf("stderr %q", stderr)
	}

	// England sums every PCN: the known counts are Shrewsbury's.
	_, england, _ := integrationCSV(t)
	e := england[workforce.EnglandCode]
	if len(england) != 1 || e["name"] != "England" || e["no_service"] != p["no_service"] || e["no_supervisor"] != "" {
		t.Errorf("England %v", england)
	}
	for _, f := range []string{"table", "json", "xlsx"} {
		if out, _, err := runArrs("report", "integration", "--format", f); err != nil || out == "" {
			t.Errorf("--format %s: %v", f, err)
		}
	}
}

// Every mistake on the command line is refused with a one-line reason before the
// database is opened; --at and --footprints are not flags of this report.
func TestReportIntegrationBadInput(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
	for name, args := range map[string][]string{
		"unknown level":   {"--level", "nation"},
		"bad as-of":       {"--as-of", "2025-13-01"},
		"as-of too late":  {"--as-of", "2100-01-01"},
		"bad format":      {"--format", "xml"},
		"at":              {"--at", "2026-03-31"},
		"footprints":      {"--footprints", "current"},
		"stray argument":  {"england"},
		"as-of needs one": {"--as-of"},
	} {
		out, _, err := runArrs(append([]string{"report", "integration"}, args...)...)
		if err == nil {
			t.Errorf("%s: no error; wrote %q", name, out)
			continue
		}
		if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") || strings.Contains(msg, "connect") {
			t.Errorf("%s: want a one-line reason about the flag, got %q", name, msg)
		}
	}
	_, _, err := runArrs("report", "integration", "--level", "nation")
	if err == nil || err.Error() != `--level must be england, region, icb or pcn, not "nation"` {
		t.Errorf("bad level: %v", err)
	}
}
