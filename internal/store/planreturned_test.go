package store

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// A line kept in the audit trail reads back as it was: FTE as stored, the cost to the
// penny, no cost as none.
func TestAuditLineRoundTrip(t *testing.T) {
	t.Parallel()
	cost := workforce.Pence(4500050)
	for _, l := range []workforce.PlanLine{
		{PCNCode: "U1", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 0.333333, LeaversFTE: 1, AnnualCostPence: &cost},
		{PCNCode: "U1", RoleCode: "dietitian", QuarterStart: workforce.Date(2026, 4, 1), StartersFTE: 1.5},
		{PCNCode: "U1", RoleCode: "gp", QuarterStart: workforce.Date(2026, 4, 1), StartersFTE: 1, Stream: workforce.StreamPracticeGP},
	} {
		kept := auditLines([]workforce.PlanLine{l})[0]
		got, err := parseAuditLine("U1", kept)
		if err != nil {
			t.Fatalf("%q: %v", kept, err)
		}
		same := workforce.DiffLines([]workforce.PlanLine{l}, []workforce.PlanLine{got}, nil)
		if len(same) != 0 || got.RoleCode != l.RoleCode || !got.QuarterStart.Equal(l.QuarterStart) || got.FundingStream() != l.FundingStream() {
			t.Errorf("%q read back as %+v", kept, got)
		}
	}
	for _, bad := range []string{"", "paramedic 2026/27 Q1 1 0", "paramedic 2026/27 Q5 1 0 -", "paramedic 2026/27 Q1 x 0 -", "paramedic 2026/27 Q1 1 0 £5"} {
		if _, err := parseAuditLine("U1", bad); err == nil {
			t.Errorf("%q read without an error", bad)
		}
	}
}
