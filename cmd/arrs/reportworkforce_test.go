package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// Before the data start (the sample's census, 30 Nov 2025) the staff records describe
// no one: PCN, ICB and region FTE is no data, never 0, and England's row is the
// national monthly series for March 2024, labelled (PLANNING.md, "Known and unknown").
func TestReportWorkforceBeforeDataStart(t *testing.T) {
	withSample(t)
	out, stderr, err := runArrs("report", "workforce", "--at", "2024-03-31")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "level,code,name,role_code,fte,source" {
		t.Errorf("header %q", got)
	}
	var all []string
	for _, r := range rows[1:] {
		if r[5] != "national_series" {
			t.Errorf("England row %v not labelled the national series", r)
		}
		if r[3] == "all" {
			all = r
		}
	}
	// Every staff role of the shipped series in March 2024 sums to 27,972.6 FTE.
	if all == nil || all[4] != "27972.60" {
		t.Errorf("England all = %v, want 27972.60", all)
	}
	if !strings.Contains(stderr, "national series") {
		t.Errorf("no note on the national series: %q", stderr)
	}

	for _, format := range []string{"csv", "table", "json"} {
		out, _, err = runArrs("report", "workforce", "--at", "2024-03-31", "--level", "pcn", "--format", format)
		if err != nil {
			t.Fatal(err)
		}
		switch format {
		case "csv":
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 3 {
				t.Fatalf("want PCN rows, got %d", len(rows))
			}
			for _, r := range rows[1:] {
				if r[4] != "" || r[5] != "" {
					t.Fatalf("PCN row %v: want an empty fte and source", r)
				}
			}
		case "table":
			if strings.Contains(out, "0.0") || !strings.Contains(out, "no data") {
				t.Errorf("table shows a number, not no data:\n%.400s", out)
			}
		case "json":
			var got []map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			for _, r := range got {
				if v, ok := r["fte"]; !ok || v != nil {
					t.Fatalf("PCN row %v: want fte null", r)
				}
			}
		}
	}
}
