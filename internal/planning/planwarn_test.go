package planning

import (
	"reflect"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// TestPlanWarnings: a cost above the highest cap of the role's variants in force on
// the quarter's start, and a role over its cap on numbers (once, at the first quarter
// over), outside the window ignored.
func TestPlanWarnings(t *testing.T) {
	t.Parallel()
	d := workforce.Date
	cost := func(p workforce.Pence) *workforce.Pence { return &p }
	caps := []workforce.Cap{
		{RoleCode: "gpn", Variant: "new", EffectiveFrom: d(2025, time.April, 1), Pence: 4000000},
		{RoleCode: "gpn", Variant: "experienced", EffectiveFrom: d(2025, time.April, 1), Pence: 4500000},
		{RoleCode: "gpn", Variant: "experienced", EffectiveFrom: d(2026, time.October, 1), Pence: 4600000},
	}
	lines := []workforce.PlanLine{
		{RoleCode: "gpn", QuarterStart: d(2026, time.April, 1), StartersFTE: 1, AnnualCostPence: cost(4550000)},   // above 45,000
		{RoleCode: "gpn", QuarterStart: d(2026, time.October, 1), StartersFTE: 1, AnnualCostPence: cost(4550000)}, // within 46,000
		{RoleCode: "gpn", QuarterStart: d(2025, time.April, 1), StartersFTE: 1, AnnualCostPence: cost(9000000)},   // outside the window
		{RoleCode: "digital_transformation_lead", QuarterStart: d(2026, time.July, 1), StartersFTE: 0.5},
		{RoleCode: "digital_transformation_lead", QuarterStart: d(2027, time.January, 1), StartersFTE: 0.5},
	}
	c := PlanChecks{Lines: lines, Caps: caps, Window: workforce.PlanWindowAt(d(2026, time.May, 1)),
		Roles: []workforce.Role{{Code: "gpn"}, {Code: "digital_transformation_lead"}}, AsOf: d(2026, time.March, 31),
		InPost: map[string]float64{"digital_transformation_lead": 0.5}, ListSize: 120_000}
	want := []PlanWarning{
		{RoleCode: "gpn", Quarter: workforce.Quarter{Year: 2026, N: 1}, CostPence: 4550000, CapPence: 4500000},
		{RoleCode: "digital_transformation_lead", Quarter: workforce.Quarter{Year: 2026, N: 4}, OverNumbers: true, FTE: 1.5, LimitFTE: 1},
	}
	if got := PlanWarnings(c); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %+v\nwant     %+v", got, want)
	}
	c.AsOf = time.Time{} // no census: no caps on numbers
	if got := PlanWarnings(c); len(got) != 1 {
		t.Errorf("without a census: %+v", got)
	}
}
