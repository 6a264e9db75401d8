package report

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestEscapeFormula(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"SHREWSBURY PCN": "SHREWSBURY PCN", "": "", "a=b": "a=b",
	} {
		if got := escapeFormula(in); got != want {
			t.Errorf("escapeFormula(%q) = %q, want %q", in, got, want)
		}
	}
}

// Text cells of a download are escaped against formula injection.
func TestPlanRecordsEscapeFormulas(t *testing.T) {
	t.Parallel()
	recs := planRecords("=HYPERLINK(1)", []workforce.PlanLine{{RoleCode: "@SUM(A1)", QuarterStart: time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)}})
	if recs[1][0] != "'=HYPERLINK(1)" || recs[1][1] != "'@SUM(A1)" {
		t.Errorf("records %q", recs[1])
	}
}

// The gap and claim files escape their text, and leave the caller's rows as they were.
func TestFilesEscapeTextOnly(t *testing.T) {
	t.Parallel()
	gaps := []GapRow{{Name: "=cmd"}}
	gaps[0].Code = "-U1"
	var b bytes.Buffer
	if err := WriteGapsFile(&b, CSV, gaps); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil || recs[1][1] != "'-U1" || recs[1][2] != "'=cmd" || gaps[0].Name != "=cmd" {
		t.Errorf("gaps: %v %q, rows %+v", err, recs, gaps)
	}
	b.Reset()
	claims := []funding.Claim{{Staff: "@1", Role: "+r", Month: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}}
	if err := WriteClaimsFile(&b, CSV, claims); err != nil {
		t.Fatal(err)
	}
	if recs, err = csv.NewReader(&b).ReadAll(); err != nil || recs[1][1] != "'@1" || recs[1][2] != "'+r" || claims[0].Staff != "@1" {
		t.Errorf("claims: %v %q", err, recs)
	}
}
