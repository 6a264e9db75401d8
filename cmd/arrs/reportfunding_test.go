package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// fundingRows runs `arrs report funding` for a level and year and returns its rows by
// area code, checking the header.
func fundingRows(t *testing.T, level, year string) map[string][]string {
	t.Helper()
	out, _, err := runArrs("report", "funding", "--level", level, "--year", year)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "level,code,name,financial_year,entitlement_gbp,committed_gbp,planned_gbp,headroom_gbp,estimated_records,uncosted_records,staff_data_from" {
		t.Fatalf("header %q", got)
	}
	byCode := map[string][]string{}
	for _, r := range recs[1:] {
		byCode[r[1]] = r
	}
	return byCode
}

// A year that starts before the staff data (2025/26; the sample's first census is 30
// November 2025) has April–October unknown: committed and headroom are empty, never a
// full-year headroom built on zeros, and the row names the census the data starts at.
// The entitlement is known and given.
func TestReportFundingPartialYear(t *testing.T) {
	withSample(t)
	row := fundingRows(t, "pcn", "2025/26")["U60057"]
	if row == nil {
		t.Fatal("no row for U60057")
	}
	if row[4] == "" || row[5] != "" || row[7] != "" || row[10] != "2025-11-30" {
		t.Errorf("2025/26 row %q: want an entitlement, empty committed and headroom, staff_data_from 2025-11-30", row)
	}
	if full := fundingRows(t, "pcn", "2026/27")["U60057"]; full[5] == "" || full[7] == "" || full[10] != "" {
		t.Errorf("2026/27 row %q: a year after the data start is known", full)
	}
}
