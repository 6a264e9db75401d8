package server

import (
	"strings"
	"testing"
)

// TestTargetNameSeparated: the default target is named "26000 additional roles";
// every page that names it writes the number as every number on a page, 26,000.
func TestTargetNameSeparated(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	for path, want := range map[string]string{
		"/gaps":                  "ARRS FTE in England against 26,000 additional roles",
		"/gaps/icbs/QOC":         "(26,000 additional roles)",
		"/pcns/U60057":           "The network's share of 26,000 additional roles",
		"/icbs/QOC/compare":      "26,000 additional roles",
		"/pcns/U60057/dashboard": "Fair share of 26,000 additional roles",
	} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			status, doc := gapPageDoc(t, s, path)
			if status != 200 {
				t.Fatalf("status %d", status)
			}
			text := strings.Join(strings.Fields(doc.Find("main").Text()), " ")
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", path, want)
			}
			if strings.Contains(text, "26000") {
				t.Errorf("%s writes 26000 without a separator", path)
			}
		})
	}
}

// TestPCNProjectionBeforeDataStart: on an as-of date before the data start (the
// census of 30 November 2025) the projection reads staff in post on a day the records
// do not describe: its row says no data, never 0.0 (PLANNING.md, "Known and unknown").
func TestPCNProjectionBeforeDataStart(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	status, doc := gapPageDoc(t, s, "/pcns/U60057?as_of=2024-03-31")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if got := strings.Join(gapCells(doc, "projection-2024-03-31"), "|"); got != "31 March 2024|2023/24 Q4|No data" {
		t.Errorf("projection row %q", got)
	}
	if strings.Contains(doc.Find("#pcn-projection").Text(), "NaN") {
		t.Error("the chart writes NaN")
	}
}
