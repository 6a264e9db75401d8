package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const planFileHeader = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"

// writePlanFile writes text to a file of a test's own folder.
func writePlanFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// `arrs import plans` reports every wrong row of a file at once, one line each on
// stderr, and ends with one line saying how many; nothing is imported.
func TestImportPlansReportsEveryWrongRow(t *testing.T) {
	db := withSample(t)
	bad := writePlanFile(t, "three.csv", planFileHeader+
		"U79722,paramedic,2026/27 Q1,1,0,\n"+
		"U79722,paramedic,2026/27 Q2,-1,0,\n"+
		"U79722,pharmacist,2026/27 Q2,1,0,\n"+
		"U79722,paramedic,2026/27 Q3,1,0,250001\n")
	out, stderr, err := runArrs("import", "plans", bad)
	if err == nil || err.Error() != "three.csv: 3 errors (listed above); nothing was imported" || out != "" {
		t.Fatalf("import: %v %q", err, out)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	want := []string{
		"three.csv: line 3, column starters_fte: is negative (-1)",
		`three.csv: line 4, column role_code: unknown role code "pharmacist"`,
		"three.csv: line 5, column annual_cost_gbp: is 250001; the annual cost of one WTE must be between £10,000 and £250,000",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr: %q", stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d: %q, want %q", i+1, lines[i], w)
		}
	}
	if ps, err := db.PlansByPCN(context.Background(), "U79722"); err != nil || len(ps) != 0 {
		t.Errorf("a refused file wrote plans: %v %v", ps, err)
	}
}

// The command line's costs are bounded as the plan page's are: £250,000 for one WTE
// is accepted, £250,001 refused.
func TestImportPlansCostLimit(t *testing.T) {
	withSample(t)
	_, _, err := runArrs("import", "plans", writePlanFile(t, "dear.csv", planFileHeader+"U79722,paramedic,2026/27 Q2,1,0,250001\n"))
	if err == nil || err.Error() != "dear.csv: line 2, column annual_cost_gbp: is 250001; the annual cost of one WTE must be between £10,000 and £250,000" {
		t.Errorf("£250,001: %v", err)
	}
	out, _, err := runArrs("import", "plans", writePlanFile(t, "top.csv", planFileHeader+"U79722,paramedic,2026/27 Q2,1,0,250000\n"))
	if err != nil || !strings.Contains(out, "1 plan lines") {
		t.Errorf("£250,000: %v %q", err, out)
	}
}
